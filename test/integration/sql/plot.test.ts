import { expect } from "chai";
import { before, describe, it } from "mocha";
import type { Plan } from "../../../src/gen/spark/connect/base";
import { VEGA_LITE_MIME, type SparkSession } from "../../../src";
import { chartSvg, compileWarnings } from "../../../src/render";
import type { Chart } from "../../../src/sql/plot/chart";
import { useSession } from "../../support/spark";

/** The root relation kinds of every plan the session executes while `work` runs. */
async function plansDuring<T>(spark: SparkSession, work: () => Promise<T>): Promise<{ result: T; roots: string[] }> {
  const plans: Plan[] = [];
  const stop = spark.client.operations.observe({ started: (op) => plans.push(op.plan) });
  try {
    const result = await work();
    return { result, roots: plans.map((p) => (p.opType?.$case === "root" ? (p.opType.root.relType?.$case ?? "?") : "command")) };
  } finally {
    stop();
  }
}

async function drawn(chart: Chart): Promise<{ warnings: string[]; svg: string }> {
  const spec = await chart.spec();
  return { warnings: compileWarnings(spec), svg: await chartSvg(spec) };
}

describe("df.plot: charts computed by Spark", function () {
  this.timeout(120_000);
  const spark = useSession();
  before(async () => {
    await spark.sql(`CREATE OR REPLACE TEMP VIEW sales AS SELECT * FROM VALUES
      ('north', DATE'2024-01-01', CAST(10.50 AS DECIMAL(10,2))), ('north', DATE'2024-01-02', CAST(4.25 AS DECIMAL(10,2))),
      ('south', DATE'2024-01-01', CAST(7.00 AS DECIMAL(10,2))), ('east', DATE'2024-01-03', CAST(1.75 AS DECIMAL(10,2)))
      AS sales(region, day, amount)`);
  });

  it("bar with agg sums y per x on the server, equal to Spark's own GROUP BY", async () => {
    const chart = spark.table("sales").plot.bar({ x: "region", y: "amount", agg: "sum" });
    const { result: data, roots } = await plansDuring(spark, () => chart.data());
    const expected = await (
      await spark.sql("SELECT region, CAST(sum(amount) AS DOUBLE) AS amount FROM sales GROUP BY region ORDER BY region")
    ).collect();
    expect(data.rows.map((r) => [r.region, r.amount])).to.deep.equal(expected.map((r) => [r.region, r.amount]));
    expect(roots).to.deep.equal(["limit"]);
    const { warnings, svg } = await drawn(chart);
    expect(warnings).to.deep.equal([]);
    expect(svg.match(/aria-roledescription="bar"/g)).to.have.length(3);
  });

  it("types dates as temporal and decimals as numbers in line charts", async () => {
    const spec = (await spark.table("sales").plot.line({ x: "day", y: "amount", color: "region" }).spec()) as unknown as {
      encoding: Record<string, { type: string }>;
      data: { values: { amount: unknown }[] };
    };
    expect(spec.encoding.x.type).to.equal("temporal");
    expect(spec.data.values.map((v) => typeof v.amount)).to.deep.equal(["number", "number", "number", "number"]);
  });

  it("samples line and scatter data above maxRows on the server, and says so", async () => {
    const df = spark.range(200_000).withColumn("y", (await import("../../../src")).col("id").plus(1));
    const chart = df.plot.scatter({ x: "id", y: "y", maxRows: 500 });
    const { result: data, roots } = await plansDuring(spark, () => chart.data());
    expect(data.rows.length).to.be.within(1, 500);
    expect(data.notes.join(" ")).to.match(/sample of about 500 of 200,000 rows/);
    expect(roots.every((r) => r === "aggregate" || r === "limit")).to.equal(true);
    expect((await drawn(chart)).warnings).to.deep.equal([]);
  });

  it("bins 50 million rows on the server into a bounded bundle, without collecting the data", async () => {
    const chart = spark.range(50_000_000).plot.hist({ column: "id", bins: 10 });
    const { result: bundle, roots } = await plansDuring(spark, () => chart.bundle());
    const spec = bundle[VEGA_LITE_MIME] as unknown as { data: { values: { count: number }[] } };
    expect(spec.data.values.map((v) => v.count)).to.deep.equal(Array(10).fill(5_000_000));
    expect(Buffer.byteLength(JSON.stringify(bundle))).to.be.lessThan(100_000);
    expect(roots).to.deep.equal(["aggregate", "limit"]);
    expect(Object.keys(bundle)).not.to.include("text/html");
  });

  it("draws box plots from Spark's quartiles with Tukey whiskers and the outliers beyond them", async () => {
    await spark.sql("CREATE OR REPLACE TEMP VIEW skewed AS SELECT CAST(id AS DOUBLE) AS v FROM range(1, 101) UNION ALL SELECT 1000.0D");
    const data = await spark.table("skewed").plot.box({ column: "v" }).data();
    const stats = data.rows.find((r) => r.part === "stats")!;
    const [spark_] = await (await spark.sql("SELECT percentile_approx(v, array(0.25, 0.5, 0.75), 10000) AS q FROM skewed")).collect();
    expect([stats.q1, stats.median, stats.q3]).to.deep.equal(spark_.q);
    expect([stats.lower, stats.upper]).to.deep.equal([1, 100]);
    expect(data.rows.filter((r) => r.part === "outlier").map((r) => r.value)).to.deep.equal([1000]);
  });

  it("estimates densities on the server that integrate to about 1", async () => {
    const data = await spark.range(10_000).plot.kde({ column: "id", ind: 200 }).data();
    const xs = data.rows.map((r) => r.x as number);
    const area = data.rows.reduce((sum, r) => sum + (r.density as number) * (xs[1] - xs[0]), 0);
    expect(area).to.be.closeTo(1, 0.05);
  });

  it("draws pie, barh and area charts that compile cleanly", async () => {
    const df = spark.table("sales");
    for (const chart of [
      df.plot.pie({ x: "region", y: "amount", agg: "sum" }),
      df.plot.barh({ x: "region", y: "amount" }),
      df.plot.area({ x: "day", y: "amount" }),
    ]) {
      expect((await drawn(chart)).warnings).to.deep.equal([]);
    }
  });

  it("puts the DataFrame's first rows into a user's own Vega-Lite spec", async () => {
    const spec = (await spark
      .range(5000)
      .plot.vegaLite({ mark: "tick", encoding: { x: { field: "id", type: "quantitative" } } }, { maxRows: 100 })
      .spec()) as unknown as {
      data: { values: unknown[] };
    };
    expect(spec.data.values).to.have.length(100);
  });

  it("says in the text summary what the chart leaves out as null, as its subtitle does", async () => {
    const df = await spark.sql(
      "SELECT * FROM VALUES ('north', 1.5D), ('south', NULL), ('south', NULL), ('east', 2.0D) AS t(region, amount)",
    );
    const bundle = await df.plot.bar({ x: "region", y: "amount", agg: "sum", title: "Orders" }).bundle();
    const note = "sum(amount) is null for 1 of 3 groups (region south), not drawn";
    expect((bundle[VEGA_LITE_MIME].title as { subtitle?: readonly string[] }).subtitle).to.deep.equal([note]);
    expect(bundle["text/plain"]).to.equal(`bar chart of amount by region: 3 data points (${note})`);
  });

  it("says when bigints were rounded to doubles for drawing", async () => {
    const df = await spark.sql("SELECT 'a' AS k, 9007199254740993L AS big");
    expect((await df.plot.bar({ x: "k", y: "big" }).data()).notes.join(" ")).to.match(/big were rounded/);
  });
});

describe("Jupyter's display protocol on DataFrames", () => {
  const spark = useSession();

  it("offers the first rows as an HTML and text table with a note when more exist", async () => {
    // Symbol.for gives no unique symbol type: look the method up as Deno's kernel does, by symbol.
    const displayable = spark.range(500) as unknown as Record<symbol, () => Promise<Record<string, string>>>;
    const bundle = await displayable[Symbol.for("Jupyter.display")]();
    expect(bundle["text/html"]).to.include("bigint").and.to.include("more exist");
    expect(bundle["text/plain"].split("\n").filter((line: string) => /^\|\s*\d+\|$/.test(line))).to.have.length(100);
  });
});
