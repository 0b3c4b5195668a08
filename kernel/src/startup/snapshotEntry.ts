// The script `node --build-snapshot` runs to make the kernel's startup snapshot (see
// startupSnapshot.ts): it loads the TypeScript compiler tslab uses, parses and binds the
// declaration files the kernel's first program reads, and leaves both in the heap that V8
// serializes. A kernel started from the snapshot finds them ready instead of spending a second
// on them.
//
// Node runs this file as a plain script whose `require` knows only Node's own modules. So it is
// not a module (no import or export: everything is inside the function below) and loads nothing
// else: not the compiler (evaluated from its file), not the rest of this package (required only
// once the snapshot has been deserialized, by then with the ordinary loader).
/* eslint-disable @typescript-eslint/no-require-imports -- a plain script: `require` is the only loader it has */
(function buildStartupSnapshot(manifestFile: string): void {
  type TypeScript = typeof import("@tslab/typescript-for-tslab");
  type CompilerOptions = import("@tslab/typescript-for-tslab").CompilerOptions;
  type SourceFile = import("@tslab/typescript-for-tslab").SourceFile;
  type Manifest = import("./snapshotManifest").SnapshotManifest;
  type Sources = import("./snapshotManifest").SnapshotSources;
  /** The compiler's functions used here beyond its public API (tslab pins the compiler). */
  type Compiler = TypeScript & {
    getEmitScriptTarget(options: CompilerOptions): import("@tslab/typescript-for-tslab").ScriptTarget;
    getSetExternalModuleIndicator(options: CompilerOptions): (file: SourceFile) => void;
    bindSourceFile(file: SourceFile, options: CompilerOptions): void;
  };

  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  const v8 = require("node:v8") as typeof import("node:v8");

  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;

  // The compiler's single-file CommonJS build, evaluated as `require` would; it requires only
  // Node's own modules (fs, path, os, ...), which this `require` serves.
  const compiled = { exports: {} as Compiler };
  const source = fs.readFileSync(manifest.compiler, "utf8");
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the compiler's file is the point (see above)
  const run = new Function("module", "exports", "require", "__filename", "__dirname", source) as (...args: unknown[]) => void;
  run(compiled, compiled.exports, require, manifest.compiler, path.dirname(manifest.compiler));
  const ts = compiled.exports;

  const options = manifest.compilerOptions as CompilerOptions;
  const parseOptions = {
    languageVersion: ts.getEmitScriptTarget(options),
    setExternalModuleIndicator: ts.getSetExternalModuleIndicator(options),
  };
  const files: Sources["files"] = new Map();
  for (const { path: file } of manifest.files) {
    const stat = fs.statSync(file);
    const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), parseOptions);
    // Binding is per file and the same in every program: a bound file is what tsserver reuses.
    ts.bindSourceFile(sourceFile, options);
    files.set(file, { sourceFile, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  const held: Sources = { compilerPath: manifest.compiler, ts, files };
  // snapshotManifest.ts's SNAPSHOT_KEY, which this script cannot import.
  (globalThis as Record<symbol, unknown>)[Symbol.for("spark-ts-kernel.startupSnapshot")] = held;

  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // The ordinary loader from here on. The compiler `require` returns must be the one in the
    // heap, so the parsed files and the compiler's own state agree: installed before the CLI loads.
    const nodeModule = require("node:module") as typeof import("node:module") & { enableCompileCache?: () => unknown };
    // As the command script does (bin/spark-ts-kernel.js), which a snapshot's start does not run.
    nodeModule.enableCompileCache?.();
    const load = nodeModule.createRequire(manifest.cli);
    (load(manifest.compilerView) as typeof import("./compilerModule")).installCompilerView(ts, manifest.compiler);
    const { main } = load(manifest.cli) as typeof import("../cli");
    // `node --snapshot-blob <blob> <bin script> kernel ...`: the arguments after the script.
    void main(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    });
  });
})(process.env.SPARK_TS_SNAPSHOT_MANIFEST ?? "");
