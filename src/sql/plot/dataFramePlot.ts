import { chartSpec, withData, type ChartAccess, type ChartData, type ChartLook, type PlotKind, type VegaLiteSpec } from "../../render";
import { nullNotes } from "../../render/chart/missingValues";
import type { DataFrame } from "../dataframe";
import { Chart } from "./chart";
import { boxData, firstRows, histData, kdeData, xyData, type Aggregation } from "./plotComputations";

/** Title and size, for every kind of plot. */
export interface PlotLayout {
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

/** Options of `line`, `bar`, `barh`, `area` and `scatter`, as PySpark's keyword arguments. */
export interface XYPlotOptions extends PlotLayout {
  /** The x column. */
  readonly x: string;
  /** One y column, or several (drawn as series). */
  readonly y: string | readonly string[];
  /** A column whose values color and group the marks. */
  readonly color?: string;
  /** Aggregate y per x (and color) on the server instead of plotting rows. */
  readonly agg?: Aggregation;
  /** Rows (or groups) drawn at most; more are sampled (line, area, scatter) or cut (bar). Default 1000. */
  readonly maxRows?: number;
}

/** Options of `pie`. */
export interface PiePlotOptions extends PlotLayout {
  /** The label column. */
  readonly x: string;
  /** The value column. */
  readonly y: string;
  readonly agg?: Aggregation;
  readonly maxRows?: number;
}

/** Options of `hist`, `box` and `kde`: the columns (default: every numeric column). */
export interface DistributionOptions extends PlotLayout {
  readonly column?: string | readonly string[];
}

/** Options of `hist`. */
export interface HistOptions extends DistributionOptions {
  /** The number of bins (default 10). */
  readonly bins?: number;
}

/** Options of `kde`. */
export interface KdeOptions extends DistributionOptions {
  /** The bandwidth factor (times the standard deviation); default Scott's rule. */
  readonly bwMethod?: number;
  /** The points to evaluate at, or how many evenly spaced ones (default 100). */
  readonly ind?: number | readonly number[];
}

/** PySpark's default `plotting.max_rows`. */
const DEFAULT_MAX_ROWS = 1000;

const NUMERIC = /^(tinyint|smallint|int|bigint|float|double|decimal)/;

/**
 * `df.plot`: charts whose data Spark computes (aggregates, bins, quantiles, samples), modelled on
 * PySpark 4's `DataFrame.plot`. Each method returns a {@link Chart} at once; Spark runs when it
 * is shown.
 *
 * @example
 * ```ts
 * df.plot.bar({ x: "region", y: "amount", agg: "sum", title: "Sales by region" });
 * df.plot.hist({ column: "price", bins: 20 });
 * ```
 */
export class DataFramePlot {
  constructor(private readonly df: DataFrame) {}

  /** A line chart of y against x (sorted by x; sampled above `maxRows` rows). */
  line(options: XYPlotOptions): Chart {
    return this.xy("line", options, true, true);
  }

  /** Vertical bars of y per x (the first `maxRows` rows, or `agg` per x). */
  bar(options: XYPlotOptions): Chart {
    return this.xy("bar", options, false, false);
  }

  /** Horizontal bars of y per x. */
  barh(options: XYPlotOptions): Chart {
    return this.xy("barh", options, false, false);
  }

  /** A stacked area chart of y against x. */
  area(options: XYPlotOptions): Chart {
    return this.xy("area", options, true, true);
  }

  /** Points of y against x (sampled above `maxRows` rows). */
  scatter(options: XYPlotOptions): Chart {
    return this.xy("scatter", options, true, false);
  }

  /** A pie of y per label x. */
  pie(options: PiePlotOptions): Chart {
    return this.xy("pie", { ...options, y: [options.y] }, false, false);
  }

  /** Histograms, binned by Spark. */
  hist(options: HistOptions = {}): Chart {
    return this.distribution("hist", options, (columns) => histData(this.df, columns, options.bins ?? 10));
  }

  /** Box plots from Spark's approximate quartiles, with outliers beyond 1.5 IQR. */
  box(options: DistributionOptions = {}): Chart {
    return this.distribution("box", options, (columns) => boxData(this.df, columns));
  }

  /** Kernel density estimates, evaluated by Spark. */
  kde(options: KdeOptions = {}): Chart {
    return this.distribution("kde", options, (columns) => kdeData(this.df, columns, options.bwMethod, options.ind ?? 100));
  }

  /**
   * Your own Vega-Lite 5 spec, drawn over the first `maxRows` rows of the DataFrame (its `data` is
   * replaced by them). Its SVG is rendered reading no files or URLs: a spec that names one (a
   * layer's or a lookup's `data.url`, an image `url`) is refused unless `access` allows it (see
   * {@link ChartAccess}).
   *
   * @example
   * ```ts
   * df.plot.vegaLite({ mark: "point", encoding: { x: { field: "a", type: "quantitative" } } }, { maxRows: 500 });
   * ```
   */
  vegaLite(spec: VegaLiteSpec, options: { maxRows?: number; access?: ChartAccess } = {}): Chart {
    const render = options.access === undefined ? {} : { access: options.access };
    return new Chart(
      "Vega-Lite chart",
      async () => {
        const data = await firstRows(this.df, options.maxRows ?? DEFAULT_MAX_ROWS);
        return { data, spec: withData(spec, data) };
      },
      render,
    );
  }

  private xy(kind: PlotKind, options: XYPlotOptions, sampled: boolean, ordered: boolean): Chart {
    const ys = typeof options.y === "string" ? [options.y] : [...options.y];
    const names = [...new Set([options.x, ...ys, ...(options.color ? [options.color] : [])])];
    const look: ChartLook = { ...options, y: ys };
    const what = `${kind} chart of ${ys.join(", ")} by ${options.x}`;
    // The spec notes the null values it cannot draw; the text summary says so too. A pie has no color.
    const color = kind === "pie" ? undefined : options.color;
    return new Chart(what, async () => {
      const data = await xyData(this.df, names, { ...options, ys, maxRows: options.maxRows ?? DEFAULT_MAX_ROWS, sampled, ordered });
      const notes = [...data.notes, ...nullNotes(data, { x: options.x, ys, color, agg: options.agg })];
      return { data, spec: chartSpec(kind, data, look), notes };
    });
  }

  private distribution(kind: PlotKind, options: DistributionOptions, compute: (columns: string[]) => Promise<ChartData>): Chart {
    return new Chart(`${kind} of ${describeColumns(options.column)}`, async () => {
      const columns = await this.columnsFor(options.column);
      const data = await compute(columns);
      return { data, spec: chartSpec(kind, data, options) };
    });
  }

  private async columnsFor(column: string | readonly string[] | undefined): Promise<string[]> {
    if (column !== undefined) return typeof column === "string" ? [column] : [...column];
    const schema = await this.df.schema;
    const numeric = schema.fields.filter((f) => NUMERIC.test(f.dataType.simpleString())).map((f) => f.name);
    if (numeric.length === 0) throw new RangeError("the DataFrame has no numeric column to plot");
    return numeric;
  }
}

function describeColumns(column: string | readonly string[] | undefined): string {
  return column === undefined ? "the numeric columns" : typeof column === "string" ? column : column.join(", ");
}
