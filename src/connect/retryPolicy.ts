// When and how long to wait before trying a failed call again. A policy is plain data; the clock
// and the dice come in from outside, so a test can replay a schedule exactly.
import { status as GrpcStatus, type ServiceError } from "./grpc";
import { isServiceError, readErrorStatus } from "./errors/statusDetails";

/**
 * How a call that failed with a transient error is tried again: exponential backoff with a cap,
 * random jitter on long waits, and the server's own `RetryInfo` delay when it sends one.
 *
 * Wait number `n` (from 0) is `min(maxBackoffMs, initialBackoffMs * backoffMultiplier^n)`, raised to
 * the server's delay (at most `maxServerRetryDelayMs`) when there is one, plus a uniform random
 * `[0, jitterMs)` once the wait is at least `minJitterThresholdMs`.
 *
 * @example
 * ```ts
 * // Patient with a flaky network, quick to give up otherwise:
 * const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: 5, maxBackoffMs: 2_000 };
 * const client = new SparkConnectClient(options, { retryPolicy: policy });
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. */
  readonly maxRetries: number;
  readonly initialBackoffMs: number;
  /** No computed wait is longer (a server's `RetryInfo` delay may be). */
  readonly maxBackoffMs: number;
  readonly backoffMultiplier: number;
  /** The most random time added to a wait. */
  readonly jitterMs: number;
  /** Waits shorter than this get no jitter. */
  readonly minJitterThresholdMs: number;
  /** Whether to wait at least as long as the server's `RetryInfo.retry_delay` asks. */
  readonly recognizeServerRetryDelay: boolean;
  /** The longest server-asked delay honoured. */
  readonly maxServerRetryDelayMs: number;
  /**
   * gRPC status codes (numbers, as the gRPC specification and grpc-js's `status` number them) that
   * mean "try again": by default only 14, `UNAVAILABLE` (the connection is gone or not there yet).
   */
  readonly retryableCodes: readonly number[];
  /** Spark error classes that mean "try again", wherever the server's status names them. */
  readonly retryableErrorClasses: readonly string[];
  /** Whether any error carrying a `RetryInfo` is retried: the server's way to say it is transient. */
  readonly retryWhenServerSaysSo: boolean;
}

/**
 * PySpark's `DefaultPolicy` (and the Scala client's): 15 retries from 50 ms growing ×4 up to 60 s,
 * jitter up to 500 ms on waits of 2 s or more, so a client rides out about ten minutes of outage.
 * Retried: `UNAVAILABLE`, `INVALID_CURSOR.DISCONNECTED` (another call took over the result stream)
 * and any error with a `RetryInfo`, whose delay (up to ten minutes) is honoured.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 15,
  initialBackoffMs: 50,
  maxBackoffMs: 60_000,
  backoffMultiplier: 4,
  jitterMs: 500,
  minJitterThresholdMs: 2_000,
  recognizeServerRetryDelay: true,
  maxServerRetryDelayMs: 10 * 60 * 1000,
  retryableCodes: Object.freeze([GrpcStatus.UNAVAILABLE]),
  retryableErrorClasses: Object.freeze(["INVALID_CURSOR.DISCONNECTED"]),
  retryWhenServerSaysSo: true,
});

/**
 * A policy that never retries.
 *
 * @example
 * ```ts
 * const client = new SparkConnectClient(options, { retryPolicy: NO_RETRIES });
 * ```
 */
export const NO_RETRIES: RetryPolicy = Object.freeze({ ...DEFAULT_RETRY_POLICY, maxRetries: 0 });

/**
 * The clock and the dice of the retry loop, replaceable in tests.
 *
 * @example
 * ```ts
 * const waits: number[] = [];
 * const recorded: RetryEnvironment = { sleep: async (ms) => void waits.push(ms), random: () => 0 };
 * ```
 */
export interface RetryEnvironment {
  /**
   * Waits `ms` milliseconds; rejects with the signal's reason when it aborts first. With
   * `background`, the wait does not keep the process alive (nobody awaits the call it delays).
   */
  readonly sleep: (ms: number, signal?: AbortSignal, background?: boolean) => Promise<void>;
  /** A number in [0, 1). */
  readonly random: () => number;
}

/**
 * Real time and `Math.random`, the environment unless one is given.
 *
 * @example
 * ```ts
 * await withRetries(call, DEFAULT_RETRY_POLICY, undefined, { environment: REAL_TIME });
 * ```
 */
export const REAL_TIME: RetryEnvironment = Object.freeze({ sleep: abortableSleep, random: Math.random });

/**
 * Whether `policy` retries `error`: a gRPC failure with a retryable code, a retryable Spark error
 * class, or (when the policy says so) a `RetryInfo`. Anything else (a query's own error, a client
 * bug) is not retried.
 *
 * @example
 * ```ts
 * isRetryable(serviceError, DEFAULT_RETRY_POLICY); // true for UNAVAILABLE
 * ```
 */
export function isRetryable(error: unknown, policy: RetryPolicy): boolean {
  if (!isServiceError(error)) return false;
  if (policy.retryableCodes.includes(error.code)) return true;
  if (isLocalTransportFailure(error) && policy.retryableCodes.includes(GrpcStatus.UNAVAILABLE)) return true;
  const rich = readErrorStatus(error);
  if (policy.retryWhenServerSaysSo && rich?.retryInfo !== undefined) return true;
  const errorClass = rich?.errorInfo?.metadata["errorClass"];
  const message = rich?.status.message || error.details || "";
  return policy.retryableErrorClasses.some((c) => c === errorClass || message.includes(c));
}

/**
 * Whether the call was ended by this side's own HTTP/2 stack rather than by the server: grpc-js
 * reports such failures as `INTERNAL` "Received RST_STREAM … triggered by internal client error"
 * (a connection that went silent and was torn down can end its streams this way on Node.js 22),
 * unless the cause was a reset or a timeout, which it already calls `UNAVAILABLE`. Either way the
 * connection broke, not the query: the same as `UNAVAILABLE`.
 */
function isLocalTransportFailure(error: ServiceError): boolean {
  return error.code === GrpcStatus.INTERNAL && /^Received RST_STREAM with code \d+ triggered by internal client error/.test(error.details);
}

/**
 * The delay the server asks for in the error's `RetryInfo`, in milliseconds; `undefined` without one.
 *
 * @example
 * ```ts
 * serverRetryDelayMs(serviceError); // 1500 for retry_delay { seconds: 1, nanos: 500000000 }
 * ```
 */
export function serverRetryDelayMs(error: unknown): number | undefined {
  const delay = readErrorStatus(error)?.retryInfo?.retryDelay;
  if (delay === undefined) return undefined;
  return Number(delay.seconds) * 1000 + Math.floor(delay.nanos / 1_000_000);
}

/**
 * The backoff schedule of one call: each `next` gives the wait before the next attempt, or
 * `undefined` once the retries are used up.
 *
 * @example
 * ```ts
 * const schedule = new Backoff(DEFAULT_RETRY_POLICY, () => 0);
 * schedule.next(); // 50
 * schedule.next(); // 200
 * ```
 */
export class Backoff {
  #attempt = 0;
  #nextWait: number;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly random: () => number = Math.random,
  ) {
    this.#nextWait = policy.initialBackoffMs;
  }

  /** Retries granted so far. */
  get retries(): number {
    return this.#attempt;
  }

  /** The wait in whole milliseconds before retrying after `error`, or `undefined` when no retry is left. */
  next(error?: unknown): number | undefined {
    const policy = this.policy;
    if (this.#attempt >= policy.maxRetries) return undefined;
    this.#attempt += 1;
    let wait = this.#nextWait;
    this.#nextWait = Math.min(policy.maxBackoffMs, wait * policy.backoffMultiplier);
    if (policy.recognizeServerRetryDelay && error !== undefined) {
      const asked = serverRetryDelayMs(error);
      if (asked !== undefined) wait = Math.max(wait, Math.min(asked, policy.maxServerRetryDelayMs));
    }
    if (wait >= policy.minJitterThresholdMs) wait += this.random() * policy.jitterMs;
    return Math.floor(wait);
  }
}

/**
 * Options of {@link withRetries}.
 *
 * @example
 * ```ts
 * const options: RetryOptions = { onRetry: (error, waitMs) => console.warn(`retrying in ${waitMs} ms`, error) };
 * ```
 */
export interface RetryOptions {
  readonly signal?: AbortSignal | undefined;
  readonly environment?: RetryEnvironment;
  /** Told of each retry before its wait, e.g. for a log line. */
  readonly onRetry?: (error: unknown, waitMs: number, retry: number) => void;
  /** The call runs in the background: its waits must not keep the process alive. */
  readonly background?: boolean;
}

/**
 * Runs `fn` and, while it fails with an error `policy` retries, waits and runs it again. The last
 * error is thrown once the retries are used up; an abort of `signal` ends the wait at once with
 * the signal's reason. Only for calls that are safe to repeat.
 *
 * @example
 * ```ts
 * const response = await withRetries(() => analyzeOnce(request), DEFAULT_RETRY_POLICY, signal);
 * ```
 */
export async function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
  options: RetryOptions = {},
): Promise<T> {
  const environment = options.environment ?? REAL_TIME;
  const backoff = new Backoff(policy, environment.random);
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (signal?.aborted || !isRetryable(error, policy)) throw error;
      const wait = backoff.next(error);
      if (wait === undefined) throw error;
      options.onRetry?.(error, wait, backoff.retries);
      await environment.sleep(wait, signal, options.background);
    }
  }
}

/**
 * `setTimeout` as a promise that an AbortSignal can end early; with `background`, a timer that does
 * not keep the process alive.
 *
 * @example
 * ```ts
 * await abortableSleep(200, AbortSignal.timeout(100)); // rejects after 100 ms with a TimeoutError
 * ```
 */
export function abortableSleep(ms: number, signal?: AbortSignal, background = false): Promise<void> {
  return new Promise((resolve, reject) => {
    // An aborted signal throws its own reason, which rejects the promise with it.
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the signal's reason as the caller gave it, as Node's own abortable timers reject.
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (background) timer.unref();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
