// What a string argument is to the call it is passed to: a column name, SQL expression text, a
// whole SQL statement or a table name. DataFrame (and GroupedData, `df.na`, `df.stat`) methods are
// listed here by name, as PySpark documents them; the functions namespace is read from the
// client's declarations (functionParameters.ts).
import type { ChainStep } from "./cursorContext";
import { takesColumnName, type ColumnParameters } from "./functionParameters";

/** What a string argument holds. */
export type ArgumentRole = "column" | "sql" | "statement" | "table";

/** Argument positions, or every argument. */
type Positions = "all" | readonly number[];

function holds(positions: Positions | undefined, index: number): boolean {
  return positions !== undefined && (positions === "all" || positions.includes(index));
}

/** Methods of DataFrame and GroupedData whose string arguments are column names. */
const COLUMN_METHODS: Readonly<Record<string, Positions>> = {
  col: [0],
  select: "all",
  groupBy: "all",
  groupby: "all",
  rollup: "all",
  cube: "all",
  orderBy: "all",
  sort: "all",
  sortWithinPartitions: "all",
  drop: "all",
  withColumnRenamed: [0],
  dropDuplicates: [0],
  drop_duplicates: [0],
  dropDuplicatesWithinWatermark: [0],
  repartition: "all",
  repartitionByRange: "all",
  describe: "all",
  withWatermark: [0],
  withMetadata: [0],
  join: [1],
  unpivot: [0, 1],
  melt: [0, 1],
  transpose: [0],
  dropna: [2],
  fillna: [1],
  corr: [0, 1],
  cov: [0, 1],
  crosstab: [0, 1],
  freqItems: [0],
  approxQuantile: [0],
  sampleBy: [0],
  // GroupedData
  sum: "all",
  avg: "all",
  mean: "all",
  max: "all",
  min: "all",
  pivot: [0],
};

/** `df.na` methods: the subset of columns. */
const NA_METHODS: Readonly<Record<string, Positions>> = { drop: [2], fill: [1], replace: [2] };

/** Methods whose string arguments are SQL expressions. */
const SQL_METHODS: Readonly<Record<string, Positions>> = { filter: [0], where: [0], selectExpr: "all" };

/**
 * The role of argument `index` of DataFrame method `method`, called at the end of `steps` (a
 * chain that starts at a DataFrame).
 *
 * @example
 * ```ts
 * dataFrameArgumentRole([], "select", 2);                                     // "column"
 * dataFrameArgumentRole([{ name: "na", called: false }], "fill", 1);          // "column"
 * dataFrameArgumentRole([], "filter", 0);                                     // "sql"
 * ```
 */
export function dataFrameArgumentRole(steps: readonly ChainStep[], method: string, index: number): ArgumentRole | undefined {
  const last = steps.at(-1);
  if (last && !last.called && last.name === "na") return holds(NA_METHODS[method], index) ? "column" : undefined;
  if (last && !last.called && last.name === "stat") return holds(COLUMN_METHODS[method], index) ? "column" : undefined;
  if (holds(SQL_METHODS[method], index)) return "sql";
  return holds(COLUMN_METHODS[method], index) ? "column" : undefined;
}

/** The role of argument `index` of function `name` of the functions namespace. */
export function functionArgumentRole(table: ReadonlyMap<string, ColumnParameters>, name: string, index: number): ArgumentRole | undefined {
  if ((name === "col" || name === "column") && index === 0) return "column";
  if (name === "expr" && index === 0) return "sql";
  return takesColumnName(table.get(name), index) ? "column" : undefined;
}

/** The role of argument `index` of a method of `Window` (or of a window spec built from it). */
export function windowArgumentRole(method: string): ArgumentRole | undefined {
  return method === "partitionBy" || method === "orderBy" ? "column" : undefined;
}

/** The role of argument `index` of a SparkSession method called at the end of `steps`. */
export function sessionArgumentRole(steps: readonly ChainStep[], method: string, index: number): ArgumentRole | undefined {
  if (index !== 0) return undefined;
  if (steps.length === 0 && method === "sql") return "statement";
  if (steps.length === 0 && method === "table") return "table";
  if (steps.length === 1 && !steps[0].called && steps[0].name === "read" && method === "table") return "table";
  return undefined;
}

/** The table a chain on a SparkSession starts from: `spark.table("t")` and `spark.read.table("t")`. */
export function tableOfSessionChain(steps: readonly ChainStep[]): string | undefined {
  const [first, second] = steps;
  if (first?.called && first.name === "table") return first.firstString;
  if (first && !first.called && first.name === "read" && second?.called && second.name === "table") return second.firstString;
  return undefined;
}
