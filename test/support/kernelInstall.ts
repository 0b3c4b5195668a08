import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** The project venv's executables (Python, jupyter). */
export function venvBin(name: string): string {
  return path.join(process.env.SPARK_TS_VENV ?? path.join(root, ".venv"), "bin", name);
}

/** A kernel installed by the real CLI into a temporary Jupyter prefix, and the env that finds it. */
export interface InstalledTestKernel {
  readonly name: string;
  /** Environment for Jupyter processes: JUPYTER_PATH and a private data/runtime dir. */
  readonly env: NodeJS.ProcessEnv;
  readonly dir: string;
  remove(): void;
}

/**
 * Installs the built kernel (`kernel/bin/spark-ts-kernel.js install --prefix`) under a temp folder, with
 * `--remote` set to the test server unless `remote` says otherwise.
 */
export function installTestKernel(options: { name?: string; remote?: string; extraArgs?: string[] } = {}): InstalledTestKernel {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-kernel-test-"));
  const name = options.name ?? `spark-ts-test-${process.pid}`;
  const remote = options.remote ?? process.env.SPARK_REMOTE;
  const args = [path.join(root, "kernel", "bin", "spark-ts-kernel.js"), "install", "--prefix", dir, "--name", name];
  if (remote) args.push("--remote", remote);
  execFileSync(process.execPath, [...args, ...(options.extraArgs ?? [])], { stdio: "pipe" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTER_PATH: path.join(dir, "share", "jupyter"),
    JUPYTER_DATA_DIR: path.join(dir, "data"),
    JUPYTER_RUNTIME_DIR: path.join(dir, "runtime"),
    JUPYTER_CONFIG_DIR: path.join(dir, "config"),
    JUPYTER_PLATFORM_DIRS: "1",
  };
  return { name, env, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
