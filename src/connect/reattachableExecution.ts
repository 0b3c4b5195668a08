// ExecutePlan that survives a broken stream. The server keeps the responses of a reattachable
// operation until the client releases them, so when the stream breaks (a dropped connection, a
// server that ends the stream early on purpose) the client asks for the rest with ReattachExecute
// from the last response it received: nothing is lost, nothing is repeated, and the query is never
// run twice. Only a response with ResultComplete ends the stream.
import type { ExecutePlanRequest, ExecutePlanResponse, ReattachExecuteRequest, ReleaseExecuteRequest } from "../gen/spark/connect/base";
import { readErrorStatus } from "./errors/statusDetails";
import { OperationCanceledError, OperationLostError } from "./errors/sessionErrors";
import { SparkConnectError } from "./errors/sparkConnectError";
import { Backoff, isRetryable, REAL_TIME, type RetryEnvironment, type RetryPolicy } from "./retryPolicy";

/**
 * A server-streaming call as the execution drives it; a grpc-js `ClientReadableStream` is one.
 *
 * @example
 * ```ts
 * const stream: ResponseStream = stub.executePlan(request, metadata);
 * ```
 */
export interface ResponseStream extends AsyncIterable<ExecutePlanResponse> {
  cancel(): void;
}

/**
 * The calls a reattachable execution makes; the client supplies them with its ids and metadata.
 *
 * @example
 * ```ts
 * const calls: ExecutionCalls = {
 *   executePlan: (request) => stub.executePlan(request, metadata()),
 *   reattachExecute: (last) => stub.reattachExecute(reattachRequestFor(request, last, serverSideSessionId), metadata()),
 *   releaseExecute: (release) => void sendInBackground(release),
 * };
 * ```
 */
export interface ExecutionCalls {
  executePlan(request: ExecutePlanRequest): ResponseStream;
  reattachExecute(lastResponseId: string | undefined): ResponseStream;
  /** Sent in the background; its failures are the caller's to swallow. */
  releaseExecute(release: NonNullable<ReleaseExecuteRequest["release"]>): void;
}

/**
 * When responses already received are released on the server, in batches rather than one by one.
 *
 * @example
 * ```ts
 * const client = new SparkConnectClient(options, { releaseBatching: { responses: 8, intervalMs: 250 } });
 * ```
 */
export interface ReleaseBatching {
  /** Release after this many responses since the last release… */
  readonly responses: number;
  /** …or once this long has passed since it, whichever comes first. */
  readonly intervalMs: number;
}

/**
 * Release every 32 responses or every second. (The server also trims what it keeps on its own, so
 * this only bounds how long it holds results the client already has.)
 *
 * @example
 * ```ts
 * const lazier: ReleaseBatching = { ...DEFAULT_RELEASE_BATCHING, responses: 128 };
 * ```
 */
export const DEFAULT_RELEASE_BATCHING: ReleaseBatching = Object.freeze({ responses: 32, intervalMs: 1_000 });

/**
 * Options of {@link reattachableExecute}.
 *
 * @example
 * ```ts
 * const options: ReattachableOptions = { policy: DEFAULT_RETRY_POLICY, signal: controller.signal };
 * ```
 */
export interface ReattachableOptions {
  /** The policy, or a function asked for it at each break (the client's policy can change once it connects). */
  readonly policy: RetryPolicy | (() => RetryPolicy);
  readonly signal?: AbortSignal | undefined;
  readonly environment?: RetryEnvironment;
  readonly releaseBatching?: ReleaseBatching;
  readonly now?: () => number;
}

/**
 * Runs `request` (which must ask for reattachable execution and carry its operation id) and yields
 * every response exactly once, in order, reattaching through `calls` when the stream breaks with a
 * retryable error or ends before its ResultComplete. Received responses are released on the server
 * in batches; everything is released when the result is complete, when the stream fails, and when
 * the consumer stops early or `signal` aborts.
 *
 * @example
 * ```ts
 * for await (const response of reattachableExecute(request, calls, { policy: DEFAULT_RETRY_POLICY })) {
 *   if (response.responseType?.$case === "arrowBatch") decode(response.responseType.arrowBatch);
 * }
 * ```
 */
export async function* reattachableExecute(
  request: ExecutePlanRequest,
  calls: ExecutionCalls,
  options: ReattachableOptions,
): AsyncGenerator<ExecutePlanResponse, void, undefined> {
  const execution = new ReattachableExecution(request, calls, options);
  try {
    for (;;) {
      const response = await execution.next();
      if (response === undefined) return;
      yield response;
    }
  } finally {
    execution.close();
  }
}

const OPERATION_NOT_FOUND = "INVALID_HANDLE.OPERATION_NOT_FOUND";
const OPERATION_ABANDONED = "INVALID_HANDLE.OPERATION_ABANDONED";
const OPERATION_ALREADY_EXISTS = "INVALID_HANDLE.OPERATION_ALREADY_EXISTS";
const SESSION_NOT_FOUND = "INVALID_HANDLE.SESSION_NOT_FOUND";

/**
 * A stream that ends without a response after being open this long is the server's own limit on a
 * stream's duration over a query that has produced nothing yet (Spark ends reattachable streams
 * after two minutes by default): a normal end, not a fault.
 */
const QUIET_STREAM_MS = 10_000;

class ReattachableExecution {
  readonly #request: ExecutePlanRequest;
  readonly #calls: ExecutionCalls;
  readonly #options: ReattachableOptions;
  readonly #environment: RetryEnvironment;
  readonly #releaser: Releaser;
  readonly #now: () => number;
  #stream: ResponseStream;
  #responses: AsyncIterator<ExecutePlanResponse>;
  #lastResponseId: string | undefined;
  #complete = false;
  #closed = false;
  /** When the current stream was opened, and whether anything came on it. */
  #openedAt: number;
  #receivedOnStream = false;
  /** Backoff over streams that ended at once with nothing on them, in a row. */
  #emptyEnds: Backoff | undefined;
  // An abort ends the execution even when nobody is reading it (an abandoned iterator): the stream
  // is cancelled and the operation released, not left running on the server.
  readonly #onAbort = () => this.close();

  constructor(request: ExecutePlanRequest, calls: ExecutionCalls, options: ReattachableOptions) {
    this.#request = request;
    this.#calls = calls;
    this.#options = options;
    this.#environment = options.environment ?? REAL_TIME;
    this.#releaser = new Releaser(calls, options.releaseBatching ?? DEFAULT_RELEASE_BATCHING, options.now ?? Date.now);
    if (options.signal?.aborted) throw OperationCanceledError.byClient(request.operationId);
    this.#now = options.now ?? Date.now;
    this.#stream = calls.executePlan(request);
    this.#responses = this.#stream[Symbol.asyncIterator]();
    this.#openedAt = this.#now();
    options.signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  /** The next response, or `undefined` after the ResultComplete. */
  async next(): Promise<ExecutePlanResponse | undefined> {
    if (this.#complete) return undefined;
    // A fresh budget for every response: a long result may meet many unrelated outages. Made at
    // the first failure, when the policy in force is known.
    let backoff: Backoff | undefined;
    for (;;) {
      let step: IteratorResult<ExecutePlanResponse>;
      try {
        step = await this.#responses.next();
      } catch (error) {
        backoff ??= new Backoff(this.#policy(), this.#environment.random);
        await this.#recover(error, backoff);
        continue;
      }
      if (step.done) {
        // The server ends a reattachable stream early on purpose (a time or size limit per
        // stream); everything after the last response is still there.
        await this.#afterEmptyEnd();
        this.#reattach();
        continue;
      }
      this.#receivedOnStream = true;
      this.#emptyEnds = undefined;
      const response = step.value;
      this.#lastResponseId = response.responseId;
      if (response.responseType?.$case === "resultComplete") {
        this.#complete = true;
        this.#releaser.all();
      } else {
        this.#releaser.received(response.responseId);
      }
      return response;
    }
  }

  /** Stops the stream and, unless the result was complete, releases the operation on the server. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#options.signal?.removeEventListener("abort", this.#onAbort);
    if (!this.#complete) {
      this.#stream.cancel();
      this.#releaser.all();
    }
  }

  /**
   * A stream that ended without its ResultComplete is reattached; one that ended at once with
   * nothing on it, again and again, is a server or proxy that will never deliver: those reattach
   * with the policy's backoff, and fail once its retries are used up.
   */
  async #afterEmptyEnd(): Promise<void> {
    if (this.#receivedOnStream || this.#now() - this.#openedAt >= QUIET_STREAM_MS) {
      this.#emptyEnds = undefined;
      return;
    }
    this.#emptyEnds ??= new Backoff(this.#policy(), this.#environment.random);
    const wait = this.#emptyEnds.next();
    if (wait === undefined) {
      throw new SparkConnectError(
        `The server ended the result stream of operation ${this.#request.operationId ?? ""} ` +
          `${this.#emptyEnds.retries + 1} times in a row without sending anything; giving up.`,
        { operationId: this.#request.operationId },
      );
    }
    await this.#sleep(wait);
  }

  /** Decides what a failed stream means: wait and reattach, send the plan again, or give up. */
  async #recover(error: unknown, backoff: Backoff): Promise<void> {
    const operationId = this.#request.operationId;
    if (this.#options.signal?.aborted) throw OperationCanceledError.byClient(operationId);
    const errorClass = errorClassOf(error);
    if (errorClass === OPERATION_NOT_FOUND || errorClass === OPERATION_ABANDONED) {
      if (this.#lastResponseId !== undefined || errorClass === OPERATION_ABANDONED) {
        throw OperationLostError.onReattach(operationId, errorClass, error);
      }
      // No response ever came, and the server does not know the operation: the first ExecutePlan
      // never reached it, so sending it again cannot run the query twice.
      await this.#wait(error, backoff);
      this.#restart(() => this.#calls.executePlan(this.#request));
      return;
    }
    if (
      errorClass === SESSION_NOT_FOUND &&
      this.#lastResponseId === undefined &&
      this.#request.clientObservedServerSideSessionId === undefined
    ) {
      // The first request of a session that is new to this client was lost on its way: the server
      // creates a session when an ExecutePlan reaches it, so this one never did, and sending it
      // again runs it once (as PySpark does). A session the client had already seen is another
      // matter: the server lost it, and that error stands.
      await this.#wait(error, backoff);
      this.#restart(() => this.#calls.executePlan(this.#request));
      return;
    }
    if (errorClass === OPERATION_ALREADY_EXISTS) {
      // A resent ExecutePlan raced with the first one, which did arrive after all.
      this.#reattach();
      return;
    }
    if (!isRetryable(error, this.#policy())) throw error;
    await this.#wait(error, backoff);
    this.#reattach();
  }

  async #wait(error: unknown, backoff: Backoff): Promise<void> {
    const wait = backoff.next(error);
    if (wait === undefined) throw error;
    await this.#sleep(wait);
  }

  async #sleep(ms: number): Promise<void> {
    try {
      await this.#environment.sleep(ms, this.#options.signal);
    } catch {
      // The one way a sleep fails is an abort.
      throw OperationCanceledError.byClient(this.#request.operationId);
    }
  }

  #policy(): RetryPolicy {
    const policy = this.#options.policy;
    return typeof policy === "function" ? policy() : policy;
  }

  #reattach(): void {
    this.#restart(() => this.#calls.reattachExecute(this.#lastResponseId));
  }

  #restart(open: () => ResponseStream): void {
    this.#stream.cancel();
    if (this.#closed) throw OperationCanceledError.byClient(this.#request.operationId);
    this.#stream = open();
    this.#responses = this.#stream[Symbol.asyncIterator]();
    this.#openedAt = this.#now();
    this.#receivedOnStream = false;
  }
}

/** Sends ReleaseExecute for received responses in batches, and release-all once. */
class Releaser {
  #pending = 0;
  #lastRelease: number;
  #allSent = false;

  constructor(
    private readonly calls: ExecutionCalls,
    private readonly batching: ReleaseBatching,
    private readonly now: () => number,
  ) {
    this.#lastRelease = now();
  }

  received(responseId: string): void {
    if (this.#allSent) return;
    this.#pending += 1;
    const due = this.#pending >= this.batching.responses || this.now() - this.#lastRelease >= this.batching.intervalMs;
    if (!due) return;
    this.#pending = 0;
    this.#lastRelease = this.now();
    this.calls.releaseExecute({ $case: "releaseUntil", releaseUntil: { responseId } });
  }

  all(): void {
    if (this.#allSent) return;
    this.#allSent = true;
    this.calls.releaseExecute({ $case: "releaseAll", releaseAll: {} });
  }
}

/** The Spark error class a failed call names, from its ErrorInfo or, failing that, its message. */
function errorClassOf(error: unknown): string | undefined {
  const status = readErrorStatus(error);
  const fromInfo = status?.errorInfo?.metadata["errorClass"];
  if (fromInfo) return fromInfo;
  const message = status?.status.message ?? (error instanceof Error ? error.message : "");
  return /\[(INVALID_HANDLE\.[A-Z_]+)\]/.exec(message)?.[1];
}

/**
 * The ReattachExecute request for `request`'s operation, resuming after `lastResponseId` (from the
 * start when it is `undefined`).
 *
 * @example
 * ```ts
 * stub.reattachExecute(reattachRequestFor(request, "8c1f…", serverSideSessionId), metadata);
 * ```
 */
export function reattachRequestFor(
  request: ExecutePlanRequest,
  lastResponseId: string | undefined,
  clientObservedServerSideSessionId: string | undefined,
): ReattachExecuteRequest {
  return {
    sessionId: request.sessionId,
    userContext: request.userContext,
    operationId: request.operationId ?? "",
    clientType: request.clientType,
    clientObservedServerSideSessionId,
    lastResponseId,
  };
}
