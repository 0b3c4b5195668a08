// What a session's running operations are doing, for whoever watches (a notebook's progress bar):
// start, the server's progress reports, end. Observers cannot break an operation: their errors
// are swallowed.
import type { ExecutePlanResponse, ExecutePlanResponse_ExecutionProgress, Plan } from "../gen/spark/connect/base";

/** An operation, as observers see it. */
export interface OperationInfo {
  readonly operationId: string;
  /** The operation's tags: the session's tags when it started, and the call's own. */
  readonly tags: readonly string[];
  /** The plan it runs. */
  readonly plan: Plan;
}

/** Receives operation events; every method is optional. */
export interface OperationObserver {
  started?(operation: OperationInfo): void;
  progress?(operation: OperationInfo, progress: ExecutePlanResponse_ExecutionProgress): void;
  ended?(operation: OperationInfo, error?: unknown): void;
}

/** The observers of one client's operations. */
export class OperationEvents {
  readonly #observers = new Set<OperationObserver>();

  /** Adds an observer; returns the function that removes it. */
  observe(observer: OperationObserver): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  /**
   * Passes `responses` through, telling observers when the operation starts, progresses and ends.
   */
  async *track(
    operation: OperationInfo,
    responses: AsyncIterable<ExecutePlanResponse>,
  ): AsyncGenerator<ExecutePlanResponse, void, undefined> {
    this.emit((o) => o.started?.(operation));
    let error: unknown;
    try {
      for await (const response of responses) {
        if (response.responseType?.$case === "executionProgress") {
          const progress = response.responseType.executionProgress;
          this.emit((o) => o.progress?.(operation, progress));
        }
        yield response;
      }
    } catch (err) {
      error = err;
      throw err;
    } finally {
      this.emit((o) => o.ended?.(operation, error));
    }
  }

  private emit(event: (observer: OperationObserver) => void): void {
    for (const observer of this.#observers) {
      try {
        event(observer);
      } catch {
        // An observer's failure is its own; the operation goes on.
      }
    }
  }
}

/**
 * The tags a session puts on every operation it starts (PySpark's `spark.addTag`), so they can be
 * interrupted together with `interruptTag`.
 */
export class SessionTags {
  readonly #tags = new Set<string>();

  /** Adds a tag; Spark requires a non-empty tag without commas. */
  add(tag: string): void {
    if (typeof tag !== "string" || tag === "") throw new TypeError("a Spark operation tag must be a non-empty string");
    if (tag.includes(",")) throw new TypeError(`a Spark operation tag cannot contain ',': "${tag}"`);
    this.#tags.add(tag);
  }

  remove(tag: string): void {
    this.#tags.delete(tag);
  }

  clear(): void {
    this.#tags.clear();
  }

  /** The tags, in the order they were added. */
  get all(): readonly string[] {
    return [...this.#tags];
  }
}
