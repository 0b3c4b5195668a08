import { randomUUID } from "node:crypto";
import type { Metadata, ServiceError } from "@grpc/grpc-js";
import {
  AnalyzePlanRequest,
  AnalyzePlanResponse,
  ConfigRequest_Operation,
  ConfigResponse,
  ExecutePlanResponse,
  FetchErrorDetailsResponse,
  InterruptRequest_InterruptType,
  InterruptResponse,
  Plan,
  SparkConnectServiceClient,
  UserContext,
} from "../gen/spark/connect/base";
import type { ConnectionOptions } from "./connectionString";
import { callMetadata, channelCredentials, channelOptions, clientTypeOf } from "./credentials";
import { isServiceError, SessionChangedError, SparkConnectError, toSparkErrorWithDetails } from "./errors";
import { OperationEvents, SessionTags } from "./operationEvents";

/** What `analyze` may ask: one case of AnalyzePlanRequest's `analyze` oneof. */
export type AnalyzeCase = NonNullable<AnalyzePlanRequest["analyze"]>;

/** Options of one ExecutePlan call. */
export interface ExecuteOptions {
  /** The operation's id (a UUID); one is made when not given, so the operation can be interrupted. */
  readonly operationId?: string;
  /** Tags for `interruptTag`. */
  readonly tags?: readonly string[];
  /** Aborting cancels the call; the caller decides whether to also interrupt the operation. */
  readonly signal?: AbortSignal;
}

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
  private readonly stub: SparkConnectServiceClient;
  private readonly userContext: UserContext;
  private readonly clientType: string;
  private serverSideSessionId: string | undefined;
  private closed = false;
  /** Tags put on every operation this client starts (see `SparkSession.addTag`). */
  readonly tags = new SessionTags();
  /** Start, progress and end of this client's operations. */
  readonly operations = new OperationEvents();

  constructor(options: ConnectionOptions) {
    this.options = options;
    this.sessionId = options.sessionId ?? randomUUID();
    this.stub = new SparkConnectServiceClient(
      options.address,
      channelCredentials(options),
      channelOptions(options),
    );
    this.userContext = { userId: options.userId ?? "", userName: options.userId ?? "", extensions: [] };
    this.clientType = clientTypeOf(options);
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

  /** Runs a plan and yields each response as it arrives; the stream's backpressure is the caller's pace. */
  async *execute(plan: Plan, options: ExecuteOptions = {}): AsyncGenerator<ExecutePlanResponse, void, undefined> {
    const request = {
      ...this.base(),
      operationId: options.operationId ?? randomUUID(),
      plan,
      requestOptions: [],
      tags: [...new Set([...this.tags.all, ...(options.tags ?? [])])],
    };
    const call = this.stub.executePlan(request, this.metadata());
    const abort = () => call.cancel();
    options.signal?.addEventListener("abort", abort, { once: true });
    let finished = false;
    try {
      const operation = { operationId: request.operationId, tags: request.tags, plan };
      for await (const response of this.operations.track(operation, call as AsyncIterable<ExecutePlanResponse>)) {
        this.observe(response.serverSideSessionId);
        yield response;
      }
      finished = true;
    } catch (err) {
      finished = true;
      throw await this.translate(err);
    } finally {
      options.signal?.removeEventListener("abort", abort);
      if (!finished) this.abandon(call, request.operationId);
    }
  }

  /**
   * A consumer that stops reading early (break, return, abort) leaves a query the server would
   * otherwise run to its end: cancelling the stream only stops the sending, so the operation is
   * interrupted too. Fire and forget: the consumer has moved on.
   */
  private abandon(call: { cancel(): void }, operationId: string): void {
    call.cancel();
    if (!this.closed) this.interrupt({ operationId }).catch(() => undefined);
  }

  /** Asks the server to analyze something (schema, explain, version, ...). */
  async analyze(analyze: AnalyzeCase): Promise<AnalyzePlanResponse> {
    const response = await this.unary<AnalyzePlanResponse>((cb) =>
      this.stub.analyzePlan({ ...this.base(), analyze }, this.metadata(), cb),
    );
    this.observe(response.serverSideSessionId);
    return response;
  }

  /** Reads or changes the session's runtime configuration. */
  async config(opType: NonNullable<ConfigRequest_Operation["opType"]>): Promise<ConfigResponse> {
    const response = await this.unary<ConfigResponse>((cb) =>
      this.stub.config({ ...this.base(), operation: { opType } }, this.metadata(), cb),
    );
    this.observe(response.serverSideSessionId);
    return response;
  }

  /** Interrupts running operations: all of this session's, those with a tag, or one by id. */
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
    const response = await this.unary<InterruptResponse>((cb) =>
      this.stub.interrupt({ ...this.base(), ...request }, this.metadata(), cb),
    );
    this.observe(response.serverSideSessionId);
    return response.interruptedIds;
  }

  /**
   * Releases the session on the server (its temp views, cached data and running operations go
   * with it) and closes the channel. Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.unary((cb) =>
        this.stub.releaseSession(
          { sessionId: this.sessionId, userContext: this.userContext, clientType: this.clientType, allowReconnect: false },
          this.metadata(),
          cb,
        ),
      );
    } finally {
      this.closed = true;
      this.stub.close();
    }
  }

  private unary<T>(start: (callback: (error: ServiceError | null, response: T) => void) => unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      start((error, response) => (error ? reject(error) : resolve(response)));
    }).catch(async (err: unknown) => {
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
        (error, response) => (error ? reject(error) : resolve(response)),
      );
    });
  }
}
