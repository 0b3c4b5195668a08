import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import { AnalysisException, IntegerType, StorageLevel, StringType, StructField, StructType } from "../../../src";
import { requireSpark, useSession } from "../../support/spark";

async function rejectsWith(action: Promise<unknown>, errorClass: RegExp): Promise<void> {
  try {
    await action;
  } catch (err) {
    expect(err).to.be.instanceOf(AnalysisException);
    expect((err as AnalysisException).errorClass ?? "").to.match(errorClass);
    return;
  }
  expect.fail(`expected an AnalysisException matching ${errorClass}`);
}

describe("spark.catalog", () => {
  before(async function () {
    await requireSpark(this, "4.2", "the catalog commands Spark 4.2 added (createDatabase, listPartitions, ...)");
  });

  const spark = useSession();
  let dir: string;
  const db = `cat_db_${process.pid}_${Date.now()}`;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-catalog-"));
    await spark.catalog.createDatabase(db, false, { comment: "made by the tests" });
    await spark.sql(`CREATE TABLE ${db}.sales (id INT, region STRING, day DATE) USING parquet PARTITIONED BY (day)`);
    await spark.sql(`INSERT INTO ${db}.sales VALUES (1, 'north', DATE'2024-01-01'), (2, 'south', DATE'2024-01-02')`);
    await (await spark.sql("SELECT 1 AS x")).createOrReplaceTempView("cat_temp_view");
  });

  after(async () => {
    await spark.catalog.dropDatabase(db, true, true).catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe("catalogs and databases", () => {
    it("names the current catalog and lists the catalogs", async () => {
      expect(await spark.catalog.currentCatalog()).to.equal("spark_catalog");
      expect((await spark.catalog.listCatalogs()).map((c) => c.name)).to.include("spark_catalog");
      await spark.catalog.setCurrentCatalog("spark_catalog");
    });

    it("lists, finds and switches databases", async () => {
      expect((await spark.catalog.listDatabases()).map((d) => d.name)).to.include(db);
      expect((await spark.catalog.listDatabases(`${db.slice(0, 10)}*`)).map((d) => d.name)).to.include(db);
      const found = await spark.catalog.getDatabase(db);
      expect(found.name).to.equal(db);
      expect(found.description).to.equal("made by the tests");
      expect(found.locationUri).to.match(/^file:/);
      expect(await spark.catalog.databaseExists(db)).to.equal(true);
      expect(await spark.catalog.databaseExists(`${db}_missing`)).to.equal(false);
      const before = await spark.catalog.currentDatabase();
      await spark.catalog.setCurrentDatabase(db);
      expect(await spark.catalog.currentDatabase()).to.equal(db);
      await spark.catalog.setCurrentDatabase(before);
    });

    it("creates and drops a database", async () => {
      const other = `${db}_other`;
      await spark.catalog.createDatabase(other);
      await spark.catalog.createDatabase(other, true);
      await rejectsWith(spark.catalog.createDatabase(other), /SCHEMA_ALREADY_EXISTS/);
      await spark.catalog.dropDatabase(other);
      expect(await spark.catalog.databaseExists(other)).to.equal(false);
    });
  });

  describe("tables and views", () => {
    it("lists tables with temporary views marked as such", async () => {
      const tables = await spark.catalog.listTables(db);
      const sales = tables.find((t) => t.name === "sales")!;
      expect(sales).to.include({ catalog: "spark_catalog", tableType: "MANAGED", isTemporary: false });
      expect(sales.namespace).to.deep.equal([db]);
      const temp = tables.find((t) => t.name === "cat_temp_view")!;
      expect(temp).to.include({ tableType: "TEMPORARY", isTemporary: true });
      expect((await spark.catalog.listTables(db, "sal*")).map((t) => t.name)).to.deep.equal(["sales"]);
    });

    it("lists views, and finds a table by name", async () => {
      await spark.sql(`CREATE OR REPLACE VIEW ${db}.north AS SELECT * FROM ${db}.sales WHERE region = 'north'`);
      expect((await spark.catalog.listViews(db)).map((v) => v.name)).to.include.members(["north", "cat_temp_view"]);
      expect((await spark.catalog.getTable(`${db}.sales`)).tableType).to.equal("MANAGED");
      await spark.catalog.dropView(`${db}.north`);
      expect(await spark.catalog.tableExists("north", db)).to.equal(false);
    });

    it("lists columns with their types, nullability and partitioning", async () => {
      const columns = await spark.catalog.listColumns(`${db}.sales`);
      expect(columns.map((c) => [c.name, c.dataType, c.nullable, c.isPartition, c.isBucket])).to.deep.equal([
        ["id", "int", true, false, false],
        ["region", "string", true, false, false],
        ["day", "date", true, true, false],
      ]);
    });

    it("lists partitions, table properties and the CREATE statement", async () => {
      expect((await spark.catalog.listPartitions(`${db}.sales`)).map((p) => p.partition)).to.deep.equal([
        "day=2024-01-01",
        "day=2024-01-02",
      ]);
      await spark.sql(`ALTER TABLE ${db}.sales SET TBLPROPERTIES ('team' = 'tests')`);
      expect(await spark.catalog.getTableProperties(`${db}.sales`)).to.include({ team: "tests" });
      expect(await spark.catalog.getCreateTableString(`${db}.sales`)).to.match(/^CREATE TABLE .*sales/);
    });

    it("tells whether tables exist, and reports a missing one as an AnalysisException", async () => {
      expect(await spark.catalog.tableExists(`${db}.sales`)).to.equal(true);
      expect(await spark.catalog.tableExists("sales", db)).to.equal(true);
      expect(await spark.catalog.tableExists(`${db}.nope`)).to.equal(false);
      await rejectsWith(spark.catalog.getTable(`${db}.nope`), /TABLE_OR_VIEW_NOT_FOUND/);
    });

    it("creates a managed table from a schema and an external one on a path", async () => {
      const schema = new StructType([new StructField("k", new IntegerType()), new StructField("v", new StringType())]);
      const managed = await spark.catalog.createTable(`${db}.made`, { schema, source: "parquet", description: "a test table" });
      expect(await managed.columns).to.deep.equal(["k", "v"]);
      expect((await spark.catalog.getTable(`${db}.made`)).description).to.equal("a test table");
      const files = path.join(dir, "external");
      await (await spark.sql("SELECT 1 AS k, 'one' AS v")).write.parquet(files);
      const external = await spark.catalog.createTable(`${db}.outside`, { path: files, source: "parquet" });
      expect(await external.count()).to.equal(1);
      expect((await spark.catalog.getTable(`${db}.outside`)).tableType).to.equal("EXTERNAL");
      await spark.catalog.createExternalTable(`${db}.outside2`, { path: files, source: "parquet" });
      expect(await spark.table(`${db}.outside2`).count()).to.equal(1);
    });

    it("truncates, analyzes and drops a table", async () => {
      await spark.sql(`CREATE TABLE ${db}.scratch USING parquet AS SELECT id FROM range(10)`);
      await spark.catalog.analyzeTable(`${db}.scratch`);
      await spark.catalog.analyzeTable(`${db}.scratch`, true);
      await spark.catalog.truncateTable(`${db}.scratch`);
      expect(await spark.table(`${db}.scratch`).count()).to.equal(0);
      await spark.catalog.dropTable(`${db}.scratch`);
      await spark.catalog.dropTable(`${db}.scratch`, true);
      expect(await spark.catalog.tableExists(`${db}.scratch`)).to.equal(false);
    });

    it("drops temporary and global temporary views, saying whether there was one", async () => {
      await (await spark.sql("SELECT 1 AS x")).createOrReplaceTempView("cat_drop_me");
      expect(await spark.catalog.dropTempView("cat_drop_me")).to.equal(true);
      expect(await spark.catalog.dropTempView("cat_drop_me")).to.equal(false);
      await (await spark.sql("SELECT 1 AS x")).createOrReplaceGlobalTempView("cat_global");
      expect(await spark.catalog.dropGlobalTempView("cat_global")).to.equal(true);
    });

    it("recovers partitions added as folders, and refreshes by path", async () => {
      const files = path.join(dir, "partitioned");
      await (await spark.sql("SELECT 1 AS id, 'a' AS p")).write.partitionBy("p").parquet(files);
      await spark.sql(`CREATE TABLE ${db}.parts (id INT, p STRING) USING parquet PARTITIONED BY (p) LOCATION '${files}'`);
      await (await spark.sql("SELECT 2 AS id, 'b' AS p")).write.mode("append").partitionBy("p").parquet(files);
      await spark.catalog.recoverPartitions(`${db}.parts`);
      expect((await spark.catalog.listPartitions(`${db}.parts`)).map((p) => p.partition)).to.deep.equal(["p=a", "p=b"]);
      await spark.catalog.refreshByPath(files);
      await spark.catalog.refreshTable(`${db}.parts`);
      expect(await spark.table(`${db}.parts`).count()).to.equal(2);
    });
  });

  describe("functions", () => {
    it("lists, finds and checks functions", async () => {
      const functions = await spark.catalog.listFunctions(undefined, "array_*");
      expect(functions.map((f) => f.name)).to.include("array_contains");
      const upper = await spark.catalog.getFunction("upper");
      expect(upper.className).to.match(/Upper$/);
      expect(upper.isTemporary).to.equal(true);
      expect(await spark.catalog.functionExists("upper")).to.equal(true);
      expect(await spark.catalog.functionExists("no_such_function")).to.equal(false);
    });
  });

  describe("the cache", () => {
    it("caches and uncaches tables, at a storage level too", async () => {
      const name = `${db}.sales`;
      expect(await spark.catalog.isCached(name)).to.equal(false);
      await spark.catalog.cacheTable(name);
      expect(await spark.catalog.isCached(name)).to.equal(true);
      await spark.catalog.uncacheTable(name);
      expect(await spark.catalog.isCached(name)).to.equal(false);
      await spark.catalog.cacheTable(name, StorageLevel.DISK_ONLY);
      expect(await spark.catalog.isCached(name)).to.equal(true);
      await spark.catalog.clearCache();
      expect(await spark.catalog.isCached(name)).to.equal(false);
    });
  });
});
