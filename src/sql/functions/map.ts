import { lit, type Column, type ColumnOrLiteral, type ColumnOrName } from "../column";
import { invoke, spreadOrList } from "./invoke";

/** A map from alternating keys and values (given as arguments or as one array). @example F.create_map(F.lit("a"), "x") */
export function create_map(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): Column {
  return invoke("map", ...spreadOrList<ColumnOrName>(cols));
}
/** The maps merged. @example F.map_concat("m1", "m2") */
export function map_concat(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): Column {
  return invoke("map_concat", ...spreadOrList<ColumnOrName>(cols));
}
/** Whether the map has key `value`. @example F.map_contains_key("m", "a") */
export function map_contains_key(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return invoke("map_contains_key", col, lit(value));
}
/** The map as an array of key-value structs. @example F.map_entries("m") */
export function map_entries(col: ColumnOrName): Column {
  return invoke("map_entries", col);
}
/** A map from an array of keys and an array of values. @example F.map_from_arrays("ks", "vs") */
export function map_from_arrays(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("map_from_arrays", col1, col2);
}
/** A map from an array of key-value structs. @example F.map_from_entries("es") */
export function map_from_entries(col: ColumnOrName): Column {
  return invoke("map_from_entries", col);
}
/** The keys, as an array. @example F.map_keys("m") */
export function map_keys(col: ColumnOrName): Column {
  return invoke("map_keys", col);
}
/** The values, as an array. @example F.map_values("m") */
export function map_values(col: ColumnOrName): Column {
  return invoke("map_values", col);
}
/** A map from text split into pairs at `pairDelim` (",") and into key and value at `keyValueDelim` (":"). @example F.str_to_map("s") */
export function str_to_map(text: ColumnOrName, pairDelim?: ColumnOrName, keyValueDelim?: ColumnOrName): Column {
  return invoke("str_to_map", text, pairDelim ?? lit(","), keyValueDelim ?? lit(":"));
}
