import { expect } from "chai";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { after, before, describe, it } from "mocha";
import { NO_RETRIES, SparkAuthenticationError, SparkConnectError, SparkSession } from "../../../src";
import { ownSparkServer, ownSparkServerWith } from "../../support/ownSparkServer";
import { HttpConnectProxy } from "../../support/httpConnectProxy";
import { makeTestCertificates, TlsProxy, type TestCertificates } from "../../support/tlsProxy";

// A Spark Connect server of this test's own that requires a token (Spark 4's
// SPARK_CONNECT_AUTHENTICATE_TOKEN), reached directly on loopback and through a TLS proxy whose
// certificate a CA made for the test signed. Everything the tests see is kept and scanned at the
// end: the token must appear nowhere.

describe("tokens and TLS against a server that requires a token", function () {
  this.timeout(300_000);
  const token = `tok-${randomBytes(18).toString("hex")}`;
  const wrongToken = `tok-${randomBytes(18).toString("hex")}`;
  const seen: string[] = [];
  let stateDir: string;
  let port: number;
  let certificates: TestCertificates;
  let proxy: TlsProxy;
  let restoreOutput: (() => void) | undefined;

  /** Copies everything written to stdout and stderr from here on (the client's own warnings too). */
  const captureOutput = () => {
    const streams = [process.stdout, process.stderr];
    const writes = streams.map((stream) => stream.write.bind(stream));
    streams.forEach((stream, i) => {
      stream.write = (chunk: unknown, ...rest: never[]) => {
        seen.push(String(chunk));
        return writes[i](chunk as string, ...rest);
      };
    });
    return () => streams.forEach((stream, i) => (stream.write = writes[i]!));
  };

  /** Runs test/support/remoteProbe.ts in a new process with `env` added; keeps what it printed. */
  const probe = (env: NodeJS.ProcessEnv) =>
    new Promise<{ ok: boolean; stdout: string; stderr: string }>((resolve) => {
      const script = path.resolve(__dirname, "..", "..", "support", "remoteProbe.ts");
      execFile(
        process.execPath,
        ["--import", "tsx", script],
        { env: { ...process.env, ...env }, timeout: 60_000 },
        (error, stdout, stderr) => {
          seen.push(stdout, stderr);
          resolve({ ok: error === null, stdout, stderr });
        },
      );
    });

  /** Keeps every rendering of a value a user could see (messages, inspect, String, JSON). */
  const record = (value: unknown) => {
    seen.push(String(value), inspect(value, { depth: 6, showHidden: true }));
    try {
      seen.push(JSON.stringify(value) ?? "");
    } catch {
      // Not every value serializes; the other renderings are kept.
    }
  };

  async function failure(action: () => Promise<unknown>): Promise<SparkConnectError> {
    try {
      await action();
    } catch (err) {
      record(err);
      if (err instanceof Error) record(err.stack);
      expect(err).to.be.instanceOf(SparkConnectError);
      return err as SparkConnectError;
    }
    return expect.fail("expected the call to fail");
  }

  async function session(remote: string, tlsRootCertificates?: Buffer): Promise<SparkSession> {
    const spark = await SparkSession.builder
      .remote(remote)
      .clientOptions({ retryPolicy: NO_RETRIES, ...(tlsRootCertificates ? { tlsRootCertificates } : {}) })
      .create();
    record(spark);
    record(spark.client.options);
    return spark;
  }

  before(async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-auth-"));
    const url = await ownSparkServerWith({ SPARK_CONNECT_AUTHENTICATE_TOKEN: token }, stateDir, "start");
    port = Number(new URL(url.replace(/^sc:/, "http:")).port);
    certificates = makeTestCertificates();
    proxy = await TlsProxy.start(port, certificates);
    restoreOutput = captureOutput();
  });

  after(async () => {
    restoreOutput?.();
    await proxy?.close();
    certificates?.remove();
    if (stateDir) {
      await ownSparkServer(stateDir, "stop").catch(() => undefined);
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it("answers with the right token (plain text is allowed on loopback)", async () => {
    const spark = await session(`sc://127.0.0.1:${port}/;token=${token}`);
    try {
      const rows = await (await spark.sql("SELECT 1 AS one")).collect();
      record(rows);
      expect(rows).to.deep.equal([{ one: 1 }]);
    } finally {
      await spark.stop();
    }
  });

  it("refuses a wrong token with an authentication error that shows neither token", async () => {
    const spark = await session(`sc://127.0.0.1:${port}/;token=${wrongToken}`);
    const err = await failure(async () => spark.sql("SELECT 1"));
    expect(err).to.be.instanceOf(SparkAuthenticationError);
    expect(err.message).to.match(/token|authenticat|UNAUTHENTICATED/i);
    expect(inspect(err)).to.not.include(wrongToken);
    await spark.stop().catch((e: unknown) => record(e));
  });

  it("refuses a missing token with an authentication error", async () => {
    const spark = await session(`sc://127.0.0.1:${port}`);
    const err = await failure(async () => spark.sql("SELECT 1"));
    expect(err).to.be.instanceOf(SparkAuthenticationError);
    await spark.stop().catch((e: unknown) => record(e));
  });

  it("works over TLS with the token when the test CA is trusted", async () => {
    const spark = await session(`sc://localhost:${proxy.port}/;use_ssl=true;token=${token}`, certificates.caPem);
    try {
      expect(spark.client.options.useSsl).to.equal(true);
      const rows = await (await spark.sql("SELECT 'over tls' AS how")).collect();
      record(rows);
      expect(rows).to.deep.equal([{ how: "over tls" }]);
    } finally {
      await spark.stop();
    }
  });

  it("fails clearly over TLS when the server's certificate is not trusted", async () => {
    const spark = await session(`sc://localhost:${proxy.port}/;use_ssl=true;token=${token}`);
    const err = await failure(async () => spark.sql("SELECT 1"));
    expect(err.message).to.match(/\(TLS\).*certificate/);
    await spark.stop().catch((e: unknown) => record(e));
  });

  it("trusts the CA file named by GRPC_DEFAULT_SSL_ROOTS_FILE_PATH, as gRPC's own clients do", async () => {
    const remote = `sc://localhost:${proxy.port}/;use_ssl=true;token=${token}`;
    const trusted = await probe({ SPARK_REMOTE: remote, GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: path.join(certificates.dir, "ca.pem") });
    expect(trusted, trusted.stderr).to.include({ ok: true });
    expect(JSON.parse(trusted.stdout)).to.deep.equal([{ one: 1 }]);
    const untrusted = await probe({ SPARK_REMOTE: remote, GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: "" });
    expect(untrusted.ok).to.equal(false);
    expect(untrusted.stderr).to.match(/\(TLS\).*certificate/);
  });

  it("reaches a TLS endpoint through the HTTP CONNECT proxy named by https_proxy, which never sees the token", async () => {
    const connectProxy = await HttpConnectProxy.start();
    try {
      const remote = `sc://localhost:${proxy.port}/;use_ssl=true;token=${token};x-cluster-id=0123-abc`;
      const through = await probe({
        SPARK_REMOTE: remote,
        GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: path.join(certificates.dir, "ca.pem"),
        https_proxy: `http://127.0.0.1:${connectProxy.port}`,
        no_proxy: "",
        no_grpc_proxy: "",
        grpc_proxy: "",
      });
      expect(through, through.stderr).to.include({ ok: true });
      expect(JSON.parse(through.stdout)).to.deep.equal([{ one: 1 }]);
      expect(connectProxy.requests.map((r) => r.target)).to.include(`localhost:${proxy.port}`);
      const proxied = JSON.stringify(connectProxy.requests);
      seen.push(proxied);
      expect(proxied).to.not.include(token);
    } finally {
      await connectProxy.close();
    }
  });

  it("left the token in no output, error, rendering or server log", () => {
    const log = fs.readFileSync(path.join(stateDir, "server.log"), "utf8");
    const leaks = [...seen, log].filter((text) => text.includes(token) || text.includes(wrongToken));
    expect(
      leaks.map((text) => text.slice(0, 200)),
      "texts that contain a token",
    ).to.deep.equal([]);
    expect(seen.length).to.be.greaterThan(20);
  });
});
