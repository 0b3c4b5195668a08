import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

const optLit = (x: number | string | Column | undefined): Column[] => opt(x === undefined ? undefined : lit(x));

/** A KLL quantile sketch of the group's bigint values (accuracy `k`). @example F.kll_sketch_agg_bigint("x") */
export function kll_sketch_agg_bigint(col: ColumnOrName, k?: number | Column): Column {
  return invoke("kll_sketch_agg_bigint", col, ...optLit(k));
}
/** The group's bigint KLL sketches merged. @example F.kll_merge_agg_bigint("sk") */
export function kll_merge_agg_bigint(col: ColumnOrName, k?: number | Column): Column {
  return invoke("kll_merge_agg_bigint", col, ...optLit(k));
}
/** The number of values a bigint KLL sketch has seen. @example F.kll_sketch_get_n_bigint("sk") */
export function kll_sketch_get_n_bigint(col: ColumnOrName): Column {
  return invoke("kll_sketch_get_n_bigint", col);
}
/** The value at `rank` (0 to 1, or an array of ranks) of a bigint KLL sketch. @example F.kll_sketch_get_quantile_bigint("sk", F.lit(0.5)) */
export function kll_sketch_get_quantile_bigint(sketch: ColumnOrName, rank: ColumnOrName): Column {
  return invoke("kll_sketch_get_quantile_bigint", sketch, rank);
}
/** The rank (0 to 1) of `quantile` in a bigint KLL sketch. @example F.kll_sketch_get_rank_bigint("sk", F.lit(10)) */
export function kll_sketch_get_rank_bigint(sketch: ColumnOrName, quantile: ColumnOrName): Column {
  return invoke("kll_sketch_get_rank_bigint", sketch, quantile);
}
/** Two bigint KLL sketches merged. @example F.kll_sketch_merge_bigint("a", "b") */
export function kll_sketch_merge_bigint(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("kll_sketch_merge_bigint", left, right);
}
/** A readable summary of a bigint KLL sketch. @example F.kll_sketch_to_string_bigint("sk") */
export function kll_sketch_to_string_bigint(col: ColumnOrName): Column {
  return invoke("kll_sketch_to_string_bigint", col);
}
/** A KLL quantile sketch of the group's double values (accuracy `k`). @example F.kll_sketch_agg_double("x") */
export function kll_sketch_agg_double(col: ColumnOrName, k?: number | Column): Column {
  return invoke("kll_sketch_agg_double", col, ...optLit(k));
}
/** The group's double KLL sketches merged. @example F.kll_merge_agg_double("sk") */
export function kll_merge_agg_double(col: ColumnOrName, k?: number | Column): Column {
  return invoke("kll_merge_agg_double", col, ...optLit(k));
}
/** The number of values a double KLL sketch has seen. @example F.kll_sketch_get_n_double("sk") */
export function kll_sketch_get_n_double(col: ColumnOrName): Column {
  return invoke("kll_sketch_get_n_double", col);
}
/** The value at `rank` (0 to 1, or an array of ranks) of a double KLL sketch. @example F.kll_sketch_get_quantile_double("sk", F.lit(0.5)) */
export function kll_sketch_get_quantile_double(sketch: ColumnOrName, rank: ColumnOrName): Column {
  return invoke("kll_sketch_get_quantile_double", sketch, rank);
}
/** The rank (0 to 1) of `quantile` in a double KLL sketch. @example F.kll_sketch_get_rank_double("sk", F.lit(10)) */
export function kll_sketch_get_rank_double(sketch: ColumnOrName, quantile: ColumnOrName): Column {
  return invoke("kll_sketch_get_rank_double", sketch, quantile);
}
/** Two double KLL sketches merged. @example F.kll_sketch_merge_double("a", "b") */
export function kll_sketch_merge_double(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("kll_sketch_merge_double", left, right);
}
/** A readable summary of a double KLL sketch. @example F.kll_sketch_to_string_double("sk") */
export function kll_sketch_to_string_double(col: ColumnOrName): Column {
  return invoke("kll_sketch_to_string_double", col);
}
/** A KLL quantile sketch of the group's float values (accuracy `k`). @example F.kll_sketch_agg_float("x") */
export function kll_sketch_agg_float(col: ColumnOrName, k?: number | Column): Column {
  return invoke("kll_sketch_agg_float", col, ...optLit(k));
}
/** The group's float KLL sketches merged. @example F.kll_merge_agg_float("sk") */
export function kll_merge_agg_float(col: ColumnOrName, k?: number | Column): Column {
  return invoke("kll_merge_agg_float", col, ...optLit(k));
}
/** The number of values a float KLL sketch has seen. @example F.kll_sketch_get_n_float("sk") */
export function kll_sketch_get_n_float(col: ColumnOrName): Column {
  return invoke("kll_sketch_get_n_float", col);
}
/** The value at `rank` (0 to 1, or an array of ranks) of a float KLL sketch. @example F.kll_sketch_get_quantile_float("sk", F.lit(0.5)) */
export function kll_sketch_get_quantile_float(sketch: ColumnOrName, rank: ColumnOrName): Column {
  return invoke("kll_sketch_get_quantile_float", sketch, rank);
}
/** The rank (0 to 1) of `quantile` in a float KLL sketch. @example F.kll_sketch_get_rank_float("sk", F.lit(10)) */
export function kll_sketch_get_rank_float(sketch: ColumnOrName, quantile: ColumnOrName): Column {
  return invoke("kll_sketch_get_rank_float", sketch, quantile);
}
/** Two float KLL sketches merged. @example F.kll_sketch_merge_float("a", "b") */
export function kll_sketch_merge_float(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("kll_sketch_merge_float", left, right);
}
/** A readable summary of a float KLL sketch. @example F.kll_sketch_to_string_float("sk") */
export function kll_sketch_to_string_float(col: ColumnOrName): Column {
  return invoke("kll_sketch_to_string_float", col);
}
