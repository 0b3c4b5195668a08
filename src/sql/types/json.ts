import { ArrayType, MapType } from "./collection";
import type { DataType } from "./dataType";
import { isJsonObject, type JsonValue } from "./jsonText";
import { UserDefinedType } from "./opaque";
import { StringType } from "./string";
import { COLLATIONS_METADATA_KEY, StructField, StructType } from "./struct";
import { dataTypeFromName } from "./typeNames";

type JsonObject = { readonly [key: string]: JsonValue };

/** Collation names by path inside one field's type (`name`, `name.element`, `name.value`, ...). */
type Collations = ReadonlyMap<string, string>;

/**
 * The type that a JSON text in Spark's schema format describes, as `schema.json()` writes it in
 * PySpark or Scala.
 *
 * @example
 * ```ts
 * const schema = dataTypeFromJson('{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}}]}');
 * schema.simpleString(); // "struct<a:int>"
 * ```
 */
export function dataTypeFromJson(text: string): DataType {
  return dataTypeFromJsonValue(JSON.parse(text) as JsonValue);
}

/**
 * The type that a parsed JSON value in Spark's schema format describes: what
 * {@link DataType.jsonValue} returns.
 *
 * @example
 * ```ts
 * dataTypeFromJsonValue({ type: "array", elementType: "long", containsNull: false }).simpleString(); // "array<bigint>"
 * ```
 */
export function dataTypeFromJsonValue(json: JsonValue): DataType {
  return parse(json, "", new Map());
}

function parse(json: JsonValue, path: string, collations: Collations): DataType {
  const collation = collations.get(path);
  if (typeof json === "string") {
    if (collation === undefined) return dataTypeFromName(json);
    if (json !== "string") throw new TypeError(`a collation is recorded for "${path}", which is a ${json}, not a string`);
    return new StringType(collation);
  }
  if (!isJsonObject(json)) throw new TypeError(`not a data type in Spark's JSON schema format: ${JSON.stringify(json)}`);
  const type = json["type"];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a type name (a string) in any schema Spark writes
  if (collation !== undefined) throw new TypeError(`a collation is recorded for "${path}", which is a ${String(type)}`);
  const at = (suffix: string) => (path === "" ? suffix : `${path}.${suffix}`);
  switch (type) {
    case "array":
      return new ArrayType(parse(member(json, "elementType"), at("element"), collations), flag(json, "containsNull"));
    case "map":
      return new MapType(
        parse(member(json, "keyType"), at("key"), collations),
        parse(member(json, "valueType"), at("value"), collations),
        flag(json, "valueContainsNull"),
      );
    case "struct":
      return new StructType(array(json, "fields").map(parseField));
    case "udt":
      return new UserDefinedType({
        jvmClass: optionalString(json, "class"),
        pythonClass: optionalString(json, "pyClass"),
        serializedPythonClass: optionalString(json, "serializedClass"),
        sqlType: json["sqlType"] === undefined ? undefined : parse(json["sqlType"], "", new Map()),
      });
    default:
      throw new TypeError(`unknown data type in Spark's JSON schema format: ${JSON.stringify(json)}`);
  }
}

/** A field, with its `__COLLATIONS` metadata turned back into collated string types. */
function parseField(json: JsonValue): StructField {
  if (!isJsonObject(json)) throw new TypeError(`not a struct field in Spark's JSON schema format: ${JSON.stringify(json)}`);
  const name = json["name"];
  if (typeof name !== "string") throw new TypeError(`a struct field needs a name: ${JSON.stringify(json)}`);
  const { [COLLATIONS_METADATA_KEY]: recorded, ...metadata } = isJsonObject(json["metadata"]) ? json["metadata"] : {};
  const nullable = json["nullable"] === undefined ? true : flag(json, "nullable");
  return new StructField(name, parse(member(json, "type"), name, collationsOf(recorded)), nullable, metadata);
}

function collationsOf(recorded: JsonValue | undefined): Collations {
  const collations = new Map<string, string>();
  if (!isJsonObject(recorded)) return collations;
  for (const [path, value] of Object.entries(recorded)) {
    const parts = typeof value === "string" ? value.split(".") : [];
    const [provider, name] = parts;
    if (parts.length !== 2 || !name || !["spark", "icu"].includes(provider.toLowerCase())) {
      throw new TypeError(`"${path}" has collation ${JSON.stringify(value)}; expected "spark.<name>" or "icu.<name>"`);
    }
    collations.set(path, name);
  }
  return collations;
}

function member(json: JsonObject, key: string): JsonValue {
  const value = json[key];
  if (value === undefined) throw new TypeError(`"${key}" is missing from ${JSON.stringify(json)}`);
  return value;
}

function flag(json: JsonObject, key: string): boolean {
  const value = member(json, key);
  if (typeof value !== "boolean") throw new TypeError(`"${key}" must be true or false in ${JSON.stringify(json)}`);
  return value;
}

function array(json: JsonObject, key: string): readonly JsonValue[] {
  const value = member(json, key);
  if (!Array.isArray(value)) throw new TypeError(`"${key}" must be a list in ${JSON.stringify(json)}`);
  return value as readonly JsonValue[];
}

function optionalString(json: JsonObject, key: string): string | undefined {
  const value = json[key];
  return typeof value === "string" ? value : undefined;
}
