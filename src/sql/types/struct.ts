import { ArrayType, MapType } from "./collection";
import { DataType, checkedDataType } from "./dataType";
import { canonicalJson, frozenJsonCopy, jsonEquals, type JsonValue } from "./jsonText";
import { StringType } from "./string";
import { dataTypeFromName } from "./typeNames";
import { checkedWholeNumber } from "../validation";

/** A field's metadata: JSON, as Spark keeps it (e.g. `{ comment: "..." }`). */
export type FieldMetadata = { readonly [key: string]: JsonValue };

/** The metadata key under which Spark's JSON records the collations of a field's strings. */
export const COLLATIONS_METADATA_KEY = "__COLLATIONS";

/**
 * One named column of a {@link StructType}: its type, whether it may be null (by default it may),
 * and its metadata.
 *
 * @example
 * ```ts
 * const f = new StructField("age", new IntegerType(), false);
 * f.simpleString(); // "age:int"
 * ```
 */
export class StructField {
  /** The field's name. */
  readonly name: string;
  /** The field's type. */
  readonly dataType: DataType;
  /** Whether the field may be null. */
  readonly nullable: boolean;
  /** The field's metadata (a frozen copy of what was given). */
  readonly metadata: FieldMetadata;

  constructor(name: string, dataType: DataType, nullable = true, metadata: FieldMetadata = {}) {
    if (typeof name !== "string") throw new TypeError(`a StructField name must be a string, got ${typeof name}`);
    this.name = name;
    this.dataType = checkedDataType(dataType, `StructField "${name}" dataType`);
    this.nullable = Boolean(nullable);
    this.metadata = frozenJsonCopy(metadata ?? {});
    Object.freeze(this);
  }

  /** `name:type`, as inside a struct's simple string. */
  simpleString(): string {
    return `${this.name}:${this.dataType.simpleString()}`;
  }

  /**
   * The field in Spark's JSON schema format. As Spark does, the collations of the field's strings
   * (outside nested structs, which hold their own) move to the metadata key `__COLLATIONS`, so that
   * readers that know no collations still see plain strings.
   */
  jsonValue(): JsonValue {
    const collations = collationsOf(this.dataType, this.name);
    const hasCollations = Object.keys(collations).length > 0;
    return {
      name: this.name,
      type: hasCollations ? withoutCollations(this.dataType).jsonValue() : this.dataType.jsonValue(),
      nullable: this.nullable,
      metadata: hasCollations ? { ...this.metadata, [COLLATIONS_METADATA_KEY]: collations } : this.metadata,
    };
  }

  /** {@link StructField.jsonValue} as JSON text, written as PySpark writes it. */
  json(): string {
    return canonicalJson(this.jsonValue());
  }

  /** Whether `other` is a field with the same name, type, nullability and metadata. */
  equals(other: unknown): boolean {
    return (
      other instanceof StructField &&
      this.name === other.name &&
      this.nullable === other.nullable &&
      this.dataType.equals(other.dataType) &&
      jsonEquals(this.metadata, other.metadata)
    );
  }

  /** Reads like the TypeScript that builds the field, without `new`. */
  toString(): string {
    return `StructField(${JSON.stringify(this.name)}, ${this.dataType.toString()}, ${this.nullable})`;
  }
}

Object.defineProperty(StructField.prototype, Symbol.for("nodejs.util.inspect.custom"), {
  value(this: StructField) {
    return this.toString();
  },
});

/** The collated strings in a field's type, by path (`name`, `name.element`, `name.key`, ...). */
function collationsOf(type: DataType, path: string, found: Record<string, string> = {}): Record<string, string> {
  if (type instanceof StringType && !type.isUTF8BinaryCollation()) {
    found[path] = `${collationProvider(type.collation)}.${type.collation}`;
  } else if (type instanceof ArrayType) {
    collationsOf(type.elementType, `${path}.element`, found);
  } else if (type instanceof MapType) {
    collationsOf(type.keyType, `${path}.key`, found);
    collationsOf(type.valueType, `${path}.value`, found);
  }
  return found;
}

// Spark's own collations are the UTF8_* ones; the rest come from ICU. PySpark decides the same way.
function collationProvider(collation: string): string {
  return collation.startsWith("UTF8") ? "spark" : "icu";
}

function withoutCollations(type: DataType): DataType {
  if (type instanceof StringType) return new StringType();
  if (type instanceof ArrayType) return new ArrayType(withoutCollations(type.elementType), type.containsNull);
  if (type instanceof MapType) {
    return new MapType(withoutCollations(type.keyType), withoutCollations(type.valueType), type.valueContainsNull);
  }
  return type;
}

/**
 * A row's type: an ordered list of {@link StructField}s. Immutable: {@link StructType.add} returns a
 * new struct.
 *
 * @example
 * ```ts
 * const schema = new StructType()
 *   .add("name", new StringType())
 *   .add("age", new IntegerType(), false);
 * schema.simpleString();           // "struct<name:string,age:int>"
 * schema.fieldNames();             // ["name", "age"]
 * schema.get("age").nullable;      // false
 * ```
 */
export class StructType extends DataType {
  /** The fields, in order (a frozen copy of what was given). */
  readonly fields: readonly StructField[];

  constructor(fields: readonly StructField[] = []) {
    super();
    for (const field of fields) {
      if (!(field instanceof StructField)) throw new TypeError("StructType fields must be StructFields");
    }
    this.fields = Object.freeze([...fields]);
    Object.freeze(this);
  }

  get kind(): "struct" {
    return "struct";
  }

  typeName(): string {
    return "struct";
  }

  /** The number of fields. */
  get length(): number {
    return this.fields.length;
  }

  /** The fields, in order. */
  [Symbol.iterator](): Iterator<StructField> {
    return this.fields[Symbol.iterator]();
  }

  /** The field names, in order. */
  fieldNames(): string[] {
    return this.fields.map((field) => field.name);
  }

  /**
   * A new struct with one more field at the end: a {@link StructField}, or its parts. A type may be
   * given by its name in Spark's JSON format (`"integer"`, `"string"`, `"decimal(10,2)"`), as in
   * PySpark.
   *
   * @example
   * ```ts
   * new StructType().add("id", new LongType(), false).add("tag", "string");
   * ```
   */
  add(field: StructField): StructType;
  add(name: string, dataType: DataType | string, nullable?: boolean, metadata?: FieldMetadata): StructType;
  add(field: StructField | string, dataType?: DataType | string, nullable = true, metadata: FieldMetadata = {}): StructType {
    if (field instanceof StructField) return new StructType([...this.fields, field]);
    if (dataType === undefined) throw new TypeError(`add("${field}", ...) needs the field's data type`);
    const type = typeof dataType === "string" ? dataTypeFromName(dataType) : dataType;
    return new StructType([...this.fields, new StructField(field, type, nullable, metadata)]);
  }

  /**
   * The field with this name (the first, if several have it), or at this position (negative counts
   * from the end). A RangeError if there is none, as PySpark's `schema["name"]` fails.
   */
  get(key: string | number): StructField {
    if (typeof key === "number") {
      checkedWholeNumber(key, "StructType field index", { min: -this.fields.length, max: this.fields.length - 1 });
      return this.fields.at(key)!;
    }
    const field = this.fields.find((candidate) => candidate.name === key);
    if (!field) throw new RangeError(`StructType has no field "${key}"; it has ${JSON.stringify(this.fieldNames())}`);
    return field;
  }

  override simpleString(): string {
    return `struct<${this.fields.map((field) => field.simpleString()).join(",")}>`;
  }

  override jsonValue(): JsonValue {
    return { type: "struct", fields: this.fields.map((field) => field.jsonValue()) };
  }

  protected override sameParameters(other: this): boolean {
    return this.fields.length === other.fields.length && this.fields.every((field, i) => field.equals(other.fields[i]));
  }

  toString(): string {
    return `StructType([${this.fields.map((field) => field.toString()).join(", ")}])`;
  }
}

/**
 * `[name, type]` pairs of a struct's fields, the type as its simple string: what PySpark's
 * `df.dtypes` returns for a DataFrame with this schema.
 *
 * @example
 * ```ts
 * dtypes(new StructType().add("id", new LongType()).add("tags", new ArrayType(new StringType())));
 * // [["id", "bigint"], ["tags", "array<string>"]]
 * ```
 */
export function dtypes(schema: StructType): [string, string][] {
  return schema.fields.map((field) => [field.name, field.dataType.simpleString()]);
}
