import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import {
  WriteOperation_SaveMode as SaveMode,
  WriteOperation_SaveTable_TableSaveMethod as SaveMethod,
  WriteOperationV2_Mode as V2Mode,
} from "../../../src/gen/spark/connect/commands";
import type { Read, Read_DataSource } from "../../../src/gen/spark/connect/relations";
import { col, functions as F, IntegerType, lit, SparkSession, StringType, StructField, StructType, type DataFrame } from "../../../src";

// Readers and writers only build protos until an action runs, so their plans are checked here
// without a server; what the server makes of them is in test/integration/sql/io.test.ts.

function readOf(df: DataFrame): Read {
  const relType = df.plan.relType;
  if (relType?.$case !== "read") throw new Error(`expected a Read relation, got ${relType?.$case}`);
  return relType.read;
}

function dataSourceOf(df: DataFrame): Read_DataSource {
  const readType = readOf(df).readType;
  if (readType?.$case !== "dataSource") throw new Error(`expected a DataSource read, got ${readType?.$case}`);
  return readType.dataSource;
}

describe("DataFrameReader plans", () => {
  let spark: SparkSession;
  let people: StructType;

  before(async () => {
    // Nothing listens there: building plans must not need a server.
    spark = await SparkSession.builder.remote("sc://127.0.0.1:1").create();
    people = new StructType([new StructField("id", new IntegerType()), new StructField("name", new StringType())]);
  });

  after(async () => {
    await spark.stop().catch(() => undefined);
  });

  it("load sends a batch DataSource read with the format, schema, options and paths set", () => {
    const df = spark.read.format("csv").schema("id INT, name STRING").option("header", true).load("/data/people.csv");
    expect(readOf(df).isStreaming).to.equal(false);
    expect(dataSourceOf(df)).to.deep.equal({
      format: "csv",
      schema: "id INT, name STRING",
      options: { header: "true" },
      paths: ["/data/people.csv"],
      predicates: [],
    });
  });

  it("turns option values into the strings Spark reads, leaving out null and undefined ones", () => {
    const df = spark.read
      .options({ header: false, samplingRatio: 0.5, maxColumns: 10n, sep: ";", nullValue: null, mode: undefined })
      .load();
    expect(dataSourceOf(df).options).to.deep.equal({ header: "false", samplingRatio: "0.5", maxColumns: "10", sep: ";" });
  });

  it("lets a later option of the same name win", () => {
    const df = spark.read.option("sep", ",").options({ sep: "|" }).option("header", true).load("/p");
    expect(dataSourceOf(df).options).to.deep.equal({ sep: "|", header: "true" });
  });

  it("sends a StructType schema as Spark's JSON and a DDL schema as written", () => {
    expect(JSON.parse(dataSourceOf(spark.read.schema(people).load("/p")).schema!)).to.deep.equal(JSON.parse(people.json()));
    expect(dataSourceOf(spark.read.schema("id INT").load("/p")).schema).to.equal("id INT");
  });

  it("load takes no path, one path or several, and the format, schema and options as arguments", () => {
    expect(dataSourceOf(spark.read.format("delta").option("path", "/t").load())).to.include({ format: "delta" });
    expect(dataSourceOf(spark.read.format("delta").load()).paths).to.deep.equal([]);
    expect(dataSourceOf(spark.read.load(["/a", "/b"])).paths).to.deep.equal(["/a", "/b"]);
    expect(dataSourceOf(spark.read.load("/a", "json", "x INT", { multiLine: true }))).to.deep.equal({
      format: "json",
      schema: "x INT",
      options: { multiLine: "true" },
      paths: ["/a"],
      predicates: [],
    });
  });

  it("leaves format and schema out when none is set, so the server uses its default source and infers", () => {
    const source = dataSourceOf(spark.read.load("/p"));
    expect(source).to.not.have.property("format");
    expect(source).to.not.have.property("schema");
  });

  for (const format of ["csv", "json", "orc", "text", "xml"] as const) {
    it(`${format}(path, options) reads that format with the record's options, its schema apart`, () => {
      const source = dataSourceOf(spark.read[format](["/x", "/y"], { lineSep: "\n", schema: "value STRING" }));
      expect(source).to.deep.equal({ format, schema: "value STRING", options: { lineSep: "\n" }, paths: ["/x", "/y"], predicates: [] });
    });
  }

  it("a format shortcut's record takes a StructType schema, and refuses one given to any other option", () => {
    expect(JSON.parse(dataSourceOf(spark.read.json("/p", { schema: people, multiLine: true })).schema!)).to.deep.equal(
      JSON.parse(people.json()),
    );
    expect(() => spark.read.json("/p", { multiLine: people })).to.throw(
      TypeError,
      /option multiLine must be a string, number, boolean or bigint/,
    );
  });

  it("parquet takes several paths then an options record, as PySpark's varargs and keywords", () => {
    const source = dataSourceOf(spark.read.parquet("/a", "/b", { mergeSchema: true }));
    expect(source).to.deep.equal({ format: "parquet", options: { mergeSchema: "true" }, paths: ["/a", "/b"], predicates: [] });
  });

  it("a format shortcut overrides a format set before, and keeps the options set before", () => {
    const source = dataSourceOf(spark.read.format("json").option("header", true).csv("/p", { sep: ";" }));
    expect(source.format).to.equal("csv");
    expect(source.options).to.deep.equal({ header: "true", sep: ";" });
  });

  it("table reads a NamedTable with the options set", () => {
    const read = readOf(spark.read.option("versionAsOf", 3).table("db.events"));
    expect(read.readType).to.deep.equal({
      $case: "namedTable",
      namedTable: { unparsedIdentifier: "db.events", options: { versionAsOf: "3" } },
    });
  });

  it("jdbc puts the connection and the partitioning in options, and predicates in the DataSource", () => {
    const byColumn = dataSourceOf(
      spark.read.jdbc("jdbc:derby:memory:x", "PEOPLE", {
        column: "id",
        lowerBound: 0,
        upperBound: 100,
        numPartitions: 4,
        properties: { user: "u" },
      }),
    );
    expect(byColumn).to.deep.equal({
      format: "jdbc",
      options: {
        user: "u",
        url: "jdbc:derby:memory:x",
        dbtable: "PEOPLE",
        partitionColumn: "id",
        lowerBound: "0",
        upperBound: "100",
        numPartitions: "4",
      },
      paths: [],
      predicates: [],
    });
    expect(dataSourceOf(spark.read.jdbc("jdbc:x", "T", { predicates: ["id < 5", "id >= 5"] })).predicates).to.deep.equal([
      "id < 5",
      "id >= 5",
    ]);
    expect(() => spark.read.jdbc("jdbc:x", "T", { column: "id", lowerBound: 0 })).to.throw(
      TypeError,
      /lowerBound, upperBound and numPartitions/,
    );
  });

  it("is immutable: a setting returns a new reader and leaves the old one as it was", () => {
    const base = spark.read.format("csv");
    const withHeader = base.option("header", true);
    expect(withHeader).to.not.equal(base);
    expect(dataSourceOf(base.load("/p")).options).to.deep.equal({});
    expect(dataSourceOf(withHeader.load("/p")).options).to.deep.equal({ header: "true" });
  });

  it("each DataFrame read gets a plan of its own, frozen", () => {
    const reader = spark.read.format("csv");
    const a = reader.load("/p");
    const b = reader.load("/p");
    expect(a.plan.common?.planId).to.not.equal(b.plan.common?.planId);
    expect(Object.isFrozen(a.plan)).to.equal(true);
  });

  it("refuses empty schemas, empty paths and options that are not finite numbers before anything is sent", () => {
    expect(() => spark.read.schema("  ")).to.throw(TypeError, /empty schema/);
    expect(() => spark.read.load("")).to.throw(TypeError, /non-empty/);
    expect(() => spark.read.csv(["/a", ""])).to.throw(TypeError, /non-empty/);
    expect(() => spark.read.option("samplingRatio", Number.NaN)).to.throw(RangeError, /samplingRatio must be a finite number/);
  });
});

describe("DataFrameWriter commands", () => {
  let spark: SparkSession;
  let df: DataFrame;

  before(async () => {
    spark = await SparkSession.builder.remote("sc://127.0.0.1:1").create();
    df = spark.range(3);
  });

  after(async () => {
    await spark.stop().catch(() => undefined);
  });

  it("writes the DataFrame's plan in error-if-exists mode unless told otherwise, leaving the format to the server", () => {
    const op = df.write.writeOperation({ $case: "path", path: "/out" });
    expect(op.input).to.equal(df.plan);
    expect(op.mode).to.equal(SaveMode.SAVE_MODE_ERROR_IF_EXISTS);
    expect(op.saveType).to.deep.equal({ $case: "path", path: "/out" });
    expect(op).to.not.have.property("source");
    expect(op).to.not.have.property("bucketBy");
  });

  it("maps PySpark's save modes, in any case, to the protocol's", () => {
    const modeOf = (name: string) => df.write.mode(name as "append").writeOperation(undefined).mode;
    expect(modeOf("append")).to.equal(SaveMode.SAVE_MODE_APPEND);
    expect(modeOf("Overwrite")).to.equal(SaveMode.SAVE_MODE_OVERWRITE);
    expect(modeOf("error")).to.equal(SaveMode.SAVE_MODE_ERROR_IF_EXISTS);
    expect(modeOf("errorifexists")).to.equal(SaveMode.SAVE_MODE_ERROR_IF_EXISTS);
    expect(modeOf("IGNORE")).to.equal(SaveMode.SAVE_MODE_IGNORE);
    expect(() => modeOf("upsert")).to.throw(RangeError, /unknown save mode "upsert"/);
  });

  it("sends format, string options, partitioning, bucketing, sorting and clustering as set", () => {
    const op = df.write
      .format("parquet")
      .option("compression", "zstd")
      .options({ maxRecordsPerFile: 1000, skipped: undefined })
      .partitionBy("year", "month")
      .bucketBy(8, ["id", "kind"])
      .sortBy("id")
      .clusterBy(["region"])
      .writeOperation({ $case: "table", table: { tableName: "db.t", saveMethod: SaveMethod.TABLE_SAVE_METHOD_SAVE_AS_TABLE } });
    expect(op).to.deep.include({
      source: "parquet",
      options: { compression: "zstd", maxRecordsPerFile: "1000" },
      partitioningColumns: ["year", "month"],
      bucketBy: { bucketColumnNames: ["id", "kind"], numBuckets: 8 },
      sortColumnNames: ["id"],
      clusteringColumns: ["region"],
      saveType: { $case: "table", table: { tableName: "db.t", saveMethod: SaveMethod.TABLE_SAVE_METHOD_SAVE_AS_TABLE } },
    });
  });

  it("replaces partition columns when partitionBy is called again, as PySpark does", () => {
    expect(df.write.partitionBy("a").partitionBy("b").writeOperation(undefined).partitioningColumns).to.deep.equal(["b"]);
  });

  it("is immutable: a setting returns a new writer and leaves the old one as it was", () => {
    const base = df.write.format("csv");
    const appending = base.mode("append").option("header", true);
    expect(base.writeOperation(undefined)).to.deep.include({ mode: SaveMode.SAVE_MODE_ERROR_IF_EXISTS, options: {} });
    expect(appending.writeOperation(undefined)).to.deep.include({ mode: SaveMode.SAVE_MODE_APPEND, options: { header: "true" } });
  });

  it("refuses bad bucket counts, bucketing without columns and empty column names before anything is sent", () => {
    expect(() => df.write.bucketBy(0, "id")).to.throw(RangeError, /numBuckets/);
    expect(() => df.write.bucketBy(1.5, "id")).to.throw(RangeError, /numBuckets/);
    expect(() => df.write.bucketBy(4)).to.throw(TypeError, /at least one column/);
    expect(() => df.write.partitionBy("")).to.throw(TypeError, /non-empty/);
  });

  it("refuses several paths for a file format shortcut without sending anything", async () => {
    let error: unknown;
    await df.write.csv(["/a", "/b"] as unknown as string).catch((err: unknown) => (error = err));
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.match(/one path/);
  });
});

describe("DataFrameWriterV2 commands", () => {
  let spark: SparkSession;
  let df: DataFrame;

  before(async () => {
    spark = await SparkSession.builder.remote("sc://127.0.0.1:1").create();
    df = spark.range(3);
  });

  after(async () => {
    await spark.stop().catch(() => undefined);
  });

  it("names the table and sends provider, options, properties, partition transforms and clustering", () => {
    const op = df
      .writeTo("cat.db.events")
      .using("parquet")
      .option("compression", "zstd")
      .options({ mergeSchema: true })
      .tableProperty("owner", "ops")
      .partitionedBy(F.years(col("ts")), "region")
      .clusterBy("id")
      .writeOperationV2(V2Mode.MODE_CREATE);
    expect(op.input).to.equal(df.plan);
    expect(op).to.deep.include({
      tableName: "cat.db.events",
      provider: "parquet",
      options: { compression: "zstd", mergeSchema: "true" },
      tableProperties: { owner: "ops" },
      clusteringColumns: ["id"],
      mode: V2Mode.MODE_CREATE,
    });
    expect(op.partitioningColumns.map((e) => e.exprType?.$case)).to.deep.equal(["unresolvedFunction", "unresolvedAttribute"]);
    expect(op.partitioningColumns[0]).to.deep.equal(F.years(col("ts")).expr);
  });

  it("leaves the provider out when none is set, and sends the overwrite condition when there is one", () => {
    const plain = df.writeTo("t").writeOperationV2(V2Mode.MODE_APPEND);
    expect(plain).to.not.have.property("provider");
    expect(plain).to.not.have.property("overwriteCondition");
    const condition = col("day").equalTo(lit("2024-01-01"));
    expect(df.writeTo("t").writeOperationV2(V2Mode.MODE_OVERWRITE, condition).overwriteCondition).to.deep.equal(condition.expr);
  });

  it("is immutable: a setting returns a new writer and leaves the old one as it was", () => {
    const base = df.writeTo("t");
    base.using("orc").tableProperty("k", "v");
    expect(base.writeOperationV2(V2Mode.MODE_CREATE)).to.deep.include({ tableProperties: {} });
    expect(base.writeOperationV2(V2Mode.MODE_CREATE)).to.not.have.property("provider");
  });

  it("refuses partitionedBy without columns before anything is sent", () => {
    expect(() => df.writeTo("t").partitionedBy()).to.throw(TypeError, /at least one column/);
  });
});
