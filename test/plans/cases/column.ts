import { col, DecimalType, expr, functions as F, lit, LocalDate, LocalDateTime, Window } from "../../../src";
import { ARRAY_LITERAL, COUNT_STAR, DECLARED_DECIMAL, METADATA_JSON } from "./differences";
import { plan, type PlanCase } from "./planCase";

/** Column operators, methods and literals: each gives a Column whose expression is compared. */
export const COLUMN_CASES: PlanCase[] = [
  // references and literals
  plan("col", () => col("age"), "col('age')"),
  plan("col of a nested field", () => col("address.city"), "col('address.city')"),
  plan("col star", () => col("*"), "col('*')"),
  plan("col qualified star", () => col("p.*"), "col('p.*')"),
  plan("lit int", () => lit(1), "lit(1)"),
  plan("lit beyond 32 bits", () => lit(2 ** 40), "lit(2**40)"),
  plan("lit bigint", () => lit(5n), "lit(5)", {
    differs: "a JS bigint is a Spark bigint; Python has one int type, and PySpark makes an int of one that fits in 32 bits",
  }),
  plan("lit double", () => lit(1.5), "lit(1.5)"),
  plan("lit string", () => lit("a"), "lit('a')"),
  plan(
    "lit NaN and infinity",
    () => F.array(lit(Number.NaN), lit(Number.POSITIVE_INFINITY)),
    "F.array(lit(float('nan')), lit(float('inf')))",
  ),
  plan("lit negative numbers", () => F.array(lit(-1), lit(-2.5), lit(-(2 ** 40))), "F.array(lit(-1), lit(-2.5), lit(-2**40))"),
  plan("lit boolean", () => lit(true), "lit(True)"),
  plan("lit null", () => lit(null), "lit(None)"),
  plan("lit bytes", () => lit(new Uint8Array([1, 2])), "lit(bytearray([1, 2]))"),
  plan("lit date", () => lit(new LocalDate(2024, 1, 31)), "lit(datetime.date(2024, 1, 31))"),
  plan(
    "lit timestamp",
    () => lit(new Date("2024-01-31T01:02:03.004Z")),
    "lit(datetime.datetime(2024, 1, 31, 1, 2, 3, 4000, tzinfo=datetime.timezone.utc))",
    { needsServer: "it reads spark.sql.timestampType to type a datetime" },
  ),
  plan("lit timestamp_ntz", () => lit(new LocalDateTime(2024, 1, 31, 1, 2, 3, 4)), "lit(datetime.datetime(2024, 1, 31, 1, 2, 3, 4))", {
    needsServer: "it reads spark.sql.timestampType to type a datetime",
  }),
  plan("lit decimal", () => lit("12.50", new DecimalType(4, 2)), "lit(Decimal('12.50'))", { differs: DECLARED_DECIMAL }),
  plan("lit array", () => lit([1, 2, 3]), "lit([1, 2, 3])", { differs: ARRAY_LITERAL }),
  plan("lit array of strings", () => lit(["a", "b"]), "lit(['a', 'b'])", { differs: ARRAY_LITERAL }),
  plan("lit nested array", () => lit([[1], [2, 3]]), "lit([[1], [2, 3]])", { differs: ARRAY_LITERAL }),
  plan("expr", () => expr("age + 1"), "F.expr('age + 1')"),
  // comparison
  plan("equalTo", () => col("a").equalTo(1), "col('a') == 1"),
  plan("notEqual", () => col("a").notEqual(1), "col('a') != 1"),
  plan(
    "gt lt geq leq",
    () => col("a").gt(1).and(col("a").lt(9)).and(col("a").geq(2)).and(col("a").leq(8)),
    "(col('a') > 1) & (col('a') < 9) & (col('a') >= 2) & (col('a') <= 8)",
  ),
  plan("eqNullSafe", () => col("a").eqNullSafe(col("b")), "col('a').eqNullSafe(col('b'))"),
  plan("between", () => col("a").between(1, 5), "col('a').between(1, 5)"),
  plan("isin values", () => col("a").isin(1, 2, 3), "col('a').isin(1, 2, 3)"),
  plan("isin a list", () => col("a").isin(["x", "y"]), "col('a').isin(['x', 'y'])"),
  plan("isin nothing", () => col("a").isin([]), "col('a').isin([])"),
  plan("isin Columns", () => col("a").isin(col("b"), lit(1)), "col('a').isin(col('b'), lit(1))"),
  // arithmetic and logic
  plan(
    "plus minus multiply divide mod",
    () => col("a").plus(1).minus(col("b")).multiply(2).divide(3).mod(4),
    "((col('a') + 1 - col('b')) * 2 / 3) % 4",
  ),
  plan("negate", () => col("a").negate(), "-col('a')"),
  plan("and or not", () => col("a").and(col("b")).or(col("c").not()), "(col('a') & col('b')) | ~col('c')"),
  plan("bitwise", () => col("a").bitwiseAND(3).bitwiseOR(8).bitwiseXOR(1), "col('a').bitwiseAND(3).bitwiseOR(8).bitwiseXOR(1)"),
  // nulls and strings
  plan(
    "isNull isNotNull isNaN",
    () => F.array(col("a").isNull(), col("a").isNotNull(), col("a").isNaN()),
    "F.array(col('a').isNull(), col('a').isNotNull(), col('a').isNaN())",
  ),
  plan(
    "like ilike rlike",
    () => F.array(col("s").like("a%"), col("s").ilike("A%"), col("s").rlike("^a")),
    "F.array(col('s').like('a%'), col('s').ilike('A%'), col('s').rlike('^a'))",
  ),
  plan(
    "contains startswith endswith",
    () => F.array(col("s").contains("b"), col("s").startswith("a"), col("s").endswith("z")),
    "F.array(col('s').contains('b'), col('s').startswith('a'), col('s').endswith('z'))",
  ),
  plan(
    "startsWith endsWith spelled as Scala",
    () => F.array(col("s").startsWith("a"), col("s").endsWith("z")),
    "F.array(col('s').startswith('a'), col('s').endswith('z'))",
  ),
  plan("substr of numbers", () => col("s").substr(2, 3), "col('s').substr(2, 3)"),
  plan("substr of Columns", () => col("s").substr(col("i"), lit(2)), "col('s').substr(col('i'), lit(2))"),
  // names and types
  plan("alias", () => col("a").alias("b"), "col('a').alias('b')"),
  plan("alias of several names", () => F.posexplode("xs").alias("pos", "x"), "F.posexplode('xs').alias('pos', 'x')"),
  plan("alias with metadata", () => col("a").alias("b", { metadata: { max: 10 } }), "col('a').alias('b', metadata={'max': 10})", {
    differs: METADATA_JSON,
  }),
  plan("name", () => col("a").name("b"), "col('a').name('b')"),
  plan("as", () => col("a").as("b"), "col('a').alias('b')"),
  plan("cast to a type name", () => col("a").cast("int"), "col('a').cast('int')"),
  plan("cast to a DataType", () => col("a").cast(new DecimalType(10, 2)), "col('a').cast(T.DecimalType(10, 2))"),
  plan("astype", () => col("a").astype("string"), "col('a').astype('string')"),
  plan("try_cast", () => col("a").try_cast("date"), "col('a').try_cast('date')"),
  // nested values
  plan("getItem of an index", () => col("xs").getItem(0), "col('xs').getItem(0)"),
  plan("getItem of a key", () => col("m").getItem("k"), "col('m').getItem('k')"),
  plan("getItem of a Column", () => col("m").getItem(col("k")), "col('m').getItem(col('k'))"),
  plan("getField", () => col("st").getField("x"), "col('st').getField('x')"),
  plan("withField", () => col("st").withField("z", lit(1)), "col('st').withField('z', lit(1))"),
  plan("dropFields", () => col("st").dropFields("x", "y"), "col('st').dropFields('x', 'y')"),
  // CASE WHEN
  plan(
    "when otherwise",
    () => F.when(col("a").gt(1), "big").when(col("a").gt(0), "small").otherwise("none"),
    "F.when(col('a') > 1, 'big').when(col('a') > 0, 'small').otherwise('none')",
  ),
  plan("when without otherwise", () => F.when(col("a").isNull(), 0), "F.when(col('a').isNull(), 0)"),
  plan(
    "otherwise null",
    () => F.when(col("a").gt(0), col("a")).otherwise(lit(null)),
    "F.when(col('a') > 0, col('a')).otherwise(lit(None))",
  ),
  // ordering
  plan("asc", () => col("a").asc(), "col('a').asc()"),
  plan("asc_nulls_first", () => col("a").asc_nulls_first(), "col('a').asc_nulls_first()"),
  plan("asc_nulls_last", () => col("a").asc_nulls_last(), "col('a').asc_nulls_last()"),
  plan("desc", () => col("a").desc(), "col('a').desc()"),
  plan("desc_nulls_first", () => col("a").desc_nulls_first(), "col('a').desc_nulls_first()"),
  plan("desc_nulls_last", () => col("a").desc_nulls_last(), "col('a').desc_nulls_last()"),
  // windows
  plan("over a partition", () => F.sum("a").over(Window.partitionBy("d")), "F.sum('a').over(Window.partitionBy('d'))"),
  plan(
    "over an ordered partition",
    () => F.rank().over(Window.partitionBy("d").orderBy(col("a").desc())),
    "F.rank().over(Window.partitionBy('d').orderBy(col('a').desc()))",
  ),
  plan(
    "over rows between",
    () => F.sum("a").over(Window.orderBy("t").rowsBetween(-2, Window.currentRow)),
    "F.sum('a').over(Window.orderBy('t').rowsBetween(-2, Window.currentRow))",
  ),
  plan(
    "over unbounded rows",
    () => F.sum("a").over(Window.partitionBy("d").orderBy("t").rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing)),
    "F.sum('a').over(Window.partitionBy('d').orderBy('t').rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing))",
  ),
  plan(
    "over range between",
    () => F.avg("a").over(Window.orderBy("t").rangeBetween(-10, 10)),
    "F.avg('a').over(Window.orderBy('t').rangeBetween(-10, 10))",
  ),
  plan(
    "over a frame only",
    () => F.count("*").over(Window.rowsBetween(Window.currentRow, 1)),
    "F.count('*').over(Window.rowsBetween(Window.currentRow, 1))",
    { differs: COUNT_STAR },
  ),
  plan(
    "over partitions of a list",
    () => F.max("a").over(Window.partitionBy(["d", "e"])),
    "F.max('a').over(Window.partitionBy(['d', 'e']))",
  ),
  // method chaining and subqueries
  plan("transform", () => col("a").transform((c) => c.plus(1)), "col('a').transform(lambda c: c + 1)"),
  plan("outer", () => col("a").outer(), "col('a').outer()"),
];
