// How a failed cell reads in a notebook: Jupyter's `ename`, `evalue` and `traceback`. Spark errors
// keep Spark's words (exception type, error class, SQLSTATE); stacks are cut to the frames of
// cells, shown at the cells' own lines with the lines around them, since the kernel's and the
// client's frames say nothing to a notebook user. TypeScript errors show the cell's line with a
// caret, once each, with TypeScript's hints.
import { inspect } from "node:util";
import { SparkConnectError } from "spark-ts";
import { diagnosticLines, diagnosticPlace, type CellDiagnostic, type DiagnosticCell } from "./cellDiagnostics";
import { codeFrame } from "./codeFrame";
import { redactSecrets } from "./secretText";
import { frameName, stackFrames } from "./stackFrames";
import { TextLines } from "./textLines";

/** The content of an IOPub `error` message and of an error `execute_reply`. */
export interface ErrorContent {
  readonly ename: string;
  readonly evalue: string;
  readonly traceback: readonly string[];
}

const RED = "\u001b[0;31m";
const RESET = "\u001b[0m";

/** The interrupt of a cell, as IPython names it, so tools that know Jupyter recognise it. */
export function interruptContent(): ErrorContent {
  const evalue = "The cell was interrupted; its Spark operations were cancelled on the server.";
  return { ename: "KeyboardInterrupt", evalue, traceback: [`${RED}KeyboardInterrupt${RESET}: ${evalue}`] };
}

/** TypeScript diagnostics of a cell that did not compile, as tslab printed them (when nothing better is known). */
export function diagnosticsContent(lines: readonly string[]): ErrorContent {
  return { ename: "TypeScriptError", evalue: lines[0] ?? "the cell did not compile", traceback: [...lines] };
}

/**
 * TypeScript diagnostics of a cell that did not compile, each once, with its place in the cell,
 * the line and a caret under the span, TypeScript's further messages and its hints.
 *
 * @example
 * ```ts
 * cellDiagnosticsContent(record.diagnostics, { text: record.text, toCell: (o) => record.toCell(o) }).evalue;
 * // "1:7 - Type 'string' is not assignable to type 'number'."
 * ```
 */
export function cellDiagnosticsContent(diagnostics: readonly CellDiagnostic[], cell: DiagnosticCell): ErrorContent {
  const first = diagnostics[0];
  const evalue = first ? `${diagnosticPlace(first, cell)} - ${redactSecrets(first.messageText).text}` : "the cell did not compile";
  return { ename: "TypeScriptError", evalue, traceback: diagnostics.flatMap((d) => diagnosticLines(d, cell)) };
}

/** Whether a thrown value is tslab's report of an interrupted cell (async or a broken sync loop). */
export function isInterrupt(thrown: unknown): boolean {
  return thrown instanceof Error && (thrown.message === "Interrupted asynchronously" || thrown.message === "Script execution interrupted.");
}

/** Where a frame of cell code is in its cell. */
export interface FramePlace {
  /** Jupyter's label of the cell (`In[3]`), or "" for the cell that is running. */
  readonly cell: string;
  readonly lines: TextLines;
  /** The place in the cell (1-based), when the frame's position could be traced back. */
  readonly line?: number;
  readonly column?: number;
}

/** What an error is traced back to cells with. */
export interface ErrorSources {
  /** The place of a stack frame's position when the script is a cell's; undefined for other code, whose frames are hidden. */
  framePlace(script: string, line: number | undefined, column: number | undefined): FramePlace | undefined;
  /** For a running `%%sql` cell: its query, and the cell's place of an offset of it. */
  readonly query?: { readonly text: string; place(offset: number): FramePlace };
}

/**
 * The Jupyter error for a value a cell threw. With `sources`, the traceback shows the frames of
 * cell code only, each at its cell's line and column, with the cell's lines around the innermost
 * (and around the running cell's line, when the innermost is in a cell run earlier); a Spark
 * error of a `%%sql` cell shows the cell's SQL line where Spark places the error.
 *
 * @example
 * ```ts
 * errorContent(new AnalysisException("[TABLE_OR_VIEW_NOT_FOUND] ...")).ename; // "AnalysisException"
 * ```
 */
export function errorContent(thrown: unknown, sources?: ErrorSources): ErrorContent {
  if (isInterrupt(thrown)) return interruptContent();
  if (!(thrown instanceof Error)) {
    const evalue = inspect(thrown, { depth: 2 });
    return { ename: "Error", evalue: `a non-Error value was thrown: ${evalue}`, traceback: [`${RED}Error${RESET}: thrown ${evalue}`] };
  }
  const ename = thrown.name || thrown.constructor?.name || "Error";
  const evalue = thrown.message;
  const header = `${RED}${ename}${RESET}: ${evalue}`;
  const extra: string[] = [];
  let where: string[] | undefined;
  if (thrown instanceof SparkConnectError) {
    // Spark's messages carry the class and SQLSTATE in the text; add them when a server did not.
    if (thrown.errorClass && !evalue.includes(thrown.errorClass)) extra.push(`  error class: ${thrown.errorClass}`);
    if (thrown.sqlState && !evalue.includes(thrown.sqlState)) extra.push(`  SQLSTATE: ${thrown.sqlState}`);
    if (sources?.query) where = queryLines(thrown, sources.query);
  }
  where ??= sources ? frameLines(thrown.stack, sources) : cellFrames(thrown.stack);
  return { ename, evalue, traceback: [header, ...extra, ...where] };
}

/** Frames listed at most; deep recursion is cut after them. */
const MAX_FRAMES = 12;

function placeText(place: FramePlace): string {
  const cell = place.cell ? `cell ${place.cell}` : "cell";
  return place.line === undefined ? cell : `${cell} ${place.line}:${place.column}`;
}

/** The traceback lines of the cell frames of `stack`. */
function frameLines(stack: string | undefined, sources: ErrorSources): string[] {
  const frames = stackFrames(stack).flatMap((frame) => {
    const place = sources.framePlace(frame.script, frame.line, frame.column);
    return place ? [{ name: frameName(frame), place }] : [];
  });
  // The innermost frame shows its lines, and so does the running cell's line that led there.
  const framed = new Set([0, frames.findIndex((f) => f.place.cell === "")]);
  const out: string[] = [];
  let listed = 0;
  for (let i = 0; i < frames.length; i++) {
    const { name, place } = frames[i];
    if (listed === MAX_FRAMES) {
      out.push(`  ... ${frames.length - i} more frames`);
      break;
    }
    let repeats = 0;
    const text = placeText(place);
    let show = framed.has(i);
    while (i + 1 < frames.length && frames[i + 1].name === name && placeText(frames[i + 1].place) === text) {
      i++;
      repeats++;
      if (framed.has(i)) show = true;
    }
    out.push(name ? `  at ${name} (${text})` : `  at ${text}`);
    listed++;
    if (show && place.line !== undefined) out.push(...codeFrame(place.lines, { line: place.line, column: place.column ?? 1 }));
    if (repeats) out.push(`  [the frame above repeats ${repeats} more time${repeats > 1 ? "s" : ""}]`);
  }
  return out;
}

/** Spark's `(line 2, pos 5)` of a parse error, and its query context of other errors: the failing part of the query. */
function queryLines(error: SparkConnectError, query: NonNullable<ErrorSources["query"]>): string[] | undefined {
  let start: number | undefined;
  let end: number | undefined;
  const context = error.queryContexts.find((c) => c.contextType === "SQL" && !c.objectType && c.startIndex >= 0);
  if (context) {
    start = context.startIndex;
    end = context.stopIndex + 1;
  } else {
    const at = /\(line (\d+), pos (\d+)\)/.exec(error.message);
    if (at) start = new TextLines(query.text).offset(Number(at[1]), Number(at[2]) + 1);
  }
  if (start === undefined) return undefined;
  const place = query.place(start);
  if (place.line === undefined) return undefined;
  const last = end !== undefined && end > start ? query.place(end - 1) : undefined;
  const endColumn = last && last.line === place.line && last.column !== undefined ? last.column + 1 : undefined;
  return [`  in the SQL (${placeText(place)})`, ...codeFrame(place.lines, { line: place.line, column: place.column ?? 1, endColumn })];
}

/** The stack frames of cell code, when nothing tells cells apart (tslab runs cells as `evalmachine.<anonymous>`). */
function cellFrames(stack: string | undefined): string[] {
  if (!stack) return [];
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line) && line.includes("evalmachine.<anonymous>"))
    .map((line) => line.replace(/evalmachine\.<anonymous>/g, "cell"));
}
