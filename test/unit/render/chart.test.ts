import { expect } from "chai";
import { describe, it } from "mocha";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { chartBundle, chartSpec, chartSvg, compileWarnings, fieldRef, VEGA_LITE_MIME, type ChartData, type PlotKind } from "../../../src/render";

/** How many items each kind of mark has in a Vega SVG (`mark-rect` → rect: n). */
export function markCounts(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of svg.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)) {
    counts[m[1]!] = (counts[m[1]!] ?? 0) + (m[2]!.match(/<(path|line|text)\b/g)?.length ?? 0);
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
  columns: [{ name: "column", type: "string" }, { name: "bin_start", type: "double" }, { name: "bin_end", type: "double" }, { name: "count", type: "bigint" }],
  rows: [0, 1, 2, 3].map((b) => ({ column: "price", bin_start: b, bin_end: b + 1, count: 10 - b })),
  notes: [],
};

const boxes: ChartData = {
  columns: ["part", "column", "lower", "q1", "median", "q3", "upper", "value"].map((name) => ({ name, type: name === "part" || name === "column" ? "string" : "double" })),
  rows: [
    { part: "stats", column: "a", lower: 0, q1: 2, median: 5, q3: 7, upper: 9, value: null },
    { part: "outlier", column: "a", lower: null, q1: null, median: null, q3: null, upper: null, value: 40 },
  ],
  notes: [],
};

const densities: ChartData = {
  columns: [{ name: "column", type: "string" }, { name: "x", type: "double" }, { name: "density", type: "double" }],
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
      expect((spec as { $schema: string }).$schema).to.equal("https://vega.github.io/schema/vega-lite/v5.json");
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
      columns: [{ name: "day", type: "date" }, { name: "n", type: "bigint" }, { name: "who", type: "string" }],
      rows: [{ day: "2024-01-01", n: 1, who: "a" }],
      notes: [],
    };
    const spec = chartSpec("line", data, { x: "day", y: ["n"], color: "who" }) as unknown as { encoding: Record<string, { type: string }> };
    expect([spec.encoding.x!.type, spec.encoding.y!.type, spec.encoding.color!.type]).to.deep.equal(["temporal", "quantitative", "nominal"]);
  });

  it("refers to column names with dots and brackets as names, not nested fields", async () => {
    expect(fieldRef("a.b[0]")).to.equal("a\\.b\\[0\\]");
    const data: ChartData = { columns: [{ name: "a.b", type: "string" }, { name: "n", type: "int" }], rows: [{ "a.b": "x", n: 1 }], notes: [] };
    const spec = chartSpec("bar", data, { x: "a.b", y: ["n"] });
    expect(compileWarnings(spec)).to.deep.equal([]);
    expect(markCounts(await chartSvg(spec)).rect).to.equal(1);
  });

  it("says in the title when data was sampled or cut", () => {
    const spec = chartSpec("bar", { ...sales, notes: ["the first 1,000 rows; more exist"] }, { x: "region", y: ["amount"] }) as unknown as { title: { subtitle: string[] } };
    expect(spec.title.subtitle).to.deep.equal(["the first 1,000 rows; more exist"]);
  });

  it("keeps data values as data: markup in labels is drawn as text, never as elements", async () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)"];
    const data: ChartData = { columns: [{ name: "label", type: "string" }, { name: "n", type: "int" }], rows: hostile.map((label, n) => ({ label, n })), notes: [] };
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
