import type { BinaryType, BooleanType, NullType, VariantType } from "./basic";
import type { ArrayType, MapType } from "./collection";
import type { DateType, TimeType, TimestampLTZNanosType, TimestampNTZNanosType, TimestampNTZType, TimestampType } from "./datetime";
import type { CalendarIntervalType, DayTimeIntervalType, YearMonthIntervalType } from "./interval";
import type { ByteType, DecimalType, DoubleType, FloatType, IntegerType, LongType, ShortType } from "./numeric";
import type { UnknownType, UnparsedDataType, UserDefinedType } from "./opaque";
import type { GeographyType, GeometryType } from "./spatial";
import type { CharType, StringType, VarcharType } from "./string";
import type { StructType } from "./struct";

/**
 * Every concrete data type, as a union on {@link DataType.kind}: a `switch (type.kind)` over it
 * narrows to the class and is checked for exhaustiveness.
 *
 * @example
 * ```ts
 * function width(type: AnyDataType): number | undefined {
 *   switch (type.kind) {
 *     case "decimal": return type.precision;
 *     case "char": case "varChar": return type.length;
 *     default: return undefined;
 *   }
 * }
 * ```
 */
export type AnyDataType =
  | NullType
  | BooleanType
  | BinaryType
  | ByteType
  | ShortType
  | IntegerType
  | LongType
  | FloatType
  | DoubleType
  | DecimalType
  | StringType
  | CharType
  | VarcharType
  | DateType
  | TimestampType
  | TimestampNTZType
  | TimeType
  | TimestampNTZNanosType
  | TimestampLTZNanosType
  | CalendarIntervalType
  | YearMonthIntervalType
  | DayTimeIntervalType
  | ArrayType
  | MapType
  | StructType
  | VariantType
  | GeometryType
  | GeographyType
  | UserDefinedType
  | UnparsedDataType
  | UnknownType;
