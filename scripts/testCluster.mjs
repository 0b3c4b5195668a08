#!/usr/bin/env node
// npm run test:cluster: starts the standalone cluster of scripts/clusterSpec.mjs (scripts/cluster.mjs),
// runs against its Spark Connect server the cluster checks (test/cluster: executors in other JVMs,
// progress, interrupts), the integration suite and the example gallery through the kernel, stops
// the cluster, and ends with `N passed, N failed` like npm test. `npm test` runs it as its
// `cluster` suite.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { start, stop } from "./cluster.mjs";
import { mochaSuite } from "./test.mjs";

/**
 * The suites run on the cluster, in order. The integration suite runs without the files that test
 * the client against servers, proxies and processes of their own (tokens, dead peers, a restarted
 * local server, scripts that exit, relays that refuse calls, the kernel's command line) or the
 * client's own memory and concurrency (load): what they check does not depend on where the jobs
 * run, and the main run has them (test/integration/.mocharc.server.json lists them).
 */
export const CLUSTER_SUITES = [
  { name: "cluster", config: "test/cluster/.mocharc.json" },
  { name: "integration", config: "test/integration/.mocharc.server.json" },
  { name: "notebooks", config: "test/notebooks/.mocharc.json" },
];

/** Runs every suite on a cluster of its own; resolves to the summed counts and a line per suite. */
export async function runClusterSuites(env = process.env) {
  const totals = { passes: 0, failures: 0, pending: 0, lines: [] };
  console.log("cluster: starting a master, two one-core workers and the Spark Connect server");
  let cluster;
  try {
    cluster = await start();
  } catch (err) {
    console.error(err.message);
    return { ...totals, failures: 1, lines: ["cluster: did not start"] };
  }
  try {
    console.log(`cluster: ready at ${cluster.url} (master ${cluster.masterUrl})`);
    for (const suite of CLUSTER_SUITES) {
      console.log(`\n=== ${suite.name} on the cluster ===`);
      const stats = await mochaSuite(suite.config, { ...env, SPARK_REMOTE: cluster.url });
      totals.passes += stats.passes;
      totals.failures += stats.failures;
      totals.pending += stats.pending;
      totals.lines.push(`${suite.name} on the cluster: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
    }
  } finally {
    await stop();
  }
  return totals;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runClusterSuites()
    .then((totals) => {
      console.log(`\n${totals.lines.join("\n")}`);
      console.log(`${totals.passes} passed, ${totals.failures} failed`);
      process.exitCode = totals.failures ? 1 : 0;
    })
    .catch((err) => {
      console.error(`test:cluster: ${err.message}`);
      console.log("0 passed, 1 failed");
      process.exitCode = 1;
    });
}
