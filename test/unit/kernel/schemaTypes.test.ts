// How the kernel types the DataFrames of earlier cells: which bindings, which declarations, when.
// The schemas are given here; the kernel suite (test/kernel/completion.test.ts) asks the real
// server, and checks the errors and completions the typed declarations give in real cells.
import { expect } from "chai";
import { describe, it } from "mocha";
import { DataFrame, DateType, LongType, StringType, StructType } from "spark-ts";
import { SchemaTypes, untypedConstNames } from "../../../kernel/src/cell/schemaTypes";

/** A value the kernel takes for a DataFrame (its class), without a session behind it. */
function frame(): DataFrame {
  return Object.create(DataFrame.prototype) as DataFrame;
}

const PEOPLE = new StructType().add("name", new StringType(), false).add("age", new LongType()).add("born", new DateType());
const PEOPLE_ROW = '{ name: string; age: bigint | null; born: import("spark-ts").LocalDate | null }';

const untyped = (name: string, kind = "DataFrame", module = "spark-ts") =>
  `declare const ${name}: import("${module}").${kind}<import("${module}").Row>;`;

describe("the bindings typed from their schema", () => {
  it("are a cell's top-level consts without a written type", () => {
    const cell = [
      'const people = await spark.sql("SELECT 1");',
      "const a = spark.range(1), b: DataFrame = spark.range(2);",
      "let later = spark.range(3);",
      "const { x } = { x: spark.range(4) };",
      "function f() { const inner = spark.range(5); return inner; }",
      "if (true) { const block = spark.range(6); }",
    ].join("\n");
    expect(untypedConstNames(cell)).to.deep.equal(["people", "a"]);
  });
});

describe("the declarations later cells are checked against", () => {
  async function learned(
    locals: Record<string, unknown>,
    cell: string,
    declOutput: string,
    schemaOf: () => Promise<StructType | undefined> = () => Promise.resolve(PEOPLE),
  ) {
    const types = new SchemaTypes(() => locals);
    types.noteCell(cell, declOutput);
    await types.learn(schemaOf);
    return types;
  }

  it("type an untyped DataFrame or PendingDataFrame from its schema, naming the package as tslab did", async () => {
    const locals = { people: frame(), pending: frame() };
    const declarations = [untyped("people"), untyped("pending", "PendingDataFrame", "spark-ts-kernel"), "declare const n = 1;"].join("\n");
    const types = await learned(locals, 'const people = spark.table("p");\nconst pending = spark.sql("q");', declarations);
    expect(types.typed(declarations).split("\n")).to.deep.equal([
      `declare const people: import("spark-ts").DataFrame<import("spark-ts").TypedRow<${PEOPLE_ROW}>>;`,
      `declare const pending: import("spark-ts-kernel").PendingDataFrame<import("spark-ts-kernel").TypedRow<${PEOPLE_ROW.replace(
        "spark-ts",
        "spark-ts-kernel",
      )}>>;`,
      "declare const n = 1;",
    ]);
  });

  it("leave a binding with a written type, a let, and a value that is no DataFrame as they were", async () => {
    const locals = { typed: frame(), later: frame(), rows: [] };
    const declarations = [untyped("typed"), untyped("later"), 'declare const rows: import("spark-ts").Row[];'].join("\n");
    const types = await learned(locals, "const typed: DataFrame = t;\nlet later = l;\nconst rows = await r.collect();", declarations);
    expect(types.typed(declarations)).to.equal(declarations);
  });

  it("stop typing a name once it holds another value, until that value's schema is known", async () => {
    const locals: Record<string, unknown> = { people: frame() };
    const types = await learned(locals, "const people = p;", untyped("people"));
    expect(types.typed(untyped("people"))).to.include("TypedRow<");
    locals.people = frame();
    expect(types.typed(untyped("people"))).to.equal(untyped("people"));
    const ids = new StructType().add("id", new LongType(), false);
    types.noteCell("const people = q;", untyped("people"));
    await types.learn(() => Promise.resolve(ids));
    expect(types.typed(untyped("people"))).to.equal(
      'declare const people: import("spark-ts").DataFrame<import("spark-ts").TypedRow<{ id: bigint }>>;',
    );
  });

  it("stay untyped while the schema is not known, and are typed once a later lookup gives it", async () => {
    const locals = { people: frame() };
    const types = await learned(locals, "const people = p;", untyped("people"), () => Promise.resolve(undefined));
    expect(types.typed(untyped("people"))).to.equal(untyped("people"));
    // The next cell binds nothing; the lookup is asked again and answers now.
    types.noteCell("1 + 1", "declare const x = 1;");
    await types.learn(() => Promise.resolve(PEOPLE));
    expect(types.typed(untyped("people"))).to.include(PEOPLE_ROW);
  });

  it("do not fail a cell when the schema lookup fails", async () => {
    const locals = { people: frame() };
    const types = await learned(locals, "const people = p;", untyped("people"), () => Promise.reject(new Error("server down")));
    expect(types.typed(untyped("people"))).to.equal(untyped("people"));
  });

  it("note nothing of a cell whose declarations name no DataFrame (it is not parsed)", async () => {
    const locals = { people: frame() };
    const types = await learned(locals, "const people = p;", "declare const people: number;");
    expect(types.typed(untyped("people"))).to.equal(untyped("people"));
  });
});
