#!/usr/bin/env node
// Completion latency of the kernel, as JupyterLab sees it: `complete_request` round trips through
// a Jupyter server to the installed kernel and the real Spark Connect server. Prints p50/p95 for
//   first use   the first completion of a column name on a DataFrame whose schema nobody asked yet
//               (one AnalyzePlan inside the request);
//   warm        the same completion again (the schema is cached);
//   sql warm    a %%sql cell's column, function and keyword completion, caches warm;
//   typescript  TypeScript's own member completion (`spark.ra`), for comparison.
//
//   SPARK_REMOTE=sc://... node --import tsx bench/completion.mjs [--runs N]
//
// A benchmark, not a test: nothing here asserts a timing. The goals (issue 18) are p95 <= 200 ms
// warm and <= 1 s on first use.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

// The test helpers are CommonJS TypeScript (they find the repository from their own folder).
const require = createRequire(import.meta.url);
const { installTestKernel } = require("../test/support/kernelInstall.ts");
const { runCell, startJupyterServer } = require("../test/support/jupyterServer.ts");

const { values } = parseArgs({ options: { runs: { type: "string", default: "60" } } });
const runs = Number(values.runs);
if (!process.env.SPARK_REMOTE) throw new Error("SPARK_REMOTE is not set");

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const installed = installTestKernel({ name: `spark-ts-bench-completion-${process.pid}` });
  const notebooks = fs.mkdtempSync(path.join(os.tmpdir(), "stk-bench-completion-"));
  const server = await startJupyterServer(installed.env, notebooks);
  const kernel = await server.kernels.startNew({ name: installed.name });
  /** Milliseconds of one complete_request round trip, and its matches. */
  const timed = async (code) => {
    const t0 = performance.now();
    const reply = await kernel.requestComplete({ code, cursor_pos: code.length });
    return { ms: performance.now() - t0, matches: reply.content.matches };
  };
  const rows = [];
  const report = (what, samples, check) => {
    rows.push({ what, n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), check });
  };
  try {
    const setup = [
      `await spark.sql("CREATE OR REPLACE TEMP VIEW people AS SELECT * FROM VALUES ('ann', 30, 'north', named_struct('city', 'Oslo', 'zip', '0150')) AS t(name, age, region, address)");`,
      `const people = spark.table("people");`,
      // DataFrames whose schemas nobody has asked for yet: one per first-use sample.
      ...Array.from({ length: runs }, (_, i) => `const fresh${i} = people.select("name", "age", "region").limit(${i + 1});`),
    ].join("\n");
    const cell = await runCell(kernel, setup);
    if (cell.reply.content.status !== "ok") throw new Error(`setup failed: ${JSON.stringify(cell.ofType("error"))}`);
    // The kernel's TypeScript service and the server connection warm up on other names first.
    for (let i = 0; i < 5; i++) await timed('people.select("na');

    const first = [];
    let firstMatched = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, matches } = await timed(`fresh${i}.select("na`);
      first.push(ms);
      if (matches.includes("name")) firstMatched++;
    }
    report("first use of a DataFrame", first, `${firstMatched}/${runs} answered with the column`);

    const warm = [];
    for (let i = 0; i < runs; i++) warm.push((await timed('people.groupBy("region").agg(F.sum("a')).ms);
    report("warm: column in F.sum inside agg", warm, "");

    // The function list comes in the background on first use; wait until it is there (bounded).
    for (let i = 0; i < 40 && !(await timed("%%sql\nSELECT upp")).matches.includes("upper"); i++)
      await new Promise((r) => setTimeout(r, 250));
    const sql = [];
    for (let i = 0; i < runs; i++) sql.push((await timed("%%sql\nSELECT * FROM people WHERE ag")).ms);
    report("warm: %%sql columns, functions, keywords", sql, "");

    const typescript = [];
    for (let i = 0; i < runs; i++) typescript.push((await timed("spark.ra")).ms);
    report("typescript: spark.ra (tslab)", typescript, "");
  } finally {
    await kernel.shutdown().catch(() => undefined);
    await server.stop();
    installed.remove();
    fs.rmSync(notebooks, { recursive: true, force: true });
  }
  console.log("| completion | n | p50 ms | p95 ms | |");
  console.log("|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.what} | ${r.n} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.check} |`);
}

await main();
