import { lit, type Column, type ColumnOrLiteral, type ColumnOrName } from "../column";
import { invoke, litIfNumber, opt, randomSeed, spreadOrList } from "./invoke";

/** An array of the columns' values (given as arguments or as one array). @example F.array("a", "b") */
export function array(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): Column {
  return invoke("array", ...spreadOrList<ColumnOrName>(cols));
}
/** The array with `value` appended. @example F.array_append("xs", 4) */
export function array_append(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return invoke("array_append", col, lit(value));
}
/** The array without nulls. @example F.array_compact("xs") */
export function array_compact(col: ColumnOrName): Column {
  return invoke("array_compact", col);
}
/** Whether the array contains `value`. @example F.array_contains("xs", 1) */
export function array_contains(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return invoke("array_contains", col, lit(value));
}
/** The array without duplicates. @example F.array_distinct("xs") */
export function array_distinct(col: ColumnOrName): Column {
  return invoke("array_distinct", col);
}
/** The elements of `col1` not in `col2`, without duplicates. @example F.array_except("a", "b") */
export function array_except(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("array_except", col1, col2);
}
/** The array with `value` inserted at 1-based `pos` (negative from the end). @example F.array_insert("xs", 1, 0) */
export function array_insert(arr: ColumnOrName, pos: ColumnOrName | number, value: ColumnOrLiteral): Column {
  return invoke("array_insert", arr, litIfNumber(pos), lit(value));
}
/** The elements in both arrays, without duplicates. @example F.array_intersect("a", "b") */
export function array_intersect(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("array_intersect", col1, col2);
}
/** The elements joined by `delimiter` (nulls skipped, or shown as `null_replacement`). @example F.array_join("xs", ",") */
export function array_join(col: ColumnOrName, delimiter: string, null_replacement?: string): Column {
  return invoke("array_join", col, lit(delimiter), ...opt(null_replacement === undefined ? undefined : lit(null_replacement)));
}
/** The largest element. @example F.array_max("xs") */
export function array_max(col: ColumnOrName): Column {
  return invoke("array_max", col);
}
/** The smallest element. @example F.array_min("xs") */
export function array_min(col: ColumnOrName): Column {
  return invoke("array_min", col);
}
/** The 1-based position of the first `value` (0 if absent). @example F.array_position("xs", 3) */
export function array_position(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return invoke("array_position", col, lit(value));
}
/** The array with `value` prepended. @example F.array_prepend("xs", 0) */
export function array_prepend(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return invoke("array_prepend", col, lit(value));
}
/** The array without any `element`. @example F.array_remove("xs", 1) */
export function array_remove(col: ColumnOrName, element: ColumnOrLiteral): Column {
  return invoke("array_remove", col, lit(element));
}
/** An array of `count` copies of the value. @example F.array_repeat("x", 3) */
export function array_repeat(col: ColumnOrName, count: ColumnOrName | number): Column {
  return invoke("array_repeat", col, litIfNumber(count));
}
/** The number of elements. @example F.array_size("xs") */
export function array_size(col: ColumnOrName): Column {
  return invoke("array_size", col);
}
/** The elements of either array, without duplicates. @example F.array_union("a", "b") */
export function array_union(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("array_union", col1, col2);
}
/** Whether the arrays share a non-null element. @example F.arrays_overlap("a", "b") */
export function arrays_overlap(a1: ColumnOrName, a2: ColumnOrName): Column {
  return invoke("arrays_overlap", a1, a2);
}
/** The arrays zipped into one array of structs. @example F.arrays_zip("a", "b") */
export function arrays_zip(...cols: ColumnOrName[]): Column {
  return invoke("arrays_zip", ...cols);
}
/** An array of arrays flattened by one level. @example F.flatten("xss") */
export function flatten(col: ColumnOrName): Column {
  return invoke("flatten", col);
}
/** The element at 0-based `index`, null out of range. @example F.get("xs", 0) */
export function get(col: ColumnOrName, index: ColumnOrName | number): Column {
  return invoke("get", col, litIfNumber(index));
}
/** The numbers (or dates) from `start` to `stop` by `step`. @example F.sequence(F.lit(1), F.lit(5)) */
export function sequence(start: ColumnOrName, stop: ColumnOrName, step?: ColumnOrName): Column {
  return invoke("sequence", start, stop, ...opt(step));
}
/** The array in random order. @example F.shuffle("xs", 42) */
export function shuffle(col: ColumnOrName, seed?: Column | number): Column {
  return invoke("shuffle", col, seed === undefined ? randomSeed() : lit(seed));
}
/** `length` elements from 1-based `start` (negative from the end). @example F.slice("xs", 2, 3) */
export function slice(x: ColumnOrName, start: ColumnOrName | number, length: ColumnOrName | number): Column {
  return invoke("slice", x, litIfNumber(start), litIfNumber(length));
}
/** The array sorted (ascending puts nulls first, descending last). @example F.sort_array("xs", false) */
export function sort_array(col: ColumnOrName, asc = true): Column {
  return invoke("sort_array", col, lit(asc));
}
