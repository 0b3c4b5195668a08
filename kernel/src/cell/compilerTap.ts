// tslab hands on a cell's TypeScript diagnostics flattened: each link of a message chain becomes a
// diagnostic of its own at the same place (so one error reads as two or three), and TypeScript's
// related information ("Did you forget to use 'await'?") is dropped. To read the diagnostics as the
// compiler made them, the compiler module is seen through a view (../startup/compilerModule.ts)
// whose `getPreEmitDiagnosticsOfFiles`, the one call tslab's converter makes for them, keeps what it
// returned.
//
// The view must be in place before tslab's converter module loads (it takes the compiler module
// once): a process started from the startup snapshot has it from the start, and start.ts imports
// this module before anything of tslab.
import { createRequire } from "node:module";
import type * as TypeScript from "@tslab/typescript-for-tslab";
import { COMPILER_MODULE, installCompilerView, type CompilerView } from "../startup/compilerModule";

let tapped = false;
let last: readonly TypeScript.Diagnostic[] | undefined;

/** The view of the compiler tslab requires (its copy, wherever the package manager put it), installed if it is not yet. */
export function tslabCompilerView(): CompilerView {
  const fromTslab = createRequire(require.resolve("tslab/dist/converter"));
  const file = fromTslab.resolve(COMPILER_MODULE);
  return installCompilerView(fromTslab(COMPILER_MODULE) as typeof TypeScript, file);
}

/** Makes the compiler's diagnostics readable through {@link takeCompilerDiagnostics}; once per process. */
export function tapCompilerDiagnostics(): void {
  if (tapped) return;
  tapped = true;
  const view = tslabCompilerView();
  view.wrap("getPreEmitDiagnosticsOfFiles", (original) => (...args) => {
    const diagnostics = original(...args) as readonly TypeScript.Diagnostic[];
    last = diagnostics;
    return diagnostics;
  });
}

/**
 * The diagnostics the compiler returned to tslab since the last call, as it made them (undefined
 * when it was not asked, or when the tap is not installed).
 */
export function takeCompilerDiagnostics(): readonly TypeScript.Diagnostic[] | undefined {
  const taken = last;
  last = undefined;
  return taken;
}

tapCompilerDiagnostics();
