#!/usr/bin/env node
// The benchmark of issue 8: this client against PySpark's Connect client, on the same Spark Connect
// server in the same run, in RUNS rounds: in each, every (client, scenario) runs in a new process
// (its peak RSS is then its own), one warm-up run and one timed run, the clients taking turns so
// that drift hits both alike; the table shows medians. (d) alternates kernels the same way, and (g)
// (bench/kernel_cells.ts) runs cells in the two kernels by turns.
//
//   node bench/run.mjs [--runs N] [--only collect,arrow,select1,kernel,cells,render] [--out bench/RESULTS.md]
//
// Uses SPARK_REMOTE, else the project's local server (started if none runs, and stopped again).
// Benchmarks, not tests: nothing here asserts a timing.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runningServer, start, stop } from "../scripts/spark-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = path.join(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"), "bin", "python");

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: process.env.RUNS ?? "5" },
    only: { type: "string", default: "collect,arrow,select1,kernel,cells,render" },
    out: { type: "string", default: path.join(root, "bench", "RESULTS.md") },
  },
});
const runs = Number(values.runs);
// This client compiled as a user gets it (tsc, CommonJS), here and not in /tmp: the client finds
// its version in the package.json two levels above its modules.
const built = path.join(root, ".bench-dist");
const only = new Set(values.only.split(","));

/** Runs one side of one scenario in its own process (a warm-up, then `timedRuns`) and returns its JSON line. */
function measure(client, scenario, timedRuns) {
  const [command, args] =
    client === "ours"
      ? [process.execPath, [path.join(root, "bench", "ours.mjs"), scenario, String(timedRuns)]]
      : [python, [path.join(root, "bench", "pyspark_bench.py"), scenario, String(timedRuns)]];
  return new Promise((resolve, reject) => {
    const env = { ...process.env, SPARK_TS_BENCH_CLIENT: path.join(built, "index.js") };
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1);
      if (code !== 0 || !line) return reject(new Error(`${client} ${scenario} failed (${code}):\n${err.slice(-4000)}`));
      process.stderr.write(
        `  ${client} ${scenario}: ${JSON.parse(line)
          .times.map((t) => t.toFixed(3))
          .join(" ")}\n`,
      );
      resolve(JSON.parse(line));
    });
  });
}

/** (d): both kernels started through one Jupyter server, by bench/kernel_start.ts. */
function kernelStarts() {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const out = execFileSync(process.execPath, [tsx, path.join(root, "bench", "kernel_start.ts"), String(runs)], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const result = JSON.parse(out.trim().split("\n").at(-1));
  process.stderr.write(
    `  kernels: ours ${result.ours.map((t) => t.toFixed(2)).join(" ")}; ipykernel ${result.theirs.map((t) => t.toFixed(2)).join(" ")}\n`,
  );
  return result;
}

/** Cells of each kind timed in each kernel, and the length of the growth run, for (g). */
const CELLS_PER_KIND = 21;
const GROWTH_CELLS = 500;

/** (g): cells in both kernels, by bench/kernel_cells.ts. */
function kernelCells() {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const out = execFileSync(
    process.execPath,
    [tsx, path.join(root, "bench", "kernel_cells.ts"), String(CELLS_PER_KIND), String(GROWTH_CELLS)],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const result = JSON.parse(out.trim().split("\n").at(-1));
  for (const [kind, sides] of Object.entries(result.kinds)) {
    process.stderr.write(
      `  cells ${kind}: median ours ${(median(sides.ours) * 1000).toFixed(1)} ms, ipykernel ${(median(sides.theirs) * 1000).toFixed(1)} ms\n`,
    );
  }
  return result;
}

/**
 * The sides ([key, client, scenario]) take turns: `runs` rounds, each a new process per side with
 * one warm-up and one timed run, in reverse order every other round, so drift on the machine and
 * on the server (JIT, caches, neighbours) hits every side alike. Each side's results, by round.
 */
async function rounds(sides) {
  const results = Object.fromEntries(sides.map(([side]) => [side, []]));
  for (let round = 0; round < runs; round++) {
    for (const [side, client, scenario] of round % 2 === 0 ? sides : [...sides].reverse()) {
      results[side].push(await measure(client, scenario, 1));
    }
  }
  return results;
}

/** `count` calls of `task`, one after another. */
async function sequence(count, task) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await task());
  return results;
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.ceil(at)] - s[lo]) * (at - lo);
}
const secs = (x) => `${x.toFixed(3)} s`;
const ms = (x) => `${(x * 1000).toFixed(1)} ms`;
const mib = (x) => `${(x / 2 ** 20).toFixed(0)} MiB`;
const ratio = (a, b) => (a / b).toFixed(2);

/** The Spark server's version, asked by the compiled client in a process of its own; "?" if it cannot say. */
function serverVersion() {
  const script =
    "const { SparkSession } = require(process.argv[1]);" +
    "SparkSession.builder.getOrCreate().then(async (spark) => { console.log(await spark.version); await spark.stop(); });";
  try {
    return execFileSync(process.execPath, ["-e", script, path.join(built, "index.js")], { encoding: "utf8", timeout: 60_000 }).trim();
  } catch {
    return "?";
  }
}

function machine(sparkVersion) {
  const pythonVersion = execFileSync(python, ["--version"], { encoding: "utf8" })
    .trim()
    .replace(/^Python /, "");
  let pysparkVersion = "?";
  try {
    pysparkVersion = execFileSync(python, ["-c", "import pyspark; print(pyspark.__version__)"], { encoding: "utf8" }).trim();
  } catch {
    /* shown as "?" */
  }
  const cpus = os.cpus();
  return [
    `CPU: ${cpus[0]?.model ?? "?"}, ${cpus.length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
    `Node ${process.versions.node}; Python ${pythonVersion} with pyspark ${pysparkVersion}; Spark server ${sparkVersion}`,
  ];
}

async function main() {
  process.stderr.write("bench: compiling src/ with tsc\n");
  fs.rmSync(built, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      "tsconfig.build.json",
      "--outDir",
      built,
      "--sourceMap",
      "false",
      "--declaration",
      "false",
      "--declarationMap",
      "false",
    ],
    { cwd: root, stdio: "inherit" },
  );
  let startedHere = false;
  if (!process.env.SPARK_REMOTE) {
    startedHere = runningServer() === undefined;
    process.env.SPARK_REMOTE = (await start()).url;
  }
  try {
    process.stderr.write(`bench: ${runs} rounds, against ${process.env.SPARK_REMOTE}\n`);
    const rows = [];
    const notes = [];
    let sparkVersion = "?";
    const row = (scenario, ours, theirs, r = ratio(ours.value, theirs.value)) => rows.push([scenario, ours.text, theirs.text, r]);
    for (const [name, label, rawLabel] of [
      ["collect", "(a) collect 1M rows x 6 cols into rows", "(a) raw ExecutePlan stream, same plan"],
      ["arrow", "(b) 10M rows x 3 numeric cols into an Arrow Table", "(b) raw ExecutePlan stream, same plan"],
    ]) {
      if (!only.has(name)) continue;
      const scenario = label.slice(0, 3);
      await measure("ours", name, 0); // the server's first runs of this query (JIT, caches), not counted
      const results = await rounds([
        ["ours", "ours", `${name}:paired`],
        ["theirs", "pyspark", name],
      ]);
      const times = (side, key = "times") => results[side].flatMap((m) => m[key]);
      const peak = (side) => median(results[side].map((m) => m.maxRssBytes));
      sparkVersion = results.ours[0].sparkVersion;
      const [o, r, t] = [median(times("ours")), median(times("ours", "rawTimes")), median(times("theirs"))];
      row(label, { value: o, text: secs(o) }, { value: t, text: secs(t) });
      rows.push([rawLabel, secs(r), "", `decode overhead ${(((o - r) / r) * 100).toFixed(0)}%`]);
      row(
        `(f) peak client RSS in ${scenario}, over a warm-up and a timed run`,
        { value: peak("ours"), text: mib(peak("ours")) },
        { value: peak("theirs"), text: mib(peak("theirs")) },
      );
      // A garbage-collected client frees a run's result some time after it, so over two runs its
      // peak can hold parts of both results, where PySpark frees each at once. The peak of one
      // run, in fresh processes (median of three), is what the scenario itself needs.
      const single = async (client) => median((await sequence(3, () => measure(client, name, 0))).map((m) => m.maxRssBytes));
      const [oursOnce, theirsOnce] = [await single("ours"), await single("pyspark")];
      row(
        `(f) peak client RSS in ${scenario}, one run in a fresh process`,
        { value: oursOnce, text: mib(oursOnce) },
        { value: theirsOnce, text: mib(theirsOnce) },
      );
      const spread = (xs) => `${secs(Math.min(...xs))} to ${secs(Math.max(...xs))}`;
      notes.push(
        `${scenario} spread of the runs: ours ${spread(times("ours"))}, raw ${spread(times("ours", "rawTimes"))}, PySpark ${spread(times("theirs"))}.`,
      );
    }
    if (only.has("select1")) {
      const results = await rounds([
        ["ours", "ours", "select1"],
        ["theirs", "pyspark", "select1"],
      ]);
      const latencies = (side) => results[side].flatMap((m) => m.latencies);
      sparkVersion = results.ours[0].sparkVersion;
      notes.push(`(c) pools the ${latencies("ours").length} round trips of each client's timed runs.`);
      for (const [q, label] of [
        [0.5, "p50"],
        [0.95, "p95"],
      ]) {
        const [o, t] = [quantile(latencies("ours"), q), quantile(latencies("theirs"), q)];
        row(`(c) 200 sequential SELECT 1, ${label}`, { value: o, text: ms(o) }, { value: t, text: ms(t) });
      }
    }
    if (only.has("kernel")) {
      const { ours, theirs } = await kernelStarts();
      const [o, t] = [median(ours), median(theirs)];
      row(
        "(d) kernel cold start to the first SELECT 1 through Jupyter (vs ipykernel)",
        { value: o, text: secs(o) },
        { value: t, text: secs(t) },
      );
    }
    if (only.has("cells")) {
      const { kinds, growth, rss, cellsPerKind, growthCells } = kernelCells();
      for (const [kind, label] of [
        ["trivial", "`1 + 1`"],
        ["declaring", "declaring a value, `const x1 = 1` (vs `x1 = 1`)"],
        ["sql", '`await (await spark.sql("SELECT 1 AS one")).collect()` (vs `spark.sql(...).collect()`)'],
        ["table", "`spark.range(5)` left last: HTML table (vs eagerEval text grid)"],
      ]) {
        const [o, t] = [median(kinds[kind].ours), median(kinds[kind].theirs)];
        row(`(g) kernel cell ${label}, request to reply, median of ${cellsPerKind}`, { value: o, text: ms(o) }, { value: t, text: ms(t) });
      }
      const trend = (g) => `${ms(g.first)} to ${ms(g.last)}`;
      const factor = (a, b) => `${(b / a).toFixed(2)}x`;
      rows.push([
        `(g) growth over ${growthCells} cells of the four kinds: medians of the first and last 50`,
        trend(growth.ours),
        trend(growth.theirs),
        `growth: ours ${factor(growth.ours.first, growth.ours.last)}, theirs ${factor(growth.theirs.first, growth.theirs.last)}`,
      ]);
      for (const [label, early, late] of [
        [`(g) kernel process RSS after ${rss.earlyCells} and after ${growthCells} cells`, "early", "late"],
        [`(g) the same, settled: lowest over ${rss.settleSeconds} s of idling`, "earlySettled", "lateSettled"],
      ]) {
        rows.push([
          label,
          `${mib(rss.ours[early])} to ${mib(rss.ours[late])}`,
          `${mib(rss.theirs[early])} to ${mib(rss.theirs[late])}`,
          `growth: ours ${factor(rss.ours[early], rss.ours[late])}, theirs ${factor(rss.theirs[early], rss.theirs[late])}`,
        ]);
      }
      const spread = (xs) => `${ms(Math.min(...xs))} to ${ms(Math.max(...xs))}`;
      notes.push(
        `(g) runs both kernels through one Jupyter server, cell by cell by turns (bench/kernel_cells.ts says which PySpark cell is each one's peer); spread of the ${cellsPerKind} cells: ` +
          Object.entries(kinds)
            .map(([kind, sides]) => `${kind} ours ${spread(sides.ours)}, ipykernel ${spread(sides.theirs)}`)
            .join("; ") +
          ".",
      );
    }
    if (only.has("render")) {
      const results = await rounds([
        ["ours", "ours", "render"],
        ["theirs", "pyspark", "render"],
      ]);
      const times = (side, key = "times") => results[side].flatMap((m) => m[key]);
      sparkVersion = results.ours[0].sparkVersion;
      const [o, t] = [median(times("ours")), median(times("theirs"))];
      row(
        "(e) 10k rows x 20 cols to a notebook HTML table, fetch + render (vs _repr_html_)",
        { value: o, text: secs(o) },
        { value: t, text: secs(t) },
      );
      rows.push(["(e) of which rendering the HTML and text table", secs(median(times("ours", "renderTimes"))), "", ""]);
    }
    // Only the kernel rows ran: no scenario of the client's said which server it was.
    if (sparkVersion === "?") sparkVersion = serverVersion();
    const table = [
      "| scenario | this client | PySpark Connect | ours / theirs |",
      "|---|---:|---:|---:|",
      ...rows.map((cells) => `| ${cells.join(" | ")} |`),
    ].join("\n");
    const header = [
      `Run ${new Date().toISOString()}: medians of ${runs} rounds; in each, every client and scenario runs in a new process, one warm-up run and one timed run, the clients taking turns.`,
      "",
      ...machine(sparkVersion).map((l) => `- ${l}`),
    ];
    console.log([...header, "", table, "", ...notes].join("\n"));
    fs.writeFileSync(
      values.out,
      [
        "# Benchmark: this client vs PySpark's Connect client",
        "",
        "Written by `node bench/run.mjs` (see the comment at its top). Both clients talk to the same",
        "Spark Connect server in the same run; the server runs on the same machine, so it competes with",
        "the client for the CPU and every time includes its work. Timings on a shared machine are noisy:",
        "compare the ratios of one run, not the times of different runs.",
        "",
        "This client runs compiled by tsc (as users get it), PySpark from the project venv.",
        "The raw rows read the same ExecutePlan stream with this client's gRPC client and decode no",
        "Arrow, in the same process just before and just after each timed run (their mean); the decode",
        "overhead is (decoded - raw) / raw. Apache Arrow's JS decoder is JIT-compiled: in the first runs",
        "of a process it costs several times what it does once V8 has optimized it. (c) counts",
        "`spark.sql(q)` and `collect()`, two ExecutePlan calls, in both clients.",
        "",
        ...header,
        "",
        table,
        "",
        ...notes.map((n) => `- ${n}`),
        "",
      ].join("\n"),
    );
    process.stderr.write(`bench: wrote ${path.relative(root, values.out)}\n`);
  } finally {
    fs.rmSync(built, { recursive: true, force: true });
    if (startedHere) await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
