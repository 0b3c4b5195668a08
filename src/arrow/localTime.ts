import { inspect } from "node:util";
import { formatTimeOfDay } from "./civil";

const NANOS_PER_DAY = 86_400_000_000_000;

/**
 * A time of day without a date or time zone: Spark's `time(p)` for every precision p from 0 to 9
 * (Spark 4.1+, behind `spark.sql.timeType.enabled`; 7 to 9 since Spark 4.3). Immutable. It keeps
 * nanoseconds, as Arrow's time64[ns] carries them; a `time(p)` value has no digits beyond its p.
 *
 * @example
 * ```ts
 * const t = new LocalTime(12, 34, 56, 123_400_000);
 * t.toString();   // "12:34:56.1234"
 * t.nanoOfDay;    // 45296123400000
 * LocalTime.fromNanoOfDay(86399999999999n).toString(); // "23:59:59.999999999", a time(9)
 * ```
 */
export class LocalTime {
  /** 0 to 23. */
  readonly hour: number;
  /** 0 to 59. */
  readonly minute: number;
  /** 0 to 59. */
  readonly second: number;
  /** 0 to 999,999,999. */
  readonly nanosecond: number;

  /** @throws RangeError when a field is out of its range. */
  constructor(hour: number, minute = 0, second = 0, nanosecond = 0) {
    const fields = [hour, minute, second, nanosecond];
    const limits = [23, 59, 59, 999_999_999];
    if (fields.some((value, i) => !Number.isInteger(value) || value < 0 || value > limits[i])) {
      throw new RangeError(`Invalid time of day: ${fields.join(", ")}`);
    }
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.nanosecond = nanosecond;
    Object.freeze(this);
  }

  /** The time `nanoOfDay` nanoseconds after midnight. */
  static fromNanoOfDay(nanoOfDay: number | bigint): LocalTime {
    const nanos = Number(nanoOfDay);
    if (!Number.isInteger(nanos) || nanos < 0 || nanos >= NANOS_PER_DAY) {
      throw new RangeError(`Invalid nanosecond of day: ${nanoOfDay}`);
    }
    const seconds = Math.floor(nanos / 1e9);
    return new LocalTime(Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60, nanos % 1e9);
  }

  /** Nanoseconds since midnight (exact: a day has fewer than 2^53 of them). */
  get nanoOfDay(): number {
    return ((this.hour * 60 + this.minute) * 60 + this.second) * 1e9 + this.nanosecond;
  }

  /** Whether `other` is the same time of day. */
  equals(other: unknown): boolean {
    return other instanceof LocalTime && other.nanoOfDay === this.nanoOfDay;
  }

  /** "HH:mm:ss[.fraction]" without trailing zeros in the fraction, as Spark casts a time to a string. */
  toString(): string {
    return formatTimeOfDay(this.nanoOfDay, 9);
  }

  /** The same text as {@link LocalTime.toString}, an ISO 8601 time. */
  toJSON(): string {
    return this.toString();
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `LocalTime(${this.toString()})`;
  }
}
