// Waiting for a connection the server has answered on, for a bounded time.
//
// grpc-js counts a connection as READY only once the server's HTTP/2 SETTINGS arrived, and queues
// calls until then with no limit of its own: a host that accepts TCP and never speaks (a firewall
// or load balancer holding the connection, a half-dead proxy, a port that is not a Spark Connect
// server) would hold every call forever. Calls therefore wait here first, and fail with a clear
// error when the server has not answered in time.
import { connectivityState, Metadata, status as GrpcStatus, type Client, type ServiceError } from "./grpc";

/** The channel under a generated client (grpc-js's `Channel` interface, not its class of that name). */
type Channel = ReturnType<Client["getChannel"]>;

/**
 * The server did not answer a connection within the connect timeout. A `ServiceError` with
 * `UNAVAILABLE`, like any other unreachable server, so that retry policies treat it alike (never
 * retried before the first connection, retried after it); the client turns it into a
 * `SparkConnectionError` that says the server did not answer.
 */
export class NoAnswerError extends Error implements ServiceError {
  readonly code = GrpcStatus.UNAVAILABLE;
  readonly details: string;
  readonly metadata = new Metadata();

  constructor(
    /** How long the call waited, in milliseconds. */
    readonly waitedMs: number,
  ) {
    const details = `no answer within ${seconds(waitedMs)}`;
    super(`${GrpcStatus.UNAVAILABLE} UNAVAILABLE: ${details}`);
    this.name = "NoAnswerError";
    this.details = details;
  }
}

/** A call given up before it started (its stream was cancelled while it waited for the connection). */
export class CancelledBeforeStartError extends Error implements ServiceError {
  readonly code = GrpcStatus.CANCELLED;
  readonly details = "Cancelled on client";
  readonly metadata = new Metadata();

  constructor() {
    super(`${GrpcStatus.CANCELLED} CANCELLED: Cancelled on client`);
    this.name = "CancelledBeforeStartError";
  }
}

/** `1.5 s`, `20 s`: how errors say a wait. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
}

/**
 * Resolves once `channel` is READY (the server answered), or once it has failed (TRANSIENT_FAILURE:
 * the call will then fail at once with the real reason, e.g. a refused connection), or is shut
 * down. Rejects with a {@link NoAnswerError} when neither happened within `timeoutMs`, and with
 * the signal's reason when `signal` aborts first. Returns `undefined` instead of a promise when
 * there is nothing to wait for, so a call on a live connection starts without an extra turn of the
 * event loop.
 *
 * @example
 * ```ts
 * await connectionAnswered(stub.getChannel(), 20_000);
 * stub.analyzePlan(request, metadata, callback); // the server is there to answer it
 * ```
 */
export function connectionAnswered(channel: Channel, timeoutMs: number, signal?: AbortSignal): Promise<void> | undefined {
  // `true`: an IDLE channel starts connecting now, as the call would have made it.
  if (settled(channel.getConnectivityState(true))) return undefined;
  return new Promise<void>((resolve, reject) => {
    // An aborted signal throws its own reason, which rejects the promise with it.
    signal?.throwIfAborted();
    const started = Date.now();
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error === undefined) resolve();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a NoAnswerError, or the signal's reason as the caller gave it (the documented rejection).
      else reject(error);
    };
    const onAbort = () => finish(signal?.reason);
    // The one timer of the wait; grpc-js's own watch deadline would leave a timer behind when the
    // wait ends another way.
    const timer = setTimeout(() => finish(new NoAnswerError(Date.now() - started)), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    const watch = (state: connectivityState) => {
      if (done) return;
      if (settled(state)) return finish();
      channel.watchConnectivityState(state, Infinity, () => watch(channel.getConnectivityState(true)));
    };
    watch(channel.getConnectivityState(true));
  });
}

function settled(state: connectivityState): boolean {
  return state === connectivityState.READY || state === connectivityState.TRANSIENT_FAILURE || state === connectivityState.SHUTDOWN;
}

/** A server-streaming call: what can be read from it, and how to stop it. */
export interface CancellableStream<T> extends AsyncIterable<T> {
  cancel(): void;
}

/**
 * A stream that opens only once `ready` (a {@link connectionAnswered} wait) has resolved; cancelling
 * it before then ends the wait at once and the stream fails as cancelled. Without a wait (`ready`
 * undefined) the stream opens now.
 *
 * @example
 * ```ts
 * const stream = streamWhenAnswered((signal) => connectionAnswered(channel, 20_000, signal), () => stub.executePlan(request, metadata));
 * for await (const response of stream) handle(response);
 * ```
 */
export function streamWhenAnswered<T>(
  wait: (signal: AbortSignal) => Promise<void> | undefined,
  open: () => CancellableStream<T>,
): CancellableStream<T> {
  const cancelled = new AbortController();
  const ready = wait(cancelled.signal);
  if (ready === undefined) return open();
  let opened: CancellableStream<T> | undefined;
  return {
    cancel() {
      cancelled.abort(new CancelledBeforeStartError());
      opened?.cancel();
    },
    async *[Symbol.asyncIterator]() {
      await ready;
      if (cancelled.signal.aborted) throw new CancelledBeforeStartError();
      opened = open();
      yield* opened;
    },
  };
}
