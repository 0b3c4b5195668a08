// A cell's TypeScript diagnostics, one per error as the compiler made it: its message chain as
// indented detail lines and its related information as hints, not each link as an error of its own
// at the same place. Built from what tslab reports (which errors, where) and, when the compiler
// tap has them (compilerTap.ts), the compiler's own diagnostics (chains and hints).
import type * as TypeScript from "@tslab/typescript-for-tslab";
import type { Diagnostic, DiagnosticPos } from "tslab/dist/converter";
import { codeFrame } from "./codeFrame";
import { redactSecrets } from "./secretText";
import { TextLines } from "./textLines";

/** A hint TypeScript relates to a diagnostic, e.g. "Did you forget to use 'await'?". */
export interface RelatedHint {
  readonly message: string;
  /** Where it points, as an offset range in the same text as its diagnostic; absent when elsewhere. */
  readonly start?: number;
  readonly end?: number;
}

/** A diagnostic as tslab reports it, with the rest of TypeScript's message chain and its hints. */
export interface CellDiagnostic extends Diagnostic {
  /** The chain's further messages, indented two spaces per level, as `tsc` prints them. */
  readonly details: readonly string[];
  readonly related: readonly RelatedHint[];
}

/** The first message of a chain, or the message. */
function headOf(message: string | TypeScript.DiagnosticMessageChain): string {
  return typeof message === "string" ? message : message.messageText;
}

/** The chain's messages after the head, depth first (the order tslab lists them in), with their depth. */
function chainTail(message: string | TypeScript.DiagnosticMessageChain): { text: string; depth: number }[] {
  const out: { text: string; depth: number }[] = [];
  const walk = (chain: TypeScript.DiagnosticMessageChain, depth: number) => {
    for (const next of chain.next ?? []) {
      out.push({ text: next.messageText, depth });
      walk(next, depth + 1);
    }
  };
  if (typeof message !== "string") walk(message, 1);
  return out;
}

/** Whether `file` is the file tslab checks a cell as (`__tslab__.ts` in its working folder). */
function isCellFile(file: TypeScript.SourceFile | undefined): file is TypeScript.SourceFile {
  return !!file && /(^|[\\/])__tslab__\.tsx?$/.test(file.fileName);
}

/** The length of the module marker tslab puts before a cell (`export {};` and a newline). */
function prefixLength(file: TypeScript.SourceFile): number {
  return file.text.startsWith("export {};") ? file.text.indexOf("\n") + 1 : 0;
}

const sameSpan = (a: Diagnostic, b: Diagnostic) =>
  a.start.offset === b.start.offset && a.end.offset === b.end.offset && a.fileName === b.fileName;

/**
 * tslab's diagnostics of a cell, one per error: a chain's links (which tslab lists as errors of
 * their own at the same place) folded into the first, with the compiler's hints when `compiled`
 * (the compiler's own diagnostics of that conversion) has them, and exact repeats left out.
 *
 * @example
 * ```ts
 * fullDiagnostics([{ start, end, messageText: "Type 'X' is not assignable to type 'Y'.", code: 2322, category: 1 },
 *                  { start, end, messageText: "Property 'a' is missing in type 'X'.", code: 2741, category: 1 }], undefined);
 * // one diagnostic, with details ["  Property 'a' is missing in type 'X'."]
 * ```
 */
export function fullDiagnostics(reported: readonly Diagnostic[], compiled: readonly TypeScript.Diagnostic[] | undefined): CellDiagnostic[] {
  const used = new Set<TypeScript.Diagnostic>();
  const out: CellDiagnostic[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < reported.length; i++) {
    const head = reported[i];
    const raw = compiled?.find((d) => {
      if (used.has(d) || d.code !== head.code || d.start === undefined) return false;
      if (head.fileName === undefined ? !isCellFile(d.file) : d.file === undefined || !d.file.fileName.endsWith(head.fileName))
        return false;
      const offset = isCellFile(d.file) ? d.start - prefixLength(d.file) : d.start;
      return offset === head.start.offset && headOf(d.messageText) === head.messageText;
    });
    let details: string[];
    let related: RelatedHint[] = [];
    if (raw) {
      used.add(raw);
      const tail = chainTail(raw.messageText);
      details = tail.map((t) => `${"  ".repeat(t.depth)}${t.text}`);
      // tslab listed the chain's links after the head, at the same place.
      const texts = new Set(tail.map((t) => t.text));
      while (i + 1 < reported.length && sameSpan(reported[i + 1], head) && texts.has(reported[i + 1].messageText)) i++;
      const shift = isCellFile(raw.file) ? prefixLength(raw.file) : 0;
      related = (raw.relatedInformation ?? []).map((r) => {
        const message = [headOf(r.messageText), ...chainTail(r.messageText).map((t) => `${"  ".repeat(t.depth)}${t.text}`)].join("\n");
        return r.file === raw.file && r.start !== undefined && isCellFile(r.file)
          ? { message, start: r.start - shift, end: r.start - shift + (r.length ?? 0) }
          : { message };
      });
    } else {
      // Without the compiler's diagnostic, links of a chain are told by their place: right after
      // the head, at the same span (tslab gives them no file name of their own).
      details = [];
      while (i + 1 < reported.length && sameSpan(reported[i + 1], head) && reported[i + 1].messageText !== head.messageText) {
        details.push(`  ${reported[++i].messageText}`);
      }
    }
    const key = JSON.stringify([head.fileName, head.start.offset, head.end.offset, head.code, head.messageText, details]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...head, details, related });
  }
  return out;
}

/**
 * `diagnostics` with their offsets moved by `toOriginal` into `original` (the text before a
 * rewrite), and lines and characters counted again there. Diagnostics of other files are kept.
 */
export function mapDiagnostics<D extends Diagnostic>(
  diagnostics: readonly D[],
  original: string,
  toOriginal: (offset: number) => number,
): D[] {
  const lines = new TextLines(original);
  const pos = (offset: number): DiagnosticPos => {
    const moved = toOriginal(offset);
    const { line, column } = lines.position(moved);
    return { offset: moved, line: line - 1, character: column - 1 };
  };
  return diagnostics.map((d) => {
    if (d.fileName !== undefined) return d;
    const start = pos(d.start.offset);
    const end = d.end.offset > d.start.offset ? pos(d.end.offset) : start;
    const related = (d as Partial<CellDiagnostic>).related?.map((r) =>
      r.start === undefined ? r : { ...r, start: toOriginal(r.start), end: toOriginal(r.end ?? r.start) },
    );
    return related ? { ...d, start, end, related } : { ...d, start, end };
  });
}

const CATEGORY = ["warning", "error", "suggestion", "message"];
const RED = "\u001b[0;31m";
const CYAN = "\u001b[0;36m";
const RESET = "\u001b[0m";

/** Where a cell's text is, for showing diagnostics: its text and a map from the checked source's offsets to it. */
export interface DiagnosticCell {
  readonly text: string;
  /** The offset in `text` of an offset in the checked TypeScript (the identity unless the cell was translated). */
  toCell(offset: number): number;
}

/** The `line:column` (1-based) in the cell of a diagnostic, or of its file. */
export function diagnosticPlace(d: Diagnostic, cell: DiagnosticCell): string {
  if (d.fileName !== undefined) return `${d.fileName} ${d.start.line + 1}:${d.start.character + 1}`;
  const { line, column } = new TextLines(cell.text).position(cell.toCell(d.start.offset));
  return `${line}:${column}`;
}

/**
 * The traceback lines of one diagnostic: where and what (`2:7 - error TS2322: ...`), the chain's
 * details, the cell's line with a caret under the span, and TypeScript's hints.
 */
export function diagnosticLines(d: CellDiagnostic, cell: DiagnosticCell, color = true): string[] {
  const paint = (code: string, s: string) => (color ? `${code}${s}${RESET}` : s);
  const lines = new TextLines(cell.text);
  const category = CATEGORY[d.category] ?? "error";
  // TypeScript quotes literal types, which may be a secret written in the cell.
  const quoted = (text: string) => redactSecrets(text).text;
  const out = [
    `${paint(CYAN, diagnosticPlace(d, cell))} - ${paint(category === "error" ? RED : CYAN, `${category} TS${d.code}`)}: ${quoted(d.messageText)}`,
  ];
  out.push(...d.details.map(quoted));
  if (d.fileName === undefined) {
    const start = cell.toCell(d.start.offset);
    const end = d.end.offset > d.start.offset ? cell.toCell(d.end.offset - 1) + 1 : start;
    const at = lines.position(start);
    const to = lines.position(Math.max(start, end));
    out.push(...codeFrame(lines, { line: at.line, column: at.column, endColumn: to.line === at.line ? to.column : undefined }, { color }));
  }
  for (const hint of d.related) {
    const where =
      hint.start !== undefined && hint.start !== d.start.offset ? ` (${formatPlace(lines.position(cell.toCell(hint.start)))})` : "";
    const [first, ...more] = quoted(hint.message).split("\n");
    out.push(`  ${first}${where}`, ...more.map((line) => `  ${line}`));
  }
  return out;
}

function formatPlace(p: { line: number; column: number }): string {
  return `${p.line}:${p.column}`;
}
