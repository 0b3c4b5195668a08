// `install`, `uninstall` and `list`: kernelspecs written where Jupyter looks, with no Python needed.
import fs from "node:fs";
import path from "node:path";
import { clientVersion } from "../../connect/credentials";
import {
  dataSearchPath,
  environmentPrefix,
  kernelsDir,
  prefixDataDir,
  processContext,
  userDataDir,
  type PathContext,
} from "./jupyterPaths";
import { copyRuntime, isTemporaryInstall, packageRoot } from "./runtimeCopy";
import { installedKernels, kernelJson, writeKernelspec, type InstalledKernel, type InterruptMode } from "./kernelspec";
import { buildStartupSnapshot, SNAPSHOT_FILE, type SnapshotDescription } from "../startup/startupSnapshot";

/** The default kernel name and display name. */
export const DEFAULT_KERNEL_NAME = "spark-ts";
export const DEFAULT_DISPLAY_NAME = "TypeScript (Spark)";

/** Where to install: the user's data dir, the active environment, or a prefix. */
export type InstallLocation = { readonly kind: "user" } | { readonly kind: "sys-prefix" } | { readonly kind: "prefix"; readonly prefix: string };

/** The Jupyter data dir a location stands for. */
export function locationDataDir(location: InstallLocation, ctx: PathContext = processContext()): string {
  switch (location.kind) {
    case "user":
      return userDataDir(ctx);
    case "prefix":
      return prefixDataDir(path.resolve(location.prefix));
    case "sys-prefix": {
      const prefix = environmentPrefix(ctx);
      if (!prefix) throw new Error("--sys-prefix needs an active Python environment (VIRTUAL_ENV or CONDA_PREFIX is not set)");
      return prefixDataDir(prefix);
    }
  }
}

/** What `install` was asked. */
export interface InstallOptions {
  readonly location: InstallLocation;
  readonly name?: string;
  readonly displayName?: string;
  readonly remote?: string;
  readonly interruptMode?: InterruptMode;
  /** Copy the package to a stable folder even when it does not run from the npx cache. */
  readonly copy?: boolean;
  /** Build the startup snapshot (default true): a kernel then starts about a second sooner. */
  readonly snapshot?: boolean;
}

/** What `install` did. */
export interface InstallResult {
  readonly dir: string;
  /** Where the package the kernel runs lives (a stable copy, or this package itself). */
  readonly runtime: string;
  /** The startup snapshot built, or why there is none (when one was asked for). */
  readonly snapshot?: { readonly built: SnapshotDescription; readonly seconds: number } | { readonly failed: string };
}

/**
 * Installs a kernelspec.
 *
 * @example
 * ```ts
 * install({ location: { kind: "user" }, name: "spark-prod", remote: "sc://spark.internal:15002" });
 * ```
 */
export function install(options: InstallOptions, ctx: PathContext = processContext()): InstallResult {
  const name = options.name ?? DEFAULT_KERNEL_NAME;
  const dataDir = locationDataDir(options.location, ctx);
  let root = packageRoot();
  const version = clientVersion();
  if (options.copy || isTemporaryInstall(root)) {
    root = copyRuntime(root, path.join(dataDir, "spark-ts-kernel", "runtime", version));
  }
  const spec = kernelJson({
    name,
    // Side-by-side kernels are told apart by their names.
    displayName: options.displayName ?? (name === DEFAULT_KERNEL_NAME ? DEFAULT_DISPLAY_NAME : `${DEFAULT_DISPLAY_NAME}: ${name}`),
    remote: options.remote,
    interruptMode: options.interruptMode ?? "signal",
    node: process.execPath,
    script: path.join(root, "bin", "spark-ts-kernel.js"),
    version,
    // Always named: the kernel starts without it while it is missing or out of date.
    startupSnapshot: path.join(kernelsDir(dataDir), name, SNAPSHOT_FILE),
  });
  const dir = writeKernelspec(kernelsDir(dataDir), spec, name, path.join(root, "kernel"));
  if (options.snapshot === false) return { dir, runtime: root };
  const started = performance.now();
  try {
    // Built by the installed copy's own modules, so it holds the files that copy's kernels read.
    const built = buildStartupSnapshot(path.join(dir, SNAPSHOT_FILE), path.join(root, "dist", "kernel", "startup"));
    return { dir, runtime: root, snapshot: { built, seconds: (performance.now() - started) / 1000 } };
  } catch (err) {
    return { dir, runtime: root, snapshot: { failed: err instanceof Error ? err.message : String(err) } };
  }
}

/** Removes a kernelspec of this package by name; resolves to the folder removed, if any. */
export function uninstall(name: string, location: InstallLocation | undefined, ctx: PathContext = processContext()): string[] {
  const dirs = location ? [locationDataDir(location, ctx)] : dataSearchPath(ctx);
  const removed: string[] = [];
  for (const dataDir of dirs) {
    const found = installedKernels(kernelsDir(dataDir)).find((k) => k.name === name);
    if (!found) continue;
    fs.rmSync(found.dir, { recursive: true, force: true });
    removed.push(found.dir);
  }
  return removed;
}

/** This package's kernelspecs in every folder Jupyter searches. */
export function list(ctx: PathContext = processContext()): InstalledKernel[] {
  return dataSearchPath(ctx).flatMap((dataDir) => installedKernels(kernelsDir(dataDir)));
}
