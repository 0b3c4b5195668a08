import { expect } from "chai";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import { col, functions as F, type SparkSession } from "../../../src";
import { newSession, sparkRemote } from "../../support/spark";

const root = path.resolve(__dirname, "..", "..", "..");

describe("load", function () {
  this.timeout(180_000);
  let spark: SparkSession;
  before(async () => {
    spark = await newSession();
  });
  after(async () => {
    await spark.stop();
  });

  it("answers 64 concurrent queries of mixed sizes on one session, each exactly", async () => {
    const sizes = Array.from({ length: 64 }, (_, i) => (i % 8 === 0 ? 200_000 : i % 3 === 0 ? 20_000 : i % 2 === 0 ? 1 : 1_000 + i));
    const results = await Promise.all(
      sizes.map(async (n, i) => {
        if (i % 2 === 0) {
          // Many rows back: every one must arrive, once.
          const rows = await spark.range(0, n, 1, 4).withColumn("tag", F.lit(`q${i}`)).collect();
          return { n, count: rows.length, sum: rows.reduce((s, r) => s + (r.id as bigint), 0n), tags: new Set(rows.map((r) => r.tag)) };
        }
        // One row back, computed by the server over n rows.
        const [row] = await spark.range(0, n).agg(F.count(col("id")).alias("c"), F.sum("id").alias("s")).collect();
        return { n, count: Number(row!.c), sum: row!.s as bigint, tags: new Set([`q${i}`]) };
      }),
    );
    results.forEach((r, i) => {
      expect(r.count, `query ${i}`).to.equal(r.n);
      expect(r.sum, `query ${i}`).to.equal((BigInt(r.n) * BigInt(r.n - 1)) / 2n);
      expect([...r.tags], `query ${i}`).to.deep.equal([`q${i}`]);
    });
  });

  // The baseline is taken once the heap has settled (against a Spark 3.5 server it grows once, by
  // about 25 MiB, within the first few hundred queries, then stays flat): see rssProbe.ts.
  it("keeps the client's memory flat over 1,000 sequential small queries (RSS grows under 10% after warm-up)", () => {
    const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(root, "test", "support", "rssProbe.ts"), "400", "1000"], {
      cwd: root,
      env: { ...process.env, SPARK_REMOTE: sparkRemote() },
      encoding: "utf8",
      timeout: 170_000,
    });
    const { before: start, after: end } = JSON.parse(out.trim().split("\n").at(-1)!) as { before: number; after: number };
    const growth = (end - start) / start;
    console.log(`      RSS after warm-up ${(start / 2 ** 20).toFixed(1)} MiB, after 1,000 more queries ${(end / 2 ** 20).toFixed(1)} MiB (${(growth * 100).toFixed(1)}%)`);
    expect(growth).to.be.lessThan(0.1);
  });
});
