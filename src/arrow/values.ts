import type { CalendarInterval, DayTimeInterval, YearMonthInterval } from "./intervals";
import type { LocalDate } from "./localDate";
import type { LocalDateTime } from "./localDateTime";
import type { LocalTime } from "./localTime";
import type { Timestamp } from "./timestamp";
import type { VariantValue } from "./variant";

/**
 * A Spark value as JS holds it (see the type table in the README):
 *
 * | Spark | JS |
 * |---|---|
 * | `boolean` | `boolean` |
 * | `tinyint`, `smallint`, `int`, `float`, `double` | `number` (NaN and ±Infinity kept) |
 * | `bigint` | `bigint` |
 * | `decimal(p,s)` | `string`, exact, as Spark's `CAST(x AS STRING)` ("1.50") |
 * | `string` | `string` |
 * | `binary` | `Uint8Array` |
 * | `date` | {@link LocalDate} |
 * | `timestamp` | {@link Timestamp} (a `Date` with microseconds) |
 * | `timestamp_ltz(7..9)` | {@link Timestamp} with its nanoseconds (`nanosWithinMicro`, `epochNanos`) |
 * | `timestamp_ntz` | {@link LocalDateTime} |
 * | `timestamp_ntz(7..9)` | {@link LocalDateTime} with its nanoseconds |
 * | `time(p)`, p from 0 to 9 | {@link LocalTime} (nanoseconds) |
 * | `interval day to second` | {@link DayTimeInterval} |
 * | `interval year to month` | {@link YearMonthInterval} |
 * | `interval` (calendar) | {@link CalendarInterval} |
 * | `variant` | {@link VariantValue} |
 * | `array<T>` | `T[]` |
 * | `map<K,V>` | `Map<K, V>` in the server's order |
 * | `struct<...>` | a plain object keyed by field name |
 * | `void`, and any null | `null` |
 */
export type SparkValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | LocalDate
  | LocalDateTime
  | LocalTime
  | Timestamp
  | DayTimeInterval
  | YearMonthInterval
  | CalendarInterval
  | VariantValue
  | SparkValue[]
  | SparkMap
  | SparkStruct;

/** A Spark `map` value: keys and values converted, in the order the server sent them. */
export type SparkMap = Map<SparkValue, SparkValue>;

/** A Spark `struct` value: a plain object keyed by field name. */
export interface SparkStruct {
  [field: string]: SparkValue;
}
