// Spark schemas as TypeScript source text: the types of the JS values this client's actions give
// (the README's "Spark types as JS values" table, as src/arrow decodes them), for `spark.sql<T>()`
// and for the `types` command of the kernel package's CLI.
import type { AnyDataType } from "./anyDataType";
import type { DataType } from "./dataType";
import type { StructField, StructType } from "./struct";

/** How {@link rowInterface} writes the interface. */
export interface RowInterfaceOptions {
  /** Writes `export interface` rather than `interface`. */
  readonly exported?: boolean;
  /**
   * Begins with `import type { ... } from "<importFrom>";` for the classes of this package the
   * interface names (`LocalDate`, `Timestamp`, `VariantValue`, ...), when it names any.
   */
  readonly importFrom?: string;
}

/**
 * The TypeScript source of an interface for the rows of `schema`, as `collect()` gives them: one
 * property per column, typed as the README's "Spark types as JS values" table says (`bigint` for a
 * `bigint` column, `string` for a decimal, `LocalDate` for a date, ...), `| null` when the column is
 * nullable, names that are not identifiers quoted, structs as nested object types, arrays as `T[]`
 * and maps as `Map<K, V>`. A column's `comment` becomes its doc comment. When a name repeats, the
 * property is the first column's, as on a `Row`.
 *
 * @throws TypeError when `name` cannot name an interface.
 *
 * @example
 * ```ts
 * rowInterface(await spark.table("sales").schema, "Sales", { exported: true, importFrom: "spark-ts" });
 * // import type { LocalDate } from "spark-ts";
 * //
 * // export interface Sales {
 * //   region: string | null;
 * //   day: LocalDate;
 * //   total: string | null;
 * // }
 * ```
 */
export function rowInterface(schema: StructType, name: string, options: RowInterfaceOptions = {}): string {
  if (!isInterfaceName(name)) throw new TypeError(`${JSON.stringify(name)} cannot name a TypeScript interface`);
  const classes = new Set<string>();
  // An interface's body is braces, even empty ones (a nested empty struct is a Record<string, never>).
  const body = schema.fields.length === 0 ? "{}" : objectType(schema.fields, { classes, qualifier: "" }, "");
  const declaration = `${options.exported ? "export " : ""}interface ${name} ${body}`;
  if (options.importFrom === undefined || classes.size === 0) return declaration;
  const names = [...classes].sort();
  return `import type { ${names.join(", ")} } from ${JSON.stringify(options.importFrom)};\n\n${declaration}`;
}

/** How {@link typeScriptType} writes a type. */
export interface TypeScriptTypeOptions {
  /**
   * Names this package's classes as `import("<importFrom>").LocalDate` rather than `LocalDate`,
   * for text that is pasted where nothing imports them (a declaration file, a generated cell).
   */
  readonly importFrom?: string;
}

/**
 * The TypeScript type of the JS values of a Spark type, on one line, without `| null` for the
 * value itself (nested elements, values and fields that may be null have theirs). For a schema,
 * the object type of its rows, ready for `spark.sql<...>()`.
 *
 * @example
 * ```ts
 * typeScriptType(new LongType()); // "bigint"
 * typeScriptType(new ArrayType(new DecimalType(10, 2))); // "(string | null)[]"
 * typeScriptType(new StructType().add("id", new LongType(), false).add("tags", new MapType(new StringType(), new DateType())));
 * // "{ id: bigint; tags: Map<string, LocalDate | null> | null }"
 * typeScriptType(new DateType(), { importFrom: "spark-ts" }); // 'import("spark-ts").LocalDate'
 * ```
 */
export function typeScriptType(type: DataType, options: TypeScriptTypeOptions = {}): string {
  const qualifier = options.importFrom === undefined ? "" : `import(${JSON.stringify(options.importFrom)}).`;
  return valueType(type, { classes: new Set(), qualifier }, undefined);
}

/** The names of this package's classes a type text uses, and what is written before each. */
interface ClassNames {
  readonly classes: Set<string>;
  readonly qualifier: string;
}

/**
 * The type text of a value of `type`. `names` collects the names of this package's classes it
 * uses; `indent` is the indentation of the line an object type starts on, or `undefined` for one line.
 */
function valueType(type: DataType, names: ClassNames, indent: string | undefined): string {
  const known = type as AnyDataType;
  const named = (className: string) => (names.classes.add(className), names.qualifier + className);
  switch (known.kind) {
    case "null":
      return "null";
    case "boolean":
      return "boolean";
    case "byte":
    case "short":
    case "integer":
    case "float":
    case "double":
      return "number";
    case "long":
      return "bigint";
    case "decimal":
    case "string":
    case "char":
    case "varChar":
      return "string";
    case "binary":
      return "Uint8Array";
    case "date":
      return named("LocalDate");
    case "timestamp":
    case "timestampLtzNanos":
      return named("Timestamp");
    case "timestampNtz":
    case "timestampNtzNanos":
      return named("LocalDateTime");
    case "time":
      return named("LocalTime");
    case "dayTimeInterval":
      return named("DayTimeInterval");
    case "yearMonthInterval":
      return named("YearMonthInterval");
    case "calendarInterval":
      return named("CalendarInterval");
    case "variant":
      return named("VariantValue");
    case "geometry":
    case "geography":
      return "{ srid: number; wkb: Uint8Array }";
    case "array":
      return arrayType(valueType(known.elementType, names, indent), known.containsNull);
    case "map":
      return `Map<${valueType(known.keyType, names, indent)}, ${orNull(valueType(known.valueType, names, indent), known.valueContainsNull)}>`;
    case "struct":
      return objectType(known.fields, names, indent);
    case "udt":
      // A UDT's values come as the values of the type they are stored as.
      return known.sqlType ? valueType(known.sqlType, names, indent) : named("SparkValue");
    case "unparsed":
    case "unknown":
      return named("SparkValue");
  }
}

function orNull(text: string, nullable: boolean): string {
  return nullable && text !== "null" ? `${text} | null` : text;
}

// A value's type text is never a union but for the `| null` added here (object types, maps and
// arrays hold theirs inside brackets), so that union is the only one to group.
function arrayType(element: string, containsNull: boolean): string {
  return containsNull && element !== "null" ? `(${element} | null)[]` : `${element}[]`;
}

/** An object type with a property per field (the first of a repeated name), on one line or indented. */
function objectType(fields: readonly StructField[], names: ClassNames, indent: string | undefined): string {
  const seen = new Set<string>();
  const kept = fields.filter((field) => !seen.has(field.name) && seen.add(field.name));
  if (kept.length === 0) return "Record<string, never>";
  if (indent === undefined) {
    const properties = kept.map(
      (field) => `${propertyName(field.name)}: ${orNull(valueType(field.dataType, names, undefined), field.nullable)}`,
    );
    return `{ ${properties.join("; ")} }`;
  }
  const inner = `${indent}  `;
  const lines = kept.flatMap((field) => {
    const comment = field.metadata["comment"];
    const doc =
      typeof comment === "string" && comment !== "" ? [`${inner}/** ${comment.replace(/\*\//g, "*\\/").replace(/\r?\n/g, " ")} */`] : [];
    const repeats = fields.filter((other) => other.name === field.name).length;
    const note = repeats > 1 ? [`${inner}// ${JSON.stringify(field.name)} names ${repeats} columns: the property is the first's`] : [];
    return [...doc, ...note, `${inner}${propertyName(field.name)}: ${orNull(valueType(field.dataType, names, inner), field.nullable)};`];
  });
  return `{\n${lines.join("\n")}\n${indent}}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function propertyName(name: string): string {
  return IDENTIFIER.test(name) && name !== "__proto__" ? name : JSON.stringify(name);
}

// Words that cannot name an interface: JavaScript's reserved words and TypeScript's type names.
const NOT_INTERFACE_NAMES = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with implements interface let " +
    "package private protected public static yield any bigint boolean never number object string symbol undefined unknown"
  ).split(" "),
);

function isInterfaceName(name: string): boolean {
  return IDENTIFIER.test(name) && !NOT_INTERFACE_NAMES.has(name);
}
