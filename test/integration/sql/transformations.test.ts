import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { AnalysisException, col, DataFrame, functions as F, lit, SparkConnectError, StorageLevel, type Row } from "../../../src";
import { requireSpark, useSession } from "../../support/spark";

/** Rows as plain objects, for deep comparison. */
async function plain(df: DataFrame): Promise<Record<string, unknown>[]> {
  return (await df.collect()).map((row: Row) => ({ ...row }));
}

describe("DataFrame transformations", () => {
  const spark = useSession();
  let people: DataFrame;
  let depts: DataFrame;

  before(async () => {
    people = await spark.sql(`SELECT * FROM VALUES
      (1, 'ann', 10, 3000D), (2, 'bob', 20, 2000D), (3, 'cyd', 10, 4000D), (4, 'dan', NULL, 1000D)
      AS people(id, name, dept, salary)`);
    depts = await spark.sql("SELECT * FROM VALUES (10, 'eng'), (20, 'ops'), (30, 'hr') AS depts(dept, title)");
  });

  describe("projection", () => {
    it("selectExpr evaluates SQL expressions", async () => {
      expect(await plain(people.selectExpr("id * 2 AS twice", "upper(name) AS n").limit(1))).to.deep.equal([{ twice: 2, n: "ANN" }]);
    });

    it("withColumns adds several columns in the given order", async () => {
      const df = people
        .withColumns({ a: col("id").plus(1), b: lit("x") })
        .select("a", "b")
        .limit(1);
      expect(await plain(df)).to.deep.equal([{ a: 2, b: "x" }]);
    });

    it("withColumnRenamed and withColumnsRenamed rename and ignore missing names", async function () {
      await requireSpark(this, "4.0", "renames of missing columns");
      expect(await people.withColumnRenamed("name", "who").columns).to.deep.equal(["id", "who", "dept", "salary"]);
      expect(await people.withColumnsRenamed({ id: "key", nope: "x" }).columns).to.deep.equal(["key", "name", "dept", "salary"]);
    });

    it("drop removes columns by name or Column and ignores unknown names", async () => {
      expect(await people.drop("salary", "nope").columns).to.deep.equal(["id", "name", "dept"]);
      expect(await people.drop(people.col("name")).columns).to.deep.equal(["id", "dept", "salary"]);
    });

    it("toDF renames every column by position", async () => {
      expect(await people.toDF("a", "b", "c", "d").columns).to.deep.equal(["a", "b", "c", "d"]);
    });

    it("withMetadata attaches field metadata", async () => {
      const schema = await people.withMetadata("salary", { unit: "EUR" }).schema;
      expect(schema.fields.find((f) => f.name === "salary")?.metadata).to.deep.equal({ unit: "EUR" });
    });

    it("colRegex selects the columns whose names match", async () => {
      expect(await people.select(people.colRegex("`(id|name)`")).columns).to.deep.equal(["id", "name"]);
    });

    it("toJSON gives one JSON object per row in a column named value", async () => {
      const [row] = await people.orderBy("id").limit(1).toJSON().collect();
      expect(JSON.parse(row.value as string)).to.deep.equal({ id: 1, name: "ann", dept: 10, salary: 3000.0 });
    });

    it("transform chains a function of a DataFrame", async () => {
      const raise = (df: DataFrame, by: number) => df.withColumn("salary", col("salary").multiply(by));
      const [row] = await people.where("id = 1").transform(raise, 2).collect();
      expect(row.salary).to.equal(6000);
    });
  });

  describe("deduplication", () => {
    it("distinct keeps one of each row", async () => {
      expect(await people.select("dept").distinct().count()).to.equal(3);
    });

    it("dropDuplicates by a subset keeps one row per key", async () => {
      expect(await people.dropDuplicates(["dept"]).count()).to.equal(3);
      expect(await people.drop_duplicates().count()).to.equal(4);
    });
  });

  describe("ordering", () => {
    it("orderBy sorts ascending with nulls first by default, as Spark does", async () => {
      expect((await people.orderBy("dept", "id").collect()).map((r) => r.id)).to.deep.equal([4, 1, 3, 2]);
    });

    it("orderBy honours Column directions and null placement", async () => {
      const ids = (await people.orderBy(col("dept").desc_nulls_first(), col("salary").desc()).collect()).map((r) => r.id);
      expect(ids).to.deep.equal([4, 2, 3, 1]);
    });

    it("orderBy takes PySpark's ascending list", async () => {
      const ids = (await people.sort("dept", "salary", { ascending: [false, true] }).collect()).map((r) => r.id);
      expect(ids).to.deep.equal([2, 1, 3, 4]);
    });

    it("sortWithinPartitions sorts each partition", async () => {
      const ids = (await people.coalesce(1).sortWithinPartitions(col("id").desc()).collect()).map((r) => r.id);
      expect(ids).to.deep.equal([4, 3, 2, 1]);
    });

    it("offset skips rows and tail returns the last ones", async () => {
      // One partition: Spark gathers the sorted partitions of a bare offset through a shuffle to one
      // partition, whose reader takes its executor's own blocks first, so on a cluster with several
      // executors the skipped rows depend on where the partitions ran (seen: [2, 3, 4]).
      expect((await spark.range(0, 10, 1, 1).orderBy("id").offset(7).collect()).map((r) => r.id)).to.deep.equal([7n, 8n, 9n]);
      expect((await spark.range(10).tail(2)).map((r) => r.id)).to.deep.equal([8n, 9n]);
    });
  });

  describe("joins", () => {
    const names = async (df: DataFrame) =>
      (await df.collect()).map((r) => `${(r.name as string | null) ?? "-"}:${(r.title as string | null) ?? "-"}`).sort();

    it("inner join on a shared column name keeps one copy of it", async () => {
      const joined = people.join(depts, "dept");
      expect(await joined.columns).to.deep.equal(["dept", "id", "name", "salary", "title"]);
      expect(await names(joined)).to.deep.equal(["ann:eng", "bob:ops", "cyd:eng"]);
    });

    it("left, right and full outer joins keep unmatched rows with nulls", async () => {
      expect(await names(people.join(depts, ["dept"], "left"))).to.deep.equal(["ann:eng", "bob:ops", "cyd:eng", "dan:-"]);
      expect(await names(people.join(depts, "dept", "right_outer"))).to.deep.equal(["-:hr", "ann:eng", "bob:ops", "cyd:eng"]);
      expect(await names(people.join(depts, "dept", "full"))).to.have.length(5);
    });

    it("semi and anti joins keep the left rows that match, or do not", async () => {
      expect(await people.join(depts, "dept", "semi").count()).to.equal(3);
      expect(await people.join(depts, "dept", "left_anti").select("name").collect()).to.deep.equal([{ name: "dan" }]);
    });

    it("joins on a Column condition and on several conditions", async () => {
      const cond = people.col("dept").equalTo(depts.col("dept"));
      expect(await names(people.join(depts, cond))).to.deep.equal(["ann:eng", "bob:ops", "cyd:eng"]);
      expect(await names(people.join(depts, [cond, people.col("salary").gt(2500)]))).to.deep.equal(["ann:eng", "cyd:eng"]);
    });

    it("resolves a self-join through aliases", async () => {
      const pairs = people
        .alias("a")
        .join(
          people.alias("b"),
          col("a.dept")
            .equalTo(col("b.dept"))
            .and(col("a.id").lt(col("b.id"))),
        )
        .select(col("a.name").alias("x"), col("b.name").alias("y"));
      expect(await plain(pairs)).to.deep.equal([{ x: "ann", y: "cyd" }]);
    });

    it("reports an ambiguous df.col in a join of a DataFrame with one derived from it, as PySpark does", async () => {
      // The join condition resolves; a filter above the join meets `people` on both sides of it.
      const raised = people.withColumn("raised", col("salary").multiply(2));
      const joined = people.join(raised, people.col("id").equalTo(raised.col("id"))).where(people.col("id").equalTo(1));
      try {
        await joined.collect();
        expect.fail('the server resolves people.col("id") on both sides');
      } catch (err) {
        expect(err).to.be.instanceOf(AnalysisException);
        expect((err as AnalysisException).errorClass).to.equal("AMBIGUOUS_COLUMN_REFERENCE");
      }
    });

    it("crossJoin pairs every row with every row", async () => {
      expect(await people.crossJoin(depts).count()).to.equal(12);
      expect(await people.join(depts, undefined, "cross").count()).to.equal(12);
    });

    it("refuses an unknown join type before anything is sent", () => {
      expect(() => people.join(depts, "dept", "sideways" as "inner")).to.throw(RangeError, /unknown join type "sideways"/);
    });
  });

  describe("zipping", () => {
    it("zip puts the columns of two DataFrames of the same rows side by side", async function () {
      await requireSpark(this, "4.3", "the Zip relation");
      const base = spark.range(0, 4, 1, 2);
      const zipped = base.select(col("id").alias("a")).zip(base.select(col("id").multiply(10).alias("b")));
      expect(await plain(zipped.orderBy("a"))).to.deep.equal([0, 1, 2, 3].map((i) => ({ a: BigInt(i), b: BigInt(i * 10) })));
    });

    it("zipWithIndex numbers the rows from 0 in order", async function () {
      await requireSpark(this, "4.1", "distributed_sequence_id");
      const df = spark.range(10, 15, 1, 3).zipWithIndex("n");
      expect((await df.collect()).map((r) => [r.id, r.n])).to.deep.equal([10, 11, 12, 13, 14].map((v, i) => [BigInt(v), BigInt(i)]));
    });
  });

  describe("nearest-neighbour joins", () => {
    it("nearestByJoin finds the closest rows of the other side", async function () {
      await requireSpark(this, "4.2", "nearest-neighbour joins");
      const queries = await spark.sql("SELECT * FROM VALUES (1, 0.9D), (2, 5.2D) AS q(qid, x)");
      const points = await spark.sql("SELECT * FROM VALUES ('a', 1.0D), ('b', 5.0D), ('c', 9.0D) AS p(pid, y)");
      const nearest = queries.nearestByJoin(points, F.abs(queries.col("x").minus(points.col("y"))), 1, "exact", "distance");
      expect((await nearest.orderBy("qid").collect()).map((r) => [r.qid, r.pid])).to.deep.equal([
        [1, "a"],
        [2, "b"],
      ]);
    });
  });

  describe("set operations", () => {
    const ids = async (df: DataFrame) => (await df.collect()).map((r) => Number(r.id)).sort((a, b) => a - b);
    const a = () => spark.range(0, 5).union(spark.range(3, 4));
    const b = () => spark.range(3, 8);

    it("union keeps duplicates and matches by position", async () => {
      expect(await ids(a().union(b()))).to.deep.equal([0, 1, 2, 3, 3, 3, 4, 4, 5, 6, 7]);
      expect(await a().unionAll(b()).count()).to.equal(11);
    });

    it("unionByName matches by name and can fill missing columns with nulls", async () => {
      const x = await spark.sql("SELECT 1 AS a, 2 AS b");
      const y = await spark.sql("SELECT 3 AS b, 4 AS a");
      expect(await plain(x.unionByName(y))).to.deep.equal([
        { a: 1, b: 2 },
        { a: 4, b: 3 },
      ]);
      const z = await spark.sql("SELECT 5 AS a");
      expect(await plain(x.unionByName(z, true))).to.deep.equal([
        { a: 1, b: 2 },
        { a: 5, b: null },
      ]);
      try {
        await x.unionByName(z).collect();
        expect.fail("a union by name with a missing column must fail");
      } catch (err) {
        expect(err).to.be.instanceOf(AnalysisException);
      }
    });

    it("intersect, intersectAll, subtract and exceptAll follow SQL semantics", async () => {
      expect(await ids(a().intersect(b()))).to.deep.equal([3, 4]);
      expect(await ids(a().intersectAll(b().union(spark.range(3, 4))))).to.deep.equal([3, 3, 4]);
      expect(await ids(a().subtract(b()))).to.deep.equal([0, 1, 2]);
      expect(await ids(a().exceptAll(b()))).to.deep.equal([0, 1, 2, 3]);
    });
  });

  describe("sampling", () => {
    it("sample with a seed returns the same rows each time, about the fraction asked", async () => {
      const df = spark.range(10_000).sample(0.1, 42);
      const [first, second] = [await df.collect(), await df.collect()];
      expect(first.map((r) => r.id)).to.deep.equal(second.map((r) => r.id));
      expect(first.length).to.be.within(800, 1200);
      expect(await spark.range(100).sample(true, 2.0, 1).count()).to.be.within(120, 280);
    });

    it("randomSplit puts every row in exactly one part", async () => {
      const parts = spark.range(1000).randomSplit([3, 1], 7);
      const rows = (await Promise.all(parts.map((p) => p.collect()))).map((rs) => rs.map((r) => Number(r.id)));
      expect(rows[0].length).to.be.within(650, 850);
      expect([...rows[0], ...rows[1]].sort((x, y) => x - y)).to.deep.equal(Array.from({ length: 1000 }, (_, i) => i));
    });

    it("refuses a fraction above 1 without replacement", () => {
      expect(() => spark.range(1).sample(1.5)).to.throw(RangeError, /at most 1/);
    });
  });

  describe("partitioning and hints", () => {
    const partitions = (df: DataFrame) => df.select(F.spark_partition_id().alias("p")).distinct().count();

    it("repartition, repartitionByRange and coalesce set the number of partitions", async () => {
      expect(await partitions(spark.range(100).repartition(4))).to.equal(4);
      expect(await partitions(spark.range(100).repartition(3, "id"))).to.equal(3);
      expect(await partitions(spark.range(100).repartitionByRange(5, "id"))).to.equal(5);
      expect(await partitions(spark.range(0, 100, 1, 6).coalesce(2))).to.equal(2);
    });

    it("repartitionById puts each row in the partition its column names", async function () {
      await requireSpark(this, "4.1", "repartitionById");
      const df = spark.range(12).repartitionById(3, col("id").mod(3).cast("int"));
      const rows = await df.select(col("id"), F.spark_partition_id().alias("p")).collect();
      expect(rows.every((r) => Number(r.id) % 3 === r.p)).to.equal(true);
    });

    it("a broadcast hint reaches the physical plan", async () => {
      const plan = await people.join(depts.hint("broadcast"), "dept").explainString();
      expect(plan).to.match(/BroadcastHashJoin/);
    });
  });

  describe("reshaping", () => {
    it("unpivot turns value columns into rows, and melt is the same", async () => {
      const wide = await spark.sql("SELECT 1 AS id, 10 AS q1, 20 AS q2");
      const long = wide.unpivot("id", ["q1", "q2"], "quarter", "sales");
      expect(await plain(long)).to.deep.equal([
        { id: 1, quarter: "q1", sales: 10 },
        { id: 1, quarter: "q2", sales: 20 },
      ]);
      expect(await wide.melt(["id"], null, "q", "v").count()).to.equal(2);
    });

    it("transpose turns rows into columns keyed by the index column", async function () {
      await requireSpark(this, "4.0", "transpose");
      const df = await spark.sql("SELECT * FROM VALUES ('a', 1, 2), ('b', 3, 4) AS t(k, x, y)");
      const t = df.transpose();
      expect(await t.columns).to.deep.equal(["key", "a", "b"]);
      expect(await plain(t)).to.deep.equal([
        { key: "x", a: 1, b: 3 },
        { key: "y", a: 2, b: 4 },
      ]);
    });

    it("to(schema) reorders and casts columns by name", async () => {
      const target = await (await spark.sql("SELECT CAST(0 AS BIGINT) AS id, '' AS name")).schema;
      const df = people.select("name", "id").to(target);
      expect(await df.dtypes).to.deep.equal([
        ["id", "bigint"],
        ["name", "string"],
      ]);
    });
  });

  describe("views", () => {
    it("registerTempTable is the old name of createOrReplaceTempView", async () => {
      await people.registerTempTable("tx_registered");
      await people.registerTempTable("tx_registered");
      expect(await spark.table("tx_registered").count()).to.equal(4);
    });

    it("createOrReplaceTempView makes the DataFrame queryable by SQL", async () => {
      await people.createOrReplaceTempView("tx_people");
      expect(await (await spark.sql("SELECT count(*) AS n FROM tx_people")).collect()).to.deep.equal([{ n: 4n }]);
    });

    it("createTempView refuses a name already taken, with Spark's error class", async () => {
      await people.createOrReplaceTempView("tx_taken");
      try {
        await people.createTempView("tx_taken");
        expect.fail("the view exists");
      } catch (err) {
        expect(err).to.be.instanceOf(AnalysisException);
        expect((err as AnalysisException).errorClass).to.equal("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS");
      }
    });

    it("is made when the call is made: the next request sees it without an await, and a failure nobody awaited is thrown by the next request", async () => {
      void people.createOrReplaceTempView("tx_at_once");
      expect(await spark.table("tx_at_once").count()).to.equal(4);
      void people.createTempView("tx_at_once");
      const next = await spark
        .range(1)
        .collect()
        .then(
          () => "no error",
          (err: AnalysisException) => err.errorClass,
        );
      expect(next).to.equal("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS");
      expect(await spark.range(1).count()).to.equal(1);
    });

    it("global temp views live in global_temp", async () => {
      await depts.createOrReplaceGlobalTempView("tx_depts");
      expect(await (await spark.sql("SELECT * FROM global_temp.tx_depts")).count()).to.equal(3);
    });
  });

  describe("caching and checkpoints", () => {
    it("persist sets the storage level and unpersist clears it", async () => {
      const df = spark.range(100).where("id % 2 = 0");
      expect(String(await df.storageLevel)).to.equal(String(StorageLevel.NONE));
      await df.persist(StorageLevel.DISK_ONLY);
      expect((await df.storageLevel).equals(StorageLevel.DISK_ONLY)).to.equal(true);
      expect(await df.count()).to.equal(50);
      await df.unpersist(true);
      expect((await df.storageLevel).equals(StorageLevel.NONE)).to.equal(true);
    });

    it("cache uses Spark's default level, and is_cached says so", async () => {
      const df = await spark.range(10).cache();
      expect((await df.storageLevel).equals(StorageLevel.MEMORY_AND_DISK_DESER)).to.equal(true);
      expect(await df.is_cached).to.equal(true);
      await df.unpersist();
      expect(await df.is_cached).to.equal(false);
    });

    it("checkpoint saves the rows to the server's checkpoint directory and reads them from there", async function () {
      await requireSpark(this, "4.0", "checkpoint commands");
      // The test server is started with spark.checkpoint.dir (scripts/spark-server.mjs).
      const df = spark.range(5).withColumn("x", col("id").multiply(3));
      const saved = await df.checkpoint();
      expect(saved.plan.relType?.$case).to.equal("cachedRemoteRelation");
      expect(await plain(saved)).to.deep.equal(await plain(df));
      expect(await saved.explainString()).to.not.match(/Range \(/);
    });

    it("localCheckpoint gives a DataFrame with the same rows and a cut lineage", async function () {
      await requireSpark(this, "4.0", "checkpoint commands");
      const df = spark.range(5).withColumn("x", col("id").multiply(3));
      const saved = await df.localCheckpoint();
      expect(await plain(saved)).to.deep.equal(await plain(df));
      expect(await saved.explainString()).to.not.match(/Range \(/);
    });
  });

  describe("what the server knows of a plan", () => {
    it("sameSemantics and semanticHash agree for equivalent plans", async () => {
      const a = spark.range(10).where(col("id").gt(1));
      const b = spark.range(10).where(col("id").gt(1));
      const c = spark.range(10).where(col("id").gt(2));
      expect(await a.sameSemantics(b)).to.equal(true);
      expect(await a.sameSemantics(c)).to.equal(false);
      expect(await a.semanticHash()).to.equal(await b.semanticHash());
    });

    it("isLocal is false for a query that needs executors", async () => {
      expect(await spark.range(10).isLocal()).to.equal(false);
    });

    it("inputFiles lists nothing for a query with no files, and the files a file source reads", async () => {
      expect(await spark.range(3).inputFiles()).to.deep.equal([]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-inputfiles-"));
      try {
        await spark.range(3).coalesce(1).write.parquet(path.join(dir, "p"));
        const files = await spark.read.parquet(path.join(dir, "p")).inputFiles();
        expect(files).to.have.length(1);
        expect(files[0]).to.match(/^file:.*\/p\/part-.*\.parquet$/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("isLocal is true for local data", async () => {
      expect(await (await spark.createDataFrame([{ a: 1 }])).isLocal()).to.equal(true);
    });

    it("observe leaves the rows unchanged and reports its metrics in executionInfo", async function () {
      await requireSpark(this, "4.0", "named observed metrics");
      const observed = spark.range(5).observe("m", F.count(lit(1)).alias("n"), F.max("id").alias("top"));
      expect(observed.executionInfo).to.equal(undefined);
      expect(await observed.collect()).to.have.length(5);
      expect(observed.executionInfo?.observations).to.deep.equal([{ name: "m", values: { n: 5n, top: 4n } }]);
    });

    it("executionInfo holds the operators of the last action with their metrics", async () => {
      const df = spark.range(0, 1000, 1, 2).where(col("id").mod(2).equalTo(0));
      expect(await df.count()).to.equal(500);
      const info = df.executionInfo!;
      expect(info.operationId).to.match(/^[0-9a-f-]{36}$/);
      expect(info.metrics.length).to.be.greaterThan(0);
      const rows = info.metrics.flatMap((m) => m.metrics).filter((m) => m.name === "number of output rows");
      expect(rows.map((m) => m.value)).to.include(500n);
      expect(info.metricsText()).to.match(/number of output rows: 500/);
    });

    it("withWatermark is accepted on a batch DataFrame and changes nothing", async () => {
      const df = await spark.sql("SELECT current_timestamp() AS t");
      expect(await df.withWatermark("t", "1 minute").count()).to.equal(1);
    });
  });
});

// Only the refusal is tested: a real merge needs a table format that supports MERGE, and none of
// Maven Central's loads on Spark 4.3 (Delta Lake 4.4.0, built for 4.2, fails on a LogicalRDD
// constructor 4.3 changed; Iceberg 1.12.0's runtime for 4.1 fails on connector.catalog.View, a
// class in 4.3). The plan the merge sends is checked against PySpark's in test/plans.
describe("DataFrame.mergeInto", () => {
  const spark = useSession();
  const table = `merge_target_${process.pid}`;

  before(async () => {
    await spark.sql(`CREATE TABLE ${table} (id INT, v STRING) USING parquet`);
  });

  after(async () => {
    await spark.sql(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  });

  it("sends the merge to the server, which refuses it for a table format without MERGE support", async function () {
    // Spark 4.0 refuses it too, but with the legacy error class _LEGACY_ERROR_TEMP_2096.
    await requireSpark(this, "4.1", "an error class naming MERGE when a table format lacks it");
    const source = (await spark.sql("SELECT 1 AS id, 'x' AS v")).alias("source");
    const merge = source
      .mergeInto(table, col(`${table}.id`).equalTo(col("source.id")))
      .whenMatched(col("source.v").isNotNull())
      .update({ v: col("source.v") })
      .whenNotMatched()
      .insertAll()
      .whenNotMatchedBySource()
      .delete();
    try {
      await merge.merge();
      expect.fail("a parquet table does not support MERGE");
    } catch (err) {
      expect(err).to.be.instanceOf(SparkConnectError);
      expect((err as SparkConnectError).errorClass ?? "", (err as Error).message).to.match(/UNSUPPORTED|MERGE/i);
      expect((err as Error).message).to.match(/MERGE/i);
    }
  });

  it("refuses a merge without any action before anything is sent", async () => {
    const source = await spark.sql("SELECT 1 AS id");
    try {
      await source.mergeInto(table, lit(true)).merge();
      expect.fail("no action");
    } catch (err) {
      expect((err as Error).message).to.match(/at least one/);
    }
  });
});
