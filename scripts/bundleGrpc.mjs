#!/usr/bin/env node
// Bundles @grpc/grpc-js into the client's build (npm run build, after tsc): dist/connect/grpc.js,
// which tsc compiles to a re-export of grpc-js, becomes that re-export with grpc-js inside it. The
// published spark-ts then needs no gRPC packages at install time (src/connect/grpc.ts says why).
//
// Left out: @grpc/proto-loader. grpc-js loads it lazily, only to serve the channelz and ORCA admin
// services, which read .proto files from grpc-js's own folder and so cannot run from any bundle;
// a client never serves them. The build fails if the bundle needs any other package at run time.
// The licenses of what was bundled go to dist/BUNDLED-LICENSES.txt.
//
//   node scripts/bundleGrpc.mjs       (after tsc -p tsconfig.build.json; npm pack runs it too)
import { builtinModules } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "dist", "connect", "grpc.js");
const NOT_BUNDLED = ["@grpc/proto-loader"];
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const HEADER = "// @grpc/grpc-js, bundled by scripts/bundleGrpc.mjs; its license and its dependencies' are in ../BUNDLED-LICENSES.txt.\n";
const compiled = fs.readFileSync(target, "utf8");
// Also run before every `npm pack` (prepack): a later tsc run alone puts the re-export back.
if (compiled.startsWith(HEADER) && fs.existsSync(path.join(root, "dist", "BUNDLED-LICENSES.txt"))) {
  console.log(`bundleGrpc: ${path.relative(root, target)} is already the bundle`);
  process.exit(0);
}
if (!compiled.includes('require("@grpc/grpc-js")')) {
  throw new Error(`bundleGrpc: ${path.relative(root, target)} is neither tsc's re-export of @grpc/grpc-js nor its bundle`);
}

const result = await build({
  stdin: { contents: compiled, resolveDir: root, sourcefile: "connect/grpc.js", loader: "js" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: NOT_BUNDLED,
  legalComments: "none",
  metafile: true,
  write: false,
  logLevel: "warning",
});

// Whatever the bundle still requires must be Node's own or deliberately left out.
const [output] = Object.values(result.metafile.outputs);
const foreign = output.imports.filter((entry) => entry.external && !builtins.has(entry.path) && !NOT_BUNDLED.includes(entry.path));
if (foreign.length) throw new Error(`bundleGrpc: the bundle would need ${foreign.map((entry) => entry.path).join(", ")} at run time`);

fs.writeFileSync(target, HEADER + result.outputFiles[0].text);
// tsc's source map described the re-export; nothing maps the bundle back to grpc-js's sources.
fs.rmSync(`${target}.map`, { force: true });

/** The folder of the package an input file belongs to (the innermost node_modules entry). */
function packageDirOf(input) {
  const parts = input.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) return undefined;
  const length = parts[at + 1].startsWith("@") ? 3 : 2;
  return parts.slice(0, at + length).join("/");
}

const packages = [...new Set(Object.keys(result.metafile.inputs).map(packageDirOf).filter(Boolean))].sort();
const notices = packages.map((dir) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, "package.json"), "utf8"));
  const texts = fs
    .readdirSync(path.join(root, dir))
    .filter((name) => /^(licen[cs]e|notice)/i.test(name))
    .map((name) => fs.readFileSync(path.join(root, dir, name), "utf8").trim());
  if (!texts.length) throw new Error(`bundleGrpc: ${manifest.name} has no license file to ship with its bundled code`);
  return [`${manifest.name} ${manifest.version} (${manifest.license})`, "-".repeat(72), ...texts].join("\n\n");
});
fs.writeFileSync(
  path.join(root, "dist", "BUNDLED-LICENSES.txt"),
  `dist/connect/grpc.js contains these packages, bundled unchanged:\n\n${notices.join("\n\n\n")}\n`,
);
console.log(
  `bundleGrpc: ${packages.map((dir) => dir.replace(/^.*node_modules\//, "")).join(", ")} -> ${path.relative(root, target)} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB)`,
);
