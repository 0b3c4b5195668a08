import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import { SessionChangedError, SparkSession } from "../../../src";
import { ownSparkServer } from "../../support/ownSparkServer";

describe("a server restart under a live session", function () {
  this.timeout(300_000);
  let stateDir: string;
  let url: string;

  before(async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-restart-"));
    url = await ownSparkServer(stateDir, "start");
  });
  after(async () => {
    await ownSparkServer(stateDir, "stop");
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it("is reported as a changed session, never answered from a fresh empty one", async () => {
    const spark = await SparkSession.builder.remote(url).create();
    await spark.sql("CREATE TEMP VIEW before_restart AS SELECT 1 AS x");
    const port = new URL(url.replace(/^sc:/, "http:")).port;
    await ownSparkServer(stateDir, "stop");
    await ownSparkServer(stateDir, "start", "--port", port);
    const err = await spark
      .table("before_restart")
      .count()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).to.be.instanceOf(SessionChangedError);
    expect((err as Error).message).to.match(/session/i);
    await spark.stop().catch(() => undefined);
  });
});
