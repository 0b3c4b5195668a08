import { expect } from "chai";
import { describe, it } from "mocha";
import { assignments, CellDefinitions } from "../../../kernel/src/completion/cellDefinitions";
import { bindableValue, describeValue } from "../../../kernel/src/completion/liveValues";
import { LocalDate, StructType } from "spark-ts";

describe("where a notebook variable was made", () => {
  it("is the top-level assignment of the cell, with the SQL of a spark.sql call on a string", () => {
    const found = assignments(
      'const adults = await spark.sql("SELECT * FROM people WHERE age >= 18");\nlet n = 1;\nn = 2;\nfunction f() { const inner = 3; }',
      3,
    );
    expect(Object.fromEntries(found)).to.deep.equal({
      adults: { cell: 3, code: 'await spark.sql("SELECT * FROM people WHERE age >= 18")', sql: "SELECT * FROM people WHERE age >= 18" },
      n: { cell: 3, code: "2" },
    });
  });

  it("is the whole cell, with its query, for a %%sql cell that names its result", () => {
    expect(Object.fromEntries(assignments("%%sql adults :minAge\nSELECT * FROM people WHERE age >= :minAge", 5))).to.deep.equal({
      adults: {
        cell: 5,
        code: "%%sql adults :minAge\nSELECT * FROM people WHERE age >= :minAge",
        sql: "SELECT * FROM people WHERE age >= :minAge",
      },
    });
    expect(assignments("%%sql\nSELECT 1", 6).size).to.equal(0);
  });

  it("is the latest cell that assigned it", () => {
    const definitions = new CellDefinitions();
    definitions.record(1, 'const df = spark.table("a");');
    definitions.record(2, "const other = 1;");
    definitions.record(3, 'const df = spark.table("b");');
    expect(definitions.of("df")).to.deep.equal({ cell: 3, code: 'spark.table("b")' });
    expect(definitions.of("nothing")).to.equal(undefined);
  });

  it("is shown shortened when the code is long", () => {
    const long = `const s = "${"x".repeat(500)}";`;
    expect(assignments(long, 1).get("s")!.code).to.have.length(401).and.to.match(/…$/);
  });
});

describe("variables a %%sql cell can bind to :params", () => {
  it("are those holding values spark.sql takes as literals", () => {
    expect(
      [18, "north", true, null, 2n, new Date(0), [1, 2], new Map([["a", 1]]), new LocalDate(2024, 1, 1)].map(bindableValue),
    ).to.deep.equal(Array(9).fill(true));
    expect([undefined, () => 1, { a: 1 }, new StructType(), Symbol("s")].map(bindableValue)).to.deep.equal(Array(5).fill(false));
  });

  it("are described by their kind", () => {
    expect([18, "a", null, [1], new Date(0)].map(describeValue)).to.deep.equal(["number", "string", "null", "array", "Date"]);
  });
});
