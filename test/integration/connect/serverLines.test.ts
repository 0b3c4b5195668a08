import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { col, functions as F, SparkSession, UnsupportedByServerError } from "../../../src/index";
import { GrpcRelay } from "../../support/grpcRelay";
import { serverAtLeast, serverLine, sparkRemote, useSession } from "../../support/spark";

describe("the server's Spark line", function () {
  const spark = useSession();

  describe("asking the version", () => {
    let relay: GrpcRelay;
    let session: SparkSession;

    before(async () => {
      relay = await GrpcRelay.start(sparkRemote());
      session = await SparkSession.builder.remote(relay.remote).create();
    });

    after(async () => {
      await session?.stop();
      await relay?.close();
    });

    it("is asked once per session, and only by requests that use a part of the protocol newer than Spark 3.5", async () => {
      expect(await session.range(3).count()).to.equal(3);
      expect(relay.calls("analyzePlan"), "a plain query needs no version").to.equal(0);
      // lit([]) changed in Spark 4.1, so its plan makes the client ask, whatever the server's line.
      const empty = session.range(1).select(F.lit([]).alias("e"));
      expect((await empty.collect())[0].e).to.deep.equal([]);
      expect(relay.calls("analyzePlan")).to.equal(1);
      expect((await empty.collect())[0].e).to.deep.equal([]);
      expect(await session.version).to.equal(await spark.version);
      expect(relay.calls("analyzePlan"), "the version was remembered").to.equal(1);
    });
  });

  describe("what older lines cannot read", () => {
    // Each is refused by the client, before anything is sent, on a server of an older line; on a
    // server of its line or later the feature's own test (named) shows it working.
    const newer: { since: string; feature: RegExp; attempt: (spark: SparkSession) => Promise<unknown>; testedBy: string }[] = [
      {
        since: "4.1",
        feature: /^DataFrame\.repartitionById needs a Spark Connect server of Spark 4\.1 or later/,
        attempt: (s) => s.range(4).repartitionById(2, col("id")).collect(),
        testedBy: "transformations: repartitionById",
      },
      {
        since: "4.2",
        feature: /^DataFrame\.nearestByJoin needs .* Spark 4\.2 or later/,
        attempt: (s) =>
          s
            .range(2)
            .nearestByJoin(s.range(2), F.abs(col("id")), 1, "exact", "distance")
            .collect(),
        testedBy: "transformations: nearest-neighbour joins",
      },
      {
        since: "4.2",
        feature: /^change data feeds \(DataFrameReader\.changes\) needs .* 4\.2 or later/,
        attempt: (s) => s.read.changes("any_table").collect(),
        testedBy: "io: change data feeds",
      },
      {
        since: "4.2",
        feature: /^naming a streaming source \(DataStreamReader\.name\) needs .* 4\.2 or later/,
        attempt: (s) => s.readStream.format("rate").name("events").load().writeStream.format("noop").start(),
        testedBy: "streaming",
      },
      {
        since: "4.2",
        feature: /^the real-time trigger \(trigger\(\{ realTime \}\)\) needs .* 4\.2 or later/,
        attempt: (s) => s.readStream.format("rate").load().writeStream.format("noop").trigger({ realTime: "5 seconds" }).start(),
        testedBy: "streaming",
      },
      {
        since: "4.3",
        feature: /^DataFrame\.zip needs .* Spark 4\.3 or later; this server runs Spark \d+\.\d+/,
        attempt: (s) => s.range(2).zip(s.range(2)).collect(),
        testedBy: "transformations: the Zip relation",
      },
    ];

    for (const { since, feature, attempt, testedBy } of newer) {
      it(`refuses what Spark ${since} added, naming it and the line it needs (${feature.source.split(" needs")[0].replace(/[\\^]/g, "")})`, async function () {
        if (await serverAtLeast(since)) {
          this.test!.title += ` (skipped on Spark ${await serverLine()}, which reads it: tested by ${testedBy})`;
          this.skip();
        }
        const failure = await attempt(spark).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(failure).to.be.instanceOf(UnsupportedByServerError);
        expect((failure as UnsupportedByServerError).since).to.equal(since);
        expect((failure as Error).message).to.match(feature);
        expect((failure as Error).message).to.include(`this server runs Spark ${await serverLine()}`);
        // Nothing was sent, so the session is as good as before.
        expect(await spark.range(2).count()).to.equal(2);
      });
    }
  });

  describe("what older lines say otherwise", () => {
    it("sends lit([]) as array() to servers before Spark 4.1: the same empty array<void> on every line", async () => {
      const df = spark.range(1).select(F.lit([]).alias("empty"), F.size(F.lit([])).alias("n"));
      expect(await df.dtypes).to.deep.equal([
        ["empty", "array<void>"],
        ["n", "int"],
      ]);
      const [row] = await df.collect();
      expect(row.empty).to.deep.equal([]);
      expect(row.n).to.equal(0);
    });
  });
});
