// Servers that go quiet instead of going away: a listener that accepts connections and never
// answers (a firewall, a load balancer, a port that is not Spark's), and a connection that stops
// carrying bytes mid-result without being closed (a NAT entry dropped, a half-dead proxy). Every
// wait ends: with a clear error before the first connection, by reconnecting after it.
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { SparkConnectionError, SparkSession } from "../../../src";
import { CuttingProxy, type Direction } from "../../support/cuttingProxy";
import { GrpcRelay } from "../../support/grpcRelay";
import { SilentServer } from "../../support/silentServer";
import { sparkRemote } from "../../support/spark";

/** The error an awaited call ends with (the test fails if it resolves). */
async function failureOf(work: Promise<unknown>): Promise<Error> {
  return work.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error as Error,
  );
}

describe("a server that accepts the connection and never answers", function () {
  // A hang is the failure here: mocha's timeout (60 s) bounds each test, far above the waits below.
  let silent: SilentServer;

  before(async () => {
    silent = await SilentServer.start();
  });

  after(async () => {
    await silent?.close();
  });

  it("fails a first call with SparkConnectionError saying the server did not answer (connect_timeout_ms)", async () => {
    const spark = await SparkSession.builder.remote(silent.remote(";connect_timeout_ms=1500")).create();
    const connectionsBefore = silent.connections;
    try {
      const error = await failureOf(spark.version);
      expect(error).to.be.instanceOf(SparkConnectionError);
      expect(error.message).to.match(/^The Spark Connect server at 127\.0\.0\.1:\d+ did not answer within 1\.5 s/);
      expect(error.message).to.include("connect_timeout_ms");
      expect((error as SparkConnectionError).address).to.equal(`127.0.0.1:${silent.port}`);
      // It was the silent listener that held the call, not a refused connection.
      expect(silent.connections).to.be.above(connectionsBefore);
    } finally {
      await spark.stop();
    }
  });

  it("fails a first query (an ExecutePlan stream) the same way", async () => {
    const spark = await SparkSession.builder.remote(silent.remote(";connect_timeout_ms=1500")).create();
    try {
      const error = await failureOf(spark.sql("SELECT 1"));
      expect(error).to.be.instanceOf(SparkConnectionError);
      expect(error.message).to.match(/did not answer within 1\.5 s/);
    } finally {
      await spark.stop();
    }
  });

  it("takes the connect timeout from clientOptions over the connection string's", async () => {
    const spark = await SparkSession.builder
      .remote(silent.remote(";connect_timeout_ms=600000"))
      .clientOptions({ connectTimeoutMs: 1000 })
      .create();
    try {
      const error = await failureOf(spark.conf.get("spark.sql.shuffle.partitions"));
      expect(error).to.be.instanceOf(SparkConnectionError);
      expect(error.message).to.match(/did not answer within 1 s/);
    } finally {
      await spark.stop();
    }
  });

  it("stops a session that never reached it at once, and ends the call still waiting", async () => {
    const spark = await SparkSession.builder.remote(silent.remote()).create();
    // With the default 20 s connect timeout, a release on stop() would wait that long: there is
    // no session on the server to release, so stop() must not try.
    const pending = failureOf(spark.version);
    const stopped = spark.stop().then(() => "stopped");
    const waited = new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5_000).unref());
    expect(await Promise.race([stopped, waited])).to.equal("stopped");
    expect(await Promise.race([pending, waited])).to.be.instanceOf(Error);
  });
});

describe("a connection that stops carrying bytes without closing", function () {
  // Keepalive PINGs find the silent peer: one every 10 s (the least a Spark 4.3 server accepts
  // without a too_many_pings GOAWAY), dead when unanswered for 2 s. Each test's bound (90 s) is
  // only there to turn a hang into a failure.
  this.timeout(90_000);
  const KEEPALIVE = ";grpc_keepalive_time_ms=10000;grpc_keepalive_timeout_ms=2000";
  // 100 Arrow batches of about 110 kB: long enough to stall in the middle of.
  const QUERY = "SELECT id, repeat('x', 100) AS s FROM range(0, 100000, 1, 8)";
  const ROWS = 100_000;
  let proxy: CuttingProxy;
  let spark: SparkSession;

  before(async () => {
    proxy = await CuttingProxy.start(Number(new URL(sparkRemote().replace(/^sc:/, "http:")).port));
    spark = await SparkSession.builder.remote(`${proxy.remote}/${KEEPALIVE}`).create();
    await spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000");
  });

  after(async () => {
    await spark?.stop().catch(() => undefined);
    await proxy?.close();
  });

  const ways: [string, Direction | "both"][] = [
    ["from the server", "toClient"],
    ["to the server", "toServer"],
    ["both ways", "both"],
  ];
  for (const [name, silenced] of ways) {
    it(`returns every row exactly once when the stream goes silent ${name} mid-result`, async () => {
      const df = await spark.sql(QUERY);
      const connectionsBefore = proxy.connections;
      const stallsBefore = proxy.stalls;
      proxy.stallAfter(2_000_000, "toClient", silenced);
      const rows = await df.collect();
      expect(proxy.stalls - stallsBefore, "the proxy stalled the connection").to.equal(1);
      expect(proxy.connections, "the client reconnected").to.be.above(connectionsBefore);
      expect(rows).to.have.length(ROWS);
      rows.forEach((row, i) => {
        if (row.id !== BigInt(i) || row.s !== "x".repeat(100)) expect.fail(`row ${i} is wrong`);
      });
    });
  }

  it("answers a unary call whose connection went silent, on a new connection", async () => {
    await spark.conf.set("spark.sql.shuffle.partitions", "7");
    const connectionsBefore = proxy.connections;
    proxy.stallNow();
    expect(await spark.conf.get("spark.sql.shuffle.partitions")).to.equal("7");
    expect(proxy.connections).to.be.above(connectionsBefore);
  });
});

describe("a server that takes a call and never answers it", function () {
  // A hang is the failure: mocha's timeout (60 s) bounds each test, far above the deadlines below.
  let relay: GrpcRelay;

  before(async () => {
    relay = await GrpcRelay.start(sparkRemote());
  });

  after(async () => {
    await relay?.close();
  });

  it("fails a unary call at its deadline (callTimeoutMs) with SparkConnectionError", async () => {
    const spark = await SparkSession.builder.remote(relay.remote).clientOptions({ callTimeoutMs: 1500 }).create();
    try {
      // The session works; then Config calls go unanswered.
      await spark.conf.set("spark.sql.shuffle.partitions", "3");
      relay.hold("config");
      const error = await failureOf(spark.conf.get("spark.sql.shuffle.partitions"));
      expect(error).to.be.instanceOf(SparkConnectionError);
      expect(error.message).to.match(/did not answer the call before its deadline \(DEADLINE_EXCEEDED/);
      expect(error.message).to.include("callTimeoutMs");
      expect(relay.heldCalls("config")).to.equal(1);
      // Other calls still work: the deadline ended the call, not the session.
      expect(await spark.version).to.match(/^\d+\.\d+/);
    } finally {
      relay.passOn("config");
      await spark.stop();
    }
  });

  it("lets stop() end when the server never answers its ReleaseSession", async () => {
    const spark = await SparkSession.builder.remote(relay.remote).clientOptions({ callTimeoutMs: 1500 }).create();
    await spark.version;
    relay.hold("releaseSession");
    await spark.stop();
    expect(spark.is_stopped).to.equal(true);
    expect(relay.heldCalls("releaseSession")).to.equal(1);
  });
});
