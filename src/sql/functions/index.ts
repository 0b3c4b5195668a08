/**
 * Spark SQL functions with PySpark's names and arguments: `import * as F from "spark-ts/functions"`
 * (or `F` in notebooks) is PySpark's `pyspark.sql.functions as F`. A parameter typed
 * `ColumnOrName` takes a Column or a column name; a JS value where PySpark takes a Python value
 * becomes a literal. Higher-order functions take JS arrow functions over Columns.
 *
 * Every function is a one-line wrapper over one generic call of a Spark function by name
 * (`invoke`); the server resolves the names, so a function the server does not have fails when
 * the DataFrame is analyzed, with Spark's own error.
 *
 * @example
 * ```ts
 * import * as F from "spark-ts/functions";
 * df.select(F.upper("name"), F.transform("xs", (x) => x.plus(1)), F.when(F.col("n").gt(0), "pos").otherwise("neg"));
 * ```
 */
export * from "./core";
export * from "./conditional";
export * from "./predicates";
export * from "./sort";
export * from "./math";
export * from "./arithmetic";
export * from "./string";
export * from "./stringFormat";
export * from "./regexp";
export * from "./bitwise";
export * from "./datetime";
export * from "./datetimeMake";
export * from "./datetimeConvert";
export * from "./timeWindow";
export * from "./hash";
export * from "./higherOrder";
export * from "./collection";
export * from "./array";
export * from "./struct";
export * from "./map";
export * from "./aggregate";
export * from "./statistics";
export * from "./sketch";
export * from "./kll";
export * from "./theta";
export * from "./tupleSketch";
export * from "./windowFunctions";
export * from "./generator";
export * from "./partitioning";
export * from "./csv";
export * from "./json";
export * from "./xml";
export * from "./variant";
export * from "./url";
export * from "./misc";
export * from "./spatial";
export * from "./vector";
export type { LambdaBody } from "./lambda";
