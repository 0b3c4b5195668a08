import { lit, type Column, type ColumnOrName } from "../column";
import { columnExpression } from "../column";
import { invoke, invokeDistinct, opt } from "./invoke";

const optLitValue = (x: boolean | number | string | Uint8Array | Column | undefined): Column[] => opt(x === undefined ? undefined : lit(x));

/** Some value of the group (non-null first if `ignoreNulls`). @example F.any_value("x") */
export function any_value(col: ColumnOrName, ignoreNulls?: boolean | Column): Column {
  return invoke("any_value", col, ...optLitValue(ignoreNulls));
}
/** Approximate number of distinct values (HyperLogLog++, max relative error `rsd`). @example F.approx_count_distinct("x") */
export function approx_count_distinct(col: ColumnOrName, rsd?: number): Column {
  return invoke("approx_count_distinct", col, ...optLitValue(rsd));
}
/** Deprecated alias of {@link approx_count_distinct}. @example F.approxCountDistinct("x") */
export function approxCountDistinct(col: ColumnOrName, rsd?: number): Column {
  return approx_count_distinct(col, rsd);
}
/** The group's values as an array (nulls skipped). @example F.array_agg("x") */
export function array_agg(col: ColumnOrName): Column {
  return invoke("array_agg", col);
}
/** Mean. @example F.avg("x") */
export function avg(col: ColumnOrName): Column {
  return invoke("avg", col);
}
/** Bitwise AND of the group. @example F.bit_and("n") */
export function bit_and(col: ColumnOrName): Column {
  return invoke("bit_and", col);
}
/** Bitwise OR of the group. @example F.bit_or("n") */
export function bit_or(col: ColumnOrName): Column {
  return invoke("bit_or", col);
}
/** Bitwise XOR of the group. @example F.bit_xor("n") */
export function bit_xor(col: ColumnOrName): Column {
  return invoke("bit_xor", col);
}
/** Whether every value is true. @example F.bool_and("b") */
export function bool_and(col: ColumnOrName): Column {
  return invoke("bool_and", col);
}
/** Whether some value is true. @example F.bool_or("b") */
export function bool_or(col: ColumnOrName): Column {
  return invoke("bool_or", col);
}
/** The group's values as an array (nulls skipped). @example F.collect_list("x") */
export function collect_list(col: ColumnOrName): Column {
  return invoke("collect_list", col);
}
/** The group's distinct values as an array. @example F.collect_set("x") */
export function collect_set(col: ColumnOrName): Column {
  return invoke("collect_set", col);
}
/** The union of the group's arrays, without duplicates. @example F.collect_union("xs") */
export function collect_union(col: ColumnOrName): Column {
  return invoke("collect_union", col);
}
/** Number of non-null values; `count("*")` counts rows. @example F.count("*") */
export function count(col: ColumnOrName): Column {
  const star = columnExpression(col).exprType?.$case === "unresolvedStar";
  return invoke("count", star ? lit(1) : col);
}
/** Number of distinct non-null combinations of the columns. @example F.count_distinct("a", "b") */
export function count_distinct(col: ColumnOrName, ...cols: ColumnOrName[]): Column {
  return invokeDistinct("count", col, ...cols);
}
/** Alias of {@link count_distinct}. @example F.countDistinct("a") */
export function countDistinct(col: ColumnOrName, ...cols: ColumnOrName[]): Column {
  return count_distinct(col, ...cols);
}
/** Number of true values. @example F.count_if(col("x").gt(0)) */
export function count_if(col: ColumnOrName): Column {
  return invoke("count_if", col);
}
/** Whether every value is true. @example F.every("b") */
export function every(col: ColumnOrName): Column {
  return invoke("every", col);
}
/** The first value of the group (the first non-null if `ignorenulls`). @example F.first("x") */
export function first(col: ColumnOrName, ignorenulls = false): Column {
  return invoke("first", col, lit(ignorenulls));
}
/** The first value of the group (non-null first if `ignoreNulls`). @example F.first_value("x") */
export function first_value(col: ColumnOrName, ignoreNulls?: boolean | Column): Column {
  return invoke("first_value", col, ...optLitValue(ignoreNulls));
}
/** 1 where the grouping set aggregates over the column (a rollup/cube subtotal), else 0. @example F.grouping("dept") */
export function grouping(col: ColumnOrName): Column {
  return invoke("grouping", col);
}
/** The grouping level, as bits of {@link grouping} over the columns. @example F.grouping_id() */
export function grouping_id(...cols: ColumnOrName[]): Column {
  return invoke("grouping_id", ...cols);
}
/** A histogram of `nBins` bins, as an array of (x, y) structs. @example F.histogram_numeric("x", F.lit(5)) */
export function histogram_numeric(col: ColumnOrName, nBins: Column): Column {
  return invoke("histogram_numeric", col, nBins);
}
/** The last value of the group (the last non-null if `ignorenulls`). @example F.last("x") */
export function last(col: ColumnOrName, ignorenulls = false): Column {
  return invoke("last", col, lit(ignorenulls));
}
/** The last value of the group (non-null if `ignoreNulls`). @example F.last_value("x") */
export function last_value(col: ColumnOrName, ignoreNulls?: boolean | Column): Column {
  return invoke("last_value", col, ...optLitValue(ignoreNulls));
}
/** The group's strings joined (with `delimiter`). @example F.listagg("s", ",") */
export function listagg(col: ColumnOrName, delimiter?: Column | string | Uint8Array): Column {
  return invoke("listagg", col, ...optLitValue(delimiter));
}
/** The group's distinct strings joined (with `delimiter`). @example F.listagg_distinct("s", ",") */
export function listagg_distinct(col: ColumnOrName, delimiter?: Column | string | Uint8Array): Column {
  return invokeDistinct("listagg", col, ...optLitValue(delimiter));
}
/** Maximum. @example F.max("x") */
export function max(col: ColumnOrName): Column {
  return invoke("max", col);
}
/** The `col` of the row with the largest `ord` (the `k` values of the largest, as an array). @example F.max_by("name", "score") */
export function max_by(col: ColumnOrName, ord: ColumnOrName, k?: number): Column {
  return invoke("max_by", col, ord, ...optLitValue(k));
}
/** Alias of {@link avg}. @example F.mean("x") */
export function mean(col: ColumnOrName): Column {
  return avg(col);
}
/** Median. @example F.median("x") */
export function median(col: ColumnOrName): Column {
  return invoke("median", col);
}
/** Minimum. @example F.min("x") */
export function min(col: ColumnOrName): Column {
  return invoke("min", col);
}
/** The `col` of the row with the smallest `ord` (the `k` values of the smallest, as an array). @example F.min_by("name", "score") */
export function min_by(col: ColumnOrName, ord: ColumnOrName, k?: number): Column {
  return invoke("min_by", col, ord, ...optLitValue(k));
}
/** The most frequent value (the smallest of ties if `deterministic`). @example F.mode("x") */
export function mode(col: ColumnOrName, deterministic = false): Column {
  return invoke("mode", col, lit(deterministic));
}
/** Product. @example F.product("x") */
export function product(col: ColumnOrName): Column {
  return invoke("product", col);
}
/** Whether some value is true. @example F.some("b") */
export function some(col: ColumnOrName): Column {
  return invoke("some", col);
}
/** The group's strings joined (with `delimiter`). @example F.string_agg("s", ",") */
export function string_agg(col: ColumnOrName, delimiter?: Column | string | Uint8Array): Column {
  return invoke("string_agg", col, ...optLitValue(delimiter));
}
/** The group's distinct strings joined (with `delimiter`). @example F.string_agg_distinct("s", ",") */
export function string_agg_distinct(col: ColumnOrName, delimiter?: Column | string | Uint8Array): Column {
  return invokeDistinct("string_agg", col, ...optLitValue(delimiter));
}
/** Sum. @example F.sum("x") */
export function sum(col: ColumnOrName): Column {
  return invoke("sum", col);
}
/** Sum of the distinct values. @example F.sum_distinct("x") */
export function sum_distinct(col: ColumnOrName): Column {
  return invokeDistinct("sum", col);
}
/** Deprecated alias of {@link sum_distinct}. @example F.sumDistinct("x") */
export function sumDistinct(col: ColumnOrName): Column {
  return sum_distinct(col);
}
/** Mean, null on overflow. @example F.try_avg("x") */
export function try_avg(col: ColumnOrName): Column {
  return invoke("try_avg", col);
}
/** Sum, null on overflow. @example F.try_sum("x") */
export function try_sum(col: ColumnOrName): Column {
  return invoke("try_sum", col);
}
