// The progress display of one cell's Spark work: shown once an operation has run for a second,
// updated in place through one display id, and replaced when the cell ends by one line that sums
// the work up (stages, tasks, rows and bytes read, time), which the saved notebook keeps. Cells
// whose operations all ended within the second show nothing and keep nothing: most cells are such,
// and a line under each would bury the results.
import { progressBundle, summaryBundle, type StageProgress } from "./progressBar";
import { tallyOfAll, type OperationReport } from "./stageTally";

/** Sends a display bundle; `update` replaces the output shown under the same id. */
export type DisplayWriter = (bundle: Record<string, string>, displayId: string, update: boolean) => void;

/** Timers, injectable so tests need not wait. */
export interface Clock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** How long an operation runs before its progress is shown, and how often the view refreshes. */
const SHOW_AFTER_MS = 1000;
const REFRESH_MS = 500;

/** One operation of the cell: what the server reported, and when it started and ended. */
interface Operation {
  readonly started: number;
  ended: number | undefined;
  stages: readonly StageProgress[] | undefined;
  inflightTasks: number;
  rowsRead: number | undefined;
  planStages: number | undefined;
  outcome: OperationReport["outcome"];
  readonly sparkUi: string | undefined;
}

/**
 * The progress view of one cell. Feed it operation events; call {@link close} when the cell ends.
 *
 * @example
 * ```ts
 * const view = new ProgressDisplay((bundle, id, update) => output.display(bundle, { displayId: id, update }), "progress-1");
 * view.started("op-1", "http://driver:4040/connect/session/?id=…");
 * view.progress("op-1", stages, 2);
 * view.ended("op-1");
 * view.close(); // the kept summary line, when the view was shown
 * ```
 */
export class ProgressDisplay {
  readonly #operations = new Map<string, Operation>();
  readonly #displayId: string;
  #shown = false;
  #closed = false;
  #lastText = "";
  #stopTimer: (() => void) | undefined;

  constructor(
    private readonly write: DisplayWriter,
    displayId: string,
    private readonly clock: Clock = systemClock,
  ) {
    this.#displayId = displayId;
  }

  /** An operation began; `sparkUi` is the Spark UI page to link to, when the kernel knows the UI. */
  started(operationId: string, sparkUi?: string): void {
    if (this.#closed) return;
    const op: Operation = {
      started: this.clock.now(),
      ended: undefined,
      stages: undefined,
      inflightTasks: 0,
      rowsRead: undefined,
      planStages: undefined,
      outcome: "running",
      sparkUi,
    };
    this.#operations.set(operationId, op);
    this.#stopTimer ??= this.clock.every(REFRESH_MS, () => this.tick());
  }

  /** The server reported the stages of an operation, and how many of its tasks run. */
  progress(operationId: string, stages: readonly StageProgress[], inflightTasks = 0): void {
    const op = this.#operations.get(operationId);
    if (!op || op.ended !== undefined) return;
    op.stages = stages;
    op.inflightTasks = inflightTasks;
  }

  /** The server's metrics at the end of an operation: the rows its plan read, the stages it ran. */
  executed(operationId: string, plan: { readonly rowsRead: number | undefined; readonly stages: number }): void {
    const op = this.#operations.get(operationId);
    if (!op) return;
    op.rowsRead = plan.rowsRead;
    op.planStages = plan.stages;
  }

  /** An operation ended: with its results, or not (`failed`: an error, a cancel). */
  ended(operationId: string, failed = false): void {
    const op = this.#operations.get(operationId);
    if (!op || op.ended !== undefined) return;
    op.ended = this.clock.now();
    op.outcome = failed ? "failed" : "succeeded";
  }

  /** The cell ended: stop refreshing and, when the view was shown, leave the summary in its place. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopTimer?.();
    this.#stopTimer = undefined;
    if (!this.#shown) return;
    const now = this.clock.now();
    const ops = [...this.#operations.values()];
    const end = Math.max(...ops.map((op) => op.ended ?? now));
    this.write(summaryBundle(tallyOfAll(ops), end - this.firstStart(), this.sparkUi()), this.#displayId, true);
  }

  private tick(): void {
    const now = this.clock.now();
    const running = [...this.#operations.values()].filter((op) => op.ended === undefined);
    if (running.length === 0) return;
    if (!this.#shown && !running.some((op) => now - op.started >= SHOW_AFTER_MS)) return;
    const bundle = progressBundle(tallyOfAll(this.#operations.values()), now - this.firstStart(), this.sparkUi());
    if (this.#shown && bundle["text/plain"] === this.#lastText) return;
    this.write(bundle, this.#displayId, this.#shown);
    this.#shown = true;
    this.#lastText = bundle["text/plain"];
  }

  private firstStart(): number {
    return Math.min(...[...this.#operations.values()].map((op) => op.started));
  }

  /** The link of the latest operation that has one (a renewed session has a page of its own). */
  private sparkUi(): string | undefined {
    return [...this.#operations.values()].reverse().find((op) => op.sparkUi)?.sparkUi;
  }
}
