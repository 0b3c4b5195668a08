// Typed rows as the compiler sees them: snippets of user code compiled in memory (one program, with
// the repository's tsconfig.json) against the package's sources, each line that must fail marked
// `// !TSnnnn` with the diagnostic it must fail with; every other line must compile. The generated
// interfaces of rowInterface are compiled here too, and used as spark.sql<T>()'s T.
import path from "node:path";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import ts from "typescript";
import {
  ArrayType,
  BinaryType,
  CalendarIntervalType,
  DateType,
  DayTimeIntervalType,
  DecimalType,
  GeometryType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  rowInterface,
  StringType,
  StructField,
  StructType,
  TimeType,
  TimestampLTZNanosType,
  TimestampNTZType,
  TimestampType,
  typeScriptType,
  UnknownType,
  VariantType,
  YearMonthIntervalType,
} from "../../../src";

const root = path.resolve(__dirname, "..", "..", "..");
const here = path.join(root, "test", "unit", "sql");

const PRELUDE = `import { col, DataFrame, PendingDataFrame, Row, SparkSession, type SparkValue, type TypedRow } from "../../../src";
declare const spark: SparkSession;
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
/** \`exactly<T>()(x)\` is \`true\` when x's type is exactly T, else \`false\`, which a \`true\` slot refuses (TS2322). */
declare function exactly<T>(): <U>(value: U) => Equal<U, T>;
interface Sales { region: string; total: bigint | null }
type Typed = DataFrame<TypedRow<Sales>>;
`;

/** A schema with every type family, nested ones included, for the generated interface to compile. */
const EVERY_TYPE = new StructType([
  new StructField("flag", new IntegerType(), false),
  new StructField("big", new LongType()),
  new StructField("money", new DecimalType(10, 2)),
  new StructField("text", new StringType("UTF8_LCASE")),
  new StructField("bytes", new BinaryType()),
  new StructField("day", new DateType()),
  new StructField("at", new TimestampType()),
  new StructField("atNanos", new TimestampLTZNanosType(9)),
  new StructField("wall", new TimestampNTZType()),
  new StructField("clock", new TimeType(6)),
  new StructField("span", new DayTimeIntervalType()),
  new StructField("months", new YearMonthIntervalType()),
  new StructField("calendar", new CalendarIntervalType()),
  new StructField("v", new VariantType()),
  new StructField("shape", new GeometryType(0)),
  new StructField("nothing", new NullType()),
  new StructField("odd", new UnknownType()),
  new StructField("list", new ArrayType(new StructType().add("x", new IntegerType()).add("tags", new ArrayType(new StringType())))),
  new StructField("lookup", new MapType(new StringType(), new MapType(new LongType(), new DateType()))),
  new StructField("my col", new StringType()),
  new StructField("__proto__", new StringType()),
  new StructField("", new StringType()),
  new StructField("empty", new StructType()),
]);

/**
 * The user code, file by file. A line ending in `// !TSnnnn` must have that diagnostic (and only
 * that one); every other line none.
 */
const SNIPPETS: Record<string, string> = {
  misspelt: `export async function misspelt(): Promise<void> {
  const rows = await spark.sql<Sales>("SELECT 'EU' AS region, 1L AS total").collect();
  rows[0].regoin; // !TS2551
  (await spark.table<Sales>("sales").first())?.totl; // !TS2551
  (await spark.range(1).as<Sales>().take(1))[0].region;
}
`,
  fieldTypes: `export async function fieldTypes(): Promise<true[]> {
  const [row] = await spark.sql<Sales>("q").collect();
  const [first, second] = row;
  row.region = "elsewhere"; // !TS2540
  const wrong: number = row.region; // !TS2322
  return [
    exactly<string>()(row.region),
    exactly<bigint | null>()(row.total),
    exactly<SparkValue>()(first),
    exactly<SparkValue>()(second),
    exactly<SparkValue[]>()([...row]),
    exactly<number>()(row.region), // !TS2322
    exactly<number>()(wrong),
  ];
}
`,
  untyped: `export async function untyped(): Promise<true[]> {
  const rows = await spark.sql("SELECT 1 AS a").collect();
  const row: Row = rows[0];
  Row.values(row);
  return [
    exactly<Row[]>()(rows),
    exactly<SparkValue>()(row.anything),
    exactly<PendingDataFrame>()(spark.sql("q")),
    exactly<DataFrame>()(spark.table("t")),
    exactly<PendingDataFrame>()(spark.createDataFrame([{ a: 1 }])),
    exactly<DataFrame>()(await spark.sql("q")),
  ];
}
`,
  actions: `export async function actions(): Promise<true[]> {
  const df = spark.sql<Sales>("q");
  for await (const row of df.toLocalIterator()) row.regoin; // !TS2551
  return [
    exactly<PendingDataFrame<TypedRow<Sales>>>()(df),
    exactly<Typed>()(await df),
    exactly<TypedRow<Sales>[]>()(await df.collect()),
    exactly<TypedRow<Sales> | undefined>()(await df.first()),
    exactly<TypedRow<Sales>[]>()(await df.head(2)),
    exactly<TypedRow<Sales>[]>()(await df.take(2)),
    exactly<TypedRow<Sales>[]>()(await df.tail(2)),
    exactly<AsyncGenerator<TypedRow<Sales>, void, undefined>>()(df.toLocalIterator()),
    exactly<number>()(await df.count()),
  ];
}
`,
  sources: `export function sources(): true[] {
  spark.sql<string>("q"); // !TS2344
  return [
    exactly<DataFrame<TypedRow<Sales>>>()(spark.table<Sales>("sales")),
    exactly<PendingDataFrame<TypedRow<Sales>>>()(spark.createDataFrame<Sales>([{ region: "EU", total: 1 }])),
    exactly<PendingDataFrame<TypedRow<Sales>>>()(spark.createDataFrame<Sales>([["EU", 1]], "region STRING, total BIGINT")),
    exactly<Typed>()(spark.range(3).as<Sales>()),
    exactly<DataFrame>()(spark.table<Sales>("sales").as()),
  ];
}
`,
  keeps: `export async function keeps(df: Typed, other: DataFrame): Promise<true[]> {
  const keep = exactly<Typed>();
  return [
    keep(df.filter("total > 0")),
    keep(df.where(col("total").gt(0))),
    keep(df.orderBy("region")),
    keep(df.sort(col("total").desc())),
    keep(df.sortWithinPartitions("region")),
    keep(df.limit(1)),
    keep(df.offset(1)),
    keep(df.distinct()),
    keep(df.dropDuplicates(["region"])),
    keep(df.drop_duplicates()),
    keep(df.dropDuplicatesWithinWatermark()),
    keep(df.sample(0.5)),
    keep(df.sample(true, 2, 7)),
    keep(df.repartition(2)),
    keep(df.repartitionByRange("region")),
    keep(df.repartitionById(2, "total")),
    keep(df.coalesce(1)),
    keep(df.hint("broadcast")),
    keep(df.alias("s")),
    keep(df.withWatermark("at", "1 minute")),
    keep(df.observe("m", col("total"))),
    keep(df.union(df)),
    keep(df.unionAll(df.limit(1))),
    keep(df.intersect(other)),
    keep(df.intersectAll(df)),
    keep(df.subtract(other)),
    keep(df.exceptAll(other)),
    keep(df.dropna()),
    keep(df.fillna(0)),
    keep(df.replace("EU", "Europe")),
    keep(df.sampleBy("region", { EU: 0.5 })),
    keep(df.transform((d) => d.limit(1))),
    keep(await df.checkpoint()),
    keep(await df.localCheckpoint()),
    keep(await df.cache()),
    exactly<PendingDataFrame<TypedRow<Sales>>>()(df.persist()),
    exactly<PendingDataFrame<TypedRow<Sales>>>()(df.unpersist()),
    exactly<Typed[]>()(df.randomSplit([1, 1])),
  ];
}
`,
  drops: `export async function drops(df: Typed, other: DataFrame): Promise<true[]> {
  const drop = exactly<DataFrame>();
  (await df.select("region").collect())[0].anything;
  return [
    drop(df.select("region")),
    drop(df.selectExpr("upper(region) AS r")),
    drop(df.withColumn("twice", col("total").multiply(2))),
    drop(df.withColumnRenamed("total", "sum")),
    drop(df.drop("total")),
    drop(df.toDF("a", "b")),
    drop(df.join(other, "region")),
    drop(df.crossJoin(df)),
    drop(df.groupBy("region").count()),
    drop(df.agg(col("total"))),
    drop(df.union(other)),
    drop(df.unionByName(df)),
    drop(df.describe()),
    drop(df.transform((d) => d.select("region"))),
    drop(df.filter("total > 0")), // !TS2322
  ];
}
`,
  anyRows: `function described(df: DataFrame<object>): Promise<string[]> {
  return df.columns;
}
function counted(df: DataFrame): Promise<number> {
  return df.count();
}
export async function anyRows(typed: Typed, plain: DataFrame): Promise<unknown[]> {
  const asPlain: DataFrame = typed;
  const untypedAgain: DataFrame = typed.as();
  const [row] = await typed.collect();
  const plainRow: Row = row;
  const notTyped: Typed = plain; // !TS2322
  return [
    described(typed),
    counted(typed),
    typed.transform((df: DataFrame) => df.select("region")),
    Row.values(row),
    plainRow,
    notTyped,
    described(plain),
    described(spark.sql<Sales>("q")),
    plain.join(typed, "region"),
    plain.crossJoin(typed),
    plain.union(typed),
    plain.zip(typed),
    plain.unionByName(typed),
    typed.sameSemantics(plain),
    asPlain,
    untypedAgain,
  ];
}
`,
  generated: `import type { EveryType, Inline } from "./typedRowsGenerated";
export async function generated(): Promise<true[]> {
  const [row] = await spark.sql<EveryType>("q").collect();
  const [inline] = await spark.sql<Inline>("q").collect();
  row.flg; // !TS2551
  // Every type family's values are SparkValues: a DataFrame typed from any schema is a DataFrame.
  const asRow: Row = row;
  const asFrame: DataFrame = spark.sql<EveryType>("q");
  void [asRow, asFrame];
  return [
    exactly<number>()(row.flag),
    exactly<bigint | null>()(row.big),
    exactly<string | null>()(row["my col"]),
    exactly<string | null>()(row[""]),
    exactly<Record<string, never> | null>()(row.empty),
    exactly<null>()(row.nothing),
    exactly<EveryType["list"]>()(inline.list),
    exactly<EveryType["lookup"]>()(inline.lookup),
  ];
}
`,
  harness: `export const fine: number = 1; // !TS2322
export const bad: number = "one";
`,
};

/** The module rowInterface and typeScriptType write, as a service would save it. */
const GENERATED = `${rowInterface(EVERY_TYPE, "EveryType", { exported: true, importFrom: "../../../src" })}

export type Inline = ${typeScriptType(EVERY_TYPE)};
`;

interface Finding {
  readonly line: number;
  readonly code: string;
}

function formatted(findings: readonly Finding[]): string[] {
  return findings.map((f) => `line ${f.line}: TS${f.code}`).sort();
}

describe("typed rows, as the compiler sees them", function () {
  // One compile of the package's sources and the snippets: seconds on a loaded machine; a generous
  // bound on a compile, not a measure of anything.
  this.timeout(180_000);

  const files = new Map(Object.entries(SNIPPETS).map(([name, code]) => [path.join(here, `typedRowsSnippet_${name}.ts`), PRELUDE + code]));
  files.set(path.join(here, "typedRowsGenerated.ts"), GENERATED);
  const diagnostics = new Map<string, readonly ts.Diagnostic[]>();

  before(() => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      path.join(root, "tsconfig.json"),
      // The snippets share one prelude, which not every one of them uses all of.
      { noEmit: true, noUnusedLocals: false, noUnusedParameters: false },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    if (!parsed) throw new Error("tsconfig.json did not parse");
    const host = ts.createCompilerHost(parsed.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, ...rest) => {
      const text = files.get(path.resolve(fileName));
      return text === undefined ? getSourceFile(fileName, language, ...rest) : ts.createSourceFile(fileName, text, language, true);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => files.has(path.resolve(fileName)) || fileExists(fileName);
    const program = ts.createProgram([...files.keys()], parsed.options, host);
    for (const file of files.keys()) {
      const source = program.getSourceFile(file)!;
      diagnostics.set(file, [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]);
    }
  });

  /** What the compiler said about a snippet, and what its markers say it must say. */
  function check(name: string): { found: Finding[]; expected: Finding[]; messages: string[] } {
    const file = path.join(here, name === "generated module" ? "typedRowsGenerated.ts" : `typedRowsSnippet_${name}.ts`);
    const lines = files.get(file)!.split("\n");
    const found = diagnostics.get(file)!.map((d) => ({
      line: d.file!.getLineAndCharacterOfPosition(d.start!).line + 1,
      code: String(d.code),
    }));
    const expected = lines.flatMap((text, i) => [...text.matchAll(/\/\/ !TS(\d+)/g)].map((m) => ({ line: i + 1, code: m[1] })));
    const messages = diagnostics.get(file)!.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    return { found, expected, messages };
  }

  function expectMarked(name: string): string[] {
    const { found, expected, messages } = check(name);
    expect(formatted(found), messages.join("\n---\n")).to.deep.equal(formatted(expected));
    return messages;
  }

  it("a misspelt column of spark.sql<T>(), spark.table<T>() or df.as<T>() rows is error TS2551, naming the column meant", () => {
    const messages = expectMarked("misspelt");
    expect(messages[0]).to.match(/Property 'regoin' does not exist on type 'TypedRow<Sales>'\. Did you mean 'region'\?/);
    expect(messages[1]).to.match(/Did you mean 'total'\?/);
  });

  it("a typed row's columns have T's types, are read-only, and its values stay reachable by position as SparkValues", () => {
    expectMarked("fieldTypes");
  });

  it("untyped stays as it was: Row, any column name a SparkValue, Row.values, PendingDataFrame and DataFrame of Rows", () => {
    expectMarked("untyped");
  });

  it("collect, first, head, take, tail, toLocalIterator and await give T's rows", () => {
    expectMarked("actions");
  });

  it("spark.table<T>, createDataFrame<T> and as<T> declare the type, which must be an object type; as() drops it", () => {
    expectMarked("sources");
  });

  it("transformations that keep the rows' columns keep the type", () => {
    expectMarked("keeps");
  });

  it("transformations that change the columns give plain Rows, and a typed union with an untyped DataFrame too", () => {
    expectMarked("drops");
  });

  it("a typed DataFrame goes wherever a DataFrame goes (joins, unions, functions written for DataFrame), and its rows are Rows; not the other way round", () => {
    expectMarked("anyRows");
  });

  it("the interface rowInterface writes for every type family compiles, and types spark.sql<T>()'s rows; so does typeScriptType's", () => {
    expect(GENERATED).to.include(
      'import type { CalendarInterval, DayTimeInterval, LocalDate, LocalDateTime, LocalTime, SparkValue, Timestamp, VariantValue, YearMonthInterval } from "../../../src";',
    );
    expectMarked("generated module");
    expectMarked("generated");
  });

  it("sees a marked line that compiles and an unmarked one that fails (the check can fail)", () => {
    const { found, expected } = check("harness");
    const start = PRELUDE.split("\n").length;
    expect(formatted(found)).to.deep.equal([`line ${start + 1}: TS2322`]);
    expect(formatted(expected)).to.deep.equal([`line ${start}: TS2322`]);
  });
});
