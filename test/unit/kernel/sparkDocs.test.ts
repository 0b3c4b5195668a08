import { expect } from "chai";
import { describe, it } from "mocha";
import { ArrayType, DecimalType, IntegerType, LongType, MapType, StringType, StructType } from "spark-ts";
import { originText, rootOperator, schemaTree, snakeCase, tablesOfParsedPlan } from "../../../kernel/src/completion/sparkDocs";
import { parsedPlanOf } from "../../../kernel/src/completion/schemaCache";

describe("a schema as a tree", () => {
  it("reads as Spark's printSchema: type names, nullability, nested structs, arrays and maps", () => {
    const schema = new StructType()
      .add("id", new LongType(), false)
      .add("price", new DecimalType(10, 2))
      .add("address", new StructType().add("city", new StringType()))
      .add("tags", new ArrayType(new StringType(), false))
      .add("counts", new MapType(new StringType(), new IntegerType()));
    expect(schemaTree(schema)).to.equal(
      [
        "root",
        " |-- id: long (nullable = false)",
        " |-- price: decimal(10,2) (nullable = true)",
        " |-- address: struct (nullable = true)",
        " |    |-- city: string (nullable = true)",
        " |-- tags: array (nullable = true)",
        " |    |-- element: string (containsNull = false)",
        " |-- counts: map (nullable = true)",
        " |    |-- key: string",
        " |    |-- value: integer (valueContainsNull = true)",
      ].join("\n"),
    );
  });
});

describe("where a DataFrame comes from", () => {
  const aggregate = "'Aggregate ['region], ['region, unresolvedalias('sum('amount))]\n+- 'UnresolvedRelation [db, sales], [], false";

  it("is read from Spark's parsed plan: the tables under it and the operator at its top", () => {
    expect(tablesOfParsedPlan(aggregate)).to.deep.equal(["db.sales"]);
    expect(rootOperator(aggregate)).to.equal("Aggregate");
    expect(rootOperator("Range (0, 3, step=1, splits=Some(2))")).to.equal("Range");
  });

  it("says the table when the DataFrame is a table, else the operator and its tables", () => {
    expect(originText({ parsedPlan: "'UnresolvedRelation [people], [], false" }).split("\n")[0]).to.equal("Comes from: table people");
    expect(originText({ parsedPlan: aggregate }).split("\n")[0]).to.equal("Comes from: Aggregate over table db.sales");
  });

  it("says the SQL first when a cell made it from SQL, then the cell and the plan", () => {
    expect(
      originText({
        definition: { cell: 4, code: 'await spark.sql("SELECT 1 AS one")', sql: "SELECT 1 AS one" },
        parsedPlan: "'Project [1 AS one#1]\n+- OneRowRelation",
      }),
    ).to.equal(
      [
        "Comes from: SQL",
        "  SELECT 1 AS one",
        "Defined in cell [4]:",
        '  await spark.sql("SELECT 1 AS one")',
        "Plan (as Spark parsed it):",
        "  'Project [1 AS one#1]",
        "  +- OneRowRelation",
      ].join("\n"),
    );
  });

  it("shows at most twelve lines of a plan, and says how many more there are", () => {
    const plan = Array.from({ length: 15 }, (_, i) => `line ${i}`).join("\n");
    const lines = originText({ parsedPlan: plan }).split("\n");
    expect(lines.at(-1)).to.equal("  ... 3 more lines");
    expect(lines.at(-2)).to.equal("  line 11");
  });

  it("takes the parsed plan out of an extended explain", () => {
    expect(
      parsedPlanOf(
        "== Parsed Logical Plan ==\n'Project ['a]\n+- 'UnresolvedRelation [t], [], false\n\n== Analyzed Logical Plan ==\na: int",
      ),
    ).to.equal("'Project ['a]\n+- 'UnresolvedRelation [t], [], false");
  });
});

describe("Spark names of the functions namespace", () => {
  it("are spelled in snake_case", () => {
    expect([snakeCase("sumDistinct"), snakeCase("sum"), snakeCase("approxCountDistinct")]).to.deep.equal([
      "sum_distinct",
      "sum",
      "approx_count_distinct",
    ]);
  });
});
