// The kernel as a user meets it, in few steps, so that it can run on every supported Node.js line:
// installed with its startup snapshot by the Node.js running this suite, started by Jupyter, a
// Spark cell, an interrupt of a running query, and a cell after it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

function resultText(run: Awaited<ReturnType<typeof runCell>>): string | undefined {
  return (run.ofType("execute_result")[0]?.content as { data?: Record<string, string> } | undefined)?.data?.["text/plain"];
}

describe(`the kernel on Node.js ${process.versions.node.split(".")[0]}`, function () {
  this.timeout(180_000);
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;

  before(async () => {
    installed = installTestKernel({ name: `spark-ts-smoke-${process.pid}` });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-smoke-")));
    kernel = await server.kernels.startNew({ name: installed.name });
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
  });

  it("is installed to run on this Node.js, from the startup snapshot the install built", async () => {
    const spec = JSON.parse(
      fs.readFileSync(path.join(installed.dir, "share", "jupyter", "kernels", installed.name, "kernel.json"), "utf8"),
    ) as {
      argv: string[];
    };
    expect(spec.argv[0]).to.equal(process.execPath);
    const run = await runCell(kernel, '[process.version, process.execArgv.includes("--snapshot-blob")].join(" ")');
    expect(resultText(run)).to.equal(`'${process.version} true'`);
  });

  it("runs a Spark cell", async () => {
    const run = await runCell(kernel, 'await (await spark.sql("SELECT 41 + 1 AS answer")).first()');
    expect(run.reply.content.status).to.equal("ok");
    expect(resultText(run)).to.include("answer: 42");
  });

  it("interrupts a running Spark query and goes on", async () => {
    let running: () => void = () => undefined;
    const progress = new Promise<void>((resolve) => (running = resolve));
    // About a minute of work on a two-core server, unless interrupted.
    const query = "SELECT id, reflect('java.lang.Thread', 'sleep', 1000L) AS slept FROM range(0, 120, 1, 4)";
    const cell = runCell(kernel, `await (await spark.sql(${JSON.stringify(query)})).collect()`, (msg) => {
      // The progress bar shows once the query runs on the server.
      if (msg.header.msg_type === "display_data" || msg.header.msg_type === "update_display_data") running();
    });
    await progress;
    await kernel.interrupt();
    const run = await cell;
    expect(run.reply.content).to.include({ status: "error", ename: "KeyboardInterrupt" });
    const next = await runCell(kernel, "1 + 1");
    expect(resultText(next)).to.equal("2");
  });
});
