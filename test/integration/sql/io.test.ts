import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import {
  AnalysisException,
  col,
  IntegerType,
  lit,
  SparkConnectError,
  StringType,
  StructField,
  StructType,
  type DataFrame,
} from "../../../src";
import { requireSpark, useSession } from "../../support/spark";
import { skipOnCluster } from "../../support/cluster";

// An in-memory Derby database lives in the JVM that opens it: the server's. Executors in JVMs of
// their own open empty databases of the same name and find no table.
const DERBY_IN_DRIVER = "in-memory Derby lives in the server's JVM, out of the executors' reach";

// The server runs on this machine, so it reads and writes the same temporary folders as the test.

async function plain(df: DataFrame): Promise<Record<string, unknown>[]> {
  return (await df.collect()).map((row) => ({ ...row }));
}

async function expectSparkError(action: Promise<unknown>, errorClass: RegExp): Promise<SparkConnectError> {
  try {
    await action;
  } catch (err) {
    expect(err).to.be.instanceOf(SparkConnectError);
    expect((err as SparkConnectError).errorClass ?? "", (err as Error).message).to.match(errorClass);
    return err as SparkConnectError;
  }
  return expect.fail(`expected a Spark error matching ${errorClass}`);
}

describe("reading and writing data", () => {
  const spark = useSession();
  let dir: string;
  let people: DataFrame;
  const suffix = `${process.pid}_${Date.now()}`;
  const tables: string[] = [];
  const table = (name: string) => {
    const full = `io_${name}_${suffix}`;
    tables.push(full);
    return full;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-io-"));
    people = await spark.sql("SELECT * FROM VALUES (1, 'ann', 'eng'), (2, 'bob', 'ops'), (3, 'cyd', 'eng') AS people(id, name, dept)");
  });

  after(async () => {
    for (const name of tables) await spark.sql(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sorted = (df: DataFrame) => plain(df.orderBy("id"));

  describe("file formats round trip", () => {
    for (const format of ["parquet", "orc", "json"] as const) {
      it(`${format}: write then read gives the same rows`, async () => {
        const target = path.join(dir, format);
        await people.write[format](target);
        // JSON has one number type: Spark reads whole numbers back as bigint.
        const back = spark.read[format](target).select(col("id").cast("int").alias("id"), "name", "dept");
        expect(await sorted(back)).to.deep.equal(await sorted(people));
      });
    }

    it("csv with a header and a separator, read back with a DDL schema", async () => {
      const target = path.join(dir, "csv");
      await people.write.csv(target, { header: true, sep: ";" });
      const text = fs
        .readdirSync(target)
        .filter((f) => f.endsWith(".csv"))
        .map((f) => fs.readFileSync(path.join(target, f), "utf8"))
        .join("");
      expect(text).to.match(/^id;name;dept$/m);
      const back = spark.read.schema("id INT, name STRING, dept STRING").option("header", true).option("sep", ";").csv(target);
      expect(await sorted(back)).to.deep.equal(await sorted(people));
    });

    it("csv read with a StructType schema, and format().load()", async () => {
      const target = path.join(dir, "csv2");
      await people.write.format("csv").save(target);
      const schema = new StructType([
        new StructField("id", new IntegerType()),
        new StructField("name", new StringType()),
        new StructField("dept", new StringType()),
      ]);
      const back = spark.read.format("csv").schema(schema).load(target);
      expect(await back.dtypes).to.deep.equal([
        ["id", "int"],
        ["name", "string"],
        ["dept", "string"],
      ]);
      expect(await back.count()).to.equal(3);
    });

    it("text writes one line per row and reads one row per line", async () => {
      const target = path.join(dir, "text");
      await people.select("name").write.text(target);
      expect((await plain(spark.read.text(target))).map((r) => r.value).sort()).to.deep.equal(["ann", "bob", "cyd"]);
    });

    it("xml with a row tag", async function () {
      await requireSpark(this, "4.0", "the built-in XML source");
      const target = path.join(dir, "xml");
      await people.write.xml(target, { rowTag: "person" });
      const back = spark.read.xml(target, { rowTag: "person" }).select(col("id").cast("int").alias("id"), "name", "dept");
      expect(await sorted(back)).to.deep.equal(await sorted(people));
    });

    it("format shortcuts take the format's options and the schema as one record", async () => {
      const target = path.join(dir, "csv-record");
      await people.write.csv(target, { header: true, sep: "|", mode: "overwrite" });
      const back = spark.read.csv(target, { header: true, sep: "|", schema: "id INT, name STRING, dept STRING" });
      expect(await sorted(back)).to.deep.equal(await sorted(people));
      const jsonTarget = path.join(dir, "json-record");
      await people.write.json(jsonTarget);
      const schema = new StructType([new StructField("id", new IntegerType()), new StructField("name", new StringType())]);
      expect(await spark.read.json(jsonTarget, { schema }).dtypes).to.deep.equal([
        ["id", "int"],
        ["name", "string"],
      ]);
    });

    it("save and load without a path use the path option", async () => {
      const target = path.join(dir, "path-option");
      await people.write.format("orc").option("path", target).save();
      expect(fs.existsSync(target)).to.equal(true);
      expect(await spark.read.format("orc").option("path", target).load().count()).to.equal(3);
    });

    it("reads several paths into one DataFrame", async () => {
      const a = path.join(dir, "multi-a");
      const b = path.join(dir, "multi-b");
      await people.where("id = 1").write.parquet(a);
      await people.where("id > 1").write.parquet(b);
      expect(await spark.read.parquet(a, b).count()).to.equal(3);
      expect(await spark.read.format("parquet").load([a, b]).count()).to.equal(3);
    });
  });

  describe("partitioning and save modes", () => {
    it("partitionBy lays the files out in one folder per value", async () => {
      const target = path.join(dir, "partitioned");
      await people.write.partitionBy("dept").parquet(target);
      expect(
        fs
          .readdirSync(target)
          .filter((f) => f.startsWith("dept="))
          .sort(),
      ).to.deep.equal(["dept=eng", "dept=ops"]);
      const back = spark.read.parquet(target).where(col("dept").equalTo("eng"));
      expect((await back.collect()).map((r) => r.name).sort()).to.deep.equal(["ann", "cyd"]);
    });

    it("error (the default) refuses an existing path; append adds; overwrite replaces; ignore keeps", async () => {
      const target = path.join(dir, "modes");
      await people.write.parquet(target);
      await expectSparkError(people.write.parquet(target), /PATH_ALREADY_EXISTS/);
      await people.write.mode("append").parquet(target);
      expect(await spark.read.parquet(target).count()).to.equal(6);
      await people.limit(1).write.mode("overwrite").parquet(target);
      expect(await spark.read.parquet(target).count()).to.equal(1);
      await people.write.parquet(target, { mode: "ignore" });
      expect(await spark.read.parquet(target).count()).to.equal(1);
    });

    it("refuses an unknown save mode before anything is sent", () => {
      expect(() => people.write.mode("upsert" as "append")).to.throw(RangeError, /unknown save mode "upsert"/);
    });
  });

  describe("tables", () => {
    it("saveAsTable creates a table that spark.table and spark.read.table read", async () => {
      const name = table("saved");
      await people.write.saveAsTable(name);
      expect(await sorted(spark.table(name))).to.deep.equal(await sorted(people));
      expect(await spark.read.table(name).count()).to.equal(3);
    });

    it("insertInto appends by position, or overwrites", async () => {
      const name = table("inserted");
      await spark.sql(`CREATE TABLE ${name} (id INT, name STRING, dept STRING) USING parquet`);
      await people.write.insertInto(name);
      await people.write.insertInto(name);
      expect(await spark.table(name).count()).to.equal(6);
      await people.limit(1).write.insertInto(name, true);
      expect(await spark.table(name).count()).to.equal(1);
    });

    it("saveAsTable on an existing table: append adds, overwrite replaces", async () => {
      const name = table("tablemodes");
      await people.write.saveAsTable(name);
      await people.write.mode("append").saveAsTable(name);
      expect(await spark.table(name).count()).to.equal(6);
      await people.limit(1).write.saveAsTable(name, undefined, "overwrite");
      expect(await spark.table(name).count()).to.equal(1);
    });

    it("saveAsTable in ignore mode leaves an existing table as it was", async function () {
      // Spark 3.5's and 4.0's servers run nothing for it and then fail their own bookkeeping
      // (IllegalStateException: operation status Analyzed is not within Started, ReadyForExecution).
      await requireSpark(this, "4.1", "saveAsTable in ignore mode on an existing table");
      const name = table("ignored");
      await people.limit(1).write.saveAsTable(name);
      await people.write.mode("ignore").saveAsTable(name);
      expect(await plain(spark.table(name))).to.deep.equal([{ id: 1, name: "ann", dept: "eng" }]);
    });

    it("insertInto a missing table fails with Spark's error class", async () => {
      const err = await expectSparkError(people.write.insertInto(`io_missing_${suffix}`), /TABLE_OR_VIEW_NOT_FOUND/);
      expect(err).to.be.instanceOf(AnalysisException);
    });

    it("clusterBy records the clustering columns of the table it creates", async function () {
      await requireSpark(this, "4.0", "clustering columns in WriteOperation");
      const name = table("clustered");
      await people.write.clusterBy("dept").saveAsTable(name);
      const rows = (await plain(await spark.sql(`DESCRIBE TABLE EXTENDED ${name}`))).map(
        (r) => `${r.col_name as string}: ${r.data_type as string}`,
      );
      const info = rows.indexOf("# Clustering Information: ");
      expect(info, rows.join("\n")).to.be.greaterThan(-1);
      expect(rows.slice(info + 1, info + 3)).to.deep.equal(["# col_name: data_type", "dept: string"]);
    });

    it("bucketBy and sortBy make a bucketed table", async () => {
      const name = table("bucketed");
      await people.write.bucketBy(2, "id").sortBy("id").saveAsTable(name);
      const described = (await plain(await spark.sql(`DESCRIBE TABLE EXTENDED ${name}`))).map(
        (r) => `${r.col_name as string}: ${r.data_type as string}`,
      );
      expect(described).to.include("Num Buckets: 2");
      expect(described).to.include("Bucket Columns: [`id`]");
    });

    it("saveAsTable refuses an existing table in error mode, with Spark's error class", async () => {
      const name = table("exists");
      await people.write.saveAsTable(name);
      const err = await expectSparkError(people.write.saveAsTable(name), /TABLE_OR_VIEW_ALREADY_EXISTS/);
      expect(err).to.be.instanceOf(AnalysisException);
    });
  });

  describe("writeTo (the V2 writer)", () => {
    it("create makes a table with the DataFrame's rows and properties", async () => {
      const name = table("v2");
      await people.writeTo(name).using("parquet").tableProperty("owner", "tests").create();
      expect(await spark.table(name).count()).to.equal(3);
      const described = (await plain(await spark.sql(`DESCRIBE TABLE EXTENDED ${name}`))).map(
        (r) => `${r.col_name as string}: ${r.data_type as string}`,
      );
      expect(described).to.include("Table Properties: [owner=tests]");
      await expectSparkError(people.writeTo(name).using("parquet").create(), /TABLE_OR_VIEW_ALREADY_EXISTS/);
    });

    it("partitionedBy creates a table partitioned by the column", async () => {
      const name = table("v2parts");
      await people.writeTo(name).using("parquet").partitionedBy(col("dept")).create();
      const partitions = (await plain(await spark.sql(`SHOW PARTITIONS ${name}`))).map((r) => r.partition);
      expect(partitions).to.deep.equal(["dept=eng", "dept=ops"]);
    });

    it("append, overwrite and overwritePartitions are refused on the session catalog's file tables (v1), which stay as they were", async () => {
      const name = table("v2v1");
      await people.writeTo(name).using("parquet").create();
      for (const write of [
        () => people.writeTo(name).append(),
        () => people.writeTo(name).overwrite(col("id").equalTo(lit(1))),
        () => people.writeTo(name).overwritePartitions(),
      ]) {
        let error: unknown;
        await write().catch((err: unknown) => (error = err));
        expect(error).to.be.instanceOf(AnalysisException);
        expect((error as Error).message).to.match(/Cannot write into v1 table/);
      }
      expect(await spark.table(name).count()).to.equal(3);
    });

    it("replace and createOrReplace are refused by the session catalog, existing table or not, with UNSUPPORTED_FEATURE.TABLE_OPERATION", async function () {
      await requireSpark(this, "4.0", "error classes on these errors");
      const name = table("v2replace");
      await people.writeTo(name).using("parquet").create();
      for (const write of [
        () => people.writeTo(name).using("parquet").replace(),
        () => people.writeTo(name).using("parquet").createOrReplace(),
        () => people.writeTo(table("v2new")).using("parquet").createOrReplace(),
      ]) {
        const err = await expectSparkError(write(), /^UNSUPPORTED_FEATURE\.TABLE_OPERATION$/);
        expect(err).to.be.instanceOf(AnalysisException);
        expect(err.message).to.match(/does not support REPLACE TABLE AS SELECT/);
      }
      expect(await spark.table(name).count()).to.equal(3);
    });

    it("clusterBy creates a table clustered by the column", async function () {
      await requireSpark(this, "4.0", "clustering columns in WriteOperationV2");
      const name = table("v2clustered");
      await people.writeTo(name).using("parquet").clusterBy("dept").create();
      const rows = (await plain(await spark.sql(`DESCRIBE TABLE EXTENDED ${name}`))).map(
        (r) => `${r.col_name as string}: ${r.data_type as string}`,
      );
      expect(rows).to.include("# Clustering Information: ");
      expect(rows.filter((r) => r === "dept: string")).to.have.length(2);
    });
  });

  describe("writeTo a catalog of V2 tables (Spark's JDBC catalog over Derby, which the server ships)", () => {
    const catalog = "io_jdbc_catalog";
    const v2table = (name: string) => {
      const full = `${catalog}.APP.${name.toUpperCase()}_${suffix}`;
      tables.push(full);
      return full;
    };

    before(async function () {
      await skipOnCluster(this, spark, DERBY_IN_DRIVER);
      await spark.conf.set(`spark.sql.catalog.${catalog}`, "org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog");
      await spark.conf.set(`spark.sql.catalog.${catalog}.url`, `jdbc:derby:memory:iov2${process.pid};create=true`);
    });

    it("create, then append adds the rows", async () => {
      const name = v2table("appended");
      await people.writeTo(name).create();
      await people.writeTo(name).append();
      expect(await spark.table(name).count()).to.equal(6);
      await expectSparkError(people.writeTo(name).create(), /TABLE_OR_VIEW_ALREADY_EXISTS/);
    });

    it("overwrite with a condition that is always true replaces every row", async () => {
      const name = v2table("truncated");
      await people.writeTo(name).create();
      await people.limit(1).writeTo(name).overwrite(lit(true));
      expect(await plain(spark.table(name))).to.deep.equal([{ id: 1, name: "ann", dept: "eng" }]);
    });

    it("replace and createOrReplace replace an existing table; createOrReplace creates a missing one", async () => {
      const name = v2table("replaced");
      await people.writeTo(name).create();
      await people.limit(1).writeTo(name).replace();
      expect(await spark.table(name).count()).to.equal(1);
      await people.limit(2).writeTo(name).createOrReplace();
      expect(await spark.table(name).count()).to.equal(2);
      const fresh = v2table("fresh");
      await people.writeTo(fresh).createOrReplace();
      expect(await spark.table(fresh).count()).to.equal(3);
    });

    it("replace of a missing table fails with Spark's error class", async () => {
      await expectSparkError(people.writeTo(v2table("missing")).replace(), /TABLE_OR_VIEW_NOT_FOUND|CANNOT_REPLACE_MISSING_TABLE/);
    });

    it("overwrite by a filter and overwritePartitions are refused by a table that cannot do them, with UNSUPPORTED_FEATURE.TABLE_OPERATION", async function () {
      await requireSpark(this, "4.0", "error classes on these errors");
      const name = v2table("refusing");
      await people.writeTo(name).create();
      for (const [write, what] of [
        [() => people.writeTo(name).overwrite(col("id").equalTo(lit(1))), /overwrite by filter/],
        [() => people.writeTo(name).overwritePartitions(), /dynamic overwrite/],
      ] as const) {
        const err = await expectSparkError(write(), /^UNSUPPORTED_FEATURE\.TABLE_OPERATION$/);
        expect(err).to.be.instanceOf(AnalysisException);
        expect(err.message).to.match(what);
      }
      expect(await spark.table(name).count()).to.equal(3);
    });
  });

  describe("JDBC", () => {
    it("writes to and reads from a database over JDBC (Derby, which the server ships)", async function () {
      await skipOnCluster(this, spark, DERBY_IN_DRIVER);
      const url = `jdbc:derby:memory:io${process.pid};create=true`;
      await people.write.jdbc(url, "PEOPLE", "overwrite");
      const back = spark.read.jdbc(url, "PEOPLE");
      expect((await back.columns).map((c) => c.toLowerCase())).to.deep.equal(["id", "name", "dept"]);
      expect(await back.count()).to.equal(3);
      // Spark created the columns quoted, in lower case, which Derby keeps as they are.
      const split = spark.read.jdbc(url, "PEOPLE", { column: '"id"', lowerBound: 1, upperBound: 4, numPartitions: 2 });
      expect(await split.count()).to.equal(3);
      const byPredicates = spark.read.jdbc(url, "PEOPLE", { predicates: ['"id" < 2', '"id" >= 2'] });
      expect(await byPredicates.count()).to.equal(3);
    });
  });

  describe("errors", () => {
    it("a missing path is reported when the DataFrame is used, with Spark's error class", async () => {
      await expectSparkError(spark.read.parquet(path.join(dir, "nothing-here")).collect(), /PATH_NOT_FOUND/);
    });

    it("changes() of a table whose catalog keeps no change feed is refused by the server, naming the catalog", async function () {
      // Before 4.2 the server refuses it too, but only because it does not know the relation.
      await requireSpark(this, "4.2", "change data feeds (the RelationChanges relation)");
      const name = table("nochanges");
      await people.write.saveAsTable(name);
      const err = await expectSparkError(spark.read.changes(name).collect(), /^UNSUPPORTED_FEATURE\.CHANGE_DATA_CAPTURE$/);
      expect(err).to.be.instanceOf(AnalysisException);
      expect(err.messageParameters).to.deep.equal({ catalogName: "spark_catalog" });
    });

    it("changes() refuses a user-given schema before anything is sent", () => {
      expect(() => spark.read.schema("a INT").changes("t")).to.throw(TypeError, /own schema/);
    });
  });
});
