import { lit, type Column, type ColumnOrName } from "../column";
import { invoke } from "./invoke";

/** A percentage or percentages (0 to 1), as PySpark takes them: a number, a list of numbers, or a Column. */
export type Percentage = Column | number | readonly number[];

/** The approximate `percentage` percentile(s) (`accuracy`: larger is more exact). @example F.approx_percentile("x", 0.5) */
export function approx_percentile(col: ColumnOrName, percentage: Percentage, accuracy: Column | number = 10000): Column {
  return invoke("approx_percentile", col, lit(percentage), lit(accuracy));
}
/** Pearson correlation. @example F.corr("a", "b") */
export function corr(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("corr", col1, col2);
}
/** Population covariance. @example F.covar_pop("a", "b") */
export function covar_pop(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("covar_pop", col1, col2);
}
/** Sample covariance. @example F.covar_samp("a", "b") */
export function covar_samp(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("covar_samp", col1, col2);
}
/** Excess kurtosis. @example F.kurtosis("x") */
export function kurtosis(col: ColumnOrName): Column {
  return invoke("kurtosis", col);
}
/** The exact `percentage` percentile(s), each value counted `frequency` times. @example F.percentile("x", [0.25, 0.75]) */
export function percentile(col: ColumnOrName, percentage: Percentage, frequency: Column | number = 1): Column {
  return invoke("percentile", col, lit(percentage), lit(frequency));
}
/** Alias of {@link approx_percentile}. @example F.percentile_approx("x", 0.5) */
export function percentile_approx(col: ColumnOrName, percentage: Percentage, accuracy: Column | number = 10000): Column {
  return invoke("percentile_approx", col, lit(percentage), lit(accuracy));
}
/** Mean of `x` over pairs where both are non-null. @example F.regr_avgx("y", "x") */
export function regr_avgx(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_avgx", y, x);
}
/** Mean of `y` over pairs where both are non-null. @example F.regr_avgy("y", "x") */
export function regr_avgy(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_avgy", y, x);
}
/** Number of pairs where both are non-null. @example F.regr_count("y", "x") */
export function regr_count(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_count", y, x);
}
/** Intercept of the least-squares line. @example F.regr_intercept("y", "x") */
export function regr_intercept(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_intercept", y, x);
}
/** Coefficient of determination. @example F.regr_r2("y", "x") */
export function regr_r2(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_r2", y, x);
}
/** Slope of the least-squares line. @example F.regr_slope("y", "x") */
export function regr_slope(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_slope", y, x);
}
/** `REGR_COUNT * VAR_POP(x)`. @example F.regr_sxx("y", "x") */
export function regr_sxx(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_sxx", y, x);
}
/** `REGR_COUNT * COVAR_POP(y, x)`. @example F.regr_sxy("y", "x") */
export function regr_sxy(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_sxy", y, x);
}
/** `REGR_COUNT * VAR_POP(y)`. @example F.regr_syy("y", "x") */
export function regr_syy(y: ColumnOrName, x: ColumnOrName): Column {
  return invoke("regr_syy", y, x);
}
/** Skewness. @example F.skewness("x") */
export function skewness(col: ColumnOrName): Column {
  return invoke("skewness", col);
}
/** Sample standard deviation. @example F.std("x") */
export function std(col: ColumnOrName): Column {
  return invoke("std", col);
}
/** Sample standard deviation. @example F.stddev("x") */
export function stddev(col: ColumnOrName): Column {
  return invoke("stddev", col);
}
/** Population standard deviation. @example F.stddev_pop("x") */
export function stddev_pop(col: ColumnOrName): Column {
  return invoke("stddev_pop", col);
}
/** Sample standard deviation. @example F.stddev_samp("x") */
export function stddev_samp(col: ColumnOrName): Column {
  return invoke("stddev_samp", col);
}
/** Population variance. @example F.var_pop("x") */
export function var_pop(col: ColumnOrName): Column {
  return invoke("var_pop", col);
}
/** Sample variance. @example F.var_samp("x") */
export function var_samp(col: ColumnOrName): Column {
  return invoke("var_samp", col);
}
/** Sample variance. @example F.variance("x") */
export function variance(col: ColumnOrName): Column {
  return invoke("variance", col);
}
