// Charts that fit the notebook (issue 20, point 6), plotted from data Spark computes: the chart
// each df.plot call shows is laid out headless by Vega and measured (tick values, axis titles,
// label angles, the notes drawn, background and guide colors).
import { expect } from "chai";
import { before, describe, it } from "mocha";
import { VEGA_LITE_MIME } from "../../../src";
import type { VegaLiteSpec } from "../../../src/render";
import { axisAt, chartScene } from "../../support/chartScene";
import { useSession } from "../../support/spark";

describe("df.plot charts fit the notebook", function () {
  this.timeout(120_000);
  const spark = useSession();
  before(async () => {
    // March has orders without an amount (not yet invoiced): its sum is NULL in Spark.
    await spark.sql(`CREATE OR REPLACE TEMP VIEW orders AS SELECT * FROM VALUES
      ('north', '2024-01', CAST(10.50 AS DECIMAL(10,2))), ('north', '2024-02', CAST(4.25 AS DECIMAL(10,2))),
      ('south', '2024-01', CAST(7.00 AS DECIMAL(10,2))), ('east', '2024-02', CAST(1.75 AS DECIMAL(10,2))),
      ('east', '2024-03', CAST(NULL AS DECIMAL(10,2))), ('south', '2024-03', CAST(NULL AS DECIMAL(10,2))),
      ('west', '2024-04', CAST(3.00 AS DECIMAL(10,2)))
      AS orders(region, month, amount)`);
  });

  /** The Vega-Lite spec a notebook receives for the chart: the one in its display bundle. */
  async function shown(chart: { bundle(): Promise<{ readonly [VEGA_LITE_MIME]: VegaLiteSpec }> }): Promise<VegaLiteSpec> {
    return (await chart.bundle())[VEGA_LITE_MIME];
  }

  it("ticks a histogram's counts at whole numbers", async () => {
    // 7 values in 3 bins: counts of 2 or 3, which Vega-Lite alone ticks at every 0.5.
    const spec = await shown(spark.range(7).plot.hist({ column: "id", bins: 3 }));
    const counts = (spec.data?.values as { count: number }[]).map((r) => r.count);
    expect(counts).to.deep.equal([2, 2, 3]);
    const left = axisAt(await chartScene(spec), "left");
    expect(left.title).to.equal("count");
    expect(left.tickValues).to.deep.equal([0, 1, 2, 3]);
    expect(left.labels.map((l) => l.text)).to.deep.equal(["0", "1", "2", "3"]);
  });

  it("titles an aggregated axis with the name Spark gives the aggregate: sum(amount)", async () => {
    const [sparkName] = await (await spark.sql("SELECT sum(amount) FROM orders")).columns;
    const spec = await shown(spark.table("orders").plot.bar({ x: "region", y: "amount", agg: "sum" }));
    const scene = await chartScene(spec);
    expect(axisAt(scene, "left").title).to.equal(sparkName).and.to.equal("sum(amount)");
    // A count of orders is a bigint: its axis ticks at whole numbers too.
    const counted = axisAt(
      await chartScene(await shown(spark.table("orders").plot.bar({ x: "region", y: "amount", agg: "count" }))),
      "left",
    );
    expect(counted.title).to.equal("count(amount)");
    expect(counted.tickValues.every((v) => Number.isInteger(v))).to.equal(true);
  });

  it("draws a visible note when an aggregated value is null, and leaves that point out of the line", async () => {
    const chart = spark.table("orders").plot.line({ x: "month", y: "amount", agg: "sum" });
    const data = await chart.data();
    expect(data.rows.map((r) => [r.month, r.amount])).to.deep.equal([
      ["2024-01", 17.5],
      ["2024-02", 6],
      ["2024-03", null],
      ["2024-04", 3],
    ]);
    const scene = await chartScene(await shown(chart));
    expect(scene.title).to.deep.equal(["sum(amount) is null for 1 of 4 groups (month 2024-03), not drawn"]);
    const points = [...scene.marks.values()].find((m) => m.type === "symbol");
    expect(points?.data.map((d) => d.month)).to.deep.equal(["2024-01", "2024-02", "2024-04"]);
  });

  it("keeps short x labels level", async () => {
    const bottom = axisAt(
      await chartScene(await shown(spark.table("orders").plot.bar({ x: "region", y: "amount", agg: "sum" }))),
      "bottom",
    );
    expect(bottom.labels.map((l) => [l.text, l.angle])).to.deep.equal([
      ["east", 0],
      ["north", 0],
      ["south", 0],
      ["west", 0],
    ]);
    // Sixty long labels do turn: they would overlap level.
    const many = await spark.sql("SELECT concat('customer number ', id) AS customer, id AS n FROM range(60)");
    const turned = axisAt(await chartScene(await shown(many.plot.bar({ x: "customer", y: "n" }))), "bottom");
    expect(new Set(turned.labels.map((l) => l.angle))).to.deep.equal(new Set([270]));
  });

  it("has no background of its own and draws its guides in the surrounding text color", async () => {
    const spec = await shown(spark.table("orders").plot.bar({ x: "region", y: "amount", agg: "sum", title: "Revenue" }));
    const scene = await chartScene(spec, {
      background: "#333",
      style: { "guide-label": { fill: "#fff" }, "guide-title": { fill: "#fff" } },
    });
    expect(scene.background).to.equal("transparent");
    expect([...new Set(scene.guideTexts.map((t) => t.fill))]).to.deep.equal(["currentColor"]);
    expect(spec.usermeta).to.deep.equal({ embedOptions: { renderer: "svg" } });
  });
});
