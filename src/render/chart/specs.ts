// Vega-Lite 5 specs for each kind of plot, from chart data computed by Spark. Field names go
// through fieldRef (so a "." in a name is not nested access); data stays in `data.values`, where
// Vega treats it as data and never as markup.
// The specs are assembled as JSON (VegaLiteSpec types only their shape); what makes them valid
// Vega-Lite is checked by compiling them (the tests assert no compiler warning for every kind).
import { fieldRef, fieldType, type ChartData } from "./chartData";
import type { VegaLiteChannel, VegaLiteMark, VegaLiteSpec } from "./vegaLiteSpec";

/** The kinds of plot, as PySpark's `DataFrame.plot` names them. */
export type PlotKind = "line" | "bar" | "barh" | "area" | "scatter" | "pie" | "hist" | "box" | "kde";

/** How a plot looks; the data-shaping options (bins, sampling) are the sql layer's. */
export interface ChartLook {
  /** The x column (line, bar, area, scatter; the labels of pie). */
  readonly x?: string;
  /** One or several y columns. */
  readonly y?: readonly string[];
  /** A column whose values color (and group) the marks. */
  readonly color?: string;
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
/** The field names of folded y columns; chosen so no Spark column is likely to collide. */
const SERIES = "__series";
const VALUE = "__value";

function typeOf(data: ChartData, name: string): "quantitative" | "temporal" | "nominal" {
  const column = data.columns.find((c) => c.name === name);
  if (!column) throw new RangeError(`the chart data has no column "${name}"`);
  return fieldType(column.type);
}

function field(data: ChartData, name: string, extra: Omit<VegaLiteChannel, "field"> = {}): VegaLiteChannel {
  return { field: fieldRef(name), type: typeOf(data, name), title: name, ...extra };
}

function base(data: ChartData, look: ChartLook, values: ChartData["rows"] = data.rows): VegaLiteSpec {
  const notes = data.notes.length ? { subtitle: [...data.notes] } : {};
  const title = look.title !== undefined || data.notes.length ? { title: { text: look.title ?? "", ...notes } } : {};
  return {
    $schema: SCHEMA,
    ...title,
    width: look.width ?? 400,
    height: look.height ?? 250,
    data: { values },
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) throw new RangeError(`this plot needs ${what}`);
  return value;
}

/** x against one or several y columns: several are folded into one series field. */
function xy(data: ChartData, look: ChartLook, mark: VegaLiteMark, horizontal: boolean): VegaLiteSpec {
  const x = required(look.x, "an x column");
  const ys = required(look.y, "a y column");
  const xEnc = mark.type === "bar" ? { ...field(data, x), type: typeOf(data, x) === "quantitative" ? "ordinal" : typeOf(data, x) } : field(data, x);
  const several = ys.length > 1;
  const yEnc = several
    ? { field: VALUE, type: "quantitative", title: ys.join(", ") }
    : field(data, ys[0]!);
  const encoding: Record<string, VegaLiteChannel> = horizontal ? { y: xEnc, x: yEnc } : { x: xEnc, y: yEnc };
  if (several) {
    encoding.color = { field: SERIES, type: "nominal", title: null };
    if (mark.type === "bar") encoding[horizontal ? "yOffset" : "xOffset"] = { field: SERIES };
  } else if (look.color !== undefined) {
    encoding.color = field(data, look.color, { type: "nominal" });
  }
  return {
    ...base(data, look),
    ...(several ? { transform: [{ fold: ys.map(fieldRef), as: [SERIES, VALUE] }] } : {}),
    mark,
    encoding,
  };
}

function pie(data: ChartData, look: ChartLook): VegaLiteSpec {
  const x = required(look.x, "a label column (x)");
  const y = required(look.y, "a value column (y)")[0]!;
  return {
    ...base(data, look),
    mark: { type: "arc", tooltip: true },
    encoding: { theta: field(data, y, { stack: true }), color: field(data, x, { type: "nominal" }) },
  };
}

/** Bins computed by Spark: rows of (column, bin_start, bin_end, count). */
function hist(data: ChartData, look: ChartLook): VegaLiteSpec {
  const several = new Set(data.rows.map((r) => r.column)).size > 1;
  return {
    ...base(data, look),
    mark: { type: "bar", opacity: several ? 0.6 : 1, tooltip: true },
    encoding: {
      x: { field: "bin_start", type: "quantitative", bin: { binned: true }, title: several ? "value" : String(data.rows[0]?.column ?? "value") },
      x2: { field: "bin_end" },
      y: { field: "count", type: "quantitative", stack: null, title: "count" },
      ...(several ? { color: { field: "column", type: "nominal", title: null } } : {}),
    },
  };
}

/** Box plots from Spark's quantiles: stats rows and outlier rows, told apart by `part`. */
function box(data: ChartData, look: ChartLook): VegaLiteSpec {
  const x = { field: "column", type: "nominal", title: null };
  const stats = { filter: "datum.part === 'stats'" };
  const number = (name: string, title?: string) => ({ field: name, type: "quantitative", ...(title ? { title } : {}) });
  return {
    ...base(data, look),
    layer: [
      { transform: [stats], mark: { type: "rule" }, encoding: { x, y: number("lower", "value"), y2: { field: "upper" } } },
      { transform: [stats], mark: { type: "bar", size: 28, tooltip: true }, encoding: { x, y: number("q1"), y2: { field: "q3" } } },
      { transform: [stats], mark: { type: "tick", color: "white", size: 28 }, encoding: { x, y: number("median") } },
      { transform: [{ filter: "datum.part === 'outlier'" }], mark: { type: "point" }, encoding: { x, y: number("value") } },
    ],
  };
}

/** Densities Spark evaluated at points: rows of (column, x, density). */
function kde(data: ChartData, look: ChartLook): VegaLiteSpec {
  return {
    ...base(data, look),
    mark: { type: "line" },
    encoding: {
      x: { field: "x", type: "quantitative", title: "value" },
      y: { field: "density", type: "quantitative", title: "density" },
      color: { field: "column", type: "nominal", title: null },
    },
  };
}

/**
 * The Vega-Lite spec of a plot of `kind` over `data`.
 *
 * @example
 * ```ts
 * chartSpec("bar", data, { x: "region", y: ["amount"] }); // { $schema: ".../v5.json", mark: {type: "bar", ...}, ... }
 * ```
 */
export function chartSpec(kind: PlotKind, data: ChartData, look: ChartLook): VegaLiteSpec {
  switch (kind) {
    case "line":
      return xy(data, look, { type: "line", point: data.rows.length <= 50, tooltip: true }, false);
    case "area":
      return xy(data, look, { type: "area", opacity: 0.7, tooltip: true }, false);
    case "bar":
      return xy(data, look, { type: "bar", tooltip: true }, false);
    case "barh":
      return xy(data, look, { type: "bar", tooltip: true }, true);
    case "scatter":
      return xy(data, look, { type: "point", tooltip: true }, false);
    case "pie":
      return pie(data, look);
    case "hist":
      return hist(data, look);
    case "box":
      return box(data, look);
    case "kde":
      return kde(data, look);
  }
}

/**
 * A user's own Vega-Lite spec with `data.values` set to `data`'s rows (their `data` is replaced).
 *
 * @example
 * ```ts
 * withData({ mark: "point", encoding: { x: { field: "a", type: "quantitative" } } }, data);
 * ```
 */
export function withData(spec: VegaLiteSpec, data: ChartData): VegaLiteSpec {
  const { data: _ignored, ...rest } = spec;
  return { $schema: SCHEMA, ...rest, data: { values: data.rows } };
}
