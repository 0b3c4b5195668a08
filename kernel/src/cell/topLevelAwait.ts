// tslab's TypeScript fork reads a top-level `await (` as a call of a function named `await` when it
// type-checks a cell: `const rows = await (await spark.sql(q)).collect()` then gets a wrong type
// (or crashes the declaration emitter), and tslab runs the cell in a plain function, where it is a
// syntax error. Two repairs, both invisible to the user:
// - before type-checking, such an operand is wrapped as `await Promise.resolve((...))`, which
//   means the same and parses the same in every mode;
// - after converting, output that compiles only as an async function body gets tslab's async
//   wrapper even when tslab did not see the await.
// Diagnostics of the rewritten code are moved back to the places the user wrote.
import vm from "node:vm";
import * as ts from "@tslab/typescript-for-tslab";
import type { Converter, ConvertResult } from "tslab/dist/converter";
import { mapDiagnostics } from "./cellDiagnostics";

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

/** A rewritten cell, and the way back from its offsets to the cell's. */
export interface RewrittenAwaits {
  readonly code: string;
  /** The offset in the cell of an offset in `code` (text put in maps to where it was put). */
  readonly toOriginal: (offset: number) => number;
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
  return rewriteAwaits(src).code;
}

/**
 * {@link unambiguousAwaits}, with the map from the rewritten code's offsets back to `src`'s, so
 * that diagnostics point at what the user wrote.
 *
 * @example
 * ```ts
 * const { code, toOriginal } = rewriteAwaits("await (x).y");
 * toOriginal(code.indexOf("y")); // 10
 * ```
 */
export function rewriteAwaits(src: string): RewrittenAwaits {
  const identity = { code: src, toOriginal: (offset: number) => offset };
  if (!/\bawait\s*\(/.test(src)) return identity;
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
  if (!edits.length) return identity;
  const inserts = edits
    .flatMap(({ start, end }) => [
      { at: end, text: ")" },
      { at: start, text: "Promise.resolve(" },
    ])
    // Ascending; inserts at one place keep the order the former end-first splicing gave them.
    .sort((a, b) => b.at - a.at)
    .reverse();
  let code = "";
  let from = 0;
  // Where each insert landed in the new code, in order.
  const landed: { start: number; end: number; at: number }[] = [];
  for (const { at, text } of inserts) {
    code += src.slice(from, at);
    landed.push({ start: code.length, end: code.length + text.length, at });
    code += text;
    from = at;
  }
  code += src.slice(from);
  return {
    code,
    toOriginal(offset) {
      let shift = 0;
      for (const put of landed) {
        if (offset < put.start) break;
        if (offset < put.end) return put.at;
        shift += put.end - put.start;
      }
      return offset - shift;
    },
  };
}

/** `converter`, with the repairs above; diagnostics point at the cell as written. */
export function withTopLevelAwaitFix(converter: Converter): Converter {
  return Object.assign(Object.create(converter) as Converter, {
    convert(prevDecl: string, src: string): ConvertResult {
      const rewritten = rewriteAwaits(src);
      const result = converter.convert(prevDecl, rewritten.code);
      if (result.diagnostics.length && rewritten.code !== src) {
        return { ...result, diagnostics: mapDiagnostics(result.diagnostics, src, rewritten.toOriginal) };
      }
      if (result.output && !result.hasToplevelAwait && needsAsyncWrapper(result.output)) {
        return { ...result, hasToplevelAwait: true };
      }
      return result;
    },
  });
}
