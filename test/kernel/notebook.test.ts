import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

/** A query that keeps Spark busy for about `seconds` on a two-core server, in `tasks` tasks. */
function sleepyQuery(seconds: number, tasks = 4): string {
  const rows = seconds * 2; // two cores run two 1-second rows at a time
  return `SELECT id, reflect('java.lang.Thread', 'sleep', 1000L) AS slept FROM range(0, ${rows}, 1, ${tasks})`;
}

function html(msg: KernelMessage.IIOPubMessage | undefined): string {
  return (msg?.content as { data?: Record<string, string> }).data?.["text/html"] ?? "";
}

for (const interruptMode of ["signal", "message"] as const) {
  describe(`the kernel in a Jupyter server (interrupt by ${interruptMode})`, function () {
    this.timeout(180_000);
    let installed: InstalledTestKernel;
    let server: JupyterServer;
    let kernel: Kernel.IKernelConnection;

    before(async () => {
      installed = installTestKernel({ name: `spark-ts-${interruptMode}-${process.pid}`, extraArgs: ["--interrupt-mode", interruptMode] });
      // Notebooks in a folder with no node_modules anywhere above it.
      const notebooks = fs.mkdtempSync(path.join(os.tmpdir(), "stk-notebooks-"));
      server = await startJupyterServer(installed.env, notebooks);
      kernel = await server.kernels.startNew({ name: installed.name });
    });

    after(async () => {
      await kernel?.shutdown().catch(() => undefined);
      await server?.stop();
      installed?.remove();
    });

    if (interruptMode === "signal") {
      it("starts with spark, F, col, lit, expr, Window and display, typed for the checker", async () => {
        const ok = await runCell(
          kernel,
          "[typeof spark.sql, typeof F.sum, typeof col, typeof lit, typeof expr, typeof Window.partitionBy, typeof display].join(' ')",
        );
        expect(ok.reply.content.status).to.equal("ok");
        expect((ok.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal(
          "'function function function function function function function'",
        );
        const typeError = await runCell(kernel, "const n: number = spark;");
        expect(typeError.reply.content).to.include({ status: "error", ename: "TypeScriptError" });
      });

      it("starts from the startup snapshot the install built, with the declaration files in memory", async () => {
        const run = await runCell(kernel, 'process.execArgv.includes("--snapshot-blob")');
        expect((run.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal("true");
        const served = /started from the startup snapshot \((\d+) declaration files from memory/.exec(server.log());
        expect(Number(served?.[1])).to.be.greaterThan(300);
      });

      it("runs console.log in a notebook folder with no node_modules above it", async () => {
        const run = await runCell(kernel, 'console.log("from a cell")');
        expect(run.reply.content.status).to.equal("ok");
        expect(
          run
            .ofType("stream")
            .map((m) => (m.content as { text: string }).text)
            .join(""),
        ).to.equal("from a cell\n");
      });

      it("lets cells import this package by name, as the same module the preloaded spark uses", async () => {
        const run = await runCell(
          kernel,
          'import { AnalysisException } from "spark-ts-kernel";\nlet caught: unknown;\ntry { await spark.sql("SELECT nope FROM range(1)"); } catch (e) { caught = e; }\ncaught instanceof AnalysisException',
        );
        expect(run.reply.content.status).to.equal("ok");
        expect((run.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal("true");
      });

      it("lets cells import the client package by name, the same module spark uses", async () => {
        const run = await runCell(
          kernel,
          'import { SparkSession, AnalysisException, functions as G } from "spark-ts";\nlet caught: unknown;\ntry { await spark.sql("SELECT nope FROM range(1)"); } catch (e) { caught = e; }\n[spark instanceof SparkSession, caught instanceof AnalysisException, G.sum === F.sum].join(" ")',
        );
        expect(run.reply.content.status, JSON.stringify(run.ofType("error").map((m) => m.content))).to.equal("ok");
        expect((run.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal(
          "'true true true'",
        );
      });

      it("keeps values for later cells with their types, whatever package declares them", async () => {
        const kept = await runCell(
          kernel,
          'const rows = await (await spark.sql("SELECT 7 AS n")).collect();\nconst table = await spark.range(2).toArrow();\nconst chart = spark.range(3).plot.bar({ x: "id", y: "id" });',
        );
        expect(kept.reply.content.status, JSON.stringify(kept.ofType("error").map((m) => m.content))).to.equal("ok");
        const used = await runCell(kernel, "[rows[0]!.n, table.numRows, typeof chart.spec].join(' ')");
        expect((used.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal(
          "'7 2 function'",
        );
      });

      it("shows a DataFrame as an escaped HTML table with typed headers and a note when rows were cut", async () => {
        const run = await runCell(
          kernel,
          "spark.sql(\"SELECT id, concat('<script>alert(', id, ')</script>') AS `<b>html</b>` FROM range(150)\")",
        );
        expect(run.reply.content.status).to.equal("ok");
        const table = html(run.ofType("execute_result")[0]);
        expect(table).to.include("<table");
        expect(table).to.include("bigint").and.to.include("string");
        expect(table).not.to.include("<script>");
        expect(table).not.to.include("<b>html");
        expect(table).to.include("&lt;script&gt;alert(99)").and.not.to.include("alert(100)");
        expect(table).to.match(/100/);
      });

      it("shows as many rows as display.settings.maxRows says, for every later table", async () => {
        const run = await runCell(kernel, "display.settings.maxRows = 3;\nspark.range(10)");
        const table = html(run.ofType("execute_result")[0]);
        expect(table.match(/<tr>/g)).to.have.length(4); // the header and three rows
        expect(table).to.include("first 3 rows");
        expect((await runCell(kernel, "display.settings.maxRows = 100;")).reply.content.status).to.equal("ok");
      });

      it("turns a Spark error into a Jupyter error with Spark's exception type, error class and SQLSTATE", async () => {
        const run = await runCell(kernel, 'await spark.sql("SELECT * FROM no_such_table_anywhere")');
        expect(run.reply.content).to.include({ status: "error", ename: "AnalysisException" });
        const error = run.ofType("error")[0].content as KernelMessage.IErrorMsg["content"];
        expect(error.evalue).to.include("TABLE_OR_VIEW_NOT_FOUND").and.to.include("42P01");
        expect(error.traceback.join("\n")).not.to.match(/node_modules|dist\/|src\//);
      });

      it("runs %%sql cells with :parameters from variables and binds the result by name", async () => {
        expect((await runCell(kernel, "const minId = 7;")).reply.content.status).to.equal("ok");
        const run = await runCell(kernel, "%%sql big :minId\nSELECT id FROM range(10) WHERE id >= :minId");
        expect(run.reply.content.status).to.equal("ok");
        expect(html(run.ofType("execute_result")[0])).to.include(">9<");
        const next = await runCell(kernel, "await big.count()");
        expect((next.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal("3");
      });

      it("displays Arrow tables, arrays of objects and objects offering Jupyter's display symbol", async () => {
        const arrow = await runCell(kernel, "await spark.range(3).toArrow()");
        expect(html(arrow.ofType("execute_result")[0]))
          .to.include("<table")
          .and.to.include("bigint");
        const records = await runCell(kernel, "[{ city: 'Oslo', n: 1 }, { city: 'Rome', n: 2 }]");
        expect(html(records.ofType("execute_result")[0])).to.include("Rome");
        const own = await runCell(kernel, "({ [Symbol.for('Jupyter.display')]: () => ({ 'text/markdown': '**own**' }) })");
        expect((own.ofType("execute_result")[0].content as { data: Record<string, string> }).data).to.deep.equal({
          "text/markdown": "**own**",
        });
      });

      it("shows df.plot charts as Vega-Lite 5 with an SVG and a text summary, and no HTML", async () => {
        const run = await runCell(kernel, 'spark.range(100).withColumn("y", col("id").plus(1)).plot.bar({ x: "id", y: "y", maxRows: 10 })');
        expect(run.reply.content.status).to.equal("ok");
        const data = (run.ofType("execute_result")[0].content as { data: Record<string, unknown> }).data;
        expect(Object.keys(data).sort()).to.deep.equal(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]);
        expect((data["application/vnd.vegalite.v5+json"] as { $schema: string }).$schema).to.match(/vega-lite\/v5/);
      });

      it("keeps tslab.display working", async () => {
        const run = await runCell(kernel, 'import * as tslab from "tslab";\ntslab.display.html("<b>from tslab</b>")');
        expect(run.reply.content.status).to.equal("ok");
        expect(html(run.ofType("display_data")[0])).to.equal("<b>from tslab</b>");
      });

      it("aborts the cells queued behind a failed one, as stop_on_error asks", async () => {
        // The first cell fails after a second, so the second is surely queued behind it by then.
        const failing = kernel.requestExecute({
          code: 'await new Promise((resolve) => setTimeout(resolve, 1000));\nthrow new Error("first cell fails")',
          stop_on_error: true,
        });
        const queued = kernel.requestExecute({ code: "console.log('must not run')" });
        const [first, second] = await Promise.all([failing.done, queued.done]);
        expect(first.content.status).to.equal("error");
        expect(second.content.status).to.equal("aborted");
        expect((await runCell(kernel, "1 + 1")).reply.content.status).to.equal("ok");
      });

      it("shows live progress of a long query, updated in place, and sums it up in one line at the end", async () => {
        const run = await runCell(kernel, `await (await spark.sql(${JSON.stringify(sleepyQuery(12))})).collect()`);
        expect(run.reply.content.status).to.equal("ok");
        const shown = run
          .ofType("display_data")
          .filter((m) => (m.content as { transient?: { display_id?: string } }).transient?.display_id);
        const updates = run.ofType("update_display_data");
        expect(shown).to.have.length(1);
        expect(updates.length).to.be.greaterThan(2);
        const texts = updates.map((m) => (m.content as { data: Record<string, string> }).data["text/plain"]);
        expect(texts.some((t) => /tasks \d+\/\d+/.test(t ?? ""))).to.equal(true);
        expect(texts.at(-1)).to.match(/^Spark: 1 stage, 4 tasks, 24 rows read, (\d+\.\d s|\d+ min \d\d s)$/); // see progress.test.ts
      });
    }

    it("interrupts a query that would run for minutes within 2 s, cancels it on the server, and stays usable", async () => {
      const started = new Promise<void>((resolve) => setTimeout(resolve, 4000));
      const cell = runCell(kernel, `await (await spark.sql(${JSON.stringify(sleepyQuery(300))})).collect()`);
      await started;
      const asked = Date.now();
      await kernel.interrupt();
      const run = await cell;
      expect(Date.now() - asked).to.be.lessThan(2000);
      expect(run.reply.content).to.include({ status: "error", ename: "KeyboardInterrupt" });
      // The cluster's two cores are free again: a new job finishes at once.
      const t0 = Date.now();
      const next = await runCell(kernel, 'await (await spark.sql("SELECT count(*) AS n FROM range(0, 100, 1, 2)")).collect()');
      expect(next.reply.content.status).to.equal("ok");
      expect(Date.now() - t0).to.be.lessThan(20_000);
    });

    if (interruptMode === "signal") {
      it("restarts into a fresh kernel with a ready spark", async () => {
        await kernel.restart();
        const run = await runCell(kernel, 'await (await spark.sql("SELECT 41 + 1 AS answer")).first()');
        expect(run.reply.content.status).to.equal("ok");
        expect((run.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.include("42");
      });
    }
  });
}

describe("the kernel with its Spark Connect server down", function () {
  this.timeout(120_000);
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;

  before(async () => {
    installed = installTestKernel({ name: `spark-ts-down-${process.pid}`, remote: "sc://127.0.0.1:9" });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-notebooks-")));
    kernel = await server.kernels.startNew({ name: installed.name });
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
  });

  it("starts at once, and the first use of spark says which address is unreachable", async () => {
    expect((await runCell(kernel, "1 + 1")).reply.content.status).to.equal("ok");
    const run = await runCell(kernel, 'await spark.sql("SELECT 1")');
    expect(run.reply.content).to.include({ status: "error", ename: "SparkConnectionError" });
    expect((run.reply.content as { evalue: string }).evalue).to.include("127.0.0.1:9");
  });
});
