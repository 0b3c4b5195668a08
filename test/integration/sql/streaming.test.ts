import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, afterEach, before, describe, it } from "mocha";
import { col, functions as F, type SparkStruct, type StreamingQuery } from "../../../src";
import { useSession } from "../../support/spark";

describe("structured streaming", function () {
  this.timeout(120_000);
  const spark = useSession();
  let dir: string;
  const started: StreamingQuery[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-streaming-"));
  });

  afterEach(async () => {
    for (const query of started.splice(0)) await query.stop().catch(() => undefined);
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const track = (query: StreamingQuery) => {
    started.push(query);
    return query;
  };

  it("reads the rate source into the memory sink, queryable as a table", async () => {
    const ticks = spark.readStream.format("rate").option("rowsPerSecond", 50).load();
    expect(await ticks.isStreaming).to.equal(true);
    expect(await spark.range(1).isStreaming).to.equal(false);
    const query = track(await ticks.writeStream.format("memory").queryName("rate_ticks").outputMode("append").start());
    expect(query.name).to.equal("rate_ticks");
    expect(query.id).to.match(/^[0-9a-f-]{36}$/);
    expect(await query.isActive).to.equal(true);
    // The rate source makes rows as time passes: process until some have arrived.
    for (let i = 0; i < 40 && (await spark.table("rate_ticks").count()) === 0; i++) {
      await query.processAllAvailable();
      await new Promise((r) => setTimeout(r, 250));
    }
    const rows = await spark.table("rate_ticks").orderBy("value").limit(3).collect();
    expect(rows.map((r) => r.value)).to.deep.equal([0n, 1n, 2n]);
    const progress = await query.lastProgress;
    expect(progress).to.have.property("name", "rate_ticks");
    expect(progress).to.have.property("batchId");
    expect(progress).to.have.property("sources");
    expect((await query.recentProgress).length).to.be.greaterThan(0);
    expect((await query.status).message).to.be.a("string");
    expect(await query.explain()).to.match(/Physical Plan|StreamingDataSourceV2|MicroBatchScan/);
  });

  it("lists active queries, finds one by id, and stops it", async () => {
    const query = track(await spark.readStream.format("rate").load().writeStream.format("memory").queryName("to_stop").start());
    expect((await spark.streams.active).map((q) => q.id)).to.include(query.id);
    expect((await spark.streams.get(query.id))?.name).to.equal("to_stop");
    expect(await query.awaitTermination(100)).to.equal(false);
    await query.stop();
    expect(await query.isActive).to.equal(false);
    expect(await query.awaitTermination(1000)).to.equal(true);
    expect((await spark.streams.active).map((q) => q.id)).to.not.include(query.id);
    expect(await spark.streams.get("00000000-0000-0000-0000-000000000000")).to.equal(null);
    expect(await spark.streams.awaitAnyTermination(100)).to.equal(true);
    await spark.streams.resetTerminated();
  });

  it("reads files that arrive in a folder with a schema, and writes Parquet with a checkpoint, once the available data is processed", async () => {
    const input = path.join(dir, "in");
    const output = path.join(dir, "out");
    fs.mkdirSync(input);
    fs.writeFileSync(path.join(input, "a.json"), '{"id": 1, "amount": 2.5}\n{"id": 2, "amount": 4.0}\n');
    const orders = spark.readStream.schema("id INT, amount DOUBLE").json(input);
    const query = track(
      await orders
        .withColumn("doubled", col("amount").multiply(2))
        .writeStream.format("parquet")
        .option("checkpointLocation", path.join(dir, "checkpoint"))
        .trigger({ availableNow: true })
        .start(output),
    );
    expect(await query.awaitTermination(60_000)).to.equal(true);
    expect(await query.exception()).to.equal(null);
    const written = await spark.read.parquet(output).orderBy("id").collect();
    expect(written.map((r) => ({ ...r }))).to.deep.equal([
      { id: 1, amount: 2.5, doubled: 5 },
      { id: 2, amount: 4, doubled: 8 },
    ]);
  });

  it("writes a stream into a table with toTable and a processing-time trigger", async () => {
    const table = `stream_sink_${process.pid}`;
    const query = track(
      await spark.readStream
        .format("rate")
        .option("rowsPerSecond", 20)
        .load()
        .select(col("value"))
        .writeStream.option("checkpointLocation", path.join(dir, "checkpoint-table"))
        .trigger({ processingTime: "200 milliseconds" })
        .toTable(table),
    );
    for (let i = 0; i < 40 && (await spark.table(table).count()) === 0; i++) await new Promise((r) => setTimeout(r, 250));
    expect(await spark.table(table).count()).to.be.greaterThan(0);
    await query.stop();
    await spark.sql(`DROP TABLE IF EXISTS ${table}`);
  });

  describe("event-time windows with a watermark", () => {
    // Events of 2024-01-01 00:00:SS arrive file by file; processAllAvailable returns once a file is
    // processed, including the batch without data that Spark runs when the watermark moves. The
    // watermark trails the latest event seen by 5 seconds.
    const BASE = Date.parse("2024-01-01T00:00:00Z");
    const FEEDS = [[1, 2, 3, 12], [25], [5, 26], [40]];

    /** Counts per 10-second window, fed FEEDS one file at a time; the rows of the sink after each. */
    async function windowCounts(queryName: string, mode: "append" | "update"): Promise<string[][]> {
      const input = path.join(dir, queryName);
      fs.mkdirSync(input);
      const counts = spark.readStream
        .schema("t TIMESTAMP")
        .json(input)
        .withWatermark("t", "5 seconds")
        .groupBy(F.window(col("t"), "10 seconds"))
        .count();
      const query = track(await counts.writeStream.format("memory").queryName(queryName).outputMode(mode).start());
      const seconds = (d: unknown) => {
        expect(d).to.be.instanceOf(Date);
        return ((d as Date).getTime() - BASE) / 1000;
      };
      const after: string[][] = [];
      for (const [i, feed] of FEEDS.entries()) {
        const lines = feed.map((s) => JSON.stringify({ t: new Date(BASE + s * 1000).toISOString() }));
        fs.writeFileSync(path.join(input, `${i}.json`), lines.join("\n") + "\n");
        await query.processAllAvailable();
        const rows = await spark.table(queryName).collect();
        after.push(
          rows
            .map((r) => {
              const window = r.window as SparkStruct;
              return `[${seconds(window.start)}, ${seconds(window.end)}) ${r.count as bigint}`;
            })
            .sort(),
        );
      }
      return after;
    }

    it("in append mode, emits each window once the watermark passes its end, and drops events later than the watermark", async () => {
      expect(await windowCounts("windowed_append", "append")).to.deep.equal([
        // Watermark 7: no window has ended before it.
        [],
        // Watermark 20: [0, 10) and [10, 20) are closed.
        ["[0, 10) 3", "[10, 20) 1"],
        // Watermark 21: the event at 5 is late and dropped (kept, it would reopen [0, 10) with 1).
        ["[0, 10) 3", "[10, 20) 1"],
        // Watermark 35: [20, 30) is closed; [40, 50) stays open.
        ["[0, 10) 3", "[10, 20) 1", "[20, 30) 2"],
      ]);
    });

    it("in update mode, emits each window's new count after every batch that changes it, until the watermark drops its state", async () => {
      expect(await windowCounts("windowed_update", "update")).to.deep.equal([
        ["[0, 10) 3", "[10, 20) 1"],
        ["[0, 10) 3", "[10, 20) 1", "[20, 30) 1"],
        // [0, 10) is past the watermark: the late event at 5 neither counts (it would give 4) nor is emitted.
        ["[0, 10) 3", "[10, 20) 1", "[20, 30) 1", "[20, 30) 2"],
        ["[0, 10) 3", "[10, 20) 1", "[20, 30) 1", "[20, 30) 2", "[40, 50) 1"],
      ]);
    });
  });

  it("surfaces a failed query's error class through exception() and awaitTermination", async () => {
    const failing = spark.readStream
      .format("rate")
      .load()
      .select(F.raise_error(F.lit("boom")).alias("x"));
    const query = track(await failing.writeStream.format("memory").queryName("failing").start());
    try {
      await query.awaitTermination(60_000);
      expect.fail("the query fails");
    } catch (err) {
      expect((err as Error).message).to.match(/boom/);
    }
    const exception = await query.exception();
    expect(exception?.message).to.match(/boom/);
  });

  it("drops duplicates within the watermark, and writes to the console sink", async () => {
    const input = path.join(dir, "dups");
    fs.mkdirSync(input);
    const lines = [
      '{"k": 1, "t": "2024-01-01T00:00:00Z"}',
      '{"k": 1, "t": "2024-01-01T00:00:01Z"}',
      '{"k": 2, "t": "2024-01-01T00:00:02Z"}',
    ];
    fs.writeFileSync(path.join(input, "a.json"), lines.join("\n") + "\n");
    const events = spark.readStream
      .schema("k INT, t TIMESTAMP")
      .json(input)
      .withWatermark("t", "1 minute")
      .dropDuplicatesWithinWatermark(["k"]);
    const query = track(await events.writeStream.format("memory").queryName("deduplicated").start());
    await query.processAllAvailable();
    expect((await spark.table("deduplicated").collect()).map((r) => r.k).sort()).to.deep.equal([1, 2]);
    const toConsole = track(await events.writeStream.format("console").option("numRows", 5).trigger({ availableNow: true }).start());
    expect(await toConsole.awaitTermination(60_000)).to.equal(true);
    expect(await toConsole.exception()).to.equal(null);
  });

  it("refuses a trigger it does not know, before anything is sent", () => {
    expect(() => spark.range(1).writeStream.trigger({} as { once: true })).to.throw(TypeError, /a trigger is/);
  });
});
