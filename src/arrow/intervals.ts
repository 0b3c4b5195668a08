import { inspect } from "node:util";
import { formatDecimalStripped } from "./decimal";

/** The fields a Spark day-time interval type can start and end with, biggest first. */
export type DayTimeIntervalField = "DAY" | "HOUR" | "MINUTE" | "SECOND";
/** The fields a Spark year-month interval type can start and end with. */
export type YearMonthIntervalField = "YEAR" | "MONTH";

const DAY_TIME_FIELDS: readonly DayTimeIntervalField[] = ["DAY", "HOUR", "MINUTE", "SECOND"];
const YEAR_MONTH_FIELDS: readonly YearMonthIntervalField[] = ["YEAR", "MONTH"];

const MICROS_PER_MINUTE = 60_000_000n;
const MICROS_PER_HOUR = 3_600_000_000n;
const MICROS_PER_DAY = 86_400_000_000n;

function fieldRange<F extends string>(fields: readonly F[], start: F, end: F): [number, number] {
  const from = fields.indexOf(start);
  const to = fields.indexOf(end);
  if (from < 0 || to < 0 || from > to) {
    throw new RangeError(`Invalid interval fields ${String(start)} TO ${String(end)}; use ${fields.join(", ")}, biggest first`);
  }
  return [from, to];
}

function qualifier(start: string, end: string): string {
  return start === end ? start : `${start} TO ${end}`;
}

// Seconds with at least two integer digits and no trailing fraction zeros, as Spark prints them.
function seconds(micros: bigint): string {
  return (micros < 10_000_000n ? "0" : "") + formatDecimalStripped(micros, 6);
}

function twoDigits(n: bigint): string {
  return n.toString().padStart(2, "0");
}

/**
 * Formats a day-time interval as Spark's `CAST(i AS STRING)` does for the interval type with the
 * given start and end fields. Arrow does not carry those fields (only Spark's schema does); the
 * default is Spark's `interval day to second`. Fields after `endField` are not shown, as in Spark.
 *
 * @example
 * ```ts
 * formatDayTimeInterval(93784500000n);                   // "INTERVAL '1 02:03:04.5' DAY TO SECOND"
 * formatDayTimeInterval(-10800000000n, "HOUR", "HOUR");  // "INTERVAL '-03' HOUR"
 * ```
 */
export function formatDayTimeInterval(
  micros: bigint,
  startField: DayTimeIntervalField = "DAY",
  endField: DayTimeIntervalField = "SECOND",
): string {
  const [start, end] = fieldRange(DAY_TIME_FIELDS, startField, endField);
  let rest = micros < 0n ? -micros : micros;
  let text = micros < 0n ? "-" : "";
  const units = [MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE];
  const separators = ["", " ", ":", ":"];
  for (let field = start; field <= end; field++) {
    if (field > start) text += separators[field];
    if (field === 3) {
      text += seconds(rest);
    } else {
      const unit = units[field];
      const count = rest / unit;
      // The leading field is not padded when it is days; hours and minutes always have two digits.
      text += field === 0 ? count.toString() : twoDigits(count);
      rest %= unit;
    }
  }
  return `INTERVAL '${text}' ${qualifier(startField, endField)}`;
}

/**
 * Formats a year-month interval as Spark's `CAST(i AS STRING)` does for the interval type with the
 * given start and end fields (default: Spark's `interval year to month`).
 *
 * @example
 * ```ts
 * formatYearMonthInterval(14);                    // "INTERVAL '1-2' YEAR TO MONTH"
 * formatYearMonthInterval(-5, "MONTH", "MONTH");  // "INTERVAL '-5' MONTH"
 * ```
 */
export function formatYearMonthInterval(
  months: number,
  startField: YearMonthIntervalField = "YEAR",
  endField: YearMonthIntervalField = "MONTH",
): string {
  fieldRange(YEAR_MONTH_FIELDS, startField, endField);
  const sign = months < 0 ? "-" : "";
  const total = Math.abs(months);
  const years = `${sign}${Math.floor(total / 12)}`;
  const text = startField !== endField ? `${years}-${total % 12}` : startField === "YEAR" ? years : String(months);
  return `INTERVAL '${text}' ${qualifier(startField, endField)}`;
}

/**
 * Spark's `interval day to second` (and its narrower forms): an exact duration in microseconds.
 * Immutable.
 *
 * @example
 * ```ts
 * const i = new DayTimeInterval(93784500000n);
 * i.toString();                  // "INTERVAL '1 02:03:04.5' DAY TO SECOND"
 * i.toString("HOUR", "SECOND");  // "INTERVAL '26:03:04.5' HOUR TO SECOND"
 * ```
 */
export class DayTimeInterval {
  /** The length of the interval in microseconds (negative for a negative interval). */
  readonly micros: bigint;

  constructor(micros: bigint) {
    this.micros = micros;
    Object.freeze(this);
  }

  /** Whether `other` is an interval of the same length. */
  equals(other: unknown): boolean {
    return other instanceof DayTimeInterval && other.micros === this.micros;
  }

  /** As Spark prints the interval type with these fields; see {@link formatDayTimeInterval}. */
  toString(startField: DayTimeIntervalField = "DAY", endField: DayTimeIntervalField = "SECOND"): string {
    return formatDayTimeInterval(this.micros, startField, endField);
  }

  /** The same text as {@link DayTimeInterval.toString} with its default fields. */
  toJSON(): string {
    return this.toString();
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `DayTimeInterval(${this.toString()})`;
  }
}

/**
 * Spark's `interval year to month` (and `interval year`, `interval month`): a number of months.
 * Immutable.
 *
 * @example
 * ```ts
 * new YearMonthInterval(-14).toString();  // "INTERVAL '-1-2' YEAR TO MONTH"
 * ```
 */
export class YearMonthInterval {
  /** The length of the interval in months (negative for a negative interval). */
  readonly months: number;

  constructor(months: number) {
    if (!Number.isSafeInteger(months)) throw new RangeError(`Invalid number of months: ${months}`);
    this.months = months;
    Object.freeze(this);
  }

  /** Whether `other` is an interval of the same length. */
  equals(other: unknown): boolean {
    return other instanceof YearMonthInterval && other.months === this.months;
  }

  /** As Spark prints the interval type with these fields; see {@link formatYearMonthInterval}. */
  toString(startField: YearMonthIntervalField = "YEAR", endField: YearMonthIntervalField = "MONTH"): string {
    return formatYearMonthInterval(this.months, startField, endField);
  }

  /** The same text as {@link YearMonthInterval.toString} with its default fields. */
  toJSON(): string {
    return this.toString();
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `YearMonthInterval(${this.toString()})`;
  }
}

/**
 * Spark's legacy `interval` type (`CalendarIntervalType`, e.g. from `make_interval`): months, days
 * and microseconds, kept apart because their lengths vary. Immutable.
 *
 * @example
 * ```ts
 * new CalendarInterval(14, 25, 18367500000n).toString();
 * // "1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds"
 * ```
 */
export class CalendarInterval {
  readonly months: number;
  readonly days: number;
  readonly micros: bigint;

  constructor(months: number, days: number, micros: bigint) {
    if (!Number.isSafeInteger(months) || !Number.isSafeInteger(days)) {
      throw new RangeError(`Invalid calendar interval: ${months} months, ${days} days`);
    }
    this.months = months;
    this.days = days;
    this.micros = micros;
    Object.freeze(this);
  }

  /** Whether `other` has the same months, days and microseconds. */
  equals(other: unknown): boolean {
    return other instanceof CalendarInterval && other.months === this.months && other.days === this.days && other.micros === this.micros;
  }

  /** As Spark casts the interval to a string: "1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds". */
  toString(): string {
    const parts: string[] = [];
    const unit = (value: number | bigint, name: string) => {
      if (value !== 0 && value !== 0n) parts.push(`${value} ${name}`);
    };
    unit(Math.trunc(this.months / 12), "years");
    unit(this.months % 12, "months");
    unit(this.days, "days");
    let rest = this.micros;
    unit(rest / MICROS_PER_HOUR, "hours");
    rest %= MICROS_PER_HOUR;
    unit(rest / MICROS_PER_MINUTE, "minutes");
    rest %= MICROS_PER_MINUTE;
    if (rest !== 0n) parts.push(`${formatDecimalStripped(rest, 6)} seconds`);
    return parts.length === 0 ? "0 seconds" : parts.join(" ");
  }

  /** The same text as {@link CalendarInterval.toString}. */
  toJSON(): string {
    return this.toString();
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `CalendarInterval(${this.toString()})`;
  }
}
