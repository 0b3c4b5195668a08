#!/usr/bin/env node
// Runs the local Spark Connect server of the dev and test stack: the pinned pyspark's own server,
// on loopback, on a port that is free when it starts. Its state (pid, url) and log live in
// .spark/ (or SPARK_TS_STATE_DIR), so every command below finds the server the last one started.
//
//   node scripts/spark-server.mjs start [--port N]   start (or report the running one), print its url
//   node scripts/spark-server.mjs stop               stop it and wait until it is gone
//   node scripts/spark-server.mjs status             print its url, or exit 1 when none runs
//   node scripts/spark-server.mjs log [--lines N]    print the tail of its log
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { freePort, isAlive, LOOPBACK, sleep, sparkEnv, sparkHomeOf, terminateGroups } from "./sparkProcess.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stateDir = path.resolve(process.env.SPARK_TS_STATE_DIR ?? path.join(root, ".spark"));
const stateFile = path.join(stateDir, "server.json");
export const logFile = path.join(stateDir, "server.log");
const venv = path.resolve(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"));
const STARTED = /Spark Connect server started at: \S+:(\d+)/;
const PORT_TAKEN = /Address already in use|Failed to bind|BindException/;

/** Reads the state of the server this project started, if it is still alive. */
export function runningServer() {
  let state;
  try {
    state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
  } catch {
    return undefined;
  }
  return isAlive(state.pid) ? state : undefined;
}

/** The last lines of the server log, for messages that explain why the server is gone. */
export function logTail(lines = 40) {
  try {
    return fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: LOOPBACK, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function launch(port) {
  const env = sparkEnv(sparkHomeOf(venv));
  const submit = path.join(env.SPARK_HOME, "bin", "spark-submit");
  fs.mkdirSync(stateDir, { recursive: true });
  const out = fs.openSync(logFile, "w");
  const child = spawn(
    submit,
    [
      "--class",
      "org.apache.spark.sql.connect.service.SparkConnectServer",
      "--name",
      "spark-ts-kernel",
      "--driver-memory",
      process.env.SPARK_TS_DRIVER_MEMORY ?? "2g",
      "--conf",
      `spark.connect.grpc.binding.address=${LOOPBACK}`,
      "--conf",
      `spark.connect.grpc.binding.port=${port}`,
      "--conf",
      `spark.driver.host=${LOOPBACK}`,
      "--conf",
      `spark.driver.bindAddress=${LOOPBACK}`,
      "--conf",
      "spark.ui.enabled=false",
      "--conf",
      "spark.sql.shuffle.partitions=4",
      "--conf",
      `spark.sql.warehouse.dir=${path.join(stateDir, "warehouse")}`,
      // Where df.checkpoint() saves rows (a static setting: sessions cannot set it).
      "--conf",
      `spark.checkpoint.dir=${path.join(stateDir, "checkpoints")}`,
      "--conf",
      `spark.driver.extraJavaOptions=-Dderby.system.home=${stateDir}`,
    ],
    {
      // Detached: its own process group, so a Ctrl-C (or a Jupyter interrupt) aimed at whoever
      // started it does not take the server down with it.
      detached: true,
      stdio: ["ignore", out, out],
      cwd: stateDir,
      env,
    },
  );
  child.unref();
  fs.closeSync(out);
  return child.pid;
}

async function waitUntilReady(pid, port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return "exited";
    const log = fs.readFileSync(logFile, "utf8");
    if (PORT_TAKEN.test(log)) return "port-taken";
    if (STARTED.test(log) && (await canConnect(port))) return "ready";
    await sleep(250);
  }
  return "timeout";
}

/** Starts the server unless one runs already; resolves to its state ({ pid, port, url, log }). */
export async function start({ port, timeoutMs = 180_000 } = {}) {
  const running = runningServer();
  if (running) return running;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const chosen = port ?? (await freePort());
    const pid = launch(chosen);
    const outcome = await waitUntilReady(pid, chosen, timeoutMs);
    if (outcome === "ready") {
      const state = { pid, port: chosen, url: `sc://${LOOPBACK}:${chosen}`, log: logFile };
      fs.writeFileSync(stateFile, JSON.stringify(state, null, 2) + "\n");
      return state;
    }
    await terminateGroups([pid]);
    // Another process took the port between our probe and the server's bind: pick another one.
    if (outcome === "port-taken" && port === undefined) continue;
    throw new Error(`Spark Connect server did not start (${outcome}). Log tail:\n${logTail()}`);
  }
  throw new Error(`Spark Connect server found no free port. Log tail:\n${logTail()}`);
}

/** Stops the server this project started, if any. */
export async function stop() {
  const running = runningServer();
  if (running) await terminateGroups([running.pid]);
  fs.rmSync(stateFile, { force: true });
  return running;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { port: { type: "string" }, lines: { type: "string", default: "40" } },
  });
  const command = positionals[0] ?? "status";
  if (command === "start") {
    const state = await start({ port: values.port ? Number(values.port) : undefined });
    console.log(state.url);
  } else if (command === "stop") {
    const stopped = await stop();
    console.log(stopped ? `stopped ${stopped.url}` : "no server was running");
  } else if (command === "status") {
    const running = runningServer();
    if (!running) {
      console.log("no server running");
      process.exitCode = 1;
    } else console.log(running.url);
  } else if (command === "log") {
    console.log(logTail(Number(values.lines)));
  } else {
    console.error(`unknown command ${command}: use start, stop, status or log`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
