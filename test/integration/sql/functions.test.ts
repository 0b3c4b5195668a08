import { expect } from "chai";
import { before, describe, it } from "mocha";
import type { Column, DataFrame } from "../../../src";
import { LocalDate, LocalDateTime } from "../../../src/arrow";
import { col, lit } from "../../../src/sql/column";
import * as F from "../../../src/sql/functions";
import { DecimalType } from "../../../src/sql/types";
import { Window } from "../../../src/sql/window";
import { runPySpark } from "../../support/pyspark";
import { requireSpark, useSession } from "../../support/spark";

/**
 * The rows every case is evaluated on: nulls, nesting, dates, JSON and CSV text included. In one
 * partition, so that what depends on the order rows arrive in (string_agg, first, last) gives one
 * answer to both clients on a cluster too, where partitions finish in any order.
 */
const BASE_SQL = `SELECT /*+ COALESCE(1) */ * FROM VALUES
  (1, 'Alice', 2.5D, array(3, 1, 2), map('a', 1, 'b', 2), named_struct('x', 1, 'y', 'one'), DATE'2024-02-29', TIMESTAMP'2024-02-29 12:34:56', 'd1', '{"a": 1, "b": [1, 2]}', 'http://spark.apache.org/path?query=1'),
  (2, 'bob', -1.25D, array(5, NULL), map('c', 3), named_struct('x', 2, 'y', NULL), DATE'2023-12-31', TIMESTAMP'2023-12-31 23:59:59', 'd1', '{"a": 2}', 'https://example.com/'),
  (3, NULL, NULL, array(), map(), NULL, NULL, NULL, 'd2', NULL, NULL),
  (4, 'Dana  ', 10D, array(7, 8, 9), map('z', 26), named_struct('x', 4, 'y', 'four'), DATE'2000-01-01', TIMESTAMP'2000-01-01 00:00:00', 'd2', '{"a": 4, "b": []}', 'ftp://h/f')
  AS t(id, name, score, xs, m, st, d, ts, dept, js, url)`;

interface Case {
  /** What is compared (unique). */
  name: string;
  /** Our Column. */
  ts: () => Column;
  /** The same in PySpark. */
  py: string;
  /** Base columns shown beside the value (none for an aggregate). */
  keep?: string[];
}

const row = (name: string, ts: () => Column, py: string): Case => ({ name, ts, py, keep: ["id"] });
const agg = (name: string, ts: () => Column, py: string): Case => ({ name, ts, py, keep: [] });

const w = (): ReturnType<typeof Window.partitionBy> => Window.partitionBy("dept").orderBy("id");
const PY_W = "Window.partitionBy('dept').orderBy('id')";

const CASES: Case[] = [
  // core and literals
  row(
    "lit int, bigint, double",
    () => F.array(lit(1).cast("bigint"), lit(2 ** 40), lit(1.5).cast("bigint")),
    "F.array(F.lit(1).cast('bigint'), F.lit(2**40), F.lit(1.5).cast('bigint'))",
  ),
  row("lit array", () => lit([1, 2, 3]), "F.lit([1, 2, 3])"),
  row("lit nested array", () => lit([["a"], ["b", "c"]]), "F.lit([['a'], ['b', 'c']])"),
  row("lit date", () => lit(new LocalDate(2024, 1, 31)), "F.lit(datetime.date(2024, 1, 31))"),
  row(
    "lit timestamp_ntz",
    () => lit(new LocalDateTime(2024, 1, 31, 1, 2, 3, 4)).cast("string"),
    "F.lit(datetime.datetime(2024, 1, 31, 1, 2, 3, 4)).cast('timestamp_ntz').cast('string')",
  ),
  row("lit null", () => lit(null), "F.lit(None)"),
  row("lit decimal", () => lit("12.50", new DecimalType(5, 2)), "F.lit(Decimal('12.50')).cast('decimal(5,2)')"),
  row("expr", () => F.expr("id * 2 + 1"), "F.expr('id * 2 + 1')"),
  row("call_function", () => F.call_function("upper", "name"), "F.call_function('upper', 'name')"),
  // Column operators
  row(
    "arithmetic",
    () => col("id").plus(1).multiply(col("score")).minus(2).divide(3).mod(2),
    "((F.col('id') + 1) * F.col('score') - 2) / 3 % 2",
  ),
  row(
    "comparisons",
    () => F.array(col("id").gt(1), col("id").leq(2), col("id").notEqual(3), col("name").eqNullSafe(lit(null))),
    "F.array(F.col('id') > 1, F.col('id') <= 2, F.col('id') != 3, F.col('name').eqNullSafe(None))",
  ),
  row(
    "between and isin",
    () =>
      col("id")
        .between(2, 3)
        .and(col("id").isin([1, 2, 3]).not()),
    "F.col('id').between(2, 3) & ~F.col('id').isin([1, 2, 3])",
  ),
  row("bitwise", () => col("id").bitwiseAND(3).bitwiseOR(8).bitwiseXOR(1), "F.col('id').bitwiseAND(3).bitwiseOR(8).bitwiseXOR(1)"),
  row(
    "string predicates",
    () =>
      F.array(
        col("name").startswith("A"),
        col("name").endsWith("b"),
        col("name").contains("an"),
        col("name").like("%a%"),
        col("name").rlike("^[a-z]"),
        col("name").ilike("a%"),
      ),
    "F.array(F.col('name').startswith('A'), F.col('name').endswith('b'), F.col('name').contains('an'), F.col('name').like('%a%'), F.col('name').rlike('^[a-z]'), F.col('name').ilike('a%'))",
  ),
  row(
    "substr and casts",
    () => F.array(col("name").substr(2, 3), col("id").cast("string"), col("name").try_cast("int").cast("string")),
    "F.array(F.col('name').substr(2, 3), F.col('id').cast('string'), F.col('name').try_cast('int').cast('string'))",
  ),
  row(
    "nested access",
    () => F.array(F.array_append("xs", 0).getItem(0), col("m").getItem("a"), col("st").getField("x")),
    "F.array(F.array_append('xs', 0).getItem(0), F.col('m').getItem('a'), F.col('st').getField('x'))",
  ),
  row(
    "withField and dropFields",
    () => col("st").withField("z", col("id")).dropFields("y"),
    "F.col('st').withField('z', F.col('id')).dropFields('y')",
  ),
  row(
    "when otherwise",
    () => F.when(col("id").lt(2), "low").when(col("id").lt(4), "mid").otherwise("high"),
    "F.when(F.col('id') < 2, 'low').when(F.col('id') < 4, 'mid').otherwise('high')",
  ),
  row(
    "null tests",
    () => F.array(col("name").isNull(), col("score").isNotNull(), col("score").isNaN()),
    "F.array(F.col('name').isNull(), F.col('score').isNotNull(), F.col('score').isNaN())",
  ),
  // conditional and predicates
  row(
    "coalesce nvl2 nullif",
    () => F.array(F.coalesce("name", lit("?")), F.nvl2("name", lit("y"), lit("n")), F.nullif("dept", lit("d1"))),
    "F.array(F.coalesce('name', F.lit('?')), F.nvl2('name', F.lit('y'), F.lit('n')), F.nullif('dept', F.lit('d1')))",
  ),
  row(
    "predicates",
    () => F.array(F.isnull("name"), F.like("name", lit("%o%")), F.equal_null("name", lit(null)), F.not(F.isnan("score"))),
    "F.array(F.isnull('name'), F.like('name', F.lit('%o%')), F.equal_null('name', F.lit(None)), ~F.isnan('score'))",
  ),
  // math
  row(
    "rounding",
    () => F.array(F.round("score"), F.round("score", 1), F.bround("score", 0), F.ceil("score"), F.floor("score", 1)),
    "F.array(F.round('score'), F.round('score', 1), F.bround('score', 0), F.ceil('score'), F.floor('score', 1))",
  ),
  row(
    "math",
    () => F.array(F.pow("id", 2), F.log(2, "id"), F.log("id"), F.hypot("id", 1), F.pmod("id", 3), F.sqrt("id"), F.atan2(1, "id")),
    "F.array(F.pow('id', 2), F.log(2, 'id'), F.log('id'), F.hypot('id', 1), F.pmod('id', 3), F.sqrt('id'), F.atan2(1, 'id'))",
  ),
  row(
    "conv greatest least",
    () => F.array(F.conv(col("id").cast("string"), 10, 2), F.greatest("id", lit(2)).cast("string"), F.least("id", lit(2)).cast("string")),
    "F.array(F.conv(F.col('id').cast('string'), 10, 2), F.greatest('id', F.lit(2)).cast('string'), F.least('id', F.lit(2)).cast('string'))",
  ),
  row("seeded random", () => F.array(F.rand(7), F.randn(7)), "F.array(F.rand(7), F.randn(7))"),
  row(
    "width_bucket and try_divide",
    () => F.array(F.width_bucket("score", lit(0), lit(10), 5), F.try_divide("id", lit(0))),
    "F.array(F.width_bucket('score', F.lit(0), F.lit(10), 5), F.try_divide('id', F.lit(0)))",
  ),
  // strings
  row(
    "case and padding",
    () => F.array(F.upper("name"), F.initcap("name"), F.lpad("name", 8, "*"), F.rpad("name", 3, "-"), F.repeat("dept", 2)),
    "F.array(F.upper('name'), F.initcap('name'), F.lpad('name', 8, '*'), F.rpad('name', 3, '-'), F.repeat('dept', 2))",
  ),
  row(
    "trim and search",
    () =>
      F.array(
        F.trim("name"),
        F.rtrim("name"),
        F.trim("name", lit("A ")),
        F.instr("name", "a").cast("string"),
        F.locate("a", "name", 2).cast("string"),
      ),
    "F.array(F.trim('name'), F.rtrim('name'), F.trim('name', F.lit('A ')), F.instr('name', 'a').cast('string'), F.locate('a', 'name', 2).cast('string'))",
  ),
  row(
    "concat and format",
    () =>
      F.array(
        F.concat_ws("-", "dept", "name"),
        F.format_string("%d:%s", "id", "name"),
        F.concat("dept", "name"),
        F.format_number("score", 2),
      ),
    "F.array(F.concat_ws('-', 'dept', 'name'), F.format_string('%d:%s', 'id', 'name'), F.concat('dept', 'name'), F.format_number('score', 2))",
  ),
  row(
    "regexp",
    () => F.array(F.regexp_replace("name", "[aeiou]", "_"), F.regexp_extract("url", "//([^/]+)/", 1), F.translate("name", "ab", "xy")),
    "F.array(F.regexp_replace('name', '[aeiou]', '_'), F.regexp_extract('url', '//([^/]+)/', 1), F.translate('name', 'ab', 'xy'))",
  ),
  row(
    "split and substring",
    () => F.struct(F.split("url", "/"), F.split("url", "/", 2), F.substring("name", 2, 2), F.substring_index("url", "/", 3)),
    "F.struct(F.split('url', '/'), F.split('url', '/', 2), F.substring('name', 2, 2), F.substring_index('url', '/', 3))",
  ),
  row(
    "mask, encode, length",
    () => F.struct(F.mask("name"), F.base64(F.encode("name", "UTF-8")), F.length("name"), F.octet_length("name")),
    "F.struct(F.mask('name'), F.base64(F.encode('name', 'UTF-8')), F.length('name'), F.octet_length('name'))",
  ),
  // bitwise and hash
  row(
    "bitwise functions",
    () => F.array(F.shiftleft("id", 2), F.shiftright("id", 1), F.bitwise_not("id"), F.bit_count("id").cast("int")),
    "F.array(F.shiftleft('id', 2), F.shiftright('id', 1), F.bitwise_not('id'), F.bit_count('id').cast('int'))",
  ),
  row(
    "hashes",
    () => F.struct(F.md5("dept"), F.sha2("dept", 256), F.hash("id", "dept"), F.xxhash64("dept"), F.crc32("dept")),
    "F.struct(F.md5('dept'), F.sha2('dept', 256), F.hash('id', 'dept'), F.xxhash64('dept'), F.crc32('dept'))",
  ),
  // datetime
  row(
    "date arithmetic",
    () =>
      F.struct(
        F.date_add("d", 1),
        F.date_sub("d", 1),
        F.add_months("d", 1),
        F.datediff("d", lit("2000-01-01")),
        F.months_between("d", lit("2000-01-15")),
        F.last_day("d"),
        F.next_day("d", "Mon"),
      ),
    "F.struct(F.date_add('d', 1), F.date_sub('d', 1), F.add_months('d', 1), F.datediff('d', F.lit('2000-01-01')), F.months_between('d', F.lit('2000-01-15')), F.last_day('d'), F.next_day('d', 'Mon'))",
  ),
  row(
    "date parts and formats",
    () =>
      F.struct(
        F.year("d"),
        F.month("d"),
        F.dayofweek("d"),
        F.weekofyear("d"),
        F.hour("ts"),
        F.date_format("ts", "yyyy/MM/dd HH"),
        F.trunc("d", "month"),
        F.date_trunc("hour", "ts"),
      ),
    "F.struct(F.year('d'), F.month('d'), F.dayofweek('d'), F.weekofyear('d'), F.hour('ts'), F.date_format('ts', 'yyyy/MM/dd HH'), F.trunc('d', 'month'), F.date_trunc('hour', 'ts'))",
  ),
  row(
    "date construction and parsing",
    () =>
      F.struct(
        F.make_date("id", lit(2), lit(3)),
        F.to_date(lit("2024/05/06"), "yyyy/MM/dd"),
        F.to_timestamp(lit("2024-05-06 07:08:09")),
        F.unix_timestamp(lit("2024-01-01 00:00:00")).cast("string"),
      ),
    "F.struct(F.make_date('id', F.lit(2), F.lit(3)), F.to_date(F.lit('2024/05/06'), 'yyyy/MM/dd'), F.to_timestamp(F.lit('2024-05-06 07:08:09')), F.unix_timestamp(F.lit('2024-01-01 00:00:00')).cast('string'))",
  ),
  row(
    "intervals",
    () => F.struct(F.make_interval(lit(1), lit(2)), F.make_dt_interval(lit(1)), F.make_ym_interval(lit(1))),
    "F.struct(F.make_interval(F.lit(1), F.lit(2)), F.make_dt_interval(F.lit(1)), F.make_ym_interval(F.lit(1)))",
  ),
  row(
    "timestamp_add and diff",
    () => F.struct(F.timestamp_add("HOUR", lit(5), "ts"), F.timestamp_diff("DAY", "ts", lit("2025-01-01").cast("timestamp"))),
    "F.struct(F.timestamp_add('HOUR', F.lit(5), 'ts'), F.timestamp_diff('DAY', 'ts', F.lit('2025-01-01').cast('timestamp')))",
  ),
  row(
    "make_timestamp",
    () => F.make_timestamp(lit(2024), lit(2), lit(29), "id", lit(30), lit(45.5)),
    "F.make_timestamp(F.lit(2024), F.lit(2), F.lit(29), 'id', F.lit(30), F.lit(45.5))",
  ),
  row("tumbling time window", () => F.window("ts", "1 hour"), "F.window('ts', '1 hour')"),
  row("sliding time window", () => F.window("ts", "1 hour", "30 minutes"), "F.window('ts', '1 hour', '30 minutes')"),
  row("time window with a start time", () => F.window("ts", "1 day", undefined, "3 hours"), "F.window('ts', '1 day', None, '3 hours')"),
  row("session window", () => F.session_window("ts", "5 minutes"), "F.session_window('ts', '5 minutes')"),
  // higher-order functions
  row("transform", () => F.transform("xs", (x) => x.multiply(10)), "F.transform('xs', lambda x: x * 10)"),
  row("transform with index", () => F.transform("xs", (x, i) => x.plus(i)), "F.transform('xs', lambda x, i: x + i)"),
  row(
    "filter exists forall",
    () =>
      F.struct(
        F.filter("xs", (x) => x.gt(1)),
        F.exists("xs", (x) => x.isNull()),
        F.forall("xs", (x) => x.gt(0)),
      ),
    "F.struct(F.filter('xs', lambda x: x > 1), F.exists('xs', lambda x: x.isNull()), F.forall('xs', lambda x: x > 0))",
  ),
  row(
    "aggregate and reduce",
    () =>
      F.struct(
        F.aggregate("xs", lit(0), (acc, x) => acc.plus(F.coalesce(x, lit(0)))),
        F.reduce(
          "xs",
          lit(1),
          (acc, x) => acc.multiply(x),
          (acc) => acc.cast("string"),
        ),
      ),
    "F.struct(F.aggregate('xs', F.lit(0), lambda acc, x: acc + F.coalesce(x, F.lit(0))), F.reduce('xs', F.lit(1), lambda acc, x: acc * x, lambda acc: acc.cast('string')))",
  ),
  row(
    "zip_with and array_sort comparator",
    () =>
      F.struct(
        F.zip_with("xs", F.array_sort("xs"), (a, b) => a.plus(b)),
        F.array_sort("xs", (a, b) => F.coalesce(b, lit(0)).minus(F.coalesce(a, lit(0)))),
      ),
    "F.struct(F.zip_with('xs', F.array_sort('xs'), lambda a, b: a + b), F.array_sort('xs', lambda a, b: F.coalesce(b, F.lit(0)) - F.coalesce(a, F.lit(0))))",
  ),
  row(
    "map HOFs",
    () =>
      F.struct(
        F.map_filter("m", (_k, v) => v.gt(1)),
        F.transform_keys("m", (k) => F.upper(k)),
        F.transform_values("m", (_k, v) => v.multiply(2)),
        F.map_zip_with("m", "m", (_k, a, b) => a.plus(b)),
      ),
    "F.struct(F.map_filter('m', lambda k, v: v > 1), F.transform_keys('m', lambda k, v: F.upper(k)), F.transform_values('m', lambda k, v: v * 2), F.map_zip_with('m', 'm', lambda k, a, b: a + b))",
  ),
  row(
    "nested lambdas",
    () => F.transform(F.array("xs", "xs"), (inner) => F.transform(inner, (x) => x.plus(F.size(inner)))),
    "F.transform(F.array('xs', 'xs'), lambda inner: F.transform(inner, lambda x: x + F.size(inner)))",
  ),
  // collections
  row(
    "array functions",
    () =>
      F.struct(
        F.size("xs"),
        F.element_at(F.array_append("xs", 0), 1),
        F.array_contains("xs", 2),
        F.array_append("xs", 0),
        F.slice("xs", 1, 2),
        F.sort_array("xs", false),
        F.array_join("xs", ",", "?"),
        F.array_position("xs", 2),
        F.array_distinct(F.concat("xs", "xs")),
      ),
    "F.struct(F.size('xs'), F.element_at(F.array_append('xs', 0), 1), F.array_contains('xs', 2), F.array_append('xs', 0), F.slice('xs', 1, 2), F.sort_array('xs', False), F.array_join('xs', ',', '?'), F.array_position('xs', 2), F.array_distinct(F.concat('xs', 'xs')))",
  ),
  row(
    "array construction",
    () =>
      F.struct(
        F.sequence(lit(1), "id"),
        F.arrays_zip("xs", "xs"),
        F.flatten(F.array("xs", "xs")),
        F.array_repeat("id", 2),
        F.array(["id", "id"]),
        F.get("xs", 1),
        F.array_insert("xs", 1, 100),
      ),
    "F.struct(F.sequence(F.lit(1), 'id'), F.arrays_zip('xs', 'xs'), F.flatten(F.array('xs', 'xs')), F.array_repeat('id', 2), F.array(['id', 'id']), F.get('xs', 1), F.array_insert('xs', 1, 100))",
  ),
  row(
    "struct and map functions",
    () =>
      F.struct(
        F.struct("id", "dept"),
        F.named_struct(lit("k"), "id"),
        F.create_map(lit("id"), "id"),
        F.map_keys("m"),
        F.map_values("m"),
        F.map_contains_key("m", "a"),
        F.str_to_map(lit("a:1,b:2")),
        F.map_concat("m", F.create_map(lit("q"), lit(0))),
      ),
    "F.struct(F.struct('id', 'dept'), F.named_struct(F.lit('k'), 'id'), F.create_map(F.lit('id'), 'id'), F.map_keys('m'), F.map_values('m'), F.map_contains_key('m', 'a'), F.str_to_map(F.lit('a:1,b:2')), F.map_concat('m', F.create_map(F.lit('q'), F.lit(0))))",
  ),
  // formats
  row(
    "json",
    () =>
      F.struct(
        F.to_json("st"),
        F.from_json("js", "a INT, b ARRAY<INT>"),
        F.get_json_object("js", "$.b[0]"),
        F.json_array_length(F.get_json_object("js", "$.b")),
        F.schema_of_json('{"a": [1]}'),
        F.to_json("m", { pretty: false }),
      ),
    "F.struct(F.to_json('st'), F.from_json('js', 'a INT, b ARRAY<INT>'), F.get_json_object('js', '$.b[0]'), F.json_array_length(F.get_json_object('js', '$.b')), F.schema_of_json('{\"a\": [1]}'), F.to_json('m', {'pretty': 'false'}))",
  ),
  row(
    "csv",
    () => F.struct(F.to_csv("st"), F.from_csv(lit("1;x"), "a INT, b STRING", { sep: ";" }), F.schema_of_csv("1,abc")),
    "F.struct(F.to_csv('st'), F.from_csv(F.lit('1;x'), 'a INT, b STRING', {'sep': ';'}), F.schema_of_csv('1,abc'))",
  ),
  row(
    "url",
    () => F.struct(F.parse_url("url", lit("HOST")), F.url_encode("url"), F.parse_url("url", lit("QUERY"), lit("query"))),
    "F.struct(F.parse_url('url', F.lit('HOST')), F.url_encode('url'), F.parse_url('url', F.lit('QUERY'), F.lit('query')))",
  ),
  row(
    "variant",
    () => F.struct(F.variant_get(F.parse_json("js"), "$.a", "int"), F.schema_of_variant(F.parse_json("js"))),
    "F.struct(F.variant_get(F.parse_json('js'), '$.a', 'int'), F.schema_of_variant(F.parse_json('js')))",
  ),
  row(
    "misc",
    () => F.struct(F.typeof("xs"), F.assert_true(col("id").gt(0)), F.version().isNotNull(), F.current_database()),
    "F.struct(F.typeof('xs'), F.assert_true(F.col('id') > 0), F.version().isNotNull(), F.current_database())",
  ),
  // aggregates
  agg(
    "count and distinct",
    () =>
      F.struct(
        F.count("*"),
        F.count("name"),
        F.count_distinct("dept"),
        F.countDistinct("dept", "name"),
        F.sum_distinct(lit(1)),
        F.approx_count_distinct("dept"),
      ),
    "F.struct(F.count('*'), F.count('name'), F.count_distinct('dept'), F.countDistinct('dept', 'name'), F.sum_distinct(F.lit(1)), F.approx_count_distinct('dept'))",
  ),
  agg(
    "basic aggregates",
    () =>
      F.struct(
        F.sum("id"),
        F.avg("score"),
        F.min("name"),
        F.max("d"),
        F.first("name", true),
        F.last("name"),
        F.max_by("name", "score"),
        F.mode("dept"),
      ),
    "F.struct(F.sum('id'), F.avg('score'), F.min('name'), F.max('d'), F.first('name', True), F.last('name'), F.max_by('name', 'score'), F.mode('dept'))",
  ),
  agg(
    "statistics",
    () =>
      F.struct(
        F.stddev("score"),
        F.variance("id"),
        F.corr("id", "score"),
        F.percentile_approx("id", [0.25, 0.75]),
        F.percentile("id", 0.5),
        F.median("id"),
        F.skewness("id"),
      ),
    "F.struct(F.stddev('score'), F.variance('id'), F.corr('id', 'score'), F.percentile_approx('id', [0.25, 0.75]), F.percentile('id', 0.5), F.median('id'), F.skewness('id'))",
  ),
  agg(
    "collecting",
    () =>
      F.struct(
        F.array_sort(F.collect_list("name")),
        F.array_sort(F.collect_set("dept")),
        F.string_agg("dept", ","),
        F.listagg_distinct("dept", "|"),
        F.bool_and(col("id").gt(0)),
        F.count_if(col("id").gt(2)),
      ),
    "F.struct(F.array_sort(F.collect_list('name')), F.array_sort(F.collect_set('dept')), F.string_agg('dept', ','), F.listagg_distinct('dept', '|'), F.bool_and(F.col('id') > 0), F.count_if(F.col('id') > 2))",
  ),
  // windows
  row(
    "ranking windows",
    () =>
      F.struct(
        F.row_number().over(w()),
        F.rank().over(w()),
        F.dense_rank().over(w()),
        F.percent_rank().over(w()),
        F.ntile(2).over(w()),
        F.cume_dist().over(w()),
      ),
    `F.struct(F.row_number().over(${PY_W}), F.rank().over(${PY_W}), F.dense_rank().over(${PY_W}), F.percent_rank().over(${PY_W}), F.ntile(2).over(${PY_W}), F.cume_dist().over(${PY_W}))`,
  ),
  row(
    "lag and lead",
    () => F.struct(F.lag("id").over(w()), F.lag("id", 1, 0).over(w()), F.lead("name", 1, "none").over(w()), F.nth_value("id", 2).over(w())),
    `F.struct(F.lag('id').over(${PY_W}), F.lag('id', 1, 0).over(${PY_W}), F.lead('name', 1, 'none').over(${PY_W}), F.nth_value('id', 2).over(${PY_W}))`,
  ),
  row(
    "running and sliding frames",
    () =>
      F.struct(
        F.sum("id").over(w().rowsBetween(Window.unboundedPreceding, Window.currentRow)),
        F.sum("id").over(Window.orderBy("id").rowsBetween(-1, 1)),
        F.avg("id").over(Window.orderBy("id").rangeBetween(-2, 0)),
        F.max("id").over(Window.partitionBy("dept")),
        F.count("*").over(Window.orderBy(col("id").desc()).rowsBetween(Window.currentRow, Window.unboundedFollowing)),
      ),
    "F.struct(F.sum('id').over(Window.partitionBy('dept').orderBy('id').rowsBetween(Window.unboundedPreceding, Window.currentRow)), F.sum('id').over(Window.orderBy('id').rowsBetween(-1, 1)), F.avg('id').over(Window.orderBy('id').rangeBetween(-2, 0)), F.max('id').over(Window.partitionBy('dept')), F.count('*').over(Window.orderBy(F.col('id').desc()).rowsBetween(Window.currentRow, Window.unboundedFollowing)))",
  ),
  // generators
  row("explode", () => F.explode("xs"), "F.explode('xs')"),
  row("explode_outer", () => F.explode_outer("xs"), "F.explode_outer('xs')"),
];

/** Spark's rows as a multiset: a window or generator may emit rows in any order. */
function rowsOf(shown: string): string[] {
  return shown
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(1)
    .sort();
}

describe("functions evaluated by the server, against PySpark's functions on the same server", () => {
  before(async function () {
    await requireSpark(this, "4.0", "the venv's PySpark 4 client as the reference");
  });

  const spark = useSession();
  let base: DataFrame;
  let expected: Record<string, string>;

  before(async function () {
    this.timeout(240_000);
    base = await spark.sql(BASE_SQL);
    expected = await runPySpark<Record<string, string>>("../integration/sql/functionsPySpark.py", {
      sql: BASE_SQL,
      cases: CASES.map(({ name, py, keep }) => ({ name, py, keep: keep ?? [] })),
    });
  });

  for (const testCase of CASES) {
    it(`${testCase.name} gives what PySpark gives`, async () => {
      const want = expected[testCase.name];
      expect(want, "PySpark's result")
        .to.be.a("string")
        .and.not.match(/^ERROR/);
      const selected = base.select(...(testCase.keep ?? []), testCase.ts().alias("v"));
      const got = await selected.showString(100, false);
      expect(rowsOf(got)).to.deep.equal(rowsOf(want));
      expect(got.split("\n")[1]).to.equal(want.split("\n")[1]);
    });
  }
});
