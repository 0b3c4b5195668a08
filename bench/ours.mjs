// This client's side of the benchmark: one scenario per process, so its peak RSS is its own.
//
//   SPARK_TS_BENCH_CLIENT=<compiled index.js> node bench/ours.mjs <scenario> <runs>
//
// run.mjs compiles src/ with tsc first and passes the result here: that is the code users run,
// and neither the timings nor the RSS then include tsx's on-the-fly compiling (about 80 MiB).
// Without SPARK_TS_BENCH_CLIENT, dist/index.js (npm run build) is used. SPARK_REMOTE names the server.
//
// Scenarios: collect, arrow, select1, render (as in scenarios.json). collect:paired and arrow:paired
// also read the same ExecutePlan stream raw, just before and after each run of the scenario, through
// our gRPC client touching only the Arrow bytes (no Arrow decoding, no rows): the wire's limit for
// this client ("rawTimes": the means of each pair). Prints one JSON line like
// pyspark_bench.py; the first run is a warm-up and is not in "times".
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const clientEntry = process.env.SPARK_TS_BENCH_CLIENT ?? path.join(here, "..", "dist", "index.js");
const { SparkSession, tableBundle } = require(clientEntry);
// What the kernel does to show a DataFrame: fetch a bounded preview with its Spark types.
const { preview } = require(path.join(path.dirname(clientEntry), "sql", "display", "preview.js"));

async function main() {
  const [spec = "", runsText = "5"] = process.argv.slice(2);
  const [name = "", mode] = spec.split(":");
  const scenario = JSON.parse(fs.readFileSync(path.join(here, "scenarios.json"), "utf8"))[name];
  if (!scenario) throw new Error(`unknown scenario ${spec}`);
  const runs = Number(runsText);
  const spark = await SparkSession.builder.getOrCreate();
  // Analysed once, as PySpark's side does; each run executes the same plan.
  const df = await spark.sql(scenario.sql);
  const times = [];
  const latencies = [];
  const renderTimes = [];
  const rawTimes = [];
  let rows = 0;
  for (let run = 0; run <= runs; run++) {
    let elapsed;
    if (name === "select1") {
      const trips = [];
      for (let i = 0; i < (scenario.trips ?? 1); i++) {
        const t0 = performance.now();
        rows = (await (await spark.sql(scenario.sql)).collect()).length;
        trips.push((performance.now() - t0) / 1000);
      }
      elapsed = trips.reduce((a, b) => a + b, 0);
      if (run > 0) latencies.push(...trips);
    } else if (mode === "paired") {
      // The raw stream read just before and just after the decoded result, in one process: the
      // decode overhead without the drift between processes or over time in it.
      const raws = [];
      for (const step of ["raw", "decoded", "raw"]) {
        const t0 = performance.now();
        rows = step === "raw" ? await readRaw(spark, df.plan) : await decoded(df, name);
        const seconds = (performance.now() - t0) / 1000;
        if (step === "raw") raws.push(seconds);
        else elapsed = seconds;
      }
      if (run > 0) rawTimes.push((raws[0] + raws[1]) / 2);
    } else {
      const t0 = performance.now();
      if (name === "render") {
        const shown = await preview(df, scenario.rows);
        const r0 = performance.now();
        const bundle = tableBundle(shown.table, { columnTypes: shown.columnTypes, moreRows: shown.more });
        if (run > 0) renderTimes.push((performance.now() - r0) / 1000);
        rows = shown.table.numRows;
        if (!bundle["text/html"].startsWith("<div")) throw new Error("no HTML table");
      } else {
        rows = await decoded(df, name);
      }
      elapsed = (performance.now() - t0) / 1000;
    }
    if (run > 0) times.push(elapsed);
  }
  const sparkVersion = await spark.version;
  await spark.stop();
  // maxRSS is in KiB.
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ times, rawTimes, latencies, renderTimes, maxRssBytes, rows, sparkVersion }));
}

/** Scenario (a) or (b) done as a user does it; its row count. */
async function decoded(df, name) {
  return name === "collect" ? (await df.collect()).length : (await df.toArrow()).numRows;
}

/** The ExecutePlan stream read to its end, keeping nothing: the bytes' arrival, nothing more. */
async function readRaw(spark, relation) {
  let rows = 0;
  let bytes = 0;
  for await (const response of spark.client.execute({ opType: { $case: "root", root: relation } })) {
    if (response.responseType?.$case === "arrowBatch") {
      rows += Number(response.responseType.arrowBatch.rowCount);
      bytes += response.responseType.arrowBatch.data.byteLength;
    }
  }
  if (bytes === 0 && rows > 0) throw new Error("no Arrow bytes");
  return rows;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
