import { lit, type Column, type ColumnOrLiteral, type ColumnOrName } from "../column";
import { invoke } from "./invoke";

/** The number of elements of an array or map. @example F.cardinality("xs") */
export function cardinality(col: ColumnOrName): Column {
  return invoke("cardinality", col);
}
/** Strings, binaries or arrays concatenated. @example F.concat("a", "b") */
export function concat(...cols: ColumnOrName[]): Column {
  return invoke("concat", ...cols);
}
/** The array element at 1-based `extraction` (negative from the end), or the map value for key `extraction`. @example F.element_at("xs", 1) */
export function element_at(col: ColumnOrName, extraction: ColumnOrLiteral): Column {
  return invoke("element_at", col, lit(extraction));
}
/** A reversed string or array. @example F.reverse("s") */
export function reverse(col: ColumnOrName): Column {
  return invoke("reverse", col);
}
/** The number of elements of an array or map (-1 for null by default). @example F.size("xs") */
export function size(col: ColumnOrName): Column {
  return invoke("size", col);
}
/** Like {@link element_at}, null for an index out of range (a string is a column name). @example F.try_element_at("xs", F.lit(5)) */
export function try_element_at(col: ColumnOrName, extraction: ColumnOrName): Column {
  return invoke("try_element_at", col, extraction);
}
