// Spark 4.3's new precisions: time(0..9), timestamp_ntz(7..9) and timestamp_ltz(7..9) come as
// Arrow time64[ns] and timestamp[ns], and their values keep every digit.
import { expect } from "chai";
import { describe, it } from "mocha";
import { inspect } from "node:util";
import {
  DataType,
  Field,
  Schema,
  TimeMicrosecond,
  TimeNanosecond,
  TimestampMicrosecond,
  TimestampNanosecond,
  TimeUnit,
} from "apache-arrow";
import {
  decodeTable,
  encodeRows,
  formatTimestamp,
  LocalDateTime,
  LocalTime,
  LocalValueError,
  tableToRows,
  Timestamp,
  valueReader,
  type SparkMap,
  type SparkStruct,
  type SparkValue,
} from "../../../src/arrow";
import { timestampNanos, valuesOf } from "./arrowData";
import { PRECISIONS_CAST, PRECISIONS_COLUMNS, PRECISIONS_STREAM } from "./sparkBytes";

const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;

/** A value as Spark's CAST(... AS STRING) prints it: scalars as they print, arrays and structs as Spark lists them. */
function sparkText(value: SparkValue): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) return `[${value.map((v) => sparkText(v) ?? "null").join(", ")}]`;
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.values(value as object)
      .map((v: SparkValue) => sparkText(v) ?? "null")
      .join(", ")}}`;
  }
  // What is left is a scalar or a value class, each with its own text.
  return (value as Exclude<SparkValue, SparkValue[] | SparkMap | SparkStruct | null>).toString();
}

describe("Spark 4.3's precisions: the values a Spark 4.3 server sent", () => {
  const table = decodeTable([PRECISIONS_STREAM]);
  const rows = tableToRows(table);
  const cell = (row: number, name: (typeof PRECISIONS_COLUMNS)[number]) => rows[row][name];

  it("come as Arrow time64[ns] and timestamp[ns] marked with their precision", () => {
    const fields = table.schema.fields;
    expect(fields.map((f) => f.name)).to.deep.equal([...PRECISIONS_COLUMNS]);
    for (const f of fields.slice(0, 10)) {
      const type = f.type as DataType;
      expect(DataType.isTime(type) && type.unit === TimeUnit.NANOSECOND && type.bitWidth === 64, f.name).to.equal(true);
      expect(f.metadata.get("SPARK::time::precision")).to.equal(f.name.slice(1));
    }
    for (const f of fields.slice(10, 16)) {
      const type = f.type as DataType;
      expect(DataType.isTimestamp(type) && type.unit === TimeUnit.NANOSECOND, f.name).to.equal(true);
      expect((type as TimestampNanosecond).timezone ?? null).to.equal(f.name.startsWith("ltz") ? "America/New_York" : null);
      expect(f.metadata.get("SPARK::timestampNanos::precision")).to.equal(f.name.slice(3));
    }
  });

  it("print exactly as Spark's string cast prints them, at every precision, nested ones included", () => {
    const texts = rows.map((row) => PRECISIONS_COLUMNS.map((name) => sparkText(row[name])));
    expect(texts).to.deep.equal(PRECISIONS_CAST);
  });

  it("read the same through the per-value reader the table renderers use", () => {
    table.schema.fields.forEach((field, c) => {
      const read = valueReader(field);
      const data = table.batches[0].data.children[c];
      const values = rows.map((_, r) => read(data, r));
      expect(values.map(sparkText), field.name).to.deep.equal(PRECISIONS_CAST.map((row) => row[c]));
    });
  });

  it("are the client's classes, with the nanoseconds readable as numbers", () => {
    const t9 = cell(0, "t9") as LocalTime;
    expect(t9).to.be.instanceOf(LocalTime);
    expect(t9.nanosecond).to.equal(987_654_321);
    expect((cell(0, "t7") as LocalTime).nanosecond).to.equal(987_654_300);
    expect((cell(2, "t9") as LocalTime).nanoOfDay).to.equal(43_200_000_000_001);

    // 2024-01-02 03:04:05.123456789 in New York (UTC-5).
    const ltz = cell(0, "ltz9") as Timestamp;
    expect(ltz).to.be.instanceOf(Timestamp).and.instanceOf(Date);
    expect(ltz.timeZone).to.equal("America/New_York");
    expect([ltz.epochNanos, ltz.epochMicros, ltz.nanosWithinMicro]).to.deep.equal([1704182645123456789n, 1704182645123456n, 789]);
    expect([ltz.nanosecond, ltz.microsecond, ltz.getTime()]).to.deep.equal([123_456_789, 123_456, 1704182645123]);
    expect(ltz.toString("UTC")).to.equal("2024-01-02 08:04:05.123456789");
    expect((cell(0, "ltz7") as Timestamp).nanosecond).to.equal(123_456_700);

    const ntz = cell(1, "ntz9") as LocalDateTime;
    expect(ntz).to.be.instanceOf(LocalDateTime);
    expect([ntz.epochNanos, ntz.epochMicros, ntz.nanosWithinMicro]).to.deep.equal([-1n, -1n, 999]);
    expect([ntz.year, ntz.second, ntz.microsecond, ntz.nanosecond]).to.deep.equal([1969, 59, 999_999, 999_999_999]);
  });
});

describe("Spark 4.3's precisions: nanosecond timestamps built by hand", () => {
  it("keep both ends of Arrow's int64 nanoseconds, rounding the microseconds down before 1970", () => {
    const [min, max, minusOne, nul] = valuesOf(timestampNanos(null, [MIN_LONG, MAX_LONG, -1n, null])) as (LocalDateTime | null)[];
    expect(String(min)).to.equal("1677-09-21 00:12:43.145224192");
    expect(String(max)).to.equal("2262-04-11 23:47:16.854775807");
    expect([min!.epochNanos, max!.epochNanos]).to.deep.equal([MIN_LONG, MAX_LONG]);
    expect([min!.epochMicros, min!.nanosWithinMicro]).to.deep.equal([-9223372036854776n, 192]);
    expect(String(minusOne)).to.equal("1969-12-31 23:59:59.999999999");
    expect(nul).to.equal(null);
    const [instant] = valuesOf(timestampNanos("Asia/Kolkata", [MIN_LONG])) as Timestamp[];
    expect(instant.epochNanos).to.equal(MIN_LONG);
    expect(instant.toString("UTC")).to.equal("1677-09-21 00:12:43.145224192");
  });

  it("print trailing zeros of the fraction away, as Spark does, whatever the precision", () => {
    const texts = valuesOf(timestampNanos("UTC", [1_500_000_000n, 1_000n, 1n, 0n])).map(String);
    expect(texts).to.deep.equal([
      "1970-01-01 00:00:01.5",
      "1970-01-01 00:00:00.000001",
      "1970-01-01 00:00:00.000000001",
      "1970-01-01 00:00:00",
    ]);
  });
});

describe("Timestamp and LocalDateTime: the nanoseconds beside the microseconds", () => {
  it("are zero for the microsecond types, which print and compare as before", () => {
    const ts = new Timestamp(1709296496123456n, "UTC");
    expect([ts.nanosWithinMicro, ts.nanosecond, ts.epochNanos]).to.deep.equal([0, 123_456_000, 1709296496123456000n]);
    expect(ts.toString()).to.equal("2024-03-01 12:34:56.123456");
    expect(ts.toJSON()).to.equal("2024-03-01T12:34:56.123456Z");
    const local = LocalDateTime.fromEpochMicros(1709296496123456n);
    expect(local).to.deep.equal(new LocalDateTime(2024, 3, 1, 12, 34, 56, 123456));
    expect(local.toJSON()).to.equal("2024-03-01T12:34:56.123456");
  });

  it("make values of the same microsecond but other nanoseconds different", () => {
    expect(Timestamp.fromEpochNanos(1001n).equals(new Timestamp(1n, undefined, 1))).to.equal(true);
    expect(Timestamp.fromEpochNanos(1001n).equals(new Timestamp(1n))).to.equal(false);
    expect(LocalDateTime.fromEpochNanos(1001n).equals(LocalDateTime.fromEpochMicros(1n, 1))).to.equal(true);
    expect(LocalDateTime.fromEpochNanos(1001n).equals(LocalDateTime.fromEpochMicros(1n))).to.equal(false);
  });

  it("serialize to JSON and show in the console with all nine digits", () => {
    const ts = Timestamp.fromEpochNanos(1709296496000000001n, "Europe/Paris");
    expect(ts.toJSON()).to.equal("2024-03-01T12:34:56.000000001Z");
    expect(inspect(ts)).to.equal("Timestamp(2024-03-01T12:34:56.000000001Z)");
    expect(ts.toString()).to.equal("2024-03-01 13:34:56.000000001");
    const local = new LocalDateTime(2024, 3, 1, 12, 34, 56, 120000, 500);
    expect(JSON.stringify(local)).to.equal('"2024-03-01T12:34:56.1200005"');
    expect(inspect(local)).to.equal("LocalDateTime(2024-03-01 12:34:56.1200005)");
  });

  it("format through formatTimestamp in any zone", () => {
    expect(formatTimestamp(1709296496123456n, "America/New_York", { nanosWithinMicro: 780 })).to.equal("2024-03-01 07:34:56.12345678");
    expect(formatTimestamp(0n, "+05:30", { nanosWithinMicro: 1, offset: true })).to.equal("1970-01-01 05:30:00.000000001+05:30");
  });

  it("refuse nanoseconds outside 0 to 999", () => {
    expect(() => new Timestamp(0n, undefined, 1000)).to.throw(RangeError, /nanosWithinMicro/);
    expect(() => new LocalDateTime(2024, 1, 1, 0, 0, 0, 0, -1)).to.throw(RangeError, /nanosWithinMicro/);
    expect(() => formatTimestamp(0n, "UTC", { nanosWithinMicro: 1.5 })).to.throw(RangeError, /nanosWithinMicro/);
  });
});

describe("local data of the nanosecond types: exact, or refused", () => {
  const schemaOf = (field: Field) => new Schema([field]);
  const roundTrip = (field: Field, values: unknown[]) => {
    const [ipc] = encodeRows(
      values.map((v) => [v]),
      schemaOf(field),
    );
    return tableToRows(decodeTable([ipc])).map((row) => row[field.name]);
  };

  it("writes timestamp[ns] columns with every digit", () => {
    const instants = [Timestamp.fromEpochNanos(1704182645123456789n, "UTC"), new Timestamp(-1n), null];
    const back = roundTrip(new Field("t", new TimestampNanosecond("UTC"), true), instants) as (Timestamp | null)[];
    expect(back.map((t) => t?.epochNanos ?? null)).to.deep.equal([1704182645123456789n, -1000n, null]);
    const local = [LocalDateTime.fromEpochNanos(-1n)];
    expect(roundTrip(new Field("t", new TimestampNanosecond(), true), local).map(String)).to.deep.equal(["1969-12-31 23:59:59.999999999"]);
  });

  it("refuses nanoseconds in a column of microseconds rather than dropping them", () => {
    const field = new Field("ts", new TimestampMicrosecond("UTC"), true);
    expect(() => encodeRows([[Timestamp.fromEpochNanos(1001n)]], schemaOf(field))).to.throw(
      LocalValueError,
      /column "ts", row 0: .* has nanoseconds/,
    );
    const ntz = new Field("ntz", new TimestampMicrosecond(), true);
    expect(() => encodeRows([[LocalDateTime.fromEpochNanos(1001n)]], schemaOf(ntz))).to.throw(LocalValueError, /nanoseconds/);
    expect(roundTrip(field, [Timestamp.fromEpochNanos(1000n)]).map(String)).to.deep.equal(["1970-01-01 00:00:00.000001"]);
  });

  it("refuses an instant beyond the years int64 nanoseconds reach", () => {
    const field = new Field("t", new TimestampNanosecond("UTC"), true);
    expect(() => encodeRows([[new Timestamp(-62135596800000000n)]], schemaOf(field))).to.throw(LocalValueError, /outside the range/);
  });

  it("writes time64 columns from LocalTimes, refusing digits below the column's unit", () => {
    const nanos = new Field("t", new TimeNanosecond(), true);
    expect(roundTrip(nanos, [LocalTime.fromNanoOfDay(86399999999999n), null]).map(String)).to.deep.equal(["23:59:59.999999999", "null"]);
    const micros = new Field("t", new TimeMicrosecond(), true);
    expect(roundTrip(micros, [new LocalTime(1, 2, 3, 4000)]).map(String)).to.deep.equal(["01:02:03.000004"]);
    expect(() => encodeRows([[new LocalTime(1, 2, 3, 4001)]], schemaOf(micros))).to.throw(LocalValueError, /more digits/);
  });
});
