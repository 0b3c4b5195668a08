// The interface rowInterface writes for a schema, checked against the rows a real server sends for
// it: every value of every column of a query with a column per type family (nested ones, nulls
// and non-nullable columns included) fits the type the interface gives its column, read from the
// interface's text with the TypeScript parser. And typed DataFrames are the same DataFrames at run
// time: the rows of spark.sql<T>(), table<T>() and as<T>() are those of the untyped ones.
import { expect } from "chai";
import { before, describe, it } from "mocha";
import ts from "typescript";
import { DataFrame, LocalDate, rowInterface, type Row, type StructType } from "../../../src";
import { requireSpark, useSession } from "../../support/spark";
import { interfaceProperties, misfit } from "../../support/typeTextFit";

/** One column of the probe: its name and the SQL of its value in the first row (the second row is all nulls). */
type Column = readonly [name: string, sql: string];

const CORE: readonly Column[] = [
  ["b", "true"],
  ["t", "CAST(-7 AS TINYINT)"],
  ["s", "CAST(300 AS SMALLINT)"],
  ["i", "2147483647"],
  ["l", "9007199254740993L"],
  ["f", "CAST(1.5 AS FLOAT)"],
  ["d", "0.25D"],
  ["dec", "CAST(12.34 AS DECIMAL(10, 2))"],
  ["str", "'text'"],
  ["bin", "X'00FF'"],
  ["dt", "DATE'2024-02-29'"],
  ["ts", "TIMESTAMP'2024-01-02 03:04:05.123456'"],
  ["ntz", "TIMESTAMP_NTZ'2024-01-02 03:04:05'"],
  ["dti", "INTERVAL '1 02:03:04.5' DAY TO SECOND"],
  ["ymi", "INTERVAL '1-2' YEAR TO MONTH"],
  ["arr", "array(1, NULL, 3)"],
  ["m", "map('a', 1L, 'b', NULL)"],
  ["st", "named_struct('a', 1, 'b', array('x', NULL), 'c', named_struct('deep', DATE'2024-01-01'))"],
  ["structs", "array(named_struct('x', 1.5D, 'y', NULL), NULL)"],
  ["nested_map", "map(1L, map('k', TIMESTAMP_NTZ'2024-01-01 00:00:00'))"],
  ["my col", "'spaced'"],
];

/** Spark 4.x's types, with the features that are off by default turned on in the suite's session. */
const NEWER: readonly Column[] = [
  ["cal", "make_interval(1, 2, 0, 3, 4, 5, 6.5)"],
  ["v", `parse_json('{"a": 1, "b": [true, null]}')`],
  ["geom", "ST_GeomFromWKB(X'0101000000000000000000F03F0000000000000040')"],
  ["geog", "ST_GeogFromWKB(X'0101000000000000000000F03F0000000000000040')"],
  ["tm", "time'12:34:56.123456789'"],
  ["ntz9", "TIMESTAMP_NTZ'2024-01-01 00:00:00.123456789'"],
  ["ltz9", "TIMESTAMP_LTZ'2024-01-01 00:00:00.123456789'"],
  ["ch", "CAST('ab' AS CHAR(3))"],
  ["vc", "CAST('ab' AS VARCHAR(5))"],
  ["coll", "'x' COLLATE UTF8_LCASE"],
];

/**
 * Two rows: the columns' values, then nulls in every nullable column; `id`, `always` and
 * `never_null` are not nullable, `nothing` is void.
 */
function probeQuery(columns: readonly Column[]): string {
  const quoted = (name: string) => `\`${name}\``;
  const values = columns.map(([name, sql]) => `CASE WHEN id = 1 THEN ${sql} END AS ${quoted(name)}`);
  return `SELECT id, 'x' AS always, array(1, 2) AS never_null, NULL AS nothing, ${values.join(", ")} FROM range(1, 3)`;
}

/**
 * Checks every value of `rows` against the interface rowInterface writes for `schema`: the same
 * properties as the rows' keys, each value fitting its property's type. Returns the columns whose
 * values were all null, for the caller to check that every column was exercised.
 */
function expectRowsFit(schema: StructType, rows: readonly Row[]): string[] {
  const source = rowInterface(schema, "Probe", { exported: true, importFrom: "spark-ts" });
  const props = interfaceProperties(source, "Probe");
  expect([...props.keys()]).to.deep.equal(schema.fieldNames());
  const problems: string[] = [];
  for (const [i, row] of rows.entries()) {
    expect(Object.keys(row)).to.deep.equal([...props.keys()]);
    for (const [name, type] of props) {
      const reason = misfit(row[name], type, `row ${i} ${name}`);
      if (reason) problems.push(`${reason} (${type.getText()})`);
    }
  }
  expect(problems, source).to.deep.equal([]);
  return [...props.keys()].filter((name) => rows.every((row) => row[name] === null));
}

describe("the interfaces rowInterface writes, against the rows a real server sends", () => {
  const spark = useSession();
  before(async () => {
    await spark.conf.set("spark.sql.session.timeZone", "UTC");
  });

  it("every value of every column of Spark's core types fits its property's type, null in the nullable ones", async () => {
    const df = spark.sql(probeQuery(CORE));
    const schema = await df.schema;
    const rows = await df.collect();
    expect(rows).to.have.length(2);
    expect(expectRowsFit(schema, rows)).to.deep.equal(["nothing"]);
    // The second row is nulls but for the columns that cannot be: the interface says which.
    const nonNull = schema.fields.filter((f) => !f.nullable).map((f) => f.name);
    expect(nonNull).to.deep.equal(["id", "always", "never_null"]);
    expect(
      Object.entries(rows[1])
        .filter(([, v]) => v !== null)
        .map(([k]) => k),
    ).to.deep.equal(nonNull);
  });

  it("so does every value of Spark 4's types: calendar intervals, variant, geometry, geography, time, nanosecond timestamps, char, varchar, collated strings", async function () {
    await requireSpark(this, "4.3", "time(p), the nanosecond timestamps and the spatial types");
    // The suite's session is its own: these settings reach no other session.
    await spark.conf.set("spark.sql.timeType.enabled", "true");
    await spark.conf.set("spark.sql.timestampNanosTypes.enabled", "true");
    await spark.conf.set("spark.sql.preserveCharVarcharTypeInfo", "true");
    const df = spark.sql(probeQuery(NEWER));
    const schema = await df.schema;
    expect(schema.fields.map((f) => f.dataType.simpleString()).slice(4)).to.deep.equal([
      "interval",
      "variant",
      "geometry(0)",
      "geography(4326)",
      "time(9)",
      "timestamp_ntz(9)",
      "timestamp_ltz(9)",
      "char(3)",
      "varchar(5)",
      "string collate UTF8_LCASE",
    ]);
    expect(expectRowsFit(schema, await df.collect())).to.deep.equal(["nothing"]);
  });

  it("would see a value that does not fit its type (the check can fail)", () => {
    const type = (text: string) =>
      (ts.createSourceFile("t.ts", `type T = ${text};`, ts.ScriptTarget.Latest, true).statements[0] as ts.TypeAliasDeclaration).type;
    expect(misfit(1, type("bigint"), "v")).to.equal("v: number 1 is not bigint");
    expect(misfit(null, type("bigint"), "v")).to.match(/null is not bigint/);
    expect(misfit(null, type("bigint | null"), "v")).to.equal(undefined);
    expect(misfit(new Date(), type("LocalDate"), "v")).to.equal("v: a Date is not a LocalDate");
    expect(misfit(LocalDate.fromEpochDay(0), type("LocalDate"), "v")).to.equal(undefined);
    expect(misfit([1, "2"], type("(number | null)[]"), "v")).to.match(/v\[1\]: string 2 is not number/);
    expect(misfit({ a: 1, b: 2 }, type("{ a: number }"), "v")).to.match(/keys \["a","b"\]/);
    expect(misfit(new Map([["k", 1n]]), type("Map<string, number>"), "v")).to.match(/bigint 1 is not number/);
    expect(() => misfit(1, type("Promise<number>"), "v")).to.throw("a type form the check does not know");
  });
});

describe("typed DataFrames at run time", () => {
  const spark = useSession();
  interface Pair {
    id: bigint;
    label: string | null;
  }
  const QUERY = "SELECT id, CASE WHEN id = 1 THEN 'one' END AS label FROM range(3)";

  it("spark.sql<T>(), its await, table<T>() and as<T>() give the rows the untyped DataFrames give", async () => {
    const untyped = await spark.sql(QUERY).collect();
    expect(untyped.map((r) => ({ ...r }))).to.deep.equal([
      { id: 0n, label: null },
      { id: 1n, label: "one" },
      { id: 2n, label: null },
    ]);
    const typed = spark.sql<Pair>(QUERY);
    expect(await typed.collect()).to.deep.equal(untyped);
    expect(await (await typed).orderBy("id").collect()).to.deep.equal(untyped);
    spark.sql(QUERY).createOrReplaceTempView("typed_pairs");
    const rows: Pair[] = await spark.table<Pair>("typed_pairs").filter("label IS NOT NULL").collect();
    expect(rows.map((r) => r.label)).to.deep.equal(["one"]);
    const [first] = await spark.range(1).as<{ id: bigint }>().collect();
    expect(first.id).to.equal(0n);
  });

  it("as<T>() is a new DataFrame on the same plan, as other transformations are", () => {
    const df = spark.range(2);
    const typed = df.as<{ id: bigint }>();
    expect(typed).to.be.instanceOf(DataFrame);
    expect(typed).to.not.equal(df);
    expect(typed.plan).to.equal(df.plan);
    expect(typed.as().plan).to.equal(df.plan);
  });
});
