import { col, functions as F, IntegerType, lit, StringType, StructField, StructType } from "../../../src";
import { DEFAULT_SAVE_MODE, MERGE_ASSIGNMENT_KEYS } from "./differences";
import { plan, type PlanCase } from "./planCase";

const schema = () => new StructType([new StructField("id", new IntegerType()), new StructField("name", new StringType())]);
const PY_SCHEMA = "T.StructType([T.StructField('id', T.IntegerType()), T.StructField('name', T.StringType())])";

/** DataFrameReader and DataStreamReader: each gives a DataFrame whose Read relation is compared. */
export const READER_CASES: PlanCase[] = [
  plan(
    "load with format, schema, option",
    ({ spark }) => spark.read.format("csv").schema("id INT, name STRING").option("header", true).load("data/people.csv"),
    "spark.read.format('csv').schema('id INT, name STRING').option('header', True).load('data/people.csv')",
  ),
  plan("load of several paths", ({ spark }) => spark.read.format("json").load(["a", "b"]), "spark.read.format('json').load(['a', 'b'])"),
  plan(
    "load with arguments",
    ({ spark }) => spark.read.load("p", "orc", "a INT", { mergeSchema: true }),
    "spark.read.load('p', 'orc', 'a INT', mergeSchema=True)",
  ),
  plan("load without a path", ({ spark }) => spark.read.format("noop").load(), "spark.read.format('noop').load()"),
  plan(
    "options of numbers and booleans",
    ({ spark }) => spark.read.options({ samplingRatio: 0.5, maxColumns: 10, header: false }).csv("p"),
    "spark.read.options(samplingRatio=0.5, maxColumns=10, header=False).csv('p')",
  ),
  plan("schema as a StructType", ({ spark }) => spark.read.schema(schema()).json("p"), `spark.read.schema(${PY_SCHEMA}).json('p')`),
  plan("csv with options", ({ spark }) => spark.read.csv("p", { header: true, sep: ";" }), "spark.read.csv('p', header=True, sep=';')"),
  plan("csv with a schema", ({ spark }) => spark.read.csv("p", { schema: "a INT" }), "spark.read.csv('p', schema='a INT')"),
  plan("json", ({ spark }) => spark.read.json("p", { multiLine: true }), "spark.read.json('p', multiLine=True)"),
  plan("parquet of several paths", ({ spark }) => spark.read.parquet("p1", "p2"), "spark.read.parquet('p1', 'p2')"),
  plan(
    "parquet with an option",
    ({ spark }) => spark.read.parquet("p", { mergeSchema: true }),
    "spark.read.parquet('p', mergeSchema=True)",
  ),
  plan("orc", ({ spark }) => spark.read.orc("p"), "spark.read.orc('p')"),
  plan("text", ({ spark }) => spark.read.text("p", { wholetext: true }), "spark.read.text('p', wholetext=True)"),
  plan("xml", ({ spark }) => spark.read.xml("p", { rowTag: "book" }), "spark.read.xml('p', rowTag='book')"),
  plan("table", ({ spark }) => spark.read.table("db.t"), "spark.read.table('db.t')"),
  plan(
    "table with options",
    ({ spark }) => spark.read.option("versionAsOf", 3).table("t"),
    "spark.read.option('versionAsOf', 3).table('t')",
  ),
  plan(
    "jdbc",
    ({ spark }) => spark.read.jdbc("jdbc:h2:mem:x", "orders", { properties: { user: "reader" } }),
    "spark.read.jdbc('jdbc:h2:mem:x', 'orders', properties={'user': 'reader'})",
  ),
  plan(
    "jdbc partitioned by a column",
    ({ spark }) => spark.read.jdbc("jdbc:h2:mem:x", "orders", { column: "id", lowerBound: 0, upperBound: 100, numPartitions: 4 }),
    "spark.read.jdbc('jdbc:h2:mem:x', 'orders', column='id', lowerBound=0, upperBound=100, numPartitions=4)",
  ),
  plan(
    "jdbc split by predicates",
    ({ spark }) => spark.read.jdbc("jdbc:h2:mem:x", "orders", { predicates: ["id < 10", "id >= 10"] }),
    "spark.read.jdbc('jdbc:h2:mem:x', 'orders', predicates=['id < 10', 'id >= 10'])",
  ),
  plan(
    "changes",
    ({ spark }) => spark.read.option("startingVersion", 1).changes("t"),
    "spark.read.option('startingVersion', 1).changes('t')",
  ),
  plan(
    "readStream load",
    ({ spark }) => spark.readStream.format("rate").option("rowsPerSecond", 10).load(),
    "spark.readStream.format('rate').option('rowsPerSecond', 10).load()",
  ),
  plan(
    "readStream json with a schema",
    ({ spark }) => spark.readStream.schema("id INT").json("in"),
    "spark.readStream.schema('id INT').json('in')",
  ),
  plan("readStream table", ({ spark }) => spark.readStream.table("t"), "spark.readStream.table('t')"),
  plan(
    "readStream named source",
    ({ spark }) => spark.readStream.format("rate").name("ticks").load(),
    "spark.readStream.format('rate').name('ticks').load()",
  ),
];

/** DataFrameWriter, DataFrameWriterV2, DataStreamWriter and MergeIntoWriter: the command each write sends. */
export const WRITER_CASES: PlanCase[] = [
  plan(
    "save with format, mode, options",
    ({ people }) => people.write.format("csv").mode("overwrite").option("header", true).save("out"),
    "people.write.format('csv').mode('overwrite').option('header', True).save('out')",
  ),
  plan("save without a path", ({ people }) => people.write.format("noop").save(), "people.write.format('noop').save()", {
    differs: DEFAULT_SAVE_MODE,
  }),
  plan(
    "save with arguments",
    ({ people }) => people.write.save("out", "json", "append", { compression: "gzip" }),
    "people.write.save('out', 'json', 'append', compression='gzip')",
  ),
  plan("default save mode", ({ people }) => people.write.parquet("out"), "people.write.parquet('out')", { differs: DEFAULT_SAVE_MODE }),
  plan("mode ignore", ({ people }) => people.write.mode("ignore").orc("out"), "people.write.mode('ignore').orc('out')"),
  plan("mode error", ({ people }) => people.write.mode("error").json("out"), "people.write.mode('error').json('out')"),
  plan(
    "partitionBy",
    ({ people }) => people.write.partitionBy("year", "month").parquet("out"),
    "people.write.partitionBy('year', 'month').parquet('out')",
    { differs: DEFAULT_SAVE_MODE },
  ),
  plan(
    "bucketBy and sortBy",
    ({ people }) => people.write.bucketBy(4, "id").sortBy("age").saveAsTable("t"),
    "people.write.bucketBy(4, 'id').sortBy('age').saveAsTable('t')",
    { differs: DEFAULT_SAVE_MODE },
  ),
  plan("clusterBy", ({ people }) => people.write.clusterBy("id").saveAsTable("t"), "people.write.clusterBy('id').saveAsTable('t')", {
    differs: DEFAULT_SAVE_MODE,
  }),
  plan(
    "saveAsTable with arguments",
    ({ people }) => people.write.saveAsTable("t", "parquet", "append", ["year"]),
    "people.write.saveAsTable('t', 'parquet', 'append', ['year'])",
  ),
  plan("insertInto", ({ people }) => people.write.insertInto("t"), "people.write.insertInto('t')", { differs: DEFAULT_SAVE_MODE }),
  plan("insertInto overwriting", ({ people }) => people.write.insertInto("t", true), "people.write.insertInto('t', True)"),
  plan(
    "csv with options and mode",
    ({ people }) => people.write.csv("out", { header: true, mode: "overwrite" }),
    "people.write.csv('out', header=True, mode='overwrite')",
  ),
  plan("json", ({ people }) => people.write.json("out", { compression: "gzip" }), "people.write.json('out', compression='gzip')", {
    differs: DEFAULT_SAVE_MODE,
  }),
  plan("text", ({ people }) => people.write.text("out"), "people.write.text('out')", { differs: DEFAULT_SAVE_MODE }),
  plan("xml", ({ people }) => people.write.xml("out", { rowTag: "row" }), "people.write.xml('out', rowTag='row')", {
    differs: DEFAULT_SAVE_MODE,
  }),
  plan(
    "jdbc",
    ({ people }) => people.write.jdbc("jdbc:h2:mem:x", "orders", "append", { user: "writer" }),
    "people.write.jdbc('jdbc:h2:mem:x', 'orders', 'append', {'user': 'writer'})",
  ),
  // V2
  plan(
    "writeTo create",
    ({ people }) => people.writeTo("db.t").using("parquet").tableProperty("k", "v").option("o", 1).create(),
    "people.writeTo('db.t').using('parquet').tableProperty('k', 'v').option('o', 1).create()",
  ),
  plan("writeTo replace", ({ people }) => people.writeTo("t").replace(), "people.writeTo('t').replace()"),
  plan(
    "writeTo createOrReplace partitioned",
    ({ people }) =>
      people
        .writeTo("t")
        .partitionedBy(F.years(col("ts")), col("dept"))
        .createOrReplace(),
    "people.writeTo('t').partitionedBy(F.partitioning.years(col('ts')), col('dept')).createOrReplace()",
  ),
  plan(
    "writeTo partitioned by a bucket",
    ({ people }) =>
      people
        .writeTo("t")
        .partitionedBy(F.bucket(4, col("id")))
        .create(),
    "people.writeTo('t').partitionedBy(F.partitioning.bucket(4, col('id'))).create()",
  ),
  plan(
    "writeTo clusterBy",
    ({ people }) => people.writeTo("t").clusterBy("id", "dept").create(),
    "people.writeTo('t').clusterBy('id', 'dept').create()",
  ),
  plan(
    "writeTo append",
    ({ people }) => people.writeTo("t").options({ mergeSchema: true }).append(),
    "people.writeTo('t').options(mergeSchema=True).append()",
  ),
  plan(
    "writeTo overwrite",
    ({ people }) => people.writeTo("t").overwrite(col("day").equalTo(lit("2024-01-01"))),
    "people.writeTo('t').overwrite(col('day') == lit('2024-01-01'))",
  ),
  plan(
    "writeTo overwritePartitions",
    ({ people }) => people.writeTo("t").overwritePartitions(),
    "people.writeTo('t').overwritePartitions()",
  ),
  // streaming
  plan(
    "writeStream start",
    ({ spark }) => spark.readStream.format("rate").load().writeStream.format("memory").queryName("q").outputMode("append").start(),
    "spark.readStream.format('rate').load().writeStream.format('memory').queryName('q').outputMode('append').start()",
  ),
  plan(
    "writeStream with a processing-time trigger",
    ({ spark }) =>
      spark.readStream
        .format("rate")
        .load()
        .writeStream.format("console")
        .trigger({ processingTime: "5 seconds" })
        .option("truncate", false)
        .start(),
    "spark.readStream.format('rate').load().writeStream.format('console').trigger(processingTime='5 seconds').option('truncate', False).start()",
  ),
  plan(
    "writeStream availableNow to a path",
    ({ spark }) =>
      spark.readStream.format("rate").load().writeStream.format("parquet").partitionBy("x").trigger({ availableNow: true }).start("out"),
    "spark.readStream.format('rate').load().writeStream.format('parquet').partitionBy('x').trigger(availableNow=True).start('out')",
  ),
  plan(
    "writeStream once toTable",
    ({ spark }) => spark.readStream.format("rate").load().writeStream.trigger({ once: true }).toTable("t"),
    "spark.readStream.format('rate').load().writeStream.trigger(once=True).toTable('t')",
  ),
  plan(
    "writeStream continuous",
    ({ spark }) => spark.readStream.format("rate").load().writeStream.format("console").trigger({ continuous: "1 second" }).start(),
    "spark.readStream.format('rate').load().writeStream.format('console').trigger(continuous='1 second').start()",
  ),
  // MERGE INTO
  plan(
    "mergeInto",
    ({ people }) =>
      people
        .mergeInto("target", col("source.id").equalTo(col("target.id")))
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .merge(),
    "people.mergeInto('target', col('source.id') == col('target.id')).whenMatched().updateAll().whenNotMatched().insertAll().merge()",
  ),
  plan(
    "mergeInto with conditions and assignments",
    ({ people }) =>
      people
        .mergeInto("target", col("s.id").equalTo(col("t.id")))
        .whenMatched(col("s.deleted"))
        .delete()
        .whenMatched()
        .update({ v: col("s.v") })
        .whenNotMatched(col("s.v").gt(0))
        .insert({ id: col("s.id"), v: col("s.v") })
        .whenNotMatchedBySource()
        .delete()
        .withSchemaEvolution()
        .merge(),
    "people.mergeInto('target', col('s.id') == col('t.id')).whenMatched(col('s.deleted')).delete().whenMatched().update({'v': col('s.v')}).whenNotMatched(col('s.v') > 0).insert({'id': col('s.id'), 'v': col('s.v')}).whenNotMatchedBySource().delete().withSchemaEvolution().merge()",
    { differs: MERGE_ASSIGNMENT_KEYS },
  ),
];
