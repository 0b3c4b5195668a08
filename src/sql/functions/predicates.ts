import type { Column, ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

/** `col1 <=> col2`: equality where two nulls are equal. @example F.equal_null("a", "b") */
export function equal_null(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("equal_null", col1, col2);
}
/** Case-insensitive LIKE (a string `pattern` is a column name, as in PySpark; use `lit`). @example F.ilike("s", F.lit("%a%")) */
export function ilike(str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column {
  return invoke("ilike", str, pattern, ...opt(escapeChar));
}
/** Whether the value is NaN. @example F.isnan("x") */
export function isnan(col: ColumnOrName): Column {
  return invoke("isnan", col);
}
/** Whether the value is not null. @example F.isnotnull("x") */
export function isnotnull(col: ColumnOrName): Column {
  return invoke("isnotnull", col);
}
/** Whether the value is null. @example F.isnull("x") */
export function isnull(col: ColumnOrName): Column {
  return invoke("isnull", col);
}
/** SQL LIKE (a string `pattern` is a column name, as in PySpark; use `lit`). @example F.like("s", F.lit("a%")) */
export function like(str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column {
  return invoke("like", str, pattern, ...opt(escapeChar));
}
/** Whether the regular expression `regexp` matches part of `str`. @example F.regexp("s", F.lit("^a")) */
export function regexp(str: ColumnOrName, regexp: ColumnOrName): Column {
  return invoke("regexp", str, regexp);
}
/** Alias of {@link regexp}. @example F.regexp_like("s", F.lit("^a")) */
export function regexp_like(str: ColumnOrName, regexp: ColumnOrName): Column {
  return invoke("regexp_like", str, regexp);
}
/** Alias of {@link regexp}. @example F.rlike("s", F.lit("^a")) */
export function rlike(str: ColumnOrName, regexp: ColumnOrName): Column {
  return invoke("rlike", str, regexp);
}
/** `NOT col` (PySpark's `~col`). @example F.not(col("done")) */
export function not(col: ColumnOrName): Column {
  return invoke("not", col);
}
