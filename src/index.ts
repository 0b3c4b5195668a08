/**
 * spark-ts-kernel: a TypeScript client for Apache Spark Connect.
 *
 * @example
 * ```ts
 * import { SparkSession } from "spark-ts-kernel";
 * const spark = await SparkSession.builder.remote("sc://localhost:15002").getOrCreate();
 * await (await spark.sql("SELECT 1 AS one")).show();
 * ```
 */
export { SparkSession, SparkSessionBuilder, DEFAULT_REMOTE, type SqlArgs } from "./sql/session";
export { DataFrame, type ExplainModeName } from "./sql/dataframe";
export { RuntimeConfig, type ConfValue } from "./sql/conf";
export type { LiteralValue } from "./sql/plan/literal";
export * from "./sql/types";
export * from "./connect/errors";
export { parseConnectionString, type ConnectionOptions } from "./connect/connectionString";
export { SparkConnectClient, type ExecuteOptions } from "./connect/client";
export * from "./arrow";
