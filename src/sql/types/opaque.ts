import { DataType, checkedDataType, singleton } from "./dataType";
import type { JsonValue } from "./jsonText";

/** What the server says about a user-defined type. */
export interface UserDefinedTypeInfo {
  /** The JVM class of a Scala or Java UDT, e.g. `"org.apache.spark.ml.linalg.VectorUDT"`. */
  readonly jvmClass?: string | undefined;
  /** The Python class of a Python UDT (or the Python twin of a JVM one). */
  readonly pythonClass?: string | undefined;
  /** A Python UDT's class, pickled and base64-encoded. */
  readonly serializedPythonClass?: string | undefined;
  /** The type its values are stored as. */
  readonly sqlType?: DataType | undefined;
}

/**
 * A user-defined type (such as Spark ML's vectors), as the server describes it. This client only
 * carries UDTs: it names them and keeps their storage type, but defines none of its own.
 *
 * @example
 * ```ts
 * const vector = new UserDefinedType({ jvmClass: "org.apache.spark.ml.linalg.VectorUDT", sqlType: someStruct });
 * vector.simpleString(); // "vector"
 * ```
 */
export class UserDefinedType extends DataType {
  readonly jvmClass: string | undefined;
  readonly pythonClass: string | undefined;
  readonly serializedPythonClass: string | undefined;
  readonly sqlType: DataType | undefined;

  constructor(info: UserDefinedTypeInfo) {
    super();
    this.jvmClass = info.jvmClass;
    this.pythonClass = info.pythonClass;
    this.serializedPythonClass = info.serializedPythonClass;
    this.sqlType = info.sqlType === undefined ? undefined : checkedDataType(info.sqlType, "UserDefinedType sqlType");
    Object.freeze(this);
  }
  get kind(): "udt" {
    return "udt";
  }
  /** The class's simple name in lowercase (`"vectorudt"`), as PySpark names a UDT; `"udt"` when no class is known. */
  typeName(): string {
    const className = this.pythonClass ?? this.jvmClass;
    return className ? className.slice(className.lastIndexOf(".") + 1).toLowerCase() : "udt";
  }
  /**
   * The type name without its `UDT` suffix (`"vector"`), as Spark writes a UDT in `df.dtypes`
   * (and as PySpark's own UDTs, such as ML's vectors, write theirs).
   */
  override simpleString(): string {
    return this.typeName().replace(/udt$/, "") || "udt";
  }
  override jsonValue(): JsonValue {
    const json: { [key: string]: JsonValue } = { type: "udt" };
    if (this.jvmClass !== undefined) json["class"] = this.jvmClass;
    if (this.pythonClass !== undefined) json["pyClass"] = this.pythonClass;
    if (this.serializedPythonClass !== undefined) json["serializedClass"] = this.serializedPythonClass;
    if (this.sqlType !== undefined) json["sqlType"] = this.sqlType.jsonValue();
    return json;
  }
  protected override sameParameters(other: this): boolean {
    return (
      this.jvmClass === other.jvmClass &&
      this.pythonClass === other.pythonClass &&
      this.serializedPythonClass === other.serializedPythonClass &&
      (this.sqlType === undefined ? other.sqlType === undefined : this.sqlType.equals(other.sqlType))
    );
  }
  toString(): string {
    return `UserDefinedType(${JSON.stringify(this.jvmClass ?? this.pythonClass ?? "")})`;
  }
}

/**
 * A type given as text, for the server to parse: a type's SQL spelling (`"int"`,
 * `"array<string>"`) or a DDL schema (`"a INT, b STRING"`). PySpark sends one when a type is given
 * as a string.
 *
 * @example
 * ```ts
 * new UnparsedDataType("a INT, b STRING").simpleString(); // "unparsed('a INT, b STRING')"
 * ```
 */
export class UnparsedDataType extends DataType {
  /** The text as given. */
  readonly dataTypeString: string;

  constructor(dataTypeString: string) {
    super();
    if (typeof dataTypeString !== "string") throw new TypeError("UnparsedDataType needs the type as a string");
    this.dataTypeString = dataTypeString;
    Object.freeze(this);
  }
  get kind(): "unparsed" {
    return "unparsed";
  }
  typeName(): string {
    return "unparsed";
  }
  override simpleString(): string {
    return `unparsed(${pythonRepr(this.dataTypeString)})`;
  }
  /** Throws: only the server knows what the text means, so it has no JSON form (as in PySpark). */
  override jsonValue(): never {
    throw new TypeError(`${this.toString()} has no JSON form until the server parses it`);
  }
  protected override sameParameters(other: this): boolean {
    return this.dataTypeString === other.dataTypeString;
  }
  toString(): string {
    return `UnparsedDataType(${JSON.stringify(this.dataTypeString)})`;
  }
}

// The string as Python's repr() writes it, for simpleString to read as PySpark's does.
function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/[\\\n\r\t]/g, (c) => ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!);
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}

/**
 * A type the server sent that this client does not know (a newer server's). It keeps a schema
 * with such a column usable: the column shows as `unknown`.
 *
 * @example
 * ```ts
 * dataTypeFromProto({ kind: undefined }).simpleString(); // "unknown"
 * ```
 */
export class UnknownType extends DataType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "unknown" {
    return "unknown";
  }
  typeName(): string {
    return "unknown";
  }
  toString(): string {
    return "UnknownType()";
  }
}
