// What rendering a chart may read beyond its spec. A Vega spec can name data by URL (`data.url`, in
// a layer, a facet, a lookup's `from`) and images by URL; Vega's own loader in Node would read
// such a path from the disk or fetch such a URL, on the machine that renders, with its network.
// Charts here carry their data inline, so rendering reads nothing unless its caller allows it.

/**
 * What a chart's rendering may read that is not in its spec. Both default to `false`: a spec that
 * names a file or a URL is refused with a {@link ChartAccessError}, and nothing is read.
 *
 * @example
 * ```ts
 * const access: ChartAccess = { network: true }; // http(s) URLs may be fetched, files stay closed
 * ```
 */
export interface ChartAccess {
  /** Whether local files a spec names (`"data/cars.json"`, `"/tmp/x.csv"`, `"file:///…"`) may be read. */
  readonly files?: boolean;
  /** Whether URLs a spec names (`http:`, `https:`, `//host/…`, any other scheme) may be fetched. */
  readonly network?: boolean;
}

/**
 * Options of a chart's rendering (see {@link chartSvg}).
 *
 * @example
 * ```ts
 * await chartSvg(spec, { access: { files: true } });
 * ```
 */
export interface ChartRenderOptions {
  /** What the rendering may read beyond the spec (default: nothing). */
  readonly access?: ChartAccess;
}

/** Where a URL in a spec would be read from: the disk, the network, or nowhere (a `data:` URL). */
type Source = "file" | "network" | "inline";

function sourceOf(uri: string): Source {
  const trimmed = uri.trim();
  if (/^data:/i.test(trimmed)) return "inline";
  if (/^file:/i.test(trimmed)) return "file";
  if (trimmed.startsWith("//") || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed)) {
    // A Windows path ("C:\…") is a file, not a URL of scheme "c".
    return /^[A-Za-z]:[\\/]/.test(trimmed) ? "file" : "network";
  }
  return "file";
}

/** A URL as an error may show it: no user name or password, no query or fragment (either may hold a secret). */
function shownUri(uri: string): string {
  const text = uri.trim();
  if (/^data:/i.test(text)) return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (/^file:/i.test(text) || sourceOf(text) === "file") return text;
  try {
    const relative = text.startsWith("//");
    const url = new URL(relative ? `http:${text}` : text);
    const rest = url.search || url.hash ? "?…" : "";
    return `${relative ? "" : url.protocol}//${url.host}${url.pathname}${rest}`;
  } catch {
    // Not a URL that parses: its scheme, and no more.
    return `${text.split(":")[0]}:…`;
  }
}

/** One thing a rendering was not allowed to read. */
export interface RefusedRead {
  /** The URL or path, as the spec gave it (credentials and query values left out). */
  readonly uri: string;
  /** Where it would have been read from. */
  readonly source: "file" | "network";
}

/**
 * Rendering a chart would have read a file or a URL the caller did not allow (see
 * {@link ChartAccess}). Nothing was read: the check comes before Vega runs, and Vega's loader
 * refuses too.
 *
 * @example
 * ```ts
 * try {
 *   await chartSvg({ data: { url: "/etc/passwd" }, mark: "point" });
 * } catch (e) {
 *   if (e instanceof ChartAccessError) e.refused; // [{ uri: "/etc/passwd", source: "file" }]
 * }
 * ```
 */
export class ChartAccessError extends Error {
  override readonly name = "ChartAccessError";
  /** What was refused, in the spec's order. */
  readonly refused: readonly RefusedRead[];

  constructor(refused: readonly RefusedRead[]) {
    const what = refused.map((r) => `${r.source === "file" ? "the file" : "the URL"} ${JSON.stringify(r.uri)}`).join(", ");
    const allow = [...new Set(refused.map((r) => (r.source === "file" ? "files: true" : "network: true")))].join(", ");
    super(
      `This chart's spec asks to read ${what}, and was refused: a chart reads no files or URLs unless its render ` +
        `call allows it with { access: { ${allow} } }. Or put the data in the spec (data.values).`,
    );
    this.refused = refused;
  }
}

function allowed(source: Source, access: ChartAccess): boolean {
  return source === "inline" || (source === "file" ? access.files === true : access.network === true);
}

function refusal(uri: string, source: Source): RefusedRead {
  return { uri: shownUri(uri), source: source === "file" ? "file" : "network" };
}

/**
 * The constant URLs a compiled Vega spec names where Vega would read them: every data set's `url`
 * (top level and inside group marks) and every constant image `url`. A URL computed by a signal
 * or taken from a field is caught by the loader, when Vega asks for it.
 */
export function namedUris(vegaSpec: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (key === "data" && typeof record.url === "string") found.push(record.url);
    if (key === "url" && typeof record.value === "string") found.push(record.value);
    for (const [k, v] of Object.entries(record)) if (k !== "usermeta") walk(v, k);
  };
  walk(vegaSpec, undefined);
  return found;
}

/**
 * Throws a {@link ChartAccessError} when a compiled Vega spec names a file or URL that `access`
 * does not allow.
 */
export function checkNamedUris(vegaSpec: unknown, access: ChartAccess): void {
  const refused = namedUris(vegaSpec).flatMap((uri) => {
    const source = sourceOf(uri);
    return allowed(source, access) ? [] : [refusal(uri, source)];
  });
  if (refused.length > 0) throw new ChartAccessError(refused);
}

/**
 * The part of a Vega loader (vega's `Loader`) that {@link guardedLoader} wraps. Declared here, not
 * imported: vega is an optional peer of spark-ts, and these declarations must not need it. A
 * vega `Loader` is one, and the guarded loader made from it is again a vega `Loader`.
 */
export interface VegaLoader {
  load(uri: string, options?: object): Promise<string>;
  sanitize(uri: string, options: object): Promise<{ href: string }>;
  http(uri: string, options: object): Promise<string>;
  file(filename: string): Promise<string>;
}

/**
 * A Vega loader that reads only what `access` allows, and records in `refused` what it would not
 * read: Vega turns a failed load into a warning and an empty data set (and a refused image into
 * an empty one), so the caller checks `refused` after rendering.
 */
export function guardedLoader(base: VegaLoader, access: ChartAccess, refused: RefusedRead[]): VegaLoader {
  const refuse = (uri: string, source: Source): never => {
    const read = refusal(uri, source);
    if (!refused.some((r) => r.uri === read.uri && r.source === read.source)) refused.push(read);
    throw new ChartAccessError([read]);
  };
  const guarded: VegaLoader = {
    // Vega's own load: it calls sanitize, then file or http, on this loader: the guarded ones.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- unbound on purpose: `this` must be this loader
    load: base.load,
    async sanitize(uri, options) {
      const source = sourceOf(String(uri));
      if (!allowed(source, access)) refuse(String(uri), source);
      return base.sanitize.call(guarded, uri, options);
    },
    async file(filename) {
      if (access.files !== true) refuse(filename, "file");
      return base.file.call(guarded, filename);
    },
    async http(uri, options) {
      if (sourceOf(uri) !== "inline" && access.network !== true) refuse(uri, "network");
      return base.http.call(guarded, uri, options);
    },
  };
  // Vega's sanitize reads these two from the loader it is called on.
  return Object.assign(guarded, { options: (base as { options?: unknown }).options ?? {}, fileAccess: access.files === true });
}
