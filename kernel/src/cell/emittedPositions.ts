// Positions in the JavaScript tslab runs for a cell, traced back to the cell's TypeScript.
//
// tslab gives no source map: its compiler options are fixed inside its converter, and its output
// goes through a second transpile (ES module to CommonJS) that has none either. But that output is
// the cell's own tokens with types taken out and a few tokens put in (`exports.` before names of
// earlier cells, `exports.x = x;` after declarations, the last-value variable, the module
// prologue), so lining up the two token sequences (a shortest-edit diff, as `diff` does for
// lines) puts nearly every token of the output on its token of the cell.
import * as ts from "@tslab/typescript-for-tslab";

interface Token {
  readonly text: string;
  readonly start: number;
}

/** The tokens of `text` in order, read by the parser (so templates and regular expressions are whole tokens). */
export function tokensOf(text: string, kind: "ts" | "js"): Token[] {
  const file = ts.createSourceFile(
    kind === "ts" ? "cell.ts" : "cell.js",
    text,
    ts.ScriptTarget.Latest,
    true,
    kind === "ts" ? ts.ScriptKind.TS : ts.ScriptKind.JS,
  );
  const tokens: Token[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(file);
    if (children.length === 0) {
      const start = node.getStart(file);
      if (node.end > start) tokens.push({ text: text.slice(start, node.end), start });
      return;
    }
    for (const child of children) visit(child);
  };
  visit(file);
  return tokens;
}

/** Above this many differing tokens the diff gives up (its memory grows with the square). */
const MAX_EDITS = 2000;

/**
 * For each token of `a`, the index of the token of `b` it is lined up with, or -1: a shortest
 * edit script (Myers' algorithm) over token texts. Undefined when the sequences differ in more
 * than `maxEdits` tokens.
 */
export function alignSequences(a: readonly string[], b: readonly string[], maxEdits = MAX_EDITS): Int32Array | undefined {
  const n = a.length;
  const m = b.length;
  const match = new Int32Array(n).fill(-1);
  // The common head and tail need no search.
  let head = 0;
  while (head < n && head < m && a[head] === b[head]) match[head] = head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && a[n - 1 - tail] === b[m - 1 - tail]) {
    match[n - 1 - tail] = m - 1 - tail;
    tail++;
  }
  const an = n - head - tail;
  const bm = m - head - tail;
  if (an === 0 || bm === 0) return match;
  const max = an + bm;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(max, maxEdits) && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < an && y < bm && a[head + x] === b[head + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= an && y >= bm) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  // Walk back through the saved rows, noting the diagonal (equal) runs.
  let x = an;
  let y = bm;
  for (let d = found; d > 0; d--) {
    const row = trace[d]; // v as it was before step d, for k in [-d-1, d+1]
    const at = (k: number) => row[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    const startY = startX - k;
    for (let i = startX, j = startY; i < x; i++, j++) match[head + i] = head + j;
    x = prevX;
    y = prevY;
  }
  for (let i = 0; i < x; i++) match[head + i] = head + i;
  return match;
}

/**
 * {@link alignSequences} of two token sequences, in two passes: first tokens are compared with the
 * token after them, so that a name lines up with the same name in the same company (`rec(` with
 * `rec(`, not with the `rec;` of an `exports.rec = rec;` put in before it); then the runs left
 * between those anchors are lined up token by token (`n` of `n: number =` with `n` of `n =`).
 */
export function alignTokens(a: readonly string[], b: readonly string[]): Int32Array | undefined {
  const pairs = (tokens: readonly string[]) => tokens.map((t, i) => `${t}\u0000${tokens[i + 1] ?? ""}`);
  const match = alignSequences(pairs(a), pairs(b));
  if (!match) return undefined;
  let i = 0;
  let j = 0;
  while (i <= a.length) {
    // The next anchor (or the ends), and the run before it.
    let nextI = i;
    while (nextI < a.length && match[nextI] < 0) nextI++;
    const nextJ = nextI < a.length ? match[nextI] : b.length;
    if (nextI > i && nextJ > j) {
      const run = alignSequences(a.slice(i, nextI), b.slice(j, nextJ));
      run?.forEach((k, x) => {
        if (k >= 0) match[i + x] = j + k;
      });
    }
    i = nextI + 1;
    j = nextJ + 1;
  }
  return match;
}

/** Maps offsets of emitted JavaScript to offsets of the TypeScript it came from. */
export interface EmittedPositions {
  /** The source offset for the emitted offset, or undefined when nothing near it lines up. */
  toSource(emittedOffset: number): number | undefined;
}

/**
 * The position map from `emitted` (JavaScript) back to `source` (the TypeScript it was emitted from).
 *
 * @example
 * ```ts
 * const map = emittedPositions("const n: number = f(x);", "const n = exports.f(x);");
 * map.toSource(18); // 18: the `f` of the call, in the cell
 * ```
 */
export function emittedPositions(source: string, emitted: string): EmittedPositions {
  let lined: { js: Token[]; ts: Token[]; match: Int32Array } | null | undefined;
  const line = () => {
    if (lined === undefined) {
      const js = tokensOf(emitted, "js");
      const src = tokensOf(source, "ts");
      const match = alignTokens(
        js.map((t) => t.text),
        src.map((t) => t.text),
      );
      lined = match ? { js, ts: src, match } : null;
    }
    return lined;
  };
  return {
    toSource(emittedOffset) {
      const aligned = line();
      if (!aligned) return undefined;
      const { js, ts: src, match } = aligned;
      // The token at or before the offset.
      let low = 0;
      let high = js.length - 1;
      if (high < 0 || js[0].start > emittedOffset) return undefined;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (js[mid].start <= emittedOffset) low = mid;
        else high = mid - 1;
      }
      const token = js[low];
      const inside = emittedOffset - token.start;
      if (match[low] >= 0 && inside < token.text.length) return src[match[low]].start + inside;
      // A token the cell does not have (`exports`, a wrapper): the next one on its line that it has.
      const lineEnd = emitted.indexOf("\n", emittedOffset);
      for (let i = low + 1; i < js.length && (lineEnd < 0 || js[i].start < lineEnd); i++) {
        if (match[i] >= 0) return src[match[i]].start;
      }
      for (let i = low; i >= 0; i--) if (match[i] >= 0) return src[match[i]].start + src[match[i]].text.length;
      return undefined;
    },
  };
}
