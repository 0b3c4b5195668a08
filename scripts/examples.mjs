#!/usr/bin/env node
// Re-runs the example notebooks with the real kernel and saves their outputs (what GitHub shows).
//
//   node scripts/examples.mjs [examples/x.ipynb ...]      (npm run examples)
//
// Uses SPARK_REMOTE, else the project's local server (started if none runs). The kernel is
// installed for the run only, into a temporary Jupyter prefix.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { start } from "./spark-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = path.join(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"), "bin", "python");
const remote = process.env.SPARK_REMOTE ?? (await start()).url;
const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-examples-"));
try {
  execFileSync(
    process.execPath,
    [path.join(root, "kernel", "bin", "spark-ts-kernel.js"), "install", "--prefix", prefix, "--name", "spark-ts", "--remote", remote],
    { stdio: "inherit" },
  );
  const notebooks =
    process.argv.length > 2
      ? process.argv.slice(2)
      : fs
          .readdirSync(path.join(root, "examples"))
          .filter((f) => f.endsWith(".ipynb"))
          .sort()
          .map((f) => path.join("examples", f));
  execFileSync(python, [path.join(root, "scripts", "notebooks.py"), "run", "--kernel", "spark-ts", ...notebooks], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, JUPYTER_PATH: path.join(prefix, "share", "jupyter") },
  });
} finally {
  fs.rmSync(prefix, { recursive: true, force: true });
}
