#!/usr/bin/env node
// Runs every test suite against the real components and ends with one line that sums them all:
// `N passed, N failed[, N skipped]`. Suites that need Spark get SPARK_REMOTE: the caller's, or a
// local server started here (and stopped again) when the caller has none.
//
//   node scripts/test.mjs                 every suite
//   node scripts/test.mjs unit typecheck  only the named ones
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as server from "./spark-server.mjs";
import { nodeOf } from "./nodeVersions.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mocha = path.join(root, "node_modules", "mocha", "bin", "mocha.js");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");

/** The other supported Node.js lines, on which the client's suites and a kernel smoke run run too. */
const OTHER_NODES = [22, 24];

/** The older Spark lines npm test runs (proto/spark.json pins them), and what it runs on each. */
const CI_LINES = ["3.5", "4.0"];
const LINE_SUITES_IN_CI = [
  { name: "integration", config: "test/integration/.mocharc.server.json" },
  { name: "kernel-smoke", config: "test/kernel/.mocharc.smoke-server.json" },
];

/** Each suite: how to run it, and whether it talks to a Spark Connect server. */
const SUITES = [
  { name: "typecheck", needsServer: false, run: () => countedCommand([tsc, "-p", "tsconfig.json", "--noEmit"]) },
  // ESLint (type-aware) and Prettier, one test per file of each (scripts/lint.mjs).
  { name: "lint", needsServer: false, run: async () => (await import("./lint.mjs")).lintSuite() },
  { name: "unit", needsServer: false, run: (env) => mochaSuite("test/unit/.mocharc.json", env) },
  // Checks against what lies outside the sources: PySpark's API in the venv, docker-compose, the
  // built packages' entry points.
  { name: "tooling", needsServer: false, run: (env) => mochaSuite("test/tooling/.mocharc.json", env) },
  // Plans built by this client and by PySpark's Connect client for the same programs, no server.
  { name: "plans", needsServer: false, run: (env) => mochaSuite("test/plans/.mocharc.json", env) },
  { name: "integration", needsServer: true, run: (env) => mochaSuite("test/integration/.mocharc.json", env) },
  { name: "kernel", needsServer: true, run: (env) => mochaSuite("test/kernel/.mocharc.json", env) },
  { name: "notebooks", needsServer: true, run: (env) => mochaSuite("test/notebooks/.mocharc.json", env) },
  { name: "browser", needsServer: true, run: (env) => mochaSuite("test/browser/.mocharc.json", env) },
  { name: "newcomer", needsServer: false, run: (env) => mochaSuite("test/newcomer/.mocharc.json", env) },
  // A standalone cluster of its own (scripts/testCluster.mjs, also `npm run test:cluster`).
  { name: "cluster", needsServer: false, run: async (env) => (await import("./testCluster.mjs")).runClusterSuites(env) },
  // Older server lines, each a server of its own (scripts/compat.mjs; `npm run test:compat` runs
  // every line with the whole suites): here the oldest two, with the integration tests whose
  // outcome depends on the server and the kernel smoke run, to keep CI's time in bounds.
  ...CI_LINES.map((line) => ({
    name: `compat@${line}`,
    needsServer: false,
    run: async (env) => (await import("./compat.mjs")).runCompatLines([line], env, LINE_SUITES_IN_CI),
  })),
  // The same suites under Node.js 22 and 24, each installed from the npm registry on first use.
  ...OTHER_NODES.flatMap((major) => [
    { name: `unit@node${major}`, needsServer: false, run: (env) => mochaSuite("test/unit/.mocharc.json", env, nodeOf(major)) },
    { name: `integration@node${major}`, needsServer: true, run: (env) => mochaSuite("test/integration/.mocharc.json", env, nodeOf(major)) },
    {
      name: `kernel-smoke@node${major}`,
      needsServer: true,
      run: (env) => mochaSuite("test/kernel/.mocharc.smoke.json", env, nodeOf(major)),
    },
  ]),
];

function run(argv, env, node = process.execPath) {
  return new Promise((resolve) => {
    const child = spawn(node, argv, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A command that is one check: it passes when it exits 0. */
async function countedCommand(argv) {
  const code = await run(argv, process.env);
  return { passes: code === 0 ? 1 : 0, failures: code === 0 ? 0 : 1, pending: 0 };
}

/** Runs one mocha suite (its config file) and resolves to its counts: { passes, failures, pending }. */
export async function mochaSuite(config, env, node = process.execPath) {
  const statsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-stats-")), "stats.json");
  const code = await run([mocha, "--config", config], { ...env, SPARK_TS_STATS_FILE: statsFile }, node);
  try {
    const stats = JSON.parse(fs.readFileSync(statsFile, "utf8"));
    // A suite that exits non-zero with no failed test (a crash in a hook, zero tests) still fails.
    if (code !== 0 && stats.failures === 0) stats.failures = 1;
    return stats;
  } catch {
    console.error(`mocha (${config}) ended with code ${code} before reporting any result`);
    return { passes: 0, failures: 1, pending: 0 };
  }
}

/**
 * The protocol stubs (if missing), dist/ with grpc-js bundled in, and kernel/dist/ (the client
 * first: the kernel builds against it); what `npm run build` does after the stubs.
 */
async function build() {
  if (!fs.existsSync(path.join(root, "src", "gen", "spark", "connect", "base.ts"))) {
    console.log("test: src/gen is missing, generating the protocol stubs");
    const code = await new Promise((resolve) => {
      spawn("bash", ["proto/generate.sh"], { cwd: root, stdio: "inherit" }).on("exit", (c) => resolve(c ?? 1));
    });
    if (code !== 0) return code;
  }
  for (const step of [
    [tsc, "-p", "tsconfig.build.json"],
    [path.join(root, "scripts", "bundleGrpc.mjs")],
    [tsc, "-p", path.join("kernel", "tsconfig.build.json")],
  ]) {
    const code = await run(step, process.env);
    if (code !== 0) return code;
  }
  return 0;
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SUITES.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown suite(s) ${unknown.join(", ")}; have ${SUITES.map((s) => s.name).join(", ")}`);
  const suites = wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;

  if ((await build()) !== 0) throw new Error("the build failed");
  // Chromium (browser suite) and docker-compose (the compose file check in the tooling suite).
  if (suites.some((s) => s.name === "browser" || s.name === "tooling")) {
    await new Promise((resolve) => spawn("bash", ["scripts/test-tools.sh"], { cwd: root, stdio: "inherit" }).on("exit", resolve));
  }

  const env = { ...process.env };
  let started;
  if (suites.some((s) => s.needsServer) && !env.SPARK_REMOTE) {
    const already = server.runningServer();
    const state = already ?? (await server.start());
    if (!already) started = state;
    console.log(`test: Spark Connect server at ${state.url} (log: ${path.relative(root, state.log)})`);
    Object.assign(env, { SPARK_REMOTE: state.url, SPARK_TS_SERVER_PID: String(state.pid), SPARK_TS_SERVER_LOG: state.log });
  }

  const totals = { passes: 0, failures: 0, pending: 0 };
  const lines = [];
  try {
    for (const suite of suites) {
      console.log(`\n=== ${suite.name} ===`);
      const began = Date.now();
      // A suite that cannot even start (its Node.js could not be installed, say) is one failure.
      const stats = await suite.run(env).catch((err) => {
        console.error(`test: ${suite.name} could not run: ${err.message}`);
        return { passes: 0, failures: 1, pending: 0 };
      });
      for (const key of Object.keys(totals)) totals[key] += stats[key];
      // The time each suite took, so that what CI's time budget goes to stays visible.
      const took = Math.round((Date.now() - began) / 1000);
      lines.push(
        `${suite.name}: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped (${Math.floor(took / 60)} min ${took % 60} s)`,
      );
    }
  } finally {
    if (started) await server.stop();
  }
  console.log(`\n${lines.join("\n")}`);
  const summary = `${totals.passes} passed, ${totals.failures} failed${totals.pending ? `, ${totals.pending} skipped` : ""}`;
  fs.mkdirSync(path.join(root, ".test-results"), { recursive: true });
  fs.writeFileSync(path.join(root, ".test-results", "summary.txt"), summary + "\n");
  console.log(summary);
  process.exitCode = totals.failures ? 1 : 0;
}

// Run as a command; scripts/compat.mjs imports mochaSuite from here.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`test: ${err.message}`);
    console.log("0 passed, 1 failed");
    process.exitCode = 1;
  });
}
