import { expect } from "chai";
import { before, describe, it } from "mocha";
import { col, functions as F, lit, type DataFrame } from "../../../src";
import { requireSpark, useSession } from "../../support/spark";

async function plain(df: DataFrame): Promise<Record<string, unknown>[]> {
  return (await df.collect()).map((row) => ({ ...row }));
}

describe("grouping, missing values and statistics", () => {
  const spark = useSession();
  let sales: DataFrame;
  let gaps: DataFrame;

  before(async () => {
    sales = await spark.sql(`SELECT * FROM VALUES
      ('north', 'tea', 'Q1', 10L, 1.0D), ('north', 'tea', 'Q2', 20L, 2.0D), ('north', 'coffee', 'Q1', 5L, 3.0D),
      ('south', 'tea', 'Q1', 7L, 4.0D), ('south', 'coffee', 'Q2', 3L, 5.0D)
      AS sales(region, product, quarter, units, score)`);
    gaps = await spark.sql(`SELECT * FROM VALUES
      (1, 'a', 1.5D), (2, NULL, CAST('NaN' AS DOUBLE)), (3, 'N/A', NULL), (NULL, NULL, NULL)
      AS gaps(id, label, value)`);
  });

  describe("groupBy", () => {
    it("agg computes aggregates per group, grouping columns first", async () => {
      const df = sales
        .groupBy("region")
        .agg(F.sum("units").alias("units"), F.count(lit(1)).alias("n"))
        .orderBy("region");
      expect(await plain(df)).to.deep.equal([
        { region: "north", units: 35n, n: 3n },
        { region: "south", units: 10n, n: 2n },
      ]);
    });

    it("agg takes PySpark's record of column to function", async () => {
      const df = sales.groupBy("region").agg({ units: "max", score: "avg" }).orderBy("region");
      expect(await df.columns).to.deep.equal(["region", "max(units)", "avg(score)"]);
      expect((await df.collect()).map((r) => [r["max(units)"], r["avg(score)"]])).to.deep.equal([
        [20n, 2.0],
        [7n, 4.5],
      ]);
    });

    it("count, sum, avg, min and max name their columns as Spark does", async () => {
      const g = sales.groupBy(["region", "product"]);
      expect(await g.count().columns).to.deep.equal(["region", "product", "count"]);
      expect(await g.sum("units").columns).to.deep.equal(["region", "product", "sum(units)"]);
      expect(await (await sales.groupBy("region").max()).columns).to.deep.equal(["region", "max(units)", "max(score)"]);
      expect(await (await sales.groupBy().mean()).collect()).to.deep.equal([{ "avg(units)": 9, "avg(score)": 3 }]);
    });

    it("groups by a Column expression", async () => {
      const df = sales
        .groupBy(F.upper(col("region")).alias("r"))
        .agg(F.min("units").alias("least"))
        .orderBy("r");
      expect(await plain(df)).to.deep.equal([
        { r: "NORTH", least: 5n },
        { r: "SOUTH", least: 3n },
      ]);
    });

    it("DataFrame-wide agg is one group", async () => {
      expect(await plain(sales.agg(F.sum("units").alias("t")))).to.deep.equal([{ t: 45n }]);
      expect(await plain(sales.agg({ units: "min" }))).to.deep.equal([{ "min(units)": 3n }]);
    });
  });

  describe("rollup, cube and grouping sets", () => {
    it("rollup adds subtotals and a grand total, with nulls in the rolled-up columns", async () => {
      const df = sales.rollup("region", "product").agg(F.sum("units").alias("u"));
      const rows = (await df.collect()).map((r) => `${r.region as string | null}/${r.product as string | null}=${r.u as bigint}`).sort();
      expect(rows).to.deep.equal([
        "north/coffee=5",
        "north/null=35",
        "north/tea=30",
        "null/null=45",
        "south/coffee=3",
        "south/null=10",
        "south/tea=7",
      ]);
    });

    it("cube adds a subtotal for every combination of the columns, with nulls in the ones left out", async () => {
      const df = sales.cube("region", "product").count();
      const rows = (await df.collect())
        .map((r) => `${r.region as string | null}/${r.product as string | null}=${r.count as bigint}`)
        .sort();
      expect(rows).to.deep.equal([
        "north/coffee=1",
        "north/null=3",
        "north/tea=2",
        "null/coffee=2",
        "null/null=5",
        "null/tea=3",
        "south/coffee=1",
        "south/null=2",
        "south/tea=1",
      ]);
    });

    it("groupingSets groups by each set given", async function () {
      await requireSpark(this, "4.0", "GROUPING SETS in the protocol");
      const df = sales.groupingSets([["region"], ["product"]], "region", "product").agg(F.sum("units").alias("u"));
      const rows = (await df.collect()).map((r) => `${r.region as string | null}/${r.product as string | null}=${r.u as bigint}`).sort();
      expect(rows).to.deep.equal(["north/null=35", "null/coffee=8", "null/tea=37", "south/null=10"]);
    });
  });

  describe("pivot", () => {
    it("turns the listed values into columns, in the order given", async () => {
      const df = sales.groupBy("region").pivot("quarter", ["Q2", "Q1"]).sum("units").orderBy("region");
      expect(await df.columns).to.deep.equal(["region", "Q2", "Q1"]);
      expect(await plain(df)).to.deep.equal([
        { region: "north", Q2: 20n, Q1: 15n },
        { region: "south", Q2: 3n, Q1: 7n },
      ]);
    });

    it("finds the values itself when none are given", async () => {
      const df = sales
        .groupBy("product")
        .pivot("region")
        .agg(F.count(lit(1)))
        .orderBy("product");
      expect(await df.columns).to.deep.equal(["product", "north", "south"]);
      expect(await plain(df)).to.deep.equal([
        { product: "coffee", north: 1n, south: 1n },
        { product: "tea", north: 2n, south: 1n },
      ]);
    });

    it("is refused after rollup, before anything is sent", () => {
      expect(() => sales.rollup("region").pivot("quarter")).to.throw(TypeError, /pivot follows a groupBy/);
    });
  });

  describe("na", () => {
    it("drop removes rows with any null or NaN, or only all-null rows, or keeps those above a threshold", async () => {
      expect(await gaps.na.drop().count()).to.equal(1);
      expect(await gaps.na.drop("all").count()).to.equal(3);
      // NaN counts as missing: row 2 has one value, row 3 two.
      expect(await gaps.dropna({ thresh: 2 }).count()).to.equal(2);
      expect(await gaps.na.drop("any", undefined, ["label"]).count()).to.equal(2);
    });

    it("fill replaces nulls by a value of the column's type, or per column", async () => {
      const filled = await plain(gaps.na.fill(0).orderBy("id"));
      expect(filled.map((r) => [r.id, r.value])).to.deep.equal([
        [0, 0],
        [1, 1.5],
        [2, 0],
        [3, 0],
      ]);
      const perColumn = await plain(gaps.fillna({ label: "none", value: -1 }).where("id = 3"));
      expect(perColumn).to.deep.equal([{ id: 3, label: "N/A", value: -1 }]);
    });

    it("replace swaps values, by a record or by lists, in the given columns", async () => {
      expect(await plain(gaps.na.replace("N/A", null, "label").where("id = 3").select("label"))).to.deep.equal([{ label: null }]);
      expect(await plain(gaps.replace({ a: "A" }).where("id = 1").select("label"))).to.deep.equal([{ label: "A" }]);
      expect(await plain(gaps.replace([1, 2], [10, 20], "id").where("id >= 10").select("id").orderBy("id"))).to.deep.equal([
        { id: 10 },
        { id: 20 },
      ]);
    });
  });

  describe("stat", () => {
    it("corr and cov are Pearson's correlation and the sample covariance, computed by the server", async () => {
      // units 10, 20, 5, 7, 3 and scores 1..5 lie 1, 11, -4, -2, -6 and -2, -1, 0, 1, 2 from their
      // means 9 and 3: the products sum to -27, the squares to 178 and 10.
      expect(await sales.stat.corr("units", "units")).to.be.closeTo(1, 1e-12);
      expect(await sales.corr("units", "score")).to.be.closeTo(-27 / Math.sqrt(178 * 10), 1e-12);
      expect(await sales.cov("units", "score")).to.be.closeTo(-27 / 4, 1e-12);
      expect(await sales.cov("score", "score")).to.be.closeTo(2.5, 1e-12);
    });

    it("crosstab counts each pair of values", async () => {
      const df = sales.stat.crosstab("region", "product").orderBy("region_product");
      expect(await df.columns).to.have.members(["region_product", "coffee", "tea"]);
      expect(await plain(df.select("region_product", "tea", "coffee"))).to.deep.equal([
        { region_product: "north", tea: 2n, coffee: 1n },
        { region_product: "south", tea: 1n, coffee: 1n },
      ]);
    });

    it("freqItems lists the values of each column that reach the support, in a column per input", async () => {
      // north, tea and Q1 are in 3 of the 5 rows, the other values in 2.
      const [majority] = await sales.freqItems(["region", "product", "quarter"], 0.6).collect();
      expect({ ...majority }).to.deep.equal({ region_freqItems: ["north"], product_freqItems: ["tea"], quarter_freqItems: ["Q1"] });
      const [all] = await sales.stat.freqItems(["region", "product"], 0.4).collect();
      expect([...(all.region_freqItems as string[])].sort()).to.deep.equal(["north", "south"]);
      expect([...(all.product_freqItems as string[])].sort()).to.deep.equal(["coffee", "tea"]);
    });

    it("approxQuantile with relative error 0 gives exact quantiles, per column when several", async () => {
      expect(await sales.stat.approxQuantile("score", [0, 0.5, 1], 0)).to.deep.equal([1, 3, 5]);
      expect(await sales.approxQuantile(["score", "units"], [0.5], 0)).to.deep.equal([[3], [7]]);
    });

    it("sampleBy keeps only the listed strata, each at its fraction", async () => {
      const df = spark.range(0, 1000).withColumn("k", col("id").mod(3));
      const sample = await df.sampleBy("k", { 0: 1.0, 1: 0.0 }, 7).collect();
      expect(sample.every((r) => r.k === 0n)).to.equal(true);
      expect(sample).to.have.length(334);
    });

    it("describe and summary compute Spark's summary statistics as strings", async () => {
      const described = await plain(sales.describe("units"));
      expect(described.map((r) => r.summary)).to.deep.equal(["count", "mean", "stddev", "min", "max"]);
      expect(described.find((r) => r.summary === "mean")!.units).to.equal("9.0");
      const summary = await plain(sales.summary("min", "50%", "max").select("summary", "units"));
      expect(summary).to.deep.equal([
        { summary: "min", units: "3" },
        { summary: "50%", units: "7" },
        { summary: "max", units: "20" },
      ]);
    });
  });
});
