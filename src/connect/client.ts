import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { connectivityState, status as GrpcStatus, type CallOptions, type Metadata, type ServiceError } from "./grpc";
import {
  AnalyzePlanRequest,
  AddArtifactsResponse,
  AnalyzePlanResponse,
  CloneSessionResponse,
  ConfigRequest_Operation,
  ConfigResponse,
  ExecutePlanRequest,
  ExecutePlanResponse,
  FetchErrorDetailsResponse,
  InterruptRequest_InterruptType,
  InterruptResponse,
  Plan,
  ReleaseExecuteRequest,
  ReleaseExecuteResponse,
  UserContext,
} from "../gen/spark/connect/base";
import { artifactPayloads, type Artifact } from "./artifacts";
import { ConnectionOptions } from "./connectionString";
import { connectionAnswered, streamWhenAnswered } from "./connectionWait";
import { callMetadata, channelCredentials, channelOptions } from "./channelSettings";
import { clientTypeOf } from "./clientIdentity";
import { SessionChangedError, SparkConnectError, toSparkErrorWithDetails } from "./errors";
import { isServiceError } from "./errors/statusDetails";
import { EagerStatements } from "./eagerStatements";
import { OperationEvents, SessionTags } from "./operationEvents";
import { adaptToServer, changesUsedBy } from "./protocolChanges";
import {
  DEFAULT_RELEASE_BATCHING,
  reattachableExecute,
  reattachRequestFor,
  type ExecutionCalls,
  type ReleaseBatching,
  type ResponseStream,
} from "./reattachableExecution";
import { sparkConnectStub, type SparkConnectStub } from "./serviceStub";
import { DEFAULT_RETRY_POLICY, NO_RETRIES, REAL_TIME, withRetries, type RetryEnvironment, type RetryPolicy } from "./retryPolicy";
import { parseSparkVersion } from "./sparkVersion";

/** What `analyze` may ask: one case of AnalyzePlanRequest's `analyze` oneof. */
export type AnalyzeCase = NonNullable<AnalyzePlanRequest["analyze"]>;

/** Options of one ExecutePlan call. */
export interface ExecuteOptions {
  /** The operation's id (a UUID); one is made when not given, so the operation can be interrupted. */
  readonly operationId?: string;
  /** Tags for `interruptTag`. */
  readonly tags?: readonly string[];
  /**
   * Aborting cancels the call. A reattachable execution is then also released on the server, which
   * stops it; a non-reattachable one runs on unless the caller interrupts it.
   */
  readonly signal?: AbortSignal;
  /**
   * Whether this call is itself one of the session's eager statements (see {@link SparkConnectClient.statements}),
   * sent in its turn among them rather than after them. @internal
   */
  readonly statement?: boolean;
}

/**
 * Marks a call made by one of the session's eager statements (see {@link SparkConnectClient.statements}):
 * it runs in that statement's turn, where waiting for the statements before it would wait for itself.
 * Only the statements set it; other callers leave it out.
 */
export interface StatementCall {
  readonly statement?: boolean;
}

/**
 * How a {@link SparkConnectClient} copes with failures of the network and the server.
 *
 * @example
 * ```ts
 * // No retries at all, and result streams that end with the connection:
 * const client = new SparkConnectClient(options, { retryPolicy: NO_RETRIES, reattachableExecute: false });
 * ```
 */
export interface ClientOptions {
  /**
   * How calls that are safe to repeat (AnalyzePlan, Config, Interrupt, ReleaseExecute,
   * ReleaseSession) are retried, and how a broken result stream is reattached. Defaults to
   * {@link DEFAULT_RETRY_POLICY}, PySpark's default; {@link NO_RETRIES} turns retrying off.
   */
  readonly retryPolicy?: RetryPolicy;
  /**
   * Whether ExecutePlan runs reattachably (the default, as in PySpark): the server keeps the
   * results until the client releases them, so a broken stream resumes where it broke instead of
   * failing. Without it an ExecutePlan is never retried, because it cannot be repeated safely.
   */
  readonly reattachableExecute?: boolean;
  /** How often received responses are released on the server; see {@link DEFAULT_RELEASE_BATCHING}. */
  readonly releaseBatching?: ReleaseBatching;
  /**
   * Whether a server that has never been reached is retried too. Off by default: before the first
   * connection an unreachable server most likely means a wrong address or a server that is not
   * running, and saying so at once beats ten minutes of backoff. Once connected, an unreachable
   * server is a restart or a network blip, and the policy applies.
   */
  readonly retryBeforeFirstConnection?: boolean;
  /** The clock and the dice of the retries (tests replace them). */
  readonly retryEnvironment?: RetryEnvironment;
  /**
   * PEM certificates to trust for TLS instead of the system's (a private CA's, say). Without it,
   * the file named by `GRPC_DEFAULT_SSL_ROOTS_FILE_PATH` is trusted when that is set (gRPC's own
   * variable, which PySpark's gRPC honours too), else Node's root certificates.
   */
  readonly tlsRootCertificates?: Buffer | string;
  /**
   * How long a call waits for the server to answer a new connection, in milliseconds; overrides
   * the connection string's `connect_timeout_ms` (default 20 s). A server that accepts the TCP
   * connection and never speaks (a firewall, load balancer or half-dead proxy in the way) then
   * fails the call with a `SparkConnectionError` instead of holding it forever.
   */
  readonly connectTimeoutMs?: number;
  /**
   * The deadline of each unary call (AnalyzePlan, Config, Interrupt, ReleaseExecute,
   * ReleaseSession, FetchErrorDetails, CloneSession), in milliseconds from when it is sent:
   * {@link DEFAULT_CALL_TIMEOUT_MS} unless set. Result streams have none (a query may run for
   * hours); a silent peer under a stream is found by keepalive PINGs instead.
   */
  readonly callTimeoutMs?: number;
}

/**
 * Five minutes: far longer than any analysis or configuration call of a healthy server takes,
 * short enough that a server that took a call and never answered it does not hold it for good.
 */
export const DEFAULT_CALL_TIMEOUT_MS = 5 * 60_000;

/**
 * ReleaseExecute runs in the background, where nobody waits for it; a release the server does not
 * answer in this time is left to the server, which drops abandoned operations itself.
 */
const RELEASE_EXECUTE_TIMEOUT_MS = 30_000;

/**
 * ReleaseSession runs while a session is being closed, which should not wait for minutes: a few
 * retries, each with a short deadline (a server that holds the call without answering it).
 */
const MAX_RELEASE_SESSION_RETRIES = 3;
const RELEASE_SESSION_TIMEOUT_MS = 10_000;

/**
 * One Spark Connect session on one gRPC channel: the protocol's calls, each carrying the session
 * id, the user context and the client type, with server errors turned into {@link SparkConnectError}s.
 *
 * It knows plans only as protocol messages; DataFrames live above it.
 *
 * @example
 * ```ts
 * const client = new SparkConnectClient(parseConnectionString("sc://localhost:15002"));
 * const version = (await client.analyze({ $case: "sparkVersion", sparkVersion: {} })).result;
 * ```
 */
export class SparkConnectClient {
  /** The client-side session id every request carries. */
  readonly sessionId: string;
  readonly options: ConnectionOptions;
  private readonly stub: SparkConnectStub;
  private readonly userContext: UserContext;
  private readonly clientType: string;
  private serverSideSessionId: string | undefined;
  private closed = false;
  /** Tags put on every operation this client starts (see `SparkSession.addTag`). */
  readonly tags = new SessionTags();
  /** Start, progress and end of this client's operations. */
  readonly operations = new OperationEvents();
  /** How this client retries; see {@link ClientOptions}. */
  readonly retryPolicy: RetryPolicy;
  private readonly clientOptions: ClientOptions;
  private connectedOnce = false;
  /** Calls sent in the background (ReleaseExecute), so that `settled` can wait for them. */
  private readonly background = new Set<Promise<void>>();
  /** Aborted on close, which ends the waits of background retries and the result streams still open. */
  private readonly closing = new AbortController();
  private readonly connectTimeoutMs: number;
  private readonly callTimeoutMs: number;
  /**
   * Statements sent the moment they are written (`spark.sql`), which every later request of this
   * client waits for, and the relations they stand for in plans built before they ran.
   */
  readonly statements = new EagerStatements();
  /** The server's release, asked once (see {@link serverVersion}). */
  private version: Promise<string> | undefined;

  constructor(options: ConnectionOptions, clientOptions: ClientOptions = {}) {
    this.options = options;
    this.clientOptions = clientOptions;
    this.retryPolicy = clientOptions.retryPolicy ?? DEFAULT_RETRY_POLICY;
    // Every open result stream and background release listens for the close: as many as the
    // session has operations at once, which is no leak.
    setMaxListeners(0, this.closing.signal);
    this.connectTimeoutMs = positiveMs("connectTimeoutMs", clientOptions.connectTimeoutMs ?? options.connectTimeoutMs);
    this.callTimeoutMs = positiveMs("callTimeoutMs", clientOptions.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
    this.sessionId = options.sessionId ?? randomUUID();
    this.stub = sparkConnectStub(
      options.address,
      channelCredentials(options, {
        ...(clientOptions.tlsRootCertificates === undefined ? {} : { rootCertificates: Buffer.from(clientOptions.tlsRootCertificates) }),
      }),
      channelOptions(options),
    );
    this.userContext = { userId: options.userId ?? "", userName: options.userId ?? "", extensions: [] };
    this.clientType = clientTypeOf(options);
    this.watchFirstConnection();
  }

  /** Notes when the channel first becomes ready; see {@link ClientOptions.retryBeforeFirstConnection}. */
  private watchFirstConnection(): void {
    const channel = this.stub.getChannel();
    const check = (): void => {
      const state = channel.getConnectivityState(false);
      if (state === connectivityState.READY) this.connectedOnce = true;
      else if (state !== connectivityState.SHUTDOWN) channel.watchConnectivityState(state, Infinity, check);
    };
    check();
  }

  /**
   * Waits (at most the connect timeout) until the channel has a connection the server answered on;
   * `undefined` when it already has one. Every call waits here before it is sent.
   */
  private connection(signal?: AbortSignal, timeoutMs: number = this.connectTimeoutMs): Promise<void> | undefined {
    return connectionAnswered(this.stub.getChannel(), timeoutMs, signal);
  }

  /** Call options with the deadline of a unary call sent now. */
  private deadline(timeoutMs: number = this.callTimeoutMs): CallOptions {
    return { deadline: Date.now() + timeoutMs };
  }

  /** The policy for a call now: none while the server has never been reached (unless asked for). */
  private policy(): RetryPolicy {
    return this.connectedOnce || this.clientOptions.retryBeforeFirstConnection ? this.retryPolicy : NO_RETRIES;
  }

  private get retryEnvironment(): RetryEnvironment {
    return this.clientOptions.retryEnvironment ?? REAL_TIME;
  }

  /**
   * Resolves once every call this client sent in the background so far (the ReleaseExecute calls
   * of result streams) has been answered or has failed for good.
   *
   * @example
   * ```ts
   * for await (const response of client.execute(plan)) if (enough(response)) break;
   * await client.settled(); // the server has released the operation by now
   * ```
   */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** Whether {@link SparkConnectClient.close} was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** The server-side session id seen so far (it changes only when the server lost the session). */
  get observedServerSideSessionId(): string | undefined {
    return this.serverSideSessionId;
  }

  /** Fresh per call: grpc-js may add to the metadata object it is given. */
  private metadata(): Metadata {
    return callMetadata(this.options);
  }

  private base() {
    if (this.closed) throw new SparkConnectError("This Spark session has been stopped; create a new one.");
    return {
      sessionId: this.sessionId,
      userContext: this.userContext,
      clientType: this.clientType,
      clientObservedServerSideSessionId: this.serverSideSessionId,
    };
  }

  /**
   * Every response names the server-side session; a different one than before means the server
   * restarted or dropped our session, and results would silently come from a fresh, empty one.
   */
  private observe(serverSideSessionId: string): void {
    if (!serverSideSessionId) return;
    if (this.serverSideSessionId === undefined) {
      this.serverSideSessionId = serverSideSessionId;
    } else if (this.serverSideSessionId !== serverSideSessionId) {
      throw SessionChangedError.mismatch({
        sessionId: this.sessionId,
        observed: this.serverSideSessionId,
        received: serverSideSessionId,
      });
    }
  }

  /**
   * Runs a plan and yields each response as it arrives; the stream's backpressure is the caller's
   * pace. By default the execution is reattachable (see {@link ClientOptions.reattachableExecute}):
   * a stream that breaks resumes where it broke, and the stream ends only with the server's
   * ResultComplete.
   */
  async *execute(plan: Plan, options: ExecuteOptions = {}): AsyncGenerator<ExecutePlanResponse, void, undefined> {
    plan = await this.forServer(options.statement ? this.statements.inTurn(plan) : await this.statements.before(plan));
    const reattachable = this.clientOptions.reattachableExecute ?? true;
    const request: ExecutePlanRequest = {
      ...this.base(),
      operationId: options.operationId ?? randomUUID(),
      plan,
      requestOptions: reattachable ? [{ requestOption: { $case: "reattachOptions", reattachOptions: { reattachable } } }] : [],
      tags: [...new Set([...this.tags.all, ...(options.tags ?? [])])],
    };
    const operationId = request.operationId ?? "";
    // Stopping the session ends its open result streams too, even those nobody reads any more.
    const signal = options.signal === undefined ? this.closing.signal : AbortSignal.any([options.signal, this.closing.signal]);
    const responses = reattachable
      ? reattachableExecute(request, this.executionCalls(request), {
          policy: () => this.policy(),
          signal,
          environment: this.retryEnvironment,
          releaseBatching: this.clientOptions.releaseBatching ?? DEFAULT_RELEASE_BATCHING,
        })
      : this.executeOnce(request, signal);
    try {
      const operation = { operationId, tags: request.tags, plan };
      for await (const response of this.operations.track(operation, responses)) {
        this.observe(response.serverSideSessionId);
        yield response;
      }
    } catch (err) {
      throw await this.translate(err);
    }
  }

  /** The calls a reattachable execution of `request` makes, each with this client's ids and metadata. */
  private executionCalls(request: ExecutePlanRequest): ExecutionCalls {
    return {
      executePlan: (req) =>
        streamWhenAnswered(
          (signal) => this.connection(signal),
          () => withoutCallerStack(() => this.stub.executePlan(req, this.metadata()) as ResponseStream),
        ),
      reattachExecute: (lastResponseId) =>
        streamWhenAnswered(
          (signal) => this.connection(signal),
          () =>
            withoutCallerStack(
              () =>
                this.stub.reattachExecute(
                  reattachRequestFor(request, lastResponseId, this.serverSideSessionId),
                  this.metadata(),
                ) as ResponseStream,
            ),
        ),
      releaseExecute: (release) => this.releaseExecute(request, release),
    };
  }

  /**
   * Sends ReleaseExecute in the background, with retries. A release that fails for good is left to
   * the server, which drops abandoned operations by itself after a while.
   */
  private releaseExecute(request: ExecutePlanRequest, release: NonNullable<ReleaseExecuteRequest["release"]>): void {
    if (this.closed) return;
    const releaseRequest: ReleaseExecuteRequest = {
      sessionId: request.sessionId,
      userContext: request.userContext,
      operationId: request.operationId ?? "",
      clientType: request.clientType,
      clientObservedServerSideSessionId: this.serverSideSessionId,
      release,
    };
    const call = async () => {
      await this.connection(this.closing.signal);
      return new Promise<ReleaseExecuteResponse>((resolve, reject) => {
        this.stub.releaseExecute(
          releaseRequest,
          this.metadata(),
          this.deadline(Math.min(this.callTimeoutMs, RELEASE_EXECUTE_TIMEOUT_MS)),
          (error, response) => (error ? reject(error) : resolve(response)),
        );
      });
    };
    // Nobody waits for a release: its retries must not keep the process alive.
    const sent = withRetries(call, this.policy(), this.closing.signal, { environment: this.retryEnvironment, background: true }).then(
      () => undefined,
      () => undefined,
    );
    this.background.add(sent);
    void sent.finally(() => this.background.delete(sent));
  }

  /** ExecutePlan without reattach: one stream, never retried; leaving early interrupts the operation. */
  private async *executeOnce(
    request: ExecutePlanRequest,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ExecutePlanResponse, void, undefined> {
    const call = streamWhenAnswered(
      (waitSignal) => this.connection(waitSignal),
      () => withoutCallerStack(() => this.stub.executePlan(request, this.metadata()) as ResponseStream),
    );
    const abort = () => call.cancel();
    signal?.addEventListener("abort", abort, { once: true });
    let finished = false;
    try {
      yield* call as AsyncIterable<ExecutePlanResponse>;
      finished = true;
    } catch (err) {
      finished = true;
      throw err;
    } finally {
      signal?.removeEventListener("abort", abort);
      if (!finished) this.abandon(call, request.operationId ?? "");
    }
  }

  /**
   * A consumer that stops reading a non-reattachable stream early (break, return, abort) leaves a
   * query the server would otherwise run to its end: cancelling the stream only stops the sending,
   * so the operation is interrupted too. Fire and forget: the consumer has moved on.
   */
  private abandon(call: { cancel(): void }, operationId: string): void {
    call.cancel();
    if (!this.closed) this.interrupt({ operationId }).catch(() => undefined);
  }

  /** Asks the server to analyze something (schema, explain, version, ...). Retried: it changes nothing. */
  async analyze(analyze: AnalyzeCase, call: StatementCall = {}): Promise<AnalyzePlanResponse> {
    return this.analyzeNow(call.statement ? this.statements.inTurn(analyze) : await this.statements.before(analyze));
  }

  /** AnalyzePlan without waiting for the session's statements (the server's version has nothing to wait for). */
  private async analyzeNow(analyze: AnalyzeCase): Promise<AnalyzePlanResponse> {
    analyze = await this.forServer(analyze);
    const response = await this.unary<AnalyzePlanResponse>((cb, call) =>
      this.stub.analyzePlan({ ...this.base(), analyze }, this.metadata(), call, cb),
    );
    this.observe(response.serverSideSessionId);
    return response;
  }

  /**
   * The Spark release of the server as it reports it (AnalyzePlan's `spark_version`), asked once
   * per client and then remembered. A failed ask is not remembered, so the next call asks again.
   *
   * @example
   * ```ts
   * await client.serverVersion(); // "4.3.0"
   * ```
   */
  serverVersion(): Promise<string> {
    this.version ??= this.analyzeNow({ $case: "sparkVersion", sparkVersion: {} }).then(
      (response) => (response.result?.$case === "sparkVersion" ? response.result.sparkVersion.version : ""),
      (err: unknown) => {
        this.version = undefined;
        throw err;
      },
    );
    return this.version;
  }

  /**
   * `request` in words the server reads (see ./protocolChanges.ts). Asks the server's version only
   * when the request uses a part of the protocol newer than Spark 3.5, which most never do.
   */
  private async forServer<T>(request: T): Promise<T> {
    const used = changesUsedBy(request);
    return used.length === 0 ? request : adaptToServer(request, parseSparkVersion(await this.serverVersion()), used);
  }

  /**
   * Reads or changes the session's runtime configuration. Retried: reads change nothing, and
   * setting or unsetting the same keys twice leaves the same configuration.
   */
  async config(opType: NonNullable<ConfigRequest_Operation["opType"]>, call: StatementCall = {}): Promise<ConfigResponse> {
    if (!call.statement) await this.statements.settled();
    const response = await this.unary<ConfigResponse>((cb, call) =>
      this.stub.config({ ...this.base(), operation: { opType } }, this.metadata(), call, cb),
    );
    this.observe(response.serverSideSessionId);
    return response;
  }

  /**
   * Uploads artifacts to the session's artifact store (cached local data, jars, files), in one
   * AddArtifacts stream. Resolves to the names the server stored; fails when it refused any (a CRC
   * mismatch). Not retried: the caller can send the same artifacts again.
   */
  async addArtifacts(artifacts: readonly Artifact[], call: StatementCall = {}): Promise<string[]> {
    if (!call.statement) await this.statements.settled();
    // No deadline: an upload takes as long as its bytes take. Keepalive finds a dead peer.
    const base = this.base();
    const response = await (async () => {
      await this.connection();
      return new Promise<AddArtifactsResponse>((resolve, reject) => {
        const call = this.stub.addArtifacts(this.metadata(), (error, res) => (error ? reject(error) : resolve(res)));
        for (const payload of artifactPayloads(artifacts)) call.write({ ...base, payload });
        call.end();
      });
    })().catch(async (err: unknown) => {
      throw await this.translate(err);
    });
    this.observe(response.serverSideSessionId);
    const refused = response.artifacts.filter((a) => !a.isCrcSuccessful).map((a) => a.name);
    if (refused.length > 0)
      throw new SparkConnectError(`The server refused these artifacts (their checksums did not match): ${refused.join(", ")}`);
    return response.artifacts.map((a) => a.name);
  }

  /**
   * Copies this session on the server (configuration, temp views, functions, catalog state) into a
   * new, independent session, and returns a client of the copy. Not retried: a retry after a lost
   * answer would clone twice.
   */
  async clone(newSessionId: string = randomUUID()): Promise<SparkConnectClient> {
    await this.statements.settled();
    const response = await this.unary<CloneSessionResponse>(
      (cb, call) => this.stub.cloneSession({ ...this.base(), newSessionId }, this.metadata(), call, cb),
      NO_RETRIES,
    );
    this.observe(response.serverSideSessionId);
    return this.forSession(response.newSessionId);
  }

  /** A client of another session (a new one when no id is given) on the same server, with the same options. */
  forSession(sessionId?: string): SparkConnectClient {
    const { host, port, useSsl, userId, userAgent, grpcMaxMessageSize, keepalive, connectTimeoutMs, headers, token } = this.options;
    const options = ConnectionOptions.from({
      host,
      port,
      useSsl,
      userId,
      userAgent,
      grpcMaxMessageSize,
      keepalive,
      connectTimeoutMs,
      headers,
      token,
      sessionId,
    });
    return new SparkConnectClient(options, this.clientOptions);
  }

  /** Interrupts running operations: all of this session's, those with a tag, or one by id. Retried: interrupting twice is interrupting once. */
  async interrupt(
    target: { readonly all: true } | { readonly tag: string } | { readonly operationId: string },
  ): Promise<readonly string[]> {
    const request =
      "all" in target
        ? { interruptType: InterruptRequest_InterruptType.INTERRUPT_TYPE_ALL, interrupt: undefined }
        : "tag" in target
          ? {
              interruptType: InterruptRequest_InterruptType.INTERRUPT_TYPE_TAG,
              interrupt: { $case: "operationTag" as const, operationTag: target.tag },
            }
          : {
              interruptType: InterruptRequest_InterruptType.INTERRUPT_TYPE_OPERATION_ID,
              interrupt: { $case: "operationId" as const, operationId: target.operationId },
            };
    const response = await this.unary<InterruptResponse>((cb, call) =>
      this.stub.interrupt({ ...this.base(), ...request }, this.metadata(), call, cb),
    );
    this.observe(response.serverSideSessionId);
    return response.interruptedIds;
  }

  /**
   * Releases the session on the server (its temp views, cached data and running operations go
   * with it), ends the result streams still open (a `toLocalIterator()` nobody finished), and
   * closes the channel. Idempotent. Closing never waits out an outage: the release is retried a
   * few times only, is skipped when the server was never reached (no session exists there), and a
   * server that cannot be reached is not an error here, since it drops idle sessions by itself.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    const policy = this.policy();
    this.closing.abort();
    try {
      if (this.connectedOnce) await this.releaseSession(policy);
    } finally {
      this.closed = true;
      this.stub.close();
    }
  }

  /**
   * ReleaseSession, retried a few times only. A server older than Spark 4.0 has no such call and
   * drops idle sessions by itself: there, closing just closes the channel. So does an unreachable
   * server: what it held is gone with it, or will be dropped as idle.
   */
  private async releaseSession(policy: RetryPolicy): Promise<void> {
    try {
      await this.unary(
        (cb, call) =>
          this.stub.releaseSession(
            { sessionId: this.sessionId, userContext: this.userContext, clientType: this.clientType, allowReconnect: false },
            this.metadata(),
            call,
            cb,
          ),
        { ...policy, maxRetries: Math.min(policy.maxRetries, MAX_RELEASE_SESSION_RETRIES) },
        Math.min(this.callTimeoutMs, RELEASE_SESSION_TIMEOUT_MS),
      );
    } catch (err) {
      const ignored = [GrpcStatus.UNIMPLEMENTED, GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED];
      if (!(err instanceof SparkConnectError && err.grpcCode !== undefined && ignored.includes(err.grpcCode))) throw err;
    }
  }

  /**
   * One unary call, sent once the server has answered the connection, with the call deadline;
   * retried as `policy` says, its failure translated.
   */
  private unary<T>(
    start: (callback: (error: ServiceError | null, response: T) => void, options: CallOptions) => unknown,
    policy: RetryPolicy = this.policy(),
    timeoutMs: number = this.callTimeoutMs,
  ): Promise<T> {
    const once = async () => {
      // A call never waits for the connection longer than its own deadline allows.
      await this.connection(undefined, Math.min(this.connectTimeoutMs, timeoutMs));
      return new Promise<T>((resolve, reject) => {
        start((error, response) => (error ? reject(error) : resolve(response)), this.deadline(timeoutMs));
      });
    };
    return withRetries(once, policy, undefined, { environment: this.retryEnvironment }).catch(async (err: unknown) => {
      throw await this.translate(err);
    });
  }

  /** Turns a gRPC failure into a typed error, with the server's full details when it has them. */
  private async translate(err: unknown): Promise<Error> {
    if (err instanceof SparkConnectError || !isServiceError(err)) return err as Error;
    return toSparkErrorWithDetails(err, (errorId) => this.fetchErrorDetails(errorId), { connection: this.options });
  }

  private fetchErrorDetails(errorId: string): Promise<FetchErrorDetailsResponse> {
    return new Promise((resolve, reject) => {
      this.stub.fetchErrorDetails(
        {
          sessionId: this.sessionId,
          userContext: this.userContext,
          clientType: this.clientType,
          clientObservedServerSideSessionId: this.serverSideSessionId,
          errorId,
        },
        this.metadata(),
        this.deadline(),
        (error, response) => (error ? reject(error) : resolve(response)),
      );
    });
  }
}

/**
 * Opens a result stream without the stack trace grpc-js captures for each call. That trace keeps
 * the frames of the code that opened the call alive as long as the call, and those frames are the
 * consumer's generators (a `toLocalIterator()`): with them reachable from the open call, an
 * iterator dropped unfinished could never be garbage-collected, and so never released. Stream
 * errors are translated into this client's own errors anyway.
 */
function withoutCallerStack<T>(open: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return open();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function positiveMs(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of milliseconds above 0, not ${value}`);
  return value;
}
