import { lit, type Column, type ColumnOrLiteral, type ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

/** The increase of a monotonic counter since the previous row, resets handled (from `startTime`). @example F.counter_diff("value") */
export function counter_diff(value: ColumnOrName, startTime?: ColumnOrName): Column {
  return invoke("counter_diff", value, ...opt(startTime));
}
/** The fraction of the partition's rows at or before this one. @example F.cume_dist().over(w) */
export function cume_dist(): Column {
  return invoke("cume_dist");
}
/** Rank without gaps after ties. @example F.dense_rank().over(w) */
export function dense_rank(): Column {
  return invoke("dense_rank");
}
/** The value `offset` rows before (`default` when there is none). @example F.lag("x", 1, 0).over(w) */
export function lag(col: ColumnOrName, offset = 1, defaultValue?: ColumnOrLiteral): Column {
  return invoke("lag", col, lit(offset), ...opt(defaultValue === undefined || defaultValue === null ? undefined : lit(defaultValue)));
}
/** The value `offset` rows after (`default` when there is none). @example F.lead("x", 1, 0).over(w) */
export function lead(col: ColumnOrName, offset = 1, defaultValue?: ColumnOrLiteral): Column {
  return invoke("lead", col, lit(offset), ...opt(defaultValue === undefined || defaultValue === null ? undefined : lit(defaultValue)));
}
/** The value of the `offset`-th (1-based) row of the frame (of non-null values if `ignoreNulls`). @example F.nth_value("x", 2).over(w) */
export function nth_value(col: ColumnOrName, offset: number, ignoreNulls: boolean | null = false): Column {
  return invoke("nth_value", col, lit(offset), ...opt(ignoreNulls === null ? undefined : lit(ignoreNulls)));
}
/** The number (1 to `n`) of the bucket the row falls in when the partition is cut into `n`. @example F.ntile(4).over(w) */
export function ntile(n: number): Column {
  return invoke("ntile", lit(n));
}
/** The rank as a fraction, 0 to 1. @example F.percent_rank().over(w) */
export function percent_rank(): Column {
  return invoke("percent_rank");
}
/** Rank, with gaps after ties. @example F.rank().over(w) */
export function rank(): Column {
  return invoke("rank");
}
/** The row's 1-based position in its partition. @example F.row_number().over(w) */
export function row_number(): Column {
  return invoke("row_number");
}
