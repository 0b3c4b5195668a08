// What a session's running operations are doing, for whoever watches (a notebook's progress bar):
// start, the server's progress reports, end. Observers cannot break an operation: their errors
// are swallowed.
import { AsyncLocalStorage } from "node:async_hooks";
import type {
  ExecutePlanResponse,
  ExecutePlanResponse_ExecutionProgress,
  ExecutePlanResponse_Metrics,
  Plan,
} from "../gen/spark/connect/base";

/** An operation, as observers see it. */
export interface OperationInfo {
  readonly operationId: string;
  /** The operation's tags: those of the async context that started it, and the call's own. */
  readonly tags: readonly string[];
  /** The plan it runs. */
  readonly plan: Plan;
}

/** Receives operation events; every method is optional. */
export interface OperationObserver {
  started?(operation: OperationInfo): void;
  progress?(operation: OperationInfo, progress: ExecutePlanResponse_ExecutionProgress): void;
  /** The metrics of the executed plan's operators, which the server sends with its last results. */
  metrics?(operation: OperationInfo, metrics: ExecutePlanResponse_Metrics): void;
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
        const metrics = response.metrics;
        if (metrics) this.emit((o) => o.metrics?.(operation, metrics));
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

/** No tags: the tags of a context that never added any. */
const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * The tags a session puts on the operations it starts (PySpark's `spark.addTag`), so they can be
 * interrupted together with `interruptTag`.
 *
 * Tags belong to the async context that set them, as PySpark's belong to the thread: they live in
 * an `AsyncLocalStorage`, and every change makes a new set for the current context (copy on
 * write), so no other context ever sees it. A context inherits the tags of the one that started
 * it. {@link SessionTags.run} gives a piece of work a tag scope of its own; see
 * `SparkSession.withTags` for why concurrent tasks need one.
 */
export class SessionTags {
  readonly #storage = new AsyncLocalStorage<ReadonlySet<string>>();

  /** Adds a tag for the current async context; Spark requires a non-empty tag without commas. */
  add(tag: string): void {
    checkTag(tag);
    const current = this.#current();
    if (!current.has(tag)) this.#storage.enterWith(new Set([...current, tag]));
  }

  /** Removes a tag from the current async context. */
  remove(tag: string): void {
    const current = this.#current();
    if (current.has(tag)) this.#storage.enterWith(new Set([...current].filter((t) => t !== tag)));
  }

  /** Removes every tag from the current async context. */
  clear(): void {
    if (this.#current().size > 0) this.#storage.enterWith(NO_TAGS);
  }

  /** The current async context's tags, in the order they were added. */
  get all(): readonly string[] {
    return [...this.#current()];
  }

  /**
   * Runs `fn` in a tag scope of its own: it starts with the current tags plus `tags`, and what
   * `fn` and the work it starts add or remove stays inside it.
   */
  run<T>(tags: readonly string[], fn: () => T): T {
    for (const tag of tags) checkTag(tag);
    return this.#storage.run(new Set([...this.#current(), ...tags]), fn);
  }

  #current(): ReadonlySet<string> {
    return this.#storage.getStore() ?? NO_TAGS;
  }
}

function checkTag(tag: string): void {
  if (typeof tag !== "string" || tag === "") throw new TypeError("a Spark operation tag must be a non-empty string");
  if (tag.includes(",")) throw new TypeError(`a Spark operation tag cannot contain ',': "${tag}"`);
}
