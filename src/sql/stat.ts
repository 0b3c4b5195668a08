import { SparkConnectError } from "../connect/errors";
import { Row } from "../arrow";
import { columnExpression, type ColumnOrName } from "./column";
import type { Relation } from "../gen/spark/connect/relations";
import { DataFrame } from "./dataframe";
import type { LiteralValue } from "./plan/literal";
import * as statNodes from "./plan/statNodes";
import { checkedNumber, seedOf } from "./validation";

/**
 * Statistics of a DataFrame's columns (PySpark's `df.stat`): correlation, covariance, contingency
 * tables, frequent items, approximate quantiles, stratified samples.
 *
 * In the examples, `spark`, `people`, `F`, `col` and `lit` are as in {@link Column}'s: `people` holds
 * `{ name: "Ada", age: 36 }` and `{ name: "Alan", age: 41 }`, `age` a LongType column.
 *
 * @example
 * ```ts
 * const squares = spark.range(5).withColumn("sq", col("id").multiply(col("id")));
 * await squares.stat.corr("id", "sq"); // 0.9589266029707683
 * await spark.range(101).stat.approxQuantile("id", [0.5], 0); // [50]
 * ```
 */
export class DataFrameStatFunctions {
  /** @internal Use `df.stat`. */
  constructor(private readonly df: DataFrame) {}

  /**
   * The Pearson correlation coefficient of two numeric columns.
   *
   * @example
   * ```ts
   * const squares = spark.range(5).withColumn("sq", col("id").multiply(col("id")));
   * await squares.stat.corr("id", "sq"); // 0.9589266029707683
   * await squares.stat.corr("id", "id"); // 1
   * ```
   */
  async corr(col1: string, col2: string, method: "pearson" = "pearson"): Promise<number> {
    if (method !== "pearson") throw new RangeError(`only the "pearson" method is supported, got "${String(method)}"`);
    return this.number(this.derive(statNodes.corr(this.df.plan, col1, col2, method)));
  }

  /**
   * The sample covariance of two numeric columns.
   *
   * @example
   * ```ts
   * const squares = spark.range(5).withColumn("sq", col("id").multiply(col("id")));
   * await squares.stat.cov("id", "sq"); // 10
   * await squares.stat.cov("id", "id"); // 2.5
   * ```
   */
  async cov(col1: string, col2: string): Promise<number> {
    return this.number(this.derive(statNodes.cov(this.df.plan, col1, col2)));
  }

  /**
   * A contingency table: a row per value of `col1`, a column per value of `col2`, counts in the
   * cells; the first column is named `<col1>_<col2>`.
   *
   * @example
   * ```ts
   * const seniors = people.withColumn("senior", col("age").gt(40));
   * await seniors.stat.crosstab("name", "senior").orderBy("name_senior").collect();
   * // [{ name_senior: "Ada", false: 1n, true: 0n }, { name_senior: "Alan", false: 0n, true: 1n }]
   * ```
   */
  crosstab(col1: string, col2: string): DataFrame {
    return this.derive(statNodes.crosstab(this.df.plan, col1, col2));
  }

  /**
   * Items that occur in at least `support` (default 1%) of the rows, per column, possibly with false positives.
   *
   * @example
   * ```ts
   * await people.stat.freqItems(["name", "age"]).collect(); // [{ name_freqItems: ["Ada", "Alan"], age_freqItems: [36n, 41n] }]
   * const sevens = spark.range(10).select(F.least(col("id"), lit(7)).alias("x"));
   * await sevens.stat.freqItems(["x"], 0.25).collect(); // [{ x_freqItems: [5n, 6n, 7n] }] (7 is 3 rows of 10; 5 and 6 are false positives)
   * ```
   */
  freqItems(cols: readonly string[], support?: number): DataFrame {
    if (support !== undefined) checkedNumber(support, "support", { above: 0, max: 1 });
    return this.derive(statNodes.freqItems(this.df.plan, cols, support));
  }

  /**
   * Approximate quantiles of numeric columns: within `relativeError` of the exact rank (0 gives
   * exact quantiles, at a higher cost). One column gives a list, several a list per column.
   *
   * @example
   * ```ts
   * await spark.range(101).stat.approxQuantile("id", [0, 0.25, 0.5, 1], 0); // [0, 25, 50, 100]
   * await people.stat.approxQuantile(["age"], [0, 1], 0); // [[36, 41]]
   * ```
   */
  approxQuantile(col: string, probabilities: readonly number[], relativeError: number): Promise<number[]>;
  approxQuantile(cols: readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[][]>;
  async approxQuantile(
    col: string | readonly string[],
    probabilities: readonly number[],
    relativeError: number,
  ): Promise<number[] | number[][]> {
    probabilities.forEach((p, i) => checkedNumber(p, `probabilities[${i}]`, { min: 0, max: 1 }));
    checkedNumber(relativeError, "relativeError", { min: 0 });
    const cols = typeof col === "string" ? [col] : [...col];
    const df = this.derive(statNodes.approxQuantile(this.df.plan, cols, probabilities, relativeError));
    const [row] = await df.collect();
    const value = row ? Row.at(row, 0) : undefined;
    if (!Array.isArray(value)) throw new SparkConnectError("The server sent no quantiles.");
    const perColumn = (value as unknown[]).map((list) => (list as number[]).map(Number));
    return typeof col === "string" ? perColumn[0] : perColumn;
  }

  /**
   * A stratified sample: rows whose `col` has one of the `fractions`' keys, each kept with that
   * key's fraction (rows of other values are left out).
   *
   * @example
   * ```ts
   * await spark.range(10).stat.sampleBy(col("id").mod(2), { 0: 1, 1: 0 }).collect();
   * // [{ id: 0n }, { id: 2n }, { id: 4n }, { id: 6n }, { id: 8n }]
   * await people.stat.sampleBy("name", { Alan: 1 }).collect(); // [{ name: "Alan", age: 41n }]
   * await spark.range(1000).stat.sampleBy(col("id").mod(2), { 0: 0.1, 1: 0.5 }, 42).count(); // 303 (about 500 × 0.1 + 500 × 0.5)
   * ```
   */
  sampleBy(
    col: ColumnOrName,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<LiteralValue, number>,
    seed?: number | bigint,
  ): DataFrame {
    const entries: [LiteralValue, number][] =
      fractions instanceof Map
        ? [...(fractions as ReadonlyMap<LiteralValue, number>)]
        : Object.entries(fractions as Record<string, number>).map(([k, v]) => [numericKey(k), v]);
    for (const [, fraction] of entries) checkedNumber(fraction, "fractions", { min: 0, max: 1 });
    return this.derive(statNodes.sampleBy(this.df.plan, columnExpression(col), entries, seedOf(seed)));
  }

  private derive(plan: Relation): DataFrame {
    return new DataFrame(this.df.sparkSession, plan);
  }

  private async number(df: DataFrame): Promise<number> {
    const [row] = await df.collect();
    const value = row ? Row.at(row, 0) : undefined;
    if (typeof value !== "number") throw new SparkConnectError("The server sent no statistic.");
    return value;
  }
}

/** A record's key as the stratum it names: object keys are strings, so "1" means the number 1. */
function numericKey(key: string): LiteralValue {
  return /^-?\d+$/.test(key) && Number.isSafeInteger(Number(key)) ? Number(key) : key;
}
