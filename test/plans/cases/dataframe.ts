import { col, functions as F, IntegerType, lit, StringType, StructField, StructType } from "../../../src";
import { ARRAY_LITERAL, DEFAULT_COLLATION, METADATA_JSON, RENAMES_MAP, SCHEMA_JSON } from "./differences";
import { plan, type PlanCase } from "./planCase";

const schema = () => new StructType([new StructField("id", new IntegerType()), new StructField("name", new StringType())]);
const PY_SCHEMA = "T.StructType([T.StructField('id', T.IntegerType()), T.StructField('name', T.StringType())])";

/** DataFrame transformations: each gives a DataFrame whose relation is compared. */
export const DATAFRAME_CASES: PlanCase[] = [
  // sources
  plan("spark.range with start, end, step and partitions", ({ spark }) => spark.range(1, 10, 2, 3), "spark.range(1, 10, 2, 3)"),
  plan("spark.range with an end only", ({ spark }) => spark.range(5), "spark.range(5)"),
  plan("spark.table", ({ spark }) => spark.table("db.people"), "spark.table('db.people')"),
  plan("spark.emptyDataFrame", ({ spark }) => spark.emptyDataFrame, "spark.emptyDataFrame(T.StructType([]))", { differs: SCHEMA_JSON }),
  // projection and filters
  plan(
    "select names and Columns",
    ({ people }) => people.select("id", col("name"), col("age").plus(1).alias("next")),
    "people.select('id', col('name'), (col('age') + 1).alias('next'))",
  ),
  plan("select star", ({ people }) => people.select("*"), "people.select('*')"),
  plan("select a qualified star", ({ people }) => people.alias("p").select("p.*"), "people.alias('p').select('p.*')"),
  plan("select with df.col", ({ people }) => people.select(people.col("id")), "people.select(people['id'])"),
  plan("selectExpr of a star", ({ people }) => people.selectExpr("*", "age + 1 AS next"), "people.selectExpr('*', 'age + 1 AS next')"),
  plan(
    "selectExpr",
    ({ people }) => people.selectExpr("id * 2 AS twice", "upper(name)"),
    "people.selectExpr('id * 2 AS twice', 'upper(name)')",
  ),
  plan("filter by a Column", ({ people }) => people.filter(col("age").gt(21)), "people.filter(col('age') > 21)"),
  plan("filter by SQL text", ({ people }) => people.filter("age > 21"), "people.filter('age > 21')"),
  plan("where", ({ people }) => people.where(col("name").isNotNull()), "people.where(col('name').isNotNull())"),
  // columns
  plan("withColumn", ({ people }) => people.withColumn("age2", col("age").multiply(2)), "people.withColumn('age2', col('age') * 2)"),
  plan(
    "withColumns",
    ({ people }) => people.withColumns({ a: lit(1), b: col("age").minus(1) }),
    "people.withColumns({'a': lit(1), 'b': col('age') - 1})",
  ),
  plan(
    "withColumnRenamed",
    ({ people }) => people.withColumnRenamed("name", "full_name"),
    "people.withColumnRenamed('name', 'full_name')",
    { differs: RENAMES_MAP },
  ),
  plan(
    "withColumnsRenamed",
    ({ people }) => people.withColumnsRenamed({ name: "n", age: "a" }),
    "people.withColumnsRenamed({'name': 'n', 'age': 'a'})",
    { differs: RENAMES_MAP },
  ),
  plan("withMetadata", ({ people }) => people.withMetadata("age", { unit: "years" }), "people.withMetadata('age', {'unit': 'years'})", {
    differs: `${METADATA_JSON.reason}; and the column is not bound to the DataFrame by plan id as PySpark's df[name] is (it names a column of the input either way)`,
  }),
  plan("drop names", ({ people }) => people.drop("name", "age"), "people.drop('name', 'age')"),
  plan("drop a Column", ({ people }) => people.drop(col("name")), "people.drop(col('name'))"),
  plan("toDF", ({ people }) => people.toDF("a", "b", "c"), "people.toDF('a', 'b', 'c')"),
  plan("to a schema", ({ people }) => people.to(schema()), `people.to(${PY_SCHEMA})`, { differs: DEFAULT_COLLATION }),
  plan("toJSON", ({ people }) => people.toJSON(), "people.toJSON()"),
  plan("zipWithIndex", ({ people }) => people.zipWithIndex(), "people.zipWithIndex()"),
  plan("zipWithIndex with a column name", ({ people }) => people.zipWithIndex("row"), "people.zipWithIndex('row')"),
  // duplicates
  plan("distinct", ({ people }) => people.distinct(), "people.distinct()"),
  plan("dropDuplicates", ({ people }) => people.dropDuplicates(), "people.dropDuplicates()"),
  plan("dropDuplicates of a subset", ({ people }) => people.dropDuplicates(["name", "age"]), "people.dropDuplicates(['name', 'age'])"),
  plan("drop_duplicates", ({ people }) => people.drop_duplicates(["name"]), "people.drop_duplicates(['name'])"),
  plan(
    "dropDuplicatesWithinWatermark",
    ({ people }) => people.dropDuplicatesWithinWatermark(["id"]),
    "people.dropDuplicatesWithinWatermark(['id'])",
  ),
  // ordering and limits
  plan("orderBy names", ({ people }) => people.orderBy("dept", "age"), "people.orderBy('dept', 'age')"),
  plan(
    "orderBy sort keys",
    ({ people }) => people.orderBy(col("age").desc(), col("name").asc_nulls_last()),
    "people.orderBy(col('age').desc(), col('name').asc_nulls_last())",
  ),
  plan(
    "orderBy with ascending flags",
    ({ people }) => people.orderBy("dept", "age", { ascending: [true, false] }),
    "people.orderBy('dept', 'age', ascending=[True, False])",
  ),
  plan("orderBy descending", ({ people }) => people.orderBy("age", { ascending: false }), "people.orderBy('age', ascending=False)"),
  plan("orderBy a list", ({ people }) => people.orderBy(["dept", "age"]), "people.orderBy(['dept', 'age'])"),
  plan("sort", ({ people }) => people.sort(F.desc("age")), "people.sort(F.desc('age'))"),
  plan("sortWithinPartitions", ({ people }) => people.sortWithinPartitions("age"), "people.sortWithinPartitions('age')"),
  plan("limit", ({ people }) => people.limit(5), "people.limit(5)"),
  plan("offset", ({ people }) => people.offset(3), "people.offset(3)"),
  // joins
  plan("join without a condition", ({ people, depts }) => people.join(depts), "people.join(depts)"),
  plan("join on a column name", ({ people, depts }) => people.join(depts, "dept_id"), "people.join(depts, 'dept_id')"),
  plan(
    "join on column names, left",
    ({ people, depts }) => people.join(depts, ["dept_id", "site"], "left"),
    "people.join(depts, ['dept_id', 'site'], 'left')",
  ),
  plan(
    "join on a condition, full outer",
    ({ people, depts }) => people.join(depts, people.col("dept_id").equalTo(depts.col("id")), "full"),
    "people.join(depts, people['dept_id'] == depts['id'], 'full')",
  ),
  plan(
    "join on several conditions",
    ({ people, depts }) => people.join(depts, [people.col("dept_id").equalTo(depts.col("id")), depts.col("open")], "inner"),
    "people.join(depts, [people['dept_id'] == depts['id'], depts['open']], 'inner')",
  ),
  plan(
    "join right_outer",
    ({ people, depts }) => people.join(depts, "dept_id", "right_outer"),
    "people.join(depts, 'dept_id', 'right_outer')",
  ),
  plan("join leftsemi", ({ people, depts }) => people.join(depts, "dept_id", "leftsemi"), "people.join(depts, 'dept_id', 'leftsemi')"),
  plan("join anti", ({ people, depts }) => people.join(depts, "dept_id", "anti"), "people.join(depts, 'dept_id', 'anti')"),
  plan("join cross", ({ people, depts }) => people.join(depts, undefined, "cross"), "people.join(depts, how='cross')"),
  plan("crossJoin", ({ people, depts }) => people.crossJoin(depts), "people.crossJoin(depts)"),
  plan(
    "self-join of aliases",
    ({ people }) =>
      people
        .alias("a")
        .join(people.alias("b"), col("a.manager_id").equalTo(col("b.id")), "left")
        .select("a.name", col("b.name").alias("manager")),
    "people.alias('a').join(people.alias('b'), col('a.manager_id') == col('b.id'), 'left').select('a.name', col('b.name').alias('manager'))",
  ),
  plan(
    "self-join by df.col",
    ({ people }) => {
      const managers = people.select(col("id").alias("mid"), col("name").alias("manager"));
      return people.join(managers, people.col("manager_id").equalTo(managers.col("mid")));
    },
    "(lambda managers: people.join(managers, people['manager_id'] == managers['mid']))(people.select(col('id').alias('mid'), col('name').alias('manager')))",
  ),
  plan(
    "lateralJoin with a table function",
    ({ spark, people }) => people.lateralJoin(spark.tvf.explode(col("xs").outer())),
    "people.lateralJoin(spark.tvf.explode(col('xs').outer()))",
  ),
  plan(
    "lateralJoin left with a condition",
    ({ people, depts }) => people.lateralJoin(depts, col("a").equalTo(col("b")), "left"),
    "people.lateralJoin(depts, col('a') == col('b'), 'left')",
  ),
  plan(
    "nearestByJoin",
    ({ people, depts }) => people.nearestByJoin(depts, F.abs(people.col("age").minus(depts.col("age"))), 2, "exact", "distance"),
    "people.nearestByJoin(depts, F.abs(people['age'] - depts['age']), 2, 'exact', 'distance')",
  ),
  plan(
    "nearestByJoin leftouter by similarity",
    ({ people, depts }) => people.nearestByJoin(depts, col("score"), 1, "approx", "similarity", "leftouter"),
    "people.nearestByJoin(depts, col('score'), 1, 'approx', 'similarity', joinType='leftouter')",
  ),
  plan("zip", ({ people }) => people.select("id").zip(people.select("name")), "people.select('id').zip(people.select('name'))"),
  // set operations
  plan("union", ({ people, depts }) => people.union(depts), "people.union(depts)"),
  plan("union of three", ({ people, depts, nums }) => people.union(depts).union(nums), "people.union(depts).union(nums)"),
  plan("unionAll", ({ people, depts }) => people.unionAll(depts), "people.unionAll(depts)"),
  plan("unionByName", ({ people, depts }) => people.unionByName(depts), "people.unionByName(depts)"),
  plan(
    "unionByName allowing missing columns",
    ({ people, depts }) => people.unionByName(depts, true),
    "people.unionByName(depts, allowMissingColumns=True)",
  ),
  plan("intersect", ({ people, depts }) => people.intersect(depts), "people.intersect(depts)"),
  plan("intersectAll", ({ people, depts }) => people.intersectAll(depts), "people.intersectAll(depts)"),
  plan("subtract", ({ people, depts }) => people.subtract(depts), "people.subtract(depts)"),
  plan("exceptAll", ({ people, depts }) => people.exceptAll(depts), "people.exceptAll(depts)"),
  // sampling
  plan("sample with a seed", ({ people }) => people.sample(0.25, 7), "people.sample(0.25, 7)"),
  plan("sample with replacement", ({ people }) => people.sample(true, 2.0, 7), "people.sample(True, 2.0, 7)"),
  plan("sample without replacement, explicitly", ({ people }) => people.sample(false, 0.5, 3), "people.sample(False, 0.5, 3)"),
  plan("randomSplit", ({ people }) => people.randomSplit([0.8, 0.2], 7), "people.randomSplit([0.8, 0.2], 7)"),
  plan("randomSplit of unnormalized weights", ({ people }) => people.randomSplit([1, 2, 1], 11), "people.randomSplit([1.0, 2.0, 1.0], 11)"),
  // partitioning and hints
  plan("repartition to a number", ({ people }) => people.repartition(8), "people.repartition(8)"),
  plan("repartition by columns", ({ people }) => people.repartition("dept", col("age")), "people.repartition('dept', col('age'))"),
  plan("repartition to a number by a column", ({ people }) => people.repartition(4, "dept"), "people.repartition(4, 'dept')"),
  plan(
    "repartitionByRange",
    ({ people }) => people.repartitionByRange(4, "age", col("name").desc()),
    "people.repartitionByRange(4, 'age', col('name').desc())",
  ),
  plan("repartitionByRange without a number", ({ people }) => people.repartitionByRange("age"), "people.repartitionByRange('age')"),
  plan("repartitionById", ({ people }) => people.repartitionById(4, col("pid")), "people.repartitionById(4, col('pid'))"),
  plan("coalesce", ({ people }) => people.coalesce(2), "people.coalesce(2)"),
  plan("hint", ({ people }) => people.hint("broadcast"), "people.hint('broadcast')"),
  plan("hint with parameters", ({ people }) => people.hint("rebalance", 4, col("dept")), "people.hint('rebalance', 4, col('dept'))"),
  plan("hint with a list parameter", ({ people }) => people.hint("rebalance", ["a", "b"]), "people.hint('rebalance', ['a', 'b'])"),
  plan(
    "hint with a list among parameters",
    ({ people }) => people.hint("rebalance", 4, ["a", "b"]),
    "people.hint('rebalance', 4, ['a', 'b'])",
    {
      differs: ARRAY_LITERAL,
    },
  ),
  // names and reshaping
  plan("alias", ({ people }) => people.alias("p"), "people.alias('p')"),
  plan("colRegex", ({ people }) => people.colRegex("`(id|name)`"), "people.colRegex('`(id|name)`')"),
  plan("metadataColumn", ({ files }) => files.metadataColumn("_metadata"), "files.metadataColumn('_metadata')"),
  plan("df.col", ({ people }) => people.col("age"), "people['age']"),
  plan(
    "unpivot",
    ({ people }) => people.unpivot(["id"], ["q1", "q2"], "quarter", "sales"),
    "people.unpivot(['id'], ['q1', 'q2'], 'quarter', 'sales')",
  ),
  plan("unpivot of every other column", ({ people }) => people.unpivot("id", null, "k", "v"), "people.unpivot('id', None, 'k', 'v')"),
  plan(
    "melt",
    ({ people }) => people.melt(["id"], [col("q1")], "quarter", "sales"),
    "people.melt(['id'], [col('q1')], 'quarter', 'sales')",
  ),
  plan("transpose", ({ people }) => people.transpose(), "people.transpose()"),
  plan("transpose by a column", ({ people }) => people.transpose("id"), "people.transpose('id')"),
  plan("transform", ({ people }) => people.transform((df, n: number) => df.limit(n), 3), "people.transform(lambda df, n: df.limit(n), 3)"),
  // streaming-related and metrics
  plan("withWatermark", ({ people }) => people.withWatermark("ts", "10 minutes"), "people.withWatermark('ts', '10 minutes')"),
  plan(
    "observe",
    ({ people }) => people.observe("metrics", F.count(lit(1)).alias("rows"), F.max("age")),
    "people.observe('metrics', F.count(lit(1)).alias('rows'), F.max('age'))",
  ),
  // statistics as relations
  plan("describe", ({ people }) => people.describe(), "people.describe()"),
  plan("describe columns", ({ people }) => people.describe("age", "score"), "people.describe('age', 'score')"),
  plan("describe a list of columns", ({ people }) => people.describe(["age", "score"]), "people.describe(['age', 'score'])"),
  plan("summary", ({ people }) => people.summary(), "people.summary()"),
  plan("summary of given statistics", ({ people }) => people.summary("count", "min", "25%"), "people.summary('count', 'min', '25%')"),
  // table-valued functions
  plan("tvf.range", ({ spark }) => spark.tvf.range(1, 5), "spark.tvf.range(1, 5)"),
  plan("tvf.explode", ({ spark }) => spark.tvf.explode(F.array(lit(1), lit(2))), "spark.tvf.explode(F.array(lit(1), lit(2)))"),
  plan("tvf.explode_outer", ({ spark }) => spark.tvf.explode_outer(F.array()), "spark.tvf.explode_outer(F.array())"),
  plan("tvf.inline_outer", ({ spark }) => spark.tvf.inline_outer(F.array()), "spark.tvf.inline_outer(F.array())"),
  plan("tvf.posexplode_outer", ({ spark }) => spark.tvf.posexplode_outer(col("xs")), "spark.tvf.posexplode_outer(col('xs'))"),
  plan("tvf.variant_explode_outer", ({ spark }) => spark.tvf.variant_explode_outer(col("v")), "spark.tvf.variant_explode_outer(col('v'))"),
  plan("tvf.python_worker_logs", ({ spark }) => spark.tvf.python_worker_logs(), "spark.tvf.python_worker_logs()"),
  plan("tvf.posexplode", ({ spark }) => spark.tvf.posexplode(F.array(lit("a"))), "spark.tvf.posexplode(F.array(lit('a')))"),
  plan("tvf.inline", ({ spark }) => spark.tvf.inline(F.array(F.struct(lit(1)))), "spark.tvf.inline(F.array(F.struct(lit(1))))"),
  plan("tvf.json_tuple", ({ spark }) => spark.tvf.json_tuple(lit('{"a":1}'), lit("a")), "spark.tvf.json_tuple(lit('{\"a\":1}'), lit('a'))"),
  plan("tvf.stack", ({ spark }) => spark.tvf.stack(lit(2), lit(1), lit(2)), "spark.tvf.stack(lit(2), lit(1), lit(2))"),
  plan("tvf.sql_keywords", ({ spark }) => spark.tvf.sql_keywords(), "spark.tvf.sql_keywords()"),
  plan("tvf.collations", ({ spark }) => spark.tvf.collations(), "spark.tvf.collations()"),
  plan(
    "tvf.variant_explode",
    ({ spark }) => spark.tvf.variant_explode(F.parse_json(lit("[1]"))),
    "spark.tvf.variant_explode(F.parse_json(lit('[1]')))",
  ),
];
