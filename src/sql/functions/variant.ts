import { lit, type Column, type ColumnOrName } from "../column";
import { invoke } from "./invoke";

/** Whether the binary is a valid variant encoding. @example F.is_valid_variant("v") */
export function is_valid_variant(v: ColumnOrName): Column {
  return invoke("is_valid_variant", v);
}
/** Whether the variant is a JSON null (not a SQL null). @example F.is_variant_null("v") */
export function is_variant_null(v: ColumnOrName): Column {
  return invoke("is_variant_null", v);
}
/** JSON text as a variant. @example F.parse_json("js") */
export function parse_json(col: ColumnOrName): Column {
  return invoke("parse_json", col);
}
/** The DDL schema of a variant value. @example F.schema_of_variant("v") */
export function schema_of_variant(v: ColumnOrName): Column {
  return invoke("schema_of_variant", v);
}
/** The DDL schema that fits all of the group's variant values. @example F.schema_of_variant_agg("v") */
export function schema_of_variant_agg(v: ColumnOrName): Column {
  return invoke("schema_of_variant_agg", v);
}
/** The value at a path (`$.a[0]`) as `targetType`, an error where it does not cast. @example F.variant_get("v", "$.a", "int") */
export function variant_get(v: ColumnOrName, path: Column | string, targetType: string): Column {
  return invoke("variant_get", v, lit(path), lit(targetType));
}
/** Like {@link variant_get}, null where the value does not cast. @example F.try_variant_get("v", "$.a", "int") */
export function try_variant_get(v: ColumnOrName, path: Column | string, targetType: string): Column {
  return invoke("try_variant_get", v, lit(path), lit(targetType));
}
/** The variant with `value` appended to the array at `path`. @example F.variant_array_append("v", "$.xs", F.lit(1)) */
export function variant_array_append(v: ColumnOrName, path: Column | string, value: ColumnOrName): Column {
  return invoke("variant_array_append", v, lit(path), value);
}
/** Like {@link variant_array_append}, null on failure. @example F.try_variant_array_append("v", "$.xs", F.lit(1)) */
export function try_variant_array_append(v: ColumnOrName, path: Column | string, value: ColumnOrName): Column {
  return invoke("try_variant_array_append", v, lit(path), value);
}
/** The variant without the values at `paths`. @example F.variant_delete("v", "$.a") */
export function variant_delete(v: ColumnOrName, ...paths: (Column | string)[]): Column {
  if (paths.length === 0) throw new RangeError("variant_delete needs at least one path");
  return invoke("variant_delete", v, ...paths.map((p) => lit(p)));
}
/** The variant without JSON nulls in objects (and arrays, if `include_arrays`). @example F.variant_strip_nulls("v") */
export function variant_strip_nulls(v: ColumnOrName, include_arrays = true): Column {
  return invoke("variant_strip_nulls", v, lit(include_arrays));
}
/** The variant with `value` inserted at `path`. @example F.variant_insert("v", "$.b", F.lit(2)) */
export function variant_insert(v: ColumnOrName, path: Column | string, value: ColumnOrName): Column {
  return invoke("variant_insert", v, lit(path), value);
}
/** Like {@link variant_insert}, null on failure. @example F.try_variant_insert("v", "$.b", F.lit(2)) */
export function try_variant_insert(v: ColumnOrName, path: Column | string, value: ColumnOrName): Column {
  return invoke("try_variant_insert", v, lit(path), value);
}
/** The variant with the value at `path` set (created if missing, unless told not to). @example F.variant_set("v", "$.a", F.lit(1)) */
export function variant_set(v: ColumnOrName, path: Column | string, value: ColumnOrName, create_if_missing = true): Column {
  return invoke("variant_set", v, lit(path), value, lit(create_if_missing));
}
/** Like {@link variant_set}, null on failure. @example F.try_variant_set("v", "$.a", F.lit(1)) */
export function try_variant_set(v: ColumnOrName, path: Column | string, value: ColumnOrName, create_if_missing = true): Column {
  return invoke("try_variant_set", v, lit(path), value, lit(create_if_missing));
}
/** Like {@link parse_json}, null where the text is not JSON. @example F.try_parse_json("js") */
export function try_parse_json(col: ColumnOrName): Column {
  return invoke("try_parse_json", col);
}
/** A struct or map as a variant object. @example F.to_variant_object(F.struct("a")) */
export function to_variant_object(col: ColumnOrName): Column {
  return invoke("to_variant_object", col);
}
