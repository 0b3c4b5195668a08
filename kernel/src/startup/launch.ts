// Starts the kernel from its startup snapshot (startupSnapshot.ts) when it can. Node reads a
// snapshot only as a command-line flag, so the process Jupyter started runs the kernel as a child
// (`node --snapshot-blob <blob> ...`) and stands in for it: it passes on the signals Jupyter sends,
// and ends with it. The child watches its parent in turn, and ends if it is killed.
//
// A snapshot that is missing, from another Node.js or made with another compiler is not used, and
// a child that dies before the kernel has started hands the start back: the kernel then starts in
// this process, the ordinary way. This module loads only Node's own, to keep the stand-in small.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { descriptionPath, stampOf, type SnapshotDescription } from "./startupSnapshot";

/** The option of `spark-ts-kernel kernel` naming the snapshot (kernel.json passes it). */
export const SNAPSHOT_OPTION = "--startup-snapshot";

/** The message a child started from the snapshot sends once the kernel runs. */
export const STARTED_MESSAGE = "spark-ts-kernel:started";

/** Set in the child's environment, so it does not try again. */
const CHILD_ENV = "SPARK_TS_KERNEL_FROM_SNAPSHOT";

const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const;

/** Why the snapshot at `blob` cannot be used by this process, or undefined when it can. */
export function snapshotUnusable(blob: string): string | undefined {
  let description: SnapshotDescription;
  try {
    description = JSON.parse(fs.readFileSync(descriptionPath(blob), "utf8")) as SnapshotDescription;
  } catch {
    return "there is none";
  }
  if (description.nodeVersion !== process.version) return `it was built by Node.js ${description.nodeVersion}`;
  if (stampOf(blob)?.size !== description.size) return "its file is incomplete";
  const compiler = stampOf(description.compiler.path);
  if (compiler?.size !== description.compiler.size || compiler.mtimeMs !== description.compiler.mtimeMs) {
    return "the TypeScript compiler has changed since it was built";
  }
  return undefined;
}

/**
 * For `spark-ts-kernel kernel ... --startup-snapshot <blob>`: runs the kernel from the snapshot
 * in a child process and resolves to its exit code, or resolves to undefined when the kernel is to
 * start in this process instead (no usable snapshot, or the child could not start). `script` is
 * the command script the child names as its own.
 */
export async function runFromSnapshot(argv: readonly string[], script: string, log: (line: string) => void): Promise<number | undefined> {
  if (argv[0] !== "kernel" || process.env[CHILD_ENV] !== undefined) return undefined;
  const at = argv.findIndex((arg) => arg === SNAPSHOT_OPTION);
  const blob = at >= 0 ? argv[at + 1] : undefined;
  if (!blob) return undefined;
  const unusable = snapshotUnusable(blob);
  if (unusable !== undefined) {
    // No snapshot at all is a choice (install --no-snapshot), not news.
    if (unusable !== "there is none")
      log(`spark-ts-kernel: not starting from the startup snapshot: ${unusable} (run install again to rebuild it)`);
    return undefined;
  }
  const child = spawn(process.execPath, ["--snapshot-blob", blob, script, ...argv], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, [CHILD_ENV]: "1" },
    // Its own process group: Jupyter signals this process's group, and this process passes the
    // signals on once (an interrupt must not reach the kernel twice).
    detached: true,
  });
  let started = false;
  child.on("message", (message) => {
    if (message === STARTED_MESSAGE) started = true;
  });
  const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
  const handlers = FORWARDED_SIGNALS.map((signal) => [signal, forward(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.on("exit", (c, s) => resolve([c, s]));
  });
  for (const [name, handler] of handlers) process.off(name, handler);
  if (!started) {
    log(`spark-ts-kernel: the kernel did not start from the startup snapshot (${signal ?? `exit ${code}`}); starting without it`);
    return undefined;
  }
  return code ?? 128 + (signal ? os.constants.signals[signal] : 0);
}

/** In the child: tells the parent the kernel runs, and ends when the parent is gone. */
export function reportStartedFromSnapshot(): void {
  if (process.env[CHILD_ENV] === undefined || !process.send) return;
  process.send(STARTED_MESSAGE);
  process.on("disconnect", () => process.exit(0));
}
