/**
 * Where in the query an error arose, as the server reports it (Spark's `QueryContext`).
 *
 * A `"SQL"` context points into SQL text (`startIndex`..`stopIndex`, inclusive, 0-based); a
 * `"DATAFRAME"` context names the API call that built the failing expression (`callSite`), and its
 * `objectType`, `objectName` and indexes are empty.
 */
export interface QueryContext {
  readonly contextType: "SQL" | "DATAFRAME";
  /** `""` for the main query, otherwise the kind of object the failing text belongs to, e.g. `"VIEW"`. */
  readonly objectType: string;
  readonly objectName: string;
  readonly startIndex: number;
  readonly stopIndex: number;
  /** The failing piece of the query, e.g. `"1/0"`. */
  readonly fragment: string;
  readonly callSite: string;
  /** Spark's rendering of the context, e.g. `"== SQL (line 1, position 8) ==\nselect 1/0\n       ^^^\n"`. */
  readonly summary: string;
}

/** What Spark says about an error caused by a behaviour change between Spark versions. */
export interface BreakingChangeInfo {
  readonly migrationMessages: readonly string[];
  /** A Spark config that restores the old behaviour, when there is one. */
  readonly mitigationConfig?: { readonly key: string; readonly value: string };
  /** `true` when the change has to be reviewed by hand rather than retried with the config. */
  readonly needsAudit: boolean;
}

/** The structured facts a {@link SparkConnectError} carries; every one is optional. */
export interface SparkConnectErrorFields {
  readonly errorClass?: string;
  readonly sqlState?: string;
  readonly messageParameters?: Readonly<Record<string, string>>;
  readonly grpcCode?: number;
  readonly errorId?: string;
  readonly operationId?: string;
  readonly serverStackTrace?: string;
  readonly queryContexts?: readonly QueryContext[];
  readonly classHierarchy?: readonly string[];
  readonly breakingChangeInfo?: BreakingChangeInfo;
  readonly cause?: unknown;
}

/**
 * The base of every error this client raises: errors the Spark Connect server reports (its Java
 * exception mapped onto a subclass such as {@link AnalysisException}) and errors of the client
 * itself (an unreachable server, a bad connection string, …).
 *
 * `message` is Spark's own message, e.g.
 * ``[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found. … SQLSTATE: 42P01; line 1 pos 14``.
 *
 * @example
 * ```ts
 * try {
 *   await spark.sql("SELECT * FROM nope").collect();
 * } catch (e) {
 *   if (e instanceof SparkConnectError && e.errorClass === "TABLE_OR_VIEW_NOT_FOUND") {
 *     console.log(e.messageParameters.relationName); // "`nope`"
 *   }
 * }
 * ```
 */
export class SparkConnectError extends Error {
  /** Spark's error condition, e.g. `"DIVIDE_BY_ZERO"` or `"INVALID_HANDLE.SESSION_CHANGED"`. */
  declare readonly errorClass?: string;
  /** The SQLSTATE Spark assigns to the error class, e.g. `"22012"`. */
  declare readonly sqlState?: string;
  /** The values Spark filled into the error class's message template. */
  readonly messageParameters: Readonly<Record<string, string>>;
  /**
   * The gRPC status code of the failed call, when the error came from a call: a number as the gRPC
   * specification (and grpc-js's `status`) numbers them, e.g. 14 for `UNAVAILABLE`.
   */
  declare readonly grpcCode?: number;
  /** The server's id for this error; `FetchErrorDetails` takes it. */
  declare readonly errorId?: string;
  /** The id of the `ExecutePlan` operation that failed, when the client knows it. */
  declare readonly operationId?: string;
  /** The JVM stack trace of the server, when the server sent one (Java's `Caused by:` format). */
  declare readonly serverStackTrace?: string;
  readonly queryContexts: readonly QueryContext[];
  /** The Java class of the server's exception followed by its superclasses, most specific first. */
  readonly classHierarchy: readonly string[];
  declare readonly breakingChangeInfo?: BreakingChangeInfo;

  constructor(message: string, fields: SparkConnectErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    // Non-enumerable like Error's own `name`, so util.inspect shows it once, in the header.
    Object.defineProperty(this, "name", { value: new.target.name, configurable: true, writable: true });
    // Absent facts are left unset rather than `undefined`, which keeps util.inspect output short.
    if (fields.errorClass !== undefined) setReadonly(this, "errorClass", fields.errorClass);
    if (fields.sqlState !== undefined) setReadonly(this, "sqlState", fields.sqlState);
    this.messageParameters = Object.freeze({ ...fields.messageParameters });
    if (fields.grpcCode !== undefined) setReadonly(this, "grpcCode", fields.grpcCode);
    if (fields.errorId !== undefined) setReadonly(this, "errorId", fields.errorId);
    if (fields.operationId !== undefined) setReadonly(this, "operationId", fields.operationId);
    if (fields.serverStackTrace !== undefined) setReadonly(this, "serverStackTrace", fields.serverStackTrace);
    this.queryContexts = Object.freeze((fields.queryContexts ?? []).map((c) => Object.freeze({ ...c })));
    this.classHierarchy = Object.freeze([...(fields.classHierarchy ?? [])]);
    if (fields.breakingChangeInfo !== undefined) {
      setReadonly(this, "breakingChangeInfo", Object.freeze({ ...fields.breakingChangeInfo }));
    }
  }
}

function setReadonly<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: false, writable: false });
}

/** The constructor shape every server-side error class shares, for the Java-class mapping. */
export type SparkConnectErrorClass = new (message: string, fields?: SparkConnectErrorFields) => SparkConnectError;
