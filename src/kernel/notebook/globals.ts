// The names every notebook starts with, and their types for the cell type checker: values go into
// tslab's locals, and `declare` statements naming this package's own declaration files make them
// typed (so completion and type errors work on `spark.` and `F.`).
import path from "node:path";
import { col, expr, lit } from "../../sql/column";
import type { SparkSession } from "../../sql/session";
import type { CellSpark } from "../cell/cellRunner";
import type { Display } from "./display";

/** Preloaded values, and the TypeScript that declares them. */
export interface NotebookGlobals {
  readonly values: Readonly<Record<string, unknown>>;
  readonly declarations: string;
}

/** The module (without extension) whose declarations type the globals: this package's entry. */
const PACKAGE_ENTRY = path.resolve(__dirname, "..", "..", "index");
const DISPLAY_MODULE = path.resolve(__dirname, "display");

/**
 * `spark`, `col`, `lit`, `expr` and `display`, with their declarations.
 *
 * @example
 * ```ts
 * const { values, declarations } = notebookGlobals(spark, display);
 * ```
 */
export function notebookGlobals(spark: SparkSession, display: Display): NotebookGlobals {
  const api = JSON.stringify(PACKAGE_ENTRY);
  const values = { spark, col, lit, expr, display };
  const declarations = [
    `declare const spark: import(${api}).SparkSession;`,
    `declare const col: typeof import(${api}).col;`,
    `declare const lit: typeof import(${api}).lit;`,
    `declare const expr: typeof import(${api}).expr;`,
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
