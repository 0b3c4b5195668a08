// The chart API's own type for a Vega-Lite spec. vega-lite is an optional peer of spark-ts, so its
// `TopLevelSpec` cannot appear in these declarations: a consumer without vega-lite would get
// "Cannot find module 'vega-lite'" from them, or, with skipLibCheck, charts typed `any`. This type
// names the parts of a spec that the charts here write and read, and is open for the rest.
// Nested parts carry index signatures (JSON objects), so a vega-lite type converts with `as`.

/**
 * A Vega-Lite 5 spec as a plain JSON object: the properties the charts of spark-ts write
 * (`$schema`, `data`, `mark`, `encoding`, `transform`, `layer`, `title`, `width`, `height`), and
 * any other property of Vega-Lite, unchecked. Vega-Lite itself checks a spec when it compiles
 * it (see `compileWarnings`).
 *
 * For vega-lite's full typing, install `vega-lite` and cast: `spec as TopLevelSpec` (from
 * `import type { TopLevelSpec } from "vega-lite"`); a `TopLevelSpec` comes back with
 * `as VegaLiteSpec`.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = {
 *   mark: "point",
 *   data: { values: [{ a: 1, b: 2 }] },
 *   encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } },
 * };
 * const svg = await chartSvg(spec);
 * ```
 */
export interface VegaLiteSpec {
  /** The JSON schema it follows; specs made here name `https://vega.github.io/schema/vega-lite/v5.json`. */
  readonly $schema?: string;
  /** Its data; the charts of spark-ts always carry their rows inline, in `data.values`. */
  readonly data?: VegaLiteData | null;
  /** The mark: its name (`"bar"`) or its definition (`{ type: "bar", tooltip: true }`). */
  readonly mark?: string | VegaLiteMark;
  /** Which field each visual channel (`x`, `y`, `color`, `theta`, ...) shows. */
  readonly encoding?: VegaLiteEncoding;
  /** Transforms run on the data before it is drawn (`{ fold: [...] }`, `{ filter: "..." }`). */
  readonly transform?: readonly object[];
  /** Layered views, drawn on top of each other. */
  readonly layer?: readonly VegaLiteSpec[];
  /** A title, or a title with a subtitle (where charts here say what was sampled or cut). */
  readonly title?: string | readonly string[] | VegaLiteTitle;
  /** Width in pixels, `"container"`, or `{ step: n }`. */
  readonly width?: number | string | VegaLiteStep;
  /** Height in pixels, `"container"`, or `{ step: n }`. */
  readonly height?: number | string | VegaLiteStep;
  /** Any other Vega-Lite property (`params`, `hconcat`, `facet`, `config`, ...). */
  readonly [property: string]: unknown;
}

/**
 * A Vega-Lite spec's data: rows inline (`values`), a URL to read (which rendering refuses unless
 * allowed, see `ChartAccess`), a named data set, or any other Vega-Lite data source.
 *
 * @example
 * ```ts
 * const data: VegaLiteData = { values: [{ region: "north", amount: 10 }] };
 * ```
 */
export interface VegaLiteData {
  /** Inline data: rows (objects of field name to value) or plain values, or text (CSV, JSON) parsed by `format`. */
  readonly values?: readonly unknown[] | string | object;
  /** A file or URL to read the data from. */
  readonly url?: string;
  /** The name of a data set given to the view. */
  readonly name?: string;
  /** Any other property (`format`, `sequence`, ...). */
  readonly [property: string]: unknown;
}

/**
 * A mark definition: its `type` and its options.
 *
 * @example
 * ```ts
 * const mark: VegaLiteMark = { type: "bar", tooltip: true };
 * ```
 */
export interface VegaLiteMark {
  /** The kind of mark: `"bar"`, `"line"`, `"area"`, `"point"`, `"arc"`, `"rule"`, `"tick"`, ... */
  readonly type: string;
  readonly [option: string]: unknown;
}

/**
 * A spec's encoding: a definition for each channel it uses (`tooltip` may take a list, or `null`
 * for none).
 *
 * @example
 * ```ts
 * const encoding: VegaLiteEncoding = { x: { field: "region", type: "nominal" }, y: { field: "amount", type: "quantitative" } };
 * ```
 */
export interface VegaLiteEncoding {
  readonly [channel: string]: VegaLiteChannel | readonly VegaLiteChannel[] | null | undefined;
}

/**
 * What one encoding channel shows: a field and its type, or a constant `value`, with any other
 * channel option (`bin`, `stack`, `aggregate`, `scale`, ...).
 *
 * @example
 * ```ts
 * const x: VegaLiteChannel = { field: "amount", type: "quantitative", title: "amount (EUR)" };
 * ```
 */
export interface VegaLiteChannel {
  /** The field shown (a `.` in a name means nested access unless escaped, see `fieldRef`). */
  readonly field?: string;
  /** `"quantitative"`, `"temporal"`, `"ordinal"` or `"nominal"`. */
  readonly type?: string;
  /** The axis or legend title; `null` for none. */
  readonly title?: string | null;
  readonly [option: string]: unknown;
}

/**
 * A title with its options, such as a subtitle.
 *
 * @example
 * ```ts
 * const title: VegaLiteTitle = { text: "amount by region", subtitle: ["sampled 1,000 of 2,000,000 rows"] };
 * ```
 */
export interface VegaLiteTitle {
  readonly text: string | readonly string[];
  readonly subtitle?: string | readonly string[];
  readonly [option: string]: unknown;
}

/**
 * A width or height given per step of a discrete axis rather than in pixels.
 *
 * @example
 * ```ts
 * const width: VegaLiteStep = { step: 20 }; // 20 pixels per bar
 * ```
 */
export interface VegaLiteStep {
  readonly step: number;
  readonly [option: string]: unknown;
}
