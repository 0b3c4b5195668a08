// Nothing of a session outlives its use: result streams nobody finishes are released on the server
// (when their iterator is garbage-collected, at the latest when the session stops), and a script
// that stops its session exits, even when the server has gone away meanwhile.
import { spawn } from "node:child_process";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { SparkSession } from "../../../src";
import { CuttingProxy } from "../../support/cuttingProxy";
import { heldOnServer } from "../../support/serverOperations";
import { sparkRemote } from "../../support/spark";

const root = path.resolve(__dirname, "..", "..", "..");

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

describe("result streams nobody finishes", function () {
  let spark: SparkSession;

  before(async () => {
    spark = await SparkSession.builder.remote(sparkRemote()).create();
    await spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000");
  });

  after(async () => {
    await spark?.stop().catch(() => undefined);
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
});

/** Runs test/support/stoppingScript.ts against `remote`; `beforeStop` runs once it has read its first row. */
function runStoppingScript(remote: string, beforeStop: () => Promise<void>): Promise<{ code: number | null; stdout: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "test", "support", "stoppingScript.ts"), remote], {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
    });
    let stdout = "";
    let stopAsked = 0;
    // A hang is the failure: a process still alive after 60 s is killed and reported.
    const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stopAsked === 0 && stdout.includes("first row")) {
        stopAsked = performance.now();
        beforeStop().then(() => child.stdin.write("stop\n"), reject);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, seconds: (performance.now() - stopAsked) / 1000 });
    });
  });
}

describe("a script that stops its session", function () {
  this.timeout(90_000);

  it("exits by itself, though an iterator it never finished is still referenced", async () => {
    const run = await runStoppingScript(sparkRemote(), async () => undefined);
    expect(run.stdout).to.include("first row 0");
    expect(run.stdout).to.include("stopped, iterator still held: true");
    expect(run.code).to.equal(0);
  });

  it("exits by itself when the connection went silent before stop(), with no keepalive to notice", async () => {
    const proxy = await CuttingProxy.start(Number(new URL(sparkRemote().replace(/^sc:/, "http:")).port));
    try {
      // Without keepalive nothing would ever end the stalled result stream: only stop() can.
      const run = await runStoppingScript(`${proxy.remote}/;grpc_keepalive_enabled=false`, async () => proxy.stallNow());
      expect(run.stdout).to.include("stopped, iterator still held: true");
      expect(run.code).to.equal(0);
    } finally {
      await proxy.close();
    }
  });

  it("exits by itself when the server went away before stop()", async () => {
    const proxy = await CuttingProxy.start(Number(new URL(sparkRemote().replace(/^sc:/, "http:")).port));
    try {
      // The server goes away: the proxy stops listening and drops the script's connections.
      const run = await runStoppingScript(proxy.remote, () => proxy.close());
      expect(run.stdout).to.include("stopped, iterator still held: true");
      expect(run.code).to.equal(0);
    } finally {
      await proxy.close().catch(() => undefined);
    }
  });
});
