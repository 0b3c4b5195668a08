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
 *
 * In the examples `query` is `await people.writeStream.format("memory").queryName("people_stream").start()`,
 * with `people` = `spark.readStream.schema("name STRING, age INT").json("people.json")`, a folder
 * that holds two rows (Ada 36, Alan 41).
 *
 * @example
 * ```ts
 * await query.processAllAvailable();
 * await spark.table("people_stream").orderBy("name").collect();   // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
 * await query.stop();
 * await query.isActive;   // false
 * ```
 */
export class StreamingQuery {
  /** @internal Made by `writeStream.start()` and `spark.streams`. */
  constructor(
    private readonly sparkSession: SparkSession,
    private readonly queryId: StreamingQueryInstanceId,
    /**
     * The query's name, empty when it has none.
     *
     * @example
     * ```ts
     * query.name;   // "people_stream"
     * ```
     */
    readonly name: string,
  ) {}

  /**
   * The query's id, the same across restarts from its checkpoint.
   *
   * @example
   * ```ts
   * query.id;   // "5273ce51-4a53-42cb-9551-c4cc3240a79b"
   * ```
   */
  get id(): string {
    return this.queryId.id;
  }

  /**
   * The id of this run of the query.
   *
   * @example
   * ```ts
   * query.runId;   // "2d379eb2-c9b3-43ad-8a1f-e707ed29afdc": another one each time the query starts
   * ```
   */
  get runId(): string {
    return this.queryId.runId;
  }

  /**
   * Whether the query is running.
   *
   * @example
   * ```ts
   * await query.isActive;   // true
   * await query.stop();
   * await query.isActive;   // false
   * ```
   */
  get isActive(): Promise<boolean> {
    return this.statusResult().then((s) => s.isActive);
  }

  /**
   * What the query is doing now.
   *
   * @example
   * ```ts
   * await query.processAllAvailable();
   * await query.status;   // { message: "Waiting for data to arrive", isDataAvailable: false, isTriggerActive: false }
   * await query.stop();
   * await query.status;   // { message: "Stopped", isDataAvailable: false, isTriggerActive: false }
   * ```
   */
  get status(): Promise<StreamingQueryStatus> {
    return this.statusResult().then((s) => ({
      message: s.statusMessage,
      isDataAvailable: s.isDataAvailable,
      isTriggerActive: s.isTriggerActive,
    }));
  }

  /**
   * The last micro-batch's progress, or null before the first one.
   *
   * @example
   * ```ts
   * await query.processAllAvailable();
   * const progress = await query.lastProgress;
   * // { id: "5273ce51-…", runId: "2d379eb2-…", name: "people_stream", timestamp: "…", batchId: 0, batchDuration: 2142,   (times vary)
   * //   durationMs: { triggerExecution: 2119, addBatch: 386, … }, eventTime: {}, stateOperators: [],
   * //   sources: [{ description: "FileStreamSource[file:/…/people.json]", startOffset: null, endOffset: "{\"logOffset\":0}",
   * //               numInputRows: 2, … }],
   * //   sink: { description: "MemorySink", numOutputRows: 2, metrics: {} }, observedMetrics: {} }
   * ```
   */
  get lastProgress(): Promise<StreamingQueryProgress | null> {
    return this.progress("lastProgress").then((list) => list.at(-1) ?? null);
  }

  /**
   * The progress of the recent micro-batches, oldest first.
   *
   * @example
   * ```ts
   * await query.processAllAvailable();
   * (await query.recentProgress).map((p) => p.batchId);   // [0]
   * ```
   */
  get recentProgress(): Promise<StreamingQueryProgress[]> {
    return this.progress("recentProgress");
  }

  /**
   * Stops the query.
   *
   * @example
   * ```ts
   * await query.stop();
   * await query.status;   // { message: "Stopped", isDataAvailable: false, isTriggerActive: false }
   * ```
   */
  async stop(): Promise<void> {
    await this.call("stop");
  }

  /**
   * Waits until the data available now has been processed and committed (for tests and notebooks).
   *
   * @example
   * ```ts
   * await query.processAllAvailable();
   * await spark.table("people_stream").count();   // 2
   * ```
   */
  async processAllAvailable(): Promise<void> {
    await this.call("processAllAvailable");
  }

  /**
   * Waits for the query to end: at most `timeoutMs` when given (resolving to whether it ended),
   * else until it ends. Rejects with the query's error when it failed.
   *
   * @example
   * ```ts
   * await query.awaitTermination(100);   // false: still running after 100 ms
   * await query.stop();
   * await query.awaitTermination();      // true
   * const failing = await people.select(F.raise_error(lit("boom"))).writeStream.format("memory").queryName("failing").start();
   * await failing.awaitTermination();
   * // StreamingQueryException: [STREAM_FAILED] Query [id = …, runId = …] terminated with exception:
   * //   [USER_RAISED_EXCEPTION] boom SQLSTATE: P0001 SQLSTATE: XXKST
   * ```
   */
  async awaitTermination(timeoutMs?: number): Promise<boolean> {
    if (timeoutMs !== undefined) checkedWholeNumber(timeoutMs, "timeoutMs", { min: 0, max: Number.MAX_SAFE_INTEGER });
    const result = await this.run(awaitStreamingQuery(this.queryId, timeoutMs === undefined ? undefined : BigInt(timeoutMs)));
    return result?.resultType?.$case === "awaitTermination" ? result.resultType.awaitTermination.terminated : true;
  }

  /**
   * The error the query stopped with, or null.
   *
   * @example
   * ```ts
   * await query.exception();     // null
   * await failing.exception();   // failing: as in awaitTermination's example
   * // { message: "org.apache.spark.sql.streaming.StreamingQueryException: [USER_RAISED_EXCEPTION] boom SQLSTATE: P0001\n…",
   * //   errorClass: "STREAM_FAILED", stackTrace: "org.apache.spark.sql.streaming.StreamingQueryException: …" }
   * ```
   */
  async exception(): Promise<StreamingQueryException | null> {
    const result = await this.call("exception");
    const e = result?.resultType?.$case === "exception" ? result.resultType.exception : undefined;
    return e?.exceptionMessage === undefined ? null : { message: e.exceptionMessage, errorClass: e.errorClass, stackTrace: e.stackTrace };
  }

  /**
   * The query's plans, as Spark prints them.
   *
   * @example
   * ```ts
   * await query.processAllAvailable();
   * await query.explain();
   * // == Physical Plan ==
   * // WriteToDataSourceV2 MicroBatchWrite[epoch: 0, writer: org.apache.spark.sql.execution.streaming.sources.MemoryStreamingWrite@…]
   * // +- FileScan json [name#…,age#…] Batched: false, DataFilters: [], Format: JSON, Location: InMemoryFileIndex(2 paths)[…], …
   * ```
   */
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

/**
 * The session's streaming queries (`spark.streams`). The examples run `query` of
 * {@link StreamingQuery}'s examples.
 *
 * @example
 * ```ts
 * (await spark.streams.active).map((q) => q.name);   // ["people_stream"]
 * ```
 */
export class StreamingQueryManager {
  /** @internal Use `spark.streams`. */
  constructor(private readonly sparkSession: SparkSession) {}

  /**
   * The queries running now.
   *
   * @example
   * ```ts
   * (await spark.streams.active).map((q) => q.name);   // ["people_stream"]
   * await query.stop();
   * await spark.streams.active;   // []
   * ```
   */
  get active(): Promise<StreamingQuery[]> {
    return this.run(streamingQueryManagerCommand("active")).then((result) =>
      result?.resultType?.$case === "active"
        ? result.resultType.active.activeQueries.filter((q) => q.id).map((q) => new StreamingQuery(this.sparkSession, q.id!, q.name ?? ""))
        : [],
    );
  }

  /**
   * An active query by id, or null when the session has no active query of that id.
   *
   * @example
   * ```ts
   * (await spark.streams.get(query.id))?.name;   // "people_stream"
   * await query.stop();
   * await spark.streams.get(query.id);   // null
   * ```
   */
  async get(id: string): Promise<StreamingQuery | null> {
    const result = await this.run(getStreamingQuery(id));
    const query = result?.resultType?.$case === "query" ? result.resultType.query : undefined;
    return query?.id ? new StreamingQuery(this.sparkSession, query.id, query.name ?? "") : null;
  }

  /**
   * Waits until any query ends (since the last {@link StreamingQueryManager.resetTerminated}): at
   * most `timeoutMs` when given, resolving to whether one ended. Rejects with the error of a query
   * that failed.
   *
   * @example
   * ```ts
   * await spark.streams.awaitAnyTermination(100);   // false: no query ended yet
   * await query.stop();
   * await spark.streams.awaitAnyTermination();      // true
   * ```
   */
  async awaitAnyTermination(timeoutMs?: number): Promise<boolean> {
    const result = await this.run(awaitAnyStreamingQuery(timeoutMs === undefined ? undefined : BigInt(timeoutMs)));
    return result?.resultType?.$case === "awaitAnyTermination" ? result.resultType.awaitAnyTermination.terminated : true;
  }

  /**
   * Forgets the queries that ended, for the next {@link StreamingQueryManager.awaitAnyTermination}.
   *
   * @example
   * ```ts
   * await query.stop();
   * await spark.streams.resetTerminated();
   * await spark.streams.awaitAnyTermination(100);   // false
   * ```
   */
  async resetTerminated(): Promise<void> {
    await this.run(streamingQueryManagerCommand("resetTerminated"));
  }

  private async run(command: Command) {
    const summary = await executeCommand(this.sparkSession.client, command);
    return commandResult(summary, "streamingQueryManagerCommandResult")?.streamingQueryManagerCommandResult;
  }
}
