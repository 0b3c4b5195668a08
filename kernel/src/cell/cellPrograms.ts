// The programs tslab's converter checks and emits cells with. tslab compiles through the
// compiler's watch API, whose default program is a "builder" program made for `tsc --watch`: for
// every new program (one or two per cell) it works out which files each of the program's ~460
// files imports, by asking a type checker about every import of every declaration file, and
// hashes what changed. The converter uses none of that but the files a cell imports, yet it cost
// more than half of a cell's compile time. Here the watch gets plain programs instead, each
// reusing the files of the one before; a cell's dependencies are followed from the cell itself,
// and only when asked for.
//
// Two more things tslab's converter needs of the watch, and gets here:
// - the names a cell declares, which it reads off the cell's file right after the program is
//   made: the cell's file is bound when it is asked for (a plain program binds its files only
//   when its type checker is made, which the converter's first pass over a cell does not need);
// - one timer at a time: tslab runs the watch's timer itself, at each cell, and throws when the
//   watch starts a second one, which the watch does when a folder that a failed import looked in
//   changes (a file created beside the notebook, an `npm install`). Every kernel cell failed
//   from then on. Here the watch's timers share the one tslab runs.
import type * as TypeScript from "@tslab/typescript-for-tslab";
import type { CompilerView } from "../startup/compilerModule";

type Program = TypeScript.Program;
type SourceFile = TypeScript.SourceFile;
type CompilerOptions = TypeScript.CompilerOptions;

/** The builder program the watch API expects, with the members it uses beyond the public ones. */
type CellBuilder = TypeScript.BuilderProgram & { getProgramOrUndefined(): Program | undefined };

/** The compiler's functions used here beyond its public API (tslab pins the compiler). */
type Compiler = typeof TypeScript & {
  bindSourceFile(file: SourceFile, options: CompilerOptions): void;
  getResolvedModule(file: SourceFile, moduleName: string, mode: TypeScript.ResolutionMode): TypeScript.ResolvedModuleFull | undefined;
  isGlobalScopeAugmentation(module: TypeScript.ModuleDeclaration): boolean;
  isExternalOrCommonJsModule(file: SourceFile): boolean;
};

type InternalSourceFile = SourceFile & {
  readonly locals?: unknown;
  readonly imports: readonly TypeScript.StringLiteralLike[];
  readonly moduleAugmentations: readonly (TypeScript.StringLiteral | TypeScript.Identifier)[];
};

type CreateProgram = TypeScript.CreateProgram<TypeScript.BuilderProgram>;

/**
 * The files `file` depends on, itself first: those its imports and `/// <reference path>`s name,
 * and theirs, as the builder program answers (a cell's own modules are what tslab wants: the
 * walk does not go on through declaration files). A file that changes the global scope affects
 * every file, as the builder program says too.
 */
export function dependenciesOf(compiler: typeof TypeScript, program: Program, file: SourceFile): string[] {
  const ts = compiler as Compiler;
  const affectsGlobalScope = (f: SourceFile) =>
    !ts.isExternalOrCommonJsModule(f) ||
    (f as InternalSourceFile).moduleAugmentations.some(
      (name) => ts.isModuleDeclaration(name.parent) && ts.isGlobalScopeAugmentation(name.parent),
    );
  if (affectsGlobalScope(file)) return program.getSourceFiles().map((f) => f.fileName);
  const seen = new Set<SourceFile>();
  const queue = [file];
  const names: string[] = [];
  while (queue.length) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    names.push(next.fileName);
    if (next.isDeclarationFile && next !== file) continue;
    for (const literal of (next as InternalSourceFile).imports) {
      const resolved = ts.getResolvedModule(next, literal.text, ts.getModeForUsageLocation(next, literal));
      const dependency = resolved && program.getSourceFile(resolved.resolvedFileName);
      if (dependency) queue.push(dependency);
    }
    for (const reference of next.referencedFiles) {
      const dependency = program.getSourceFile(ts.resolveTripleslashReference(reference.fileName, next.fileName));
      if (dependency) queue.push(dependency);
    }
  }
  return names;
}

/** Whether `a` and `b` hold the very same files (so whatever was checked in one holds in the other). */
function sameFiles(a: Program, b: Program): boolean {
  const [filesA, filesB] = [a.getSourceFiles(), b.getSourceFiles()];
  if (filesA.length !== filesB.length) return false;
  for (let i = 0; i < filesA.length; i++) if (filesA[i] !== filesB[i]) return false;
  return true;
}

/**
 * The program maker for the watch: a plain program reusing the last one's files, or the last one
 * itself when nothing in it changed (then its type checker and what it found are reused too).
 */
export function cellProgramMaker(compiler: typeof TypeScript): CreateProgram {
  const ts = compiler as Compiler;
  return (rootNames, options, host, oldBuilder, configFileParsingDiagnostics, projectReferences) => {
    const old = oldBuilder as CellBuilder | undefined;
    // Only a config file's watch asks again without root names; tslab's has none.
    if (rootNames === undefined || options === undefined || host === undefined) {
      if (!old) throw new Error("the compiler asked to remake a program that was never made");
      return old;
    }
    const abstract = ts.createAbstractBuilder(rootNames, options, host, old, configFileParsingDiagnostics, projectReferences);
    const program = abstract.getProgram();
    const previous = old?.getProgramOrUndefined();
    if (old && previous && sameFiles(previous, program)) return old;
    return Object.assign(abstract, {
      getSourceFile(fileName: string): SourceFile | undefined {
        const file = program.getSourceFile(fileName) as InternalSourceFile | undefined;
        // Binding is what a type checker starts with, per file; a bound file is not bound again.
        if (file && file.locals === undefined) ts.bindSourceFile(file, program.getCompilerOptions());
        return file;
      },
      getAllDependencies: (file: SourceFile): readonly string[] => dependenciesOf(ts, program, file),
    });
  };
}

/**
 * A watch host's timers made to share one of the host's own (`host.setTimeout`), which runs all
 * that are due: tslab's converter keeps a single timer and runs it by hand.
 */
export function sharedTimers(host: Pick<TypeScript.WatchHost, "setTimeout" | "clearTimeout">): void {
  const setTimer = host.setTimeout?.bind(host);
  const clearTimer = host.clearTimeout?.bind(host);
  if (!setTimer || !clearTimer) return;
  const due = new Map<object, () => void>();
  let timer: unknown;
  let running = false;
  const runDue = () => {
    running = true;
    try {
      // Callbacks may set timers again: those run in the same turn (tslab allows no new timer
      // until its own has returned).
      for (const [handle, callback] of due) {
        due.delete(handle);
        callback();
      }
    } finally {
      running = false;
      timer = undefined;
    }
  };
  host.setTimeout = (callback: (...args: unknown[]) => void, _ms: number, ...args: unknown[]) => {
    const handle = {};
    due.set(handle, () => callback(...args));
    if (!running && timer === undefined) timer = setTimer(runDue, 0);
    return handle;
  };
  host.clearTimeout = (handle: unknown) => {
    due.delete(handle as object);
    if (due.size === 0 && timer !== undefined && !running) {
      clearTimer(timer);
      timer = undefined;
    }
  };
}

const installed = new WeakSet<CompilerView>();

/**
 * Makes the watch programs made through `view` from now on use {@link cellProgramMaker} (unless
 * their maker is given) and {@link sharedTimers}. Once per view.
 *
 * @example
 * ```ts
 * useCellPrograms(installCompilerView(ts, compilerFile));
 * ```
 */
export function useCellPrograms(view: CompilerView): void {
  if (installed.has(view)) return;
  installed.add(view);
  const maker = cellProgramMaker(view.ts);
  // The watch API's default maker, as everyone who asks the view for it gets it (sourceFileCache.ts).
  view.wrap("createEmitAndSemanticDiagnosticsBuilderProgram", () => maker as (...args: unknown[]) => unknown);
  view.wrap("createWatchCompilerHost", (createWatchCompilerHost) => (...args: unknown[]) => {
    // (rootFiles, options, system, createProgram, ...)
    const make = args[3] ?? view.module.createEmitAndSemanticDiagnosticsBuilderProgram;
    const host = createWatchCompilerHost(args[0], args[1], args[2], make, ...args.slice(4)) as TypeScript.WatchHost;
    sharedTimers(host);
    return host;
  });
}
