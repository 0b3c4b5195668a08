// Finds the startup snapshot's manifest by doing what a starting kernel does, in a child process
// whose working folder is empty (startupSnapshot.ts runs it):
//
//   node collectSources.js <manifest.json>
//
// It patches the compiler's file system and Node's resolver as the kernel does, so it runs in a
// process of its own rather than in the install command's.
import fs from "node:fs";
import path from "node:path";
import { COMPILER_MODULE, installCompilerView } from "./compilerModule";
import type { SnapshotManifest } from "./snapshotManifest";

/** The compiler options that decide how a file parses and binds (the rest do not matter here). */
const PARSE_OPTIONS = ["target", "module", "moduleResolution", "moduleDetection", "jsx", "allowJs", "alwaysStrict", "strict"] as const;

function collect(out: string): void {
  const cwd = process.cwd();
  const compiler = require.resolve(COMPILER_MODULE);
  // Before tslab loads the compiler, so the options its converter uses can be noted.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiler's own module object, loaded from the path tslab will load it from
  const view = installCompilerView(require(compiler) as typeof import("@tslab/typescript-for-tslab"), compiler);
  let compilerOptions: Record<string, unknown> = {};
  view.wrap("createWatchCompilerHost", (createHost) => (...args: unknown[]) => {
    const options = args[1] as Record<string, unknown>;
    compilerOptions = Object.fromEntries(PARSE_OPTIONS.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]));
    return createHost(...args);
  });
  const read = new Set<string>();
  // Below the kernel's mapping (installed next), so these are the paths on disk.
  const { sys } = view.ts;
  const readFile = sys.readFile.bind(sys);
  sys.readFile = (file, encoding) => {
    const text = readFile(file, encoding);
    if (text !== undefined) read.add(path.resolve(file));
    return text;
  };
  // Required only now, once the view and the read log are in place: imports would load tslab
  // (and so the compiler) before them.
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded after the patches above, on purpose */
  const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
  const { packageRoot } = require("../install/runtimeCopy") as typeof import("../install/runtimeCopy");
  const { notebookDeclarations } = require("../notebook/globals") as typeof import("../notebook/globals");
  const { makePackageImportable } = require("../notebook/packageImport") as typeof import("../notebook/packageImport");
  /* eslint-enable @typescript-eslint/no-require-imports */
  makePackageImportable(packageRoot(), cwd);
  const converter = createConverter({ isJS: false, isBrowser: false });
  const result = converter.convert("", notebookDeclarations());
  converter.close();
  if (result.diagnostics.length > 0) {
    throw new Error(`the notebook globals do not type-check: ${result.diagnostics.map((d) => d.messageText).join("; ")}`);
  }
  const files = [...read]
    .filter((file) => /\.d\.(c|m)?ts$/.test(file) && !file.startsWith(cwd + path.sep))
    .sort()
    .map((file) => ({ path: file }));
  const manifest: SnapshotManifest = {
    compiler,
    compilerOptions,
    files,
    compilerView: require.resolve("./compilerModule"),
    cli: require.resolve("../cli"),
  };
  fs.writeFileSync(out, JSON.stringify(manifest));
}

const [out] = process.argv.slice(2);
if (!out) throw new Error("usage: collectSources.js <manifest.json>");
collect(out);
