// How a failed cell reads in a notebook: Jupyter's `ename`, `evalue` and `traceback`. Spark errors
// keep Spark's words (exception type, error class, SQLSTATE); stacks are cut to the user's cell,
// since the kernel's and the client's frames say nothing to a notebook user.
import { inspect } from "node:util";
import { SparkConnectError } from "spark-ts";

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

/** TypeScript diagnostics of a cell that did not compile, shown as tslab prints them. */
export function diagnosticsContent(lines: readonly string[]): ErrorContent {
  return { ename: "TypeScriptError", evalue: lines[0] ?? "the cell did not compile", traceback: [...lines] };
}

/** Whether a thrown value is tslab's report of an interrupted cell (async or a broken sync loop). */
export function isInterrupt(thrown: unknown): boolean {
  return (
    thrown instanceof Error &&
    (thrown.message === "Interrupted asynchronously" || thrown.message === "Script execution interrupted.")
  );
}

/**
 * The Jupyter error for a value a cell threw.
 *
 * @example
 * ```ts
 * errorContent(new AnalysisException("[TABLE_OR_VIEW_NOT_FOUND] ...")).ename; // "AnalysisException"
 * ```
 */
export function errorContent(thrown: unknown): ErrorContent {
  if (isInterrupt(thrown)) return interruptContent();
  if (!(thrown instanceof Error)) {
    const evalue = inspect(thrown, { depth: 2 });
    return { ename: "Error", evalue: `a non-Error value was thrown: ${evalue}`, traceback: [`${RED}Error${RESET}: thrown ${evalue}`] };
  }
  const ename = thrown.name || thrown.constructor?.name || "Error";
  const evalue = thrown.message;
  const header = `${RED}${ename}${RESET}: ${evalue}`;
  const extra: string[] = [];
  if (thrown instanceof SparkConnectError) {
    // Spark's messages carry the class and SQLSTATE in the text; add them when a server did not.
    if (thrown.errorClass && !evalue.includes(thrown.errorClass)) extra.push(`  error class: ${thrown.errorClass}`);
    if (thrown.sqlState && !evalue.includes(thrown.sqlState)) extra.push(`  SQLSTATE: ${thrown.sqlState}`);
  }
  return { ename, evalue, traceback: [header, ...extra, ...cellFrames(thrown.stack)] };
}

/** The stack frames that are in cell code (tslab runs cells as `evalmachine.<anonymous>`). */
function cellFrames(stack: string | undefined): string[] {
  if (!stack) return [];
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line) && line.includes("evalmachine.<anonymous>"))
    .map((line) => line.replace(/evalmachine\.<anonymous>/g, "cell"));
}
