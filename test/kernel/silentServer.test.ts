// A notebook whose Spark Connect address accepts connections and never answers (a firewall or a
// load balancer holding them): the cell that waits is interruptible, and left alone it ends with a
// clear error after the default connect timeout instead of waiting forever.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";
import { SilentServer } from "../support/silentServer";

describe("the kernel with a Spark Connect address that never answers", function () {
  // A hang is the failure: each test is bounded by this, far above the 20 s connect timeout.
  this.timeout(120_000);
  let silent: SilentServer;
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;

  before(async () => {
    silent = await SilentServer.start();
    installed = installTestKernel({ name: `spark-ts-silent-${process.pid}`, remote: silent.remote() });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-silent-")));
    kernel = await server.kernels.startNew({ name: installed.name });
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
    await silent?.close();
  });

  it("interrupts a cell waiting for the server's first answer, and stays usable", async () => {
    let busy: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (busy = resolve));
    const cell = runCell(kernel, "await spark.version", (msg) => {
      if (msg.header.msg_type === "status" && (msg.content as { execution_state?: string }).execution_state === "busy") busy();
    });
    // An interrupt before the cell runs is a no-op, as in every Jupyter kernel: give it time to
    // start (well inside the 20 s it would wait); the kernel has been holding a connection to the
    // silent listener since it started.
    await started;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(silent.connections).to.be.above(0);
    await kernel.interrupt();
    const run = await cell;
    // Not interrupted, the cell would end 20 s later with SparkConnectionError instead.
    expect(run.reply.content).to.include({ status: "error", ename: "KeyboardInterrupt" });
    const next = await runCell(kernel, "1 + 1");
    expect(next.reply.content.status).to.equal("ok");
    expect((next.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal("2");
  });

  it("ends a cell the server never answers with a SparkConnectionError after the default 20 s", async () => {
    const run = await runCell(kernel, "await spark.version");
    const content = run.reply.content as KernelMessage.IReplyErrorContent & { status: string };
    expect(content).to.include({ status: "error", ename: "SparkConnectionError" });
    expect(content.evalue).to.match(/^The Spark Connect server at 127\.0\.0\.1:\d+ did not answer within 20 s/);
  });
});
