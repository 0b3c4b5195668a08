// Turning a failed grpc-js call into the error this client raises. Nothing here does I/O: the
// FetchErrorDetails answer comes in from the caller (or from a fetcher the caller passes), and
// nothing here throws, because it runs while another error is being reported.
import { status as GrpcStatus, type ServiceError } from "../grpc";
import type { ErrorInfo } from "../../gen/google/rpc/error_details";
import {
  FetchErrorDetailsResponse_QueryContext_ContextType as ContextType,
  type FetchErrorDetailsResponse,
  type FetchErrorDetailsResponse_Error,
  type FetchErrorDetailsResponse_SparkThrowable,
} from "../../gen/spark/connect/base";
import type { ConnectionOptions } from "../connectionString";
import { NoAnswerError, seconds } from "../connectionWait";
import { SparkAuthenticationError, SparkConnectionError } from "./connectionErrors";
import { errorClassFor } from "./javaClassMapping";
import { UnknownException } from "./serverExceptions";
import { OperationCanceledError } from "./sessionErrors";
import { SparkConnectError, type BreakingChangeInfo, type QueryContext } from "./sparkConnectError";
import { ERROR_INFO_KEYS, errorIdOf, isServiceError, readErrorStatus, type ErrorStatus } from "./statusDetails";

/** What the client knows about a failed call beyond the error itself. */
export interface ErrorContext {
  /** The `FetchErrorDetails` answer for the error's {@link errorIdOf | errorId}, when fetched. */
  readonly details?: FetchErrorDetailsResponse;
  /** The connection the call used; connection errors name its address (never its token). */
  readonly connection?: ConnectionOptions;
  /** The id of the `ExecutePlan` operation the call belonged to. */
  readonly operationId?: string;
}

/** Fetches the details of a server error by its id, e.g. with the `FetchErrorDetails` RPC. */
export type ErrorDetailsFetcher = (errorId: string) => Promise<FetchErrorDetailsResponse | undefined>;

/**
 * The error to raise for a failed call: a {@link SparkConnectError} subclass chosen from the Java
 * exception the server reports, with Spark's message, error class, SQLSTATE, message parameters,
 * query contexts, server stack trace and cause chain (the last three need `context.details`). A
 * failure without Spark's status details (server unreachable, credentials refused, call
 * cancelled, …) becomes a client-side error. A `SparkConnectError` is returned as it is.
 *
 * @example
 * ```ts
 * client.analyzePlan(request, metadata, (err, response) => {
 *   if (err) return reject(toSparkError(err, { connection }));
 *   // …
 * });
 * ```
 */
export function toSparkError(error: unknown, context: ErrorContext = {}): SparkConnectError {
  if (error instanceof SparkConnectError) return error;
  if (!isServiceError(error)) return foreignError(error, context);
  const rich = readErrorStatus(error);
  if (rich?.errorInfo !== undefined) return serverError(error, rich, rich.errorInfo, context);
  return transportError(error, rich, context);
}

/**
 * Like {@link toSparkError}, but first fetches the error's details with `fetchDetails` when
 * the server kept them (an `errorId` in the ErrorInfo). A fetch that fails leaves the error as
 * complete as the status details alone make it (the server's message can then be cut at 2 KiB).
 *
 * @example
 * ```ts
 * const error = await toSparkErrorWithDetails(err, (errorId) => fetchErrorDetails(errorId), { connection });
 * ```
 */
export async function toSparkErrorWithDetails(
  error: unknown,
  fetchDetails: ErrorDetailsFetcher,
  context: ErrorContext = {},
): Promise<SparkConnectError> {
  if (context.details !== undefined) return toSparkError(error, context);
  const errorId = errorIdOf(error);
  if (errorId === undefined) return toSparkError(error, context);
  let details: FetchErrorDetailsResponse | undefined;
  try {
    details = await fetchDetails(errorId);
  } catch {
    // The original error matters more than why its details could not be fetched.
    details = undefined;
  }
  return toSparkError(error, details === undefined ? context : { ...context, details });
}

/**
 * The error for a list of server errors linked by `causeIdx`, as `FetchErrorDetailsResponse` and
 * `ExecutePlanResponse.ObservedMetrics` carry them. Returns `undefined` when `rootErrorIdx` points
 * at no error.
 *
 * @example
 * ```ts
 * const metrics = response.observedMetrics[0];
 * if (metrics?.rootErrorIdx !== undefined) throw errorFromErrorChain(metrics.errors, metrics.rootErrorIdx);
 * ```
 */
export function errorFromErrorChain(
  errors: readonly FetchErrorDetailsResponse_Error[],
  rootErrorIdx: number,
): SparkConnectError | undefined {
  const chain = causeChain(errors, rootErrorIdx);
  if (chain.length === 0) return undefined;
  return chainToError(chain, {});
}

// The server keeps at most 5 errors of a chain; more, or a loop, can only come from a bad answer.
const MAX_CHAIN = 16;

function causeChain(errors: readonly FetchErrorDetailsResponse_Error[], rootIdx: number | undefined) {
  const chain: FetchErrorDetailsResponse_Error[] = [];
  const seen = new Set<number>();
  let index = rootIdx;
  while (index !== undefined && Number.isInteger(index) && index >= 0 && index < errors.length) {
    if (seen.has(index) || chain.length >= MAX_CHAIN) break;
    seen.add(index);
    const error = errors[index];
    chain.push(error);
    index = error.causeIdx;
  }
  return chain;
}

/** What a server error says about itself, from whichever source had it. */
interface ServerFacts {
  message: string;
  classHierarchy: readonly string[];
  errorClass?: string | undefined;
  sqlState?: string | undefined;
  messageParameters?: Readonly<Record<string, string>> | undefined;
  queryContexts?: readonly QueryContext[] | undefined;
  breakingChangeInfo?: BreakingChangeInfo | undefined;
  serverStackTrace?: string | undefined;
  /** The Java class to name in an UnknownException's message. */
  reason?: string | undefined;
}

interface CallFacts {
  grpcCode?: GrpcStatus;
  errorId?: string;
  operationId?: string;
}

function serverError(error: ServiceError, rich: ErrorStatus, info: ErrorInfo, context: ErrorContext): SparkConnectError {
  const metadata = info.metadata;
  const call: CallFacts = {
    grpcCode: error.code,
    ...optional("errorId", nonEmpty(metadata[ERROR_INFO_KEYS.errorId])),
    ...optional("operationId", context.operationId),
  };
  const details = context.details;
  const chain = details === undefined ? [] : causeChain(details.errors, details.rootErrorIdx);
  const root = chain[0];
  const fromMetadata: ServerFacts = {
    message: cleanMessage(rich.status.message || error.details),
    classHierarchy: parseStringArray(metadata[ERROR_INFO_KEYS.classes]) ?? (info.reason ? [info.reason] : []),
    errorClass: nonEmpty(metadata[ERROR_INFO_KEYS.errorClass]),
    sqlState: nonEmpty(metadata[ERROR_INFO_KEYS.sqlState]),
    messageParameters: parseStringRecord(metadata[ERROR_INFO_KEYS.messageParameters]),
    serverStackTrace: nonEmpty(metadata[ERROR_INFO_KEYS.stackTrace]),
    reason: nonEmpty(info.reason),
  };
  if (root === undefined) return buildError(fromMetadata, call, undefined);
  // The details are complete where the status can be cut short (its message at 2 KiB, its
  // parameters dropped above spark.connect.grpc.maxMetadataSize), so they come first.
  const fromDetails = factsOf(chain);
  return chainToError(chain, call, {
    message: fromDetails.message || fromMetadata.message,
    classHierarchy: fromDetails.classHierarchy.length > 0 ? fromDetails.classHierarchy : fromMetadata.classHierarchy,
    errorClass: fromDetails.errorClass ?? fromMetadata.errorClass,
    sqlState: fromDetails.sqlState ?? fromMetadata.sqlState,
    messageParameters: root.sparkThrowable !== undefined ? fromDetails.messageParameters : fromMetadata.messageParameters,
    queryContexts: fromDetails.queryContexts,
    breakingChangeInfo: fromDetails.breakingChangeInfo,
    serverStackTrace: fromDetails.serverStackTrace ?? fromMetadata.serverStackTrace,
    reason: fromMetadata.reason ?? fromDetails.reason,
  });
}

/** Builds the error for `chain[0]` with the rest of the chain as its `cause`s. */
function chainToError(
  chain: readonly FetchErrorDetailsResponse_Error[],
  call: CallFacts,
  rootFacts: ServerFacts = factsOf(chain),
): SparkConnectError {
  let cause: SparkConnectError | undefined;
  for (let i = chain.length - 1; i >= 1; i--) cause = buildError(factsOf(chain.slice(i)), {}, cause);
  return buildError(rootFacts, call, cause);
}

function factsOf(chain: readonly FetchErrorDetailsResponse_Error[]): ServerFacts {
  const error = chain[0];
  const throwable: FetchErrorDetailsResponse_SparkThrowable | undefined = error.sparkThrowable;
  return {
    message: cleanMessage(error.message),
    classHierarchy: error.errorTypeHierarchy,
    errorClass: nonEmpty(throwable?.errorClass),
    sqlState: nonEmpty(throwable?.sqlState),
    messageParameters: throwable?.messageParameters,
    queryContexts: throwable?.queryContexts.map((c): QueryContext => ({
      contextType: c.contextType === ContextType.DATAFRAME ? "DATAFRAME" : "SQL",
      objectType: c.objectType,
      objectName: c.objectName,
      startIndex: c.startIndex,
      stopIndex: c.stopIndex,
      fragment: c.fragment,
      callSite: c.callSite,
      summary: c.summary,
    })),
    breakingChangeInfo: breakingChangeInfoOf(throwable),
    serverStackTrace: formatStackTrace(chain),
    reason: error.errorTypeHierarchy[0],
  };
}

function breakingChangeInfoOf(throwable: FetchErrorDetailsResponse_SparkThrowable | undefined): BreakingChangeInfo | undefined {
  const info = throwable?.breakingChangeInfo;
  if (info === undefined) return undefined;
  return {
    migrationMessages: info.migrationMessage,
    ...(info.mitigationConfig === undefined
      ? {}
      : { mitigationConfig: { key: info.mitigationConfig.key, value: info.mitigationConfig.value } }),
    // An unset needs_audit means "review by hand", the cautious reading PySpark takes too.
    needsAudit: info.needsAudit ?? true,
  };
}

/**
 * Servers older than Spark 4.0 send an error's class and SQLSTATE only inside its message, which
 * Spark writes as "[CLASS.SUB] text ... SQLSTATE: 42P01": read them from there when they are not
 * given apart.
 */
function withFactsFromMessage(facts: ServerFacts): ServerFacts {
  if (facts.errorClass !== undefined) return facts;
  const errorClass = /^\[([A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*)\]/.exec(facts.message)?.[1];
  if (errorClass === undefined) return facts;
  const sqlState = facts.sqlState ?? /SQLSTATE: ([0-9A-Z]{5})\b/.exec(facts.message)?.[1];
  return { ...facts, errorClass, ...(sqlState === undefined ? {} : { sqlState }) };
}

function buildError(serverFacts: ServerFacts, call: CallFacts, cause: SparkConnectError | undefined): SparkConnectError {
  const facts = withFactsFromMessage(serverFacts);
  const ErrorClass = errorClassFor(facts.errorClass, facts.classHierarchy);
  // Without a class of its own the Java class is the one clue to what happened; PySpark shows it the same way.
  const message = ErrorClass === UnknownException && facts.reason !== undefined ? `(${facts.reason}) ${facts.message}` : facts.message;
  return new ErrorClass(message, {
    ...call,
    classHierarchy: facts.classHierarchy,
    ...optional("errorClass", facts.errorClass),
    ...optional("sqlState", facts.sqlState),
    ...optional("messageParameters", facts.messageParameters),
    ...optional("queryContexts", facts.queryContexts),
    ...optional("breakingChangeInfo", facts.breakingChangeInfo),
    ...optional("serverStackTrace", facts.serverStackTrace),
    ...optional("cause", cause),
  });
}

/** The chain's JVM stack trace in Java's own layout; `undefined` when the server sent no frames. */
function formatStackTrace(chain: readonly FetchErrorDetailsResponse_Error[]): string | undefined {
  if (!chain.some((error) => error.stackTrace.length > 0)) return undefined;
  const lines: string[] = [];
  chain.forEach((error, i) => {
    const javaClass = error.errorTypeHierarchy[0] ?? "java.lang.Throwable";
    // The first line names only the class: its message is the error's message already.
    lines.push(i === 0 ? javaClass : `Caused by: ${javaClass}: ${error.message}`);
    for (const frame of error.stackTrace) {
      const where =
        frame.fileName !== undefined
          ? frame.lineNumber >= 0
            ? `${frame.fileName}:${frame.lineNumber}`
            : frame.fileName
          : frame.lineNumber === -2
            ? "Native Method"
            : "Unknown Source";
      lines.push(`\tat ${frame.declaringClass}.${frame.methodName}(${where})`);
    }
  });
  return lines.join("\n");
}

function transportError(error: ServiceError, rich: ErrorStatus | undefined, context: ErrorContext): SparkConnectError {
  const detail = cleanTransportDetail(rich?.status.message || error.details) || GrpcStatus[error.code] || "no detail";
  const connection = context.connection;
  const address = connection?.address;
  const at = address === undefined ? "" : ` at ${address}`;
  const fields = { grpcCode: error.code, ...optional("operationId", context.operationId) };
  switch (error.code) {
    case GrpcStatus.UNAVAILABLE: {
      if (error instanceof NoAnswerError) {
        return new SparkConnectionError(
          `The Spark Connect server${at} did not answer within ${seconds(error.waitedMs)}: the connection was accepted or is ` +
            "still being attempted, but no gRPC (HTTP/2) answer came. A firewall, load balancer or proxy may be holding " +
            "it, or the port is not a Spark Connect server's. Check host and port; to wait longer, set " +
            "connect_timeout_ms=… in the connection string.",
          { ...fields, ...optional("address", address) },
        );
      }
      const transport = connection === undefined ? "" : connection.useSsl ? " (TLS)" : " (plain text)";
      const hint = connection?.useSsl
        ? "Is the server running, are host and port right, and does it speak TLS?"
        : "Is the server running, and are host and port right?";
      return new SparkConnectionError(`Cannot reach the Spark Connect server${at}${transport}: ${withStop(detail)} ${hint}`, {
        ...fields,
        ...optional("address", address),
      });
    }
    case GrpcStatus.UNAUTHENTICATED:
    case GrpcStatus.PERMISSION_DENIED: {
      const hint =
        connection === undefined
          ? "Check the token of the connection string (;token=…)."
          : connection.token === undefined
            ? "The connection string has no token: add ;token=… to it."
            : "Check the token of the connection string (;token=…).";
      return new SparkAuthenticationError(
        `The Spark Connect server${at} refused the call (${GrpcStatus[error.code]}): ${withStop(detail)} ${hint}`,
        { ...fields, ...optional("address", address) },
      );
    }
    case GrpcStatus.CANCELLED:
      return OperationCanceledError.byClient(context.operationId);
    case GrpcStatus.DEADLINE_EXCEEDED:
      return new SparkConnectionError(
        `The Spark Connect server${at} did not answer the call before its deadline (DEADLINE_EXCEEDED: ${detail}). ` +
          "If the server is only slow, raise the client's callTimeoutMs.",
        { ...fields, ...optional("address", address) },
      );
    case GrpcStatus.RESOURCE_EXHAUSTED: {
      const limit = connection === undefined ? "" : ` (now ${connection.grpcMaxMessageSize} bytes)`;
      const hint = /larger than max/i.test(detail)
        ? ` A message exceeded the gRPC size limit${limit}; raise it with ;grpc_max_message_size=… in the connection string.`
        : "";
      return new SparkConnectError(`RESOURCE_EXHAUSTED: ${detail}${hint}`, fields);
    }
    default:
      return new SparkConnectError(`${GrpcStatus[error.code] ?? `gRPC status ${error.code}`}: ${detail}`, fields);
  }
}

function foreignError(error: unknown, context: ErrorContext): SparkConnectError {
  const message = error instanceof Error ? error.message : String(error);
  return new SparkConnectError(message, { cause: error, ...optional("operationId", context.operationId) });
}

/**
 * Spark's messages come with a newline before (ParseException) or after (analysis errors end with
 * the plan) that only makes sense inside a JVM stack trace.
 */
function cleanMessage(message: string): string {
  return message.replace(/^\n+/, "").replace(/\n+$/, "");
}

/** grpc-js ends its connection errors with an empty "Resolution note:" when DNS had nothing to say. */
function cleanTransportDetail(detail: string): string {
  return detail.replace(/\s*Resolution note:\s*$/, "").trim();
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function parseStringArray(json: string | undefined): string[] | undefined {
  const value = parseJson(json);
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
}

function parseStringRecord(json: string | undefined): Record<string, string> | undefined {
  const value = parseJson(json);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === "string") record[key] = v;
  return record;
}

function parseJson(json: string | undefined): unknown {
  if (json === undefined || json === "") return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
