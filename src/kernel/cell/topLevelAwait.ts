// tslab learns that a cell awaits at its top level from the TypeScript diagnostics it gets, and
// TypeScript reports none for some cells, e.g. `await (await spark.sql(q)).collect()`; tslab then
// runs the cell in a plain function, where it is a syntax error. Compiling the output settles it.
import vm from "node:vm";
import type { Converter, ConvertResult } from "tslab/dist/converter";

function compiles(source: string): boolean {
  try {
    new vm.Script(source);
    return true;
  } catch {
    return false;
  }
}

/** Whether `output` needs tslab's async wrapper: it compiles only as an async function body. */
export function needsAsyncWrapper(output: string): boolean {
  return !compiles(`(function(exports, require) { ${output}\n})`) && compiles(`(async function(exports, require) { ${output}\n})`);
}

/** `converter`, with top-level await detected from the output whenever TypeScript missed it. */
export function withTopLevelAwaitFix(converter: Converter): Converter {
  return Object.assign(Object.create(converter) as Converter, {
    convert(prevDecl: string, src: string): ConvertResult {
      const result = converter.convert(prevDecl, src);
      if (result.output && !result.hasToplevelAwait && needsAsyncWrapper(result.output)) {
        return { ...result, hasToplevelAwait: true };
      }
      return result;
    },
  });
}
