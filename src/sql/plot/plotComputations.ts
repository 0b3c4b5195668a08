// What each kind of plot asks Spark to compute, written with DataFrame methods and Spark SQL
// functions as a user would. Every query ends in an aggregate or a limit.
import { Row } from "../../arrow";
import type { ChartColumn, ChartData, ChartValue } from "../../render";
import { lit, type Column } from "../column";
import type { DataFrame } from "../dataframe";
import { avg, count as countOf, max, min, sum } from "../functions/aggregate";
import { floor } from "../functions/arithmetic";
import { array } from "../functions/array";
import { when } from "../functions/conditional";
import { exp, least, pow } from "../functions/math";
import { isnotnull } from "../functions/predicates";
import { percentile_approx, stddev } from "../functions/statistics";
import { chartData, column, run, scalar } from "./plotQueries";
import { checkedPositiveCount, isWholeNumber } from "../validation";

/** How rows are reduced when an x/y plot has more than `maxRows` of them. */
export type Aggregation = "sum" | "avg" | "count" | "min" | "max";

const AGGREGATES: Readonly<Record<Aggregation, (c: Column) => Column>> = { sum, avg, count: countOf, min, max };

const count = (n: number) => n.toLocaleString("en-US");
const SEED = 42n;

/**
 * Rows for x/y plots: grouped by x (and color) with `agg` when asked; else the first `maxRows`
 * rows (`ordered`: sorted by x), or for `sampled` kinds an even sample of them.
 */
export async function xyData(
  df: DataFrame,
  names: readonly string[],
  options: { x: string; ys: readonly string[]; color?: string; agg?: Aggregation; maxRows: number; sampled: boolean; ordered: boolean },
): Promise<ChartData> {
  const notes: string[] = [];
  let query: DataFrame;
  if (options.agg) {
    const groups = [options.x, ...(options.color ? [options.color] : [])].map(column);
    const aggregated = Object.hasOwn(AGGREGATES, options.agg) ? AGGREGATES[options.agg] : undefined;
    if (!aggregated) throw new RangeError(`agg must be one of ${Object.keys(AGGREGATES).join(", ")}, got ${String(options.agg)}`);
    const aggs = options.ys.map((y) => aggregated(column(y)).alias(y));
    query = df
      .groupBy(...groups)
      .agg(...aggs)
      .orderBy(...groups)
      .limit(options.maxRows + 1);
  } else {
    let input = df.select(...names.map(column));
    if (options.sampled) {
      const total = await input.count();
      if (total > options.maxRows) {
        input = input.sample(Math.min(1, (options.maxRows / total) * 1.05), SEED);
        notes.push(`a sample of about ${count(options.maxRows)} of ${count(total)} rows`);
      }
    }
    if (options.ordered) input = input.orderBy(column(options.x));
    query = input.limit(options.maxRows + 1);
  }
  const result = await run(query);
  if (result.rows.length > options.maxRows) {
    notes.push(`the first ${count(options.maxRows)} ${options.agg ? "groups" : "rows"}; more exist`);
  }
  return chartData({ ...result, rows: result.rows.slice(0, options.maxRows) }, notes);
}

/** Histogram bins of each column, counted by Spark: rows of (column, bin_start, bin_end, count). */
export async function histData(df: DataFrame, columns: readonly string[], bins: number): Promise<ChartData> {
  checkedPositiveCount(bins, "bins");
  const rows: Record<string, ChartValue>[] = [];
  if (columns.length === 0) return { columns: binColumns, rows, notes: [] };
  const stats = await run(df.agg(...columns.flatMap((c) => [min(column(c)), max(column(c))])));
  for (const [i, name] of columns.entries()) {
    const lo = scalar(stats, 2 * i);
    const hi = scalar(stats, 2 * i + 1);
    if (lo === null || hi === null) continue;
    const width = hi > lo ? (hi - lo) / bins : 1;
    const v = column(name);
    // Bucket = floor((v - lo) / width), the maximum folded into the last bin, as numpy does.
    const bucket = least(floor(v.minus(lo).divide(width)), lit(bins - 1));
    const counted = await run(
      df
        .filter(isnotnull(v))
        .groupBy(bucket.alias("bin"))
        .agg(countOf(lit(1)).alias("n"))
        .limit(bins + 1),
    );
    const byBin = new Map(counted.rows.map((r) => [Number(r.bin), Number(r.n)]));
    for (let b = 0; b < bins; b++) {
      rows.push({ column: name, bin_start: lo + b * width, bin_end: lo + (b + 1) * width, count: byBin.get(b) ?? 0 });
    }
  }
  return { columns: binColumns, rows, notes: [] };
}

const binColumns: readonly ChartColumn[] = [
  { name: "column", type: "string" },
  { name: "bin_start", type: "double" },
  { name: "bin_end", type: "double" },
  { name: "count", type: "bigint" },
];

/** The outliers drawn per column at most; the rest are counted in a note. */
const MAX_OUTLIERS = 200;

/**
 * Box plot statistics from Spark's approximate quartiles: whiskers at the furthest values within
 * 1.5 IQR of the box (Tukey), and the values beyond them as outliers.
 */
export async function boxData(df: DataFrame, columns: readonly string[]): Promise<ChartData> {
  const rows: Record<string, ChartValue>[] = [];
  const notes: string[] = [];
  const columnsOut: ChartColumn[] = ["part", "column"].map((n) => ({ name: n, type: "string" }));
  columnsOut.push(...["lower", "q1", "median", "q3", "upper", "value"].map((n) => ({ name: n, type: "double" })));
  if (columns.length === 0) return { columns: columnsOut, rows, notes };
  const quartiles = await run(df.agg(...columns.map((c) => percentile_approx(column(c), array(lit(0.25), lit(0.5), lit(0.75)), 10000))));
  for (const [i, name] of columns.entries()) {
    const q = quartiles.rows[0] ? (Row.at(quartiles.rows[0], i) as unknown[] | null) : null;
    if (!q) continue;
    const [q1, median, q3] = q.map(Number) as [number, number, number];
    const [lo, hi] = [q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)];
    const v = column(name);
    const outside = v.lt(lo).or(v.gt(hi));
    const whiskers = await run(df.agg(min(when(v.geq(lo), v)), max(when(v.leq(hi), v)), countOf(when(outside, lit(1)))));
    rows.push({ part: "stats", column: name, lower: scalar(whiskers, 0), q1, median, q3, upper: scalar(whiskers, 1), value: null });
    const outlierCount = scalar(whiskers, 2) ?? 0;
    if (outlierCount > 0) {
      const outliers = await run(df.filter(outside).select(v.alias("value")).limit(MAX_OUTLIERS));
      for (const r of outliers.rows)
        rows.push({ part: "outlier", column: name, lower: null, q1: null, median: null, q3: null, upper: null, value: Number(r.value) });
      if (outlierCount > MAX_OUTLIERS) notes.push(`${count(MAX_OUTLIERS)} of ${count(outlierCount)} outliers of ${name} drawn`);
    }
  }
  return { columns: columnsOut, rows, notes };
}

/**
 * Gaussian kernel density estimates, evaluated by Spark at `points` (or that many evenly spaced
 * points over the data's range), with Scott's rule for the bandwidth unless `bwMethod` gives the
 * factor.
 */
export async function kdeData(
  df: DataFrame,
  columns: readonly string[],
  bwMethod: number | undefined,
  points: number | readonly number[],
): Promise<ChartData> {
  const rows: Record<string, ChartValue>[] = [];
  const columnsOut: ChartColumn[] = [
    { name: "column", type: "string" },
    { name: "x", type: "double" },
    { name: "density", type: "double" },
  ];
  if (columns.length === 0) return { columns: columnsOut, rows, notes: [] };
  const stats = await run(df.agg(...columns.flatMap((c) => [min(column(c)), max(column(c)), stddev(column(c)), countOf(column(c))])));
  for (const [i, name] of columns.entries()) {
    const [lo, hi, std, n] = [0, 1, 2, 3].map((k) => scalar(stats, 4 * i + k));
    if (lo === null || hi === null || !std || !n) continue;
    const factor = bwMethod ?? n ** (-1 / 5);
    const h = std * factor;
    const xs = typeof points === "number" ? evenly(lo - 3 * h, hi + 3 * h, points) : [...points];
    if (xs.length === 0) continue;
    const v = column(name);
    const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
    // The Gaussian kernel's exponent at each point x: -0.5 * ((v - x) / h)^2, summed over the rows.
    const densities = await run(
      df.filter(isnotnull(v)).agg(...xs.map((x) => sum(exp(lit(-0.5).multiply(pow(v.minus(x).divide(h), lit(2))))))),
    );
    xs.forEach((x, k) => rows.push({ column: name, x, density: (scalar(densities, k) ?? 0) * norm }));
  }
  return { columns: columnsOut, rows, notes: [] };
}

function evenly(from: number, to: number, n: number): number[] {
  if (!isWholeNumber(n, { min: 2 }))
    throw new RangeError(`ind must be a whole number of at least 2, or a list of points, got ${String(n)}`);
  return Array.from({ length: n }, (_, k) => from + ((to - from) * k) / (n - 1));
}

/** The first `maxRows` rows, for a user's own Vega-Lite spec. */
export async function firstRows(df: DataFrame, maxRows: number): Promise<ChartData> {
  const result = await run(df.limit(maxRows + 1));
  const notes = result.rows.length > maxRows ? [`the first ${count(maxRows)} rows; more exist`] : [];
  return chartData({ ...result, rows: result.rows.slice(0, maxRows) }, notes);
}
