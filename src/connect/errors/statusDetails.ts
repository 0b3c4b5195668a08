// Reading the rich error status a Spark Connect server attaches to a failed call: a
// `google.rpc.Status` in the `grpc-status-details-bin` trailer, whose details hold an ErrorInfo
// (reason = the Java exception class, domain "org.apache.spark", metadata below) and, for errors
// that are safe to retry, a RetryInfo.
import type { ServiceError } from "../grpc";
import { ErrorInfo, RetryInfo } from "../../gen/google/rpc/error_details";
import { Status } from "../../gen/google/rpc/status";

/** The trailer that carries the binary `google.rpc.Status`. */
export const STATUS_DETAILS_TRAILER = "grpc-status-details-bin";

/**
 * The keys a Spark Connect server (4.x) puts in the ErrorInfo metadata: `classes` (JSON array of the
 * Java class and its superclasses), `sqlState`, `errorClass` with `messageParameters` (JSON object;
 * both left out when the parameters are larger than `spark.connect.grpc.maxMetadataSize`), `errorId`
 * (for `FetchErrorDetails`; only when the server still has the session) and `stackTrace` (only with
 * `spark.sql.pyspark.jvmStacktrace.enabled`).
 */
export const ERROR_INFO_KEYS = {
  classes: "classes",
  sqlState: "sqlState",
  errorClass: "errorClass",
  messageParameters: "messageParameters",
  errorId: "errorId",
  stackTrace: "stackTrace",
} as const;

/** The decoded rich status of a failed call. */
export interface ErrorStatus {
  readonly status: Status;
  /** The first ErrorInfo among the details; a Spark server always sends one. */
  readonly errorInfo?: ErrorInfo;
  /** Present when the server marks the error as safe to retry. */
  readonly retryInfo?: RetryInfo;
}

/** Whether `error` is what grpc-js rejects a call with: an Error with a status code, details and trailers. */
export function isServiceError(error: unknown): error is ServiceError {
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<ServiceError>;
  // Duck-typed rather than `instanceof Metadata`: a second copy of grpc-js in the dependency tree
  // has a Metadata class of its own.
  return typeof candidate.code === "number" && typeof candidate.metadata?.get === "function";
}

/**
 * Decodes the `google.rpc.Status` from the trailers of a failed grpc-js call, with its ErrorInfo and
 * RetryInfo. Returns `undefined` when there is none (a transport error, a server that is not
 * Spark's) or when the bytes do not decode.
 *
 * @example
 * ```ts
 * const info = readErrorStatus(serviceError)?.errorInfo;
 * info?.reason;                   // "org.apache.spark.sql.catalyst.parser.ParseException"
 * info?.metadata["errorClass"];   // "PARSE_SYNTAX_ERROR"
 * ```
 */
export function readErrorStatus(error: unknown): ErrorStatus | undefined {
  if (!isServiceError(error)) return undefined;
  const raw = error.metadata.get(STATUS_DETAILS_TRAILER)[0];
  if (raw === undefined || typeof raw === "string") return undefined;
  try {
    const status = Status.decode(raw);
    let errorInfo: ErrorInfo | undefined;
    let retryInfo: RetryInfo | undefined;
    for (const detail of status.details) {
      const type = detail.typeUrl.slice(detail.typeUrl.lastIndexOf("/") + 1);
      if (type === "google.rpc.ErrorInfo" && errorInfo === undefined) errorInfo = ErrorInfo.decode(detail.value);
      if (type === "google.rpc.RetryInfo" && retryInfo === undefined) retryInfo = RetryInfo.decode(detail.value);
    }
    return {
      status,
      ...(errorInfo === undefined ? {} : { errorInfo }),
      ...(retryInfo === undefined ? {} : { retryInfo }),
    };
  } catch {
    // Undecodable details must not turn one error into another: the caller falls back to the
    // plain gRPC code and message.
    return undefined;
  }
}

/**
 * The server's id for the error of a failed call (ErrorInfo metadata `errorId`), which
 * `FetchErrorDetails` takes; `undefined` when the server kept no details.
 *
 * @example
 * ```ts
 * const errorId = errorIdOf(serviceError);
 * if (errorId !== undefined) stub.fetchErrorDetails({ sessionId, userContext, errorId }, metadata, callback);
 * ```
 */
export function errorIdOf(error: unknown): string | undefined {
  const id = readErrorStatus(error)?.errorInfo?.metadata[ERROR_INFO_KEYS.errorId];
  return id === undefined || id === "" ? undefined : id;
}
