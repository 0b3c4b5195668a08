// `npx spark-ts-kernel install` runs from npm's temporary npx cache, which npm may delete at any
// time; a kernelspec pointing there would break later. So an install from there first copies the
// package with its dependencies to a stable folder beside Jupyter's data, and points at that.
import fs from "node:fs";
import path from "node:path";
import { assertReplaceable, entryOf, readsAsJson } from "./ownedFolder";

/** This package's name in package.json, which a runtime copy holds under node_modules. */
const PACKAGE_NAME = "spark-ts-kernel";

/** This package's root folder (where package.json is), from this module's place in it. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("spark-ts-kernel: cannot find its own package.json");
    dir = parent;
  }
  return dir;
}

/** Whether `root` lies in npm's npx cache (`…/_npx/<hash>/node_modules/spark-ts-kernel`). */
export function isTemporaryInstall(root: string): boolean {
  return root.split(/[\\/]/).includes("_npx");
}

/**
 * Where the runtime copy of `version` goes: `<dataDir>/spark-ts-kernel/runtime/<version>`, checked
 * to be one folder inside `runtime` (a version is one folder name, never `.` or `..`) and to be
 * absent or a copy this package made. Throws {@link NotOursError} otherwise.
 */
export function runtimeDirFor(dataDir: string, version: string): string {
  const dir = entryOf(path.join(dataDir, PACKAGE_NAME, "runtime"), version);
  assertReplaceable(dir, isRuntimeCopy);
  return dir;
}

/** Whether `dir` is a runtime copy made by {@link copyRuntime}: it holds this package under node_modules. */
export function isRuntimeCopy(dir: string): boolean {
  return readsAsJson(
    path.join(dir, "node_modules", PACKAGE_NAME, "package.json"),
    (value) => (value as { name?: unknown } | null)?.name === PACKAGE_NAME,
  );
}

/**
 * Copies the `node_modules` tree that holds the package at `root` (the package and its hoisted
 * dependencies) into `<runtimeDir>/node_modules`, replacing an older copy (only one this package
 * made: see {@link runtimeDirFor}), and returns the package's root inside the copy. A package
 * already running from `runtimeDir` is left where it is.
 */
export function copyRuntime(root: string, runtimeDir: string): string {
  const modules = path.dirname(root);
  if (path.basename(modules) !== "node_modules") {
    throw new Error(`spark-ts-kernel: expected to run from a node_modules folder, not ${root}`);
  }
  if (path.resolve(modules) === path.resolve(runtimeDir, "node_modules")) return root;
  assertReplaceable(runtimeDir, isRuntimeCopy);
  fs.mkdirSync(path.dirname(runtimeDir), { recursive: true });
  // A fresh folder of its own beside the copy: nothing of anyone else's is ever in the way.
  const staging = fs.mkdtempSync(`${runtimeDir}.partial-`);
  try {
    // verbatimSymlinks keeps node_modules/.bin links relative, so the copy stands on its own.
    fs.cpSync(modules, path.join(staging, "node_modules"), { recursive: true, verbatimSymlinks: true });
    // Checked again: the copy takes a while, and what is at runtimeDir may have changed meanwhile.
    assertReplaceable(runtimeDir, isRuntimeCopy);
    fs.rmSync(runtimeDir, { recursive: true, force: true });
    fs.renameSync(staging, runtimeDir);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return path.join(runtimeDir, "node_modules", path.basename(root));
}
