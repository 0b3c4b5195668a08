// A chart as Jupyter shows it: Vega-Lite for JupyterLab and VS Code, a static SVG (rendered here,
// headless, by Vega) for GitHub and nbviewer, and a text summary; never text/html, which
// JupyterLab would prefer to the chart.
import type { TopLevelSpec } from "vega-lite";

// Vega and Vega-Lite take a tenth of a second or more to load, and most sessions draw no chart:
// they load on the first, not with the package (a kernel start would wait for them).
let libraries: { readonly vega: typeof import("vega"); readonly vegaLite: typeof import("vega-lite") } | undefined;
function vegaLibraries(): NonNullable<typeof libraries> {
  return (libraries ??= { vega: require("vega") as typeof import("vega"), vegaLite: require("vega-lite") as typeof import("vega-lite") });
}

/** The mime type JupyterLab 4 and VS Code draw with vega-lite 5. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** A chart's display bundle. */
export interface ChartBundle {
  readonly [VEGA_LITE_MIME]: TopLevelSpec;
  readonly "image/svg+xml": string;
  readonly "text/plain": string;
}

/** Vega-Lite's compiler warnings for a spec (an empty list means a clean spec). */
export function compileWarnings(spec: TopLevelSpec): string[] {
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
  vegaLibraries().vegaLite.compile(spec, { logger: logger as never });
  return warnings;
}

/**
 * The SVG of a spec, rendered without a browser.
 *
 * @example
 * ```ts
 * const svg = await chartSvg({ mark: "point", data: { values: [{ a: 1 }] }, encoding: { x: { field: "a", type: "quantitative" } } });
 * ```
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = vegaLibraries();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The display bundle of a spec; `summary` is its text form ("bar chart of amount by region, 4 bars"). */
export async function chartBundle(spec: TopLevelSpec, summary: string): Promise<ChartBundle> {
  return { [VEGA_LITE_MIME]: spec, "image/svg+xml": await chartSvg(spec), "text/plain": summary };
}
