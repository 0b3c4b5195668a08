// A chart as Jupyter shows it: Vega-Lite for JupyterLab and VS Code, a static SVG (rendered here,
// headless, by Vega) for GitHub and nbviewer, and a text summary; never text/html, which
// JupyterLab would prefer to the chart.
import { ChartAccessError, checkNamedUris, guardedLoader, type ChartRenderOptions, type RefusedRead } from "./chartAccess";
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- named by chartSvg's {@link}
import type { ChartAccess } from "./chartAccess";
import type { VegaLiteSpec } from "./vegaLiteSpec";

// Vega and Vega-Lite take a tenth of a second or more to load, and most sessions draw no chart:
// they load on the first, not with the package (a kernel start would wait for them). They are
// optional peers of spark-ts (the kernel brings them): a service that only wants specs and data
// does not install them.
let libraries: { readonly vega: typeof import("vega"); readonly vegaLite: typeof import("vega-lite") } | undefined;
function vegaLibraries(): NonNullable<typeof libraries> {
  if (libraries) return libraries;
  try {
    // A synchronous load on first use (see above); an import() would make every caller async.
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily on purpose */
    libraries = { vega: require("vega") as typeof import("vega"), vegaLite: require("vega-lite") as typeof import("vega-lite") };
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw err;
    throw new Error(
      "Rendering a chart (its SVG, or Vega-Lite's checks of its spec) needs the packages vega and vega-lite, optional " +
        "peers of spark-ts that are not installed here: npm install vega@5 vega-lite@5 (the notebook kernel, " +
        "spark-ts-kernel, brings them). A chart's spec and data, chart.spec() and chart.data(), need neither.",
      { cause: err },
    );
  }
  return libraries;
}

// vega-lite's own spec type stays here, out of the declarations (a consumer without the optional
// peer must not need it): the spec is JSON, and Vega-Lite checks it as it compiles it.
function asTopLevelSpec(spec: VegaLiteSpec): import("vega-lite").TopLevelSpec {
  return spec as import("vega-lite").TopLevelSpec;
}

/** The mime type JupyterLab 4 and VS Code draw with vega-lite 5. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** A chart's display bundle. */
export interface ChartBundle {
  readonly [VEGA_LITE_MIME]: VegaLiteSpec;
  readonly "image/svg+xml": string;
  readonly "text/plain": string;
}

/** Vega-Lite's compiler warnings for a spec (an empty list means a clean spec). */
export function compileWarnings(spec: VegaLiteSpec): string[] {
  const warnings: string[] = [];
  const logger = {
    level() {
      return logger;
    },
    warn: (...args: unknown[]) => void warnings.push(args.map(String).join(" ")),
    error: (...args: unknown[]) => void warnings.push(args.map(String).join(" ")),
    info: () => logger,
    debug: () => logger,
  };
  vegaLibraries().vegaLite.compile(asTopLevelSpec(spec), { logger: logger as never });
  return warnings;
}

/**
 * The SVG of a spec, rendered without a browser. Rendering reads no files and no URLs: a spec
 * that names one (a `data.url` anywhere, in layers, facets and lookups too, or an image `url`) is
 * refused with a {@link ChartAccessError} naming it, before anything is read, unless
 * `options.access` allows files or the network (see {@link ChartAccess}).
 *
 * @example
 * ```ts
 * const svg = await chartSvg({ mark: "point", data: { values: [{ a: 1 }] }, encoding: { x: { field: "a", type: "quantitative" } } });
 * await chartSvg({ mark: "point", data: { url: "https://example.com/cars.json" } });                          // throws ChartAccessError
 * await chartSvg({ mark: "point", data: { url: "https://example.com/cars.json" } }, { access: { network: true } }); // fetches it
 * ```
 */
export async function chartSvg(spec: VegaLiteSpec, options: ChartRenderOptions = {}): Promise<string> {
  const { vega, vegaLite } = vegaLibraries();
  const access = options.access ?? {};
  const compiled = vegaLite.compile(asTopLevelSpec(spec)).spec;
  checkNamedUris(compiled, access);
  // URLs computed at run time (signals, fields) meet the loader: Vega turns its refusals into
  // warnings and empty data, so they are collected and thrown once the view has run.
  const refused: RefusedRead[] = [];
  const loader = guardedLoader(vega.loader(), access, refused);
  const view = new vega.View(vega.parse(compiled), { renderer: "none", loader });
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) throw new ChartAccessError(refused);
    return svg;
  } finally {
    view.finalize();
  }
}

/**
 * The display bundle of a spec; `summary` is its text form ("bar chart of amount by region, 4 bars").
 * Its SVG is rendered as {@link chartSvg} renders it, with the same `options`.
 *
 * @example
 * ```ts
 * const bundle = await chartBundle(spec, "bar chart of amount by region");
 * ```
 */
export async function chartBundle(spec: VegaLiteSpec, summary: string, options: ChartRenderOptions = {}): Promise<ChartBundle> {
  return { [VEGA_LITE_MIME]: spec, "image/svg+xml": await chartSvg(spec, options), "text/plain": summary };
}
