import { randomUUID } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { OperationCanceledError, SparkSession, type DataFrame } from "../../../src";
import { connectionAnswered } from "../../../src/connect/connectionWait";
import type { Plan } from "../../../src/gen/spark/connect/base";
import { CuttingProxy, type CutMode, type Direction } from "../../support/cuttingProxy";
import { heldOnServer } from "../../support/serverOperations";
import { sparkRemote, useSession } from "../../support/spark";

// 300 Arrow batches of 1,000 rows (about 110 kB each), from 16 partitions: long enough to be cut
// at many places, short enough to run twenty times.
const QUERY = "SELECT id, repeat('x', 100) AS s FROM range(0, 300000, 1, 16)";
const ROWS = 300_000;

function planOf(df: DataFrame): Plan {
  return { opType: { $case: "root", root: df.plan } };
}

describe("result streams that break", function () {
  let proxy: CuttingProxy;
  let spark: SparkSession;
  let df: DataFrame;
  let uncutBytes: number;
  const operations: string[] = [];

  before(async () => {
    proxy = await CuttingProxy.start(Number(new URL(sparkRemote().replace(/^sc:/, "http:")).port));
    spark = await SparkSession.builder.remote(proxy.remote).create();
    spark.client.operations.observe({ started: (operation) => operations.push(operation.operationId) });
    await spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000");
    df = await spark.sql(QUERY);
    const start = proxy.bytesFromServer;
    const rows = await df.collect();
    uncutBytes = proxy.bytesFromServer - start;
    expect(rows).to.have.length(ROWS);
    expect(proxy.cuts).to.equal(0);
  });

  after(async () => {
    await spark?.stop().catch(() => undefined);
    await proxy?.close();
  });

  /** Runs the query with the proxy armed, checks every row came exactly once and nothing stayed on the server. */
  async function collectThroughCut(bytes: number, mode: CutMode, direction: Direction = "toClient", times = 1) {
    const cutsBefore = proxy.cuts;
    const first = operations.length;
    proxy.cutAfter(bytes, mode, direction, times);
    const rows = await df.collect();
    proxy.cutAfter(Number.POSITIVE_INFINITY);
    expect(proxy.cuts - cutsBefore, "the proxy cut the connection").to.equal(times);
    expect(rows).to.have.length(ROWS);
    rows.forEach((row, i) => {
      if (row.id !== BigInt(i) || row.s !== "x".repeat(100))
        expect.fail(`row ${i} is ${JSON.stringify(row, (_, v: unknown) => String(v))}`);
    });
    await spark.client.settled();
    for (const operationId of operations.slice(first)) {
      expect(await heldOnServer(spark, operationId), `operation ${operationId} is still held`).to.equal(false);
    }
  }

  // Where to cut, as a share of the uncut result's bytes (0 is the very first byte of the answer).
  const shares = [
    0, 0.0005, 0.002, 0.01, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.33, 0.4, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.99, 0.999,
  ];
  shares.forEach((share, i) => {
    const mode: CutMode = i % 3 === 2 ? "close" : "reset";
    it(`returns every row exactly once when the connection is ${mode === "reset" ? "reset" : "closed"} ${+(share * 100).toFixed(2)}% into the result`, async () => {
      // An odd offset lands inside an HTTP/2 frame rather than on a boundary.
      await collectThroughCut(Math.floor(uncutBytes * share) + 37 * i, mode);
    });
  });

  it("returns every row exactly once when the connection is cut inside the last batch", async () => {
    // The stream's length varies a little from run to run (progress reports, metrics): cut less
    // than a batch (about 110 kB) before the end, but far enough to fall inside the stream every time.
    await collectThroughCut(uncutBytes - 5000, "reset");
  });

  it("returns every row exactly once when the connection breaks five times in one result", async () => {
    await collectThroughCut(Math.floor(uncutBytes / 6), "reset", "toClient", 5);
  });

  it("sends the plan again when the first request never reached the server", async () => {
    await collectThroughCut(0, "reset", "toServer");
  });

  it("resumes when the reconnection after a cut is cut too", async () => {
    // The first cut breaks the result stream, the second the connection that would resume it.
    const cutsBefore = proxy.cuts;
    proxy.cutAfter(Math.floor(uncutBytes / 3), "reset");
    const pending = df.collect();
    // The client waits 50 ms before it reattaches: time enough to arm the second cut.
    while (proxy.cuts === cutsBefore) await new Promise((r) => setTimeout(r, 1));
    proxy.cutAfter(0, "reset", "toServer");
    const rows = await pending;
    proxy.cutAfter(Number.POSITIVE_INFINITY);
    expect(proxy.cuts - cutsBefore).to.equal(2);
    expect(rows.map((row) => row.id)).to.deep.equal(Array.from({ length: ROWS }, (_, i) => BigInt(i)));
  });
});

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Tells when watched objects are collected; module-level, since a registry collected itself tells nothing. */
const collections = new FinalizationRegistry<() => void>((tell) => tell());

/**
 * Starts a toLocalIterator over a large result, reads one row and drops the iterator; resolves to
 * the operation's id and a promise that settles once the iterator has been garbage-collected.
 */
async function abandonIterator(spark: SparkSession): Promise<{ operationId: string; collected: Promise<void> }> {
  let operationId = "";
  const stopObserving = spark.client.operations.observe({ started: (op) => (operationId = op.operationId) });
  let tell: () => void = () => undefined;
  const collected = new Promise<void>((resolve) => (tell = resolve));
  const rows = spark.range(0, 10_000_000, 1, 4).toLocalIterator();
  collections.register(rows, () => tell());
  await rows.next();
  stopObserving();
  return { operationId, collected };
}

describe("result streams the consumer leaves", function () {
  const spark = useSession();

  before(async () => {
    await spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000");
  });

  it("are held on the server while they are being read (which the other checks rely on)", async () => {
    const df = await spark.sql(QUERY);
    const operationId = randomUUID();
    let held: boolean | undefined;
    for await (const response of spark.client.execute(planOf(df), { operationId })) {
      if (response.responseType?.$case !== "arrowBatch") continue;
      held = await heldOnServer(spark, operationId);
      break;
    }
    expect(held).to.equal(true);
  });

  it("are released on the server when the loop is left early", async () => {
    const df = await spark.sql(QUERY);
    const operationId = randomUUID();
    let batches = 0;
    for await (const response of spark.client.execute(planOf(df), { operationId })) {
      if (response.responseType?.$case === "arrowBatch" && ++batches === 3) break;
    }
    await spark.client.settled();
    expect(await heldOnServer(spark, operationId)).to.equal(false);
    expect(await spark.client.interrupt({ all: true })).to.deep.equal([]);
  });

  it("are released on the server when the caller aborts, which ends the stream with OperationCanceledError", async () => {
    const df = await spark.sql(QUERY);
    const operationId = randomUUID();
    const controller = new AbortController();
    let batches = 0;
    const error = await (async () => {
      for await (const response of spark.client.execute(planOf(df), { operationId, signal: controller.signal })) {
        if (response.responseType?.$case === "arrowBatch" && ++batches === 2) controller.abort();
      }
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(OperationCanceledError);
    await spark.client.settled();
    expect(await heldOnServer(spark, operationId)).to.equal(false);
  });

  it("are released on the server once their toLocalIterator is garbage-collected", async () => {
    const { operationId, collected } = await abandonIterator(spark);
    expect(operationId).to.match(/^[0-9a-f-]{36}$/);
    // A bounded number of collections: the iterator is unreachable, so one or two suffice.
    let done = false;
    void collected.then(() => (done = true));
    for (let i = 0; i < 20 && !done; i++) {
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(done, "the iterator was collected").to.equal(true);
    // The client's own finalizer ran in the same collection; its release is sent in the background.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await spark.client.settled();
    expect(await heldOnServer(spark, operationId)).to.equal(false);
  });

  it("that were read to the end leave nothing on the server", async () => {
    const df = await spark.sql("SELECT id FROM range(10)");
    const operationId = randomUUID();
    for await (const _ of spark.client.execute(planOf(df), { operationId })) void _;
    await spark.client.settled();
    expect(await heldOnServer(spark, operationId)).to.equal(false);
  });
});

describe("the first request of a new session", function () {
  it("runs once when the connection is reset under it before it reached the server", async () => {
    const proxy = await CuttingProxy.start(Number(new URL(sparkRemote().replace(/^sc:/, "http:")).port));
    const spark = await SparkSession.builder.remote(proxy.remote).create();
    try {
      // The connection is up (HTTP/2 only, no request yet: the server has no such session), and
      // its handshake has gone through, so the next bytes from the client are the request.
      await connectionAnswered(spark.client["stub"].getChannel(), 20_000);
      for (let last = -1; last !== proxy.bytesFromClient;) {
        last = proxy.bytesFromClient;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      proxy.cutAfter(1, "reset", "toServer");
      // An eager statement: the session's very first request is this ExecutePlan. The reattach that
      // follows the reset finds no session on the server, so the plan has to be sent again.
      const df = await spark.sql("SELECT 42 AS answer");
      proxy.cutAfter(Number.POSITIVE_INFINITY);
      expect(proxy.cuts).to.equal(1);
      expect(proxy.connections).to.equal(2);
      expect(await df.collect()).to.deep.equal([{ answer: 42 }]);
    } finally {
      await spark.stop().catch(() => undefined);
      await proxy.close();
    }
  });
});
