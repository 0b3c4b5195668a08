/// <reference types="node" preserve="true" />
// Notebook cells are type-checked against this package's declarations; the reference makes Node's
// types (console, Buffer, ...) part of every cell's program, wherever the notebook lives.
/**
 * spark-ts: a TypeScript client for Apache Spark Connect.
 *
 * @example
 * ```ts
 * import { SparkSession } from "spark-ts";
 * const spark = await SparkSession.builder.remote("sc://localhost:15002").getOrCreate();
 * await (await spark.sql("SELECT 1 AS one")).show();
 * ```
 */
export {
  SparkSession,
  SparkSessionBuilder,
  DEFAULT_REMOTE,
  type SqlArgs,
  type ArtifactKind,
  type ProgressEvent,
  type ProgressHandler,
  type StageProgress,
} from "./sql/session";
export { DataFrame, type ExplainModeName, type JoinType, type SortArguments } from "./sql/dataframe";
export { PendingDataFrame } from "./sql/pendingDataFrame";
export type { TypedRow } from "./sql/typedRow";
export { PendingStatement } from "./sql/pendingStatement";
export { StorageLevel } from "./sql/storageLevel";
export { DataStreamReader } from "./sql/streaming/reader";
export { DataStreamWriter, type OutputMode, type Trigger } from "./sql/streaming/writer";
export {
  StreamingQuery,
  StreamingQueryManager,
  type StreamingQueryException,
  type StreamingQueryProgress,
  type StreamingQueryStatus,
} from "./sql/streaming/query";
export type { LocalRows, LocalSchema } from "./sql/localData";
export {
  Catalog,
  type CatalogColumn,
  type CatalogFunction,
  type CatalogMetadata,
  type CreateTableOptions,
  type Database,
  type Table,
  type TablePartition,
} from "./sql/catalog";
export { DataFrameReader, type FormatOptions, type SchemaLike } from "./sql/io/reader";
export { DataFrameWriter, DataFrameWriterV2, type SaveMode, type WriteFormatOptions } from "./sql/io/writer";
export type { OptionsRecord, OptionValue, Paths } from "./sql/io/options";
export { GroupedData, type AggregateFunctionName, type GroupingKind } from "./sql/grouping";
export { DataFrameNaFunctions, type DropHow, type DropOptions, type NaValue } from "./sql/na";
export { DataFrameStatFunctions } from "./sql/stat";
export { MergeIntoWriter, WhenMatched, WhenNotMatched, WhenNotMatchedBySource, type MergeAssignments } from "./sql/io/mergeIntoWriter";
export { ExecutionInfo, type MetricValue, type ObservedMetrics, type PlanMetrics } from "./sql/executionInfo";
export { TableValuedFunction } from "./sql/tableValuedFunction";
export { Column, col, lit, expr, type AliasOptions, type ColumnOrLiteral, type ColumnOrName } from "./sql/column";
export { Window, WindowSpec, type FrameBound } from "./sql/window";
export * as functions from "./sql/functions";
export { RuntimeConfig, type ConfValue } from "./sql/conf";
export type { LiteralValue } from "./sql/plan/literal";
export * from "./sql/types";
export { rowInterface, typeScriptType, type RowInterfaceOptions, type TypeScriptTypeOptions } from "./sql/types/rowInterface";
export * from "./connect/errors";
export { parseConnectionString, type ConnectionOptions } from "./connect/connectionString";
export { DEFAULT_CALL_TIMEOUT_MS, SparkConnectClient, type ClientOptions, type ExecuteOptions } from "./connect/client";
export { CLIENT_NAME, clientVersion } from "./connect/clientIdentity";
export type { OperationInfo, OperationObserver } from "./connect/operationEvents";
export { DEFAULT_RETRY_POLICY, NO_RETRIES, withRetries, isRetryable, type RetryPolicy, type RetryEnvironment } from "./connect/retryPolicy";
export { DEFAULT_RELEASE_BATCHING, type ReleaseBatching } from "./connect/reattachableExecution";
export * from "./arrow";
export {
  cellText,
  DEFAULT_MAX_CELL_CHARS,
  rowsBundle,
  rowsToHtml,
  rowsToText,
  TABLE_CLASS,
  tableBundle,
  tableToHtml,
  tableToText,
  type TableMimeBundle,
  type TableOptions,
} from "./render";
export { preview, type Preview } from "./sql/display/preview";
export { Chart } from "./sql/plot/chart";
export {
  DataFramePlot,
  type DistributionOptions,
  type HistOptions,
  type KdeOptions,
  type PiePlotOptions,
  type PlotLayout,
  type XYPlotOptions,
} from "./sql/plot/dataFramePlot";
export type { Aggregation } from "./sql/plot/plotComputations";
export { chartBundle, chartSvg, VEGA_LITE_MIME, type ChartBundle, type ChartData } from "./render";
export { ChartAccessError, type ChartAccess, type ChartRenderOptions, type RefusedRead } from "./render";
export type { VegaLiteChannel, VegaLiteData, VegaLiteEncoding, VegaLiteMark, VegaLiteSpec, VegaLiteStep, VegaLiteTitle } from "./render";
