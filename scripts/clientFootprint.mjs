// What a Node service gets when it installs the client, spark-ts, alone: its packed tarball
// installed with --omit=dev into an empty project, as a service author would. Prints the figures
// as one JSON line: bytes on disk, the packages installed, those with install scripts, native
// binaries, and which of the notebook stack's packages came along (none should).
//
//   node scripts/clientFootprint.mjs      (after npm run build)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Packages of the notebook kernel's stack, which a service must not get with the client. */
export const NOTEBOOK_STACK = [
  "tslab",
  "@tslab/typescript-for-tslab",
  "zeromq",
  "vega",
  "vega-lite",
  "typescript",
  "rollup",
  "spark-ts-kernel",
];

function sizeOf(dir) {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += sizeOf(full);
    else if (entry.isFile()) bytes += fs.statSync(full).size;
  }
  return bytes;
}

/** Every package folder under `modules` (scoped ones and nested node_modules included). */
function packagesIn(modules) {
  const found = [];
  if (!fs.existsSync(modules)) return found;
  for (const entry of fs.readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const dirs = entry.name.startsWith("@")
      ? fs.readdirSync(path.join(modules, entry.name)).map((name) => path.join(modules, entry.name, name))
      : [path.join(modules, entry.name)];
    for (const dir of dirs) {
      if (!fs.existsSync(path.join(dir, "package.json"))) continue;
      found.push(dir, ...packagesIn(path.join(dir, "node_modules")));
    }
  }
  return found;
}

function nativeFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".node"))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** Packs the client, installs it alone into an empty project, and measures what arrived. */
export function measureClientFootprint() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-footprint-"));
  try {
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", scratch], { cwd: root, encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1);
    const project = path.join(scratch, "service");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "a-service", version: "1.0.0", private: true }));
    execFileSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error", path.join(scratch, tarball)], {
      cwd: project,
      stdio: "ignore",
    });
    const modules = path.join(project, "node_modules");
    const packages = packagesIn(modules).map((dir) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
      const scripts = manifest.scripts ?? {};
      return {
        name: manifest.name,
        installScript: ["preinstall", "install", "postinstall"].some((s) => s in scripts) || manifest.gypfile === true,
      };
    });
    return {
      bytes: sizeOf(modules),
      packages: packages.length,
      names: packages.map((p) => p.name).sort(),
      installScripts: packages.filter((p) => p.installScript).map((p) => p.name),
      native: nativeFiles(modules).map((file) => path.relative(modules, file)),
      notebookStack: packages.map((p) => p.name).filter((name) => NOTEBOOK_STACK.includes(name)),
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = measureClientFootprint();
  console.log(`spark-ts installed alone: ${(figures.bytes / 2 ** 20).toFixed(1)} MiB in ${figures.packages} packages`);
  console.log(JSON.stringify(figures));
}
