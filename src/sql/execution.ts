import type {
  ExecutePlanResponse,
  ExecutePlanResponse_Metrics_MetricObject,
  ExecutePlanResponse_ObservedMetrics,
  Plan,
} from "../gen/spark/connect/base";
import type { Command } from "../gen/spark/connect/commands";
import type { Relation } from "../gen/spark/connect/relations";
import type { DataType } from "../gen/spark/connect/types";
import type { ExecuteOptions, SparkConnectClient } from "../connect/client";
import { SparkConnectError } from "../connect/errors";
import type { Table } from "apache-arrow";
import { decodeTableAsItArrives } from "../arrow";
import { commandPlan } from "./plan/commands";

/** One Arrow IPC stream as the server sent it, with the row count it declared. */
export interface ArrowChunk {
  readonly data: Uint8Array;
  readonly rowCount: bigint;
}

/** What one executed plan produced, other than its Arrow data. */
export interface ExecutionSummary {
  /** The result's Spark schema, when the server sent one. */
  schema?: DataType;
  /** For a SQL command: the relation that stands for its result. */
  sqlCommandResult?: Relation;
  /**
   * The responses that carried neither Arrow data nor metrics nor progress: the results of commands
   * (checkpoint, streaming, ...), in order. Commands find their own case here.
   */
  commandResults?: NonNullable<ExecutePlanResponse["responseType"]>[];
  /** The id of the operation, as the server named it in its responses. */
  operationId?: string;
  /** The executed plan's operators with their metrics (sent at the end of a result). */
  metrics?: ExecutePlanResponse_Metrics_MetricObject[];
  /** The values of the plan's `observe` calls. */
  observedMetrics?: ExecutePlanResponse_ObservedMetrics[];
}

/** The cases of ExecutePlanResponse's `response_type` that are not a command's result. */
const NOT_RESULTS = new Set(["arrowBatch", "metrics", "executionProgress", "resultComplete", "observedMetrics"]);

/** The result of the given case among a command's responses, if the server sent one. */
export function commandResult<C extends NonNullable<ExecutePlanResponse["responseType"]>["$case"]>(
  summary: ExecutionSummary,
  $case: C,
): Extract<NonNullable<ExecutePlanResponse["responseType"]>, { $case: C }> | undefined {
  return summary.commandResults?.find(
    (result): result is Extract<NonNullable<ExecutePlanResponse["responseType"]>, { $case: C }> => result.$case === $case,
  );
}

/**
 * Runs a plan and yields its Arrow batches in order, checking that none went missing: each batch
 * must start where the previous one ended. Everything else the stream carries goes into `summary`.
 */
export async function* arrowChunks(
  client: SparkConnectClient,
  plan: Plan,
  summary: ExecutionSummary = {},
  options?: ExecuteOptions,
): AsyncGenerator<ArrowChunk, void, undefined> {
  let rowsSoFar = 0n;
  for await (const response of client.execute(plan, options)) {
    absorb(response, summary);
    const result = response.responseType;
    if (result?.$case !== "arrowBatch") continue;
    const batch = result.arrowBatch;
    if (batch.startOffset !== undefined && batch.startOffset !== rowsSoFar) {
      throw new SparkConnectError(
        `Result batch starts at row ${batch.startOffset}, but ${rowsSoFar} rows came before it: rows were lost or repeated.`,
      );
    }
    rowsSoFar += batch.rowCount;
    yield { data: batch.data, rowCount: batch.rowCount };
  }
}

/** Runs one command (a write, a checkpoint, a streaming call, ...) to its end; its results are in the summary. */
export async function executeCommand(client: SparkConnectClient, command: Command, options?: ExecuteOptions): Promise<ExecutionSummary> {
  const { summary } = await executeToChunks(client, commandPlan(command), options);
  return summary;
}

/** Runs a plan to its end and decodes its Arrow batches into one table as they arrive. */
export async function executeToTable(
  client: SparkConnectClient,
  plan: Plan,
  options?: ExecuteOptions,
): Promise<{ table: Table; summary: ExecutionSummary }> {
  const summary: ExecutionSummary = {};
  const table = await decodeTableAsItArrives(arrowChunks(client, plan, summary, options));
  return { table, summary };
}

/** Runs a plan to its end and keeps every Arrow batch. */
export async function executeToChunks(
  client: SparkConnectClient,
  plan: Plan,
  options?: ExecuteOptions,
): Promise<{ chunks: ArrowChunk[]; summary: ExecutionSummary }> {
  const summary: ExecutionSummary = {};
  const chunks: ArrowChunk[] = [];
  for await (const chunk of arrowChunks(client, plan, summary, options)) chunks.push(chunk);
  return { chunks, summary };
}

function absorb(response: ExecutePlanResponse, summary: ExecutionSummary): void {
  if (response.schema) summary.schema = response.schema;
  if (response.operationId) summary.operationId = response.operationId;
  if (response.metrics) (summary.metrics ??= []).push(...response.metrics.metrics);
  if (response.observedMetrics.length > 0) (summary.observedMetrics ??= []).push(...response.observedMetrics);
  if (response.responseType?.$case === "sqlCommandResult") {
    summary.sqlCommandResult = response.responseType.sqlCommandResult.relation;
  }
  const result = response.responseType;
  if (result && !NOT_RESULTS.has(result.$case)) (summary.commandResults ??= []).push(result);
}
