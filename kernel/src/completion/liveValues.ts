// The notebook variables a `%%sql` cell can bind to its `:param` markers: values that become Spark
// literals (the client's LiteralValue), and a short description of each for the completion list.
import { CalendarInterval, DayTimeInterval, LocalDate, LocalDateTime, LocalTime, YearMonthInterval } from "spark-ts";

const LITERAL_CLASSES: readonly (abstract new (...args: never[]) => unknown)[] = [
  Date,
  Uint8Array,
  Map,
  LocalDate,
  LocalDateTime,
  LocalTime,
  DayTimeInterval,
  YearMonthInterval,
  CalendarInterval,
];

/**
 * Whether `spark.sql` can take `value` as a parameter: null, a boolean, number, bigint or string, a
 * date, bytes, an array, a Map, or one of the client's date, time and interval values.
 *
 * @example
 * ```ts
 * bindableValue(18);            // true
 * bindableValue(spark);         // false
 * bindableValue(() => 1);       // false
 * ```
 */
export function bindableValue(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "boolean":
    case "number":
    case "bigint":
    case "string":
      return true;
    case "object":
      return Array.isArray(value) || LITERAL_CLASSES.some((type) => value instanceof type);
    default:
      return false;
  }
}

/** A value's kind, as the completion list shows it beside the name: `number`, `string`, `Date`, `array`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}
