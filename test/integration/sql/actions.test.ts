import { expect } from "chai";
import { describe, it } from "mocha";
import { Table } from "apache-arrow";
import { useSession } from "../../support/spark";

describe("DataFrame actions", () => {
  const spark = useSession();

  describe("collect", () => {
    it("returns every row keyed by column name", async () => {
      const df = await spark.sql("SELECT id, CAST(id AS STRING) AS s FROM range(3)");
      const rows = await df.collect();
      expect(rows.map((r) => ({ ...r }))).to.deep.equal([
        { id: 0n, s: "0" },
        { id: 1n, s: "1" },
        { id: 2n, s: "2" },
      ]);
    });

    it("keeps every value reachable when column names repeat", async () => {
      const [row] = await (await spark.sql("SELECT 1 AS a, 2 AS a, 3 AS b")).collect();
      expect(row.a).to.equal(1);
      expect(row.b).to.equal(3);
      expect([...Object.values(row)]).to.include.members([1, 3]);
    });

    it("keeps each repeated column's own type and nullability, across batches", async () => {
      await spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", 2);
      try {
        const df = await spark.sql("SELECT id AS a, CAST(id AS STRING) AS a, IF(id = 0, NULL, id) AS a FROM range(5)");
        const rows = await df.collect();
        expect(rows.map((row) => [...row])).to.deep.equal([0, 1, 2, 3, 4].map((i) => [BigInt(i), String(i), i === 0 ? null : BigInt(i)]));
      } finally {
        await spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch");
      }
    });

    it("returns an empty list for an empty result", async () => {
      expect(await spark.range(0).collect()).to.deep.equal([]);
    });

    it("loses no rows across many Arrow batches", async () => {
      await spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", 1000);
      const df = await spark.sql("SELECT id FROM range(0, 200000, 1, 8)");
      const rows = await df.collect();
      expect(rows).to.have.length(200000);
      let sum = 0n;
      for (const row of rows) sum += row.id as bigint;
      expect(sum).to.equal((199999n * 200000n) / 2n);
    });
  });

  describe("toArrow", () => {
    it("returns an Arrow Table with Spark's schema and every row", async () => {
      const table = await (await spark.sql("SELECT id, id * 2 AS twice FROM range(1000)")).toArrow();
      expect(table).to.be.instanceOf(Table);
      expect(table.numRows).to.equal(1000);
      expect(table.schema.fields.map((f) => f.name)).to.deep.equal(["id", "twice"]);
    });

    it("keeps the schema of an empty result", async () => {
      const table = await (await spark.sql("SELECT id, 'x' AS s FROM range(0)")).toArrow();
      expect(table.numRows).to.equal(0);
      expect(table.schema.fields.map((f) => f.name)).to.deep.equal(["id", "s"]);
    });
  });

  describe("count, first, head, take, isEmpty", () => {
    it("count returns the number of rows as a number", async () => {
      expect(await spark.range(12345).count()).to.equal(12345);
      expect(await spark.range(0).count()).to.equal(0);
    });

    it("first returns the first row, or undefined for no rows", async () => {
      expect({ ...(await spark.range(5, 10).first()) }).to.deep.equal({ id: 5n });
      expect(await spark.range(0).first()).to.equal(undefined);
    });

    it("head and take return at most n rows", async () => {
      expect((await spark.range(100).head(3)).map((r) => r.id)).to.deep.equal([0n, 1n, 2n]);
      expect(await spark.range(2).take(10)).to.have.length(2);
    });

    it("isEmpty tells an empty DataFrame from a non-empty one", async () => {
      expect(await spark.range(0).isEmpty()).to.equal(true);
      expect(await spark.range(1).isEmpty()).to.equal(false);
    });
  });

  describe("schema, columns, dtypes", () => {
    it("reports the columns and Spark's type names", async () => {
      const df = await spark.sql("SELECT 1 AS i, 'a' AS s, array(1.5D) AS xs, CAST(1 AS DECIMAL(10, 2)) AS d");
      expect(await df.columns).to.deep.equal(["i", "s", "xs", "d"]);
      expect(await df.dtypes).to.deep.equal([
        ["i", "int"],
        ["s", "string"],
        ["xs", "array<double>"],
        ["d", "decimal(10,2)"],
      ]);
      const schema = await df.schema;
      expect(schema.fields[0].nullable).to.equal(false);
    });

    it("reports an analysis error for a missing table when the schema is asked for", async () => {
      const err = await spark.table("not_a_table_here").schema.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.have.property("errorClass", "TABLE_OR_VIEW_NOT_FOUND");
    });
  });

  describe("printSchema and explain", () => {
    it("printSchema prints Spark's tree", async () => {
      const df = await spark.sql("SELECT 1 AS i, named_struct('a', 'x') AS st");
      const printed = await capture(() => df.printSchema());
      expect(printed).to.equal(
        [
          "root",
          " |-- i: integer (nullable = false)",
          " |-- st: struct (nullable = false)",
          " |    |-- a: string (nullable = false)",
          "",
        ].join("\n"),
      );
    });

    it("explain prints the physical plan, and more when asked", async () => {
      const df = spark.range(10);
      const simple = await df.explainString();
      expect(simple).to.match(/== Physical Plan ==/);
      expect(simple).not.to.match(/== Parsed Logical Plan ==/);
      const extended = await df.explainString(true);
      expect(extended).to.match(/== Parsed Logical Plan ==[\s\S]*== Physical Plan ==/);
      expect(await df.explainString("formatted")).to.match(/Range/);
      expect(await capture(() => df.explain())).to.equal(simple + "\n");
    });
  });

  describe("toLocalIterator", () => {
    it("yields every row in order", async () => {
      const ids: bigint[] = [];
      for await (const row of spark.range(0, 50000, 1, 4).toLocalIterator()) ids.push(row.id as bigint);
      expect(ids).to.have.length(50000);
      expect(ids.every((id, i) => id === BigInt(i))).to.equal(true);
    });

    it("interrupts the operation on the server when the loop is left early", async () => {
      let seen = 0;
      const started = Date.now();
      for await (const _ of spark.range(0, 3_000_000, 1, 4).toLocalIterator()) {
        if (++seen === 3) break;
      }
      expect(seen).to.equal(3);
      // The session is still usable right after, and nothing of the abandoned query is running.
      expect(await spark.range(3).count()).to.equal(3);
      const running = await spark.client.interrupt({ all: true });
      expect(running, `still running ${Date.now() - started} ms after the break`).to.deep.equal([]);
    });
  });
});

async function capture(action: () => Promise<void>): Promise<string> {
  const original = console.log;
  let out = "";
  console.log = (...args: unknown[]) => {
    out += args.join(" ") + "\n";
  };
  try {
    await action();
  } finally {
    console.log = original;
  }
  return out;
}
