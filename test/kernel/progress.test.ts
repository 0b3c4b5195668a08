// The progress display as a notebook gets it from the real kernel in a Jupyter server, with the
// real Spark Connect server doing the work: live updates under one display id while a query runs,
// one kept line after the cell, and a link to the Spark UI when the kernel was installed with one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type CellRun, type JupyterServer } from "../support/jupyterServer";

/**
 * A query that keeps Spark busy for about `seconds` on the two-core test server: rows that sleep
 * a second each, in `tasks` tasks of one stage over `range` (which reads no bytes).
 */
function sleepyQuery(seconds: number, tasks = 4): string {
  return `SELECT id, reflect('java.lang.Thread', 'sleep', 1000L) AS slept FROM range(0, ${seconds * 2}, 1, ${tasks})`;
}

/** A duration as the display writes it (the shared server may queue our tasks behind others'). */
const TIME = String.raw`(\d+\.\d s|\d+ min \d\d s|\d+ h \d\d min)`;

/** What one display message of the progress display said. */
interface Shown {
  readonly type: string;
  readonly displayId: string;
  readonly text: string;
  readonly html: string;
}

/** The cell's display messages that carry a display id (the progress display's), in order. */
function progressMessages(run: CellRun): Shown[] {
  return run.iopub
    .filter((m) => m.header.msg_type === "display_data" || m.header.msg_type === "update_display_data")
    .map((m) => {
      const content = m.content as { data: Record<string, string>; transient?: { display_id?: string } };
      return {
        type: m.header.msg_type,
        displayId: content.transient?.display_id ?? "",
        text: content.data["text/plain"] ?? "",
        html: content.data["text/html"] ?? "",
      };
    })
    .filter((m) => m.displayId.startsWith("progress-"));
}

function resultText(run: CellRun): string {
  return (run.ofType("execute_result")[0]?.content as { data: Record<string, string> } | undefined)?.data["text/plain"] ?? "";
}

async function startKernel(name: string, extraArgs: string[] = []) {
  const installed = installTestKernel({ name: `${name}-${process.pid}`, extraArgs });
  const server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-notebooks-")));
  const kernel = await server.kernels.startNew({ name: installed.name });
  return { installed, server, kernel };
}

describe("Spark progress in a notebook", function () {
  this.timeout(180_000);
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;
  let data: string;

  before(async () => {
    ({ installed, server, kernel } = await startKernel("spark-ts-progress"));
    // The test server runs on this machine: it reads and writes the test's own folder.
    data = fs.mkdtempSync(path.join(os.tmpdir(), "stk-progress-data-"));
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
    if (data) fs.rmSync(data, { recursive: true, force: true });
  });

  it("updates one display in place with stages and tasks done of their totals, bytes read and the elapsed time", async () => {
    const table = path.join(data, "two-files");
    // Two files, so two tasks: a quick one over the larger file, which Spark schedules first, and
    // one over three rows that sleep two seconds each. The server reports the bytes of the quick
    // task while the other runs, even when it has one core free for us.
    const write = await runCell(
      kernel,
      `await spark.range(0, 1000, 1, 1).write.parquet(${JSON.stringify(table)});\n` +
        `await spark.range(1000, 1003, 1, 1).write.mode("append").parquet(${JSON.stringify(table)});`,
    );
    expect(write.reply.content.status, JSON.stringify(write.ofType("error").map((m) => m.content))).to.equal("ok");
    const run = await runCell(
      kernel,
      `await spark.read.parquet(${JSON.stringify(table)}).selectExpr("id", "CASE WHEN id >= 1000 THEN reflect('java.lang.Thread', 'sleep', 2000L) END AS slept").collect()`,
    );
    expect(run.reply.content.status).to.equal("ok");
    const shown = progressMessages(run);
    expect(shown[0]?.type).to.equal("display_data");
    expect(shown.slice(1).map((m) => m.type)).to.satisfy((types: string[]) => types.every((t) => t === "update_display_data"));
    expect(new Set(shown.map((m) => m.displayId)).size).to.equal(1);
    const live = shown.slice(0, -1).map((m) => m.text);
    expect(
      live.some((t) => /^Spark \[[#-]{30}\] \d+% {2}stages \d+\/\d+ · tasks \d+\/\d+/.test(t)),
      live.join("\n"),
    ).to.equal(true);
    expect(
      live.some((t) => new RegExp(String.raw`· \d+(\.\d)? (B|KiB) read · ${TIME}$`).test(t)),
      live.join("\n"),
    ).to.equal(true);
    // The elapsed time goes on while the query runs.
    const seconds = live.map((t) => Number(/ (\d+\.\d) s$/.exec(t)?.[1])).filter((s) => !Number.isNaN(s));
    expect(seconds.at(-1)).to.be.greaterThan((seconds[0] ?? Infinity) + 2);
    // Installed without --spark-ui: no link.
    expect(shown.filter((m) => m.text.includes("Spark UI") || m.html.includes("<a "))).to.deep.equal([]);
  });

  it("keeps one line after the cell with the stages and tasks the query ran, the rows it read and its time", async () => {
    const run = await runCell(kernel, `await (await spark.sql(${JSON.stringify(sleepyQuery(3, 4))})).collect()`);
    expect(run.reply.content.status).to.equal("ok");
    const last = progressMessages(run).at(-1)!;
    // range(0, 6, 1, 4): one stage of four tasks, six rows.
    expect(last.type).to.equal("update_display_data");
    expect(last.text).to.match(new RegExp(`^Spark: 1 stage, 4 tasks, 6 rows read, ${TIME}$`));
    expect(last.html).to.include(last.text).and.not.to.include("<a ");
  });

  it("counts the stages that ran, not those Spark skipped, for a query with a shuffle", async () => {
    // A shuffle stage of four tasks, then the final stage of one; the final job lists the shuffle
    // stage again, and Spark skips it. The final stage takes milliseconds: when the server's last
    // report came before it, only the plan shows it, and its task is not counted.
    const query = `SELECT count(slept) AS n FROM (${sleepyQuery(3, 4)})`;
    const run = await runCell(kernel, `await (await spark.sql(${JSON.stringify(query)})).collect()`);
    expect(run.reply.content.status).to.equal("ok");
    expect(progressMessages(run).at(-1)?.text).to.match(new RegExp(`^Spark: 2 stages, (5|≥ 4) tasks, 6 rows read, ${TIME}$`));
  });

  it("keeps a line that says the work did not finish when the cell is interrupted", async () => {
    let running: () => void = () => undefined;
    const shown = new Promise<void>((resolve) => (running = resolve));
    const cell = runCell(kernel, `await (await spark.sql(${JSON.stringify(sleepyQuery(300, 4))})).collect()`, (msg) => {
      if (
        msg.header.msg_type === "update_display_data" &&
        /tasks \d+\/4/.test(String((msg.content as { data: Record<string, string> }).data["text/plain"]))
      )
        running();
    });
    await shown;
    await kernel.interrupt();
    const run = await cell;
    expect(run.reply.content).to.include({ status: "error", ename: "KeyboardInterrupt" });
    expect(progressMessages(run).at(-1)?.text).to.match(new RegExp(String.raw`^Spark: 1 stage, \d+/4 tasks, ${TIME}, not finished$`));
  });
});

describe("Spark progress in a notebook, with the kernel installed with --spark-ui", function () {
  this.timeout(180_000);
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;

  before(async () => {
    // User info, query and fragment may hold secrets: they never reach kernel.json or a notebook.
    ({ installed, server, kernel } = await startKernel("spark-ts-progress-ui", [
      "--spark-ui",
      "http://ada:pa55word@127.0.0.1:4040/?token=t0ken-value#jobs",
    ]));
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
  });

  it("links the live display and the kept line to the Spark UI page of the notebook's session, with no secret of the address", async () => {
    const session = resultText(await runCell(kernel, "spark.sessionId")).replace(/^'|'$/g, "");
    expect(session).to.match(/^[0-9a-f-]{36}$/);
    const run = await runCell(kernel, `await (await spark.sql(${JSON.stringify(sleepyQuery(3, 2))})).collect()`);
    expect(run.reply.content.status).to.equal("ok");
    const shown = progressMessages(run);
    expect(shown.length).to.be.greaterThan(1);
    const page = `http://127.0.0.1:4040/connect/session/?id=${session}&userId=`;
    for (const m of shown) {
      expect(m.text).to.match(new RegExp(` · Spark UI: ${page.replace(/[.?]/g, "\\$&")}$`));
      expect(m.html).to.include(`<a href="${page.replace("&", "&amp;")}" target="_blank" rel="noopener noreferrer">Spark UI</a>`);
    }
    expect(shown.at(-1)?.text).to.match(new RegExp(`^Spark: 1 stage, 2 tasks, 6 rows read, ${TIME} · Spark UI: `));
    const everything =
      JSON.stringify(run.iopub) +
      fs.readFileSync(path.join(installed.dir, "share", "jupyter", "kernels", installed.name, "kernel.json"), "utf8");
    expect(everything).not.to.match(/pa55word|t0ken-value|ada:/);
  });

  it("was installed with the address without its user info, query and fragment", () => {
    const spec = JSON.parse(
      fs.readFileSync(path.join(installed.dir, "share", "jupyter", "kernels", installed.name, "kernel.json"), "utf8"),
    ) as { argv: string[] };
    expect(spec.argv.slice(spec.argv.indexOf("--spark-ui"), spec.argv.indexOf("--spark-ui") + 2)).to.deep.equal([
      "--spark-ui",
      "http://127.0.0.1:4040",
    ]);
  });
});
