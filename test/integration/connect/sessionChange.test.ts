import { expect } from "chai";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import { SessionChangedError, SparkSession } from "../../../src";

const script = path.resolve(__dirname, "..", "..", "..", "scripts", "spark-server.mjs");

/** Drives a server of this test's own (not the shared test server), in its own state folder. */
function server(stateDir: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { ...process.env, SPARK_TS_STATE_DIR: stateDir, SPARK_TS_DRIVER_MEMORY: "1g" }, timeout: 240_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${args.join(" ")}: ${stderr || error.message}`)) : resolve(stdout.trim())),
    );
  });
}

describe("a server restart under a live session", function () {
  this.timeout(300_000);
  let stateDir: string;
  let url: string;

  before(async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-restart-"));
    url = await server(stateDir, "start");
  });
  after(async () => {
    await server(stateDir, "stop");
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it("is reported as a changed session, never answered from a fresh empty one", async () => {
    const spark = await SparkSession.builder.remote(url).create();
    await spark.sql("CREATE TEMP VIEW before_restart AS SELECT 1 AS x");
    const port = new URL(url.replace(/^sc:/, "http:")).port;
    await server(stateDir, "stop");
    await server(stateDir, "start", "--port", port);
    const err = await spark.table("before_restart").count().then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(SessionChangedError);
    expect((err as Error).message).to.match(/session/i);
    await spark.stop().catch(() => undefined);
  });
});
