import { inspect } from "node:util";
import {
  checkDate,
  civilFromEpochDay,
  epochDayFromCivil,
  formatDate,
  formatFraction,
  formatLocalMicros,
  MICROS_PER_DAY,
  pad,
  splitEpochMicros,
} from "./civil";
import { LocalDate } from "./localDate";

/**
 * A date and wall-clock time without a time zone: Spark's `timestamp_ntz`. Immutable.
 * Microsecond precision, proleptic Gregorian calendar.
 *
 * @example
 * ```ts
 * const t = LocalDateTime.fromEpochMicros(1709296496123456n);
 * t.toString();   // "2024-03-01 12:34:56.123456"
 * t.hour;         // 12
 * t.epochMicros;  // 1709296496123456n (as if the wall clock were UTC)
 * ```
 */
export class LocalDateTime {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
  /** 0 to 23. */
  readonly hour: number;
  /** 0 to 59. */
  readonly minute: number;
  /** 0 to 59. */
  readonly second: number;
  /** 0 to 999,999: the fraction of the second. */
  readonly microsecond: number;

  /** @throws RangeError when the fields do not name a moment of the calendar. */
  constructor(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, microsecond = 0) {
    checkDate(year, month, day);
    const time = [hour, minute, second, microsecond];
    const limits = [23, 59, 59, 999_999];
    if (time.some((value, i) => !Number.isInteger(value) || value < 0 || value > limits[i]!)) {
      throw new RangeError(`Invalid time of day: ${time.join(", ")}`);
    }
    this.year = year;
    this.month = month;
    this.day = day;
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.microsecond = microsecond;
    Object.freeze(this);
  }

  /** The wall-clock time `epochMicros` microseconds after 1970-01-01 00:00:00. */
  static fromEpochMicros(epochMicros: bigint): LocalDateTime {
    const { epochDay, microOfDay } = splitEpochMicros(epochMicros);
    const { year, month, day } = civilFromEpochDay(epochDay);
    const seconds = Math.floor(microOfDay / 1e6);
    return new LocalDateTime(
      year,
      month,
      day,
      Math.floor(seconds / 3600),
      Math.floor(seconds / 60) % 60,
      seconds % 60,
      microOfDay % 1e6,
    );
  }

  /** Microseconds since 1970-01-01 00:00:00, counting as if the wall clock were UTC. */
  get epochMicros(): bigint {
    const microOfDay = ((this.hour * 60 + this.minute) * 60 + this.second) * 1e6 + this.microsecond;
    return BigInt(epochDayFromCivil(this.year, this.month, this.day)) * MICROS_PER_DAY + BigInt(microOfDay);
  }

  /** The date part. */
  toLocalDate(): LocalDate {
    return new LocalDate(this.year, this.month, this.day);
  }

  /** Whether `other` is the same date and time. */
  equals(other: unknown): boolean {
    return other instanceof LocalDateTime && other.epochMicros === this.epochMicros;
  }

  /**
   * "yyyy-MM-dd HH:mm:ss[.ffffff]", trailing zeros of the fraction dropped, as Spark casts a
   * `timestamp_ntz` to a string.
   */
  toString(): string {
    return formatLocalMicros(this.epochMicros);
  }

  /** ISO 8601 without an offset: "2024-03-01T12:34:56.123456". */
  toJSON(): string {
    const time = `${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}`;
    return `${formatDate(this)}T${time}${formatFraction(this.microsecond, 6)}`;
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `LocalDateTime(${this.toString()})`;
  }
}
