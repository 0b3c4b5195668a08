// What each kind of plot asks Spark to compute. Every plan ends in an aggregate or a limit.
import { Row } from "../../arrow";
import type { ChartColumn, ChartData, ChartValue } from "../../render";
import type { DataFrame } from "../dataframe";
import { aggregate, call, column, filter, limit, named, project, sample, sortAscending, value } from "./plotPlans";
import { chartData, run, scalar } from "./plotQueries";
import { checkedPositiveCount, isWholeNumber } from "../validation";

/** How rows are reduced when an x/y plot has more than `maxRows` of them. */
export type Aggregation = "sum" | "avg" | "count" | "min" | "max";

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
  const spark = df.sparkSession;
  const notes: string[] = [];
  let plan;
  if (options.agg) {
    const groups = [options.x, ...(options.color ? [options.color] : [])].map(column);
    const aggs = options.ys.map((y) => named(call(options.agg!, [column(y)]), y));
    plan = limit(sortAscending(aggregate(df.plan, groups, aggs), groups), options.maxRows + 1);
  } else {
    let input = project(df.plan, names.map(column));
    if (options.sampled) {
      const total = scalar(await run(spark, aggregate(input, [], [call("count", [value(1)])]))) ?? 0;
      if (total > options.maxRows) {
        input = sample(input, (options.maxRows / total) * 1.05, SEED);
        notes.push(`a sample of about ${count(options.maxRows)} of ${count(total)} rows`);
      }
    }
    if (options.ordered) input = sortAscending(input, [column(options.x)]);
    plan = limit(input, options.maxRows + 1);
  }
  const result = await run(spark, plan);
  if (result.rows.length > options.maxRows) {
    notes.push(`the first ${count(options.maxRows)} ${options.agg ? "groups" : "rows"}; more exist`);
  }
  return chartData({ ...result, rows: result.rows.slice(0, options.maxRows) }, notes);
}

/** Histogram bins of each column, counted by Spark: rows of (column, bin_start, bin_end, count). */
export async function histData(df: DataFrame, columns: readonly string[], bins: number): Promise<ChartData> {
  checkedPositiveCount(bins, "bins");
  const spark = df.sparkSession;
  const stats = await run(spark, aggregate(df.plan, [], columns.flatMap((c) => [call("min", [column(c)]), call("max", [column(c)])])));
  const rows: Record<string, ChartValue>[] = [];
  for (const [i, name] of columns.entries()) {
    const lo = scalar(stats, 2 * i);
    const hi = scalar(stats, 2 * i + 1);
    if (lo === null || hi === null) continue;
    const width = hi > lo ? (hi - lo) / bins : 1;
    // Bucket = floor((v - lo) / width), the maximum folded into the last bin, as numpy does.
    const bucket = call("least", [call("floor", [call("/", [call("-", [column(name), value(lo)]), value(width)])]), value(bins - 1)]);
    const counted = await run(
      spark,
      limit(aggregate(filter(df.plan, call("isnotnull", [column(name)])), [named(bucket, "bin")], [named(call("count", [value(1)]), "n")]), bins + 1),
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
  const spark = df.sparkSession;
  const quartiles = await run(
    spark,
    aggregate(df.plan, [], columns.map((c) => call("percentile_approx", [column(c), call("array", [value(0.25), value(0.5), value(0.75)]), value(10000)]))),
  );
  const rows: Record<string, ChartValue>[] = [];
  const notes: string[] = [];
  for (const [i, name] of columns.entries()) {
    const q = quartiles.rows[0] ? (Row.at(quartiles.rows[0], i) as unknown[] | null) : null;
    if (!q) continue;
    const [q1, median, q3] = q.map(Number) as [number, number, number];
    const [lo, hi] = [q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)];
    const v = column(name);
    const inside = (cmp: string, bound: number) => call("when", [call(cmp, [v, value(bound)]), v]);
    const whiskers = await run(
      spark,
      aggregate(df.plan, [], [
        call("min", [inside(">=", lo)]),
        call("max", [inside("<=", hi)]),
        call("count", [call("when", [call("or", [call("<", [v, value(lo)]), call(">", [v, value(hi)])]), value(1)])]),
      ]),
    );
    rows.push({ part: "stats", column: name, lower: scalar(whiskers, 0), q1, median, q3, upper: scalar(whiskers, 1), value: null });
    const outlierCount = scalar(whiskers, 2) ?? 0;
    if (outlierCount > 0) {
      const outliers = await run(spark, limit(project(filter(df.plan, call("or", [call("<", [v, value(lo)]), call(">", [v, value(hi)])])), [named(v, "value")]), MAX_OUTLIERS));
      for (const r of outliers.rows) rows.push({ part: "outlier", column: name, lower: null, q1: null, median: null, q3: null, upper: null, value: Number(r.value) });
      if (outlierCount > MAX_OUTLIERS) notes.push(`${count(MAX_OUTLIERS)} of ${count(outlierCount)} outliers of ${name} drawn`);
    }
  }
  const columnsOut: ChartColumn[] = ["part", "column"].map((n) => ({ name: n, type: "string" }));
  columnsOut.push(...["lower", "q1", "median", "q3", "upper", "value"].map((n) => ({ name: n, type: "double" })));
  return { columns: columnsOut, rows, notes };
}

/**
 * Gaussian kernel density estimates, evaluated by Spark at `points` (or that many evenly spaced
 * points over the data's range), with Scott's rule for the bandwidth unless `bwMethod` gives the
 * factor.
 */
export async function kdeData(df: DataFrame, columns: readonly string[], bwMethod: number | undefined, points: number | readonly number[]): Promise<ChartData> {
  const spark = df.sparkSession;
  const stats = await run(
    spark,
    aggregate(df.plan, [], columns.flatMap((c) => [call("min", [column(c)]), call("max", [column(c)]), call("stddev", [column(c)]), call("count", [column(c)])])),
  );
  const rows: Record<string, ChartValue>[] = [];
  for (const [i, name] of columns.entries()) {
    const [lo, hi, std, n] = [0, 1, 2, 3].map((k) => scalar(stats, 4 * i + k));
    if (lo === null || hi === null || !std || !n) continue;
    const factor = bwMethod ?? n ** (-1 / 5);
    const h = std * factor;
    const xs = Array.isArray(points) ? [...points] : evenly(lo - 3 * h, hi + 3 * h, points as number);
    const v = column(name);
    const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
    const densities = await run(
      spark,
      aggregate(filter(df.plan, call("isnotnull", [v])), [], xs.map((x) =>
        call("sum", [call("exp", [call("*", [value(-0.5), call("pow", [call("/", [call("-", [v, value(x)]), value(h)]), value(2)])])])]),
      )),
    );
    xs.forEach((x, k) => rows.push({ column: name, x, density: (scalar(densities, k) ?? 0) * norm }));
  }
  return {
    columns: [{ name: "column", type: "string" }, { name: "x", type: "double" }, { name: "density", type: "double" }],
    rows,
    notes: [],
  };
}

function evenly(from: number, to: number, n: number): number[] {
  if (!isWholeNumber(n, { min: 2 })) throw new RangeError(`ind must be a whole number of at least 2, or a list of points, got ${String(n)}`);
  return Array.from({ length: n }, (_, k) => from + ((to - from) * k) / (n - 1));
}

/** The first `maxRows` rows, for a user's own Vega-Lite spec. */
export async function firstRows(df: DataFrame, maxRows: number): Promise<ChartData> {
  const result = await run(df.sparkSession, limit(df.plan, maxRows + 1));
  const notes = result.rows.length > maxRows ? [`the first ${count(maxRows)} rows; more exist`] : [];
  return chartData({ ...result, rows: result.rows.slice(0, maxRows) }, notes);
}
