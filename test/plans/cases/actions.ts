import { col, functions as F, IntegerType, lit, StorageLevel, StructField, StructType } from "../../../src";
import { COUNT_STAR, SQL_LEGACY_FIELDS } from "./differences";
import { plan, type PlanCase } from "./planCase";

/** DataFrame actions: the first request each sends (an ExecutePlan's plan or an AnalyzePlan's analysis). */
export const ACTION_CASES: PlanCase[] = [
  plan("collect", ({ people }) => people.collect(), "people.collect()"),
  plan("toArrow", ({ people }) => people.toArrow(), "people.toArrow()", {
    needsServer: "it asks for the schema first, to type an empty result",
  }),
  plan("count", ({ people }) => people.count(), "people.count()"),
  plan("head", ({ people }) => people.head(3), "people.head(3)"),
  plan("take", ({ people }) => people.take(2), "people.take(2)"),
  plan("tail", ({ people }) => people.tail(2), "people.tail(2)"),
  plan("first", ({ people }) => people.first(), "people.first()"),
  plan("isEmpty", ({ people }) => people.isEmpty(), "people.isEmpty()", {
    differs: "this client counts the first row; PySpark collects the first row of an empty projection. Both compute at most one row",
  }),
  plan("show", ({ people }) => people.show(), "people.show()"),
  plan("show without truncation, vertically", ({ people }) => people.show(5, false, true), "people.show(5, False, True)"),
  plan("show truncated to a width", ({ people }) => people.show(10, 8), "people.show(10, 8)"),
  plan("toLocalIterator", ({ people }) => people.toLocalIterator().next(), "next(people.toLocalIterator())", {
    needsServer: "it reads spark.sql.execution.pyspark.binaryAsBytes first",
  }),
  plan("schema", ({ people }) => people.schema, "people.schema"),
  plan("columns", ({ people }) => people.columns, "people.columns"),
  plan("dtypes", ({ people }) => people.dtypes, "people.dtypes"),
  plan("printSchema", ({ people }) => people.printSchema(), "people.printSchema()", {
    differs:
      "this client asks the server for its tree string (Spark's own text, as for show and explain); PySpark asks for the schema and prints it itself",
  }),
  plan("printSchema to a level", ({ people }) => people.printSchema(2), "people.printSchema(2)", {
    differs:
      "this client asks the server for its tree string (Spark's own text, as for show and explain); PySpark asks for the schema and prints it itself",
  }),
  plan("explain", ({ people }) => people.explain(), "people.explain()"),
  plan("explain extended", ({ people }) => people.explain(true), "people.explain(True)"),
  plan("explain formatted", ({ people }) => people.explain("formatted"), "people.explain('formatted')"),
  plan("explain cost", ({ people }) => people.explain("cost"), "people.explain(mode='cost')"),
  plan("inputFiles", ({ files }) => files.inputFiles(), "files.inputFiles()"),
  plan("isLocal", ({ people }) => people.isLocal(), "people.isLocal()"),
  plan("isStreaming", ({ people }) => people.isStreaming, "people.isStreaming"),
  plan("sameSemantics", ({ people, depts }) => people.sameSemantics(depts), "people.sameSemantics(depts)"),
  plan("semanticHash", ({ people }) => people.semanticHash(), "people.semanticHash()"),
  // views, cache and checkpoints
  plan("createTempView", ({ people }) => people.createTempView("v"), "people.createTempView('v')"),
  plan("createOrReplaceTempView", ({ people }) => people.createOrReplaceTempView("v"), "people.createOrReplaceTempView('v')"),
  plan("createGlobalTempView", ({ people }) => people.createGlobalTempView("v"), "people.createGlobalTempView('v')"),
  plan(
    "createOrReplaceGlobalTempView",
    ({ people }) => people.createOrReplaceGlobalTempView("v"),
    "people.createOrReplaceGlobalTempView('v')",
  ),
  plan("registerTempTable", ({ people }) => people.registerTempTable("v"), "people.registerTempTable('v')"),
  plan("cache", ({ people }) => people.cache(), "people.cache()"),
  plan("persist", ({ people }) => people.persist(), "people.persist()"),
  plan("persist at a level", ({ people }) => people.persist(StorageLevel.DISK_ONLY), "people.persist(StorageLevel.DISK_ONLY)"),
  plan("unpersist", ({ people }) => people.unpersist(), "people.unpersist()"),
  plan("unpersist blocking", ({ people }) => people.unpersist(true), "people.unpersist(True)"),
  plan("storageLevel", ({ people }) => people.storageLevel, "people.storageLevel"),
  plan("is_cached", ({ people }) => people.is_cached, "people.is_cached"),
  plan("checkpoint", ({ people }) => people.checkpoint(), "people.checkpoint()"),
  plan("checkpoint lazily", ({ people }) => people.checkpoint(false), "people.checkpoint(False)"),
  plan("localCheckpoint", ({ people }) => people.localCheckpoint(), "people.localCheckpoint()"),
  plan(
    "localCheckpoint at a level",
    ({ people }) => people.localCheckpoint(true, StorageLevel.MEMORY_ONLY),
    "people.localCheckpoint(True, StorageLevel.MEMORY_ONLY)",
  ),
  // statistics that are numbers
  plan("corr", ({ people }) => people.corr("a", "b"), "people.corr('a', 'b')"),
  plan("stat.cov", ({ people }) => people.stat.cov("a", "b"), "people.stat.cov('a', 'b')"),
  plan(
    "approxQuantile of a column",
    ({ people }) => people.approxQuantile("age", [0.25, 0.5], 0.01),
    "people.approxQuantile('age', [0.25, 0.5], 0.01)",
  ),
  plan(
    "approxQuantile of columns",
    ({ people }) => people.stat.approxQuantile(["age", "score"], [0.5], 0),
    "people.stat.approxQuantile(['age', 'score'], [0.5], 0.0)",
  ),
  // a chart's aggregation
  plan(
    "count of a filtered DataFrame",
    ({ people }) => people.filter(col("age").gt(lit(1))).count(),
    "people.filter(col('age') > lit(1)).count()",
  ),
];

const PATTERN_ONLY =
  "with a pattern and no database this client first asks for the current database and sends both; PySpark sends the pattern alone, which a 4.3 server applies to the current database";

/** SparkSession, RuntimeConfig and Catalog calls: the first request each sends. */
export const SESSION_CASES: PlanCase[] = [
  plan("sql", ({ spark }) => spark.sql("SELECT 1"), "spark.sql('SELECT 1')", { differs: SQL_LEGACY_FIELDS }),
  plan("sql with named parameters", ({ spark }) => spark.sql("SELECT :x", { x: 1 }), "spark.sql('SELECT :x', {'x': 1})", {
    differs: SQL_LEGACY_FIELDS,
  }),
  plan("sql with positional parameters", ({ spark }) => spark.sql("SELECT ?", ["a"]), "spark.sql('SELECT ?', ['a'])", {
    differs: SQL_LEGACY_FIELDS,
  }),
  plan("version", ({ spark }) => spark.version, "spark.version"),
  plan(
    "createDataFrame with a DDL schema",
    ({ spark }) => spark.createDataFrame([[1, "a"]], "id INT, name STRING"),
    "spark.createDataFrame([(1, 'a')], 'id INT, name STRING')",
  ),
  plan(
    "createDataFrame with a StructType",
    ({ spark }) => spark.createDataFrame([{ id: 1 }], new StructType([new StructField("id", new IntegerType())])),
    "spark.createDataFrame([(1,)], T.StructType([T.StructField('id', T.IntegerType())]))",
    {
      needsServer:
        "it reads a dozen configurations (time zone, Arrow and local relation settings) first; this client reads the local relation size limit",
    },
  ),
  // configuration
  plan("conf.get", ({ spark }) => spark.conf.get("spark.sql.shuffle.partitions"), "spark.conf.get('spark.sql.shuffle.partitions')"),
  plan("conf.get with a default", ({ spark }) => spark.conf.get("k", "d"), "spark.conf.get('k', 'd')"),
  plan("conf.set", ({ spark }) => spark.conf.set("k", 5), "spark.conf.set('k', 5)"),
  plan("conf.set a boolean", ({ spark }) => spark.conf.set("k", true), "spark.conf.set('k', True)"),
  plan("conf.unset", ({ spark }) => spark.conf.unset("k"), "spark.conf.unset('k')"),
  plan("conf.getAll", ({ spark }) => spark.conf.getAll, "spark.conf.getAll"),
  plan("conf.isModifiable", ({ spark }) => spark.conf.isModifiable("k"), "spark.conf.isModifiable('k')"),
  // interrupts and streaming queries
  plan("interruptAll", ({ spark }) => spark.interruptAll(), "spark.interruptAll()"),
  plan("interruptTag", ({ spark }) => spark.interruptTag("nightly"), "spark.interruptTag('nightly')"),
  plan("interruptOperation", ({ spark }) => spark.interruptOperation("op-1"), "spark.interruptOperation('op-1')"),
  plan("streams.active", ({ spark }) => spark.streams.active, "spark.streams.active"),
  plan("streams.get", ({ spark }) => spark.streams.get("q-1"), "spark.streams.get('q-1')"),
  plan(
    "streams.awaitAnyTermination with a timeout",
    ({ spark }) => spark.streams.awaitAnyTermination(5000),
    "spark.streams.awaitAnyTermination(5)",
  ),
  plan("streams.awaitAnyTermination", ({ spark }) => spark.streams.awaitAnyTermination(), "spark.streams.awaitAnyTermination()"),
  plan("streams.resetTerminated", ({ spark }) => spark.streams.resetTerminated(), "spark.streams.resetTerminated()"),
  // catalog
  plan("catalog.currentCatalog", ({ spark }) => spark.catalog.currentCatalog(), "spark.catalog.currentCatalog()"),
  plan("catalog.setCurrentCatalog", ({ spark }) => spark.catalog.setCurrentCatalog("c"), "spark.catalog.setCurrentCatalog('c')"),
  plan("catalog.listCatalogs", ({ spark }) => spark.catalog.listCatalogs("s*"), "spark.catalog.listCatalogs('s*')"),
  plan("catalog.currentDatabase", ({ spark }) => spark.catalog.currentDatabase(), "spark.catalog.currentDatabase()"),
  plan("catalog.setCurrentDatabase", ({ spark }) => spark.catalog.setCurrentDatabase("db"), "spark.catalog.setCurrentDatabase('db')"),
  plan("catalog.listDatabases", ({ spark }) => spark.catalog.listDatabases(), "spark.catalog.listDatabases()"),
  plan("catalog.getDatabase", ({ spark }) => spark.catalog.getDatabase("db"), "spark.catalog.getDatabase('db')"),
  plan("catalog.databaseExists", ({ spark }) => spark.catalog.databaseExists("db"), "spark.catalog.databaseExists('db')"),
  plan(
    "catalog.createDatabase",
    ({ spark }) => spark.catalog.createDatabase("db", true, { k: "v" }),
    "spark.catalog.createDatabase('db', True, {'k': 'v'})",
  ),
  plan("catalog.dropDatabase", ({ spark }) => spark.catalog.dropDatabase("db", true, true), "spark.catalog.dropDatabase('db', True, True)"),
  plan("catalog.listTables", ({ spark }) => spark.catalog.listTables(), "spark.catalog.listTables()"),
  plan(
    "catalog.listTables of a database and pattern",
    ({ spark }) => spark.catalog.listTables("db", "t*"),
    "spark.catalog.listTables('db', 't*')",
  ),
  plan("catalog.listViews", ({ spark }) => spark.catalog.listViews("db"), "spark.catalog.listViews('db')"),
  plan("catalog.getTable", ({ spark }) => spark.catalog.getTable("t"), "spark.catalog.getTable('t')"),
  plan("catalog.tableExists", ({ spark }) => spark.catalog.tableExists("t", "db"), "spark.catalog.tableExists('t', 'db')"),
  plan("catalog.listColumns", ({ spark }) => spark.catalog.listColumns("t"), "spark.catalog.listColumns('t')"),
  plan("catalog.listPartitions", ({ spark }) => spark.catalog.listPartitions("t"), "spark.catalog.listPartitions('t')"),
  plan("catalog.getTableProperties", ({ spark }) => spark.catalog.getTableProperties("t"), "spark.catalog.getTableProperties('t')"),
  plan(
    "catalog.getCreateTableString",
    ({ spark }) => spark.catalog.getCreateTableString("t", true),
    "spark.catalog.getCreateTableString('t', True)",
  ),
  plan(
    "catalog.createTable",
    ({ spark }) => spark.catalog.createTable("t", { path: "p", source: "csv", description: "d", options: { header: true } }),
    "spark.catalog.createTable('t', 'p', 'csv', description='d', header='true')",
  ),
  plan(
    "catalog.createTable with a schema",
    ({ spark }) => spark.catalog.createTable("t", { schema: new StructType([new StructField("id", new IntegerType())]) }),
    "spark.catalog.createTable('t', schema=T.StructType([T.StructField('id', T.IntegerType())]))",
  ),
  plan(
    "catalog.createExternalTable",
    ({ spark }) => spark.catalog.createExternalTable("t", { path: "p" }),
    "spark.catalog.createExternalTable('t', 'p')",
    {
      differs:
        "this client sends the deprecated CreateExternalTable message for the deprecated method, which the server serves as createTable; PySpark sends CreateTable",
    },
  ),
  plan("catalog.dropTable", ({ spark }) => spark.catalog.dropTable("t", true, true), "spark.catalog.dropTable('t', True, True)"),
  plan("catalog.dropView", ({ spark }) => spark.catalog.dropView("v", true), "spark.catalog.dropView('v', True)"),
  plan("catalog.truncateTable", ({ spark }) => spark.catalog.truncateTable("t"), "spark.catalog.truncateTable('t')"),
  plan("catalog.analyzeTable", ({ spark }) => spark.catalog.analyzeTable("t", true), "spark.catalog.analyzeTable('t', True)"),
  plan("catalog.dropTempView", ({ spark }) => spark.catalog.dropTempView("v"), "spark.catalog.dropTempView('v')"),
  plan("catalog.dropGlobalTempView", ({ spark }) => spark.catalog.dropGlobalTempView("v"), "spark.catalog.dropGlobalTempView('v')"),
  plan("catalog.listFunctions", ({ spark }) => spark.catalog.listFunctions("db"), "spark.catalog.listFunctions('db')"),
  plan(
    "catalog.listFunctions with a pattern only",
    ({ spark }) => spark.catalog.listFunctions(undefined, "a*"),
    "spark.catalog.listFunctions(None, 'a*')",
    { differs: PATTERN_ONLY },
  ),
  plan(
    "catalog.listTables with a pattern only",
    ({ spark }) => spark.catalog.listTables(undefined, "t*"),
    "spark.catalog.listTables(None, 't*')",
    { differs: PATTERN_ONLY },
  ),
  plan("catalog.getFunction", ({ spark }) => spark.catalog.getFunction("f"), "spark.catalog.getFunction('f')"),
  plan("catalog.functionExists", ({ spark }) => spark.catalog.functionExists("f", "db"), "spark.catalog.functionExists('f', 'db')"),
  plan("catalog.isCached", ({ spark }) => spark.catalog.isCached("t"), "spark.catalog.isCached('t')"),
  plan("catalog.cacheTable", ({ spark }) => spark.catalog.cacheTable("t"), "spark.catalog.cacheTable('t')"),
  plan(
    "catalog.cacheTable at a level",
    ({ spark }) => spark.catalog.cacheTable("t", StorageLevel.MEMORY_ONLY),
    "spark.catalog.cacheTable('t', StorageLevel.MEMORY_ONLY)",
  ),
  plan("catalog.uncacheTable", ({ spark }) => spark.catalog.uncacheTable("t"), "spark.catalog.uncacheTable('t')"),
  plan("catalog.clearCache", ({ spark }) => spark.catalog.clearCache(), "spark.catalog.clearCache()"),
  plan("catalog.refreshTable", ({ spark }) => spark.catalog.refreshTable("t"), "spark.catalog.refreshTable('t')"),
  plan("catalog.refreshByPath", ({ spark }) => spark.catalog.refreshByPath("p"), "spark.catalog.refreshByPath('p')"),
  plan("catalog.recoverPartitions", ({ spark }) => spark.catalog.recoverPartitions("t"), "spark.catalog.recoverPartitions('t')"),
  // an aggregation in an action, built by the server's names for them
  plan("agg in an action", ({ people }) => people.agg(F.count("*")).collect(), "people.agg(F.count('*')).collect()", {
    differs: COUNT_STAR,
  }),
];
