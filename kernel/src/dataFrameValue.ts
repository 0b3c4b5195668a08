import { DataFrame } from "spark-ts";

/**
 * Whether a notebook value is a DataFrame, as one of plain `Row`s: `instanceof` alone narrows to
 * `DataFrame<any>` (the class is generic in its row type), and whatever row type a cell declared,
 * its rows are `Row`s when the kernel reads them.
 *
 * @example
 * ```ts
 * isDataFrame(spark.range(3)); // true
 * isDataFrame(await spark.range(3).collect()); // false
 * ```
 */
export function isDataFrame(value: unknown): value is DataFrame {
  return value instanceof DataFrame;
}
