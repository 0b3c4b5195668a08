// The names every notebook starts with, and their types for the cell type checker: values go into
// tslab's locals, and `declare` statements naming this package's own declaration files make them
// typed (so completion and type errors work on `spark.` and `F.`).
import path from "node:path";
import { col, expr, functions, lit, parseConnectionString, Window, type SparkSession } from "spark-ts";
import type { CellSpark } from "../cell/cellRunner";
import { planFacts } from "../cell/planMetrics";
import { sessionPage } from "../cell/sparkUi";
import type { Display } from "./display";
import { packageRoot } from "../install/runtimeCopy";
import { PACKAGE_NAME } from "./packageImport";

/** Preloaded values, and the TypeScript that declares them. */
export interface NotebookGlobals {
  readonly values: Readonly<Record<string, unknown>>;
  readonly declarations: string;
}

/** The notebook `display`'s module, by its path inside the package. */
const DISPLAY_MODULE = `${PACKAGE_NAME}/${path.relative(packageRoot(), path.join(__dirname, "display")).split(path.sep).join("/")}`;

/**
 * `spark`, `F` (the functions), `col`, `lit`, `expr`, `Window` and `display`, with their declarations.
 *
 * @example
 * ```ts
 * const { values, declarations } = notebookGlobals(spark, display);
 * ```
 */
export function notebookGlobals(spark: SparkSession, display: Display): NotebookGlobals {
  const values = { spark, F: functions, col, lit, expr, Window, display };
  return { values, declarations: notebookDeclarations() };
}

/** The TypeScript that declares the notebook globals (the first thing a kernel type-checks). */
export function notebookDeclarations(): string {
  // By package name, resolved through the kernel's virtual node_modules (see packageImport.ts), so
  // the types of values cells keep can be named in tslab's declarations of them.
  const api = JSON.stringify(PACKAGE_NAME);
  return [
    `declare const spark: import(${api}).SparkSession;`,
    `declare const F: typeof import(${api}).functions;`,
    `declare const col: typeof import(${api}).col;`,
    `declare const lit: typeof import(${api}).lit;`,
    `declare const expr: typeof import(${api}).expr;`,
    `declare const Window: typeof import(${api}).Window;`,
    `declare const display: import(${JSON.stringify(DISPLAY_MODULE)}).Display;`,
  ].join("\n");
}

/**
 * The notebook's session as the cell runner uses it: tags, interrupts and operation events. With
 * `sparkUi` (the Spark UI's root, checked by sparkUi.ts), each operation links to its session's page.
 */
export function sessionForCells(holder: { readonly current: SparkSession }, sparkUi?: string): CellSpark {
  return {
    withTag: (tag, fn) => holder.current.withTags([tag], fn),
    interruptTag: (tag) => holder.current.interruptTag(tag),
    settled: () => holder.current.settled(),
    observeTag: (tag, observer) => {
      const session = holder.current;
      const page = sparkUi === undefined ? undefined : sessionPage(sparkUi, session.sessionId, userIdOf(session));
      return session.observeOperations({
        started: (op) => {
          if (op.tags.includes(tag)) observer.started(op.operationId, page);
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
            Number(progress.numInflightTasks),
          );
        },
        metrics: (op, metrics) => {
          if (op.tags.includes(tag)) observer.executed(op.operationId, planFacts(metrics.metrics));
        },
        ended: (op, error) => {
          if (op.tags.includes(tag)) observer.ended(op.operationId, error !== undefined);
        },
      });
    },
  };
}

/** The session's user id, read from its connection string as the session shows it (secrets redacted). */
function userIdOf(session: SparkSession): string | undefined {
  try {
    return parseConnectionString(session.connectionString).userId;
  } catch {
    return undefined;
  }
}
