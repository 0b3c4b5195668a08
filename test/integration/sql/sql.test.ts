import { expect } from "chai";
import { describe, it } from "mocha";
import { useSession } from "../../support/spark";

describe("spark.sql", () => {
  const spark = useSession();

  it("runs DDL at once: the view exists before any action", async () => {
    await spark.sql("CREATE OR REPLACE TEMP VIEW eager_view AS SELECT 42 AS answer");
    const rows = await spark.table("eager_view").collect();
    expect(rows.map((r) => ({ ...r }))).to.deep.equal([{ answer: 42 }]);
  });

  it("runs DML at once: inserted rows are there without collecting the INSERT's result", async () => {
    await spark.sql("CREATE TABLE IF NOT EXISTS sql_dml_t (id INT) USING parquet");
    await spark.sql("TRUNCATE TABLE sql_dml_t");
    await spark.sql("INSERT INTO sql_dml_t VALUES (1), (2), (3)");
    try {
      expect(await spark.table("sql_dml_t").count()).to.equal(3);
    } finally {
      await spark.sql("DROP TABLE sql_dml_t");
    }
  });

  it("surfaces a SQL error where the SQL was written, not at a later action", async () => {
    const err = await spark.sql("SELECT * FROM no_such_table_anywhere").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.have.property("errorClass", "TABLE_OR_VIEW_NOT_FOUND");
  });

  it("binds named parameters as typed literals", async () => {
    const df = await spark.sql("SELECT :n + 1 AS n, :s AS s, :b AS b, :big AS big, :x AS x, typeof(:d) AS d", {
      n: 41,
      s: "it's; DROP TABLE x --",
      b: true,
      big: 2n ** 40n,
      x: null,
      d: 1.5,
    });
    const [row] = await df.collect();
    expect({ ...row }).to.deep.equal({ n: 42, s: "it's; DROP TABLE x --", b: true, big: 2n ** 40n, x: null, d: "double" });
  });

  it("binds positional parameters in order", async () => {
    const df = await spark.sql("SELECT ? AS a, ? AS b, ? * 2 AS c", ["first", 2.5, 21]);
    const [row] = await df.collect();
    expect({ ...row }).to.deep.equal({ a: "first", b: 2.5, c: 42 });
  });

  it("sends whole numbers beyond 32 bits as bigint, so they keep their value", async () => {
    const [row] = await (await spark.sql("SELECT :v AS v, typeof(:v) AS t", { v: 2 ** 40 })).collect();
    expect({ ...row }).to.deep.equal({ v: 2n ** 40n, t: "bigint" });
  });

  it("gives a query result as a lazy DataFrame that can be run again", async () => {
    const df = await spark.sql("SELECT id FROM range(5) WHERE id % 2 = 0");
    expect(await df.count()).to.equal(3);
    expect((await df.collect()).map((r) => r.id)).to.deep.equal([0n, 2n, 4n]);
  });
});
