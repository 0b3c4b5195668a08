// Gives tslab's compiler the declaration files a startup snapshot parsed, in place of parsing them
// again. tslab builds its program through the compiler's watch API with no way to pass a cache,
// so the hook sits where the watch program hands its compiler host to the program builder.
//
// A file is served from the snapshot only when it is still what was parsed (same size and
// modification time on disk), the compiler asks for the same language version, and it has not
// been served under another name; anything else is parsed as usual.
import fs from "node:fs";
import type * as TypeScript from "@tslab/typescript-for-tslab";
import type { CompilerView } from "./compilerModule";
import type { SnapshotSource } from "./snapshotManifest";

type CompilerHost = TypeScript.CompilerHost & {
  getSourceFileByPath?: (fileName: string, path: TypeScript.Path, ...rest: SourceFileRequest) => TypeScript.SourceFile | undefined;
};
type SourceFileRequest = [
  languageVersionOrOptions: TypeScript.ScriptTarget | TypeScript.CreateSourceFileOptions,
  onError?: (message: string) => void,
  shouldCreateNewSourceFile?: boolean,
];
type CreateProgram = (...args: unknown[]) => unknown;

/** How many requests the cache answered and how many it passed on; `stop` ends the serving for watch programs made after. */
export interface SourceFileCacheStats {
  served: number;
  parsed: number;
  stop(): void;
}

/** How served files are marked. */
export interface ServeOptions {
  /**
   * Whether served files carry a version (the default). The compiler's builder programs need one
   * to find changed files. Without one, the watch program takes a served file as up to date
   * (it never changes: it is served only while unchanged on disk), so that a cell that changes
   * nothing makes no new program; the kernel's cell programs (../cell/cellPrograms.ts) need none.
   */
  readonly versions?: boolean;
}

/**
 * Makes programs that the compiler's watch API creates from now on take their source files from `files`
 * (keyed by path on disk) when they are still valid. `fileOnDisk` maps a path the compiler asks
 * about to the file it reads (the kernel's virtual node_modules, see packageImport.ts).
 */
export function serveSourceFiles(
  view: CompilerView,
  files: ReadonlyMap<string, SnapshotSource>,
  fileOnDisk: (file: string) => string,
  options: ServeOptions = {},
): SourceFileCacheStats {
  const versions = options.versions ?? true;
  const stats: SourceFileCacheStats = { served: 0, parsed: 0, stop: () => undefined };
  const servedAs = new Map<string, string>();
  const valid = new Map<string, boolean>();

  // The compiler asks for every file of a program each time it makes one (once or twice a cell):
  // what a name is served as is worked out once.
  const decided = new Map<string, SnapshotSource | null>();
  const entryFor = (fileName: string): SnapshotSource | undefined => {
    let entry = decided.get(fileName);
    if (entry === undefined) {
      entry = usable(fileName) ?? null;
      decided.set(fileName, entry);
    }
    return entry ?? undefined;
  };
  const usable = (fileName: string): SnapshotSource | undefined => {
    const disk = fileOnDisk(fileName);
    const entry = files.get(disk);
    if (entry === undefined) return undefined;
    if ((servedAs.get(disk) ?? fileName) !== fileName) return undefined;
    let fresh = valid.get(disk);
    if (fresh === undefined) {
      const stat = fs.statSync(disk, { throwIfNoEntry: false });
      fresh = stat !== undefined && stat.size === entry.size && stat.mtimeMs === entry.mtimeMs;
      valid.set(disk, fresh);
    }
    if (!fresh) return undefined;
    servedAs.set(disk, fileName);
    // The builder program compares versions to find changed files; this one never changes.
    (entry.sourceFile as { version?: string }).version = versions ? `snapshot:${entry.size}:${entry.mtimeMs}` : undefined;
    return entry;
  };
  const cached = (fileName: string, [languageVersionOrOptions, , createNew]: SourceFileRequest): TypeScript.SourceFile | undefined => {
    if (createNew) return undefined;
    const entry = entryFor(fileName);
    if (entry === undefined) return undefined;
    const wanted = typeof languageVersionOrOptions === "number" ? languageVersionOrOptions : languageVersionOrOptions.languageVersion;
    return entry.sourceFile.languageVersion === wanted ? entry.sourceFile : undefined;
  };

  const patched = new WeakSet<CompilerHost>();
  const patch = (host: CompilerHost): void => {
    if (patched.has(host)) return;
    patched.add(host);
    const serve = (fileName: string, request: SourceFileRequest, parse: () => TypeScript.SourceFile | undefined) => {
      const file = cached(fileName, request);
      if (file) stats.served++;
      else stats.parsed++;
      return file ?? parse();
    };
    const byName = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, ...request: SourceFileRequest) => serve(fileName, request, () => byName(fileName, ...request));
    const byPath = host.getSourceFileByPath?.bind(host);
    if (byPath) {
      host.getSourceFileByPath = (fileName, filePath, ...request: SourceFileRequest) =>
        serve(fileName, request, () => byPath(fileName, filePath, ...request));
    }
  };

  stats.stop = view.wrap("createWatchCompilerHost", (createWatchCompilerHost) => (...args: unknown[]) => {
    // (rootFiles, options, system, createProgram, ...): the program builder is the fourth; the
    // default one as the view gives it (see ../cell/cellPrograms.ts).
    const create = (args[3] ?? view.module.createEmitAndSemanticDiagnosticsBuilderProgram) as CreateProgram;
    const withCache: CreateProgram = (...programArgs: unknown[]) => {
      const host = programArgs[2] as CompilerHost | undefined;
      if (host) patch(host);
      return create(...programArgs);
    };
    return createWatchCompilerHost(args[0], args[1], args[2], withCache, ...args.slice(4));
  });
  return stats;
}
