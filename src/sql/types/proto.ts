import type { DataType as ProtoDataType, DataType_StructField as ProtoStructField } from "../../gen/spark/connect/types";
import type { AnyDataType } from "./anyDataType";
import { BinaryType, BooleanType, NullType, VariantType } from "./basic";
import { ArrayType, MapType } from "./collection";
import type { DataType } from "./dataType";
import { DateType, TimeType, TimestampLTZNanosType, TimestampNTZNanosType, TimestampNTZType, TimestampType } from "./datetime";
import { CalendarIntervalType, DayTimeIntervalType, YearMonthIntervalType } from "./interval";
import { isJsonObject, type JsonValue } from "./jsonText";
import { ByteType, DecimalType, DoubleType, FloatType, IntegerType, LongType, ShortType } from "./numeric";
import { UnknownType, UnparsedDataType, UserDefinedType } from "./opaque";
import { GeographyType, GeometryType } from "./spatial";
import { CharType, StringType, UTF8_BINARY, VarcharType } from "./string";
import { StructField, StructType } from "./struct";

// Spark sends 0 for it and reads nothing from it.
const NO_VARIATION = 0;

/**
 * The data type a Spark Connect `DataType` message describes. The server's defaults fill what
 * the message leaves out (a decimal without precision is `decimal(10,0)`, an empty collation is
 * `UTF8_BINARY`); a message whose kind this client does not know becomes an {@link UnknownType}.
 *
 * @example
 * ```ts
 * dataTypeFromProto({ kind: { $case: "integer", integer: { typeVariationReference: 0 } } }); // IntegerType()
 * ```
 */
export function dataTypeFromProto(proto: ProtoDataType): DataType {
  const kind = proto.kind;
  if (kind === undefined) return new UnknownType();
  switch (kind.$case) {
    case "null":
      return new NullType();
    case "binary":
      return new BinaryType();
    case "boolean":
      return new BooleanType();
    case "byte":
      return new ByteType();
    case "short":
      return new ShortType();
    case "integer":
      return new IntegerType();
    case "long":
      return new LongType();
    case "float":
      return new FloatType();
    case "double":
      return new DoubleType();
    case "decimal":
      return new DecimalType(kind.decimal.precision ?? 10, kind.decimal.scale ?? 0);
    case "string":
      return new StringType(kind.string.collation || UTF8_BINARY);
    case "char":
      return new CharType(kind.char.length);
    case "varChar":
      return new VarcharType(kind.varChar.length);
    case "date":
      return new DateType();
    case "timestamp":
      return new TimestampType();
    case "timestampNtz":
      return new TimestampNTZType();
    case "time":
      return new TimeType(kind.time.precision);
    case "timestampNtzNanos":
      return new TimestampNTZNanosType(kind.timestampNtzNanos.precision);
    case "timestampLtzNanos":
      return new TimestampLTZNanosType(kind.timestampLtzNanos.precision);
    case "calendarInterval":
      return new CalendarIntervalType();
    case "yearMonthInterval":
      return new YearMonthIntervalType(kind.yearMonthInterval.startField, kind.yearMonthInterval.endField);
    case "dayTimeInterval":
      return new DayTimeIntervalType(kind.dayTimeInterval.startField, kind.dayTimeInterval.endField);
    case "array":
      return new ArrayType(child(kind.array.elementType, "array element"), kind.array.containsNull);
    case "map":
      return new MapType(child(kind.map.keyType, "map key"), child(kind.map.valueType, "map value"), kind.map.valueContainsNull);
    case "struct":
      return new StructType(kind.struct.fields.map(fieldFromProto));
    case "variant":
      return new VariantType();
    case "geometry":
      return new GeometryType(kind.geometry.srid);
    case "geography":
      return new GeographyType(kind.geography.srid);
    case "udt":
      return new UserDefinedType({
        jvmClass: kind.udt.jvmClass,
        pythonClass: kind.udt.pythonClass,
        serializedPythonClass: kind.udt.serializedPythonClass,
        sqlType: kind.udt.sqlType && dataTypeFromProto(kind.udt.sqlType),
      });
    case "unparsed":
      return new UnparsedDataType(kind.unparsed.dataTypeString);
    default:
      // A new protocol kind makes this fail to compile; at run time, an old client meets none.
      return unknownKind(kind);
  }
}

/**
 * The schema a Spark Connect `DataType` message describes, or a TypeError if it is not a struct.
 *
 * @example
 * ```ts
 * structTypeFromProto(response.schema).fieldNames(); // ["id", "name"]
 * ```
 */
export function structTypeFromProto(proto: ProtoDataType): StructType {
  const type = dataTypeFromProto(proto);
  if (!(type instanceof StructType)) throw new TypeError(`expected a struct type, got ${type.simpleString()}`);
  return type;
}

function child(proto: ProtoDataType | undefined, what: string): DataType {
  if (proto === undefined) throw new TypeError(`the DataType message has no ${what} type`);
  return dataTypeFromProto(proto);
}

function fieldFromProto(field: ProtoStructField): StructField {
  const metadata: JsonValue = field.metadata ? (JSON.parse(field.metadata) as JsonValue) : {};
  if (!isJsonObject(metadata)) throw new TypeError(`the metadata of field "${field.name}" is not a JSON object`);
  return new StructField(field.name, child(field.dataType, `type for field "${field.name}"`), field.nullable, metadata);
}

/**
 * The Spark Connect `DataType` message for a type, with every optional parameter spelled out and
 * the fields in the shape the protocol decoder produces, so a message the server sent comes back
 * unchanged from `dataTypeToProto(dataTypeFromProto(message))`.
 *
 * @example
 * ```ts
 * dataTypeToProto(new DecimalType(10, 2));
 * // { kind: { $case: "decimal", decimal: { precision: 10, scale: 2, typeVariationReference: 0 } } }
 * ```
 */
export function dataTypeToProto(dataType: DataType): ProtoDataType {
  return { kind: kindOf(dataType as AnyDataType) };
}

function kindOf(type: AnyDataType): ProtoDataType["kind"] {
  const plain = { typeVariationReference: NO_VARIATION };
  switch (type.kind) {
    case "null":
      return { $case: "null", null: plain };
    case "binary":
      return { $case: "binary", binary: plain };
    case "boolean":
      return { $case: "boolean", boolean: plain };
    case "byte":
      return { $case: "byte", byte: plain };
    case "short":
      return { $case: "short", short: plain };
    case "integer":
      return { $case: "integer", integer: plain };
    case "long":
      return { $case: "long", long: plain };
    case "float":
      return { $case: "float", float: plain };
    case "double":
      return { $case: "double", double: plain };
    case "decimal":
      return { $case: "decimal", decimal: { precision: type.precision, scale: type.scale, ...plain } };
    case "string":
      // The server sends the default collation as "", and reads "" as it.
      return { $case: "string", string: { collation: type.isUTF8BinaryCollation() ? "" : type.collation, ...plain } };
    case "char":
      return { $case: "char", char: { length: type.length, ...plain } };
    case "varChar":
      return { $case: "varChar", varChar: { length: type.length, ...plain } };
    case "date":
      return { $case: "date", date: plain };
    case "timestamp":
      return { $case: "timestamp", timestamp: plain };
    case "timestampNtz":
      return { $case: "timestampNtz", timestampNtz: plain };
    case "time":
      return { $case: "time", time: { precision: type.precision, ...plain } };
    case "timestampNtzNanos":
      return { $case: "timestampNtzNanos", timestampNtzNanos: { precision: type.precision, ...plain } };
    case "timestampLtzNanos":
      return { $case: "timestampLtzNanos", timestampLtzNanos: { precision: type.precision, ...plain } };
    case "calendarInterval":
      return { $case: "calendarInterval", calendarInterval: plain };
    case "yearMonthInterval":
      return {
        $case: "yearMonthInterval",
        yearMonthInterval: { startField: type.startField, endField: type.endField, ...plain },
      };
    case "dayTimeInterval":
      return {
        $case: "dayTimeInterval",
        dayTimeInterval: { startField: type.startField, endField: type.endField, ...plain },
      };
    case "array":
      return {
        $case: "array",
        array: { elementType: dataTypeToProto(type.elementType), containsNull: type.containsNull, ...plain },
      };
    case "map":
      return {
        $case: "map",
        map: {
          keyType: dataTypeToProto(type.keyType),
          valueType: dataTypeToProto(type.valueType),
          valueContainsNull: type.valueContainsNull,
          ...plain,
        },
      };
    case "struct":
      return { $case: "struct", struct: { fields: type.fields.map(fieldToProto), ...plain } };
    case "variant":
      return { $case: "variant", variant: plain };
    case "geometry":
      return { $case: "geometry", geometry: { srid: type.srid, ...plain } };
    case "geography":
      return { $case: "geography", geography: { srid: type.srid, ...plain } };
    case "udt":
      return {
        $case: "udt",
        udt: {
          type: "udt",
          jvmClass: type.jvmClass,
          pythonClass: type.pythonClass,
          serializedPythonClass: type.serializedPythonClass,
          sqlType: type.sqlType && dataTypeToProto(type.sqlType),
        },
      };
    case "unparsed":
      return { $case: "unparsed", unparsed: { dataTypeString: type.dataTypeString } };
    case "unknown":
      return undefined;
    default:
      return noProtoFor(type);
  }
}

function fieldToProto(field: StructField): ProtoStructField {
  const hasMetadata = Object.keys(field.metadata).length > 0;
  return {
    name: field.name,
    dataType: dataTypeToProto(field.dataType),
    nullable: field.nullable,
    // Keys stay in the order received, so the server's text comes back as it was (a whole number
    // it wrote as 1.0 aside: JavaScript has no such number).
    metadata: hasMetadata ? JSON.stringify(field.metadata) : undefined,
  };
}

function unknownKind(kind: never): never {
  throw new TypeError(`unknown Spark Connect DataType kind ${String((kind as { $case: unknown }).$case)}`);
}

// Only a DataType subclass from outside this module can get here.
function noProtoFor(type: never): never {
  throw new TypeError(`no Spark Connect DataType for ${String(type)}`);
}
