#!/usr/bin/env node
// Runs the standalone Spark cluster of scripts/clusterSpec.mjs on this machine, from the pinned
// pyspark in the project venv (its spark-class and spark-submit; no Docker): a master, two workers
// with one core each, and the Spark Connect server submitted to the master, every process on
// 127.0.0.1 (SPARK_LOCAL_IP binds the web UIs there too). State and logs live in .cluster/ (or
// SPARK_TS_CLUSTER_DIR).
//
//   node scripts/cluster.mjs start      start it (or report the running one); prints its state as JSON
//   node scripts/cluster.mjs stop       stop every process of it
//   node scripts/cluster.mjs status     print its state, or exit 1 when it does not run
//   node scripts/cluster.mjs compose    print docker-compose.yml, generated from the same description
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, isAlive, LOOPBACK, sleep, sparkEnv, sparkHomeOf, terminateGroups } from "./sparkProcess.mjs";
import { CLUSTER, composeFile, connectServerCommand, masterCommand, workerCommand } from "./clusterSpec.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stateDir = path.resolve(process.env.SPARK_TS_CLUSTER_DIR ?? path.join(root, ".cluster"));
const stateFile = path.join(stateDir, "cluster.json");
const venv = path.resolve(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"));

/** The running cluster's state ({ master, workers, connect, url, ... }), if all of it is alive. */
export function runningCluster() {
  let state;
  try {
    state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
  } catch {
    return undefined;
  }
  return state.processes.every((p) => isAlive(p.pid)) ? state : undefined;
}

/** Starts one process of the cluster in a process group of its own, its output in `<name>.log`. */
function launch(name, argv, env) {
  const log = path.join(stateDir, `${name}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ["ignore", out, out], cwd: stateDir, env });
  child.unref();
  fs.closeSync(out);
  return { name, pid: child.pid, log };
}

function logTail(process, lines = 30) {
  try {
    return fs.readFileSync(process.log, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function getJson(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** Polls `check` until it returns a value; fails with the process's log when it dies or time runs out. */
async function waitFor(what, process, check, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(process.pid)) throw new Error(`cluster: ${process.name} exited while waiting for ${what}. Log tail:\n${logTail(process)}`);
    const value = await check();
    if (value) return value;
    await sleep(500);
  }
  throw new Error(`cluster: no ${what} within ${timeoutMs / 1000} s. Log tail of ${process.name}:\n${logTail(process)}`);
}

/** Starts the cluster unless it runs already; resolves to its state. */
export async function start() {
  const running = runningCluster();
  if (running) return running;
  await stop();
  fs.mkdirSync(stateDir, { recursive: true });
  const home = sparkHomeOf(venv);
  const env = sparkEnv(home);
  const processes = [];
  try {
    const masterPort = await freePort();
    const masterUi = await freePort();
    const masterUrl = `spark://${LOOPBACK}:${masterPort}`;
    const master = launch("master", masterCommand({ sparkHome: home, host: LOOPBACK, port: masterPort, webUiPort: masterUi }), env);
    processes.push(master);
    const masterJson = `http://${LOOPBACK}:${masterUi}/json/`;
    await waitFor("master", master, async () => (await getJson(masterJson))?.status === "ALIVE");

    for (let i = 1; i <= CLUSTER.workers; i++) {
      const workDir = path.join(stateDir, `worker-${i}`);
      fs.mkdirSync(workDir, { recursive: true });
      processes.push(
        launch(`worker-${i}`, workerCommand({ sparkHome: home, masterUrl, host: LOOPBACK, webUiPort: await freePort(), workDir }), env),
      );
    }
    await waitFor(
      `${CLUSTER.workers} registered workers`,
      master,
      async () => (await getJson(masterJson))?.aliveworkers === CLUSTER.workers,
    );

    const connectPort = await freePort();
    const driverUi = await freePort();
    const connect = launch(
      "connect",
      connectServerCommand({
        sparkHome: home,
        masterUrl,
        port: connectPort,
        bindAddress: LOOPBACK,
        driverHost: LOOPBACK,
        uiPort: driverUi,
        warehouseDir: path.join(stateDir, "warehouse"),
        extraConf: {
          "spark.checkpoint.dir": path.join(stateDir, "checkpoints"),
          "spark.driver.extraJavaOptions": `-Dderby.system.home=${stateDir}`,
        },
      }),
      env,
    );
    processes.push(connect);
    const driverApi = `http://${LOOPBACK}:${driverUi}/api/v1`;
    // Ready when the server listens and each worker runs an executor of it, so that the first job
    // already has the whole cluster.
    const appId = await waitFor("the Connect server's executors", connect, async () => {
      if (!/Spark Connect server started/.test(fs.readFileSync(connect.log, "utf8"))) return undefined;
      const [app] = (await getJson(`${driverApi}/applications`)) ?? [];
      if (!app) return undefined;
      const executors = (await getJson(`${driverApi}/applications/${app.id}/executors`)) ?? [];
      return executors.filter((e) => e.id !== "driver").length === CLUSTER.workers ? app.id : undefined;
    });
    const state = {
      url: `sc://${LOOPBACK}:${connectPort}`,
      masterUrl,
      masterJson,
      driverApi,
      appId,
      processes,
    };
    fs.writeFileSync(stateFile, JSON.stringify(state, null, 2) + "\n");
    return state;
  } catch (err) {
    await terminateGroups(processes.map((p) => p.pid).reverse());
    throw err;
  }
}

/** Stops every process of the cluster (the Connect server first, the master last). */
export async function stop() {
  let state;
  try {
    state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
  } catch {
    return undefined;
  }
  await terminateGroups(state.processes.map((p) => p.pid).reverse());
  fs.rmSync(stateFile, { force: true });
  return state;
}

async function main() {
  const command = process.argv[2] ?? "status";
  if (command === "start") console.log(JSON.stringify(await start(), null, 2));
  else if (command === "stop") console.log((await stop()) ? "cluster stopped" : "no cluster was running");
  else if (command === "status") {
    const running = runningCluster();
    if (running) console.log(JSON.stringify(running, null, 2));
    else {
      console.log("no cluster running");
      process.exitCode = 1;
    }
  } else if (command === "compose") process.stdout.write(composeFile());
  else {
    console.error(`unknown command ${command}: use start, stop, status or compose`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
