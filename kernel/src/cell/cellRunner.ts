// Runs one cell: `%%sql` translation, tslab's type-check-and-run, the last value awaited and shown
// as `execute_result`, displays and progress flushed before the cell reports back, and the cell's
// Spark operations tagged so an interrupt can cancel them on the server. Each cell runs in a tag
// scope of its own, so work a cell started and did not await keeps that cell's tag: interrupting
// a later cell cancels the later cell's work only.
import { format } from "node:util";
import type { Executor } from "tslab/dist/executor";
import { bundleOf, type TableSettings } from "../notebook/bundles";
import { enterCell, type MimeBundle } from "../notebook/cellContext";
import { kernelCells, type CellRecord } from "./compiledCells";
import { cellDiagnosticsContent, diagnosticsContent, errorContent, interruptContent, type ErrorContent } from "./errorContent";
import type { StageProgress } from "./progressBar";
import { ProgressDisplay } from "./progressDisplay";
import { keepStackFrames } from "./stackFrames";

/** Where a cell's output goes (IOPub messages in answer to its request). */
export interface CellOutput {
  stream(name: "stdout" | "stderr", text: string): void;
  display(bundle: MimeBundle, options?: { displayId?: string; update?: boolean }): void;
  result(bundle: MimeBundle): void;
  clear(wait: boolean): void;
}

/** The Spark session a cell's operations run on, as far as the runner needs it. */
export interface CellSpark {
  /** Runs `fn` in a tag scope of its own holding `tag`: every operation it starts, awaited or not, carries the tag. */
  withTag<T>(tag: string, fn: () => T): T;
  interruptTag(tag: string): Promise<unknown>;
  /**
   * Resolves once the statements sent so far (`spark.sql` not awaited) have run; rejects with the
   * failure of one nobody has seen, once.
   */
  settled(): Promise<void>;
  /** Reports operation events with the given tag; returns the unsubscribe function. */
  observeTag(tag: string, observer: OperationObserver): () => void;
}

/** Events of the Spark operations of one cell. */
export interface OperationObserver {
  /** `sparkUi`: the Spark UI page listing the operation, when the kernel was told the UI's address. */
  started(operationId: string, sparkUi?: string): void;
  progress(operationId: string, stages: readonly StageProgress[], inflightTasks?: number): void;
  /** From the metrics the server sends at an operation's end: the rows its plan read, the stages it ran. */
  executed(operationId: string, plan: { readonly rowsRead: number | undefined; readonly stages: number }): void;
  /** `failed`: it ended without its results (an error, a cancel). */
  ended(operationId: string, failed?: boolean): void;
}

/** Called with what a failed cell threw; may repair the kernel's state and say how (a traceback line). */
export type FailureHook = (thrown: unknown) => Promise<string | undefined>;

/** How a cell ended. */
export type CellOutcome = { readonly status: "ok"; readonly text?: string } | ({ readonly status: "error" } & ErrorContent);

/** What the tslab executor reported through its console while a cell ran. */
class ExecutorReport {
  lastValue: unknown = undefined;
  hasValue = false;
  thrown: unknown[] = [];
  diagnostics: string[] = [];

  /** The console tslab's executor writes to. */
  readonly console = {
    log: (value: unknown) => {
      this.lastValue = value;
      this.hasValue = true;
    },
    error: (message?: unknown, ...rest: unknown[]) => {
      if (typeof message === "string" && message.startsWith("%s%d:%d")) this.diagnostics.push(format(message, ...rest));
      else this.thrown.push(message);
    },
  };

  reset(): void {
    this.lastValue = undefined;
    this.hasValue = false;
    this.thrown = [];
    this.diagnostics = [];
  }
}

/** Runs cells one at a time in one tslab executor. */
export class CellRunner {
  readonly #report: ExecutorReport;
  #interrupt: ((reason: Error) => void) | undefined;
  #tag: string | undefined;

  private constructor(
    private readonly executor: Executor,
    report: ExecutorReport,
    private readonly spark: CellSpark | undefined,
    private readonly settings: TableSettings,
    private readonly afterFailure: FailureHook | undefined,
  ) {
    this.#report = report;
  }

  /** A runner over an executor made by `makeExecutor` with the console the runner reads. */
  static create(
    makeExecutor: (console: ExecutorReport["console"]) => Executor,
    spark: CellSpark | undefined,
    settings: TableSettings,
    afterFailure?: FailureHook,
  ): CellRunner {
    const report = new ExecutorReport();
    // Enough frames that a cell's own line is still in the stack of an error from deep in the client.
    keepStackFrames(64);
    return new CellRunner(makeExecutor(report.console), report, spark, settings, afterFailure);
  }

  /** The executor, for completion and inspection. */
  get tslab(): Executor {
    return this.executor;
  }

  /** Runs `code` as cell number `count`. Never throws: failures are the outcome. */
  async run(code: string, count: number, output: CellOutput): Promise<CellOutcome> {
    const report = this.#report;
    report.reset();
    const tag = `spark-ts-kernel-cell-${count}-${Date.now().toString(36)}`;
    const tracked: Promise<unknown>[] = [];
    const interrupted = new Promise<never>((_, reject) => (this.#interrupt = reject));
    interrupted.catch(() => undefined);
    const progress = new ProgressDisplay((bundle, displayId, update) => output.display(bundle, { displayId, update }), `progress-${tag}`);
    const leaveCell = enterCell({
      display: (bundle, options) => output.display(bundle, options),
      clear: (wait) => output.clear(wait),
      track: (work) => tracked.push(work),
    });
    const unobserve = this.spark?.observeTag(tag, progress);
    this.#tag = tag;
    const body = async (): Promise<CellOutcome> => {
      let cell: CellRecord | undefined;
      try {
        cell = kernelCells.begin(code, count);
        const ok = await this.executor.execute(cell.source);
        if (!ok) return await this.failure(cell);
        let text: string | undefined;
        if (report.hasValue) {
          const value = await Promise.race([report.lastValue, interrupted]);
          if (value !== undefined && value !== null) {
            const bundle = await Promise.race([bundleOf(value, this.settings), interrupted]);
            if (bundle) {
              output.result(bundle);
              const plain = bundle["text/plain"];
              text = typeof plain === "string" ? plain : undefined;
            }
          }
        }
        // Displays the code started without awaiting them still belong to this cell.
        for (let i = 0; i < tracked.length; i++) await Promise.race([tracked[i], interrupted]);
        // A statement the cell sent and never used fails the cell it is written in, as in PySpark.
        if (this.spark) await Promise.race([this.spark.settled(), interrupted]);
        return { status: "ok", text };
      } catch (thrown) {
        return await this.withRepair(thrown, { status: "error", ...errorContent(thrown, kernelCells.sources(cell)) });
      }
    };
    try {
      return await (this.spark ? this.spark.withTag(tag, body) : body());
    } finally {
      // After a failure or an interrupt, what the cell's statements come to is the cell's business
      // alone: it is not left for the next cell's first request to throw.
      this.spark?.settled().catch(() => undefined);
      this.#tag = undefined;
      this.#interrupt = undefined;
      progress.close();
      unobserve?.();
      leaveCell();
    }
  }

  /**
   * Interrupts the running cell: tslab abandons its awaits, and the cell's Spark operations are
   * cancelled on the server, so the cluster stops working for a cell nobody waits for.
   */
  interrupt(): void {
    const tag = this.#tag;
    this.executor.interrupt();
    this.#interrupt?.(new Error("Interrupted asynchronously"));
    if (tag && this.spark) this.spark.interruptTag(tag).catch(() => undefined);
  }

  private async failure(cell: CellRecord): Promise<CellOutcome> {
    const report = this.#report;
    if (report.thrown.length) {
      return this.withRepair(report.thrown[0], { status: "error", ...errorContent(report.thrown[0], kernelCells.sources(cell)) });
    }
    if (cell.diagnostics?.length) return { status: "error", ...cellDiagnosticsContent(cell.diagnostics, cell) };
    if (report.diagnostics.length) return { status: "error", ...diagnosticsContent(report.diagnostics) };
    return { status: "error", ...interruptContent() };
  }

  /** The failure, with what the kernel repaired after it (if anything) added to its traceback. */
  private async withRepair(thrown: unknown, outcome: CellOutcome & { status: "error" }): Promise<CellOutcome> {
    const note = await this.afterFailure?.(thrown).catch(() => undefined);
    return note ? { ...outcome, traceback: [...outcome.traceback, note] } : outcome;
  }
}
