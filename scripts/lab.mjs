#!/usr/bin/env node
// The notebook path on a machine without Docker: a local Spark Connect server (started here
// unless SPARK_REMOTE names one), this kernel installed into the project venv pointing at it,
// and JupyterLab on 127.0.0.1 serving examples/. Run `npm run setup` once before.
//
//   npm run lab            (LAB_PORT=8888 by default, JUPYTER_TOKEN to choose the token)
//
// Ctrl-C stops JupyterLab, and the Spark server too when this command started it.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runningServer, start, stop } from "./spark-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const venv = process.env.SPARK_TS_VENV ?? path.join(root, ".venv");
const python = path.join(venv, "bin", "python");
if (!fs.existsSync(python) || !fs.existsSync(path.join(root, "dist", "index.js"))) {
  console.error("lab: run `npm run setup` first (it makes the venv with JupyterLab and builds the package)");
  process.exit(1);
}

let startedServer = false;
let remote = process.env.SPARK_REMOTE;
if (!remote) {
  startedServer = runningServer() === undefined;
  remote = (await start()).url;
}
console.log(`lab: Spark Connect server at ${remote}`);

// Into the venv's share/jupyter, where this venv's JupyterLab looks first.
// The same installer the container image runs (kernel/Dockerfile).
execFileSync(
  "bash",
  [path.join(root, "scripts", "install-kernel.sh"), "--python", python, "--sys-prefix", "--name", "spark-ts", "--remote", remote],
  {
    stdio: "inherit",
  },
);

const token = process.env.JUPYTER_TOKEN ?? randomBytes(24).toString("hex");
const port = process.env.LAB_PORT ?? "8888";
// Containers and CI machines often run as root; JupyterLab refuses that unless told.
const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
const lab = spawn(
  python,
  [
    "-m",
    "jupyterlab",
    ...asRoot,
    "--no-browser",
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${port}`,
    "--ServerApp.port_retries=0",
    `--ServerApp.root_dir=${path.join(root, "examples")}`,
    `--IdentityProvider.token=${token}`,
  ],
  { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, VIRTUAL_ENV: venv } },
);

// JupyterLab prints its address with the token hidden; print the one to open, once it answers.
const url = `http://127.0.0.1:${port}/lab?token=${token}`;
(async () => {
  for (let tries = 0; tries < 240 && lab.exitCode === null; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/status`, { headers: { Authorization: `token ${token}` } })).ok) {
        console.log(`\nlab: JupyterLab is ready at ${url}\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
})();

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (lab.exitCode === null) lab.kill("SIGTERM");
  if (startedServer) await stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
lab.on("exit", (code) => void shutdown(code ?? 0));
