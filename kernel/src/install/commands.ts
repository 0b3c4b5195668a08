// `install`, `uninstall` and `list`: kernelspecs written where Jupyter looks, with no Python needed.
import fs from "node:fs";
import path from "node:path";
import { kernelVersion } from "../kernelVersion";
import {
  dataSearchPath,
  environmentPrefix,
  kernelsDir,
  prefixDataDir,
  processContext,
  userDataDir,
  type PathContext,
} from "./jupyterPaths";
import { copyRuntime, isTemporaryInstall, packageRoot, runtimeDirFor } from "./runtimeCopy";
import {
  installedKernels,
  isOurKernelspec,
  kernelJson,
  kernelName,
  kernelspecDir,
  secretsIn,
  writeKernelspec,
  type InstalledKernel,
  type InterruptMode,
} from "./kernelspec";
import { entryOf, NotOursError, removeIfOurs } from "./ownedFolder";
import { buildStartupSnapshot, SNAPSHOT_FILE, type SnapshotDescription } from "../startup/startupSnapshot";

/** The default kernel name and display name. */
export const DEFAULT_KERNEL_NAME = "spark-ts";
export const DEFAULT_DISPLAY_NAME = "TypeScript (Spark)";

/** Where to install: the user's data dir, the active environment, or a prefix. */
export type InstallLocation =
  { readonly kind: "user" } | { readonly kind: "sys-prefix" } | { readonly kind: "prefix"; readonly prefix: string };

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
  /** The server, written into kernel.json (owner-only when it holds a secret). */
  readonly remote?: string;
  /**
   * Instead of `remote`: the environment variable (e.g. `SPARK_REMOTE`) the kernel reads its server
   * from in the environment Jupyter starts it with; kernel.json then holds no connection string.
   */
  readonly remoteFromEnv?: string;
  readonly interruptMode?: InterruptMode;
  /**
   * The Spark UI's address (`http://driver:4040`), which progress displays link to; user info,
   * query and fragment are left out, since they may hold secrets.
   */
  readonly sparkUi?: string;
  /** Copy the package to a stable folder even when it does not run from the npx cache. */
  readonly copy?: boolean;
  /** Build the startup snapshot (default true): a kernel then starts about a second sooner. */
  readonly snapshot?: boolean;
}

/** What `install` did. */
export interface InstallResult {
  /** The kernel's name as Jupyter knows it (lower case). */
  readonly name: string;
  readonly dir: string;
  /**
   * The names of the secrets kernel.json holds (`token`, secret-looking headers), which make it
   * readable by its owner only; empty when it holds none.
   */
  readonly secrets: readonly string[];
  /** Where the package the kernel runs lives (a stable copy, or this package itself). */
  readonly runtime: string;
  /** The startup snapshot built, or why there is none (when one was asked for). */
  readonly snapshot?: { readonly built: SnapshotDescription; readonly seconds: number } | { readonly failed: string };
}

/**
 * Installs a kernelspec. It replaces only a kernelspec (and a runtime copy) this package wrote;
 * anything else in the way is a {@link NotOursError}, thrown before anything is written.
 *
 * @example
 * ```ts
 * install({ location: { kind: "user" }, name: "spark-prod", remote: "sc://spark.internal:15002" });
 * ```
 */
export function install(options: InstallOptions, ctx: PathContext = processContext()): InstallResult {
  const name = kernelName(options.name ?? DEFAULT_KERNEL_NAME);
  const dataDir = locationDataDir(options.location, ctx);
  let root = packageRoot();
  const version = kernelVersion();
  const copy = options.copy || isTemporaryInstall(root);
  const specOf = (script: string) =>
    kernelJson({
      name,
      // Side-by-side kernels are told apart by their names.
      displayName: options.displayName ?? (name === DEFAULT_KERNEL_NAME ? DEFAULT_DISPLAY_NAME : `${DEFAULT_DISPLAY_NAME}: ${name}`),
      remote: options.remote,
      remoteFromEnv: options.remoteFromEnv,
      interruptMode: options.interruptMode ?? "signal",
      sparkUi: options.sparkUi,
      node: process.execPath,
      script,
      version,
      // Always named: the kernel starts without it while it is missing or out of date.
      startupSnapshot: path.join(kernelsDir(dataDir), name, SNAPSHOT_FILE),
    });
  // Everything that can refuse does so before anything is written: the options, the kernelspec
  // folder and the runtime copy's folder.
  specOf(path.join(root, "bin", "spark-ts-kernel.js"));
  kernelspecDir(kernelsDir(dataDir), name);
  if (copy) root = copyRuntime(root, runtimeDirFor(dataDir, version));
  const spec = specOf(path.join(root, "bin", "spark-ts-kernel.js"));
  const dir = writeKernelspec(kernelsDir(dataDir), spec, name, root);
  const done = { name, dir, secrets: secretsIn(spec), runtime: root };
  if (options.snapshot === false) return done;
  const started = performance.now();
  try {
    // Built by the installed copy's own modules, so it holds the files that copy's kernels read.
    const built = buildStartupSnapshot(path.join(dir, SNAPSHOT_FILE), path.join(root, "dist", "startup"));
    return { ...done, snapshot: { built, seconds: (performance.now() - started) / 1000 } };
  } catch (err) {
    return { ...done, snapshot: { failed: err instanceof Error ? err.message : String(err) } };
  }
}

/** What `uninstall` did: the folders it removed, and those of the name it left alone (and why). */
export interface UninstallResult {
  readonly removed: readonly string[];
  readonly leftAlone: readonly NotOursError[];
}

/**
 * Removes the kernelspecs of this package named `name` (as Jupyter matches names: ignoring case)
 * from one location, or from every folder Jupyter searches. Only `<kernels>/<entry>` folders that
 * hold a kernel.json this package wrote are removed; a link, a file or another kernel of that name
 * is left alone and reported.
 *
 * @example
 * ```ts
 * uninstall("spark-prod", { kind: "user" }).removed; // ["/home/ada/.local/share/jupyter/kernels/spark-prod"]
 * ```
 */
export function uninstall(name: string, location: InstallLocation | undefined, ctx: PathContext = processContext()): UninstallResult {
  const wanted = kernelName(name);
  const dataDirs = location ? [locationDataDir(location, ctx)] : dataSearchPath(ctx);
  const removed: string[] = [];
  const leftAlone: NotOursError[] = [];
  for (const dataDir of dataDirs) {
    const kernels = kernelsDir(dataDir);
    for (const entry of entriesNamed(kernels, wanted)) {
      const dir = entryOf(kernels, entry);
      try {
        if (removeIfOurs(dir, isOurKernelspec)) removed.push(dir);
      } catch (err) {
        if (!(err instanceof NotOursError)) throw err;
        leftAlone.push(err);
      }
    }
  }
  return { removed, leftAlone };
}

/** The entries of `dir` that Jupyter would take for the kernel `name` (it compares in lower case). */
function entriesNamed(dir: string, name: string): string[] {
  try {
    return fs.readdirSync(dir).filter((entry) => entry.toLowerCase() === name);
  } catch {
    return [];
  }
}

/** This package's kernelspecs in every folder Jupyter searches. */
export function list(ctx: PathContext = processContext()): InstalledKernel[] {
  return dataSearchPath(ctx).flatMap((dataDir) => installedKernels(kernelsDir(dataDir)));
}
