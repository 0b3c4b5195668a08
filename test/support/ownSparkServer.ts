import { execFile } from "node:child_process";
import path from "node:path";

const script = path.resolve(__dirname, "..", "..", "scripts", "spark-server.mjs");

/**
 * Drives a Spark Connect server of a test's own (not the shared test server), kept in its own
 * state folder: `ownSparkServer(dir, "start")` resolves to its sc:// address, "stop" stops it.
 */
export function ownSparkServer(stateDir: string, ...args: string[]): Promise<string> {
  return ownSparkServerWith({}, stateDir, ...args);
}

/** {@link ownSparkServer} with more environment for the server (`SPARK_CONNECT_AUTHENTICATE_TOKEN`, say). */
export function ownSparkServerWith(env: NodeJS.ProcessEnv, stateDir: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { ...process.env, ...env, SPARK_TS_STATE_DIR: stateDir, SPARK_TS_DRIVER_MEMORY: "1g" }, timeout: 240_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${args.join(" ")}: ${stderr || error.message}`)) : resolve(stdout.trim())),
    );
  });
}
