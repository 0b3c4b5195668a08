import { expect } from "chai";
import { describe, it } from "mocha";
import { inspect } from "node:util";
import { formatTimestamp, LocalDate, LocalDateTime, LocalTime, Timestamp } from "../../../src/arrow";
import { dateDays, timeNanos, timestampMicros, valuesOf } from "./arrowData";

describe("date: LocalDate", () => {
  it("reads Arrow date32 days as LocalDates, before 1970 and at year 0001 included", () => {
    const dates = valuesOf(dateDays([19783, 0, -1, -719162, null])) as (LocalDate | null)[];
    expect(dates.map((d) => d && [d.year, d.month, d.day])).to.deep.equal([[2024, 3, 1], [1970, 1, 1], [1969, 12, 31], [1, 1, 1], null]);
    expect(dates[0]).to.be.instanceOf(LocalDate);
  });

  it("prints as Spark casts a date to a string, years beyond 0001-9999 included", () => {
    const text = (epochDay: number) => LocalDate.fromEpochDay(epochDay).toString();
    expect(text(19783)).to.equal("2024-03-01");
    expect(text(-719162)).to.equal("0001-01-01");
    expect(text(-719528)).to.equal("0000-01-01");
    expect(text(-735525)).to.equal("-0044-03-15");
    expect(text(2932897)).to.equal("+10000-01-01");
  });

  // Epoch days as Spark's unix_date() gives them.
  it("counts days from 1970-01-01 on the proleptic Gregorian calendar, as Spark does", () => {
    expect(new LocalDate(1970, 1, 1).epochDay).to.equal(0);
    expect(new LocalDate(1582, 10, 10).epochDay).to.equal(-141432);
    expect(new LocalDate(1, 1, 1).epochDay).to.equal(-719162);
    for (const day of [-800000, -719163, -1, 59, 60, 11016, 2932896]) {
      expect(LocalDate.fromEpochDay(day).epochDay).to.equal(day);
    }
  });

  it("serializes to JSON as its ISO date and converts to a Date at midnight UTC", () => {
    expect(JSON.stringify({ d: new LocalDate(2024, 2, 29) })).to.equal('{"d":"2024-02-29"}');
    expect(new LocalDate(1969, 12, 31).toDate().toISOString()).to.equal("1969-12-31T00:00:00.000Z");
  });

  it("refuses fields that name no day, and compares by value", () => {
    expect(() => new LocalDate(2023, 2, 29)).to.throw(RangeError);
    expect(() => new LocalDate(2024, 13, 1)).to.throw(RangeError);
    expect(() => new LocalDate(2024, 1, 0)).to.throw(RangeError);
    expect(new LocalDate(2024, 2, 29).equals(LocalDate.fromEpochDay(19782))).to.equal(true);
    expect(new LocalDate(2024, 2, 29).equals(new LocalDate(2024, 3, 1))).to.equal(false);
  });

  it("is immutable and shows its date in the console", () => {
    const date = new LocalDate(2024, 3, 1);
    expect(Object.isFrozen(date)).to.equal(true);
    expect(inspect(date)).to.equal("LocalDate(2024-03-01)");
  });
});

describe("timestamp: Timestamp, a Date that keeps microseconds", () => {
  it("reads Arrow timestamp[us, tz] as Timestamps carrying the session time zone", () => {
    const [ts, nul] = valuesOf(timestampMicros("America/New_York", [1709296496123456n, null])) as [Timestamp, null];
    expect(ts).to.be.instanceOf(Timestamp);
    expect(ts).to.be.instanceOf(Date);
    expect(ts.epochMicros).to.equal(1709296496123456n);
    expect(ts.timeZone).to.equal("America/New_York");
    expect(nul).to.equal(null);
  });

  it("is the Date of the instant to the millisecond, and keeps the microseconds exactly", () => {
    const ts = new Timestamp(1709296496123456n);
    expect(ts.getTime()).to.equal(1709296496123);
    expect(ts.toISOString()).to.equal("2024-03-01T12:34:56.123Z");
    expect(ts.microsecond).to.equal(123456);
    expect(ts.getMilliseconds()).to.equal(123);
  });

  it("keeps instants before 1970 exact, rounding the Date down as Spark floors micros", () => {
    const ts = new Timestamp(-1n);
    expect(ts.getTime()).to.equal(-1);
    expect(ts.microsecond).to.equal(999999);
    expect(ts.toJSON()).to.equal("1969-12-31T23:59:59.999999Z");
    const old = new Timestamp(-62135596800000001n);
    expect(old.toString("UTC")).to.equal("0000-12-31 23:59:59.999999");
  });

  it("prints as Spark's CAST(ts AS STRING) does, in its own zone by default", () => {
    const ts = new Timestamp(1709296496123456n, "America/New_York");
    expect(ts.toString()).to.equal("2024-03-01 07:34:56.123456");
    expect(String(ts)).to.equal("2024-03-01 07:34:56.123456");
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- a Timestamp in a template literal is what is tested.
    expect(`${ts}`).to.equal("2024-03-01 07:34:56.123456");
    expect(ts.toString("UTC")).to.equal("2024-03-01 12:34:56.123456");
    expect(new Timestamp(0n).toString()).to.equal("1970-01-01 00:00:00");
  });

  it("drops trailing zeros of the fraction, as Spark does", () => {
    expect(new Timestamp(1709296496123400n).toString("UTC")).to.equal("2024-03-01 12:34:56.1234");
    expect(new Timestamp(1709296496500000n).toString("UTC")).to.equal("2024-03-01 12:34:56.5");
    expect(new Timestamp(1709296496000000n).toString("UTC")).to.equal("2024-03-01 12:34:56");
  });

  it("serializes to JSON in UTC with all its microseconds", () => {
    expect(JSON.stringify(new Timestamp(1709296496123456n))).to.equal('"2024-03-01T12:34:56.123456Z"');
    expect(JSON.stringify(new Timestamp(1709296496123000n))).to.equal('"2024-03-01T12:34:56.123Z"');
  });

  it("cannot be changed through the Date setters", () => {
    const ts = new Timestamp(1709296496123456n);
    expect(() => ts.setTime(0)).to.throw(TypeError, /immutable/);
    expect(() => ts.setUTCFullYear(2000)).to.throw(TypeError);
    expect(ts.epochMicros).to.equal(1709296496123456n);
    expect(ts.getTime()).to.equal(1709296496123);
  });

  it("converts from a Date and compares by instant to the microsecond", () => {
    const ts = Timestamp.fromDate(new Date(1709296496123), "UTC");
    expect(ts.epochMicros).to.equal(1709296496123000n);
    expect(ts.equals(new Timestamp(1709296496123000n))).to.equal(true);
    expect(ts.equals(new Timestamp(1709296496123001n))).to.equal(false);
    expect(inspect(new Timestamp(1709296496123456n))).to.equal("Timestamp(2024-03-01T12:34:56.123456Z)");
  });
});

describe("formatTimestamp: an instant in any time zone Spark accepts", () => {
  // Each expected text is what Spark 4.3 printed for CAST(timestamp_micros(m) AS STRING) with
  // spark.sql.session.timeZone set to the zone.
  const cases: [string, bigint, string][] = [
    ["America/New_York", 1710053999000000n, "2024-03-10 01:59:59"],
    ["America/New_York", 1710054000000000n, "2024-03-10 03:00:00"],
    ["America/New_York", 1730611800000000n, "2024-11-03 01:30:00"],
    ["America/New_York", 1730615400000000n, "2024-11-03 01:30:00"],
    ["America/New_York", -5364644638000000n, "1800-01-01 00:00:00"],
    ["America/New_York", -30610206238000000n, "1000-01-01 00:00:00"],
    ["Europe/Paris", -62135596800000000n, "0001-01-01 00:09:21"],
    ["Asia/Kathmandu", 0n, "1970-01-01 05:30:00"],
    ["Australia/Lord_Howe", 1704067200000000n, "2024-01-01 11:00:00"],
    ["America/St_Johns", 1720000000000001n, "2024-07-03 07:16:40.000001"],
    ["+05:30", 1709296496123456n, "2024-03-01 18:04:56.123456"],
    ["+5:30", 0n, "1970-01-01 05:30:00"],
    ["UTC+1", 0n, "1970-01-01 01:00:00"],
    ["GMT-08:00", 0n, "1969-12-31 16:00:00"],
    ["Z", -1n, "1969-12-31 23:59:59.999999"],
    ["PST", 1720000000000000n, "2024-07-03 02:46:40"],
    ["EST", 1720000000000000n, "2024-07-03 04:46:40"],
    ["UTC", 253402300799999999n, "9999-12-31 23:59:59.999999"],
    ["UTC", -62167219200000000n, "0000-01-01 00:00:00"],
    ["UTC", 253402300800000000n, "+10000-01-01 00:00:00"],
  ];
  for (const [zone, micros, expected] of cases) {
    it(`prints ${micros} in ${zone} as Spark does: ${expected}`, () => {
      expect(formatTimestamp(micros, zone)).to.equal(expected);
    });
  }

  it("appends the offset as Spark's JSON does, seconds of local mean time dropped", () => {
    expect(formatTimestamp(1709296496500000n, "Europe/Paris", { offset: true })).to.equal("2024-03-01 13:34:56.5+01:00");
    expect(formatTimestamp(0n, "UTC", { offset: true })).to.equal("1970-01-01 00:00:00+00:00");
    expect(formatTimestamp(-62135596800000000n, "Europe/Paris", { offset: true })).to.equal("0001-01-01 00:09:21+00:09");
  });

  it("gives every instant of an hour with a transition inside its own offset, in any order asked", () => {
    // Lord Howe Island moves its clocks by half an hour, at 15:30 UTC on 2024-10-05.
    const asked: [bigint, string][] = [
      [1728140400n, "2024-10-06 01:30:00+10:30"],
      [1728143999n, "2024-10-06 02:59:59+11:00"],
      [1728142199n, "2024-10-06 01:59:59+10:30"],
      [1728142200n, "2024-10-06 02:30:00+11:00"],
      [1728140400n, "2024-10-06 01:30:00+10:30"],
    ];
    for (const [second, expected] of asked) {
      expect(formatTimestamp(second * 1_000_000n, "Australia/Lord_Howe", { offset: true })).to.equal(expected);
    }
  });

  it("prints a whole day of instants in a zone as it prints each alone", () => {
    // 2024-03-10 in New York, its spring-forward day; every 7 minutes and 13 seconds.
    const day = 1710046800;
    for (let second = day; second < day + 86_400; second += 433) {
      const alone = new Intl.DateTimeFormat("sv-SE", { timeZone: "America/New_York", dateStyle: "short", timeStyle: "medium" }).format(
        new Date(second * 1000),
      );
      expect(formatTimestamp(BigInt(second) * 1_000_000n, "America/New_York")).to.equal(alone);
    }
  });

  it("refuses a time zone nobody knows", () => {
    expect(() => formatTimestamp(0n, "Mars/Olympus_Mons")).to.throw(RangeError);
    expect(() => formatTimestamp(0n, "+25:00")).to.throw(RangeError);
  });
});

describe("timestamp_ntz: LocalDateTime", () => {
  it("reads Arrow timestamp[us] without a zone as LocalDateTimes", () => {
    const [t, nul] = valuesOf(timestampMicros(null, [1709296496123456n, null])) as [LocalDateTime, null];
    expect(t).to.be.instanceOf(LocalDateTime);
    expect([t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond]).to.deep.equal([2024, 3, 1, 12, 34, 56, 123456]);
    expect(t.epochMicros).to.equal(1709296496123456n);
    expect(nul).to.equal(null);
  });

  it("prints as Spark casts a timestamp_ntz to a string, trailing fraction zeros dropped", () => {
    expect(LocalDateTime.fromEpochMicros(1709296496123456n).toString()).to.equal("2024-03-01 12:34:56.123456");
    expect(LocalDateTime.fromEpochMicros(1709296496120000n).toString()).to.equal("2024-03-01 12:34:56.12");
    expect(LocalDateTime.fromEpochMicros(-1n).toString()).to.equal("1969-12-31 23:59:59.999999");
    expect(LocalDateTime.fromEpochMicros(-62135596799500000n).toString()).to.equal("0001-01-01 00:00:00.5");
  });

  it("serializes to ISO 8601 without an offset, and round-trips its fields", () => {
    const t = new LocalDateTime(1969, 12, 31, 23, 59, 59, 500000);
    expect(JSON.stringify(t)).to.equal('"1969-12-31T23:59:59.5"');
    expect(t.epochMicros).to.equal(-500000n);
    expect(LocalDateTime.fromEpochMicros(t.epochMicros).equals(t)).to.equal(true);
    expect(t.toLocalDate()).to.deep.equal(new LocalDate(1969, 12, 31));
    expect(() => new LocalDateTime(2024, 1, 1, 24)).to.throw(RangeError);
    expect(inspect(t)).to.equal("LocalDateTime(1969-12-31 23:59:59.5)");
  });
});

describe("time: LocalTime", () => {
  it("reads Arrow time64[ns] (Spark's time(p)) as LocalTimes", () => {
    const [t, midnight, last, nul] = valuesOf(timeNanos([45296123456000n, 0n, 86399999999000n, null])) as LocalTime[];
    expect([t.hour, t.minute, t.second, t.nanosecond]).to.deep.equal([12, 34, 56, 123456000]);
    expect(String(midnight)).to.equal("00:00:00");
    expect(String(last)).to.equal("23:59:59.999999");
    expect(nul).to.equal(null);
  });

  it("prints as Spark casts a time to a string, trailing fraction zeros dropped", () => {
    expect(LocalTime.fromNanoOfDay(45296123400000n).toString()).to.equal("12:34:56.1234");
    expect(new LocalTime(1, 2, 3).toString()).to.equal("01:02:03");
    expect(JSON.stringify(new LocalTime(0, 0, 0, 1000))).to.equal('"00:00:00.000001"');
  });

  it("refuses a time outside the day", () => {
    expect(() => LocalTime.fromNanoOfDay(86_400_000_000_000)).to.throw(RangeError);
    expect(() => new LocalTime(12, 60)).to.throw(RangeError);
  });
});
