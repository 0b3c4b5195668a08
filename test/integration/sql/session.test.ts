import { expect } from "chai";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import { SessionClosedError, SparkSession, UnsupportedOperationException, type SparkConnectError } from "../../../src";
import { ownSparkServer, ownSparkServerWith } from "../../support/ownSparkServer";
import { expectRejection } from "../../support/rejection";
import { expectedServerVersion, newSession, requireSpark, sparkRemote, useSession } from "../../support/spark";

describe("SparkSession", () => {
  const spark = useSession();

  it("reports the server's Spark version, the one the project pins", async () => {
    expect(await spark.version).to.equal(expectedServerVersion());
  });

  it("keeps the client session id it chose and learns the server-side one", async function () {
    await requireSpark(this, "4.0", "server-side session ids");
    expect(spark.sessionId).to.match(/^[0-9a-f-]{36}$/);
    await spark.version;
    expect(spark.client.observedServerSideSessionId).to.be.a("string").and.not.equal("");
  });

  it("uses the session_id of the connection string when one is given", async () => {
    const id = randomUUID();
    const pinned = await SparkSession.builder.remote(`${sparkRemote()}/;session_id=${id}`).create();
    try {
      expect(pinned.sessionId).to.equal(id);
      expect(await pinned.version).to.equal(expectedServerVersion());
    } finally {
      await pinned.stop();
    }
  });

  it("connects to SPARK_REMOTE when the builder names no server", async () => {
    const builder = SparkSession.builder;
    expect(builder.connectionString).to.equal(sparkRemote());
    const session = await builder.create();
    try {
      expect(await session.version).to.equal(expectedServerVersion());
    } finally {
      await session.stop();
    }
  });

  it("getOrCreate returns the active session for the same server and applies new configs to it", async () => {
    const first = await SparkSession.builder.remote(sparkRemote()).getOrCreate();
    try {
      const second = await SparkSession.builder.remote(sparkRemote()).config("spark.sql.shuffle.partitions", 7).getOrCreate();
      expect(second).to.equal(first);
      expect(await first.conf.get("spark.sql.shuffle.partitions")).to.equal("7");
    } finally {
      await first.stop();
    }
  });

  it("applies builder configs to a new session before it is returned", async () => {
    const session = await SparkSession.builder
      .remote(sparkRemote())
      .config({ "spark.sql.session.timeZone": "Asia/Kolkata", "spark.sql.ansi.enabled": false })
      .create();
    try {
      expect(await session.conf.get("spark.sql.session.timeZone")).to.equal("Asia/Kolkata");
      expect(await session.conf.get("spark.sql.ansi.enabled")).to.equal("false");
    } finally {
      await session.stop();
    }
  });

  it("keeps sessions apart: a temp view of one is invisible to another", async () => {
    const other = await newSession();
    try {
      await spark.sql("CREATE OR REPLACE TEMP VIEW only_mine AS SELECT 1 AS x");
      expect(await spark.table("only_mine").count()).to.equal(1);
      const err = await other
        .table("only_mine")
        .count()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).to.be.instanceOf(Error).with.property("errorClass", "TABLE_OR_VIEW_NOT_FOUND");
    } finally {
      await other.stop();
    }
  });

  it("stop() releases the server session, so its id cannot be used again", async function () {
    await requireSpark(this, "4.0", "ReleaseSession");
    const session = await newSession();
    await session.sql("CREATE TEMP VIEW gone_with_session AS SELECT 1 AS x");
    const id = session.sessionId;
    await session.stop();
    const err = await session
      .range(1)
      .count()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err)
      .to.be.instanceOf(Error)
      .with.property("message")
      .that.matches(/stopped/);
    // A new client with the released id is refused by the server rather than given a fresh session
    // under the old id (which would fail here too, but with TABLE_OR_VIEW_NOT_FOUND).
    const again = await SparkSession.builder.remote(`${sparkRemote()}/;session_id=${id}`).create();
    try {
      const reuse = await again
        .table("gone_with_session")
        .count()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(reuse, String(reuse)).to.be.instanceOf(SessionClosedError);
      expect((reuse as SessionClosedError).errorClass).to.equal("INVALID_HANDLE.SESSION_CLOSED");
    } finally {
      await again.stop().catch(() => undefined);
    }
  });
});

describe("SparkSession lifecycle and progress", () => {
  it("newSession has its own temp views on the same server", async () => {
    const spark = await newSession();
    const other = spark.newSession();
    try {
      await (await spark.sql("SELECT 1 AS x")).createOrReplaceTempView("only_in_first");
      expect(other.session_id).to.not.equal(spark.session_id);
      expect(await other.version).to.equal(await spark.version);
      expect(await (await spark.sql("SHOW VIEWS LIKE 'only_in_first'")).count()).to.equal(1);
      expect(await (await other.sql("SHOW VIEWS LIKE 'only_in_first'")).count()).to.equal(0);
    } finally {
      await other.stop();
      await spark.stop();
    }
  });

  it("cloneSession copies temp views and settings into an independent session", async function () {
    await requireSpark(this, "4.1", "CloneSession");
    const spark = await newSession();
    try {
      await (await spark.sql("SELECT 7 AS x")).createOrReplaceTempView("copied_view");
      await spark.conf.set("spark.sql.shuffle.partitions", "7");
      const copy = await spark.cloneSession();
      try {
        expect(copy.session_id).to.not.equal(spark.session_id);
        expect(await copy.table("copied_view").collect()).to.deep.equal([{ x: 7 }]);
        expect(await copy.conf.get("spark.sql.shuffle.partitions")).to.equal("7");
        await copy.conf.set("spark.sql.shuffle.partitions", "9");
        expect(await spark.conf.get("spark.sql.shuffle.partitions")).to.equal("7");
      } finally {
        await copy.stop();
      }
    } finally {
      await spark.stop();
    }
  });

  it("is_stopped turns true after stop, and getActiveSession forgets a stopped session", async () => {
    const spark = await SparkSession.builder.remote(sparkRemote()).getOrCreate();
    expect(SparkSession.active()).to.equal(spark);
    expect(spark.is_stopped).to.equal(false);
    await spark.stop();
    expect(spark.is_stopped).to.equal(true);
    expect(SparkSession.getActiveSession()).to.equal(undefined);
    expect(() => SparkSession.active()).to.throw(/No active Spark session/);
  });

  it("emptyDataFrame has no columns and no rows", async () => {
    const spark = await newSession();
    try {
      expect(await spark.emptyDataFrame.columns).to.deep.equal([]);
      expect(await spark.emptyDataFrame.count()).to.equal(0);
    } finally {
      await spark.stop();
    }
  });

  it("progress handlers see the stages of a job and a last call with done, until removed", async function () {
    await requireSpark(this, "4.0", "execution progress reports");
    this.timeout(120_000);
    const spark = await newSession();
    try {
      const events: { operationId: string; done: boolean; tasks: bigint }[] = [];
      const handler = (e: { operationId: string; done: boolean; stages: readonly { numTasks: bigint }[] }) =>
        events.push({ operationId: e.operationId, done: e.done, tasks: e.stages.reduce((n, s) => n + s.numTasks, 0n) });
      spark.registerProgressHandler(handler);
      spark.registerProgressHandler(handler);
      // A job of a few seconds: the server reports progress about every second.
      await spark.range(0, 4, 1, 4).selectExpr("id", "reflect('java.lang.Thread', 'sleep', 1500L) AS s").collect();
      const progress = events.filter((e) => !e.done);
      expect(progress.length, "progress reports").to.be.greaterThan(0);
      expect(progress.some((e) => e.tasks > 0n)).to.equal(true);
      expect(events.filter((e) => e.done).map((e) => e.operationId)).to.include(progress[0].operationId);
      spark.removeProgressHandler(handler);
      const seen = events.length;
      await spark.range(3).collect();
      expect(events.length).to.equal(seen);
    } finally {
      await spark.stop();
    }
  });
});

describe("SparkSession artifacts", () => {
  it("addArtifacts with { file: true } adds a file to the session's files", async () => {
    const spark = await newSession();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-artifacts-"));
    try {
      const local = path.join(dir, `greeting-${process.pid}.txt`);
      fs.writeFileSync(local, "hello from an artifact\n");
      await spark.addArtifacts(local, { file: true });
      // The session lists its own files (where its tasks find them).
      const files = (await (await spark.sql("LIST FILES")).collect()).map((r) => r.Results as string);
      expect(files.some((f) => f.endsWith(`/files/${path.basename(local)}`))).to.equal(true, files.join("\n"));
    } finally {
      await spark.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file that is not a jar without a kind, before anything is sent", async () => {
    const spark = await newSession();
    try {
      await spark.addArtifacts("notes.txt");
      expect.fail("a .txt is not a jar");
    } catch (err) {
      expect((err as Error).message).to.match(/cannot add notes.txt as an artifact/);
    } finally {
      await spark.stop();
    }
  });
});

describe("SparkSession.copyFromLocalToFs", function () {
  this.timeout(300_000);
  /** Bytes that a text round trip would change: a NUL, bytes that are not UTF-8, CR LF. */
  const bytes = Buffer.from([0x63, 0x6f, 0x70, 0x69, 0x65, 0x64, 0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a]);
  /** The static server setting that lets the destination be the driver's own disk (off by default). */
  const ALLOW_DEST_LOCAL = "spark.sql.artifact.copyFromLocalToFs.allowDestLocal";
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-copy-"));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A local file holding `bytes`. */
  const source = () => {
    const local = path.join(dir, `source-${randomUUID()}.bin`);
    fs.writeFileSync(local, bytes);
    return local;
  };

  /** What the server reads at `file` (binaryFile keeps the bytes as they are). */
  const readOnServer = async (spark: SparkSession, file: string) => {
    const rows = await spark.read.format("binaryFile").load(file).select("content").collect();
    return rows.map((r) => Buffer.from(r.content as Uint8Array));
  };

  it("is refused by a server that does not allow a local destination, which then has no such file", async function () {
    await requireSpark(this, "4.0", "forwarding artifacts to the file system");
    const spark = await newSession();
    try {
      const allowed = await spark.conf.getOption(ALLOW_DEST_LOCAL);
      if (allowed !== "false") {
        // The shared test server leaves it off; the suite below starts a server that turns it on.
        this.test!.title += ` (skipped: this server's ${ALLOW_DEST_LOCAL} is ${allowed ?? "unknown to it"})`;
        this.skip();
      }
      const dest = path.join(dir, "refused", "copy.bin");
      const err = await spark.copyFromLocalToFs(source(), dest).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, String(err)).to.be.instanceOf(UnsupportedOperationException);
      expect((err as SparkConnectError).errorClass).to.equal("_LEGACY_ERROR_TEMP_3161");
      expect((err as Error).message).to.equal("Uploading artifact file to local file system destination path is not supported.");
      const missing = await readOnServer(spark, dest).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((missing as SparkConnectError).errorClass, String(missing)).to.equal("PATH_NOT_FOUND");
    } finally {
      await spark.stop();
    }
  });

  it("refuses a relative destination before anything is sent", async () => {
    const spark = await newSession();
    try {
      await expectRejection(spark.copyFromLocalToFs(source(), "relative/path"), /absolute path or URI/);
    } finally {
      await spark.stop();
    }
  });

  describe("to a server that allows a local destination", () => {
    // A server of this test's own: the setting is static, and the shared test server keeps it off
    // (it lets any client overwrite the driver's files).
    let stateDir: string;
    let url: string;

    before(async function () {
      await requireSpark(this, "4.0", "forwarding artifacts to the file system");
      stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-copy-server-"));
      const confDir = path.join(stateDir, "conf");
      fs.mkdirSync(confDir);
      fs.writeFileSync(path.join(confDir, "spark-defaults.conf"), `${ALLOW_DEST_LOCAL} true\n`);
      url = await ownSparkServerWith({ SPARK_CONF_DIR: confDir }, stateDir, "start");
    });
    after(async () => {
      if (stateDir === undefined) return;
      await ownSparkServer(stateDir, "stop");
      fs.rmSync(stateDir, { recursive: true, force: true });
    });

    it("writes the file's exact bytes at the absolute destination, making its folders", async () => {
      const spark = await SparkSession.builder.remote(url).create();
      try {
        expect(await spark.conf.get(ALLOW_DEST_LOCAL)).to.equal("true");
        const dest = path.join(dir, "allowed", "nested", "copy.bin");
        await spark.copyFromLocalToFs(source(), dest);
        expect(await readOnServer(spark, dest)).to.deep.equal([bytes]);
        // The server runs on this machine, so its disk is ours to look at as well.
        expect(fs.readFileSync(dest)).to.deep.equal(bytes);
      } finally {
        await spark.stop();
      }
    });
  });
});
