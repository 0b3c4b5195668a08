// The converter the kernel runs cells through: tslab's, with its diagnostics read in full, the
// top-level await repairs, and each cell's code noted for tracing errors back to the cell.
import type { Converter, ConvertResult } from "tslab/dist/converter";
import { fullDiagnostics } from "./cellDiagnostics";
import { takeCompilerDiagnostics } from "./compilerTap";
import { kernelCells, withCellScripts, type CompiledCells } from "./compiledCells";
import { withTopLevelAwaitFix } from "./topLevelAwait";

/**
 * `converter` whose diagnostics are one per error, with TypeScript's message chain and hints
 * (cellDiagnostics.ts), read from the compiler through the tap (compilerTap.ts) when it is there.
 */
export function withFullDiagnostics(converter: Converter): Converter {
  return Object.assign(Object.create(converter) as Converter, {
    convert(prevDecl: string, src: string): ConvertResult {
      takeCompilerDiagnostics();
      const result = converter.convert(prevDecl, src);
      const compiled = takeCompilerDiagnostics();
      return result.diagnostics.length ? { ...result, diagnostics: fullDiagnostics(result.diagnostics, compiled) } : result;
    },
  });
}

/**
 * tslab's `converter` as the kernel uses it, noting cells in `cells`.
 *
 * @example
 * ```ts
 * const node = kernelConverter(createConverter({ isJS: false, isBrowser: false }));
 * ```
 */
export function kernelConverter(converter: Converter, cells: CompiledCells = kernelCells): Converter {
  return withCellScripts(withTopLevelAwaitFix(withFullDiagnostics(converter)), cells);
}
