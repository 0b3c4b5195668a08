// Vega-Lite 5 specs for each kind of plot, from chart data computed by Spark. Field names go
// through fieldRef (so a "." in a name is not nested access); data stays in `data.values`, where
// Vega treats it as data and never as markup. Every spec carries the notebook look (see
// notebookTheme), names an aggregate as Spark does (`sum(amount)`), ticks integer columns at whole
// numbers only, and says in its subtitle what it could not draw.
// The specs are assembled as JSON (VegaLiteSpec types only their shape); what makes them valid
// Vega-Lite is checked by compiling them (the tests assert no compiler warning for every kind).
import { discreteLabelAngle } from "./axisLabels";
import { fieldRef, fieldType, valueText, type ChartData } from "./chartData";
import { aggregatedName, nullNotes } from "./missingValues";
import { NOTEBOOK_CONFIG, NOTEBOOK_USERMETA } from "./notebookTheme";
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
  /**
   * The aggregation the y values were computed with (`"sum"`, `"avg"`, `"count"`, ...), if any:
   * their axis, legend and tooltip name it as Spark does, `sum(amount)`.
   */
  readonly agg?: string;
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

const INTEGER = /^(tinyint|smallint|int|bigint)\b/;

function isInteger(data: ChartData, name: string): boolean {
  return INTEGER.test(data.columns.find((c) => c.name === name)?.type ?? "");
}

/**
 * An axis of whole numbers (counts, integer columns) on scale `scale` ("x" or "y", as Vega-Lite
 * names a single view's scales): no tick at 0.5 between them. Vega picks steps of 1, 2 or 5 times
 * a power of ten near span / count, so asking for at most as many ticks as the domain spans keeps
 * the step at 1 or more. (`tickMinStep` does not: Vega-Lite drops it unless the format is "d", and
 * Vega then still asks for one tick more than the span, which gives steps of 0.5.) The usual
 * count, one tick per 40 pixels, applies below that.
 */
function integerAxis(scale: "x" | "y"): { readonly tickCount: { readonly signal: string } } {
  const size = scale === "x" ? "width" : "height";
  return { tickCount: { signal: `min(ceil(${size} / 40), max(1, floor(span(domain('${scale}')))))` } };
}

function field(data: ChartData, name: string, extra: Omit<VegaLiteChannel, "field"> = {}): VegaLiteChannel {
  return { field: fieldRef(name), type: typeOf(data, name), title: name, ...extra };
}

/** A field on an x or y axis: whole-number ticks when the column holds whole numbers. */
function positional(data: ChartData, name: string, scale: "x" | "y", extra: Omit<VegaLiteChannel, "field"> = {}): VegaLiteChannel {
  const channel = field(data, name, extra);
  return channel.type === "quantitative" && isInteger(data, name) ? { ...channel, axis: integerAxis(scale) } : channel;
}

/** The spec's frame: schema, title with the notes as subtitle, size, the notebook look, data. */
function base(data: ChartData, look: ChartLook, extraNotes: readonly string[] = []): VegaLiteSpec {
  const notes = [...data.notes, ...extraNotes];
  // Vega-Lite draws no subtitle under an empty title: without a title, the notes are the title,
  // drawn as a subtitle is.
  const title =
    look.title !== undefined
      ? { title: { text: look.title, ...(notes.length ? { subtitle: notes } : {}) } }
      : notes.length
        ? { title: { text: notes, fontSize: 12, fontWeight: "normal" } }
        : {};
  return {
    $schema: SCHEMA,
    ...title,
    width: look.width ?? 400,
    height: look.height ?? 250,
    config: NOTEBOOK_CONFIG,
    usermeta: NOTEBOOK_USERMETA,
    data: { values: data.rows },
  };
}

function distinctLabels(data: ChartData, name: string): string[] {
  return [...new Set(data.rows.map((row) => valueText(row[name])))];
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) throw new RangeError(`this plot needs ${what}`);
  return value;
}

/** The x channel of an x/y plot: bars stand on a discrete axis; level labels unless they would overlap. */
function xChannel(data: ChartData, x: string, look: ChartLook, mark: VegaLiteMark, horizontal: boolean): VegaLiteChannel {
  // Bars stand each on an x of their own: numbers make an ordinal axis, labelled by value.
  if (mark.type === "bar" && typeOf(data, x) === "quantitative")
    return withLabelAngle(data, x, look, field(data, x, { type: "ordinal" }), horizontal);
  return withLabelAngle(data, x, look, positional(data, x, horizontal ? "y" : "x"), horizontal);
}

function withLabelAngle(data: ChartData, x: string, look: ChartLook, channel: VegaLiteChannel, horizontal: boolean): VegaLiteChannel {
  // Continuous axes thin out their own labels; a horizontal chart's discrete axis is vertical.
  if (horizontal || (channel.type !== "nominal" && channel.type !== "ordinal")) return channel;
  return { ...channel, axis: { labelAngle: discreteLabelAngle(distinctLabels(data, x), look.width ?? 400) } };
}

/** x against one or several y columns: several are folded into one series field. */
function xy(data: ChartData, look: ChartLook, mark: VegaLiteMark, horizontal: boolean): VegaLiteSpec {
  const x = required(look.x, "an x column");
  const ys = required(look.y, "a y column");
  const xEnc = xChannel(data, x, look, mark, horizontal);
  const several = ys.length > 1;
  const valueScale = horizontal ? "x" : "y";
  const names = ys.map((y) => aggregatedName(y, look.agg));
  const yEnc = several
    ? {
        field: VALUE,
        type: "quantitative",
        title: names.join(", "),
        ...(ys.every((y) => isInteger(data, y)) ? { axis: integerAxis(valueScale) } : {}),
      }
    : positional(data, ys[0], valueScale, { title: names[0] });
  const encoding: Record<string, VegaLiteChannel> = horizontal ? { y: xEnc, x: yEnc } : { x: xEnc, y: yEnc };
  if (several) {
    encoding.color = { field: SERIES, type: "nominal", title: null };
    if (mark.type === "bar") encoding[horizontal ? "yOffset" : "xOffset"] = { field: SERIES };
  } else if (look.color !== undefined) {
    encoding.color = field(data, look.color, { type: "nominal" });
  }
  // The series take the names the axis gives them (`sum(amount)`), in the legend and tooltips.
  const rename = look.agg === undefined ? [] : [{ calculate: `${JSON.stringify(`${look.agg}(`)} + datum.${SERIES} + ")"`, as: SERIES }];
  const notes = nullNotes(data, { x, ys, color: look.color, agg: look.agg });
  return {
    ...base(data, look, notes),
    ...(several ? { transform: [{ fold: ys.map(fieldRef), as: [SERIES, VALUE] }, ...rename] } : {}),
    mark,
    encoding,
  };
}

function pie(data: ChartData, look: ChartLook): VegaLiteSpec {
  const x = required(look.x, "a label column (x)");
  const y = required(look.y, "a value column (y)")[0];
  const notes = nullNotes(data, { x, ys: [y], agg: look.agg });
  return {
    ...base(data, look, notes),
    mark: { type: "arc", tooltip: true },
    encoding: { theta: field(data, y, { stack: true, title: aggregatedName(y, look.agg) }), color: field(data, x, { type: "nominal" }) },
  };
}

/** Bins computed by Spark: rows of (column, bin_start, bin_end, count). */
function hist(data: ChartData, look: ChartLook): VegaLiteSpec {
  const several = new Set(data.rows.map((r) => r.column)).size > 1;
  return {
    ...base(data, look),
    mark: { type: "bar", opacity: several ? 0.6 : 1, tooltip: true },
    encoding: {
      x: {
        field: "bin_start",
        type: "quantitative",
        bin: { binned: true },
        title: several ? "value" : String(data.rows[0]?.column ?? "value"),
      },
      x2: { field: "bin_end" },
      y: { field: "count", type: "quantitative", stack: null, title: "count", axis: integerAxis("y") },
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
  return { $schema: SCHEMA, ...spec, data: { values: data.rows } };
}
