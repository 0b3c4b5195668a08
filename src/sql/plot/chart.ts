import { chartBundle, chartSvg, type ChartBundle, type ChartData, type ChartRenderOptions, type VegaLiteSpec } from "../../render";

/**
 * What building a chart gives: its data, its spec, and, when the chart says more than the data's
 * notes (that some points are null and not drawn), every note the chart shows.
 */
export interface BuiltChart {
  readonly data: ChartData;
  readonly spec: VegaLiteSpec;
  readonly notes?: readonly string[];
}

/**
 * A chart of a DataFrame: computed by Spark when first shown or asked for, then kept. Left as a
 * notebook cell's last expression (or passed to `display`), it shows as Vega-Lite with a static
 * SVG beside it.
 *
 * @example
 * ```ts
 * const chart = df.plot.bar({ x: "region", y: "amount", agg: "sum" });
 * const spec = await chart.spec();   // Vega-Lite 5, data inline
 * const svg = await chart.toSVG();   // rendered without a browser
 * ```
 */
export class Chart {
  #built: Promise<BuiltChart> | undefined;

  /** @internal Charts come from `df.plot`. */
  constructor(
    /** What the chart shows, e.g. "bar chart of amount by region". */
    readonly description: string,
    private readonly build: () => Promise<BuiltChart>,
    /** How its SVG is rendered: what it may read beyond its spec (nothing unless allowed). */
    private readonly render: ChartRenderOptions = {},
  ) {}

  private built(): Promise<BuiltChart> {
    this.#built ??= this.build();
    this.#built.catch(() => (this.#built = undefined));
    return this.#built;
  }

  /** The data Spark computed for the chart (bounded; its notes say what was sampled or cut). */
  async data(): Promise<ChartData> {
    return (await this.built()).data;
  }

  /** The Vega-Lite 5 spec, with the data inline. */
  async spec(): Promise<VegaLiteSpec> {
    return (await this.built()).spec;
  }

  /** The chart as SVG (see {@link chartSvg}: it reads no files or URLs unless the chart allows it). */
  async toSVG(): Promise<string> {
    return chartSvg(await this.spec(), this.render);
  }

  /**
   * The display bundle: Vega-Lite, SVG and a text summary (no HTML, which would hide the chart).
   * The summary carries the notes the chart draws, so a reader of the text alone learns what was
   * sampled, cut or left out as null.
   */
  async bundle(): Promise<ChartBundle> {
    const { data, spec, notes: shown = data.notes } = await this.built();
    const notes = shown.length ? ` (${shown.join("; ")})` : "";
    return chartBundle(spec, `${this.description}: ${data.rows.length} data points${notes}`, this.render);
  }

  /** Jupyter's display protocol (as Deno's kernel and this package's kernel read it). */
  [Symbol.for("Jupyter.display")](): Promise<ChartBundle> {
    return this.bundle();
  }
}
