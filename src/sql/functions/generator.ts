import type { Column, ColumnOrName } from "../column";
import { invoke } from "./invoke";

/** One row per array element (column `col`) or map entry (`key`, `value`). @example df.select(F.explode("xs")) */
export function explode(col: ColumnOrName): Column {
  return invoke("explode", col);
}
/** Like {@link explode}, with a row of nulls for a null or empty collection. @example F.explode_outer("xs") */
export function explode_outer(col: ColumnOrName): Column {
  return invoke("explode_outer", col);
}
/** One row per struct of an array, its fields as columns. @example F.inline("structs") */
export function inline(col: ColumnOrName): Column {
  return invoke("inline", col);
}
/** Like {@link inline}, with a row of nulls for a null or empty array. @example F.inline_outer("structs") */
export function inline_outer(col: ColumnOrName): Column {
  return invoke("inline_outer", col);
}
/** Like {@link explode}, with the position (`pos`) too. @example F.posexplode("xs") */
export function posexplode(col: ColumnOrName): Column {
  return invoke("posexplode", col);
}
/** Like {@link posexplode}, with a row of nulls for a null or empty collection. @example F.posexplode_outer("xs") */
export function posexplode_outer(col: ColumnOrName): Column {
  return invoke("posexplode_outer", col);
}
/** The values after the first argument (the row count `n`) spread over `n` rows. @example F.stack(F.lit(2), "a", "b") */
export function stack(...cols: ColumnOrName[]): Column {
  return invoke("stack", ...cols);
}
