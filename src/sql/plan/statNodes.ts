// The relations of statistics (`describe`, `summary`, `df.stat`) and of null handling (`df.na`):
// each computes on the server what PySpark's methods of the same names compute.
import type { Expression } from "../../gen/spark/connect/expressions";
import type { Relation } from "../../gen/spark/connect/relations";
import { literalOf, type LiteralValue } from "./literal";
import { relation } from "./relation";

/**
 * count, mean, stddev, min and max of the columns (all numeric and string ones when `cols` is empty).
 *
 * @example
 * ```ts
 * describe(df.plan, ["age"]);
 * ```
 */
export function describe(input: Relation, cols: readonly string[]): Relation {
  return relation({ $case: "describe", describe: { input, cols: [...cols] } });
}

/**
 * The given statistics (`"count"`, `"25%"`, ...) of every numeric and string column.
 *
 * @example
 * ```ts
 * summary(df.plan, ["min", "max"]);
 * ```
 */
export function summary(input: Relation, statistics: readonly string[]): Relation {
  return relation({ $case: "summary", summary: { input, statistics: [...statistics] } });
}

/**
 * The correlation coefficient of two columns, by `method` (`"pearson"`): one row, one value.
 *
 * @example
 * ```ts
 * corr(df.plan, "height", "weight", "pearson");
 * ```
 */
export function corr(input: Relation, col1: string, col2: string, method: string): Relation {
  return relation({ $case: "corr", corr: { input, col1, col2, method } });
}

/**
 * The sample covariance of two columns: one row, one value.
 *
 * @example
 * ```ts
 * cov(df.plan, "height", "weight");
 * ```
 */
export function cov(input: Relation, col1: string, col2: string): Relation {
  return relation({ $case: "cov", cov: { input, col1, col2 } });
}

/**
 * The contingency table of two columns.
 *
 * @example
 * ```ts
 * crosstab(df.plan, "region", "product");
 * ```
 */
export function crosstab(input: Relation, col1: string, col2: string): Relation {
  return relation({ $case: "crosstab", crosstab: { input, col1, col2 } });
}

/**
 * The frequent items of columns, above `support` (the server's 1% when undefined).
 *
 * @example
 * ```ts
 * freqItems(df.plan, ["tag"], 0.05);
 * ```
 */
export function freqItems(input: Relation, cols: readonly string[], support?: number): Relation {
  return relation({ $case: "freqItems", freqItems: { input, cols: [...cols], ...(support === undefined ? {} : { support }) } });
}

/**
 * Approximate quantiles of columns: one row, one array of quantiles per column.
 *
 * @example
 * ```ts
 * approxQuantile(df.plan, ["price"], [0.5], 0.01);
 * ```
 */
export function approxQuantile(
  input: Relation,
  cols: readonly string[],
  probabilities: readonly number[],
  relativeError: number,
): Relation {
  return relation({
    $case: "approxQuantile",
    approxQuantile: { input, cols: [...cols], probabilities: [...probabilities], relativeError },
  });
}

/**
 * A stratified sample: rows whose `col` is one of the strata, each kept with its fraction.
 *
 * @example
 * ```ts
 * sampleBy(df.plan, attribute("label"), [[0, 0.1], [1, 0.5]], 42n);
 * ```
 */
export function sampleBy(
  input: Relation,
  col: Expression,
  fractions: readonly (readonly [stratum: LiteralValue, fraction: number])[],
  seed: bigint | undefined,
): Relation {
  return relation({
    $case: "sampleBy",
    sampleBy: { input, col, fractions: fractions.map(([stratum, fraction]) => ({ stratum: literalOf(stratum), fraction })), seed },
  });
}

/**
 * `input` without the rows that have fewer than `minNonNulls` non-null, non-NaN values among
 * `cols` (all columns when empty); without `minNonNulls`, without any row that has one.
 *
 * @example
 * ```ts
 * dropNa(df.plan, ["email"]);    // na.drop(subset=["email"])
 * dropNa(df.plan, [], 1);         // na.drop("all")
 * ```
 */
export function dropNa(input: Relation, cols: readonly string[], minNonNulls?: number): Relation {
  return relation({ $case: "dropNa", dropNa: { input, cols: [...cols], ...(minNonNulls === undefined ? {} : { minNonNulls }) } });
}

/**
 * Nulls and NaNs filled: with one value in every column of its type among `cols` (all when
 * empty), or with a value per column (`cols` and `values` of the same length).
 *
 * @example
 * ```ts
 * fillNa(df.plan, [], [0n]);
 * fillNa(df.plan, ["city", "score"], ["unknown", 0n]);
 * ```
 */
export function fillNa(input: Relation, cols: readonly string[], values: readonly LiteralValue[]): Relation {
  return relation({ $case: "fillNa", fillNa: { input, cols: [...cols], values: values.map((v) => literalOf(v)) } });
}

/**
 * Values replaced, old by new, in every column of a matching type among `cols` (all when empty).
 *
 * @example
 * ```ts
 * replace(df.plan, ["city"], [["N/A", null]]);
 * ```
 */
export function replace(
  input: Relation,
  cols: readonly string[],
  replacements: readonly (readonly [oldValue: LiteralValue, newValue: LiteralValue])[],
): Relation {
  return relation({
    $case: "replace",
    replace: {
      input,
      cols: [...cols],
      replacements: replacements.map(([oldValue, newValue]) => ({ oldValue: literalOf(oldValue), newValue: literalOf(newValue) })),
    },
  });
}
