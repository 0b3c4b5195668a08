import { expect } from "chai";
import { describe, it } from "mocha";
import { inspect } from "node:util";
import {
  CalendarInterval,
  DayTimeInterval,
  formatDayTimeInterval,
  formatYearMonthInterval,
  YearMonthInterval,
  type DayTimeIntervalField,
  type YearMonthIntervalField,
} from "../../../src/arrow";
import { durationMicros, monthDayNanos, valuesOf, yearMonths } from "./arrowData";

describe("interval day to second: DayTimeInterval", () => {
  it("reads Arrow duration[us] as DayTimeIntervals of exact microseconds", () => {
    const values = valuesOf(durationMicros([93784500000n, -93784500000n, -(2n ** 63n), null]));
    expect(values).to.deep.equal([
      new DayTimeInterval(93784500000n),
      new DayTimeInterval(-93784500000n),
      new DayTimeInterval(-(2n ** 63n)),
      null,
    ]);
  });

  it("prints as Spark prints interval day to second by default", () => {
    expect(new DayTimeInterval(93784500000n).toString()).to.equal("INTERVAL '1 02:03:04.5' DAY TO SECOND");
    expect(String(new DayTimeInterval(0n))).to.equal("INTERVAL '0 00:00:00' DAY TO SECOND");
    expect(JSON.stringify(new DayTimeInterval(-1n))).to.equal(`"INTERVAL '-0 00:00:00.000001' DAY TO SECOND"`);
  });

  // What Spark 4.3 printed for CAST(i AS STRING), i of the interval type with these fields.
  const spark: [bigint, DayTimeIntervalField, DayTimeIntervalField, string][] = [
    [-93784500000n, "DAY", "SECOND", "INTERVAL '-1 02:03:04.5' DAY TO SECOND"],
    [259200000000n, "DAY", "DAY", "INTERVAL '3' DAY"],
    [93600000000n, "HOUR", "HOUR", "INTERVAL '26' HOUR"],
    [-10800000000n, "HOUR", "HOUR", "INTERVAL '-03' HOUR"],
    [180000000n, "MINUTE", "MINUTE", "INTERVAL '03' MINUTE"],
    [3000001n, "SECOND", "SECOND", "INTERVAL '03.000001' SECOND"],
    [1000000n, "SECOND", "SECOND", "INTERVAL '01' SECOND"],
    [-500000n, "SECOND", "SECOND", "INTERVAL '-00.5' SECOND"],
    [93600000000n, "DAY", "HOUR", "INTERVAL '1 02' DAY TO HOUR"],
    [93780000000n, "DAY", "MINUTE", "INTERVAL '1 02:03' DAY TO MINUTE"],
    [7380000000n, "HOUR", "MINUTE", "INTERVAL '02:03' HOUR TO MINUTE"],
    [7384123000n, "HOUR", "SECOND", "INTERVAL '02:03:04.123' HOUR TO SECOND"],
    [184000000n, "MINUTE", "SECOND", "INTERVAL '03:04' MINUTE TO SECOND"],
    [6000000000n, "MINUTE", "SECOND", "INTERVAL '100:00' MINUTE TO SECOND"],
    [9223372036854775807n, "DAY", "SECOND", "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND"],
    [-9223372036854775808n, "DAY", "SECOND", "INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND"],
    [-9223372036854775808n, "HOUR", "SECOND", "INTERVAL '-2562047788:00:54.775808' HOUR TO SECOND"],
    [-9223372036854775808n, "MINUTE", "SECOND", "INTERVAL '-153722867280:54.775808' MINUTE TO SECOND"],
    [-9223372036854775808n, "SECOND", "SECOND", "INTERVAL '-9223372036854.775808' SECOND"],
    [9223372022400000000n, "DAY", "DAY", "INTERVAL '106751991' DAY"],
    [-9223372036800000000n, "HOUR", "MINUTE", "INTERVAL '-2562047788:00' HOUR TO MINUTE"],
  ];
  for (const [micros, start, end, expected] of spark) {
    it(`prints ${micros} as interval ${start} to ${end} the way Spark does: ${expected}`, () => {
      expect(formatDayTimeInterval(micros, start, end)).to.equal(expected);
      expect(new DayTimeInterval(micros).toString(start, end)).to.equal(expected);
    });
  }

  it("leaves out the fields after the end field, as Spark does", () => {
    expect(formatDayTimeInterval(93784500000n, "DAY", "HOUR")).to.equal("INTERVAL '1 02' DAY TO HOUR");
  });

  it("refuses fields in the wrong order or unknown", () => {
    expect(() => formatDayTimeInterval(0n, "SECOND", "DAY")).to.throw(RangeError);
    expect(() => formatDayTimeInterval(0n, "WEEK" as DayTimeIntervalField)).to.throw(RangeError);
  });

  it("is immutable, compares by length and shows its text in the console", () => {
    const interval = new DayTimeInterval(5n);
    expect(Object.isFrozen(interval)).to.equal(true);
    expect(interval.equals(new DayTimeInterval(5n))).to.equal(true);
    expect(interval.equals(new DayTimeInterval(6n))).to.equal(false);
    expect(inspect(interval)).to.equal("DayTimeInterval(INTERVAL '0 00:00:00.000005' DAY TO SECOND)");
  });
});

describe("interval year to month: YearMonthInterval", () => {
  it("reads Arrow interval(YEAR_MONTH) as a total number of months", () => {
    expect(valuesOf(yearMonths([14, -14, 0, -2147483648, null]))).to.deep.equal([
      new YearMonthInterval(14),
      new YearMonthInterval(-14),
      new YearMonthInterval(0),
      new YearMonthInterval(-2147483648),
      null,
    ]);
  });

  // What Spark 4.3 printed for CAST(i AS STRING), i of the interval type with these fields.
  const spark: [number, YearMonthIntervalField, YearMonthIntervalField, string][] = [
    [14, "YEAR", "MONTH", "INTERVAL '1-2' YEAR TO MONTH"],
    [-14, "YEAR", "MONTH", "INTERVAL '-1-2' YEAR TO MONTH"],
    [0, "YEAR", "MONTH", "INTERVAL '0-0' YEAR TO MONTH"],
    [5, "MONTH", "MONTH", "INTERVAL '5' MONTH"],
    [-5, "MONTH", "MONTH", "INTERVAL '-5' MONTH"],
    [36, "YEAR", "YEAR", "INTERVAL '3' YEAR"],
    [-2147483648, "YEAR", "MONTH", "INTERVAL '-178956970-8' YEAR TO MONTH"],
    [2147483647, "YEAR", "MONTH", "INTERVAL '178956970-7' YEAR TO MONTH"],
  ];
  for (const [months, start, end, expected] of spark) {
    it(`prints ${months} months as interval ${start} to ${end} the way Spark does: ${expected}`, () => {
      expect(formatYearMonthInterval(months, start, end)).to.equal(expected);
      expect(new YearMonthInterval(months).toString(start, end)).to.equal(expected);
    });
  }

  it("prints as interval year to month by default", () => {
    expect(String(new YearMonthInterval(-14))).to.equal("INTERVAL '-1-2' YEAR TO MONTH");
    expect(JSON.stringify(new YearMonthInterval(5))).to.equal(`"INTERVAL '0-5' YEAR TO MONTH"`);
    expect(() => formatYearMonthInterval(1, "MONTH", "YEAR")).to.throw(RangeError);
  });
});

describe("calendar interval: CalendarInterval", () => {
  it("reads Arrow interval(MONTH_DAY_NANO) as months, days and microseconds", () => {
    const [interval, nul] = valuesOf(monthDayNanos([{ months: 14, days: 25, nanos: 18367500000000n }, null]));
    expect(interval).to.deep.equal(new CalendarInterval(14, 25, 18367500000n));
    expect(nul).to.equal(null);
    const [negative] = valuesOf(monthDayNanos([{ months: -12, days: -2, nanos: -1000n }]));
    expect(negative).to.deep.equal(new CalendarInterval(-12, -2, -1n));
  });

  it("prints as Spark casts it to a string", () => {
    // make_interval(1, 2, 3, 4, 5, 6, 7.5), make_interval(0, ...), make_interval(-1, 0, 0, -2, 0, 0, -0.000001)
    expect(new CalendarInterval(14, 25, 18367500000n).toString()).to.equal("1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds");
    expect(new CalendarInterval(0, 0, 0n).toString()).to.equal("0 seconds");
    expect(new CalendarInterval(-12, -2, -1n).toString()).to.equal("-1 years -2 days -0.000001 seconds");
  });
});
