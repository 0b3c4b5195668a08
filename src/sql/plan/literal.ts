import type { Expression, Expression_Literal } from "../../gen/spark/connect/expressions";
import { CalendarInterval, DayTimeInterval, LocalDate, LocalDateTime, LocalTime, Timestamp, YearMonthInterval } from "../../arrow";
import {
  ArrayType,
  DataType,
  DecimalType,
  MapType,
  dataTypeToProto,
  type TimeType,
  type TimestampLTZNanosType,
  type TimestampNTZNanosType,
} from "../types";
import { describeValue, inferLiteralType, type LiteralValue } from "./literalType";
import { isWholeNumber } from "../validation";

export { inferLiteralType, type LiteralValue } from "./literalType";

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * The Spark literal for a JS value, with the type Spark infers for it in PySpark
 * ({@link inferLiteralType}), or with the given type: `literalOf("1.50", new DecimalType(5, 2))`
 * is a decimal literal, `literalOf(1, new LongType())` a bigint.
 *
 * @example
 * ```ts
 * literalOf(42);        // { literalType: { $case: "integer", integer: 42 } }
 * literalOf([1, 2n]);   // an array<bigint> literal
 * ```
 */
export function literalOf(value: LiteralValue, dataType: DataType = inferLiteralType(value)): Expression_Literal {
  return { literalType: encode(value, dataType) };
}

/**
 * A literal as an expression, its type inferred from the value.
 *
 * @example
 * ```ts
 * literalExpression("a"); // a string literal
 * ```
 */
export function literalExpression(value: LiteralValue): Expression {
  return { exprType: { $case: "literal", literal: literalOf(value) } };
}

/**
 * A literal of a declared type as an expression.
 *
 * @example
 * ```ts
 * typedLiteralExpression("1.5", new DecimalType(3, 1));
 * ```
 */
export function typedLiteralExpression(value: LiteralValue, dataType: DataType): Expression {
  return { exprType: { $case: "literal", literal: literalOf(value, dataType) } };
}

type LiteralCase = NonNullable<Expression_Literal["literalType"]>;

function encode(value: LiteralValue, type: DataType): LiteralCase {
  if (value === null) return { $case: "null", null: dataTypeToProto(type) };
  const fail = (): never => {
    throw new TypeError(`a ${describeValue(value)} cannot be a Spark ${type.simpleString()} literal`);
  };
  switch (type.kind) {
    case "boolean":
      return typeof value === "boolean" ? { $case: "boolean", boolean: value } : fail();
    case "byte":
      return { $case: "byte", byte: whole(value, -128, 127) ?? fail() };
    case "short":
      return { $case: "short", short: whole(value, -32768, 32767) ?? fail() };
    case "integer":
      return { $case: "integer", integer: whole(value, -(2 ** 31), 2 ** 31 - 1) ?? fail() };
    case "long":
      return { $case: "long", long: long(value) ?? fail() };
    case "float":
      return { $case: "float", float: real(value) ?? fail() };
    case "double":
      return { $case: "double", double: real(value) ?? fail() };
    case "decimal":
      return decimal(value, type as DecimalType) ?? fail();
    case "string":
      return typeof value === "string" ? { $case: "string", string: value } : fail();
    case "binary":
      return value instanceof Uint8Array
        ? { $case: "binary", binary: Buffer.from(value.buffer, value.byteOffset, value.byteLength) }
        : fail();
    case "date":
      return { $case: "date", date: epochDay(value) ?? fail() };
    case "timestamp":
      return { $case: "timestamp", timestamp: instantMicros(value, type, 6) ?? fail() };
    case "timestampNtz":
      if (!(value instanceof LocalDateTime)) return fail();
      return { $case: "timestampNtz", timestampNtz: withDigits(value, value.nanosecond, type, 6).epochMicros };
    case "timestampLtzNanos": {
      const precision = (type as TimestampLTZNanosType).precision;
      const epochMicros = instantMicros(value, type, precision) ?? fail();
      const nanosWithinMicro = value instanceof Timestamp ? value.nanosWithinMicro : 0;
      return { $case: "timestampLtzNanos", timestampLtzNanos: { epochMicros, nanosWithinMicro, precision } };
    }
    case "timestampNtzNanos": {
      const precision = (type as TimestampNTZNanosType).precision;
      if (!(value instanceof LocalDateTime)) return fail();
      withDigits(value, value.nanosecond, type, precision);
      return {
        $case: "timestampNtzNanos",
        timestampNtzNanos: { epochMicros: value.epochMicros, nanosWithinMicro: value.nanosWithinMicro, precision },
      };
    }
    case "time": {
      const precision = (type as TimeType).precision;
      if (!(value instanceof LocalTime)) return fail();
      return { $case: "time", time: { nano: BigInt(withDigits(value, value.nanosecond, type, precision).nanoOfDay), precision } };
    }
    case "dayTimeInterval":
      return value instanceof DayTimeInterval ? { $case: "dayTimeInterval", dayTimeInterval: value.micros } : fail();
    case "yearMonthInterval":
      return value instanceof YearMonthInterval ? { $case: "yearMonthInterval", yearMonthInterval: value.months } : fail();
    case "calendarInterval":
      return value instanceof CalendarInterval
        ? { $case: "calendarInterval", calendarInterval: { months: value.months, days: value.days, microseconds: value.micros } }
        : fail();
    case "array":
      return Array.isArray(value) ? array(value as readonly LiteralValue[], type as ArrayType) : fail();
    case "map":
      return value instanceof Map ? map(value as ReadonlyMap<LiteralValue, LiteralValue>, type as MapType) : fail();
    default:
      return fail();
  }
}

function array(values: readonly LiteralValue[], type: ArrayType): LiteralCase {
  // The element type goes in the per-array field, which every Spark 4 server reads.
  return {
    $case: "array",
    array: { elementType: dataTypeToProto(type.elementType), elements: values.map((v) => literalOf(v, type.elementType)) },
  };
}

function map(entries: ReadonlyMap<LiteralValue, LiteralValue>, type: MapType): LiteralCase {
  const keys: Expression_Literal[] = [];
  const values: Expression_Literal[] = [];
  for (const [key, value] of entries) {
    if (key === null) throw new TypeError("a Spark map literal cannot have a null key");
    keys.push(literalOf(key, type.keyType));
    values.push(literalOf(value, type.valueType));
  }
  return {
    $case: "map",
    map: { keyType: dataTypeToProto(type.keyType), valueType: dataTypeToProto(type.valueType), keys, values },
  };
}

function whole(value: LiteralValue, min: number, max: number): number | undefined {
  const n = typeof value === "bigint" ? Number(value) : value;
  return isWholeNumber(n, { min, max }) ? n : undefined;
}

function long(value: LiteralValue): bigint | undefined {
  let n: bigint;
  if (typeof value === "bigint") n = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) n = BigInt(value);
  else return undefined;
  if (n < LONG_MIN || n > LONG_MAX) {
    throw new RangeError(`${n} does not fit in a Spark bigint (64-bit); use a decimal literal instead`);
  }
  return n;
}

function real(value: LiteralValue): number | undefined {
  return typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : undefined;
}

function decimal(value: LiteralValue, type: DecimalType): LiteralCase | undefined {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") return undefined;
  const text = String(value);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw new RangeError(`"${text}" is not a decimal number`);
  return { $case: "decimal", decimal: { value: text, precision: type.precision, scale: type.scale } };
}

function epochDay(value: LiteralValue): number | undefined {
  if (value instanceof LocalDate) return value.epochDay;
  if (value instanceof Date) return Math.floor(validMillis(value) / 86_400_000);
  return undefined;
}

function instantMicros(value: LiteralValue, type: DataType, precision: number): bigint | undefined {
  if (value instanceof Timestamp) return withDigits(value, value.nanosecond, type, precision).epochMicros;
  if (value instanceof Date) return BigInt(validMillis(value)) * 1000n;
  return undefined;
}

/**
 * The value, if its fraction of a second (`nanosecond`, 0 to 999,999,999) has no digit beyond
 * `precision`: the server would keep such digits under a type that says there are none, or drop
 * them, so they are refused rather than sent.
 */
function withDigits<T extends LiteralValue>(value: T, nanosecond: number, type: DataType, precision: number): T {
  if (nanosecond % 10 ** (9 - precision) !== 0) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the time values given here have their own text
    throw new RangeError(`${String(value)} has more fractional digits than a Spark ${type.simpleString()} literal holds`);
  }
  return value;
}

function validMillis(date: Date): number {
  const millis = date.getTime();
  if (Number.isNaN(millis)) throw new RangeError("an invalid Date has no Spark timestamp");
  return millis;
}
