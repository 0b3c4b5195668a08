// The Spark type -> JS value table of the README, checked value by value against what Spark SQL
// itself computes for the same value (its string cast, unix_micros, hex, to_json, ...), so a
// wrong conversion cannot hide behind an expectation written by hand.
import { expect } from "chai";
import { before, describe, it } from "mocha";
import {
  DayTimeInterval,
  formatTimestamp,
  lit,
  LocalDate,
  LocalDateTime,
  LocalTime,
  Timestamp,
  TimestampLTZNanosType,
  TimestampNTZNanosType,
  TimeType,
  VariantValue,
  YearMonthInterval,
  type DataFrame,
  type DataType,
  type Row,
  type SparkSession,
} from "../../../src";
import { dataFrameBundle } from "../../../src/sql/display/dataFrameBundle";
import { parseTable } from "../../unit/render/htmlTable";
import { newSession, requireSpark, useSession } from "../../support/spark";
import { showCells } from "../../support/showGrid";
import { expectRejection } from "../../support/rejection";

/** Runs `SELECT <expr> AS v, <checks> FROM VALUES ...` and returns the rows. */
async function probe(spark: SparkSession, values: readonly string[], checks: string): Promise<Row[]> {
  const sql = `SELECT v, ${checks} FROM (SELECT explode(array(${values.join(", ")})) AS v)`;
  return (await spark.sql(sql)).collect();
}

/** Java's and JS's texts for a double agree as numbers: "1.0E10" and 1e10 both parse the same. */
const javaNumber = (text: string): number => Number(text);

describe("Spark types as JS values", () => {
  const spark = useSession();
  before(async () => {
    await spark.conf.set("spark.sql.session.timeZone", "UTC");
  });

  it("boolean is a boolean", async () => {
    const rows = await probe(spark, ["true", "false", "CAST(NULL AS BOOLEAN)"], "CAST(v AS STRING) AS s");
    expect(rows.map((r) => r.v)).to.deep.equal([true, false, null]);
  });

  for (const [type, min, max] of [
    ["TINYINT", "-128", "127"],
    ["SMALLINT", "-32768", "32767"],
    ["INT", "-2147483648", "2147483647"],
  ] as const) {
    it(`${type.toLowerCase()} is a number with its exact value, extremes included`, async () => {
      const rows = await probe(
        spark,
        [min, max, "0", "-7"].map((v) => `CAST(${v} AS ${type})`),
        "CAST(v AS STRING) AS s",
      );
      for (const row of rows) {
        expect(row.v).to.be.a("number");
        expect((row.v as number).toString()).to.equal(row.s);
      }
    });
  }

  it("bigint is a JS bigint with its exact value, extremes included", async () => {
    const rows = await probe(spark, ["-9223372036854775808L", "9223372036854775807L", "9007199254740993L", "0L"], "CAST(v AS STRING) AS s");
    for (const row of rows) {
      expect(row.v).to.be.a("bigint");
      expect((row.v as bigint).toString()).to.equal(row.s);
    }
  });

  it("double keeps every bit: NaN, infinities, -0.0, the smallest subnormal, the largest value", async () => {
    const rows = await probe(
      spark,
      [
        "0.1D",
        "-0.0D",
        "4.9E-324D",
        "1.7976931348623157E308D",
        "CAST('NaN' AS DOUBLE)",
        "CAST('Infinity' AS DOUBLE)",
        "CAST('-Infinity' AS DOUBLE)",
      ],
      "CAST(v AS STRING) AS s",
    );
    for (const row of rows)
      expect(Object.is(row.v, javaNumber(row.s as string)), `${row.v as number} vs ${row.s as string}`).to.equal(true);
    expect(rows.map((r) => r.v)).to.have.length(7);
  });

  it("float is the same 32-bit value as a number", async () => {
    const rows = await probe(
      spark,
      ["CAST(1.5 AS FLOAT)", "CAST(0.1 AS FLOAT)", "CAST(3.4028235E38 AS FLOAT)", "CAST('NaN' AS FLOAT)", "CAST('-Infinity' AS FLOAT)"],
      "CAST(v AS STRING) AS s",
    );
    for (const row of rows) expect(Object.is(row.v, Math.fround(javaNumber(row.s as string)))).to.equal(true);
  });

  it("decimal(p, s) is an exact string, as Spark's own cast prints it", async function () {
    await requireSpark(this, "4.0", "ANSI casts by default (3.5 turns some extreme decimals into null)");
    const rows = await probe(
      spark,
      [
        "CAST(1.5 AS DECIMAL(5, 2))",
        "CAST(-0.01 AS DECIMAL(10, 2))",
        "CAST('99999999999999999999999999999999999999' AS DECIMAL(38, 0))",
        "CAST('-99999999999999999999999999999999999999' AS DECIMAL(38, 0))",
        "CAST('0.00000000000000000000000000000000000001' AS DECIMAL(38, 38))",
        "CAST('-1234567890123456789.0123456789' AS DECIMAL(38, 10))",
        "CAST(0 AS DECIMAL(3, 3))",
      ],
      "CAST(v AS STRING) AS s",
    );
    for (const row of rows) {
      expect(row.v).to.be.a("string");
      expect(row.v).to.equal(row.s);
    }
  });

  it("string is a string with any Unicode intact", async () => {
    const rows = await probe(
      spark,
      ["'plain'", "''", "'日本語'", "'😀👍🏽'", "'e\u0301'", "'tab\\tnew\\nline'", "repeat('x', 100000)"],
      "hex(encode(v, 'UTF-8')) AS h",
    );
    for (const row of rows) {
      expect(
        Buffer.from(row.v as string, "utf8")
          .toString("hex")
          .toUpperCase(),
      ).to.equal(row.h);
    }
  });

  it("binary is a Uint8Array of the same bytes", async () => {
    const rows = await probe(spark, ["X''", "X'00FF10'", "encode('é', 'UTF-8')"], "hex(v) AS h");
    for (const row of rows) {
      expect(row.v).to.be.instanceOf(Uint8Array);
      expect(
        Buffer.from(row.v as Uint8Array)
          .toString("hex")
          .toUpperCase(),
      ).to.equal(row.h);
    }
  });

  it("date is a LocalDate, from year 1 to 9999, before 1970 included", async () => {
    const rows = await probe(
      spark,
      ["DATE'0001-01-01'", "DATE'1969-12-31'", "DATE'1970-01-01'", "DATE'2024-02-29'", "DATE'9999-12-31'"],
      "CAST(v AS STRING) AS s, unix_date(v) AS d",
    );
    for (const row of rows) {
      expect(row.v).to.be.instanceOf(LocalDate);
      expect((row.v as LocalDate).toString()).to.equal(row.s);
      expect((row.v as LocalDate).epochDay).to.equal(row.d);
    }
  });

  it("timestamp is a Timestamp (a Date) that keeps its microseconds", async () => {
    const rows = await probe(
      spark,
      [
        "TIMESTAMP'2024-01-02 03:04:05.123456'",
        "TIMESTAMP'1969-12-31 23:59:59.999999'",
        "TIMESTAMP'0001-01-01 00:00:00'",
        "TIMESTAMP'9999-12-31 23:59:59.999999'",
      ],
      "unix_micros(v) AS us, CAST(v AS STRING) AS s",
    );
    for (const row of rows) {
      const ts = row.v as Timestamp;
      expect(ts).to.be.instanceOf(Timestamp).and.instanceOf(Date);
      expect(ts.epochMicros).to.equal(row.us);
      expect(ts.getTime()).to.equal(Number((row.us as bigint) / 1000n) - ((row.us as bigint) % 1000n < 0n ? 1 : 0));
      expect(formatTimestamp(ts.epochMicros, "UTC")).to.equal(row.s);
    }
  });

  it("timestamp shows in the session time zone exactly as Spark shows it", async () => {
    const other = await newSession();
    try {
      for (const zone of ["America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe"]) {
        await other.conf.set("spark.sql.session.timeZone", zone);
        const rows = await probe(
          other,
          ["TIMESTAMP'2024-03-10 10:30:00.5'", "TIMESTAMP'2024-11-03 08:59:59.000001'", "TIMESTAMP'1900-01-01 00:00:00'"],
          "CAST(v AS STRING) AS s",
        );
        for (const row of rows) expect(formatTimestamp((row.v as Timestamp).epochMicros, zone), zone).to.equal(row.s);
      }
    } finally {
      await other.stop();
    }
  });

  it("timestamp_ntz is a LocalDateTime: wall-clock fields, no zone", async () => {
    const rows = await probe(
      spark,
      ["TIMESTAMP_NTZ'2024-01-02 03:04:05.123456'", "TIMESTAMP_NTZ'1969-12-31 23:59:59.9'", "TIMESTAMP_NTZ'0001-01-01 00:00:00'"],
      "CAST(v AS STRING) AS s, unix_micros(CAST(v AS TIMESTAMP)) AS us",
    );
    for (const row of rows) {
      expect(row.v).to.be.instanceOf(LocalDateTime);
      expect((row.v as LocalDateTime).toString()).to.equal(row.s);
      expect((row.v as LocalDateTime).epochMicros).to.equal(row.us);
    }
  });

  it("interval day to second is a DayTimeInterval of exact microseconds", async () => {
    const rows = await probe(
      spark,
      [
        "INTERVAL '1 02:03:04.5' DAY TO SECOND",
        "INTERVAL '-0 00:00:00.000001' DAY TO SECOND",
        "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND",
      ],
      "CAST(v AS STRING) AS s, unix_micros(TIMESTAMP'1970-01-01 00:00:00' + v) AS us",
    );
    for (const row of rows) {
      expect(row.v).to.be.instanceOf(DayTimeInterval);
      expect((row.v as DayTimeInterval).micros).to.equal(row.us);
      expect((row.v as DayTimeInterval).toString()).to.equal(row.s);
    }
  });

  it("interval year to month is a YearMonthInterval of whole months", async () => {
    const rows = await probe(
      spark,
      ["INTERVAL '10-2' YEAR TO MONTH", "INTERVAL '-0-1' YEAR TO MONTH", "INTERVAL '178956970-7' YEAR TO MONTH"],
      "CAST(v AS STRING) AS s, EXTRACT(YEAR FROM v) * 12 + EXTRACT(MONTH FROM v) AS m",
    );
    for (const row of rows) {
      expect(row.v).to.be.instanceOf(YearMonthInterval);
      expect((row.v as YearMonthInterval).months).to.equal(row.m);
      expect((row.v as YearMonthInterval).toString()).to.equal(row.s);
    }
  });

  it("array is a JS array, nulls inside kept", async () => {
    const rows = await probe(spark, ["array(1, NULL, 3)", "array()", "CAST(NULL AS ARRAY<INT>)"], "to_json(v) AS j");
    expect(rows.map((r) => r.v)).to.deep.equal([[1, null, 3], [], null]);
    expect(JSON.stringify(rows[0].v)).to.equal(rows[0].j);
  });

  it("map is a JS Map in Spark's order, null values kept", async () => {
    const [row] = await (
      await spark.sql("SELECT map('b', 1, 'a', NULL, 'c', 3) AS v, to_json(map('b', 1, 'a', NULL, 'c', 3)) AS j")
    ).collect();
    expect(row.v).to.be.instanceOf(Map);
    const entries = [...(row.v as Map<unknown, unknown>).entries()];
    expect(entries).to.deep.equal(Object.entries(JSON.parse(row.j as string) as Record<string, unknown>));
    expect(entries).to.deep.equal([
      ["b", 1],
      ["a", null],
      ["c", 3],
    ]);
  });

  it("struct is an object keyed by field name, nested values converted, null fields kept", async () => {
    const [row] = await (
      await spark.sql(
        "SELECT named_struct('a', 1, 'b', 'x', 'c', CAST(NULL AS STRING), 'd', named_struct('e', DATE'2024-01-01', 'f', array(1.5D))) AS v",
      )
    ).collect();
    const v = row.v as Record<string, unknown>;
    expect(v).to.include({ a: 1, b: "x", c: null });
    const d = v.d as Record<string, unknown>;
    expect(String(d.e)).to.equal("2024-01-01");
    expect(d.f).to.deep.equal([1.5]);
  });

  it("null is null at every level: column, element, field, map value, nested struct", async () => {
    const [row] = await (
      await spark.sql(
        "SELECT CAST(NULL AS INT) AS a, array(CAST(NULL AS STRING)) AS b, named_struct('x', CAST(NULL AS DATE)) AS c, map(1, CAST(NULL AS BINARY)) AS d, CAST(NULL AS STRUCT<y: INT>) AS e, NULL AS f",
      )
    ).collect();
    expect(row.a).to.equal(null);
    expect(row.b).to.deep.equal([null]);
    expect(row.c).to.deep.equal({ x: null });
    expect([...(row.d as Map<number, unknown>).entries()]).to.deep.equal([[1, null]]);
    expect(row.e).to.equal(null);
    expect(row.f).to.equal(null);
  });

  it("variant is a VariantValue whose JSON is the JSON Spark makes of it", async function () {
    await requireSpark(this, "4.0", "the variant type");
    const rows = await probe(
      spark,
      [
        `parse_json('{"a":1,"b":[true,null,"x"],"c":1.5,"d":{"e":-12345678901234}}')`,
        `parse_json('[1,2.25,"\\u00e9",[],{}]')`,
        `parse_json('"just a string"')`,
        `parse_json('null')`,
        `to_variant_object(named_struct('day', DATE'2024-01-02', 'n', CAST(1.50 AS DECIMAL(4,2))))`,
      ],
      "to_json(v) AS j",
    );
    for (const row of rows) {
      expect(row.v).to.be.instanceOf(VariantValue);
      expect((row.v as VariantValue).toJson("UTC")).to.equal(row.j);
    }
    expect((rows[0].v as VariantValue).toJS()).to.deep.equal({ a: 1, b: [true, null, "x"], c: "1.5", d: { e: -12345678901234 } });
  });
});

/**
 * Spark 4.3's time(0..9), timestamp_ntz(7..9) and timestamp_ltz(7..9), each value checked against
 * what Spark computes for it (its string cast, its fields, unix_nanos), the schema against typeof(),
 * and the table a notebook shows against Spark's own show().
 */
describe("Spark types as JS values: every precision of time and the nanosecond timestamps", () => {
  const ZONE = "America/Los_Angeles";
  const spark = useSession();
  before(async function () {
    await requireSpark(this, "4.3", "time(7..9) and the nanosecond timestamp types");
    // The features are off by default; this session's settings are its own.
    await spark.conf.set("spark.sql.timeType.enabled", "true");
    await spark.conf.set("spark.sql.timestampNanosTypes.enabled", "true");
    await spark.conf.set("spark.sql.session.timeZone", ZONE);
  });

  /** The probe's DataFrame: one value a row in `v`, Spark's own text of it in `s` and its type in `ty`, plus `checks`. */
  async function probeFrame(values: readonly string[], checks: string): Promise<DataFrame> {
    return spark.sql(
      `SELECT v, CAST(v AS STRING) AS s, typeof(v) AS ty, ${checks} FROM (SELECT explode(array(${values.join(", ")})) AS v)`,
    );
  }

  /** Schema, columns and dtypes of the probe agree with Spark's typeof(); `type` is the client's type for it. */
  async function expectSchema(df: DataFrame, rows: Row[], type: DataType): Promise<void> {
    const schema = await df.schema;
    expect(schema.fields[0].dataType.equals(type), String(schema.fields[0].dataType)).to.equal(true);
    expect((await df.columns).slice(0, 3)).to.deep.equal(["v", "s", "ty"]);
    expect((await df.dtypes)[0]).to.deep.equal(["v", rows[0].ty]);
    expect(type.simpleString()).to.equal(rows[0].ty);
  }

  /** The notebook's table (HTML and text) shows each value of `v` as Spark's show() prints it, and names its type. */
  async function expectDisplay(df: DataFrame, typeName: string): Promise<void> {
    const shown = df.select("v");
    const [bundle, sparkShow] = await Promise.all([dataFrameBundle(shown, { maxCellChars: 1000 }), shown.showString(100, false)]);
    const spark = showCells(sparkShow)
      .slice(1)
      .map((row) => row[0]);
    const html = parseTable(bundle["text/html"]);
    expect(html.header.map((h) => h.type)).to.deep.equal([typeName]);
    expect(html.rows.map((row) => (row[0].isNull ? "NULL" : row[0].text))).to.deep.equal(spark);
    const text = showCells(bundle["text/plain"])
      .slice(1)
      .map((row) => row[0]);
    expect(text).to.deep.equal(spark);
  }

  /** Each value, sent back as a literal of its column's type, comes back the same. */
  async function expectLiteralRoundTrip(values: readonly (LocalTime | LocalDateTime | Timestamp)[], type: DataType): Promise<void> {
    const df = spark.range(1).select(...values.map((v, i) => lit(v, type).alias(`c${i}`)));
    const [row] = await df.collect();
    values.forEach((v, i) => expect((row[`c${i}`] as LocalTime | LocalDateTime | Timestamp).toString(), String(v)).to.equal(String(v)));
    expect((await df.dtypes).map(([, t]) => t)).to.deep.equal(values.map(() => type.simpleString()));
  }

  const TIMES = ["time'00:00:00'", "time'23:59:59.999999999'", "time'12:34:56.123456789'", "time'01:02:03.1'", "time'00:00:00.000000001'"];
  // Nanoseconds of the day from Spark's own fields (extract(SECOND) keeps all nine digits).
  const NANO_OF_DAY = "(hour(v) * 3600 + minute(v) * 60) * 1000000000L + CAST(extract(SECOND FROM v) * 1000000000 AS BIGINT) AS n";

  for (let p = TimeType.MIN_PRECISION; p <= TimeType.MAX_PRECISION; p++) {
    it(`time(${p}) is a LocalTime with the digits Spark keeps; its schema, table and literals agree with Spark`, async () => {
      const df = await probeFrame([...TIMES.map((t) => `CAST(${t} AS TIME(${p}))`), `CAST(NULL AS TIME(${p}))`], NANO_OF_DAY);
      const rows = await df.collect();
      expect(rows).to.have.length(TIMES.length + 1);
      for (const row of rows.slice(0, -1)) {
        expect(row.v).to.be.instanceOf(LocalTime);
        expect((row.v as LocalTime).toString()).to.equal(row.s);
        expect((row.v as LocalTime).nanoOfDay).to.equal(Number(row.n));
      }
      expect(rows.at(-1)!.v).to.equal(null);
      await expectSchema(df, rows, new TimeType(p));
      await expectDisplay(df, `time(${p})`);
      await expectLiteralRoundTrip(
        rows.slice(0, -1).map((r) => r.v as LocalTime),
        new TimeType(p),
      );
    });
  }

  // The far ends lie just inside what Arrow's int64 nanoseconds reach (years 1677 to 2262);
  // 02:30 on 2024-03-10 does not exist in Los Angeles, 01:30 on 2024-11-03 happens twice.
  const STAMPS = [
    "2024-01-02 03:04:05.123456789",
    "1969-12-31 23:59:59.999999999",
    "1677-09-22 00:00:00.000000001",
    "2262-04-10 23:59:59.999999999",
    "2024-03-10 02:30:00.0000005",
    "2024-11-03 01:30:00.1",
  ];

  for (let p = TimestampNTZNanosType.MIN_PRECISION; p <= TimestampNTZNanosType.MAX_PRECISION; p++) {
    it(`timestamp_ntz(${p}) is a LocalDateTime with every digit Spark keeps; its schema, table and literals agree with Spark`, async () => {
      const fields = "unix_date(CAST(v AS DATE)) AS d, hour(v) AS h, minute(v) AS m, second(v) AS sec, date_format(v, 'SSSSSSSSS') AS f";
      const df = await probeFrame(
        [...STAMPS.map((t) => `CAST('${t}' AS TIMESTAMP_NTZ(${p}))`), `CAST(NULL AS TIMESTAMP_NTZ(${p}))`],
        fields,
      );
      const rows = await df.collect();
      for (const row of rows.slice(0, -1)) {
        const v = row.v as LocalDateTime;
        expect(v).to.be.instanceOf(LocalDateTime);
        expect(String(v)).to.equal(row.s);
        expect([v.toLocalDate().epochDay, v.hour, v.minute, v.second, v.nanosecond]).to.deep.equal([
          row.d,
          row.h,
          row.m,
          row.sec,
          Number(row.f),
        ]);
        const secondOfDay = BigInt((v.hour * 60 + v.minute) * 60 + v.second);
        expect(v.epochNanos).to.equal((BigInt(row.d as number) * 86_400n + secondOfDay) * 1_000_000_000n + BigInt(row.f as string));
      }
      expect(rows.at(-1)!.v).to.equal(null);
      await expectSchema(df, rows, new TimestampNTZNanosType(p));
      await expectDisplay(df, `timestamp_ntz(${p})`);
      await expectLiteralRoundTrip(
        rows.slice(0, -1).map((r) => r.v as LocalDateTime),
        new TimestampNTZNanosType(p),
      );
    });
  }

  for (let p = TimestampLTZNanosType.MIN_PRECISION; p <= TimestampLTZNanosType.MAX_PRECISION; p++) {
    it(`timestamp_ltz(${p}) is a Timestamp with every nanosecond, shown in the session zone; its schema, table and literals agree with Spark`, async () => {
      const df = await probeFrame(
        [...STAMPS.map((t) => `CAST('${t}' AS TIMESTAMP_LTZ(${p}))`), `CAST(NULL AS TIMESTAMP_LTZ(${p}))`],
        "CAST(unix_nanos(v) AS STRING) AS ns, date_format(v, 'SSSSSSSSS') AS f",
      );
      const rows = await df.collect();
      for (const row of rows.slice(0, -1)) {
        const v = row.v as Timestamp;
        expect(v).to.be.instanceOf(Timestamp).and.instanceOf(Date);
        expect(v.timeZone).to.equal(ZONE);
        expect(v.epochNanos).to.equal(BigInt(row.ns as string));
        expect(v.nanosecond).to.equal(Number(row.f));
        expect(String(v)).to.equal(row.s);
        expect(formatTimestamp(v.epochMicros, ZONE, { nanosWithinMicro: v.nanosWithinMicro })).to.equal(row.s);
      }
      expect(rows.at(-1)!.v).to.equal(null);
      await expectSchema(df, rows, new TimestampLTZNanosType(p));
      await expectDisplay(df, `timestamp_ltz(${p})`);
      await expectLiteralRoundTrip(
        rows.slice(0, -1).map((r) => r.v as Timestamp),
        new TimestampLTZNanosType(p),
      );
    });
  }

  it("nested time and nanosecond timestamps keep their digits and types, inside arrays, structs and maps", async () => {
    const df = await spark.sql(
      "SELECT array(CAST('2024-01-02 03:04:05.123456789' AS TIMESTAMP_LTZ(9))) AS a, " +
        "named_struct('t', time'12:00:00.000000001', 'n', CAST('1969-12-31 23:59:59.99999999' AS TIMESTAMP_NTZ(8))) AS st, " +
        "map(time'01:02:03.1234567', CAST('2024-01-02 03:04:05.1234567' AS TIMESTAMP_NTZ(7))) AS m",
    );
    const [row] = await df.collect();
    expect(String((row.a as Timestamp[])[0])).to.equal("2024-01-02 03:04:05.123456789");
    const st = row.st as { t: LocalTime; n: LocalDateTime };
    expect([String(st.t), String(st.n)]).to.deep.equal(["12:00:00.000000001", "1969-12-31 23:59:59.99999999"]);
    expect([...(row.m as Map<LocalTime, LocalDateTime>)].map(([k, v]) => [String(k), String(v)])).to.deep.equal([
      ["01:02:03.1234567", "2024-01-02 03:04:05.1234567"],
    ]);
    expect(await df.dtypes).to.deep.equal([
      ["a", "array<timestamp_ltz(9)>"],
      ["st", "struct<t:time(9),n:timestamp_ntz(8)>"],
      ["m", "map<time(7),timestamp_ntz(7)>"],
    ]);
  });

  it("a literal of a JS value gets the precision its digits need, as Spark's parser types the same literal", async () => {
    const values = [
      new LocalTime(23, 59, 59, 999_999_999),
      Timestamp.fromEpochNanos(1_704_182_645_123_456_700n),
      LocalDateTime.fromEpochNanos(-10n),
    ];
    const df = spark.range(1).select(...values.map((v, i) => lit(v).alias(`c${i}`)));
    const [row] = await df.collect();
    values.forEach((v, i) => expect(v.equals(row[`c${i}`]), String(v)).to.equal(true));
    const sparkTypes = await (
      await spark.sql(
        "SELECT typeof(time'23:59:59.999999999'), typeof(TIMESTAMP_LTZ'2024-01-02 00:04:05.1234567'), typeof(TIMESTAMP_NTZ'1969-12-31 23:59:59.99999999')",
      )
    ).collect();
    expect((await df.dtypes).map(([, t]) => t)).to.deep.equal(Object.values(sparkTypes[0]));
  });

  it("observed metrics of these types come back as the same values", async () => {
    const { functions: F } = await import("../../../src");
    const df = (
      await spark.sql(
        "SELECT CAST('2024-01-02 03:04:05.123456789' AS TIMESTAMP_LTZ(9)) a, CAST('2024-01-02 03:04:05.1234567' AS TIMESTAMP_NTZ(7)) b, time'01:02:03.123456789' c",
      )
    ).observe("m", F.max("a").alias("a"), F.max("b").alias("b"), F.max("c").alias("c"));
    const [row] = await df.collect();
    const observed = df.executionInfo!.observations[0].values as Record<string, unknown>;
    expect((observed.a as Timestamp).epochNanos).to.equal((row.a as Timestamp).epochNanos);
    expect(String(observed.b)).to.equal((row.b as LocalDateTime).toString());
    expect(String(observed.c)).to.equal((row.c as LocalTime).toString());
  });

  it("local data refuses nanoseconds it cannot send, rather than dropping them", async () => {
    expect(() => spark.createDataFrame([{ t: Timestamp.fromEpochNanos(1_001n) }])).to.throw(/has nanoseconds/);
    await expectRejection(spark.createDataFrame([[new LocalTime(1)]], "t time(9)"), /time\(9\)/);
  });
});
