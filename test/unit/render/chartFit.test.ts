// Charts that fit the notebook (issue 20, point 6), measured on the chart as Vega lays it out
// headless: backgrounds and guide colors under a light and a dark theme, tick values, axis
// titles, label angles and boxes, and the notes a chart draws.
import { expect } from "chai";
import { describe, it } from "mocha";
import { chartSpec, chartSvg, compileWarnings, type ChartData, type ChartLook, type PlotKind } from "../../../src/render";
import { discreteLabelAngle, labelWidth } from "../../../src/render/chart/axisLabels";
import { axisAt, chartScene, overlap, type SceneText } from "../../support/chartScene";

/**
 * What JupyterLab passes when its theme is dark: vega-embed's "dark" theme, whose colors (as the
 * vega-themes package documents them) are a #333 background and white guides.
 */
const VEGA_DARK_THEME = {
  background: "#333",
  view: { stroke: "#888" },
  title: { color: "#fff", subtitleColor: "#fff" },
  style: { "guide-label": { fill: "#fff" }, "guide-title": { fill: "#fff" } },
  axis: { domainColor: "#fff", gridColor: "#888", tickColor: "#fff" },
};

const sales: ChartData = {
  columns: [
    { name: "region", type: "string" },
    { name: "amount", type: "decimal(20,2)" },
    { name: "cost", type: "double" },
    { name: "orders", type: "bigint" },
  ],
  rows: [
    { region: "north", amount: 12.5, cost: 3, orders: 2 },
    { region: "south", amount: 7, cost: 2, orders: 1 },
    { region: "east", amount: 9.25, cost: 4, orders: 3 },
  ],
  notes: [],
};

function bins(counts: readonly number[]): ChartData {
  return {
    columns: [
      { name: "column", type: "string" },
      { name: "bin_start", type: "double" },
      { name: "bin_end", type: "double" },
      { name: "count", type: "bigint" },
    ],
    rows: counts.map((count, b) => ({ column: "price", bin_start: b * 10, bin_end: (b + 1) * 10, count })),
    notes: [],
  };
}

/** Labelled points: x labels `labels`, y a double. */
function labelled(labels: readonly string[]): ChartData {
  return {
    columns: [
      { name: "label", type: "string" },
      { name: "value", type: "double" },
    ],
    rows: labels.map((label, i) => ({ label, value: i + 0.5 })),
    notes: [],
  };
}

const every: [PlotKind, ChartData, ChartLook][] = [
  ["bar", sales, { x: "region", y: ["amount"], title: "Revenue" }],
  ["barh", sales, { x: "region", y: ["amount", "cost"] }],
  ["line", sales, { x: "region", y: ["amount"], color: "region" }],
  ["area", sales, { x: "region", y: ["amount", "cost"], agg: "sum" }],
  ["scatter", sales, { x: "cost", y: ["orders"] }],
  ["pie", sales, { x: "region", y: ["amount"] }],
  ["hist", { ...bins([3, 1, 2]), notes: ["a sample of about 1,000 of 5,000 rows"] }, {}],
];

describe("charts fit the notebook's light and dark themes", () => {
  for (const [kind, data, look] of every) {
    it(`${kind}: no background of its own, under the default theme and under vega-embed's dark theme`, async () => {
      const spec = chartSpec(kind, data, look);
      expect((await chartScene(spec)).background).to.equal("transparent");
      expect((await chartScene(spec, VEGA_DARK_THEME)).background, "the spec's config overrides the theme's #333").to.equal("transparent");
      // The static SVG too: no filled rectangle behind the chart, no background color.
      const svg = await chartSvg(spec);
      expect(svg).not.to.match(/<rect[^>]*fill="(white|#fff|#ffffff)"/i);
      expect(svg.slice(0, svg.indexOf(">"))).not.to.match(/background/);
    });

    it(`${kind}: every axis, legend and title drawn in the text color around it, over a dark theme's white`, async () => {
      const scene = await chartScene(chartSpec(kind, data, look), VEGA_DARK_THEME);
      expect(scene.guideTexts.length, "the chart has guide texts").to.be.above(0);
      expect([...new Set(scene.guideTexts.map((t) => t.fill))]).to.deep.equal(["currentColor"]);
      expect([...new Set(scene.guideStrokes)]).to.deep.equal(kind === "pie" ? [] : ["currentColor"]);
    });
  }

  it("asks vega-embed (JupyterLab's, VS Code's) to draw as SVG, where currentColor follows a theme switch", () => {
    for (const [kind, data, look] of every) {
      const spec = chartSpec(kind, data, look);
      expect(spec.usermeta, kind).to.deep.equal({ embedOptions: { renderer: "svg" } });
      expect(compileWarnings(spec), kind).to.deep.equal([]);
    }
  });

  it("draws the static SVG's guides in currentColor, which is black in an image (as Vega's default guides)", async () => {
    const svg = await chartSvg(chartSpec("bar", sales, { x: "region", y: ["amount"] }));
    const fills = new Set([...svg.matchAll(/<text[^>]* fill="([^"]+)"/g)].map((m) => m[1]));
    expect([...fills]).to.deep.equal(["currentColor"]);
  });
});

describe("count and integer axes tick at whole numbers", () => {
  it("ticks a histogram's counts of 1 to 3 at 0, 1, 2, 3 (never at 0.5)", async () => {
    const left = axisAt(await chartScene(chartSpec("hist", bins([1, 3, 2]), {})), "left");
    expect(left.title).to.equal("count");
    expect(left.tickValues).to.deep.equal([0, 1, 2, 3]);
    expect(left.labels.map((l) => l.text)).to.deep.equal(["0", "1", "2", "3"]);
  });

  it("keeps thousands separators on large counts", async () => {
    const left = axisAt(await chartScene(chartSpec("hist", bins([2_000_000, 500_000]), {})), "left");
    expect(left.tickValues.every((v) => Number.isInteger(v))).to.equal(true);
    expect(left.labels.map((l) => l.text)).to.include("2,000,000");
  });

  it("ticks an aggregated count (bigint) at whole numbers, bars and horizontal bars alike", async () => {
    const counts: ChartData = {
      columns: [
        { name: "region", type: "string" },
        { name: "id", type: "bigint" },
      ],
      rows: [
        { region: "a", id: 1 },
        { region: "b", id: 2 },
      ],
      notes: [],
    };
    const bar = axisAt(await chartScene(chartSpec("bar", counts, { x: "region", y: ["id"], agg: "count" })), "left");
    expect(bar.tickValues).to.deep.equal([0, 1, 2]);
    const barh = axisAt(await chartScene(chartSpec("barh", counts, { x: "region", y: ["id"], agg: "count" })), "bottom");
    expect(barh.tickValues).to.deep.equal([0, 1, 2]);
  });

  it("ticks integer columns at whole numbers, folded series of them too, and leaves doubles their halves", async () => {
    const scatter = await chartScene(chartSpec("scatter", sales, { x: "orders", y: ["orders"] }));
    expect(axisAt(scatter, "left").tickValues.every((v) => Number.isInteger(v))).to.equal(true);
    expect(axisAt(scatter, "bottom").tickValues.every((v) => Number.isInteger(v))).to.equal(true);
    const two: ChartData = {
      ...sales,
      columns: [...sales.columns, { name: "items", type: "int" }],
      rows: sales.rows.map((r) => ({ ...r, items: 1 })),
    };
    const folded = axisAt(await chartScene(chartSpec("line", two, { x: "region", y: ["orders", "items"] })), "left");
    expect(folded.tickValues.every((v) => Number.isInteger(v))).to.equal(true);
    const doubles = axisAt(await chartScene(chartSpec("line", sales, { x: "region", y: ["cost"] })), "left");
    expect(doubles.tickValues).to.include(0.5);
  });
});

describe("aggregated axes name their aggregation as Spark does", () => {
  it("titles the y axis sum(amount) for agg: sum, and amount without agg", async () => {
    expect(axisAt(await chartScene(chartSpec("bar", sales, { x: "region", y: ["amount"], agg: "sum" })), "left").title).to.equal(
      "sum(amount)",
    );
    expect(axisAt(await chartScene(chartSpec("bar", sales, { x: "region", y: ["amount"] })), "left").title).to.equal("amount");
    expect(axisAt(await chartScene(chartSpec("barh", sales, { x: "region", y: ["amount"], agg: "max" })), "bottom").title).to.equal(
      "max(amount)",
    );
  });

  it("names each aggregated series in the axis title and the legend", async () => {
    const scene = await chartScene(chartSpec("line", sales, { x: "region", y: ["amount", "cost"], agg: "avg" }));
    expect(axisAt(scene, "left").title).to.equal("avg(amount), avg(cost)");
    expect(scene.legendLabels).to.deep.equal(["avg(amount)", "avg(cost)"]);
  });

  it("names the aggregate in tooltips (the field's title) of a pie", () => {
    const spec = chartSpec("pie", sales, { x: "region", y: ["amount"], agg: "sum" }) as unknown as {
      encoding: { theta: { title: string } };
    };
    expect(spec.encoding.theta.title).to.equal("sum(amount)");
  });
});

describe("discrete x labels turn only when they would overlap", () => {
  /** Whether any two labels' boxes overlap. */
  const anyOverlap = (labels: readonly SceneText[]) => labels.some((a, i) => labels.slice(i + 1).some((b) => overlap(a, b)));

  it("keeps three short region names level, side by side without touching", async () => {
    const bottom = axisAt(await chartScene(chartSpec("bar", sales, { x: "region", y: ["amount"] })), "bottom");
    expect(bottom.labels.map((l) => [l.text, l.angle])).to.deep.equal([
      ["east", 0],
      ["north", 0],
      ["south", 0],
    ]);
    expect(anyOverlap(bottom.labels)).to.equal(false);
  });

  it("keeps level the labels of lines, areas, and bars over whole numbers", async () => {
    const twelve = labelled(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    for (const kind of ["line", "area", "bar"] as const) {
      const bottom = axisAt(await chartScene(chartSpec(kind, twelve, { x: "label", y: ["value"] })), "bottom");
      expect(new Set(bottom.labels.map((l) => l.angle)), kind).to.deep.equal(new Set([0]));
      expect(anyOverlap(bottom.labels), kind).to.equal(false);
    }
    const numbers: ChartData = {
      columns: [
        { name: "n", type: "int" },
        { name: "v", type: "double" },
      ],
      rows: [1, 2, 3, 4, 5].map((n) => ({ n, v: n })),
      notes: [],
    };
    expect(axisAt(await chartScene(chartSpec("bar", numbers, { x: "n", y: ["v"] })), "bottom").labels.map((l) => l.angle)).to.deep.equal([
      0, 0, 0, 0, 0,
    ]);
  });

  it("turns labels by 45 degrees when level ones would overlap and turned ones have room", async () => {
    const months = labelled(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`));
    const bottom = axisAt(await chartScene(chartSpec("bar", months, { x: "label", y: ["value"] })), "bottom");
    expect(new Set(bottom.labels.map((l) => l.angle))).to.deep.equal(new Set([315]));
    // The same labels level in a chart wide enough for them.
    const wide = axisAt(await chartScene(chartSpec("bar", months, { x: "label", y: ["value"], width: 1200 })), "bottom");
    expect(new Set(wide.labels.map((l) => l.angle))).to.deep.equal(new Set([0]));
    expect(anyOverlap(wide.labels)).to.equal(false);
  });

  it("stands labels on end when even turned ones would touch", async () => {
    const customers = labelled(Array.from({ length: 60 }, (_, i) => `customer ${i}`));
    const bottom = axisAt(await chartScene(chartSpec("bar", customers, { x: "label", y: ["value"] })), "bottom");
    expect(new Set(bottom.labels.map((l) => l.angle))).to.deep.equal(new Set([270]));
  });

  it("leaves a horizontal bar chart's category labels level on its vertical axis", async () => {
    const customers = labelled(Array.from({ length: 20 }, (_, i) => `customer ${i}`));
    const left = axisAt(await chartScene(chartSpec("barh", customers, { x: "label", y: ["value"] })), "left");
    expect(new Set(left.labels.map((l) => l.angle))).to.deep.equal(new Set([0]));
  });

  it("estimates label widths on the wide side of real fonts: level labels fit even at Vega's own, wider estimate", async () => {
    // Vega estimates 0.8 em per character without a canvas; the labels here, judged to fit, fit that too.
    for (const n of [3, 5, 8]) {
      const labels = Array.from({ length: n }, (_, i) => `item ${i}`);
      const angle = discreteLabelAngle(labels, 400);
      if (angle !== 0) continue;
      const bottom = axisAt(await chartScene(chartSpec("bar", labelled(labels), { x: "label", y: ["value"] })), "bottom");
      expect(anyOverlap(bottom.labels), `${n} labels`).to.equal(false);
    }
    expect(labelWidth("north")).to.be.within(25, 40);
    expect(labelWidth("x".repeat(500)), "cut at Vega's label limit").to.equal(180);
  });
});

describe("null values are noted, never dropped silently", () => {
  const monthly: ChartData = {
    columns: [
      { name: "month", type: "string" },
      { name: "amount", type: "decimal(30,2)" },
    ],
    rows: [
      { month: "2024-01", amount: 10 },
      { month: "2024-02", amount: null },
      { month: "2024-03", amount: 7 },
      { month: "2024-04", amount: 12 },
    ],
    notes: [],
  };

  it("draws a note naming the group whose aggregate is null, and leaves its point out of the line", async () => {
    const scene = await chartScene(chartSpec("line", monthly, { x: "month", y: ["amount"], agg: "sum" }));
    expect(scene.title).to.deep.equal(["sum(amount) is null for 1 of 4 groups (month 2024-02), not drawn"]);
    const points = [...scene.marks.values()].find((m) => m.type === "symbol");
    expect(points?.data.map((d) => d.month)).to.deep.equal(["2024-01", "2024-03", "2024-04"]);
  });

  it("puts the note under the user's title, with the data's own notes", async () => {
    const scene = await chartScene(
      chartSpec(
        "bar",
        { ...monthly, notes: ["the first 4 groups; more exist"] },
        { x: "month", y: ["amount"], agg: "sum", title: "Revenue" },
      ),
    );
    expect(scene.title).to.deep.equal(["Revenue"]);
    expect(scene.subtitle).to.deep.equal([
      "the first 4 groups; more exist",
      "sum(amount) is null for 1 of 4 groups (month 2024-02), not drawn",
    ]);
  });

  it("names at most three groups, with their color, and counts the rest", async () => {
    const colored: ChartData = {
      columns: [
        { name: "month", type: "string" },
        { name: "shop", type: "string" },
        { name: "amount", type: "double" },
      ],
      rows: ["a", "b", "c", "d", "e"].map((shop, i) => ({ month: "2024-01", shop, amount: i === 0 ? 1 : null })),
      notes: [],
    };
    const scene = await chartScene(chartSpec("bar", colored, { x: "month", y: ["amount"], color: "shop", agg: "avg" }));
    expect(scene.title).to.deep.equal([
      "avg(amount) is null for 4 of 5 groups (month / shop 2024-01 / b, 2024-01 / c, 2024-01 / d, …), not drawn",
    ]);
  });

  it("counts rows without a y when nothing was aggregated", async () => {
    const scene = await chartScene(chartSpec("scatter", monthly, { x: "month", y: ["amount"] }));
    expect(scene.title).to.deep.equal(["amount is null in 1 of 4 rows, not drawn"]);
  });

  it("draws no note, and no title, when every value is there", async () => {
    const scene = await chartScene(
      chartSpec("line", { ...monthly, rows: monthly.rows.filter((r) => r.amount !== null) }, { x: "month", y: ["amount"], agg: "sum" }),
    );
    expect([scene.title, scene.subtitle]).to.deep.equal([[], []]);
  });
});
