// The Spark server restarts under a running notebook: the cell that meets it gets Spark's error
// and a note, and the next cell just works on a new session, even when the old session cannot be
// released.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { ownSparkServer } from "../support/ownSparkServer";
import { GrpcRelay } from "../support/grpcRelay";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

describe("a Spark server restart under a running notebook", function () {
  this.timeout(400_000);
  let stateDir: string;
  let url: string;
  let relay: GrpcRelay;
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;

  before(async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "stk-restart-"));
    url = await ownSparkServer(stateDir, "start");
    // The kernel reaches the server through a relay that passes every call on, until a test has it
    // refuse one (a release the server fails, which a real server cannot be made to do).
    relay = await GrpcRelay.start(url);
    installed = installTestKernel({ name: `spark-ts-restart-${process.pid}`, remote: relay.remote });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-restart-nb-")));
    kernel = await server.kernels.startNew({ name: installed.name });
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
    await relay?.close();
    await ownSparkServer(stateDir, "stop").catch(() => undefined);
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it("reports the lost session in the cell that meets it, and gives the next cell a new spark", async () => {
    expect((await runCell(kernel, 'await spark.sql("CREATE TEMP VIEW before_restart AS SELECT 1 AS x")')).reply.content.status).to.equal(
      "ok",
    );
    const port = new URL(url.replace(/^sc:/, "http:")).port;
    await ownSparkServer(stateDir, "stop");
    await ownSparkServer(stateDir, "start", "--port", port);

    const lost = await runCell(kernel, 'await spark.table("before_restart").count()');
    const content = lost.reply.content as KernelMessage.IReplyErrorContent & { status: string };
    expect(content.status).to.equal("error");
    expect(content.evalue).to.match(/INVALID_HANDLE\.SESSION/);
    expect(content.traceback.join("\n")).to.match(/`spark` is now a new session/);

    const next = await runCell(kernel, 'await (await spark.sql("SELECT 41 + 1 AS answer")).first()');
    expect(next.reply.content.status).to.equal("ok");
    expect(JSON.stringify(next.ofType("execute_result")[0].content)).to.include("42");
  });

  it("gives the next cell a new, working spark when releasing the lost session fails", async () => {
    expect(
      (await runCell(kernel, 'await spark.sql("CREATE TEMP VIEW before_failed_release AS SELECT 1 AS x")')).reply.content.status,
    ).to.equal("ok");
    const port = new URL(url.replace(/^sc:/, "http:")).port;
    await ownSparkServer(stateDir, "stop");
    await ownSparkServer(stateDir, "start", "--port", port);
    relay.refuse("releaseSession");

    const lost = await runCell(kernel, 'await spark.table("before_failed_release").count()');
    const content = lost.reply.content as KernelMessage.IReplyErrorContent & { status: string };
    expect(content.status).to.equal("error");
    expect(content.evalue).to.match(/INVALID_HANDLE\.SESSION/);
    expect(content.traceback.join("\n")).to.match(/`spark` is now a new session/);
    // The kernel does not wait for the release; a bound only where a hang is the failure.
    for (let i = 0; i < 600 && relay.refusedCalls("releaseSession") === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(relay.refusedCalls("releaseSession"), "the kernel tried to release the lost session").to.be.greaterThan(0);

    const next = await runCell(kernel, 'await (await spark.sql("SELECT 41 + 1 AS answer")).first()');
    expect(next.reply.content.status, JSON.stringify(next.ofType("error").map((m) => m.content))).to.equal("ok");
    expect(JSON.stringify(next.ofType("execute_result")[0].content)).to.include("42");
    const active = await runCell(kernel, 'import { SparkSession } from "spark-ts-kernel";\nSparkSession.active() === spark');
    expect((active.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal("true");
    relay.passOn("releaseSession");
  });
});
