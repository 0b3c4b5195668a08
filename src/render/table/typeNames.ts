// Column types as a table header shows them: the Spark name the caller knows, or else one read
// from the Arrow type, written the way Spark writes its own (`int`, `array<string>`).
import { DataType, type Field, IntervalUnit, Precision } from "apache-arrow";

const NUMERIC = /^(?:tinyint|smallint|int|integer|bigint|long|short|byte|float|real|double|decimal|dec|numeric)\b/i;

/**
 * Whether a Spark type name is a numeric type (its cells are right-aligned).
 *
 * @example
 * ```ts
 * isNumericTypeName("decimal(10,2)"); // true
 * isNumericTypeName("interval day");  // false
 * ```
 */
export function isNumericTypeName(name: string): boolean {
  return NUMERIC.test(name);
}

/**
 * Whether an Arrow type holds numbers (integers, floats or decimals).
 *
 * @example
 * ```ts
 * isNumericArrowType(new Int32()); // true
 * ```
 */
export function isNumericArrowType(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
}

// Spark 4.3 marks the precision of its time and nanosecond timestamp columns in field metadata.
const TIME_PRECISION = "SPARK::time::precision";
const TIMESTAMP_NANOS_PRECISION = "SPARK::timestampNanos::precision";

// The shape in which Spark sends a variant (see src/arrow/valueReaders.ts).
function isVariant(fields: readonly Field[]): boolean {
  return fields.length === 2 && fields[0].name === "value" && fields[1].name === "metadata" && fields[1].metadata.get("variant") === "true";
}

/**
 * A readable name for a column's Arrow type, in Spark's words where Spark has one: `int`,
 * `bigint`, `decimal(10,2)`, `timestamp` (with a zone) or `timestamp_ntz`, `array<string>`,
 * `map<string,int>`, `struct<a:int,b:string>`, `variant`. With the field's metadata, the
 * precisions Spark marks there: `time(9)`, `timestamp_ltz(7)`, `timestamp_ntz(9)`.
 *
 * @example
 * ```ts
 * arrowTypeName(new List(new Field("element", new Utf8()))); // "array<string>"
 * ```
 */
export function arrowTypeName(type: DataType, metadata?: ReadonlyMap<string, string>): string {
  if (DataType.isNull(type)) return "void";
  if (DataType.isBool(type)) return "boolean";
  if (DataType.isInt(type)) {
    if (!type.isSigned) return `uint${type.bitWidth}`;
    return ({ 8: "tinyint", 16: "smallint", 32: "int", 64: "bigint" } as Record<number, string>)[type.bitWidth] ?? `int${type.bitWidth}`;
  }
  if (DataType.isFloat(type))
    return type.precision === Precision.DOUBLE ? "double" : type.precision === Precision.SINGLE ? "float" : "float16";
  if (DataType.isDecimal(type)) return `decimal(${type.precision},${type.scale})`;
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isUtf8View(type)) return "string";
  if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type) || DataType.isBinaryView(type)) {
    return "binary";
  }
  if (DataType.isDate(type)) return "date";
  if (DataType.isTimestamp(type)) {
    const precision = metadata?.get(TIMESTAMP_NANOS_PRECISION);
    if (precision) return `${type.timezone ? "timestamp_ltz" : "timestamp_ntz"}(${precision})`;
    return type.timezone ? "timestamp" : "timestamp_ntz";
  }
  if (DataType.isTime(type)) {
    const precision = metadata?.get(TIME_PRECISION);
    return precision ? `time(${precision})` : "time";
  }
  if (DataType.isDuration(type)) return "interval day to second";
  if (DataType.isInterval(type)) return type.unit === IntervalUnit.YEAR_MONTH ? "interval year to month" : "interval";
  if (DataType.isList(type) || DataType.isLargeList(type) || DataType.isFixedSizeList(type)) {
    return `array<${arrowTypeName(type.children[0].type as DataType, type.children[0].metadata)}>`;
  }
  if (DataType.isMap(type)) {
    const [key, value] = (type.children[0].type as DataType).children;
    return `map<${arrowTypeName(key.type as DataType, key.metadata)},${arrowTypeName(value.type as DataType, value.metadata)}>`;
  }
  if (DataType.isStruct(type)) {
    if (isVariant(type.children)) return "variant";
    return `struct<${type.children.map((field) => `${field.name}:${arrowTypeName(field.type as DataType, field.metadata)}`).join(",")}>`;
  }
  if (DataType.isDictionary(type)) return arrowTypeName(type.dictionary as DataType);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Arrow's concrete types have their own toString; only the base class's declaration lacks it
  return String(type);
}
