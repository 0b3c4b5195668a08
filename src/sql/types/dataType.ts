import { canonicalJson, type JsonValue } from "./jsonText";

/**
 * Which Spark type a {@link DataType} is. The names are the cases of the Spark Connect protocol's
 * `DataType.kind`, plus `"unknown"` for a kind this client does not know yet.
 */
export type DataTypeKind =
  | "null"
  | "binary"
  | "boolean"
  | "byte"
  | "short"
  | "integer"
  | "long"
  | "float"
  | "double"
  | "decimal"
  | "string"
  | "char"
  | "varChar"
  | "date"
  | "timestamp"
  | "timestampNtz"
  | "time"
  | "timestampNtzNanos"
  | "timestampLtzNanos"
  | "calendarInterval"
  | "yearMonthInterval"
  | "dayTimeInterval"
  | "array"
  | "struct"
  | "map"
  | "variant"
  | "geometry"
  | "geography"
  | "udt"
  | "unparsed"
  | "unknown";

/**
 * The base of every Spark SQL data type. Types are immutable values: compare them with
 * {@link DataType.equals}, not `===` (only the types without parameters are shared instances).
 *
 * @example
 * ```ts
 * const t = new ArrayType(new IntegerType());
 * t.simpleString();                          // "array<int>"
 * t.json();                                  // '{"containsNull":true,"elementType":"integer","type":"array"}'
 * t.equals(new ArrayType(new IntegerType())); // true
 * ```
 */
export abstract class DataType {
  /**
   * Which type this is, as a literal: it tells the classes apart for TypeScript (which compares
   * classes by shape) and lets a `switch` over {@link AnyDataType} be checked for exhaustiveness.
   */
  abstract get kind(): DataTypeKind;

  /** The type's family name as PySpark spells it, without parameters: `"integer"`, `"decimal"`, `"struct"`. */
  abstract typeName(): string;

  /** The type as Spark writes it in SQL and in `df.dtypes`: `"int"`, `"decimal(10,2)"`, `"array<string>"`. */
  simpleString(): string {
    return this.typeName();
  }

  /** The type in Spark's JSON schema format, as a JSON value (a string for most types, an object for nested ones). */
  jsonValue(): JsonValue {
    return this.typeName();
  }

  /** The type in Spark's JSON schema format, written as PySpark writes it: compact, keys sorted, ASCII only. */
  json(): string {
    return canonicalJson(this.jsonValue());
  }

  /** Whether `other` is the same Spark type with the same parameters (nullability and metadata included). */
  equals(other: unknown): boolean {
    return other instanceof DataType && other.constructor === this.constructor && this.sameParameters(other as this);
  }

  /** Compares the parameters of two instances of the same class; the types without parameters have none. */
  protected sameParameters(_other: this): boolean {
    return true;
  }

  /** Reads like the TypeScript that builds the type, without `new` (as PySpark's `repr`): `"DecimalType(10,2)"`. */
  abstract toString(): string;
}

// Node's console.log and the REPL then show `IntegerType()` instead of an empty object. A symbol
// key added here, rather than a class member, keeps it out of the declarations.
Object.defineProperty(DataType.prototype, Symbol.for("nodejs.util.inspect.custom"), {
  value(this: DataType) {
    return this.toString();
  },
});

/** Every type that is not null, nested, a UDT or a calendar interval, as in PySpark. */
export abstract class AtomicType extends DataType {}

const shared = new Map<object, DataType>();

/**
 * The one instance of a type without parameters, as PySpark's singleton types: a constructor
 * returns what this returns, so `new IntegerType() === new IntegerType()`.
 */
export function singleton<T extends DataType>(type: T): T {
  const existing = shared.get(type.constructor);
  if (existing) return existing as T;
  Object.freeze(type);
  shared.set(type.constructor, type);
  return type;
}

/** A DataType, or a TypeError naming `what`: JavaScript callers get no help from the compiler. */
export function checkedDataType<T extends DataType>(value: T, what: string): T {
  if (!(value instanceof DataType)) throw new TypeError(`${what} must be a DataType, got ${describe(value)}`);
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return value.constructor?.name ?? "object";
}
