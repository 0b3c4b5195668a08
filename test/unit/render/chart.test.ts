import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import {
  ChartAccessError,
  chartBundle,
  chartSpec,
  chartSvg,
  compileWarnings,
  fieldRef,
  VEGA_LITE_MIME,
  type ChartData,
  type ChartRenderOptions,
  type PlotKind,
  type VegaLiteData,
  type VegaLiteSpec,
} from "../../../src/render";
import { Chart } from "../../../src/sql/plot/chart";
import { chartScene } from "../../support/chartScene";

/** How many items each kind of mark has in a Vega SVG (`mark-rect` → rect: n). */
export function markCounts(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of svg.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)) {
    counts[m[1]] = (counts[m[1]] ?? 0) + (m[2].match(/<(path|line|text)\b/g)?.length ?? 0);
  }
  return counts;
}

const sales: ChartData = {
  columns: [
    { name: "region", type: "string" },
    { name: "amount", type: "decimal(10,2)" },
    { name: "cost", type: "double" },
  ],
  rows: [
    { region: "north", amount: 12.5, cost: 3 },
    { region: "south", amount: 7, cost: 2 },
    { region: "east", amount: 9.25, cost: 4 },
  ],
  notes: [],
};

const bins: ChartData = {
  columns: [
    { name: "column", type: "string" },
    { name: "bin_start", type: "double" },
    { name: "bin_end", type: "double" },
    { name: "count", type: "bigint" },
  ],
  rows: [0, 1, 2, 3].map((b) => ({ column: "price", bin_start: b, bin_end: b + 1, count: 10 - b })),
  notes: [],
};

const boxes: ChartData = {
  columns: ["part", "column", "lower", "q1", "median", "q3", "upper", "value"].map((name) => ({
    name,
    type: name === "part" || name === "column" ? "string" : "double",
  })),
  rows: [
    { part: "stats", column: "a", lower: 0, q1: 2, median: 5, q3: 7, upper: 9, value: null },
    { part: "outlier", column: "a", lower: null, q1: null, median: null, q3: null, upper: null, value: 40 },
  ],
  notes: [],
};

const densities: ChartData = {
  columns: [
    { name: "column", type: "string" },
    { name: "x", type: "double" },
    { name: "density", type: "double" },
  ],
  rows: [0, 1, 2, 3, 4].map((x) => ({ column: "a", x, density: Math.exp(-((x - 2) ** 2)) })),
  notes: [],
};

describe("chart specs", () => {
  const cases: [PlotKind, ChartData, object, string, number][] = [
    ["bar", sales, { x: "region", y: ["amount"] }, "rect", 3],
    ["barh", sales, { x: "region", y: ["amount"] }, "rect", 3],
    ["bar", sales, { x: "region", y: ["amount", "cost"] }, "rect", 6],
    ["line", sales, { x: "region", y: ["amount"] }, "line", 1],
    ["area", sales, { x: "region", y: ["amount", "cost"] }, "area", 2],
    ["scatter", sales, { x: "cost", y: ["amount"] }, "symbol", 3],
    ["pie", sales, { x: "region", y: ["amount"] }, "arc", 3],
    ["hist", bins, {}, "rect", 4],
    ["box", boxes, {}, "rect", 2],
    ["kde", densities, {}, "line", 1],
  ];
  for (const [kind, data, look, mark, n] of cases) {
    it(`${kind} ${JSON.stringify(look)} compiles with vega-lite 5 without warnings and draws ${n} ${mark} mark(s)`, async () => {
      const spec = chartSpec(kind, data, look);
      expect(spec.$schema).to.equal("https://vega.github.io/schema/vega-lite/v5.json");
      expect(compileWarnings(spec)).to.deep.equal([]);
      expect(markCounts(await chartSvg(spec))[mark]).to.equal(n);
    });
  }

  it("draws box plots with whiskers, a median tick and outlier points", async () => {
    const counts = markCounts(await chartSvg(chartSpec("box", boxes, {})));
    // Vega draws the box and the median tick as rect marks.
    expect(counts).to.deep.equal({ rule: 1, rect: 2, symbol: 1 });
  });

  it("types fields from the Spark schema: numbers quantitative, dates temporal, strings nominal", () => {
    const data: ChartData = {
      columns: [
        { name: "day", type: "date" },
        { name: "n", type: "bigint" },
        { name: "who", type: "string" },
      ],
      rows: [{ day: "2024-01-01", n: 1, who: "a" }],
      notes: [],
    };
    const spec = chartSpec("line", data, { x: "day", y: ["n"], color: "who" }) as unknown as { encoding: Record<string, { type: string }> };
    expect([spec.encoding.x.type, spec.encoding.y.type, spec.encoding.color.type]).to.deep.equal(["temporal", "quantitative", "nominal"]);
  });

  it("refers to column names with dots and brackets as names, not nested fields", async () => {
    expect(fieldRef("a.b[0]")).to.equal("a\\.b\\[0\\]");
    const data: ChartData = {
      columns: [
        { name: "a.b", type: "string" },
        { name: "n", type: "int" },
      ],
      rows: [{ "a.b": "x", n: 1 }],
      notes: [],
    };
    const spec = chartSpec("bar", data, { x: "a.b", y: ["n"] });
    expect(compileWarnings(spec)).to.deep.equal([]);
    expect(markCounts(await chartSvg(spec)).rect).to.equal(1);
  });

  it("says in the title when data was sampled or cut, drawn with or without a title of the user's", async () => {
    const cut = { ...sales, notes: ["the first 1,000 rows; more exist"] };
    const untitled = await chartScene(chartSpec("bar", cut, { x: "region", y: ["amount"] }));
    expect([untitled.title, untitled.subtitle]).to.deep.equal([["the first 1,000 rows; more exist"], []]);
    const titled = await chartScene(chartSpec("bar", cut, { x: "region", y: ["amount"], title: "Sales" }));
    expect([titled.title, titled.subtitle]).to.deep.equal([["Sales"], ["the first 1,000 rows; more exist"]]);
  });

  it("keeps data values as data: markup in labels is drawn as text, never as elements", async () => {
    const hostile = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)"];
    const data: ChartData = {
      columns: [
        { name: "label", type: "string" },
        { name: "n", type: "int" },
      ],
      rows: hostile.map((label, n) => ({ label, n })),
      notes: [],
    };
    const svg = await chartSvg(chartSpec("bar", data, { x: "label", y: ["n"] }));
    const elements = new Set<string>();
    const attributes = new Set<string>();
    const texts: string[] = [];
    const walk = (node: DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["documentFragment"]): void => {
      if ("tagName" in node) {
        elements.add(node.tagName);
        node.attrs.forEach((a) => attributes.add(a.name));
      }
      if (node.nodeName === "#text") texts.push((node as DefaultTreeAdapterMap["textNode"]).value);
      if ("childNodes" in node) node.childNodes.forEach(walk);
    };
    walk(parseFragment(svg));
    expect([...elements].filter((e) => ["script", "img", "a", "foreignobject", "iframe"].includes(e))).to.deep.equal([]);
    expect([...attributes].filter((a) => a.startsWith("on") || a === "href" || a === "xlink:href")).to.deep.equal([]);
    // Long axis labels are cut with "…" by Vega; their start is there as text.
    for (const label of hostile) expect(texts.join("\n")).to.include(label.slice(0, 12));
  });
});

describe("chart bundles", () => {
  it("offer Vega-Lite 5, an SVG and a text summary, and no HTML", async () => {
    const bundle = await chartBundle(chartSpec("bar", sales, { x: "region", y: ["amount"] }), "bar chart of amount by region");
    expect(Object.keys(bundle).sort()).to.deep.equal([VEGA_LITE_MIME, "image/svg+xml", "text/plain"].sort());
    expect(bundle["image/svg+xml"]).to.match(/^<svg /);
  });
});

describe("charts read no files or URLs unless their render call allows it", () => {
  const rows = [{ a: 1 }, { a: 2 }, { a: 3 }];
  let server: http.Server;
  let base: string;
  let connections = 0;
  let requests: string[] = [];
  let dir: string;
  let file: string;
  let readPaths: string[] = [];
  const realReadFile = fs.readFile;

  before(async () => {
    server = http.createServer((request, response) => {
      requests.push(request.url ?? "");
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(rows));
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chart-access-"));
    file = path.join(dir, "rows.json");
    fs.writeFileSync(file, JSON.stringify(rows.slice(0, 2)));
    // Vega's loader reads files with fs.readFile: every path it asks for is recorded.
    (fs as { readFile: unknown }).readFile = (...args: unknown[]) => {
      readPaths.push(String(args[0]));
      return (realReadFile as (...a: unknown[]) => void)(...args);
    };
  });

  after(async () => {
    (fs as { readFile: unknown }).readFile = realReadFile;
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function fresh(): void {
    connections = 0;
    requests = [];
    readPaths = [];
  }

  const points = (data: VegaLiteData): VegaLiteSpec => ({ data, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } });

  async function refusal(spec: VegaLiteSpec, options?: ChartRenderOptions): Promise<ChartAccessError> {
    const error = await chartSvg(spec, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ChartAccessError);
    return error as ChartAccessError;
  }

  it("refuses a data.url that is a file path or a file:// URL, naming it, and reads no file", async () => {
    for (const url of [file, pathToFileURL(file).href, "rows.json"]) {
      fresh();
      const error = await refusal(points({ url }));
      expect(error.refused).to.deep.equal([{ uri: url, source: "file" }]);
      expect(error.message).to.include(JSON.stringify(url)).and.include("{ access: { files: true } }");
      expect(readPaths).to.deep.equal([]);
    }
  });

  it("refuses an http data.url, naming it, and makes no connection", async () => {
    fresh();
    const error = await refusal(points({ url: `${base}/rows.json` }));
    expect(error.refused).to.deep.equal([{ uri: `${base}/rows.json`, source: "network" }]);
    expect(error.message).to.include("{ access: { network: true } }");
    expect([connections, requests]).to.deep.equal([0, []]);
  });

  it("finds URLs anywhere in a spec: layers, concatenations, lookups, and image marks (constant or from a field)", async () => {
    const inline = { values: [{ a: 1, k: 1, img: `${base}/from-field.png` }] };
    const specs: [string, VegaLiteSpec][] = [
      ["layer", { layer: [points(inline), points({ url: `${base}/layer.json` })] }],
      ["concat", { hconcat: [points(inline), points({ url: file })] }],
      [
        "lookup",
        { ...points(inline), transform: [{ lookup: "k", from: { data: { url: `${base}/lookup.json` }, key: "a", fields: ["b"] } }] },
      ],
      [
        "image",
        {
          data: inline,
          mark: { type: "image", width: 5, height: 5, url: `${base}/constant.png` },
          encoding: { x: { field: "a", type: "quantitative" } },
        },
      ],
      [
        "image field",
        {
          data: inline,
          mark: { type: "image", width: 5, height: 5 },
          encoding: { x: { field: "a", type: "quantitative" }, url: { field: "img" } },
        },
      ],
    ];
    fresh();
    const refused = [];
    for (const [, spec] of specs) refused.push((await refusal(spec)).refused.map((r) => r.uri));
    expect(refused).to.deep.equal([
      [`${base}/layer.json`],
      [file],
      [`${base}/lookup.json`],
      [`${base}/constant.png`],
      [`${base}/from-field.png`],
    ]);
    expect([connections, readPaths]).to.deep.equal([0, []]);
  });

  it("keeps credentials, queries and fragments out of the error", async () => {
    const port = (server.address() as AddressInfo).port;
    const error = await refusal(points({ url: `http://someone:hunter2@127.0.0.1:${port}/rows.json?token=abc123#k=v` }));
    expect(error.refused).to.deep.equal([{ uri: `http://127.0.0.1:${port}/rows.json?…`, source: "network" }]);
    expect(error.message).not.to.match(/hunter2|abc123|someone|k=v/);
  });

  it("fetches an http data.url with { access: { network: true } }, and still refuses files", async () => {
    fresh();
    const svg = await chartSvg(points({ url: `${base}/rows.json` }), { access: { network: true } });
    expect(markCounts(svg).symbol).to.equal(3);
    expect(requests).to.deep.equal(["/rows.json"]);
    expect((await refusal(points({ url: file }), { access: { network: true } })).refused).to.deep.equal([{ uri: file, source: "file" }]);
    expect(readPaths).to.deep.equal([]);
  });

  it("reads a local file with { access: { files: true } }, and still makes no connection", async () => {
    fresh();
    const svg = await chartSvg(points({ url: file }), { access: { files: true } });
    expect(markCounts(svg).symbol).to.equal(2);
    expect(readPaths).to.deep.equal([file]);
    expect((await refusal(points({ url: `${base}/rows.json` }), { access: { files: true } })).refused[0].source).to.equal("network");
    expect(connections).to.equal(0);
  });

  it("applies to chart bundles too, with the same options", async () => {
    fresh();
    const spec = points({ url: `${base}/rows.json` });
    const error = await chartBundle(spec, "points").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ChartAccessError);
    expect(connections).to.equal(0);
    const bundle = await chartBundle(spec, "points", { access: { network: true } });
    expect(markCounts(bundle["image/svg+xml"]).symbol).to.equal(3);
  });

  it("applies to a Chart (as df.plot.vegaLite makes with its `access` option) when it is drawn or shown", async () => {
    const layered = { layer: [points({ values: [{ a: 9 }] }), points({ url: `${base}/rows.json` })] };
    const build = () => Promise.resolve({ data: { columns: [], rows: [], notes: [] }, spec: layered });
    fresh();
    const closed = new Chart("layered chart", build);
    for (const draw of [() => closed.toSVG(), () => closed.bundle()]) {
      expect(
        await draw().then(
          () => undefined,
          (e: unknown) => e,
        ),
      ).to.be.instanceOf(ChartAccessError);
    }
    expect(connections).to.equal(0);
    const open = new Chart("layered chart", build, { access: { network: true } });
    expect(markCounts(await open.toSVG()).symbol).to.equal(4);
  });
});
