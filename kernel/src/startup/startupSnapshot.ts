// The kernel's startup snapshot: a V8 heap (Node's `--build-snapshot`) holding tslab's TypeScript
// compiler with the declaration files of the kernel's first program parsed and bound. Parsing
// them (the Node and ES libraries, this package's types and its dependencies') is most of what a
// kernel start costs; from the snapshot a kernel reads them from memory instead.
//
// `install` builds one into the kernelspec folder. A snapshot only loads in the Node.js that built
// it, and holds the compiler as it was: launch.ts checks both before using it, and a kernel whose
// snapshot is missing or out of date starts the ordinary way.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SnapshotManifest } from "./snapshotManifest";

/** The snapshot's file name in a kernelspec folder; its description is beside it (`.json`). */
export const SNAPSHOT_FILE = "startup-snapshot.blob";

/** What a snapshot was built from, checked before a kernel starts from it. */
export interface SnapshotDescription {
  readonly nodeVersion: string;
  /** The compiler in the heap: it must still be the one tslab would load. */
  readonly compiler: FileStamp;
  /** The blob's own size (a truncated blob would crash Node rather than fail). */
  readonly size: number;
  readonly files: number;
}

/** A file as it was: size and modification time. */
export interface FileStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The stamp of `file` now, or undefined when it is gone. */
export function stampOf(file: string): FileStamp | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat && { path: file, size: stat.size, mtimeMs: stat.mtimeMs };
}

/** The description of the snapshot at `blob`. */
export function descriptionPath(blob: string): string {
  return `${blob}.json`;
}

/**
 * Builds the startup snapshot at `blob` (about five seconds) with the kernel modules in `modules`
 * (this package's, or an installed copy's): notes the files a starting kernel reads, then has
 * Node build the heap. Replaces an older one only once the new one is complete.
 *
 * @example
 * ```ts
 * const { files } = buildStartupSnapshot(path.join(kernelspecDir, SNAPSHOT_FILE));
 * ```
 */
export function buildStartupSnapshot(blob: string, modules: string = __dirname): SnapshotDescription {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-kernel-snapshot-"));
  const partial = `${blob}.partial-${process.pid}`;
  try {
    const manifestFile = path.join(work, "manifest.json");
    // An empty working folder: no node_modules or types of a project the snapshot must not hold.
    const folder = path.join(work, "cwd");
    fs.mkdirSync(folder);
    run([path.join(modules, "collectSources.js"), manifestFile], folder, {});
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as SnapshotManifest;
    run(["--snapshot-blob", partial, "--build-snapshot", path.join(modules, "snapshotEntry.js")], folder, {
      SPARK_TS_SNAPSHOT_MANIFEST: manifestFile,
    });
    const description: SnapshotDescription = {
      nodeVersion: process.version,
      compiler: stampOf(manifest.compiler)!,
      size: fs.statSync(partial).size,
      files: manifest.files.length,
    };
    fs.renameSync(partial, blob);
    fs.writeFileSync(descriptionPath(blob), JSON.stringify(description, null, 2) + "\n");
    return description;
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function run(args: string[], cwd: string, env: Record<string, string>): void {
  const result = spawnSync(process.execPath, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) {
    const why =
      result.error?.message ?? (result.stderr.trim().split("\n").slice(-5).join("\n") || `exit ${result.status ?? result.signal}`);
    throw new Error(`building the startup snapshot failed: ${why}`);
  }
}
