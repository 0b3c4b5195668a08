// What every Spark process this project starts needs (the local server, the cluster, the servers
// of older lines): the Spark of a venv's pyspark, its environment, a free loopback port, and
// stopping a process group.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const LOOPBACK = "127.0.0.1";

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A port nothing listens on at 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** SPARK_HOME of the pyspark in `venv` (its wheel holds Spark's bin/, jars/ and sbin/). */
export function sparkHomeOf(venv) {
  const python = path.join(venv, "bin", "python");
  if (!fs.existsSync(python)) throw new Error(`no venv at ${venv}: run \`npm run setup\` first`);
  return execFileSync(python, ["-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))"], { encoding: "utf8" }).trim();
}

/**
 * The environment of a Spark process: that Spark, bound to loopback (SPARK_LOCAL_IP binds the web
 * UIs there too). A SPARK_HOME from elsewhere must not shadow it, and SPARK_REMOTE would start
 * Spark's launcher in Connect *client* mode, whose class path lacks the server.
 */
export function sparkEnv(sparkHome) {
  const env = { ...process.env, SPARK_HOME: sparkHome, SPARK_LOCAL_IP: LOOPBACK };
  delete env.SPARK_REMOTE;
  delete env.SPARK_CONNECT_MODE;
  return env;
}

/**
 * Stops process groups (negative pids: spark-submit with its JVM, a worker with the executors it
 * started): SIGTERM, up to 20 s to go, then SIGKILL.
 */
export async function terminateGroups(pids) {
  const signal = (pid, sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        // Already gone.
      }
    }
  };
  for (const pid of pids) signal(pid, "SIGTERM");
  for (let i = 0; i < 80 && pids.some(isAlive); i++) await sleep(250);
  for (const pid of pids) if (isAlive(pid)) signal(pid, "SIGKILL");
}
