// `npx spark-ts-kernel install` runs from npm's temporary npx cache, which npm may delete at any
// time; a kernelspec pointing there would break later. So an install from there first copies the
// package with its dependencies to a stable folder beside Jupyter's data, and points at that.
import fs from "node:fs";
import path from "node:path";

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
 * Copies the `node_modules` tree that holds the package at `root` (the package and its hoisted
 * dependencies) into `<runtimeDir>/node_modules`, replacing an older copy, and returns the
 * package's root inside the copy.
 */
export function copyRuntime(root: string, runtimeDir: string): string {
  const modules = path.dirname(root);
  if (path.basename(modules) !== "node_modules") {
    throw new Error(`spark-ts-kernel: expected to run from a node_modules folder, not ${root}`);
  }
  const target = path.join(runtimeDir, "node_modules");
  const staging = `${runtimeDir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  // verbatimSymlinks keeps node_modules/.bin links relative, so the copy stands on its own.
  fs.cpSync(modules, path.join(staging, "node_modules"), { recursive: true, verbatimSymlinks: true });
  fs.rmSync(runtimeDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(runtimeDir), { recursive: true });
  fs.renameSync(staging, runtimeDir);
  return path.join(target, path.basename(root));
}
