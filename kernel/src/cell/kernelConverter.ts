// The converter the kernel runs cells through: tslab's, with its diagnostics read in full, the
// top-level await repairs, each cell's code noted for tracing errors back to the cell, and the
// DataFrames of earlier cells typed from their schemas.
import type { Converter, ConvertResult } from "tslab/dist/converter";
import { fullDiagnostics } from "./cellDiagnostics";
import { takeCompilerDiagnostics } from "./compilerTap";
import { kernelCells, withCellScripts, type CompiledCells } from "./compiledCells";
import { withSchemaTypes, type SchemaTypes } from "./schemaTypes";
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

/** What {@link kernelConverter} keeps its notes in. */
export interface KernelConverterNotes {
  /** Where cells' code is noted (by default the kernel's). */
  readonly cells?: CompiledCells;
  /** Where the DataFrames cells bind are noted and typed; without it, none is. */
  readonly types?: SchemaTypes;
}

/**
 * tslab's `converter` as the kernel uses it.
 *
 * @example
 * ```ts
 * const node = kernelConverter(createConverter({ isJS: false, isBrowser: false }), { types: new SchemaTypes(() => locals) });
 * ```
 */
export function kernelConverter(converter: Converter, notes: KernelConverterNotes = {}): Converter {
  const converted = withCellScripts(withTopLevelAwaitFix(withFullDiagnostics(converter)), notes.cells ?? kernelCells);
  return notes.types ? withSchemaTypes(converted, notes.types) : converted;
}
