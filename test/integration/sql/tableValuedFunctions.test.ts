import { expect } from "chai";
import { before, describe, it } from "mocha";
import { functions as F, lit, type DataFrame } from "../../../src";
import { requireSpark, useSession } from "../../support/spark";

async function plain(df: DataFrame): Promise<Record<string, unknown>[]> {
  return (await df.collect()).map((row) => ({ ...row }));
}

describe("table-valued functions (spark.tvf)", () => {
  before(async function () {
    await requireSpark(this, "4.0", "table-valued functions in the protocol");
  });

  const spark = useSession();

  it("range is spark.range", async () => {
    expect(await plain(spark.tvf.range(2))).to.deep.equal([{ id: 0n }, { id: 1n }]);
  });

  it("explode and posexplode give a row per element, the outer forms a row for nothing", async () => {
    expect(await plain(spark.tvf.explode(F.array(lit(1), lit(2))))).to.deep.equal([{ col: 1 }, { col: 2 }]);
    expect(await plain(spark.tvf.posexplode(F.array(lit("a"))))).to.deep.equal([{ pos: 0, col: "a" }]);
    expect(await plain(spark.tvf.explode_outer(F.array().cast("array<int>")))).to.deep.equal([{ col: null }]);
    expect(await plain(spark.tvf.posexplode_outer(F.array().cast("array<int>")))).to.deep.equal([{ pos: null, col: null }]);
  });

  it("explode of a map gives key and value columns", async () => {
    expect(await plain(spark.tvf.explode(F.create_map(lit("k"), lit(1))))).to.deep.equal([{ key: "k", value: 1 }]);
  });

  it("inline gives a column per struct field", async () => {
    const structs = F.array(F.named_struct(lit("a"), lit(1), lit("b"), lit("x")));
    expect(await plain(spark.tvf.inline(structs))).to.deep.equal([{ a: 1, b: "x" }]);
    expect(await spark.tvf.inline_outer(F.array().cast("array<struct<a:int>>")).count()).to.equal(1);
  });

  it("json_tuple extracts fields and stack lays values out in rows", async () => {
    expect(await plain(spark.tvf.json_tuple(lit('{"a": 1, "b": "two"}'), lit("a"), lit("b")))).to.deep.equal([{ c0: "1", c1: "two" }]);
    expect(await plain(spark.tvf.stack(lit(2), lit("x"), lit(1), lit("y"), lit(2)))).to.deep.equal([
      { col0: "x", col1: 1 },
      { col0: "y", col1: 2 },
    ]);
  });

  it("variant_explode walks a variant object", async () => {
    const rows = await plain(spark.tvf.variant_explode(F.parse_json(lit('{"a": 1}'))).select("pos", "key"));
    expect(rows).to.deep.equal([{ pos: 0, key: "a" }]);
    expect(await spark.tvf.variant_explode_outer(F.parse_json(lit("1"))).count()).to.equal(1);
  });

  it("collations and sql_keywords list what the server knows", async () => {
    expect(await spark.tvf.collations().where("NAME = 'UTF8_BINARY'").count()).to.equal(1);
    expect(await spark.tvf.sql_keywords().where("keyword = 'SELECT'").count()).to.equal(1);
  });

  it("python_worker_logs reads the workers' logs once the server logs them", async function () {
    await requireSpark(this, "4.1", "the python_worker_logs table-valued function");
    await spark.conf.set("spark.sql.pyspark.worker.logging.enabled", "true");
    try {
      // No Python UDF ran in this session: the table exists and is empty.
      expect(await spark.tvf.python_worker_logs().count()).to.equal(0);
    } finally {
      await spark.conf.unset("spark.sql.pyspark.worker.logging.enabled");
    }
  });
});
