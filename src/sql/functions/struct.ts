import type { Column, ColumnOrName } from "../column";
import { invoke, spreadOrList } from "./invoke";

/** A struct from alternating field names and values. @example F.named_struct(F.lit("a"), "x", F.lit("b"), "y") */
export function named_struct(...cols: ColumnOrName[]): Column {
  return invoke("named_struct", ...cols);
}
/** A struct of the columns (given as arguments or as one array), fields named after them. @example F.struct("a", "b") */
export function struct(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): Column {
  return invoke("struct", ...spreadOrList<ColumnOrName>(cols));
}
