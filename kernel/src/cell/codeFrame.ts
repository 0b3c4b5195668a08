// A few lines of a cell around a position, with the line marked and a caret under the place, as
// compilers and IPython show them:
//
//      3 | function total(r) {
//   >  4 |   return r.x.amount;
//        |            ^
//
// Secrets written in the lines (a token in a connection string) are shown as `<redacted>`.

import { redactSecrets } from "./secretText";
import { TextLines } from "./textLines";

/** ANSI colours of the frame; tracebacks in Jupyter are drawn with them, as IPython's are. */
const MARK = "\u001b[0;31m";
const RESET = "\u001b[0m";

/** Where the caret goes: a line and column (1-based), and optionally where the span ends on that line. */
export interface FrameTarget {
  readonly line: number;
  readonly column: number;
  /** The column after the last one to underline (on the same line); one caret when absent. */
  readonly endColumn?: number;
}

/** How much to show around the target. */
export interface FrameOptions {
  readonly before?: number;
  readonly after?: number;
  /** Colour the marker and caret with ANSI codes (default true). */
  readonly color?: boolean;
  /** Longer lines are cut to a window around the caret. */
  readonly maxWidth?: number;
}

/**
 * The lines of a code frame of `text` at `target`, each a traceback line; none when the line does
 * not exist.
 *
 * @example
 * ```ts
 * codeFrame("const a = 1;\nconst b = a.x.y;", { line: 2, column: 13 }, { color: false });
 * // ["    1 | const a = 1;", "  > 2 | const b = a.x.y;", "      |             ^"]
 * ```
 */
export function codeFrame(text: string | TextLines, target: FrameTarget, options: FrameOptions = {}): string[] {
  const source = typeof text === "string" ? new TextLines(text) : text;
  const { before = 1, after = 1, color = true, maxWidth = 160 } = options;
  const original = source.line(target.line);
  if (original === undefined) return [];
  // The lines go into the notebook's output: secrets written in them do not.
  const redacted = redactSecrets(original);
  const own = redacted.text;
  const lines = { count: source.count, line: (n: number) => (n === target.line ? own : redactSecrets(source.line(n) ?? "").text) };
  const first = Math.max(1, target.line - before);
  let last = Math.min(lines.count, target.line + after);
  // A trailing empty line (the cell's last newline) says nothing.
  while (last > target.line && !lines.line(last).trim()) last--;
  const width = String(last).length;
  const column = Math.max(1, Math.min(redacted.column(target.column), own.length + 1));
  const endColumn =
    target.endColumn === undefined || target.endColumn <= target.column ? undefined : redacted.column(target.endColumn - 1) + 1;
  const end = Math.max(column + 1, Math.min(endColumn ?? column + 1, own.length + 1));
  // One window for every line shown, so the caret stays under its text.
  const from = own.length > maxWidth ? Math.max(0, Math.min(column - 1 - Math.floor(maxWidth / 3), own.length - maxWidth)) : 0;
  const cut = (line: string) => {
    if (line.length <= maxWidth && from === 0) return line;
    const shown = line.slice(from, from + maxWidth);
    return (from > 0 ? "…" : "") + shown + (line.length > from + maxWidth ? "…" : "");
  };
  const paint = (s: string) => (color ? `${MARK}${s}${RESET}` : s);
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === target.line ? paint(">") : " ";
    out.push(`  ${marker} ${String(n).padStart(width)} | ${cut(lines.line(n))}`.trimEnd());
  }
  // Tabs stay tabs under the text, so the caret lines up in any tab width.
  const lead = own.slice(from, column - 1).replace(/[^\t]/g, " ");
  const caret = "^".repeat(Math.max(1, Math.min(end, from + maxWidth + 1) - column));
  out.splice(target.line - first + 1, 0, `    ${" ".repeat(width)} | ${from > 0 ? " " : ""}${lead}${paint(caret)}`);
  return out;
}
