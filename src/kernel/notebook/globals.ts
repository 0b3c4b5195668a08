// The names every notebook starts with, and their types for the cell type checker: values go into
// tslab's locals, and `declare` statements naming this package's own declaration files make them
// typed (so completion and type errors work on `spark.` and `F.`).
import path from "node:path";
import { col, expr, lit } from "../../sql/column";
import * as functions from "../../sql/functions";
import { Window } from "../../sql/window";
import type { SparkSession } from "../../sql/session";
import type { CellSpark } from "../cell/cellRunner";
import type { Display } from "./display";

/** Preloaded values, and the TypeScript that declares them. */
export interface NotebookGlobals {
  readonly values: Readonly<Record<string, unknown>>;
  readonly declarations: string;
}

/**
 * The modules (without extension) whose declarations type the globals. Not the package entry:
 * it would make every kernel start type-check the whole protocol too, which cells rarely need.
 */
const SESSION_MODULE = path.resolve(__dirname, "..", "..", "sql", "session");
const COLUMN_MODULE = path.resolve(__dirname, "..", "..", "sql", "column");
const FUNCTIONS_MODULE = path.resolve(__dirname, "..", "..", "sql", "functions");
const WINDOW_MODULE = path.resolve(__dirname, "..", "..", "sql", "window");
const DISPLAY_MODULE = path.resolve(__dirname, "display");

/**
 * `spark`, `F` (the functions), `col`, `lit`, `expr`, `Window` and `display`, with their declarations.
 *
 * @example
 * ```ts
 * const { values, declarations } = notebookGlobals(spark, display);
 * ```
 */
export function notebookGlobals(spark: SparkSession, display: Display): NotebookGlobals {
  const [session, column] = [JSON.stringify(SESSION_MODULE), JSON.stringify(COLUMN_MODULE)];
  const values = { spark, F: functions, col, lit, expr, Window, display };
  const declarations = [
    `declare const spark: import(${session}).SparkSession;`,
    `declare const col: typeof import(${column}).col;`,
    `declare const lit: typeof import(${column}).lit;`,
    `declare const expr: typeof import(${column}).expr;`,
    `declare const F: typeof import(${JSON.stringify(FUNCTIONS_MODULE)});`,
    `declare const Window: typeof import(${JSON.stringify(WINDOW_MODULE)}).Window;`,
    `declare const display: import(${JSON.stringify(DISPLAY_MODULE)}).Display;`,
  ].join("\n");
  return { values, declarations };
}

/** The preloaded session as the cell runner uses it: tags, interrupts and operation events. */
export function sessionForCells(spark: SparkSession): CellSpark {
  return {
    addTag: (tag) => spark.addTag(tag),
    removeTag: (tag) => spark.removeTag(tag),
    interruptTag: (tag) => spark.interruptTag(tag),
    observeTag: (tag, observer) =>
      spark.client.operations.observe({
        started: (op) => {
          if (op.tags.includes(tag)) observer.started(op.operationId);
        },
        progress: (op, progress) => {
          if (!op.tags.includes(tag)) return;
          observer.progress(
            op.operationId,
            progress.stages.map((s) => ({
              stageId: Number(s.stageId),
              numTasks: Number(s.numTasks),
              numCompletedTasks: Number(s.numCompletedTasks),
              inputBytesRead: Number(s.inputBytesRead),
              done: s.done,
            })),
          );
        },
        ended: (op) => {
          if (op.tags.includes(tag)) observer.ended(op.operationId);
        },
      }),
  };
}
