import { inspect } from "node:util";
import { checkDate, civilFromEpochDay, epochDayFromCivil, formatDate } from "./civil";

/**
 * A calendar date without a time or time zone: Spark's `date`. Immutable.
 *
 * Years follow the proleptic Gregorian calendar, as Spark does: 0001-01-01 is a valid date, year 0
 * is 1 BC, and `toString()` prints what Spark's `CAST(d AS STRING)` prints.
 *
 * @example
 * ```ts
 * const d = new LocalDate(2024, 3, 1);
 * d.toString();                       // "2024-03-01"
 * d.epochDay;                         // 19783
 * LocalDate.fromEpochDay(-1).toString(); // "1969-12-31"
 * ```
 */
export class LocalDate {
  /** The proleptic Gregorian year (0 is 1 BC, -1 is 2 BC). */
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;

  /** @throws RangeError when the fields do not name a day of the calendar. */
  constructor(year: number, month: number, day: number) {
    checkDate(year, month, day);
    this.year = year;
    this.month = month;
    this.day = day;
    Object.freeze(this);
  }

  /** The date `epochDay` days after 1970-01-01 (before it when negative), as Arrow and Spark count. */
  static fromEpochDay(epochDay: number): LocalDate {
    if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Invalid epoch day: ${epochDay}`);
    const { year, month, day } = civilFromEpochDay(epochDay);
    return new LocalDate(year, month, day);
  }

  /** Days since 1970-01-01, negative before it. */
  get epochDay(): number {
    return epochDayFromCivil(this.year, this.month, this.day);
  }

  /** Whether `other` is the same date. */
  equals(other: unknown): boolean {
    return other instanceof LocalDate && other.year === this.year && other.month === this.month && other.day === this.day;
  }

  /** Midnight UTC of this date, as a `Date`. */
  toDate(): Date {
    return new Date(this.epochDay * 86_400_000);
  }

  /** "yyyy-MM-dd", as Spark casts a date to a string ("0001-01-01", "-0044-03-15", "+10000-01-01"). */
  toString(): string {
    return formatDate(this);
  }

  /** The same text as {@link LocalDate.toString}, an ISO 8601 date. */
  toJSON(): string {
    return formatDate(this);
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `LocalDate(${formatDate(this)})`;
  }
}
