import { col, DoubleType, functions as F, lit, Window } from "../../../src";
import { ARRAY_LITERAL, COUNT_STAR } from "./differences";
import { plan, type PlanCase } from "./planCase";

const w = () => Window.partitionBy("dept").orderBy("id");
const PY_W = "Window.partitionBy('dept').orderBy('id')";

/** A sample of every family of functions: each gives a Column whose expression is compared. */
export const FUNCTION_CASES: PlanCase[] = [
  // core
  plan("column", () => F.column("a"), "F.column('a')"),
  plan("broadcast", ({ depts }) => F.broadcast(depts), "F.broadcast(depts)"),
  plan("call_function", () => F.call_function("upper", "name"), "F.call_function('upper', 'name')"),
  plan("call_function with a Column", () => F.call_function("pow", col("a"), lit(2)), "F.call_function('pow', col('a'), lit(2))"),
  // conditional and predicates
  plan("coalesce", () => F.coalesce("a", "b", lit(0)), "F.coalesce('a', 'b', lit(0))"),
  plan(
    "ifnull nvl nvl2",
    () => F.array(F.ifnull("a", "b"), F.nvl("a", "b"), F.nvl2("a", "b", "c")),
    "F.array(F.ifnull('a', 'b'), F.nvl('a', 'b'), F.nvl2('a', 'b', 'c'))",
  ),
  plan(
    "nullif nanvl nullifzero zeroifnull",
    () => F.array(F.nullif("a", "b"), F.nanvl("a", "b"), F.nullifzero("a"), F.zeroifnull("a")),
    "F.array(F.nullif('a', 'b'), F.nanvl('a', 'b'), F.nullifzero('a'), F.zeroifnull('a'))",
  ),
  plan("when", () => F.when(col("a").equalTo(1), lit("one")), "F.when(col('a') == 1, lit('one'))"),
  plan(
    "isnull isnotnull isnan",
    () => F.array(F.isnull("a"), F.isnotnull("a"), F.isnan("a")),
    "F.array(F.isnull('a'), F.isnotnull('a'), F.isnan('a'))",
  ),
  plan("equal_null", () => F.equal_null("a", "b"), "F.equal_null('a', 'b')"),
  plan(
    "like ilike rlike regexp regexp_like",
    () =>
      F.array(
        F.like("s", lit("a%")),
        F.ilike("s", lit("A%")),
        F.rlike("s", lit("^a")),
        F.regexp("s", lit("a")),
        F.regexp_like("s", lit("a")),
      ),
    "F.array(F.like('s', lit('a%')), F.ilike('s', lit('A%')), F.rlike('s', lit('^a')), F.regexp('s', lit('a')), F.regexp_like('s', lit('a')))",
  ),
  plan("like with an escape", () => F.like("s", lit("a!%"), lit("!")), "F.like('s', lit('a!%'), lit('!'))"),
  plan("not", () => F.not(col("b")), "~col('b')"),
  // sort
  plan(
    "asc desc and nulls",
    () => F.array(F.asc("a"), F.desc("a"), F.asc_nulls_last("a"), F.desc_nulls_first("a")),
    "F.array(F.asc('a'), F.desc('a'), F.asc_nulls_last('a'), F.desc_nulls_first('a'))",
  ),
  // math
  plan(
    "abs sqrt exp ln",
    () => F.array(F.abs("a"), F.sqrt("a"), F.exp("a"), F.ln("a")),
    "F.array(F.abs('a'), F.sqrt('a'), F.exp('a'), F.ln('a'))",
  ),
  plan(
    "log with and without a base",
    () => F.array(F.log("a"), F.log(2, "a"), F.log10("a"), F.log2("a"), F.log1p("a")),
    "F.array(F.log('a'), F.log(2, 'a'), F.log10('a'), F.log2('a'), F.log1p('a'))",
  ),
  plan(
    "pow power hypot atan2",
    () => F.array(F.pow("a", 2), F.power(col("a"), lit(3)), F.hypot("a", "b"), F.atan2("a", 1)),
    "F.array(F.pow('a', 2), F.power(col('a'), lit(3)), F.hypot('a', 'b'), F.atan2('a', 1))",
  ),
  plan(
    "trigonometry",
    () => F.array(F.sin("a"), F.cos("a"), F.tan("a"), F.asin("a"), F.acosh("a"), F.cot("a"), F.sec("a")),
    "F.array(F.sin('a'), F.cos('a'), F.tan('a'), F.asin('a'), F.acosh('a'), F.cot('a'), F.sec('a'))",
  ),
  plan(
    "degrees radians",
    () => F.array(F.degrees("a"), F.radians("a"), F.toDegrees("a"), F.toRadians("a")),
    "F.array(F.degrees('a'), F.radians('a'), F.degrees('a'), F.radians('a'))",
  ),
  plan(
    "pmod factorial cbrt rint signum",
    () => F.array(F.pmod("a", 3), F.factorial("a"), F.cbrt("a"), F.rint("a"), F.signum("a"), F.sign("a")),
    "F.array(F.pmod('a', 3), F.factorial('a'), F.cbrt('a'), F.rint('a'), F.signum('a'), F.sign('a'))",
  ),
  plan(
    "greatest least",
    () => F.array(F.greatest("a", "b", lit(1)), F.least("a", "b")),
    "F.array(F.greatest('a', 'b', lit(1)), F.least('a', 'b'))",
  ),
  plan(
    "hex unhex bin conv",
    () => F.array(F.hex("a"), F.unhex("s"), F.bin("a"), F.conv("s", 16, 2)),
    "F.array(F.hex('a'), F.unhex('s'), F.bin('a'), F.conv('s', 16, 2))",
  ),
  plan(
    "pi e negative positive",
    () => F.array(F.pi(), F.e(), F.negative("a"), F.positive("a"), F.negate("a")),
    "F.array(F.pi(), F.e(), F.negative('a'), F.positive('a'), F.negate('a'))",
  ),
  // arithmetic
  plan(
    "round and bround",
    () => F.array(F.round("a"), F.round("a", 2), F.bround("a", 1)),
    "F.array(F.round('a'), F.round('a', 2), F.bround('a', 1))",
  ),
  plan(
    "ceil floor ceiling",
    () => F.array(F.ceil("a"), F.floor("a"), F.ceil("a", 1), F.floor("a", lit(2)), F.ceiling("a")),
    "F.array(F.ceil('a'), F.floor('a'), F.ceil('a', 1), F.floor('a', lit(2)), F.ceiling('a'))",
  ),
  plan("seeded random", () => F.array(F.rand(7), F.randn(7), F.random(3)), "F.array(F.rand(7), F.randn(7), F.random(lit(3)))"),
  plan("uniform with a seed", () => F.uniform(lit(0), lit(10), lit(5)), "F.uniform(lit(0), lit(10), lit(5))"),
  plan(
    "try arithmetic",
    () => F.array(F.try_add("a", "b"), F.try_subtract("a", "b"), F.try_multiply("a", "b"), F.try_divide("a", "b"), F.try_mod("a", "b")),
    "F.array(F.try_add('a', 'b'), F.try_subtract('a', 'b'), F.try_multiply('a', 'b'), F.try_divide('a', 'b'), F.try_mod('a', 'b'))",
  ),
  plan("width_bucket", () => F.width_bucket("v", lit(0), lit(10), lit(5)), "F.width_bucket('v', lit(0), lit(10), lit(5))"),
  // strings
  plan(
    "upper lower initcap length",
    () => F.array(F.upper("s"), F.lower("s"), F.initcap("s"), F.length("s"), F.lcase("s"), F.ucase("s")),
    "F.array(F.upper('s'), F.lower('s'), F.initcap('s'), F.length('s'), F.lcase('s'), F.ucase('s'))",
  ),
  plan(
    "trims",
    () => F.array(F.trim("s"), F.ltrim("s"), F.rtrim("s"), F.trim("s", lit("x")), F.btrim("s")),
    "F.array(F.trim('s'), F.ltrim('s'), F.rtrim('s'), F.trim('s', lit('x')), F.btrim('s'))",
  ),
  plan(
    "pads and repeat",
    () => F.array(F.lpad("s", 8, "*"), F.rpad("s", 3, "-"), F.repeat("s", 2)),
    "F.array(F.lpad('s', 8, '*'), F.rpad('s', 3, '-'), F.repeat('s', 2))",
  ),
  plan("concat_ws", () => F.concat_ws("-", "a", "b"), "F.concat_ws('-', 'a', 'b')"),
  plan(
    "instr locate position",
    () => F.array(F.instr("s", "a"), F.locate("a", "s"), F.locate("a", "s", 2), F.position(lit("a"), col("s"))),
    "F.array(F.instr('s', 'a'), F.locate('a', 's'), F.locate('a', 's', 2), F.position(lit('a'), col('s')))",
  ),
  plan(
    "substring and substring_index",
    () => F.array(F.substring("s", 2, 3), F.substring_index("s", ".", 2), F.substr(col("s"), lit(2))),
    "F.array(F.substring('s', 2, 3), F.substring_index('s', '.', 2), F.substr(col('s'), lit(2)))",
  ),
  plan("overlay", () => F.overlay("s", "ab", 2), "F.overlay('s', 'ab', 2)"),
  plan(
    "translate and replace",
    () => F.array(F.translate("s", "ab", "xy"), F.replace(col("s"), lit("a"), lit("b"))),
    "F.array(F.translate('s', 'ab', 'xy'), F.replace(col('s'), lit('a'), lit('b')))",
  ),
  plan(
    "left right split_part",
    () => F.array(F.left(col("s"), lit(2)), F.right(col("s"), lit(2)), F.split_part(col("s"), lit(","), lit(1))),
    "F.array(F.left(col('s'), lit(2)), F.right(col('s'), lit(2)), F.split_part(col('s'), lit(','), lit(1)))",
  ),
  plan(
    "levenshtein soundex ascii",
    () => F.array(F.levenshtein("a", "b"), F.levenshtein("a", "b", 3), F.soundex("s"), F.ascii("s")),
    "F.array(F.levenshtein('a', 'b'), F.levenshtein('a', 'b', 3), F.soundex('s'), F.ascii('s'))",
  ),
  plan(
    "contains startswith endswith functions",
    () => F.array(F.contains("a", "b"), F.startswith("a", "b"), F.endswith("a", "b")),
    "F.array(F.contains('a', 'b'), F.startswith('a', 'b'), F.endswith('a', 'b'))",
  ),
  plan(
    "elt find_in_set sentences",
    () => F.array(F.elt(lit(1), "a", "b"), F.find_in_set("a", "b"), F.sentences("s")),
    "F.array(F.elt(lit(1), 'a', 'b'), F.find_in_set('a', 'b'), F.sentences('s'))",
  ),
  plan(
    "collate and collation",
    () => F.array(F.collate("s", "UTF8_LCASE"), F.collation("s")),
    "F.array(F.collate('s', 'UTF8_LCASE'), F.collation('s'))",
  ),
  plan("randstr with a seed", () => F.randstr(lit(5), lit(3)), "F.randstr(lit(5), lit(3))"),
  // string formats
  plan(
    "format_string and printf",
    () => F.array(F.format_string("%d-%s", "a", "b"), F.printf(lit("%s"), "a")),
    "F.array(F.format_string('%d-%s', 'a', 'b'), F.printf(lit('%s'), 'a'))",
  ),
  plan("format_number", () => F.format_number("a", 2), "F.format_number('a', 2)"),
  plan(
    "base64 encode decode",
    () => F.array(F.base64("b"), F.unbase64("s"), F.encode("s", "UTF-8"), F.decode("b", "UTF-8")),
    "F.array(F.base64('b'), F.unbase64('s'), F.encode('s', 'UTF-8'), F.decode('b', 'UTF-8'))",
  ),
  plan(
    "mask",
    () => F.array(F.mask("s"), F.mask("s", lit("X"), lit("x"), lit("n"), lit("-"))),
    "F.array(F.mask('s'), F.mask('s', lit('X'), lit('x'), lit('n'), lit('-')))",
  ),
  plan(
    "utf8 and base32",
    () => F.array(F.is_valid_utf8("b"), F.validate_utf8("b"), F.make_valid_utf8("b"), F.to_base32("b"), F.from_base32("s"), F.quote("s")),
    "F.array(F.is_valid_utf8('b'), F.validate_utf8('b'), F.make_valid_utf8('b'), F.to_base32('b'), F.from_base32('s'), F.quote('s'))",
  ),
  plan(
    "try_to_number and jaro_winkler_similarity",
    () => F.array(F.try_to_number("s", "f"), F.jaro_winkler_similarity("a", "b")),
    "F.array(F.try_to_number('s', 'f'), F.jaro_winkler_similarity('a', 'b'))",
  ),
  plan(
    "to_char to_number to_binary",
    () => F.array(F.to_char(col("a"), lit("999")), F.to_number(col("s"), lit("999")), F.to_binary(col("s"), lit("hex"))),
    "F.array(F.to_char(col('a'), lit('999')), F.to_number(col('s'), lit('999')), F.to_binary(col('s'), lit('hex')))",
  ),
  // regular expressions
  plan("regexp_replace", () => F.regexp_replace("s", "[aeiou]", "_"), "F.regexp_replace('s', '[aeiou]', '_')"),
  plan("regexp_replace of Columns", () => F.regexp_replace("s", col("p"), col("r")), "F.regexp_replace('s', col('p'), col('r'))"),
  plan("regexp_extract", () => F.regexp_extract("s", "(\\d+)", 1), "F.regexp_extract('s', '(\\\\d+)', 1)"),
  plan(
    "regexp_extract_all and count",
    () =>
      F.array(
        F.regexp_extract_all("s", lit("\\d+")),
        F.regexp_count("s", lit("a")),
        F.regexp_substr("s", lit("a")),
        F.regexp_instr("s", lit("a")),
      ),
    "F.array(F.regexp_extract_all('s', lit('\\\\d+')), F.regexp_count('s', lit('a')), F.regexp_substr('s', lit('a')), F.regexp_instr('s', lit('a')))",
  ),
  plan("split", () => F.array(F.split("s", ","), F.split("s", ",", 2)), "F.array(F.split('s', ','), F.split('s', ',', 2))"),
  // bitwise and hash
  plan(
    "bitwise functions",
    () =>
      F.array(
        F.shiftleft("a", 2),
        F.shiftright("a", 1),
        F.shiftrightunsigned("a", 1),
        F.bitwise_not("a"),
        F.bit_count("a"),
        F.bit_get("a", lit(0)),
      ),
    "F.array(F.shiftleft('a', 2), F.shiftright('a', 1), F.shiftrightunsigned('a', 1), F.bitwise_not('a'), F.bit_count('a'), F.bit_get('a', lit(0)))",
  ),
  plan(
    "hashes",
    () => F.array(F.md5("s"), F.sha1("s"), F.sha2("s", 256), F.crc32("s"), F.hash("a", "b"), F.xxhash64("a")),
    "F.array(F.md5('s'), F.sha1('s'), F.sha2('s', 256), F.crc32('s'), F.hash('a', 'b'), F.xxhash64('a'))",
  ),
  // date and time
  plan(
    "current date and time",
    () => F.array(F.current_date(), F.current_timestamp(), F.now(), F.curdate(), F.localtimestamp(), F.current_timezone()),
    "F.array(F.current_date(), F.current_timestamp(), F.now(), F.curdate(), F.localtimestamp(), F.current_timezone())",
  ),
  plan(
    "date arithmetic",
    () =>
      F.array(
        F.date_add("d", 1),
        F.date_sub("d", 1),
        F.add_months("d", 1),
        F.datediff("d", "e"),
        F.months_between("d", "e"),
        F.months_between("d", "e", false),
      ),
    "F.array(F.date_add('d', 1), F.date_sub('d', 1), F.add_months('d', 1), F.datediff('d', 'e'), F.months_between('d', 'e'), F.months_between('d', 'e', False))",
  ),
  plan(
    "date parts",
    () =>
      F.array(
        F.year("d"),
        F.quarter("d"),
        F.month("d"),
        F.dayofmonth("d"),
        F.dayofweek("d"),
        F.dayofyear("d"),
        F.weekofyear("d"),
        F.hour("t"),
        F.minute("t"),
        F.second("t"),
      ),
    "F.array(F.year('d'), F.quarter('d'), F.month('d'), F.dayofmonth('d'), F.dayofweek('d'), F.dayofyear('d'), F.weekofyear('d'), F.hour('t'), F.minute('t'), F.second('t'))",
  ),
  plan(
    "extract and date_part",
    () => F.array(F.extract(lit("YEAR"), "d"), F.date_part(lit("MONTH"), "d"), F.datepart(lit("DAY"), "d")),
    "F.array(F.extract(lit('YEAR'), 'd'), F.date_part(lit('MONTH'), 'd'), F.datepart(lit('DAY'), 'd'))",
  ),
  plan(
    "formats and truncation",
    () => F.array(F.date_format("t", "yyyy-MM"), F.trunc("d", "month"), F.date_trunc("hour", "t"), F.last_day("d"), F.next_day("d", "Mon")),
    "F.array(F.date_format('t', 'yyyy-MM'), F.trunc('d', 'month'), F.date_trunc('hour', 't'), F.last_day('d'), F.next_day('d', 'Mon'))",
  ),
  plan(
    "to_date and to_timestamp",
    () => F.array(F.to_date("s"), F.to_date("s", "yyyy/MM/dd"), F.to_timestamp("s"), F.to_timestamp("s", "yyyy-MM-dd HH:mm")),
    "F.array(F.to_date('s'), F.to_date('s', 'yyyy/MM/dd'), F.to_timestamp('s'), F.to_timestamp('s', 'yyyy-MM-dd HH:mm'))",
  ),
  plan(
    "unix time",
    () =>
      F.array(F.unix_timestamp(), F.unix_timestamp("s"), F.unix_timestamp("s", "yyyy"), F.from_unixtime("n"), F.from_unixtime("n", "yyyy")),
    "F.array(F.unix_timestamp(), F.unix_timestamp('s'), F.unix_timestamp('s', 'yyyy'), F.from_unixtime('n'), F.from_unixtime('n', 'yyyy'))",
  ),
  plan(
    "epoch conversions",
    () =>
      F.array(
        F.timestamp_seconds("n"),
        F.timestamp_millis("n"),
        F.timestamp_micros("n"),
        F.unix_date("d"),
        F.unix_micros("t"),
        F.date_from_unix_date("n"),
      ),
    "F.array(F.timestamp_seconds('n'), F.timestamp_millis('n'), F.timestamp_micros('n'), F.unix_date('d'), F.unix_micros('t'), F.date_from_unix_date('n'))",
  ),
  plan(
    "time zones",
    () =>
      F.array(
        F.from_utc_timestamp("t", "Asia/Tokyo"),
        F.to_utc_timestamp("t", col("tz")),
        F.convert_timezone(lit("UTC"), lit("Europe/Paris"), col("t")),
      ),
    "F.array(F.from_utc_timestamp('t', 'Asia/Tokyo'), F.to_utc_timestamp('t', col('tz')), F.convert_timezone(lit('UTC'), lit('Europe/Paris'), col('t')))",
  ),
  plan(
    "timestamp_add and timestamp_diff",
    () => F.array(F.timestamp_add("HOUR", lit(5), "t"), F.timestamp_diff("DAY", "t", "u")),
    "F.array(F.timestamp_add('HOUR', lit(5), 't'), F.timestamp_diff('DAY', 't', 'u'))",
  ),
  plan(
    "date_diff and dateadd",
    () => F.array(F.date_diff("d", "e"), F.dateadd("d", 3)),
    "F.array(F.date_diff('d', 'e'), F.dateadd('d', 3))",
  ),
  plan(
    "make_date and make_timestamp",
    () => F.array(F.make_date("y", "m", "d"), F.make_timestamp("y", "mo", "d", "h", "mi", "s")),
    "F.array(F.make_date('y', 'm', 'd'), F.make_timestamp('y', 'mo', 'd', 'h', 'mi', 's'))",
  ),
  plan(
    "make intervals",
    () => F.array(F.make_interval(lit(1), lit(2)), F.make_dt_interval(lit(1)), F.make_ym_interval(lit(1), lit(2))),
    "F.array(F.make_interval(lit(1), lit(2)), F.make_dt_interval(lit(1)), F.make_ym_interval(lit(1), lit(2)))",
  ),
  plan(
    "try_to_timestamp and try_to_date",
    () => F.array(F.try_to_timestamp(col("s")), F.try_to_date("s", "yyyy")),
    "F.array(F.try_to_timestamp(col('s')), F.try_to_date('s', 'yyyy'))",
  ),
  plan(
    "day and month names",
    () => F.array(F.dayname("d"), F.monthname("d"), F.weekday("d")),
    "F.array(F.dayname('d'), F.monthname('d'), F.weekday('d'))",
  ),
  plan(
    "timestamp variants",
    () =>
      F.array(
        F.make_timestamp_ntz("y", "mo", "d", "h", "mi", "s"),
        F.make_timestamp_ltz("y", "mo", "d", "h", "mi", "s", "tz"),
        F.try_make_timestamp("y", "mo", "d", "h", "mi", "s"),
      ),
    "F.array(F.make_timestamp_ntz('y', 'mo', 'd', 'h', 'mi', 's'), F.make_timestamp_ltz('y', 'mo', 'd', 'h', 'mi', 's', 'tz'), F.try_make_timestamp('y', 'mo', 'd', 'h', 'mi', 's'))",
  ),
  plan("make_timestamp of a date and a time", () => F.make_timestamp({ date: "d", time: "t" }), "F.make_timestamp(date='d', time='t')"),
  plan("try_make_interval", () => F.try_make_interval("y", "m"), "F.try_make_interval('y', 'm')"),
  plan(
    "conversions to timestamps",
    () =>
      F.array(
        F.to_timestamp_ltz("s"),
        F.to_timestamp_ntz("s", lit("yyyy")),
        F.timestamp_nanos("n"),
        F.unix_seconds("t"),
        F.unix_millis("t"),
      ),
    "F.array(F.to_timestamp_ltz('s'), F.to_timestamp_ntz('s', lit('yyyy')), F.timestamp_nanos('n'), F.unix_seconds('t'), F.unix_millis('t'))",
  ),
  plan(
    "time of day functions",
    () =>
      F.array(
        F.make_time("h", "m", "s"),
        F.to_time("s"),
        F.time_trunc(lit("HOUR"), "t"),
        F.time_diff(lit("MINUTE"), "t", "u"),
        F.time_from_seconds("n"),
        F.current_time(3),
      ),
    "F.array(F.make_time('h', 'm', 's'), F.to_time('s'), F.time_trunc(lit('HOUR'), 't'), F.time_diff(lit('MINUTE'), 't', 'u'), F.time_from_seconds('n'), F.current_time(3))",
  ),
  // time windows
  plan(
    "time_bucket",
    () => F.array(F.time_bucket(lit("1 hour"), "t"), F.time_bucket(lit("1 day"), "t", lit("2024-01-01"))),
    "F.array(F.time_bucket(lit('1 hour'), 't'), F.time_bucket(lit('1 day'), 't', lit('2024-01-01')))",
  ),
  plan("window tumbling", () => F.window("t", "1 hour"), "F.window('t', '1 hour')"),
  plan(
    "window sliding with a start",
    () => F.window("t", "1 hour", "30 minutes", "5 minutes"),
    "F.window('t', '1 hour', '30 minutes', '5 minutes')",
  ),
  plan("session_window", () => F.session_window("t", "5 minutes"), "F.session_window('t', '5 minutes')"),
  plan("window_time", () => F.window_time("w"), "F.window_time('w')"),
  // collections
  plan(
    "array and size",
    () => F.array(F.size("xs"), F.cardinality("xs"), F.array_size("xs")),
    "F.array(F.size('xs'), F.cardinality('xs'), F.array_size('xs'))",
  ),
  plan("array of names", () => F.array("a", "b"), "F.array('a', 'b')"),
  plan("array of a list", () => F.array(["a", "b"]), "F.array(['a', 'b'])"),
  plan("empty array", () => F.array(), "F.array()"),
  plan(
    "array_contains and position",
    () => F.array(F.array_contains("xs", 1), F.array_position("xs", 1), F.array_remove("xs", 1)),
    "F.array(F.array_contains('xs', 1), F.array_position('xs', 1), F.array_remove('xs', 1))",
  ),
  plan(
    "element_at and get",
    () => F.array(F.element_at("xs", 1), F.try_element_at(col("xs"), lit(1)), F.get("xs", 0)),
    "F.array(F.element_at('xs', 1), F.try_element_at(col('xs'), lit(1)), F.get('xs', 0))",
  ),
  plan(
    "array set operations",
    () => F.array(F.array_union("xs", "ys"), F.array_intersect("xs", "ys"), F.array_except("xs", "ys"), F.arrays_overlap("xs", "ys")),
    "F.array(F.array_union('xs', 'ys'), F.array_intersect('xs', 'ys'), F.array_except('xs', 'ys'), F.arrays_overlap('xs', 'ys'))",
  ),
  plan(
    "array edits",
    () =>
      F.array(
        F.array_append("xs", 1),
        F.array_prepend("xs", 0),
        F.array_insert("xs", 1, lit(9)),
        F.array_compact("xs"),
        F.array_distinct("xs"),
      ),
    "F.array(F.array_append('xs', 1), F.array_prepend('xs', 0), F.array_insert('xs', 1, lit(9)), F.array_compact('xs'), F.array_distinct('xs'))",
  ),
  plan(
    "array_join",
    () => F.array(F.array_join("xs", ","), F.array_join("xs", ",", "?")),
    "F.array(F.array_join('xs', ','), F.array_join('xs', ',', '?'))",
  ),
  plan(
    "array_max min and sort",
    () => F.array(F.array_max("xs"), F.array_min("xs"), F.sort_array("xs"), F.sort_array("xs", false), F.array_sort("xs")),
    "F.array(F.array_max('xs'), F.array_min('xs'), F.sort_array('xs'), F.sort_array('xs', False), F.array_sort('xs'))",
  ),
  plan(
    "slice and reverse",
    () => F.array(F.slice("xs", 1, 2), F.reverse("xs"), F.flatten("xss"), F.shuffle("xs", lit(7))),
    "F.array(F.slice('xs', 1, 2), F.reverse('xs'), F.flatten('xss'), F.shuffle('xs', lit(7)))",
  ),
  plan(
    "sequence and array_repeat",
    () => F.array(F.sequence("a", "b"), F.sequence("a", "b", lit(2)), F.array_repeat("a", 3)),
    "F.array(F.sequence('a', 'b'), F.sequence('a', 'b', lit(2)), F.array_repeat('a', 3))",
  ),
  plan(
    "arrays_zip and concat",
    () => F.array(F.arrays_zip("xs", "ys"), F.concat("xs", "ys")),
    "F.array(F.arrays_zip('xs', 'ys'), F.concat('xs', 'ys'))",
  ),
  // struct and map
  plan("struct", () => F.struct("a", col("b").alias("c")), "F.struct('a', col('b').alias('c'))"),
  plan("struct of a list", () => F.struct(["a", "b"]), "F.struct(['a', 'b'])"),
  plan("named_struct", () => F.named_struct(lit("x"), "a", lit("y"), "b"), "F.named_struct(lit('x'), 'a', lit('y'), 'b')"),
  plan("create_map", () => F.create_map(lit("k"), "v"), "F.create_map(lit('k'), 'v')"),
  plan(
    "map functions",
    () => F.array(F.map_keys("m"), F.map_values("m"), F.map_entries("m"), F.map_contains_key("m", "k"), F.map_concat("m", "n")),
    "F.array(F.map_keys('m'), F.map_values('m'), F.map_entries('m'), F.map_contains_key('m', 'k'), F.map_concat('m', 'n'))",
  ),
  plan(
    "map construction",
    () => F.array(F.map_from_arrays("ks", "vs"), F.map_from_entries("es"), F.str_to_map("s"), F.str_to_map(col("s"), lit(";"), lit("="))),
    "F.array(F.map_from_arrays('ks', 'vs'), F.map_from_entries('es'), F.str_to_map('s'), F.str_to_map(col('s'), lit(';'), lit('=')))",
  ),
  // higher-order functions
  plan("transform", () => F.transform("xs", (x) => x.multiply(2)), "F.transform('xs', lambda x: x * 2)"),
  plan("transform with an index", () => F.transform("xs", (x, i) => x.plus(i)), "F.transform('xs', lambda x, i: x + i)"),
  plan(
    "filter exists forall",
    () =>
      F.array(
        F.filter("xs", (x) => x.gt(1)),
        F.exists("xs", (x) => x.isNull()),
        F.forall("xs", (x) => x.gt(0)),
      ),
    "F.array(F.filter('xs', lambda x: x > 1), F.exists('xs', lambda x: x.isNull()), F.forall('xs', lambda x: x > 0))",
  ),
  plan(
    "filter with an index",
    () => F.filter("xs", (x, i) => i.gt(0).and(x.isNotNull())),
    "F.filter('xs', lambda x, i: (i > 0) & x.isNotNull())",
  ),
  plan(
    "aggregate with a finish",
    () =>
      F.aggregate(
        "xs",
        lit(0),
        (acc, x) => acc.plus(x),
        (acc) => acc.multiply(10),
      ),
    "F.aggregate('xs', lit(0), lambda acc, x: acc + x, lambda acc: acc * 10)",
  ),
  plan("reduce", () => F.reduce("xs", lit(0), (acc, x) => acc.plus(x)), "F.reduce('xs', lit(0), lambda acc, x: acc + x)"),
  plan(
    "zip_with",
    () => F.zip_with("xs", "ys", (a, b) => F.concat_ws("-", a, b)),
    "F.zip_with('xs', 'ys', lambda a, b: F.concat_ws('-', a, b))",
  ),
  plan("array_sort with a comparator", () => F.array_sort("xs", (a, b) => b.minus(a)), "F.array_sort('xs', lambda a, b: b - a)"),
  plan(
    "map higher-order functions",
    () =>
      F.array(
        F.map_filter("m", (_k, v) => v.gt(1)),
        F.transform_keys("m", (k) => F.upper(k)),
        F.transform_values("m", (_k, v) => v.plus(1)),
      ),
    "F.array(F.map_filter('m', lambda k, v: v > 1), F.transform_keys('m', lambda k, v: F.upper(k)), F.transform_values('m', lambda k, v: v + 1))",
  ),
  plan("map_zip_with", () => F.map_zip_with("m", "n", (_k, a, b) => a.plus(b)), "F.map_zip_with('m', 'n', lambda k, a, b: a + b)"),
  plan(
    "nested lambdas",
    () => F.transform("xss", (xs) => F.transform(xs, (x) => x.plus(F.size(xs)))),
    "F.transform('xss', lambda xs: F.transform(xs, lambda x: x + F.size(xs)))",
  ),
  // aggregates
  plan("count star", () => F.count("*"), "F.count('*')", { differs: COUNT_STAR }),
  plan("count of col star", () => F.count(col("*")), "F.count(col('*'))"),
  plan("count a column and a literal", () => F.array(F.count("a"), F.count(lit(1))), "F.array(F.count('a'), F.count(lit(1)))"),
  plan(
    "count_distinct",
    () => F.array(F.count_distinct("a"), F.countDistinct("a", "b")),
    "F.array(F.count_distinct('a'), F.countDistinct('a', 'b'))",
  ),
  plan(
    "sum avg min max mean",
    () => F.array(F.sum("a"), F.avg("a"), F.min("a"), F.max("a"), F.mean("a")),
    "F.array(F.sum('a'), F.avg('a'), F.min('a'), F.max('a'), F.mean('a'))",
  ),
  plan(
    "sum_distinct and try aggregates",
    () => F.array(F.sum_distinct("a"), F.sumDistinct("a"), F.try_sum("a"), F.try_avg("a"), F.product("a")),
    "F.array(F.sum_distinct('a'), F.sum_distinct('a'), F.try_sum('a'), F.try_avg('a'), F.product('a'))",
  ),
  plan(
    "first and last",
    () => F.array(F.first("a"), F.first("a", true), F.last("a"), F.last("a", true)),
    "F.array(F.first('a'), F.first('a', True), F.last('a'), F.last('a', True))",
  ),
  plan(
    "first_value last_value any_value",
    () => F.array(F.first_value("a"), F.last_value("a", true), F.any_value("a"), F.any_value("a", true)),
    "F.array(F.first_value('a'), F.last_value('a', lit(True)), F.any_value('a'), F.any_value('a', lit(True)))",
  ),
  plan(
    "collect_list and collect_set",
    () => F.array(F.collect_list("a"), F.collect_set("a"), F.array_agg("a")),
    "F.array(F.collect_list('a'), F.collect_set('a'), F.array_agg('a'))",
  ),
  plan(
    "approx_count_distinct",
    () => F.array(F.approx_count_distinct("a"), F.approx_count_distinct("a", 0.1), F.approxCountDistinct("a")),
    "F.array(F.approx_count_distinct('a'), F.approx_count_distinct('a', 0.1), F.approx_count_distinct('a'))",
  ),
  plan("max_by min_by", () => F.array(F.max_by("a", "b"), F.min_by("a", "b")), "F.array(F.max_by('a', 'b'), F.min_by('a', 'b'))"),
  plan(
    "mode and median",
    () => F.array(F.mode("a"), F.mode("a", true), F.median("a")),
    "F.array(F.mode('a'), F.mode('a', True), F.median('a'))",
  ),
  plan(
    "boolean and bit aggregates",
    () =>
      F.array(
        F.bool_and("b"),
        F.bool_or("b"),
        F.every("b"),
        F.some("b"),
        F.bit_and("a"),
        F.bit_or("a"),
        F.bit_xor("a"),
        F.count_if(col("b")),
      ),
    "F.array(F.bool_and('b'), F.bool_or('b'), F.every('b'), F.some('b'), F.bit_and('a'), F.bit_or('a'), F.bit_xor('a'), F.count_if(col('b')))",
  ),
  plan(
    "string_agg and listagg",
    () => F.array(F.string_agg("s", ","), F.listagg("s"), F.listagg_distinct("s", "|"), F.string_agg_distinct("s")),
    "F.array(F.string_agg('s', ','), F.listagg('s'), F.listagg_distinct('s', '|'), F.string_agg_distinct('s'))",
  ),
  plan(
    "grouping and grouping_id",
    () => F.array(F.grouping("a"), F.grouping_id("a", "b"), F.grouping_id()),
    "F.array(F.grouping('a'), F.grouping_id('a', 'b'), F.grouping_id())",
  ),
  plan("histogram_numeric", () => F.histogram_numeric("a", lit(5)), "F.histogram_numeric('a', lit(5))"),
  // statistics
  plan(
    "stddev and variance",
    () => F.array(F.stddev("a"), F.stddev_pop("a"), F.stddev_samp("a"), F.std("a"), F.variance("a"), F.var_pop("a"), F.var_samp("a")),
    "F.array(F.stddev('a'), F.stddev_pop('a'), F.stddev_samp('a'), F.std('a'), F.variance('a'), F.var_pop('a'), F.var_samp('a'))",
  ),
  plan(
    "corr and covariance",
    () => F.array(F.corr("a", "b"), F.covar_pop("a", "b"), F.covar_samp("a", "b")),
    "F.array(F.corr('a', 'b'), F.covar_pop('a', 'b'), F.covar_samp('a', 'b'))",
  ),
  plan("skewness kurtosis", () => F.array(F.skewness("a"), F.kurtosis("a")), "F.array(F.skewness('a'), F.kurtosis('a'))"),
  plan(
    "percentile",
    () => F.array(F.percentile("a", 0.5), F.percentile("a", [0.25, 0.75]), F.percentile("a", 0.5, 2)),
    "F.array(F.percentile('a', 0.5), F.percentile('a', [0.25, 0.75]), F.percentile('a', 0.5, 2))",
    {
      differs: ARRAY_LITERAL,
    },
  ),
  plan(
    "percentile_approx",
    () => F.array(F.percentile_approx("a", 0.5), F.percentile_approx("a", [0.1, 0.9], 100)),
    "F.array(F.percentile_approx('a', 0.5), F.percentile_approx('a', [0.1, 0.9], 100))",
    {
      differs: ARRAY_LITERAL,
    },
  ),
  plan("approx_percentile", () => F.approx_percentile("a", 0.5), "F.approx_percentile('a', 0.5)"),
  plan(
    "regression",
    () => F.array(F.regr_slope("y", "x"), F.regr_intercept("y", "x"), F.regr_r2("y", "x"), F.regr_count("y", "x")),
    "F.array(F.regr_slope('y', 'x'), F.regr_intercept('y', 'x'), F.regr_r2('y', 'x'), F.regr_count('y', 'x'))",
  ),
  // sketches
  plan(
    "hll sketches",
    () => F.array(F.hll_sketch_agg("a"), F.hll_sketch_agg("a", 12), F.hll_sketch_estimate("h"), F.hll_union("h", "g")),
    "F.array(F.hll_sketch_agg('a'), F.hll_sketch_agg('a', 12), F.hll_sketch_estimate('h'), F.hll_union('h', 'g'))",
  ),
  plan(
    "count_min_sketch",
    () => F.count_min_sketch(col("a"), lit(0.1), lit(0.9), lit(7)),
    "F.count_min_sketch(col('a'), lit(0.1), lit(0.9), lit(7))",
  ),
  plan(
    "bitmap functions",
    () => F.array(F.bitmap_bit_position("a"), F.bitmap_bucket_number("a"), F.bitmap_construct_agg("p"), F.bitmap_count("b")),
    "F.array(F.bitmap_bit_position('a'), F.bitmap_bucket_number('a'), F.bitmap_construct_agg('p'), F.bitmap_count('b'))",
  ),
  plan(
    "theta sketches",
    () => F.array(F.theta_sketch_agg("a"), F.theta_sketch_estimate("t"), F.theta_union("t", "u")),
    "F.array(F.theta_sketch_agg('a'), F.theta_sketch_estimate('t'), F.theta_union('t', 'u'))",
  ),
  plan(
    "kll sketches",
    () => F.array(F.kll_sketch_agg_bigint("a"), F.kll_sketch_get_n_bigint("k"), F.kll_sketch_get_quantile_double("k", lit(0.5))),
    "F.array(F.kll_sketch_agg_bigint('a'), F.kll_sketch_get_n_bigint('k'), F.kll_sketch_get_quantile_double('k', lit(0.5)))",
  ),
  plan(
    "tuple sketches",
    () =>
      F.array(
        F.tuple_sketch_agg_double("k", "v"),
        F.tuple_sketch_agg_double("k", "v", 12, "sum"),
        F.tuple_sketch_estimate_double("t"),
        F.tuple_union_double("t", "u", 10),
      ),
    "F.array(F.tuple_sketch_agg_double('k', 'v'), F.tuple_sketch_agg_double('k', 'v', 12, 'sum'), F.tuple_sketch_estimate_double('t'), F.tuple_union_double('t', 'u', 10))",
  ),
  plan(
    "sketch merges",
    () => F.array(F.kll_merge_agg_double("k", 200), F.theta_intersection_agg("t"), F.collect_union("xs")),
    "F.array(F.kll_merge_agg_double('k', 200), F.theta_intersection_agg('t'), F.collect_union('xs'))",
  ),
  // window functions
  plan(
    "counter_diff",
    () => F.array(F.counter_diff("c").over(w()), F.counter_diff("c", "t").over(w())),
    `F.array(F.counter_diff('c').over(${PY_W}), F.counter_diff('c', 't').over(${PY_W}))`,
  ),
  plan(
    "ranking",
    () =>
      F.array(
        F.row_number().over(w()),
        F.rank().over(w()),
        F.dense_rank().over(w()),
        F.percent_rank().over(w()),
        F.cume_dist().over(w()),
        F.ntile(4).over(w()),
      ),
    `F.array(F.row_number().over(${PY_W}), F.rank().over(${PY_W}), F.dense_rank().over(${PY_W}), F.percent_rank().over(${PY_W}), F.cume_dist().over(${PY_W}), F.ntile(4).over(${PY_W}))`,
  ),
  plan(
    "lag and lead",
    () => F.array(F.lag("a").over(w()), F.lag("a", 2, 0).over(w()), F.lead("a").over(w()), F.lead("a", 1, "none").over(w())),
    `F.array(F.lag('a').over(${PY_W}), F.lag('a', 2, 0).over(${PY_W}), F.lead('a').over(${PY_W}), F.lead('a', 1, 'none').over(${PY_W}))`,
  ),
  plan(
    "nth_value",
    () => F.array(F.nth_value("a", 2).over(w()), F.nth_value("a", 2, true).over(w())),
    `F.array(F.nth_value('a', 2).over(${PY_W}), F.nth_value('a', 2, True).over(${PY_W}))`,
  ),
  // generators
  plan(
    "explode and posexplode",
    () => F.array(F.explode("xs"), F.explode_outer("xs"), F.posexplode("xs"), F.posexplode_outer("xs")),
    "F.array(F.explode('xs'), F.explode_outer('xs'), F.posexplode('xs'), F.posexplode_outer('xs'))",
  ),
  plan(
    "inline and stack",
    () => F.array(F.inline("ss"), F.inline_outer("ss"), F.stack(lit(2), "a", "b")),
    "F.array(F.inline('ss'), F.inline_outer('ss'), F.stack(lit(2), 'a', 'b'))",
  ),
  // partition transforms
  plan(
    "partition transforms",
    () => F.array(F.years("t"), F.months("t"), F.days("t"), F.hours("t"), F.bucket(8, "id")),
    "F.array(F.partitioning.years('t'), F.partitioning.months('t'), F.partitioning.days('t'), F.partitioning.hours('t'), F.partitioning.bucket(8, 'id'))",
  ),
  // JSON, CSV, XML
  plan("from_json with a DDL schema", () => F.from_json("js", "a INT, b STRING"), "F.from_json('js', 'a INT, b STRING')"),
  plan(
    "from_json with options",
    () => F.from_json("js", "a INT", { allowComments: "true" }),
    "F.from_json('js', 'a INT', {'allowComments': 'true'})",
  ),
  // PySpark passes option values through str() (True would be "True"): the same options there are strings.
  plan(
    "to_json",
    () => F.array(F.to_json("st"), F.to_json("st", { pretty: true })),
    "F.array(F.to_json('st'), F.to_json('st', {'pretty': 'true'}))",
  ),
  plan(
    "get_json_object json_tuple",
    () => F.array(F.get_json_object("js", "$.a"), F.json_tuple("js", "a", "b")),
    "F.array(F.get_json_object('js', '$.a'), F.json_tuple('js', 'a', 'b'))",
  ),
  plan(
    "schema_of_json and json lengths",
    () => F.array(F.schema_of_json('{"a": 1}'), F.json_array_length("js"), F.json_object_keys("js")),
    "F.array(F.schema_of_json('{\"a\": 1}'), F.json_array_length('js'), F.json_object_keys('js'))",
  ),
  plan(
    "csv functions",
    () => F.array(F.from_csv("s", "a INT"), F.to_csv("st"), F.schema_of_csv("1,a"), F.from_csv(col("s"), lit("a INT"), { sep: ";" })),
    "F.array(F.from_csv('s', 'a INT'), F.to_csv('st'), F.schema_of_csv('1,a'), F.from_csv(col('s'), lit('a INT'), {'sep': ';'}))",
  ),
  plan(
    "xml functions",
    () =>
      F.array(F.from_xml("x", "a INT"), F.to_xml("st"), F.schema_of_xml("<a>1</a>"), F.xpath("x", lit("a/b")), F.xpath_int("x", lit("a"))),
    "F.array(F.from_xml('x', 'a INT'), F.to_xml('st'), F.schema_of_xml('<a>1</a>'), F.xpath('x', lit('a/b')), F.xpath_int('x', lit('a')))",
  ),
  // variant
  plan(
    "variant functions",
    () =>
      F.array(
        F.parse_json("js"),
        F.try_parse_json("js"),
        F.variant_get("v", "$.a", "int"),
        F.try_variant_get("v", "$.a", "string"),
        F.is_variant_null("v"),
        F.schema_of_variant("v"),
      ),
    "F.array(F.parse_json('js'), F.try_parse_json('js'), F.variant_get('v', '$.a', 'int'), F.try_variant_get('v', '$.a', 'string'), F.is_variant_null('v'), F.schema_of_variant('v'))",
  ),
  plan(
    "variant edits",
    () =>
      F.array(
        F.variant_set("v", "$.a", "x"),
        F.variant_set("v", "$.a", "x", false),
        F.variant_delete("v", "$.a", "$.b"),
        F.variant_insert("v", "$.c", "x"),
        F.variant_array_append("v", "$.xs", "x"),
        F.is_valid_variant("v"),
      ),
    "F.array(F.variant_set('v', '$.a', 'x'), F.variant_set('v', '$.a', 'x', False), F.variant_delete('v', '$.a', '$.b'), F.variant_insert('v', '$.c', 'x'), F.variant_array_append('v', '$.xs', 'x'), F.is_valid_variant('v'))",
  ),
  plan("schema_of_variant_agg", () => F.schema_of_variant_agg("v"), "F.schema_of_variant_agg('v')"),
  plan("to_variant_object", () => F.to_variant_object("st"), "F.to_variant_object('st')"),
  // URLs
  plan(
    "url functions",
    () =>
      F.array(
        F.parse_url("u", lit("HOST")),
        F.parse_url("u", lit("QUERY"), lit("k")),
        F.url_encode("u"),
        F.url_decode("u"),
        F.try_url_decode("u"),
      ),
    "F.array(F.parse_url('u', lit('HOST')), F.parse_url('u', lit('QUERY'), lit('k')), F.url_encode('u'), F.url_decode('u'), F.try_url_decode('u'))",
  ),
  // misc
  plan(
    "session information",
    () => F.array(F.current_database(), F.current_catalog(), F.current_schema(), F.current_user(), F.user(), F.session_user(), F.version()),
    "F.array(F.current_database(), F.current_catalog(), F.current_schema(), F.current_user(), F.user(), F.session_user(), F.version())",
  ),
  plan(
    "ids and partitions",
    () => F.array(F.monotonically_increasing_id(), F.spark_partition_id(), F.input_file_name()),
    "F.array(F.monotonically_increasing_id(), F.spark_partition_id(), F.input_file_name())",
  ),
  plan(
    "assert_true and raise_error",
    () => F.array(F.assert_true(col("a").gt(0)), F.assert_true(col("a").gt(0), "bad"), F.raise_error("boom")),
    "F.array(F.assert_true(col('a') > 0), F.assert_true(col('a') > 0, 'bad'), F.raise_error('boom'))",
  ),
  plan("typeof", () => F.typeof("a"), "F.typeof('a')"),
  plan(
    "reflect and java_method",
    () => F.array(F.reflect(lit("java.util.UUID"), lit("randomUUID")), F.java_method(lit("java.lang.Math"), lit("abs"), col("a"))),
    "F.array(F.reflect(lit('java.util.UUID'), lit('randomUUID')), F.java_method(lit('java.lang.Math'), lit('abs'), col('a')))",
  ),
  plan(
    "aes_encrypt and hmac",
    () => F.array(F.aes_encrypt(col("s"), col("k")), F.hmac(col("k"), col("s"))),
    "F.array(F.aes_encrypt(col('s'), col('k')), F.hmac(col('k'), col('s')))",
  ),
  plan("uuid with a seed", () => F.uuid(lit(7)), "F.uuid(lit(7))"),
  plan("call_udf", () => F.call_udf("my_udf", col("a")), "F.call_udf('my_udf', col('a'))"),
  // vectors and spatial
  plan(
    "vector functions",
    () => F.array(F.vector_norm(col("v"), lit(2, new DoubleType())), F.vector_cosine_similarity(col("v"), col("w"))),
    "F.array(F.vector_norm(col('v'), lit(2.0)), F.vector_cosine_similarity(col('v'), col('w')))",
  ),
  plan(
    "vector aggregates and distances",
    () =>
      F.array(
        F.vector_avg("v"),
        F.vector_sum("v"),
        F.vector_l2_distance("v", "w"),
        F.vector_inner_product("v", "w"),
        F.vector_normalize(col("v"), lit(2, new DoubleType())),
      ),
    "F.array(F.vector_avg('v'), F.vector_sum('v'), F.vector_l2_distance('v', 'w'), F.vector_inner_product('v', 'w'), F.vector_normalize(col('v'), lit(2.0)))",
  ),
  plan(
    "st_setsrid",
    () => F.array(F.st_setsrid("g", 4326), F.st_geogfromwkb("b")),
    "F.array(F.st_setsrid('g', 4326), F.st_geogfromwkb('b'))",
  ),
  plan(
    "spatial functions",
    () => F.array(F.st_srid(col("g")), F.st_asbinary(col("g")), F.st_geomfromwkb(col("b"))),
    "F.array(F.st_srid(col('g')), F.st_asbinary(col('g')), F.st_geomfromwkb(col('b')))",
  ),
];
