import { expect } from "chai";
import { before, describe, it } from "mocha";
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  col,
  DataFrame,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  functions as F,
  IntegerType,
  lit,
  LocalDate,
  LocalDateTime,
  LongType,
  MapType,
  Row,
  ShortType,
  SparkConnectError,
  StringType,
  StructType,
  Timestamp,
  TimestampNTZType,
  TimestampType,
  Window,
  type DataType,
  type SparkSession,
} from "../../../src";
import { runPySpark } from "../../support/pyspark";
import { requireSpark, useSession } from "../../support/spark";

// Differential tests: each query is written twice, with this client and with PySpark's Connect
// client from the venv, run against the same server, and must give the same schema (Spark's JSON
// of it: names, types, nullability) and the same rows: in the same order where the query orders
// them, as the same multiset otherwise. Values are compared in one canonical form built on each
// side from that side's decoded values (see test/support/differential.py).

const SETUP = [
  `CREATE OR REPLACE TEMP VIEW emp AS SELECT * FROM VALUES
    (1, 'ann', 'eng', CAST(5200.50 AS DECIMAL(10,2)), DATE'2019-03-01', NULL, 300.5D, array('ts', 'sql'), named_struct('city', 'Lyon', 'zip', '69001'), map('ts', 5, 'sql', 4), TIMESTAMP'2024-05-01 08:30:00'),
    (2, 'bob', 'eng', CAST(4100.00 AS DECIMAL(10,2)), DATE'2020-07-15', 1, NULL, array('java'), named_struct('city', 'Paris', 'zip', '75002'), map('java', 3), TIMESTAMP'2024-05-02 17:45:10.123456'),
    (3, 'cyd', 'ops', CAST(3900.75 AS DECIMAL(10,2)), DATE'2018-11-30', 1, 120.0D, array(), named_struct('city', 'Lyon', 'zip', '69003'), map(), NULL),
    (4, 'dan', 'ops', CAST(3900.75 AS DECIMAL(10,2)), DATE'2021-01-04', 3, 0.0D, NULL, NULL, NULL, TIMESTAMP'2023-12-31 23:59:59.999999'),
    (5, 'eve', 'hr', CAST(6100.00 AS DECIMAL(10,2)), DATE'2017-06-21', NULL, 1000.0D, array('sql', 'excel', 'sql'), named_struct('city', 'Nice', 'zip', NULL), map('excel', 5), TIMESTAMP'2024-01-15 12:00:00'),
    (6, 'fay', NULL, CAST(2800.00 AS DECIMAL(10,2)), DATE'2022-09-09', 5, -50.25D, array('go'), named_struct('city', 'Paris', 'zip', '75011'), map('go', 2), TIMESTAMP'2024-05-03 09:00:00'),
    (7, 'gus', 'eng', NULL, NULL, 1, NULL, array('ts', NULL), named_struct('city', NULL, 'zip', NULL), map('ts', 1), NULL)
    AS emp(id, name, dept, salary, hired, manager, bonus, tags, addr, skills, last_login)`,
  `CREATE OR REPLACE TEMP VIEW dept AS SELECT * FROM VALUES
    ('eng', 'Engineering', CAST(250000.00 AS DECIMAL(12,2)), 3),
    ('ops', 'Operations', CAST(90000.50 AS DECIMAL(12,2)), 1),
    ('fin', 'Finance', CAST(120000.00 AS DECIMAL(12,2)), 2)
    AS dept(dept, title, budget, floor)`,
  `CREATE OR REPLACE TEMP VIEW sales AS SELECT * FROM VALUES
    ('north', 'tea', 'Q1', 120.5D, 10L, DATE'2024-01-10', TIMESTAMP_NTZ'2024-01-10 10:00:00'),
    ('north', 'tea', 'Q2', 80.0D, 7L, DATE'2024-04-02', TIMESTAMP_NTZ'2024-04-02 11:30:00.5'),
    ('north', 'coffee', 'Q1', 300.0D, 25L, DATE'2024-02-20', TIMESTAMP_NTZ'2024-02-20 08:15:00'),
    ('south', 'tea', 'Q1', 45.25D, 4L, DATE'2024-03-31', TIMESTAMP_NTZ'2024-03-31 23:59:59.999999'),
    ('south', 'coffee', 'Q2', 210.0D, 18L, DATE'2024-05-05', TIMESTAMP_NTZ'2024-05-05 07:00:00'),
    ('south', 'coffee', 'Q3', NULL, 0L, DATE'2024-07-14', NULL),
    ('east', 'cocoa', 'Q3', 99.99D, 9L, DATE'2024-08-01', TIMESTAMP_NTZ'2024-08-01 16:20:00')
    AS sales(region, product, quarter, amount, units, day, at)`,
  `CREATE OR REPLACE TEMP VIEW nums AS SELECT * FROM VALUES
    (1, CAST('NaN' AS DOUBLE), CAST(1.5 AS FLOAT), CAST(1 AS TINYINT), CAST(1 AS SMALLINT), X'00FF10'),
    (2, CAST('Infinity' AS DOUBLE), CAST(-2.25 AS FLOAT), CAST(-128 AS TINYINT), CAST(32767 AS SMALLINT), X''),
    (3, CAST('-Infinity' AS DOUBLE), NULL, NULL, NULL, NULL),
    (4, -0.0D, CAST(0.1 AS FLOAT), CAST(127 AS TINYINT), CAST(-32768 AS SMALLINT), X'CAFE'),
    (5, 1.0E300D, CAST(3.4E38 AS FLOAT), CAST(0 AS TINYINT), CAST(0 AS SMALLINT), X'01')
    AS nums(id, d, f, b, s, bin)`,
];
const TABLES = ["emp", "dept", "sales", "nums"];

interface Case {
  readonly name: string;
  /** Whether the query orders its rows (then the order must match too). */
  readonly ordered: boolean;
  readonly ts: (t: Tables, spark: SparkSession) => DataFrame | Promise<DataFrame>;
  /** The same query in PySpark, over spark, F, Window, col, lit and the tables by name. */
  readonly py: string;
}

interface Tables {
  readonly emp: DataFrame;
  readonly dept: DataFrame;
  readonly sales: DataFrame;
  readonly nums: DataFrame;
}

const byDeptSalary = () => Window.partitionBy("dept").orderBy(col("salary").desc(), col("id"));

const CASES: readonly Case[] = [
  // ---- projection and filters ----
  { name: "select by name", ordered: false, ts: (t) => t.emp.select("id", "name", "salary"), py: `emp.select("id", "name", "salary")` },
  { name: "select *", ordered: false, ts: (t) => t.emp.select("*"), py: `emp.select("*")` },
  {
    name: "filter with Column operators",
    ordered: false,
    ts: (t) => t.emp.filter(col("salary").gt(4000).and(col("dept").equalTo("eng"))).select("id"),
    py: `emp.filter((col("salary") > 4000) & (col("dept") == "eng")).select("id")`,
  },
  {
    name: "where with a SQL string",
    ordered: false,
    ts: (t) => t.emp.where("bonus IS NULL OR bonus < 100").select("id", "bonus"),
    py: `emp.where("bonus IS NULL OR bonus < 100").select("id", "bonus")`,
  },
  {
    name: "decimal arithmetic in withColumn",
    ordered: false,
    ts: (t) => t.emp.withColumn("raised", col("salary").multiply(lit("1.10").cast("decimal(3,2)"))).select("id", "raised"),
    py: `emp.withColumn("raised", col("salary") * lit("1.10").cast("decimal(3,2)")).select("id", "raised")`,
  },
  {
    name: "selectExpr",
    ordered: false,
    ts: (t) => t.emp.selectExpr("id * 2 AS twice", "upper(name) AS n", "salary / 3 AS third"),
    py: `emp.selectExpr("id * 2 AS twice", "upper(name) AS n", "salary / 3 AS third")`,
  },
  {
    name: "withColumnRenamed and drop",
    ordered: false,
    ts: (t) => t.emp.withColumnRenamed("name", "who").drop("tags", "skills", "addr"),
    py: `emp.withColumnRenamed("name", "who").drop("tags", "skills", "addr")`,
  },
  // ---- ordering ----
  {
    name: "orderBy with null placement",
    ordered: true,
    ts: (t) => t.emp.orderBy(col("bonus").desc_nulls_last(), col("id")).select("id", "bonus"),
    py: `emp.orderBy(col("bonus").desc_nulls_last(), col("id")).select("id", "bonus")`,
  },
  {
    name: "sort with an ascending list",
    ordered: true,
    ts: (t) => t.emp.sort("dept", "salary", "id", { ascending: [true, false, true] }).select("dept", "salary", "id"),
    py: `emp.sort("dept", "salary", "id", ascending=[True, False, True]).select("dept", "salary", "id")`,
  },
  {
    name: "orderBy asc_nulls_last then limit",
    ordered: true,
    ts: (t) => t.emp.orderBy(col("dept").asc_nulls_last(), col("id").desc()).limit(4).select("id", "dept"),
    py: `emp.orderBy(col("dept").asc_nulls_last(), col("id").desc()).limit(4).select("id", "dept")`,
  },
  { name: "offset", ordered: true, ts: (t) => t.emp.orderBy("id").offset(5).select("id"), py: `emp.orderBy("id").offset(5).select("id")` },
  // ---- deduplication ----
  { name: "distinct", ordered: false, ts: (t) => t.emp.select("dept").distinct(), py: `emp.select("dept").distinct()` },
  {
    name: "dropDuplicates on a subset",
    ordered: false,
    ts: (t) => t.emp.dropDuplicates(["dept"]).select("dept"),
    py: `emp.dropDuplicates(["dept"]).select("dept")`,
  },
  // ---- joins ----
  ...(["inner", "left", "right", "full", "left_semi", "left_anti"] as const).map((how): Case => ({
    name: `${how} join on a column name`,
    ordered: false,
    ts: (t) => t.emp.select("id", "dept").join(t.dept, "dept", how),
    py: `emp.select("id", "dept").join(dept, "dept", "${how}")`,
  })),
  {
    name: "join on a compound condition",
    ordered: false,
    ts: (t) =>
      t.emp
        .join(t.dept, t.emp.col("dept").equalTo(t.dept.col("dept")).and(t.dept.col("floor").gt(1)))
        .select(t.emp.col("id"), t.dept.col("title")),
    py: `emp.join(dept, (emp["dept"] == dept["dept"]) & (dept["floor"] > 1)).select(emp["id"], dept["title"])`,
  },
  {
    name: "outer join on a condition keeps both key columns",
    ordered: false,
    ts: (t) => t.emp.join(t.dept, t.emp.col("dept").equalTo(t.dept.col("dept")), "outer").select(t.emp.col("id"), t.dept.col("dept")),
    py: `emp.join(dept, emp["dept"] == dept["dept"], "outer").select(emp["id"], dept["dept"])`,
  },
  {
    name: "crossJoin",
    ordered: false,
    ts: (t) => t.emp.select("id").crossJoin(t.dept.select("floor")),
    py: `emp.select("id").crossJoin(dept.select("floor"))`,
  },
  {
    name: "self-join through aliases",
    ordered: false,
    ts: (t) =>
      t.emp
        .alias("e")
        .join(t.emp.alias("m"), col("e.manager").equalTo(col("m.id")), "left")
        .select(col("e.name").alias("employee"), col("m.name").alias("manager")),
    py: `emp.alias("e").join(emp.alias("m"), col("e.manager") == col("m.id"), "left").select(col("e.name").alias("employee"), col("m.name").alias("manager"))`,
  },
  // ---- set operations ----
  {
    name: "union keeps duplicates",
    ordered: false,
    ts: (t) => t.emp.select("dept").union(t.dept.select("dept")),
    py: `emp.select("dept").union(dept.select("dept"))`,
  },
  {
    name: "unionByName with missing columns",
    ordered: false,
    ts: (t) => t.emp.select("id", "dept").unionByName(t.dept.select("dept", "floor"), true),
    py: `emp.select("id", "dept").unionByName(dept.select("dept", "floor"), allowMissingColumns=True)`,
  },
  {
    name: "intersect",
    ordered: false,
    ts: (t) => t.emp.select("dept").intersect(t.dept.select("dept")),
    py: `emp.select("dept").intersect(dept.select("dept"))`,
  },
  {
    name: "exceptAll",
    ordered: false,
    ts: (t) => t.emp.select("dept").exceptAll(t.dept.select("dept")),
    py: `emp.select("dept").exceptAll(dept.select("dept"))`,
  },
  {
    name: "subtract",
    ordered: false,
    ts: (t) => t.emp.select("dept").subtract(t.dept.select("dept")),
    py: `emp.select("dept").subtract(dept.select("dept"))`,
  },
  // ---- windows ----
  {
    name: "row_number over a partition",
    ordered: false,
    ts: (t) => t.emp.select("id", "dept", F.row_number().over(byDeptSalary()).alias("rn")),
    py: `emp.select("id", "dept", F.row_number().over(Window.partitionBy("dept").orderBy(col("salary").desc(), col("id"))).alias("rn"))`,
  },
  {
    name: "rank and dense_rank with ties",
    ordered: false,
    ts: (t) => {
      const w = Window.partitionBy("dept").orderBy(col("salary").desc());
      return t.emp.select("id", F.rank().over(w).alias("r"), F.dense_rank().over(w).alias("dr"));
    },
    py: `emp.select("id", F.rank().over(Window.partitionBy("dept").orderBy(col("salary").desc())).alias("r"), F.dense_rank().over(Window.partitionBy("dept").orderBy(col("salary").desc())).alias("dr"))`,
  },
  {
    name: "running sum over rows",
    ordered: true,
    ts: (t) =>
      t.sales
        .select(
          "region",
          "day",
          F.sum("amount")
            .over(Window.partitionBy("region").orderBy("day").rowsBetween(Window.unboundedPreceding, Window.currentRow))
            .alias("running"),
        )
        .orderBy("region", "day"),
    py: `sales.select("region", "day", F.sum("amount").over(Window.partitionBy("region").orderBy("day").rowsBetween(Window.unboundedPreceding, Window.currentRow)).alias("running")).orderBy("region", "day")`,
  },
  {
    name: "lag and lead with defaults",
    ordered: false,
    ts: (t) => {
      const w = Window.partitionBy("region").orderBy("day");
      return t.sales.select("region", "day", F.lag("amount", 1, 0.0).over(w).alias("prev"), F.lead("units").over(w).alias("next"));
    },
    py: `sales.select("region", "day", F.lag("amount", 1, 0.0).over(Window.partitionBy("region").orderBy("day")).alias("prev"), F.lead("units").over(Window.partitionBy("region").orderBy("day")).alias("next"))`,
  },
  {
    name: "range frame over a numeric order",
    ordered: false,
    ts: (t) => t.sales.select("units", F.count(lit(1)).over(Window.orderBy("units").rangeBetween(-5, 5)).alias("near")),
    py: `sales.select("units", F.count(lit(1)).over(Window.orderBy("units").rangeBetween(-5, 5)).alias("near"))`,
  },
  {
    name: "average over a whole partition",
    ordered: false,
    ts: (t) => t.emp.select("id", F.avg("salary").over(Window.partitionBy("dept")).alias("dept_avg")),
    py: `emp.select("id", F.avg("salary").over(Window.partitionBy("dept")).alias("dept_avg"))`,
  },
  // ---- aggregation ----
  { name: "groupBy count", ordered: false, ts: (t) => t.emp.groupBy("dept").count(), py: `emp.groupBy("dept").count()` },
  {
    name: "groupBy agg on decimals and doubles",
    ordered: false,
    ts: (t) =>
      t.emp
        .groupBy("dept")
        .agg(F.sum("salary").alias("total"), F.avg("salary").alias("mean"), F.min("bonus").alias("lo"), F.max("hired").alias("latest")),
    py: `emp.groupBy("dept").agg(F.sum("salary").alias("total"), F.avg("salary").alias("mean"), F.min("bonus").alias("lo"), F.max("hired").alias("latest"))`,
  },
  {
    name: "groupBy two columns, ordered",
    ordered: true,
    ts: (t) => t.sales.groupBy("region", "product").agg(F.sum("units").alias("u")).orderBy("region", "product"),
    py: `sales.groupBy("region", "product").agg(F.sum("units").alias("u")).orderBy("region", "product")`,
  },
  {
    name: "rollup",
    ordered: false,
    ts: (t) => t.sales.rollup("region", "product").agg(F.sum("amount").alias("total")),
    py: `sales.rollup("region", "product").agg(F.sum("amount").alias("total"))`,
  },
  {
    name: "cube with grouping_id",
    ordered: false,
    ts: (t) => t.sales.cube("region", "quarter").agg(F.count(lit(1)).alias("n"), F.grouping_id().alias("g")),
    py: `sales.cube("region", "quarter").agg(F.count(lit(1)).alias("n"), F.grouping_id().alias("g"))`,
  },
  {
    name: "pivot with values",
    ordered: false,
    ts: (t) => t.sales.groupBy("region").pivot("quarter", ["Q1", "Q2", "Q3"]).sum("amount"),
    py: `sales.groupBy("region").pivot("quarter", ["Q1", "Q2", "Q3"]).sum("amount")`,
  },
  {
    name: "pivot without values",
    ordered: false,
    ts: (t) => t.sales.groupBy("product").pivot("region").agg(F.sum("units")),
    py: `sales.groupBy("product").pivot("region").agg(F.sum("units"))`,
  },
  {
    name: "distinct counts and sorted collected lists",
    ordered: false,
    ts: (t) =>
      t.sales
        .groupBy("region")
        .agg(F.countDistinct("product").alias("products"), F.array_sort(F.collect_list("quarter")).alias("quarters")),
    py: `sales.groupBy("region").agg(F.countDistinct("product").alias("products"), F.array_sort(F.collect_list("quarter")).alias("quarters"))`,
  },
  {
    name: "DataFrame-wide agg",
    ordered: false,
    ts: (t) => t.emp.agg(F.max("salary").alias("top"), F.sum("bonus").alias("bonuses")),
    py: `emp.agg(F.max("salary").alias("top"), F.sum("bonus").alias("bonuses"))`,
  },
  // ---- nested types ----
  {
    name: "explode an array",
    ordered: false,
    ts: (t) => t.emp.select("id", F.explode("tags").alias("tag")),
    py: `emp.select("id", F.explode("tags").alias("tag"))`,
  },
  {
    name: "posexplode_outer keeps empty and null arrays",
    ordered: false,
    ts: (t) => t.emp.select(col("id"), F.posexplode_outer("tags")),
    py: `emp.select(col("id"), F.posexplode_outer("tags"))`,
  },
  {
    name: "struct fields and map values",
    ordered: false,
    ts: (t) =>
      t.emp.select(
        "id",
        col("addr").getField("city").alias("city"),
        col("skills").getItem("ts").alias("ts_level"),
        F.try_element_at("tags", lit(1)).alias("first_tag"),
      ),
    py: `emp.select("id", col("addr").getField("city").alias("city"), col("skills").getItem("ts").alias("ts_level"), F.try_element_at("tags", lit(1)).alias("first_tag"))`,
  },
  {
    name: "whole nested columns",
    ordered: false,
    ts: (t) => t.emp.select("id", "tags", "addr", "skills"),
    py: `emp.select("id", "tags", "addr", "skills")`,
  },
  {
    name: "building structs, arrays and maps",
    ordered: false,
    ts: (t) =>
      t.emp.select(
        F.struct("id", "name").alias("s"),
        F.array(col("id"), col("manager")).alias("a"),
        F.create_map(col("name"), col("salary")).alias("m"),
      ),
    py: `emp.select(F.struct("id", "name").alias("s"), F.array(col("id"), col("manager")).alias("a"), F.create_map(col("name"), col("salary")).alias("m"))`,
  },
  {
    name: "higher-order transform, filter and aggregate",
    ordered: false,
    ts: (t) =>
      t.emp.select(
        "id",
        F.transform("tags", (x) => F.upper(x)).alias("up"),
        F.filter("tags", (x) => x.startswith("s")).alias("s_tags"),
        F.aggregate("tags", lit(0), (acc, x) => acc.plus(F.length(x))).alias("chars"),
      ),
    py: `emp.select("id", F.transform("tags", lambda x: F.upper(x)).alias("up"), F.filter("tags", lambda x: x.startswith("s")).alias("s_tags"), F.aggregate("tags", lit(0), lambda acc, x: acc + F.length(x)).alias("chars"))`,
  },
  {
    name: "map functions",
    ordered: false,
    ts: (t) =>
      t.emp.select("id", F.array_sort(F.map_keys("skills")).alias("k"), F.map_filter("skills", (_k, v) => v.gt(3)).alias("strong")),
    py: `emp.select("id", F.array_sort(F.map_keys("skills")).alias("k"), F.map_filter("skills", lambda k, v: v > 3).alias("strong"))`,
  },
  // ---- dates and times ----
  {
    name: "date arithmetic and parts",
    ordered: false,
    ts: (t) =>
      t.emp.select(
        "id",
        F.date_add("hired", 30).alias("plus30"),
        F.datediff(lit("2025-01-01").cast("date"), col("hired")).alias("days"),
        F.year("hired").alias("y"),
        F.date_format("hired", "yyyy/MM").alias("ym"),
      ),
    py: `emp.select("id", F.date_add("hired", 30).alias("plus30"), F.datediff(lit("2025-01-01").cast("date"), col("hired")).alias("days"), F.year("hired").alias("y"), F.date_format("hired", "yyyy/MM").alias("ym"))`,
  },
  {
    name: "timestamps truncated and converted",
    ordered: false,
    ts: (t) =>
      t.emp.select(
        "id",
        "last_login",
        F.date_trunc("hour", "last_login").alias("h"),
        F.unix_timestamp("last_login").alias("unix"),
        F.to_date("last_login").alias("d"),
      ),
    py: `emp.select("id", "last_login", F.date_trunc("hour", "last_login").alias("h"), F.unix_timestamp("last_login").alias("unix"), F.to_date("last_login").alias("d"))`,
  },
  {
    name: "timestamp_ntz values",
    ordered: false,
    ts: (t) => t.sales.select("at", F.hour("at").alias("h")),
    py: `sales.select("at", F.hour("at").alias("h"))`,
  },
  {
    name: "parsing timestamps from strings",
    ordered: false,
    ts: (t) =>
      t.sales.select(F.to_timestamp(F.concat_ws(" ", col("day").cast("string"), lit("12:34:56")), "yyyy-MM-dd HH:mm:ss").alias("ts")),
    py: `sales.select(F.to_timestamp(F.concat_ws(" ", col("day").cast("string"), lit("12:34:56")), "yyyy-MM-dd HH:mm:ss").alias("ts"))`,
  },
  // ---- decimals and numbers ----
  {
    name: "decimal casts, sums and rounding",
    ordered: false,
    ts: (t) =>
      t.emp.agg(
        F.sum(col("salary").cast("decimal(20,5)")).alias("s5"),
        F.round(F.avg("salary"), 1).alias("r1"),
        F.bround(F.max(col("salary")).divide(7), 3).alias("b3"),
      ),
    py: `emp.agg(F.sum(col("salary").cast("decimal(20,5)")).alias("s5"), F.round(F.avg("salary"), 1).alias("r1"), F.bround(F.max(col("salary")) / 7, 3).alias("b3"))`,
  },
  {
    name: "small decimals and negative zero decimals",
    ordered: false,
    ts: (t) => t.emp.select(lit("0.00000001").cast("decimal(10,8)").alias("tiny"), lit("-0.00").cast("decimal(5,2)").alias("nz")).limit(1),
    py: `emp.select(lit("0.00000001").cast("decimal(10,8)").alias("tiny"), lit("-0.00").cast("decimal(5,2)").alias("nz")).limit(1)`,
  },
  { name: "NaN, infinities, -0, floats, small ints, binary", ordered: false, ts: (t) => t.nums.select("*"), py: `nums.select("*")` },
  {
    name: "NaN in comparisons and aggregates",
    ordered: false,
    ts: (t) => t.nums.agg(F.max("d").alias("mx"), F.min("d").alias("mn"), F.count(F.when(F.isnan("d"), 1)).alias("nans")),
    py: `nums.agg(F.max("d").alias("mx"), F.min("d").alias("mn"), F.count(F.when(F.isnan("d"), 1)).alias("nans"))`,
  },
  {
    name: "casts between types",
    ordered: false,
    ts: (t) =>
      t.nums.select(
        col("b").cast("int").alias("i"),
        col("s").cast("bigint").alias("l"),
        col("f").cast("double").alias("fd"),
        col("id").cast("string").alias("str"),
        col("id").cast("boolean").alias("bool"),
      ),
    py: `nums.select(col("b").cast("int").alias("i"), col("s").cast("bigint").alias("l"), col("f").cast("double").alias("fd"), col("id").cast("string").alias("str"), col("id").cast("boolean").alias("bool"))`,
  },
  // ---- nulls ----
  {
    name: "coalesce, nvl and null-safe equality",
    ordered: false,
    ts: (t) =>
      t.emp.select(
        "id",
        F.coalesce(col("bonus"), lit(0.0)).alias("b"),
        F.nvl(col("dept"), lit("none")).alias("d"),
        col("manager").eqNullSafe(1).alias("m1"),
      ),
    py: `emp.select("id", F.coalesce(col("bonus"), lit(0.0)).alias("b"), F.nvl(col("dept"), lit("none")).alias("d"), col("manager").eqNullSafe(1).alias("m1"))`,
  },
  {
    name: "isNull and isNotNull filters",
    ordered: false,
    ts: (t) => t.emp.where(col("salary").isNull().or(col("addr").getField("zip").isNull())).select("id"),
    py: `emp.where(col("salary").isNull() | col("addr").getField("zip").isNull()).select("id")`,
  },
  {
    name: "na.drop",
    ordered: false,
    ts: (t) => t.emp.select("id", "dept", "bonus").na.drop(),
    py: `emp.select("id", "dept", "bonus").na.drop()`,
  },
  {
    name: "na.fill per column",
    ordered: false,
    ts: (t) => t.emp.select("id", "dept", "bonus").na.fill({ dept: "unknown", bonus: 0.0 }),
    py: `emp.select("id", "dept", "bonus").na.fill({"dept": "unknown", "bonus": 0.0})`,
  },
  // ---- strings and conditionals ----
  {
    name: "string functions",
    ordered: false,
    ts: (t) =>
      t.emp.select(
        F.concat_ws("-", col("name"), col("dept")).alias("nd"),
        F.substring("name", 2, 2).alias("mid"),
        F.regexp_replace("name", "[aeiou]", "*").alias("masked"),
        F.split(F.concat_ws(",", col("tags")), ",").alias("parts"),
      ),
    py: `emp.select(F.concat_ws("-", col("name"), col("dept")).alias("nd"), F.substring("name", 2, 2).alias("mid"), F.regexp_replace("name", "[aeiou]", "*").alias("masked"), F.split(F.concat_ws(",", col("tags")), ",").alias("parts"))`,
  },
  {
    name: "when / otherwise",
    ordered: false,
    ts: (t) =>
      t.emp.select("id", F.when(col("salary").geq(5000), "high").when(col("salary").geq(3500), "mid").otherwise("low").alias("band")),
    py: `emp.select("id", F.when(col("salary") >= 5000, "high").when(col("salary") >= 3500, "mid").otherwise("low").alias("band"))`,
  },
  {
    name: "like, rlike and isin",
    ordered: false,
    ts: (t) =>
      t.emp.select(
        "id",
        col("name").like("%a%").alias("l"),
        col("name").rlike("^[a-c]").alias("r"),
        col("dept").isin("eng", "hr").alias("i"),
      ),
    py: `emp.select("id", col("name").like("%a%").alias("l"), col("name").rlike("^[a-c]").alias("r"), col("dept").isin("eng", "hr").alias("i"))`,
  },
  {
    name: "binary encoding",
    ordered: false,
    ts: (t) => t.emp.select(F.encode("name", "UTF-8").alias("bytes"), F.sha2(col("name"), 256).alias("h")),
    py: `emp.select(F.encode("name", "UTF-8").alias("bytes"), F.sha2(col("name"), 256).alias("h"))`,
  },
  // ---- reshaping and other transformations ----
  {
    name: "unpivot",
    ordered: false,
    ts: (t) => t.dept.unpivot("dept", ["floor"], "attr", "value"),
    py: `dept.unpivot("dept", ["floor"], "attr", "value")`,
  },
  {
    name: "sample with a seed",
    ordered: false,
    ts: (t) => t.emp.sample(0.5, 42).select("id"),
    py: `emp.sample(0.5, 42).select("id")`,
  },
  {
    name: "repartition then a global sort",
    ordered: true,
    ts: (t) => t.emp.repartition(3, "dept").orderBy(col("id").desc()).select("id"),
    py: `emp.repartition(3, "dept").orderBy(col("id").desc()).select("id")`,
  },
  {
    name: "describe",
    ordered: false,
    ts: (t) => t.emp.describe("id", "salary"),
    py: `emp.describe("id", "salary")`,
  },
  {
    name: "SQL with named parameters",
    ordered: false,
    ts: (_t, spark) => spark.sql("SELECT id, name FROM emp WHERE id > :min AND dept = :d", { min: 1, d: "eng" }),
    py: `spark.sql("SELECT id, name FROM emp WHERE id > :min AND dept = :d", args={"min": 1, "d": "eng"})`,
  },
  {
    name: "SQL with a window and a CTE",
    ordered: true,
    ts: (_t, spark) =>
      spark.sql(
        "WITH s AS (SELECT region, sum(amount) AS total FROM sales GROUP BY region) SELECT region, total, rank() OVER (ORDER BY total DESC) AS r FROM s ORDER BY r",
      ),
    py: `spark.sql("WITH s AS (SELECT region, sum(amount) AS total FROM sales GROUP BY region) SELECT region, total, rank() OVER (ORDER BY total DESC) AS r FROM s ORDER BY r")`,
  },
];

type Canonical = null | boolean | number | string | Canonical[];

/** This client's values in the canonical form differential.py builds from PySpark's. */
function canonical(value: unknown, type: DataType): Canonical {
  if (value === null || value === undefined) return null;
  if (type instanceof BooleanType) return value as boolean;
  if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof LongType) {
    return (value as number | bigint).toString();
  }
  if (type instanceof DoubleType || type instanceof FloatType) {
    const n = value as number;
    if (Object.is(n, -0)) return "-0";
    return Number.isNaN(n) ? "NaN" : n === Infinity ? "Infinity" : n === -Infinity ? "-Infinity" : n;
  }
  if (type instanceof DecimalType) return value as string;
  if (type instanceof StringType) return value as string;
  if (type instanceof BinaryType) return Buffer.from(value as Uint8Array).toString("hex");
  if (type instanceof DateType) return (value as LocalDate).toString();
  if (type instanceof TimestampNTZType) {
    const t = value as LocalDateTime;
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.microsecond, 6)}`;
  }
  if (type instanceof TimestampType) return String((value as Timestamp).epochMicros);
  if (type instanceof ArrayType) return (value as unknown[]).map((v) => canonical(v, type.elementType));
  if (type instanceof MapType)
    return [...(value as Map<unknown, unknown>)].map(([k, v]) => [canonical(k, type.keyType), canonical(v, type.valueType)]);
  if (type instanceof StructType) {
    const record = value as Record<string, unknown>;
    return type.fields.map((f) => [f.name, canonical(record[f.name], f.dataType)]);
  }
  throw new TypeError(`no canonical form for ${type.simpleString()}`);
}

interface Result {
  readonly schema?: string;
  readonly rows?: Canonical[];
  readonly error?: string;
}

async function ours(df: DataFrame): Promise<Result> {
  const schema = await df.schema;
  const rows = (await df.collect()).map((row) => schema.fields.map((f, i) => canonical(Row.at(row, i), f.dataType)));
  return { schema: schema.json(), rows };
}

const sortedRows = (rows: readonly Canonical[]) => rows.map((r) => JSON.stringify(r)).sort();

describe("differential: the same queries through this client and PySpark's", function () {
  before(async function () {
    await requireSpark(this, "4.0", "the venv's PySpark 4 client as the reference");
  });

  this.timeout(300_000);
  const spark = useSession();
  let tables: Tables;
  let theirs: Record<string, Result>;

  before(async () => {
    await spark.conf.set("spark.sql.session.timeZone", "UTC");
    for (const statement of SETUP) await spark.sql(statement);
    tables = { emp: spark.table("emp"), dept: spark.table("dept"), sales: spark.table("sales"), nums: spark.table("nums") };
    theirs = await runPySpark<Record<string, Result>>("differential.py", {
      setup: SETUP,
      tables: TABLES,
      cases: CASES.map(({ name, py }) => ({ name, py })),
    });
  });

  it(`has at least 60 queries, each with a unique name`, () => {
    expect(new Set(CASES.map((c) => c.name)).size).to.equal(CASES.length);
    expect(CASES.length).to.be.at.least(60);
  });

  for (const testCase of CASES) {
    it(`gives PySpark's schema and rows: ${testCase.name}`, async () => {
      const reference = theirs[testCase.name];
      expect(reference, "PySpark's result").to.not.equal(undefined);
      expect(reference.error, "PySpark failed on the query").to.equal(undefined);
      let mine: Result;
      try {
        mine = await ours(await testCase.ts(tables, spark));
      } catch (err) {
        throw new Error(`this client failed where PySpark did not: ${err instanceof SparkConnectError ? err.message : String(err)}`, {
          cause: err,
        });
      }
      expect(JSON.parse(mine.schema!)).to.deep.equal(JSON.parse(reference.schema!));
      if (testCase.ordered) expect(mine.rows).to.deep.equal(reference.rows);
      else expect(sortedRows(mine.rows!)).to.deep.equal(sortedRows(reference.rows!));
    });
  }
});
