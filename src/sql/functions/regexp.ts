import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, litIfNumber, opt } from "./invoke";

const optIndex = (idx: number | Column | undefined): Column[] => opt(idx === undefined ? undefined : lit(idx));

/** How many times `regexp` matches in `str`. @example F.regexp_count("s", F.lit("\\d+")) */
export function regexp_count(str: ColumnOrName, regexp: ColumnOrName): Column {
  return invoke("regexp_count", str, regexp);
}
/** Group `idx` of the first match of `pattern` ("" if none). @example F.regexp_extract("s", "(\\d+)", 1) */
export function regexp_extract(str: ColumnOrName, pattern: string, idx: number): Column {
  return invoke("regexp_extract", str, lit(pattern), lit(idx));
}
/** Group `idx` of every match of `regexp`, as an array. @example F.regexp_extract_all("s", F.lit("(\\d+)"), 1) */
export function regexp_extract_all(str: ColumnOrName, regexp: ColumnOrName, idx?: number | Column): Column {
  return invoke("regexp_extract_all", str, regexp, ...optIndex(idx));
}
/** 1-based position of the first match of `regexp` (0 if none). @example F.regexp_instr("s", F.lit("\\d")) */
export function regexp_instr(str: ColumnOrName, regexp: ColumnOrName, idx?: number | Column): Column {
  return invoke("regexp_instr", str, regexp, ...optIndex(idx));
}
/** Every match of `pattern` replaced by `replacement` (`$1` refers to a group), from 1-based `position`. @example F.regexp_replace("s", "\\d", "#") */
export function regexp_replace(
  string: ColumnOrName,
  pattern: string | Column,
  replacement: string | Column,
  position?: number | Column,
): Column {
  return invoke("regexp_replace", string, lit(pattern), lit(replacement), ...optIndex(position));
}
/** The first match of `regexp`, null if none. @example F.regexp_substr("s", F.lit("\\d+")) */
export function regexp_substr(str: ColumnOrName, regexp: ColumnOrName): Column {
  return invoke("regexp_substr", str, regexp);
}
/** The string split around matches of `pattern`, into at most `limit` parts (-1: no limit). @example F.split("s", ",") */
export function split(str: ColumnOrName, pattern: Column | string, limit: ColumnOrName | number = -1): Column {
  return invoke("split", str, lit(pattern), litIfNumber(limit));
}
