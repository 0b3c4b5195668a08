import { inspect } from "node:util";
import {
  checkDate,
  checkNanosWithinMicro,
  civilFromEpochDay,
  epochDayFromCivil,
  formatDate,
  formatFraction,
  formatLocalParts,
  MICROS_PER_DAY,
  NANOS_PER_MICRO,
  pad,
  splitEpochMicros,
  splitEpochNanos,
} from "./civil";
import { LocalDate } from "./localDate";

/**
 * A date and wall-clock time without a time zone: Spark's `timestamp_ntz` (microseconds) and its
 * nanosecond kin `timestamp_ntz(7..9)`, whose extra digits are `nanosWithinMicro` (0 for a
 * `timestamp_ntz`). Immutable. Proleptic Gregorian calendar.
 *
 * @example
 * ```ts
 * const t = LocalDateTime.fromEpochMicros(1709296496123456n);
 * t.toString();   // "2024-03-01 12:34:56.123456"
 * t.hour;         // 12
 * t.epochMicros;  // 1709296496123456n (as if the wall clock were UTC)
 *
 * const n = LocalDateTime.fromEpochNanos(1709296496123456789n); // a timestamp_ntz(9)
 * n.nanosecond;   // 123456789
 * n.toString();   // "2024-03-01 12:34:56.123456789"
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
  /** 0 to 999,999: the fraction of the second in whole microseconds. */
  readonly microsecond: number;
  /** 0 to 999: the nanoseconds after {@link LocalDateTime.microsecond}, which only `timestamp_ntz(7..9)` has. */
  readonly nanosWithinMicro: number;

  /** @throws RangeError when the fields do not name a moment of the calendar. */
  constructor(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, microsecond = 0, nanosWithinMicro = 0) {
    checkDate(year, month, day);
    const time = [hour, minute, second, microsecond];
    const limits = [23, 59, 59, 999_999];
    if (time.some((value, i) => !Number.isInteger(value) || value < 0 || value > limits[i])) {
      throw new RangeError(`Invalid time of day: ${time.join(", ")}`);
    }
    this.year = year;
    this.month = month;
    this.day = day;
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.microsecond = microsecond;
    this.nanosWithinMicro = nanosWithinMicro === 0 ? 0 : checkNanosWithinMicro(nanosWithinMicro);
    Object.freeze(this);
  }

  /** The wall-clock time `epochMicros` microseconds (and `nanosWithinMicro` nanoseconds) after 1970-01-01 00:00:00. */
  static fromEpochMicros(epochMicros: bigint, nanosWithinMicro = 0): LocalDateTime {
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
      nanosWithinMicro,
    );
  }

  /** The wall-clock time `epochNanos` nanoseconds after 1970-01-01 00:00:00 (what Arrow's timestamp[ns] holds). */
  static fromEpochNanos(epochNanos: bigint): LocalDateTime {
    const { epochMicros, nanosWithinMicro } = splitEpochNanos(epochNanos);
    return LocalDateTime.fromEpochMicros(epochMicros, nanosWithinMicro);
  }

  /** Microseconds since 1970-01-01 00:00:00, counting as if the wall clock were UTC (rounded down when there are nanoseconds). */
  get epochMicros(): bigint {
    const microOfDay = ((this.hour * 60 + this.minute) * 60 + this.second) * 1e6 + this.microsecond;
    return BigInt(epochDayFromCivil(this.year, this.month, this.day)) * MICROS_PER_DAY + BigInt(microOfDay);
  }

  /** Nanoseconds since 1970-01-01 00:00:00, counting as if the wall clock were UTC. */
  get epochNanos(): bigint {
    return this.epochMicros * NANOS_PER_MICRO + BigInt(this.nanosWithinMicro);
  }

  /** The fraction of the second in nanoseconds, 0 to 999,999,999: all of a `timestamp_ntz(9)`'s digits. */
  get nanosecond(): number {
    return this.microsecond * 1000 + this.nanosWithinMicro;
  }

  /** The date part. */
  toLocalDate(): LocalDate {
    return new LocalDate(this.year, this.month, this.day);
  }

  /** Whether `other` is the same date and time, to the nanosecond. */
  equals(other: unknown): boolean {
    return other instanceof LocalDateTime && other.epochMicros === this.epochMicros && other.nanosWithinMicro === this.nanosWithinMicro;
  }

  /**
   * "yyyy-MM-dd HH:mm:ss[.fffffffff]", trailing zeros of the fraction dropped, as Spark casts a
   * `timestamp_ntz` (or `timestamp_ntz(p)`) to a string.
   */
  toString(): string {
    return formatLocalParts(this.epochMicros, this.nanosWithinMicro);
  }

  /** ISO 8601 without an offset: "2024-03-01T12:34:56.123456" ("...56.123456789" with nanoseconds). */
  toJSON(): string {
    const time = `${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}`;
    const fraction = this.nanosWithinMicro === 0 ? formatFraction(this.microsecond, 6) : formatFraction(this.nanosecond, 9);
    return `${formatDate(this)}T${time}${fraction}`;
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `LocalDateTime(${this.toString()})`;
  }
}
