// What a chart is drawn from: a small, bounded table computed by Spark (aggregated, binned,
// sampled or cut), as JSON-safe values, with the notes a reader must see (sampling, cuts, lost
// precision). The sql layer computes it; this layer only draws it.

/** A chart's column: its name and its Spark type as Spark writes it (`"bigint"`, `"date"`). */
export interface ChartColumn {
  readonly name: string;
  readonly type: string;
}

/** A JSON value in a chart's data: numbers, strings (dates as ISO text), booleans, null. */
export type ChartValue = number | string | boolean | null;

/** The data of a chart. */
export interface ChartData {
  readonly columns: readonly ChartColumn[];
  readonly rows: readonly Readonly<Record<string, ChartValue>>[];
  /** What the reader should know: "sampled 1,000 of 2,000,000 rows", "first 1,000 rows". */
  readonly notes: readonly string[];
}

/** The Vega-Lite field type for a Spark type: numbers quantitative, dates temporal, the rest nominal. */
export function fieldType(sparkType: string): "quantitative" | "temporal" | "nominal" {
  if (/^(tinyint|smallint|int|bigint|float|double|decimal)/.test(sparkType)) return "quantitative";
  if (/^(date|timestamp)/.test(sparkType)) return "temporal";
  return "nominal";
}

/**
 * A field name as a Vega-Lite field reference: `.` and `[` `]` would otherwise mean nested access,
 * and `\` escapes them.
 */
export function fieldRef(name: string): string {
  return name.replace(/[\\.[\]]/g, (ch) => `\\${ch}`);
}

/** A value as a chart's labels and notes show it: its text, and "null" for none. */
export function valueText(value: ChartValue | undefined): string {
  return value === null || value === undefined ? "null" : String(value);
}
