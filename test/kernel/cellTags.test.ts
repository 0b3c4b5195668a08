// Each cell runs in a tag scope of its own: Spark work a cell started and did not await keeps that
// cell's tag, so interrupting a later cell cancels the later cell's work only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

/** Rows that take a second each, in one task: the query keeps one core busy for `seconds`, then ends. */
function sleepyRows(seconds: number): string {
  return JSON.stringify(`SELECT id, reflect('java.lang.Thread', 'sleep', 1000L) AS slept FROM range(0, ${seconds}, 1, 1)`);
}

function plainText(msg: KernelMessage.IIOPubMessage | undefined): string {
  return (msg?.content as { data?: Record<string, string> } | undefined)?.data?.["text/plain"] ?? "";
}

describe("Spark work of the cells of a notebook", function () {
  this.timeout(300_000);
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;

  before(async () => {
    installed = installTestKernel({ name: `spark-ts-tags-${process.pid}` });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-tags-nb-")));
    kernel = await server.kernels.startNew({ name: installed.name });
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
  });

  it("cancels the interrupted cell's query and not the query an earlier cell left running", async () => {
    // Cell 1 leaves work behind that starts its query only once cell 2 runs, so the query is sent
    // while cell 2 is the running cell: it must still carry cell 1's tag.
    const first = await runCell(
      kernel,
      [
        "let openGate!: () => void;",
        "const gate = new Promise<void>((resolve) => (openGate = resolve));",
        `const earlier = gate.then(async () => (await spark.sql(${sleepyRows(20)})).collect());`,
        "const earlierOutcome = earlier.then((rows) => rows.length, (e: { errorClass?: string }) => e.errorClass);",
        // Set by cell 2, which keeps no declarations of its own as it is interrupted.
        'let laterOutcome: Promise<number | string | undefined> = Promise.resolve("cell 2 did not start its query");',
      ].join("\n"),
    );
    expect(first.reply.content.status, JSON.stringify(first.ofType("error").map((m) => m.content))).to.equal("ok");

    // Cell 2 opens the gate, waits until cell 1's query runs on the server, then runs its own
    // slow query; the test interrupts cell 2 once the progress of that query shows in cell 2.
    let interrupted: Promise<void> | undefined;
    const second = await runCell(
      kernel,
      [
        "openGate();",
        "await new Promise<void>((resolve) => {",
        "  const running: Parameters<typeof spark.registerProgressHandler>[0] = (event) => {",
        "    if (event.done || event.stages.length === 0) return;",
        "    spark.removeProgressHandler(running);",
        "    resolve();",
        "  };",
        "  spark.registerProgressHandler(running);",
        "});",
        `const later = (await spark.sql(${sleepyRows(120)})).collect();`,
        "laterOutcome = later.then((rows) => rows.length, (e: { errorClass?: string }) => e.errorClass);",
        "await later;",
      ].join("\n"),
      (msg) => {
        const type = msg.header.msg_type;
        if (interrupted || (type !== "display_data" && type !== "update_display_data")) return;
        if (/tasks \d+\/\d+/.test(plainText(msg))) interrupted = kernel.interrupt();
      },
    );
    await interrupted;
    expect(interrupted, "cell 2 showed the progress of its query").to.not.equal(undefined);
    expect(second.reply.content).to.include({ status: "error", ename: "KeyboardInterrupt" });

    const outcomes = await runCell(kernel, "[await earlierOutcome, await laterOutcome]");
    expect(outcomes.reply.content.status, JSON.stringify(outcomes.ofType("error").map((m) => m.content))).to.equal("ok");
    // Cell 1's query gave its 20 rows; cell 2's was cancelled on the server.
    expect(plainText(outcomes.ofType("execute_result")[0])).to.equal("[ 20, 'OPERATION_CANCELED' ]");
  });
});
