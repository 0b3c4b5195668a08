// Errors of the client's side of the connection: the server cannot be reached, refuses the
// credentials, or the connection string itself is wrong. None of them carries a token: they name
// the server by its address only.
import { SparkConnectError, type SparkConnectErrorFields } from "./sparkConnectError";

/** The facts of a {@link SparkConnectionError} or {@link SparkAuthenticationError}. */
export interface ConnectionErrorFields extends SparkConnectErrorFields {
  /** The server's `host:port` (IPv6 hosts in brackets). */
  readonly address?: string;
}

/**
 * The Spark Connect server cannot be reached (gRPC `UNAVAILABLE`): it is not running, the host or
 * port is wrong, or TLS does not match what the server speaks.
 *
 * @example
 * ```ts
 * // With nothing listening on port 1:
 * // SparkConnectionError: Cannot reach the Spark Connect server at 127.0.0.1:1 (plain text):
 * //   No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:1. …
 * ```
 */
export class SparkConnectionError extends SparkConnectError {
  declare readonly address?: string;

  constructor(message: string, fields: ConnectionErrorFields = {}) {
    super(message, fields);
    if (fields.address !== undefined) {
      Object.defineProperty(this, "address", { value: fields.address, enumerable: true });
    }
  }
}

/**
 * The server refused the call's credentials (gRPC `UNAUTHENTICATED` or `PERMISSION_DENIED`): no
 * token where the server wants one, or a wrong one.
 */
export class SparkAuthenticationError extends SparkConnectError {
  declare readonly address?: string;

  constructor(message: string, fields: ConnectionErrorFields = {}) {
    super(message, fields);
    if (fields.address !== undefined) {
      Object.defineProperty(this, "address", { value: fields.address, enumerable: true });
    }
  }
}

/**
 * A connection string (or set of connection options) that is not valid. The message says what is
 * wrong and how to fix it, and never repeats a token.
 *
 * @example
 * ```ts
 * parseConnectionString("http://localhost:15002");
 * // InvalidConnectionStringError: [INVALID_CONNECT_URL] Invalid Spark Connect connection string:
 * //   the scheme 'http://' is not supported; it must start with 'sc://', e.g. sc://localhost:15002
 * ```
 */
export class InvalidConnectionStringError extends SparkConnectError {
  /** What is wrong, without the `[INVALID_CONNECT_URL]` preamble. */
  readonly problem: string;

  constructor(problem: string) {
    // PySpark names this condition INVALID_CONNECT_URL; sharing it lets callers match either.
    super(`[INVALID_CONNECT_URL] Invalid Spark Connect connection string: ${problem}`, {
      errorClass: "INVALID_CONNECT_URL",
      messageParameters: { detail: problem },
    });
    this.problem = problem;
  }
}
