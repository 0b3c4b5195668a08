#!/usr/bin/env node
// Runs a Spark Connect server that cannot be told which address to listen on (Spark 3.5's takes
// every interface) so that nothing listens on the network all the same: the server runs in a
// network namespace of its own that has nothing but a loopback interface, and is reached from here
// through a Unix socket bridged to a port on 127.0.0.1. Needs `unshare` (util-linux) and `ip`, as
// root or with user namespaces. scripts/compat.mjs starts the Spark 3.5 line's server with it.
//
//   node scripts/namespaceServer.mjs bridge-in SOCKET PORT   (run inside the namespace by start())
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sparkEnv } from "./sparkProcess.mjs";

const self = fileURLToPath(import.meta.url);
/** The port the server listens on inside its namespace, where nothing else runs. */
const INNER_PORT = 15002;
const STARTED = /Spark Connect server started/;

/** Passes bytes both ways between a client socket and a new connection to `target`. */
function pipe(client, target) {
  const upstream = net.connect(target);
  client.pipe(upstream).pipe(client);
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on("error", end);
  upstream.on("error", end);
}

function launch({ sparkHome, stateDir, jars, socket, log }) {
  const inner = [
    "set -e",
    // A new network namespace starts with its loopback interface down.
    "ip link set lo up",
    `"${process.execPath}" "${self}" bridge-in "${socket}" ${INNER_PORT} &`,
    `exec "${sparkHome}/bin/spark-submit"` +
      (jars.length ? ` --jars "${jars.join(",")}"` : "") +
      " --class org.apache.spark.sql.connect.service.SparkConnectServer" +
      ` --driver-memory 1g --conf spark.connect.grpc.binding.port=${INNER_PORT} --conf spark.ui.enabled=false` +
      ` --conf spark.sql.shuffle.partitions=4 --conf spark.sql.warehouse.dir="${path.join(stateDir, "warehouse")}"` +
      ` --conf spark.driver.extraJavaOptions=-Dderby.system.home="${stateDir}"`,
  ].join("\n");
  // As root a network namespace needs nothing more; otherwise a user namespace comes with it.
  const unshare = process.getuid?.() === 0 ? ["--net"] : ["--net", "--map-root-user"];
  const env = sparkEnv(sparkHome);
  const out = fs.openSync(log, "w");
  const child = spawn("unshare", [...unshare, "bash", "-c", inner], { cwd: stateDir, env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  return child;
}

function logTail(log, lines = 30) {
  try {
    return fs.readFileSync(log, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/**
 * Starts the Connect server of the Spark at `sparkHome` (plus `jars`, e.g. a Connect jar its
 * distribution lacks) in a network namespace of its own, its log and warehouse in `stateDir`.
 * Resolves once it answers, to `{ url, pid, log, stop }`; `stop()` ends the server and the bridge.
 */
export async function start({ sparkHome, stateDir, jars = [], timeoutMs = 240_000 }) {
  fs.mkdirSync(stateDir, { recursive: true });
  const socket = path.join(stateDir, "connect.sock");
  const log = path.join(stateDir, "server.log");
  fs.rmSync(socket, { force: true });
  const server = launch({ sparkHome, stateDir, jars, socket, log });
  const bridge = net.createServer((client) => pipe(client, { path: socket }));
  const stop = async () => {
    bridge.close();
    try {
      // The negative pid signals the whole process group: unshare, spark-submit's JVM, the bridge.
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
    for (let i = 0; i < 80 && server.exitCode === null && server.signalCode === null; i++) await new Promise((r) => setTimeout(r, 250));
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // Gone.
    }
    fs.rmSync(socket, { force: true });
  };
  try {
    const deadline = Date.now() + timeoutMs;
    let ready = false;
    while (!ready && Date.now() < deadline && server.exitCode === null) {
      ready = STARTED.test(fs.readFileSync(log, "utf8")) && fs.existsSync(socket);
      if (!ready) await new Promise((r) => setTimeout(r, 500));
    }
    if (!ready) throw new Error(`the Spark Connect server did not start in its namespace. Log tail:\n${logTail(log)}`);
    await new Promise((resolve) => bridge.listen(0, "127.0.0.1", resolve));
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `sc://127.0.0.1:${bridge.address().port}`, pid: server.pid, log, stop };
}

// Inside the namespace: the Unix socket leads to the server's port.
if (process.argv[1] && path.resolve(process.argv[1]) === self && process.argv[2] === "bridge-in") {
  const [socket, port] = process.argv.slice(3);
  fs.rmSync(socket, { force: true });
  net.createServer((client) => pipe(client, { host: "127.0.0.1", port: Number(port) })).listen(socket);
}
