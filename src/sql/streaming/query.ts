import type { Command, StreamingQueryInstanceId } from "../../gen/spark/connect/commands";
import { SparkConnectError } from "../../connect/errors";
import { commandResult, executeCommand } from "../execution";
import {
  awaitAnyStreamingQuery,
  awaitStreamingQuery,
  explainStreamingQuery,
  getStreamingQuery,
  streamingQueryCommand,
  streamingQueryManagerCommand,
  type StreamingQueryCall,
} from "../plan/streamingNodes";
import { checkedWholeNumber } from "../validation";
import type { SparkSession } from "../session";

/** What a streaming query is doing now. */
export interface StreamingQueryStatus {
  readonly message: string;
  readonly isDataAvailable: boolean;
  readonly isTriggerActive: boolean;
}

/** The error a streaming query stopped with. */
export interface StreamingQueryException {
  readonly message: string;
  readonly errorClass: string | undefined;
  readonly stackTrace: string | undefined;
}

/** A progress report of a micro-batch, as Spark writes it (JSON). */
export type StreamingQueryProgress = Readonly<Record<string, unknown>>;

/**
 * A running (or finished) streaming query on the server. Its state is asked of the server each
 * time: `await query.status`, `await query.lastProgress`.
 */
export class StreamingQuery {
  /** @internal Made by `writeStream.start()` and `spark.streams`. */
  constructor(
    private readonly sparkSession: SparkSession,
    private readonly queryId: StreamingQueryInstanceId,
    /** The query's name, empty when it has none. */
    readonly name: string,
  ) {}

  /** The query's id, the same across restarts from its checkpoint. */
  get id(): string {
    return this.queryId.id;
  }

  /** The id of this run of the query. */
  get runId(): string {
    return this.queryId.runId;
  }

  /** Whether the query is running. */
  get isActive(): Promise<boolean> {
    return this.statusResult().then((s) => s.isActive);
  }

  /** What the query is doing now. */
  get status(): Promise<StreamingQueryStatus> {
    return this.statusResult().then((s) => ({
      message: s.statusMessage,
      isDataAvailable: s.isDataAvailable,
      isTriggerActive: s.isTriggerActive,
    }));
  }

  /** The last micro-batch's progress, or null before the first one. */
  get lastProgress(): Promise<StreamingQueryProgress | null> {
    return this.progress("lastProgress").then((list) => list.at(-1) ?? null);
  }

  /** The progress of the recent micro-batches, oldest first. */
  get recentProgress(): Promise<StreamingQueryProgress[]> {
    return this.progress("recentProgress");
  }

  /** Stops the query. */
  async stop(): Promise<void> {
    await this.call("stop");
  }

  /** Waits until the data available now has been processed and committed (for tests and notebooks). */
  async processAllAvailable(): Promise<void> {
    await this.call("processAllAvailable");
  }

  /**
   * Waits for the query to end: at most `timeoutMs` when given (resolving to whether it ended),
   * else until it ends. Rejects with the query's error when it failed.
   */
  async awaitTermination(timeoutMs?: number): Promise<boolean> {
    if (timeoutMs !== undefined) checkedWholeNumber(timeoutMs, "timeoutMs", { min: 0, max: Number.MAX_SAFE_INTEGER });
    const result = await this.run(awaitStreamingQuery(this.queryId, timeoutMs === undefined ? undefined : BigInt(timeoutMs)));
    return result?.resultType?.$case === "awaitTermination" ? result.resultType.awaitTermination.terminated : true;
  }

  /** The error the query stopped with, or null. */
  async exception(): Promise<StreamingQueryException | null> {
    const result = await this.call("exception");
    const e = result?.resultType?.$case === "exception" ? result.resultType.exception : undefined;
    return e?.exceptionMessage === undefined ? null : { message: e.exceptionMessage, errorClass: e.errorClass, stackTrace: e.stackTrace };
  }

  /** The query's plans, as Spark prints them. */
  async explain(extended = false): Promise<string> {
    const result = await this.run(explainStreamingQuery(this.queryId, extended));
    return result?.resultType?.$case === "explain" ? result.resultType.explain.result : "";
  }

  private async statusResult() {
    const result = await this.call("status");
    if (result?.resultType?.$case !== "status") throw new SparkConnectError("The server sent no status for the streaming query.");
    return result.resultType.status;
  }

  private async progress(which: "lastProgress" | "recentProgress"): Promise<StreamingQueryProgress[]> {
    const result = await this.call(which);
    const json = result?.resultType?.$case === "recentProgress" ? result.resultType.recentProgress.recentProgressJson : [];
    return json.map((text) => JSON.parse(text) as StreamingQueryProgress);
  }

  private call(call: StreamingQueryCall) {
    return this.run(streamingQueryCommand(this.queryId, call));
  }

  private async run(command: Command) {
    const summary = await executeCommand(this.sparkSession.client, command);
    return commandResult(summary, "streamingQueryCommandResult")?.streamingQueryCommandResult;
  }
}

/** The session's streaming queries (`spark.streams`). */
export class StreamingQueryManager {
  /** @internal Use `spark.streams`. */
  constructor(private readonly sparkSession: SparkSession) {}

  /** The queries running now. */
  get active(): Promise<StreamingQuery[]> {
    return this.run(streamingQueryManagerCommand("active")).then((result) =>
      result?.resultType?.$case === "active"
        ? result.resultType.active.activeQueries.filter((q) => q.id).map((q) => new StreamingQuery(this.sparkSession, q.id!, q.name ?? ""))
        : [],
    );
  }

  /** A query by id, or null when the session has none of that id. */
  async get(id: string): Promise<StreamingQuery | null> {
    const result = await this.run(getStreamingQuery(id));
    const query = result?.resultType?.$case === "query" ? result.resultType.query : undefined;
    return query?.id ? new StreamingQuery(this.sparkSession, query.id, query.name ?? "") : null;
  }

  /**
   * Waits until any query ends (since the last {@link StreamingQueryManager.resetTerminated}): at
   * most `timeoutMs` when given, resolving to whether one ended.
   */
  async awaitAnyTermination(timeoutMs?: number): Promise<boolean> {
    const result = await this.run(awaitAnyStreamingQuery(timeoutMs === undefined ? undefined : BigInt(timeoutMs)));
    return result?.resultType?.$case === "awaitAnyTermination" ? result.resultType.awaitAnyTermination.terminated : true;
  }

  /** Forgets the queries that ended, for the next {@link StreamingQueryManager.awaitAnyTermination}. */
  async resetTerminated(): Promise<void> {
    await this.run(streamingQueryManagerCommand("resetTerminated"));
  }

  private async run(command: Command) {
    const summary = await executeCommand(this.sparkSession.client, command);
    return commandResult(summary, "streamingQueryManagerCommandResult")?.streamingQueryManagerCommandResult;
  }
}
