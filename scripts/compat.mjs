#!/usr/bin/env node
// npm run test:compat: the integration suite and a kernel smoke run against a Spark Connect server
// of each supported release line (proto/spark.json's `lines`, and the pinned `spark`), each server
// from its line's pinned pyspark in a venv of its own, started on 127.0.0.1, stopped afterwards.
// Tests of what a line lacks skip themselves saying which line and why (test/support/spark.ts);
// the README's compatibility section lists the same per line.
//
//   node scripts/compat.mjs                  every line
//   node scripts/compat.mjs --lines 3.5,4.1  only these lines
//
// Each line lives in .compat/<line>/ (SPARK_TS_COMPAT_DIR moves it): venv/ (made when missing),
// the server's log, warehouse and state. The pinned line runs from the project venv. 4.x servers
// are scripts/spark-server.mjs's; Spark 3.5's Connect server is not in its pyspark (its jar comes
// from Maven Central) and cannot be bound to loopback, so it runs in a network namespace
// (scripts/namespaceServer.mjs). Ends with one line per line and suite and `N passed, N failed`.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as namespaceServer from "./namespaceServer.mjs";
import { sparkHomeOf } from "./sparkProcess.mjs";
import { mochaSuite } from "./test.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pins = JSON.parse(fs.readFileSync(path.join(root, "proto", "spark.json"), "utf8"));
const compatDir = path.resolve(process.env.SPARK_TS_COMPAT_DIR ?? path.join(root, ".compat"));
const say = (text) => console.log(`compat: ${text}`);

/** Every supported line, oldest first: `{ line, pyspark, venv, dir }`. */
export function supportedLines() {
  const lineOf = (version) => version.split(".").slice(0, 2).join(".");
  const older = pins.lines.map(({ line, pyspark }) => ({
    line,
    pyspark,
    dir: path.join(compatDir, line),
    venv: path.join(compatDir, line, "venv"),
  }));
  const pinned = { line: lineOf(pins.spark), pyspark: pins.spark, dir: path.join(compatDir, lineOf(pins.spark)) };
  pinned.venv = path.resolve(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"));
  return [...older, pinned];
}

/** The suites each line runs, with the mocha config of each. */
export const SUITES = [
  { name: "integration", config: "test/integration/.mocharc.json" },
  { name: "kernel-smoke", config: "test/kernel/.mocharc.smoke.json" },
];

function ensureVenv({ pyspark, venv }) {
  if (fs.existsSync(path.join(venv, "bin", "python"))) return;
  say(`creating ${path.relative(root, venv)} with pyspark ${pyspark}`);
  execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
  execFileSync(path.join(venv, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", `pyspark==${pyspark}`], {
    stdio: "inherit",
  });
}

/** Spark 3.5's pyspark has no Connect server: its jar, from Maven Central, once. */
async function connectJar35({ pyspark, dir }) {
  const jar = path.join(dir, `spark-connect_2.12-${pyspark}.jar`);
  if (fs.existsSync(jar)) return jar;
  const url = `https://repo1.maven.org/maven2/org/apache/spark/spark-connect_2.12/${pyspark}/spark-connect_2.12-${pyspark}.jar`;
  say(`fetching ${url}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Maven Central answered ${response.status} for ${url}`);
  fs.writeFileSync(`${jar}.part`, Buffer.from(await response.arrayBuffer()));
  fs.renameSync(`${jar}.part`, jar);
  return jar;
}

/** scripts/spark-server.mjs with the line's venv and state directory. */
function serverCommand(line, command) {
  const env = { ...process.env, SPARK_TS_VENV: line.venv, SPARK_TS_STATE_DIR: line.dir };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "spark-server.mjs"), command], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`spark-server.mjs ${command} exited with ${code}: ${out.trim()}`)),
    );
  });
}

/** Starts the line's server; resolves to `{ url, pid, log, stop }`. */
async function startServer(line) {
  ensureVenv(line);
  if (line.line === "3.5") {
    const jar = await connectJar35(line);
    return namespaceServer.start({ sparkHome: sparkHomeOf(line.venv), stateDir: line.dir, jars: [jar] });
  }
  const url = (await serverCommand(line, "start")).split("\n").at(-1);
  const state = JSON.parse(fs.readFileSync(path.join(line.dir, "server.json"), "utf8"));
  return { url, pid: state.pid, log: state.log, stop: () => serverCommand(line, "stop") };
}

/** The server of the line under test, stopped on Ctrl-C too (it runs detached, in its own process group). */
let running;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    say(`${signal}: stopping the server`);
    Promise.resolve(running?.stop()).finally(() => process.exit(130));
  });
}

const minutes = (ms) => `${Math.floor(ms / 60_000)}m ${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")}s`;

/** Runs the suites against one line's server; resolves to one result per suite. */
async function runLine(line, baseEnv, suites) {
  const started = Date.now();
  console.log(`\n=== Spark ${line.line} (pyspark ${line.pyspark}) ===`);
  let server;
  try {
    server = await startServer(line);
    running = server;
  } catch (err) {
    console.error(`compat: the Spark ${line.line} server could not start: ${err.message}`);
    return suites.map((suite) => ({ name: `${line.line} ${suite.name}`, passes: 0, failures: 1, pending: 0, ms: Date.now() - started }));
  }
  say(`Spark ${line.pyspark} at ${server.url} (log: ${path.relative(root, server.log)}), ready after ${minutes(Date.now() - started)}`);
  const env = {
    ...baseEnv,
    SPARK_REMOTE: server.url,
    SPARK_TS_EXPECTED_SPARK: line.pyspark,
    SPARK_TS_SERVER_PID: String(server.pid),
    SPARK_TS_SERVER_LOG: server.log,
  };
  const results = [];
  try {
    for (const suite of suites) {
      const suiteStarted = Date.now();
      console.log(`\n=== Spark ${line.line}: ${suite.name} ===`);
      const stats = await mochaSuite(suite.config, env);
      results.push({ name: `${line.line} ${suite.name}`, ...stats, ms: Date.now() - suiteStarted });
    }
  } finally {
    await server.stop();
    running = undefined;
  }
  say(`Spark ${line.line} took ${minutes(Date.now() - started)} in all (server start, suites, stop)`);
  return results;
}

/**
 * Runs the named lines (all when none is named); resolves to the summed counts and one summary
 * line per line and suite, e.g. `4.0 integration: 480 passed, 0 failed, 32 skipped (9m 10s)`.
 */
export async function runCompatLines(wanted = [], env = process.env, suites = SUITES) {
  const lines = supportedLines();
  const unknown = wanted.filter((name) => !lines.some((l) => l.line === name));
  if (unknown.length) throw new Error(`unknown line(s) ${unknown.join(", ")}; have ${lines.map((l) => l.line).join(", ")}`);
  for (const built of ["dist/index.js", "kernel/dist"]) {
    if (!fs.existsSync(path.join(root, built)))
      throw new Error(`${built} is missing (the kernel smoke runs the built packages): run \`npm run build\``);
  }
  const totals = { passes: 0, failures: 0, pending: 0, lines: [] };
  for (const line of lines.filter((l) => !wanted.length || wanted.includes(l.line))) {
    for (const r of await runLine(line, env, suites)) {
      for (const key of ["passes", "failures", "pending"]) totals[key] += r[key];
      totals.lines.push(`${r.name}: ${r.passes} passed, ${r.failures} failed, ${r.pending} skipped (${minutes(r.ms)})`);
    }
  }
  return totals;
}

/** Runs the named lines and prints the summary, ending with `N passed, N failed`; resolves to the exit code. */
export async function runCompat(wanted = []) {
  const totals = await runCompatLines(wanted);
  console.log(`\n${totals.lines.join("\n")}`);
  console.log(`${totals.passes} passed, ${totals.failures} failed${totals.pending ? `, ${totals.pending} skipped` : ""}`);
  return totals.failures ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { lines: { type: "string" } } });
  const wanted = values.lines
    ? values.lines
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  runCompat(wanted)
    .then((code) => (process.exitCode = code))
    .catch((err) => {
      console.error(`compat: ${err.message}`);
      console.log("0 passed, 1 failed");
      process.exitCode = 1;
    });
}
