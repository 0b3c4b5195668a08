import { lit, type Column, type ColumnOrName } from "../column";
import { DataType } from "../types";
import { invoke, withOptions, type FormatOptions } from "./invoke";

/** JSON text parsed into a value of `schema` (a DataType, a DDL string, or a Column). @example F.from_json("js", "a INT, b STRING") */
export function from_json(col: ColumnOrName, schema: DataType | Column | string, options?: FormatOptions): Column {
  return invoke("from_json", col, lit(schema instanceof DataType ? schema.json() : schema), ...withOptions(options));
}
/** The value at a JSONPath (`$.a.b`) of JSON text, as a string. @example F.get_json_object("js", "$.a") */
export function get_json_object(col: ColumnOrName, path: string): Column {
  return invoke("get_json_object", col, lit(path));
}
/** The length of the outermost JSON array. @example F.json_array_length("js") */
export function json_array_length(col: ColumnOrName): Column {
  return invoke("json_array_length", col);
}
/** The keys of the outermost JSON object. @example F.json_object_keys("js") */
export function json_object_keys(col: ColumnOrName): Column {
  return invoke("json_object_keys", col);
}
/** The named fields of JSON text, one column each (`c0`, `c1`, ...). @example F.json_tuple("js", "a", "b") */
export function json_tuple(col: ColumnOrName, ...fields: string[]): Column {
  if (fields.length === 0) throw new RangeError("json_tuple needs at least one field");
  return invoke("json_tuple", col, ...fields.map((f) => lit(f)));
}
/** The DDL schema Spark infers from JSON text. @example F.schema_of_json('{"a": 1}') */
export function schema_of_json(json: Column | string, options?: FormatOptions): Column {
  return invoke("schema_of_json", lit(json), ...withOptions(options));
}
/** A struct, array, map or variant as JSON text. @example F.to_json(F.struct("a", "b")) */
export function to_json(col: ColumnOrName, options?: FormatOptions): Column {
  return invoke("to_json", col, ...withOptions(options));
}
