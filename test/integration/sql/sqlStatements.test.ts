import { expect } from "chai";
import { describe, it } from "mocha";
import { AnalysisException, col, DataFrame, PendingDataFrame } from "../../../src/index";
import { serverAtLeast, useSession } from "../../support/spark";

/** The error `work` rejects with (fails the test when it resolves). */
async function failureOf(work: PromiseLike<unknown>): Promise<Error> {
  try {
    await work;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a rejection");
}

describe("spark.sql: eager statements with a DataFrame at once", function () {
  const spark = useSession();

  it("gives a DataFrame that runs actions and transformations without an await of its own", async () => {
    const df = spark.sql("SELECT id, id * 2 AS twice FROM range(5)");
    expect(df).to.be.instanceOf(DataFrame);
    const rows = await df.filter(col("id").gt(2)).orderBy("id").collect();
    expect(rows.map((r) => [r.id, r.twice])).to.deep.equal([
      [3n, 6n],
      [4n, 8n],
    ]);
  });

  it("runs statements in the order they are written: a view made by one is seen by the next request without an await", async () => {
    spark.sql("CREATE OR REPLACE TEMP VIEW eager_v AS SELECT 1 AS x");
    spark.sql("CREATE OR REPLACE TEMP VIEW eager_v AS SELECT x + 1 AS x FROM (SELECT 41 AS x)");
    expect((await spark.table("eager_v").collect()).map((r) => r.x)).to.deep.equal([42]);
  });

  it("runs a DML statement once, however often its DataFrame is used or awaited", async () => {
    spark.sql("CREATE OR REPLACE TEMP VIEW eager_src AS SELECT * FROM VALUES (1), (2) AS t(n)");
    await spark.sql("DROP TABLE IF EXISTS eager_sink");
    spark.sql("CREATE TABLE eager_sink (n INT) USING parquet");
    const insert = spark.sql("INSERT INTO eager_sink SELECT n FROM eager_src");
    await insert;
    await insert.collect();
    await insert;
    expect((await spark.table("eager_sink").orderBy("n").collect()).map((r) => r.n)).to.deep.equal([1, 2]);
    await spark.sql("DROP TABLE eager_sink");
  });

  it("gives a command's output rows, such as SHOW's, the same after await and without", async () => {
    spark.sql("CREATE OR REPLACE TEMP VIEW eager_shown AS SELECT 1 AS x");
    const direct = await spark.sql("SHOW VIEWS LIKE 'eager_shown'").collect();
    const awaited = await (await spark.sql("SHOW VIEWS LIKE 'eager_shown'")).collect();
    expect(direct.map((r) => r.viewName)).to.deep.equal(["eager_shown"]);
    expect(awaited).to.deep.equal(direct);
  });

  it("await gives a plain DataFrame once the statement ran, and a DataFrame built on it keeps column references", async () => {
    const pending = spark.sql("SELECT :v AS v", { v: 7 });
    expect(pending).to.be.instanceOf(PendingDataFrame);
    const df = await pending;
    expect(df).to.be.instanceOf(DataFrame).and.not.instanceOf(PendingDataFrame);
    expect((await df.collect())[0].v).to.equal(7);
    // Spark 3.5 cannot bind a column reference to a SQL relation by its plan id ("fail to find subplan").
    if (!(await serverAtLeast("4.0"))) return;
    const joined = pending.join(spark.range(8, 9).select(col("id").alias("w")), pending.col("v").lt(col("w")));
    expect((await joined.collect()).map((r) => [r.v, r.w])).to.deep.equal([[7, 8n]]);
  });

  it("throws a failed statement's Spark error from await and from an action on its DataFrame", async () => {
    const bad = spark.sql("SELECT * FROM eager_nowhere");
    const awaited = await failureOf(bad);
    expect(awaited).to.be.instanceOf(AnalysisException);
    expect((awaited as AnalysisException).errorClass).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    const shown = await failureOf(bad.filter(col("x").gt(1)).collect());
    expect((shown as AnalysisException).errorClass).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    expect(await spark.range(2).count(), "the session goes on").to.equal(2);
  });

  it("throws a failure nobody saw from the session's next request, once, and does not send the statements written after it", async () => {
    spark.sql("SELECT * FROM eager_nowhere_either");
    spark.sql("CREATE OR REPLACE TEMP VIEW eager_after_failure AS SELECT 1 AS x");
    const next = await failureOf(spark.range(1).count());
    expect((next as AnalysisException).errorClass).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    expect(next.message).to.include("eager_nowhere_either");
    expect(await spark.range(3).count(), "thrown once").to.equal(3);
    expect(await spark.catalog.tableExists("eager_after_failure"), "the statement after the failure was not sent").to.equal(false);
  });

  it("keeps code written for the Promise sql() used to return: then, catch, finally, Promise.all", async () => {
    const caught = await spark.sql("SELECT * FROM eager_missing").catch((err: unknown) => (err as AnalysisException).errorClass);
    expect(caught).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    let finished = false;
    const [a, b] = await Promise.all([spark.sql("SELECT 1 AS a"), spark.sql("SELECT 2 AS b").finally(() => (finished = true))]);
    expect(finished).to.equal(true);
    expect([(await a.collect())[0].a, (await b.collect())[0].b]).to.deep.equal([1, 2]);
  });
});
