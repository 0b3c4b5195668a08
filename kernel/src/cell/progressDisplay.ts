// A live progress bar for the Spark work of one cell: shown once an operation has run for a
// second (quick queries leave no trace in the notebook), updated in place through one display id,
// and emptied when the cell ends.
import { progressBundle, type StageProgress } from "./progressBar";

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

/**
 * The progress view of one cell. Feed it operation events; call {@link close} when the cell ends.
 */
export class ProgressDisplay {
  readonly #running = new Map<string, { started: number; stages: readonly StageProgress[] | undefined }>();
  readonly #displayId: string;
  #shown = false;
  #dirty = false;
  #lastText = "";
  #stopTimer: (() => void) | undefined;
  #cellStarted: number;

  constructor(
    private readonly write: DisplayWriter,
    displayId: string,
    private readonly clock: Clock = systemClock,
  ) {
    this.#displayId = displayId;
    this.#cellStarted = clock.now();
  }

  /** An operation began. */
  started(operationId: string): void {
    this.#running.set(operationId, { started: this.clock.now(), stages: undefined });
    this.#stopTimer ??= this.clock.every(REFRESH_MS, () => this.tick());
  }

  /** The server reported the stages of an operation. */
  progress(operationId: string, stages: readonly StageProgress[]): void {
    const op = this.#running.get(operationId);
    if (!op) return;
    op.stages = stages;
    this.#dirty = true;
  }

  /** An operation ended (done, failed or cancelled). */
  ended(operationId: string): void {
    this.#running.delete(operationId);
    this.#dirty = true;
  }

  /** The cell ended: stop refreshing and empty the view. */
  close(): void {
    this.#stopTimer?.();
    this.#stopTimer = undefined;
    if (this.#shown) this.write({ "text/plain": "" }, this.#displayId, true);
    this.#shown = false;
  }

  private tick(): void {
    const now = this.clock.now();
    const current = [...this.#running.values()].at(-1);
    if (!current) return;
    if (!this.#shown && now - current.started < SHOW_AFTER_MS) return;
    const bundle = progressBundle(current.stages, now - this.#cellStarted);
    if (this.#shown && !this.#dirty && bundle["text/plain"] === this.#lastText && current.stages) return;
    this.write(bundle, this.#displayId, this.#shown);
    this.#shown = true;
    this.#dirty = false;
    this.#lastText = bundle["text/plain"]!;
  }
}
