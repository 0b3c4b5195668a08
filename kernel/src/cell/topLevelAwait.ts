// tslab's TypeScript fork reads a top-level `await (` as a call of a function named `await` when it
// type-checks a cell: `const rows = await (await spark.sql(q)).collect()` then gets a wrong type
// (or crashes the declaration emitter), and tslab runs the cell in a plain function, where it is a
// syntax error. Two repairs, both invisible to the user:
// - before type-checking, such an operand is wrapped as `await Promise.resolve((...))`, which
//   means the same and parses the same in every mode;
// - after converting, output that compiles only as an async function body gets tslab's async
//   wrapper even when tslab did not see the await.
import vm from "node:vm";
import * as ts from "@tslab/typescript-for-tslab";
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

/**
 * `src` with every top-level `await (…)…` operand wrapped in `Promise.resolve(…)`; other code is
 * returned unchanged.
 *
 * @example
 * ```ts
 * unambiguousAwaits("const n = await (await f()).g();"); // "const n = await Promise.resolve((await f()).g());"
 * ```
 */
export function unambiguousAwaits(src: string): string {
  if (!/\bawait\s*\(/.test(src)) return src;
  // Parsed as a module (as tslab compiles it), where a top-level await is an await expression.
  const prefix = "export {};\n";
  const file = ts.createSourceFile("cell.ts", prefix + src, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const edits: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isAwaitExpression(node) && file.text[node.expression.getStart(file)] === "(") {
      edits.push({ start: node.expression.getStart(file) - prefix.length, end: node.expression.getEnd() - prefix.length });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Insert from the end of the text backwards, so every position still points into the original.
  const inserts = edits.flatMap(({ start, end }) => [
    { at: end, text: ")" },
    { at: start, text: "Promise.resolve(" },
  ]);
  let out = src;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/** `converter`, with the repairs above. */
export function withTopLevelAwaitFix(converter: Converter): Converter {
  return Object.assign(Object.create(converter) as Converter, {
    convert(prevDecl: string, src: string): ConvertResult {
      const result = converter.convert(prevDecl, unambiguousAwaits(src));
      if (result.output && !result.hasToplevelAwait && needsAsyncWrapper(result.output)) {
        return { ...result, hasToplevelAwait: true };
      }
      return result;
    },
  });
}
