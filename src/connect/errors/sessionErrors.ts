// Errors about the life of a session or an operation rather than about a query. The server
// reports both (as a SparkSQLException with the error classes below), and the client can find
// them out by itself, so each class has a factory for the client's side.
import { status as GrpcStatus } from "../grpc";
import { SparkConnectError } from "./sparkConnectError";

/** The error class Spark uses when the server-side session is not the one the client knew. */
export const SESSION_CHANGED_ERROR_CLASS = "INVALID_HANDLE.SESSION_CHANGED";
/** The error class Spark uses for an interrupted operation. */
export const OPERATION_CANCELED_ERROR_CLASS = "OPERATION_CANCELED";

/**
 * The session on the server is no longer the one this client talked to: the server restarted or
 * the session was released. The session cannot be used any more; create a new one.
 *
 * @example
 * ```ts
 * if (response.serverSideSessionId !== observed) {
 *   throw SessionChangedError.mismatch({ sessionId, observed, received: response.serverSideSessionId });
 * }
 * ```
 */
export class SessionChangedError extends SparkConnectError {
  /**
   * The error for a response whose `serverSideSessionId` differs from the one seen before; the
   * message reads like the server's own for the same condition.
   */
  static mismatch(ids: { sessionId: string; observed: string; received: string }): SessionChangedError {
    return new SessionChangedError(
      `[${SESSION_CHANGED_ERROR_CLASS}] The handle ${ids.sessionId} is invalid. The existing Spark server ` +
        `driver instance has restarted (server-side session ${ids.observed} is now ${ids.received}). ` +
        `Please reconnect. SQLSTATE: 08003`,
      { errorClass: SESSION_CHANGED_ERROR_CLASS, sqlState: "08003", messageParameters: { handle: ids.sessionId } },
    );
  }
}

/**
 * The operation was interrupted before it finished: by an `Interrupt` call (the server then reports
 * `OPERATION_CANCELED`) or by cancelling the call on this side (gRPC `CANCELLED`).
 *
 * @example
 * ```ts
 * try {
 *   await longQuery;
 * } catch (e) {
 *   if (e instanceof OperationCanceledError) console.log(`operation ${e.operationId} was interrupted`);
 * }
 * ```
 */
export class OperationCanceledError extends SparkConnectError {
  /** The error for a call this client cancelled itself. */
  static byClient(operationId?: string): OperationCanceledError {
    return new OperationCanceledError(`[${OPERATION_CANCELED_ERROR_CLASS}] Operation has been canceled. SQLSTATE: HY008`, {
      errorClass: OPERATION_CANCELED_ERROR_CLASS,
      sqlState: "HY008",
      grpcCode: GrpcStatus.CANCELLED,
      ...(operationId === undefined ? {} : { operationId }),
    });
  }
}

/**
 * The error classes Spark uses when the server no longer has the session a call names.
 *
 * @example
 * ```ts
 * SESSION_GONE_ERROR_CLASSES.includes(error.errorClass ?? ""); // true for a SessionClosedError
 * ```
 */
export const SESSION_GONE_ERROR_CLASSES = Object.freeze(["INVALID_HANDLE.SESSION_CLOSED", "INVALID_HANDLE.SESSION_NOT_FOUND"]);

/**
 * The server no longer has this session: it was released (`INVALID_HANDLE.SESSION_CLOSED`), or it
 * timed out or never existed there (`INVALID_HANDLE.SESSION_NOT_FOUND`). Like a
 * {@link SessionChangedError} (which it extends, so one `catch` covers both), the session cannot
 * be used any more; create a new one.
 *
 * @example
 * ```ts
 * try {
 *   await spark.range(3).count();
 * } catch (e) {
 *   if (e instanceof SessionClosedError) spark = await SparkSession.builder.remote(url).create();
 * }
 * ```
 */
export class SessionClosedError extends SessionChangedError {}

/**
 * The error classes Spark uses when the server no longer has an operation a call names.
 *
 * @example
 * ```ts
 * OPERATION_GONE_ERROR_CLASSES.includes(error.errorClass ?? ""); // true for an OperationLostError
 * ```
 */
export const OPERATION_GONE_ERROR_CLASSES = Object.freeze(["INVALID_HANDLE.OPERATION_NOT_FOUND", "INVALID_HANDLE.OPERATION_ABANDONED"]);

/**
 * A result stream broke and could not be resumed: the server no longer has the operation
 * (`INVALID_HANDLE.OPERATION_ABANDONED` when it gave up on a client that stayed away too long,
 * `INVALID_HANDLE.OPERATION_NOT_FOUND` when it was released or its session ended). Part of the
 * result had arrived and the rest is gone; run the query again.
 *
 * @example
 * ```ts
 * try {
 *   await df.collect();
 * } catch (e) {
 *   if (e instanceof OperationLostError) rows = await df.collect(); // a fresh run
 * }
 * ```
 */
export class OperationLostError extends SparkConnectError {
  /** The error for a ReattachExecute the server answered with one of {@link OPERATION_GONE_ERROR_CLASSES}. */
  static onReattach(operationId: string | undefined, errorClass: string, cause: unknown): OperationLostError {
    const why =
      errorClass === "INVALID_HANDLE.OPERATION_ABANDONED"
        ? "the server abandoned it while the client was away"
        : "the server no longer has it";
    return new OperationLostError(
      `[${errorClass}] The result stream of operation ${operationId ?? "(unknown)"} broke and cannot be resumed: ` +
        `${why}. Run the query again.`,
      {
        errorClass,
        sqlState: "HY000",
        messageParameters: { handle: operationId ?? "" },
        ...(operationId === undefined ? {} : { operationId }),
        cause,
      },
    );
  }
}
