// The streaming commands: starting a query (`writeStream`), with its trigger and sink, and the
// calls on a running query (`StreamingQuery`) and on the session's queries (`spark.streams`).
import type {
  Command,
  StreamingQueryCommand,
  StreamingQueryInstanceId,
  StreamingQueryManagerCommand,
  WriteStreamOperationStart,
} from "../../gen/spark/connect/commands";
import type { Relation } from "../../gen/spark/connect/relations";
import { deepFreeze } from "./freeze";

/** When a streaming query runs its micro-batches, as the protocol says it. */
export type TriggerNode = NonNullable<WriteStreamOperationStart["trigger"]>;

/** Where a streaming query writes, as the protocol says it. */
export type SinkNode = NonNullable<WriteStreamOperationStart["sinkDestination"]>;

/**
 * A micro-batch every `interval` (`"10 seconds"`).
 *
 * @example
 * ```ts
 * processingTimeTrigger("10 seconds");
 * ```
 */
export function processingTimeTrigger(interval: string): TriggerNode {
  return { $case: "processingTimeInterval", processingTimeInterval: interval };
}

/**
 * One micro-batch, then the query stops.
 *
 * @example
 * ```ts
 * onceTrigger();
 * ```
 */
export function onceTrigger(): TriggerNode {
  return { $case: "once", once: true };
}

/**
 * Micro-batches until the data available at the start is processed, then the query stops.
 *
 * @example
 * ```ts
 * availableNowTrigger();
 * ```
 */
export function availableNowTrigger(): TriggerNode {
  return { $case: "availableNow", availableNow: true };
}

/**
 * Continuous processing, checkpointing every `interval`.
 *
 * @example
 * ```ts
 * continuousTrigger("1 second");
 * ```
 */
export function continuousTrigger(interval: string): TriggerNode {
  return { $case: "continuousCheckpointInterval", continuousCheckpointInterval: interval };
}

/**
 * Real-time mode, in batches of `duration`.
 *
 * @example
 * ```ts
 * realTimeTrigger("5 minutes");
 * ```
 */
export function realTimeTrigger(duration: string): TriggerNode {
  return { $case: "realTimeBatchDuration", realTimeBatchDuration: duration };
}

/**
 * A file sink's path.
 *
 * @example
 * ```ts
 * sinkPath("/out/events");
 * ```
 */
export function sinkPath(path: string): SinkNode {
  return { $case: "path", path };
}

/**
 * A table to write into (created when it does not exist).
 *
 * @example
 * ```ts
 * sinkTable("events_copy");
 * ```
 */
export function sinkTable(tableName: string): SinkNode {
  return { $case: "tableName", tableName };
}

/** What a streaming query's start says besides its input ("" where the server's default applies). */
export interface StreamStartSpec {
  readonly format: string;
  readonly options: Readonly<Record<string, string>>;
  readonly partitioningColumnNames: readonly string[];
  readonly trigger?: TriggerNode;
  readonly outputMode: string;
  readonly queryName: string;
  readonly sinkDestination?: SinkNode;
  readonly clusteringColumnNames: readonly string[];
}

/**
 * Starts a streaming query writing the streaming relation `input`.
 *
 * @example
 * ```ts
 * writeStreamStart(ticks.plan, { format: "memory", options: {}, partitioningColumnNames: [], outputMode: "append", queryName: "ticks", clusteringColumnNames: [] });
 * ```
 */
export function writeStreamStart(input: Relation, spec: StreamStartSpec): Command {
  const { format, options, partitioningColumnNames, trigger, outputMode, queryName, sinkDestination, clusteringColumnNames } = spec;
  return deepFreeze({
    commandType: {
      $case: "writeStreamOperationStart",
      writeStreamOperationStart: {
        input,
        format,
        options: { ...options },
        partitioningColumnNames: [...partitioningColumnNames],
        ...(trigger ? { trigger } : {}),
        outputMode,
        queryName,
        ...(sinkDestination ? { sinkDestination } : {}),
        clusteringColumnNames: [...clusteringColumnNames],
      },
    },
  });
}

/** The calls on a streaming query that take no argument. */
export type StreamingQueryCall = "status" | "lastProgress" | "recentProgress" | "stop" | "processAllAvailable" | "exception";

type QueryCommandCase = NonNullable<StreamingQueryCommand["command"]>;

const QUERY_CALLS: Readonly<Record<StreamingQueryCall, QueryCommandCase>> = {
  status: { $case: "status", status: true },
  lastProgress: { $case: "lastProgress", lastProgress: true },
  recentProgress: { $case: "recentProgress", recentProgress: true },
  stop: { $case: "stop", stop: true },
  processAllAvailable: { $case: "processAllAvailable", processAllAvailable: true },
  exception: { $case: "exception", exception: true },
};

function queryCommand(queryId: StreamingQueryInstanceId, command: QueryCommandCase): Command {
  return deepFreeze({ commandType: { $case: "streamingQueryCommand", streamingQueryCommand: { queryId, command } } });
}

/**
 * A call on a running streaming query that takes no argument.
 *
 * @example
 * ```ts
 * streamingQueryCommand(query.queryId, "stop");
 * ```
 */
export function streamingQueryCommand(queryId: StreamingQueryInstanceId, call: StreamingQueryCall): Command {
  return queryCommand(queryId, { ...QUERY_CALLS[call] });
}

/**
 * A streaming query's plans, as Spark prints them.
 *
 * @example
 * ```ts
 * explainStreamingQuery(query.queryId, true);
 * ```
 */
export function explainStreamingQuery(queryId: StreamingQueryInstanceId, extended: boolean): Command {
  return queryCommand(queryId, { $case: "explain", explain: { extended } });
}

/**
 * Waits for a streaming query to end: at most `timeoutMs` when given.
 *
 * @example
 * ```ts
 * awaitStreamingQuery(query.queryId, 5000n);
 * ```
 */
export function awaitStreamingQuery(queryId: StreamingQueryInstanceId, timeoutMs?: bigint): Command {
  return queryCommand(queryId, { $case: "awaitTermination", awaitTermination: timeoutMs === undefined ? {} : { timeoutMs } });
}

/** The calls on the session's streaming queries that take no argument. */
export type StreamingQueryManagerCall = "active" | "resetTerminated";

type ManagerCommandCase = NonNullable<StreamingQueryManagerCommand["command"]>;

const MANAGER_CALLS: Readonly<Record<StreamingQueryManagerCall, ManagerCommandCase>> = {
  active: { $case: "active", active: true },
  resetTerminated: { $case: "resetTerminated", resetTerminated: true },
};

function managerCommand(command: ManagerCommandCase): Command {
  return deepFreeze({ commandType: { $case: "streamingQueryManagerCommand", streamingQueryManagerCommand: { command } } });
}

/**
 * A call on the session's streaming queries that takes no argument.
 *
 * @example
 * ```ts
 * streamingQueryManagerCommand("active");
 * ```
 */
export function streamingQueryManagerCommand(call: StreamingQueryManagerCall): Command {
  return managerCommand({ ...MANAGER_CALLS[call] });
}

/**
 * The session's streaming query of that id.
 *
 * @example
 * ```ts
 * getStreamingQuery("8f0c...");
 * ```
 */
export function getStreamingQuery(id: string): Command {
  return managerCommand({ $case: "getQuery", getQuery: id });
}

/**
 * Waits until any of the session's streaming queries ends: at most `timeoutMs` when given.
 *
 * @example
 * ```ts
 * awaitAnyStreamingQuery(1000n);
 * ```
 */
export function awaitAnyStreamingQuery(timeoutMs?: bigint): Command {
  return managerCommand({ $case: "awaitAnyTermination", awaitAnyTermination: timeoutMs === undefined ? {} : { timeoutMs } });
}
