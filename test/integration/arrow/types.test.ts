// The Spark type -> JS value table of the README, checked value by value against what Spark SQL
// itself computes for the same value (its string cast, unix_micros, hex, to_json, ...), so a
// wrong conversion cannot hide behind an expectation written by hand.
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import {
  DayTimeInterval,
  formatTimestamp,
  LocalDate,
  LocalDateTime,
  Timestamp,
  VariantValue,
  YearMonthInterval,
  type Row,
  type SparkSession,
} from "../../../src";
import { newSession, requireSpark } from "../../support/spark";

/** Runs `SELECT <expr> AS v, <checks> FROM VALUES ...` and returns the rows. */
async function probe(spark: SparkSession, values: readonly string[], checks: string): Promise<Row[]> {
  const sql = `SELECT v, ${checks} FROM (SELECT explode(array(${values.join(", ")})) AS v)`;
  return (await spark.sql(sql)).collect();
}

/** Java's and JS's texts for a double agree as numbers: "1.0E10" and 1e10 both parse the same. */
const javaNumber = (text: string): number => Number(text);

describe("Spark types as JS values", () => {
  let spark: SparkSession;
  before(async () => {
    spark = await newSession();
    await spark.conf.set("spark.sql.session.timeZone", "UTC");
  });
  after(async () => {
    await spark.stop();
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
      const rows = await probe(spark, [min, max, "0", "-7"].map((v) => `CAST(${v} AS ${type})`), "CAST(v AS STRING) AS s");
      for (const row of rows) {
        expect(row.v).to.be.a("number");
        expect(String(row.v)).to.equal(row.s);
      }
    });
  }

  it("bigint is a JS bigint with its exact value, extremes included", async () => {
    const rows = await probe(
      spark,
      ["-9223372036854775808L", "9223372036854775807L", "9007199254740993L", "0L"],
      "CAST(v AS STRING) AS s",
    );
    for (const row of rows) {
      expect(row.v).to.be.a("bigint");
      expect(String(row.v)).to.equal(row.s);
    }
  });

  it("double keeps every bit: NaN, infinities, -0.0, the smallest subnormal, the largest value", async () => {
    const rows = await probe(
      spark,
      ["0.1D", "-0.0D", "4.9E-324D", "1.7976931348623157E308D", "CAST('NaN' AS DOUBLE)", "CAST('Infinity' AS DOUBLE)", "CAST('-Infinity' AS DOUBLE)"],
      "CAST(v AS STRING) AS s",
    );
    for (const row of rows) expect(Object.is(row.v, javaNumber(row.s as string)), `${String(row.v)} vs ${String(row.s)}`).to.equal(true);
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
      expect(Buffer.from(row.v as string, "utf8").toString("hex").toUpperCase()).to.equal(row.h);
    }
  });

  it("binary is a Uint8Array of the same bytes", async () => {
    const rows = await probe(spark, ["X''", "X'00FF10'", "encode('é', 'UTF-8')"], "hex(v) AS h");
    for (const row of rows) {
      expect(row.v).to.be.instanceOf(Uint8Array);
      expect(Buffer.from(row.v as Uint8Array).toString("hex").toUpperCase()).to.equal(row.h);
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
      expect(String(row.v)).to.equal(row.s);
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
      expect(String(row.v)).to.equal(row.s);
      expect((row.v as LocalDateTime).epochMicros).to.equal(row.us);
    }
  });

  it("interval day to second is a DayTimeInterval of exact microseconds", async () => {
    const rows = await probe(
      spark,
      ["INTERVAL '1 02:03:04.5' DAY TO SECOND", "INTERVAL '-0 00:00:00.000001' DAY TO SECOND", "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND"],
      "CAST(v AS STRING) AS s, unix_micros(TIMESTAMP'1970-01-01 00:00:00' + v) AS us",
    );
    for (const row of rows) {
      expect(row.v).to.be.instanceOf(DayTimeInterval);
      expect((row.v as DayTimeInterval).micros).to.equal(row.us);
      expect(String(row.v)).to.equal(row.s);
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
      expect(String(row.v)).to.equal(row.s);
    }
  });

  it("array is a JS array, nulls inside kept", async () => {
    const rows = await probe(spark, ["array(1, NULL, 3)", "array()", "CAST(NULL AS ARRAY<INT>)"], "to_json(v) AS j");
    expect(rows.map((r) => r.v)).to.deep.equal([[1, null, 3], [], null]);
    expect(JSON.stringify(rows[0]!.v)).to.equal(rows[0]!.j);
  });

  it("map is a JS Map in Spark's order, null values kept", async () => {
    const [row] = await (await spark.sql("SELECT map('b', 1, 'a', NULL, 'c', 3) AS v, to_json(map('b', 1, 'a', NULL, 'c', 3)) AS j")).collect();
    expect(row!.v).to.be.instanceOf(Map);
    const entries = [...(row!.v as Map<unknown, unknown>).entries()];
    expect(entries).to.deep.equal(Object.entries(JSON.parse(row!.j as string) as Record<string, unknown>));
    expect(entries).to.deep.equal([["b", 1], ["a", null], ["c", 3]]);
  });

  it("struct is an object keyed by field name, nested values converted, null fields kept", async () => {
    const [row] = await (
      await spark.sql(
        "SELECT named_struct('a', 1, 'b', 'x', 'c', CAST(NULL AS STRING), 'd', named_struct('e', DATE'2024-01-01', 'f', array(1.5D))) AS v",
      )
    ).collect();
    const v = row!.v as Record<string, unknown>;
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
    expect(row!.a).to.equal(null);
    expect(row!.b).to.deep.equal([null]);
    expect(row!.c).to.deep.equal({ x: null });
    expect([...(row!.d as Map<number, unknown>).entries()]).to.deep.equal([[1, null]]);
    expect(row!.e).to.equal(null);
    expect(row!.f).to.equal(null);
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
    expect((rows[0]!.v as VariantValue).toJS()).to.deep.equal({ a: 1, b: [true, null, "x"], c: "1.5", d: { e: -12345678901234 } });
  });
});
