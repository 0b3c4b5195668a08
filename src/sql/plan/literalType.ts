import { CalendarInterval, DayTimeInterval, LocalDate, LocalDateTime, LocalTime, Timestamp, YearMonthInterval } from "../../arrow";
import {
  ArrayType,
  BinaryType,
  BooleanType,
  CalendarIntervalType,
  DataType,
  DateType,
  DayTimeIntervalType,
  DoubleType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  StringType,
  TimestampLTZNanosType,
  TimestampNTZNanosType,
  TimestampNTZType,
  TimestampType,
  TimeType,
  YearMonthIntervalType,
} from "../types";

/**
 * JS values that map to a Spark literal without a declared type. Arrays become array literals and
 * `Map`s map literals, their element types inferred from all their elements (nested ones too).
 */
export type LiteralValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Date
  | Uint8Array
  | LocalDate
  | LocalDateTime
  | LocalTime
  | DayTimeInterval
  | YearMonthInterval
  | CalendarInterval
  | readonly LiteralValue[]
  | ReadonlyMap<LiteralValue, LiteralValue>;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * The Spark type a JS value gets as a literal, as PySpark infers it for the matching Python value:
 * whole numbers `int` when they fit in 32 bits, else `bigint`; other numbers `double`; a `Date`
 * (or the client's `Timestamp`) `timestamp`; `LocalDateTime` `timestamp_ntz`; `LocalDate` `date`;
 * `LocalTime` `time(6)`. A value with digits below the microsecond gets the precision Spark's SQL
 * parser gives such a literal: `timestamp_ltz(7..9)`, `timestamp_ntz(7..9)`, `time(7..9)`.
 *
 * @example
 * ```ts
 * inferLiteralType([1, 2.5]).simpleString();       // "array<double>"
 * inferLiteralType(new Map([["a", 1n]])).simpleString(); // "map<string,bigint>"
 * ```
 */
export function inferLiteralType(value: LiteralValue): DataType {
  if (value === null) return new NullType();
  switch (typeof value) {
    case "boolean":
      return new BooleanType();
    case "number":
      if (Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX) return new IntegerType();
      return Number.isSafeInteger(value) ? new LongType() : new DoubleType();
    case "bigint":
      return new LongType();
    case "string":
      return new StringType();
  }
  // Beyond microseconds, the precision Spark's SQL parser gives a literal with as many digits.
  if (value instanceof Timestamp && value.nanosWithinMicro !== 0) return new TimestampLTZNanosType(fractionDigits(value.nanosecond));
  if (value instanceof Date) return new TimestampType();
  if (value instanceof Uint8Array) return new BinaryType();
  if (value instanceof LocalDate) return new DateType();
  if (value instanceof LocalDateTime) {
    return value.nanosWithinMicro === 0 ? new TimestampNTZType() : new TimestampNTZNanosType(fractionDigits(value.nanosecond));
  }
  if (value instanceof LocalTime) return new TimeType(fractionDigits(value.nanosecond));
  if (value instanceof DayTimeInterval) return new DayTimeIntervalType();
  if (value instanceof YearMonthInterval) return new YearMonthIntervalType();
  if (value instanceof CalendarInterval) return new CalendarIntervalType();
  if (Array.isArray(value)) return new ArrayType(commonType((value as readonly LiteralValue[]).map(inferLiteralType)));
  if (value instanceof Map) {
    const entries = [...(value as ReadonlyMap<LiteralValue, LiteralValue>).entries()];
    return new MapType(
      commonType(entries.map(([key]) => inferLiteralType(key))),
      commonType(entries.map(([, item]) => inferLiteralType(item))),
    );
  }
  throw new TypeError(`a ${describeValue(value)} cannot be a Spark literal`);
}

/**
 * The one type that holds values of all `types`, as Spark widens a literal collection's
 * elements: nulls fit any type, `int` widens to `bigint` and both to `double`; nested arrays and
 * maps widen element-wise. Unrelated types (a string and a number) are a TypeError.
 */
export function commonType(types: readonly DataType[]): DataType {
  let result: DataType = new NullType();
  for (const type of types) result = widen(result, type);
  return result;
}

const NUMERIC_RANK: Readonly<Record<string, number>> = { integer: 1, long: 2, double: 3 };

function widen(a: DataType, b: DataType): DataType {
  if (a.kind === "null") return b;
  if (b.kind === "null" || a.equals(b)) return a;
  const rankA = NUMERIC_RANK[a.kind];
  const rankB = NUMERIC_RANK[b.kind];
  if (rankA !== undefined && rankB !== undefined) return rankA >= rankB ? a : b;
  const family = DATETIME_FAMILY[a.kind];
  if (family !== undefined && family === DATETIME_FAMILY[b.kind]) return precisionOf(a) >= precisionOf(b) ? a : b;
  if (a instanceof ArrayType && b instanceof ArrayType) return new ArrayType(widen(a.elementType, b.elementType));
  if (a instanceof MapType && b instanceof MapType) {
    return new MapType(widen(a.keyType, b.keyType), widen(a.valueType, b.valueType));
  }
  throw new TypeError(`a literal collection cannot mix ${a.simpleString()} and ${b.simpleString()} values`);
}

// Times and timestamps of one kind at different precisions widen to the larger precision, as in Spark.
const DATETIME_FAMILY: Readonly<Record<string, string>> = {
  timestamp: "ltz",
  timestampLtzNanos: "ltz",
  timestampNtz: "ntz",
  timestampNtzNanos: "ntz",
  time: "time",
};

function precisionOf(type: DataType): number {
  return "precision" in type && typeof type.precision === "number" ? type.precision : 6;
}

/** Digits of a fraction of a second given in nanoseconds: 6 when microseconds hold it, else 7 to 9. */
function fractionDigits(nanosecond: number): number {
  let digits = 9;
  for (let rest = nanosecond; digits > 6 && rest % 10 === 0; rest /= 10) digits--;
  return digits;
}

/** A short name for a value's kind, for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return value.constructor?.name ?? "object";
}
