/**
 * Spark SQL data types as immutable values, named and behaving as in PySpark's
 * `pyspark.sql.types`: build them with `new` and PySpark's arguments; the types without
 * parameters are shared instances.
 *
 * @example
 * ```ts
 * const schema = new StructType([
 *   new StructField("id", new LongType(), false),
 *   new StructField("scores", new ArrayType(new DoubleType())),
 * ]);
 * schema.simpleString(); // "struct<id:bigint,scores:array<double>>"
 * dataTypeFromProto(dataTypeToProto(schema)).equals(schema); // true
 * ```
 */
export { AtomicType, DataType, type DataTypeKind } from "./dataType";
export type { AnyDataType } from "./anyDataType";
export type { JsonValue } from "./jsonText";
export { BinaryType, BooleanType, NullType, VariantType } from "./basic";
export {
  ByteType,
  DecimalType,
  DoubleType,
  FloatType,
  FractionalType,
  IntegerType,
  IntegralType,
  LongType,
  NumericType,
  ShortType,
} from "./numeric";
export { CharType, StringType, VarcharType } from "./string";
export {
  DateType,
  DatetimeType,
  TimeType,
  TimestampLTZNanosType,
  TimestampNTZNanosType,
  TimestampNTZType,
  TimestampType,
} from "./datetime";
export { AnsiIntervalType, CalendarIntervalType, DayTimeIntervalType, YearMonthIntervalType } from "./interval";
export { GeographyType, GeometryType, SpatialType } from "./spatial";
export { ArrayType, MapType } from "./collection";
export { StructField, StructType, dtypes, type FieldMetadata } from "./struct";
export { UnknownType, UnparsedDataType, UserDefinedType, type UserDefinedTypeInfo } from "./opaque";
export { dataTypeFromJson, dataTypeFromJsonValue } from "./json";
export { dataTypeFromProto, dataTypeToProto, structTypeFromProto } from "./proto";
