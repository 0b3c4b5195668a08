import fs from "node:fs/promises";
import path from "node:path";
import type { Relation } from "../gen/spark/connect/relations";
import type { ExecutePlanResponse_ExecutionProgress } from "../gen/spark/connect/base";
import { SparkConnectClient, type ClientOptions } from "../connect/client";
import type { OperationObserver } from "../connect/operationEvents";
import { parseConnectionString } from "../connect/connectionString";
import { RuntimeConfig, type ConfValue } from "./conf";
import { DataFrame } from "./dataframe";
import { PendingDataFrame } from "./pendingDataFrame";
import type { TypedRow } from "./typedRow";
import type { Row } from "../arrow";
import { TableValuedFunction } from "./tableValuedFunction";
import { DataFrameReader } from "./io/reader";
import { Catalog } from "./catalog";
import { DataStreamReader } from "./streaming/reader";
import { StreamingQueryManager } from "./streaming/query";
import { createDataFrame, type LocalRows, type LocalSchema } from "./localData";
import { executeToChunks } from "./execution";
import { literalExpression, type LiteralValue } from "./plan/literal";
import * as sources from "./plan/sources";
import { commandPlan, sqlCommand } from "./plan/commands";
import { SparkConnectError } from "../connect/errors";

type ExecutionProgress = ExecutePlanResponse_ExecutionProgress;

/** One stage of a running operation, as the server reports it. */
export interface StageProgress {
  readonly stageId: bigint;
  readonly numTasks: bigint;
  readonly numCompletedTasks: bigint;
  readonly inputBytesRead: bigint;
  readonly done: boolean;
}

/** What a progress handler receives (see {@link SparkSession.registerProgressHandler}). */
export interface ProgressEvent {
  readonly operationId: string;
  readonly stages: readonly StageProgress[];
  readonly inflightTasks: bigint;
  /** True on the last call for the operation, when it has ended. */
  readonly done: boolean;
}

/** Receives the progress of a session's operations. */
export type ProgressHandler = (event: ProgressEvent) => void;

/** What kind of artifact {@link SparkSession.addArtifacts} uploads (a `.jar` without any of these). */
export interface ArtifactKind {
  readonly pyfile?: boolean;
  readonly archive?: boolean;
  readonly file?: boolean;
}

/** A local file as the artifact PySpark would make of it: its store prefix follows its kind. */
async function localArtifact(localPath: string, kind: ArtifactKind): Promise<{ name: string; data: Uint8Array }> {
  const name = path.basename(localPath);
  const prefix = kind.pyfile
    ? /\.(py|zip|egg|jar)$/.test(name) && "pyfiles"
    : kind.archive
      ? /\.(zip|jar|tar\.gz|tgz|tar)$/.test(name) && "archives"
      : kind.file
        ? "files"
        : name.endsWith(".jar") && "jars";
  if (!prefix)
    throw new TypeError(`cannot add ${localPath} as an artifact of that kind (jars end in .jar; use { file: true } for other files)`);
  return { name: `${prefix}/${name}`, data: await fs.readFile(localPath) };
}

/** Where a session connects when neither the builder nor `SPARK_REMOTE` says. */
export const DEFAULT_REMOTE = "sc://localhost:15002";

/** Parameters of `spark.sql`: named (`:name` in the query) or positional (`?`). */
export type SqlArgs = Readonly<Record<string, LiteralValue>> | readonly LiteralValue[];

/**
 * The entry point: a session on a Spark Connect server. Create one with {@link SparkSession.builder}.
 *
 * The examples of its methods use `spark`, a session; `people`, made by
 * `const people = spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }])`
 * (usable without `await`; `age` is a LongType column, so its values come back as bigints); and `F`
 * and `lit` (`import { functions as F, lit } from "spark-ts"`). Each shows its result in a comment.
 *
 * @example
 * ```ts
 * const spark = await SparkSession.builder.remote("sc://localhost:15002").getOrCreate();
 * await spark.sql("SELECT id, id * 2 AS twice FROM range(3)").show();
 * // +---+-----+
 * // | id|twice|
 * // +---+-----+
 * // |  0|    0|
 * // |  1|    2|
 * // |  2|    4|
 * // +---+-----+
 * await spark.stop();
 * ```
 */
export class SparkSession {
  /** The session's runtime configuration (`spark.conf`). */
  readonly conf: RuntimeConfig;
  readonly #progressHandlers = new Map<ProgressHandler, () => void>();
  /** @internal The protocol client under this session. */
  readonly client: SparkConnectClient;

  /** @internal Use {@link SparkSession.builder}. */
  constructor(client: SparkConnectClient) {
    this.client = client;
    this.conf = new RuntimeConfig(client);
  }

  /**
   * The session `getOrCreate` made last and that is not stopped; throws when there is none (PySpark's `active`).
   *
   * @example
   * ```ts
   * const spark = await SparkSession.builder.getOrCreate();
   * SparkSession.active() === spark; // true
   * await spark.stop();
   * SparkSession.active(); // throws SparkConnectError: No active Spark session: create one with SparkSession.builder.getOrCreate().
   * ```
   */
  static active(): SparkSession {
    const session = activeSession;
    if (!session) throw new SparkConnectError("No active Spark session: create one with SparkSession.builder.getOrCreate().");
    return session;
  }

  /**
   * The active session, or `undefined` when there is none.
   *
   * @example
   * ```ts
   * const spark = await SparkSession.builder.getOrCreate();
   * SparkSession.getActiveSession() === spark; // true
   * await spark.stop();
   * SparkSession.getActiveSession(); // undefined
   * ```
   */
  static getActiveSession(): SparkSession | undefined {
    return activeSession;
  }

  /**
   * Makes `session` the active one (Scala's `SparkSession.setActiveSession`): the session
   * {@link SparkSession.active} returns and `getOrCreate` hands out for its server.
   *
   * @example
   * ```ts
   * const fresh = await SparkSession.builder.create();
   * SparkSession.setActiveSession(fresh);
   * SparkSession.active() === fresh; // true
   * ```
   */
  static setActiveSession(session: SparkSession): void {
    if (session.is_stopped) throw new SparkConnectError("A stopped Spark session cannot become the active one; create a new one.");
    activeSession = session;
  }

  /**
   * A new builder: `SparkSession.builder.remote(url).config(k, v).getOrCreate()`.
   *
   * @example
   * ```ts
   * const spark = await SparkSession.builder.remote("sc://localhost:15002").config("spark.sql.shuffle.partitions", 8).getOrCreate();
   * await spark.conf.get("spark.sql.shuffle.partitions"); // "8"
   * ```
   */
  static get builder(): SparkSessionBuilder {
    return new SparkSessionBuilder(undefined, []);
  }

  /**
   * The session id the client sent to the server (a UUID).
   *
   * @example
   * ```ts
   * spark.sessionId; // "b8bbb93d-b6ff-4cfe-9222-971acf9efd2b"
   * ```
   */
  get sessionId(): string {
    return this.client.sessionId;
  }

  /**
   * The Spark version of the server, e.g. "4.3.0" (asked once per session).
   *
   * @example
   * ```ts
   * await spark.version; // "4.3.0"
   * ```
   */
  get version(): Promise<string> {
    return this.client.serverVersion();
  }

  /**
   * Runs a SQL statement at once, as PySpark does: it is sent now, and a DDL or DML statement takes
   * effect where it stands in the program, since every later request of the session waits for it.
   * The DataFrame is usable at once (`spark.sql(q).show()`); a query's rows are computed when an
   * action runs on it. A failed statement's error is thrown by `await spark.sql(q)`, by an action
   * on its DataFrame, or else by the session's next request; statements written after a failure
   * nobody has seen are not sent.
   *
   * `spark.sql<T>(q)` declares the type of the rows (see {@link TypedRow}): nothing checks it against
   * the schema; `npx spark-ts-kernel types` prints one that matches it.
   *
   * @param args values for `:name` markers (an object) or `?` markers (an array), sent as typed
   *   literals, never spliced into the text.
   *
   * @example
   * ```ts
   * spark.sql("CREATE TEMP VIEW v AS SELECT 1 AS x"); // runs now; nothing to await
   * await spark.sql("SELECT * FROM v WHERE x > :min", { min: 0 }).show();
   * // +---+
   * // |  x|
   * // +---+
   * // |  1|
   * // +---+
   * await spark.sql("SELECT x + ? AS y FROM v", [1]).collect(); // [{ y: 2 }]
   * const df = await spark.sql("SELECT * FROM v"); // waits for the statement; throws its error
   * const [row] = await spark.sql<{ x: number }>("SELECT * FROM v").collect();
   * row.x; // 1, typed number (row.y: a compile error)
   * ```
   */
  sql(query: string, args?: SqlArgs): PendingDataFrame;
  sql<T extends object>(query: string, args?: SqlArgs): PendingDataFrame<TypedRow<T>>;
  sql(query: string, args?: SqlArgs): PendingDataFrame<object> {
    const positional = Array.isArray(args);
    const input = sources.sql(
      query,
      positional || !args ? {} : mapValues(args as Record<string, LiteralValue>, literalExpression),
      positional ? (args as readonly LiteralValue[]).map(literalExpression) : [],
    );
    const plan = commandPlan(sqlCommand(input));
    this.client.statements.run(input, async () => {
      const { summary } = await executeToChunks(this.client, plan, { statement: true });
      const result = summary.sqlCommandResult;
      if (!result) throw new SparkConnectError("The server ran the SQL command but sent no result relation for it.");
      // A query comes back as its own SQL, which the DataFrame already is (but for its parameters,
      // which a Spark 3.5 server reads from older fields); a command comes back as its output rows.
      return result.relType?.$case === "sql" && !args ? undefined : result;
    });
    return new PendingDataFrame(this, input);
  }

  /**
   * Resolves once every statement `sql()` has sent so far has run; rejects with the error of a
   * failed one nobody has seen yet (once: awaiting it, or an action on its DataFrame, also counts).
   * For code that writes statements without awaiting them and wants their errors at a point of
   * its choosing; the notebook kernel calls it at the end of each cell.
   *
   * @example
   * ```ts
   * spark.sql("CREATE TABLE t (n INT) USING parquet");
   * spark.sql("INSERT INTO t VALUES (1)");
   * await spark.settled(); // undefined: both ran (it throws if either failed)
   * spark.sql("INSERT INTO missing VALUES (1)");
   * await spark.settled(); // throws [TABLE_OR_VIEW_NOT_FOUND] The table or view `missing` cannot be found. ...
   * ```
   */
  settled(): Promise<void> {
    return this.client.statements.settled();
  }

  /**
   * A DataFrame on `plan` given at once for a call PySpark makes at once (cache, persist): `send`
   * runs in its turn among the session's statements, and awaiting the DataFrame waits for it and
   * throws its failure. Here rather than in DataFrame, which cannot load its own subclass.
   * @internal
   */
  atOnce<R extends object = Row>(plan: Relation, send: () => Promise<void>): PendingDataFrame<R> {
    const outcome = this.client.statements.command(send);
    return new PendingDataFrame<R>(this, plan, async () => {
      await outcome();
      return undefined;
    });
  }

  // ---- local data ----

  /**
   * A DataFrame of local data: rows as objects keyed by column name or as arrays in column
   * order, or an Arrow Table. The schema is a StructType, Spark DDL, or column names; without one
   * it is inferred as PySpark infers it (whole numbers are `bigint`, other numbers `double`, Dates
   * `timestamp`, plain objects structs, Maps maps). Large data is uploaded as cached artifacts
   * rather than sent inside the plan.
   *
   * The DataFrame is usable at once, as `sql()`'s is: what needs the server (the size limits, a DDL
   * schema's parse, an upload) runs as one of the session's statements, so later requests wait for
   * it. Rows that do not fit the schema are thrown here when the schema needs no server (a StructType,
   * column names, none); otherwise by `await`, an action on the DataFrame, or the session's next
   * request.
   *
   * `createDataFrame<T>(...)` declares the type of the rows that come back (see {@link TypedRow});
   * it is never inferred from `data`, whose JS values are not those Spark gives back (an inferred
   * whole number comes back as a `bigint`).
   *
   * @example
   * ```ts
   * const people = spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]);
   * await people.collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * const typed = spark.createDataFrame([["Ada", 36]], "name STRING, age INT");
   * await typed.collect(); // [{ name: "Ada", age: 36 }]
   * const declared = spark.createDataFrame<{ name: string; age: number }>([["Ada", 36]], "name STRING, age INT");
   * (await declared.first())?.age; // 36, typed number
   * ```
   */
  createDataFrame(data: LocalRows, schema?: LocalSchema): PendingDataFrame;
  createDataFrame<T extends object>(data: LocalRows, schema?: LocalSchema): PendingDataFrame<TypedRow<T>>;
  createDataFrame(data: LocalRows, schema?: LocalSchema): PendingDataFrame<object> {
    return createDataFrame(this, data, schema);
  }

  // ---- readers and catalog ----

  /**
   * The session's catalog: databases, tables, functions, the cache (see {@link Catalog}).
   *
   * @example
   * ```ts
   * await spark.catalog.currentDatabase(); // "default"
   * people.createOrReplaceTempView("people");
   * await spark.catalog.tableExists("people"); // true
   * ```
   */
  get catalog(): Catalog {
    return new Catalog(this);
  }

  /**
   * Reads files, tables and other sources into DataFrames (see {@link DataFrameReader}).
   *
   * @example
   * ```ts
   * await people.write.mode("overwrite").parquet("people.parquet");
   * await spark.read.parquet("people.parquet").orderBy("name").collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  get read(): DataFrameReader {
    return new DataFrameReader(this);
  }

  // ---- streaming ----

  /**
   * Reads streams into streaming DataFrames (see {@link DataStreamReader}).
   *
   * @example
   * ```ts
   * const ticks = spark.readStream.format("rate").load();
   * await ticks.isStreaming; // true
   * await ticks.columns; // ["timestamp", "value"]
   * ```
   */
  get readStream(): DataStreamReader {
    return new DataStreamReader(this);
  }

  /**
   * The session's streaming queries (see {@link StreamingQueryManager}).
   *
   * @example
   * ```ts
   * const query = await spark.readStream.format("rate").load().writeStream.format("memory").queryName("ticks").start();
   * (await spark.streams.active).map((q) => q.name); // ["ticks"]
   * await query.stop();
   * await spark.streams.active; // []
   * ```
   */
  get streams(): StreamingQueryManager {
    return new StreamingQueryManager(this);
  }

  /**
   * A DataFrame with one `bigint` column `id`: `start` until `end` (exclusive) by `step`. With one
   * argument, the range is `0` until it.
   *
   * @example
   * ```ts
   * await spark.range(3).collect(); // [{ id: 0n }, { id: 1n }, { id: 2n }]
   * ```
   */
  range(start: number | bigint, end?: number | bigint, step: number | bigint = 1, numPartitions?: number): DataFrame {
    const [from, to] = end === undefined ? [0n, BigInt(start)] : [BigInt(start), BigInt(end)];
    if (BigInt(step) === 0n) throw new RangeError("range() needs a non-zero step");
    return new DataFrame(this, sources.range(from, to, BigInt(step), numPartitions));
  }

  /**
   * The table or view `name` (`db.table`, `catalog.db.table`, or a temp view), read lazily: a
   * missing table is reported when an action runs.
   *
   * @example
   * ```ts
   * people.createOrReplaceTempView("people");
   * await spark.table("people").orderBy("name").collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * const missing = spark.table("no_such_table"); // no error yet
   * await missing.count(); // throws [TABLE_OR_VIEW_NOT_FOUND] The table or view `no_such_table` cannot be found. ...
   * const [ada] = await spark.table<{ name: string | null; age: bigint | null }>("people").collect();
   * ada.age; // 36n, typed bigint | null (see TypedRow)
   * ```
   */
  table(name: string): DataFrame;
  table<T extends object>(name: string): DataFrame<TypedRow<T>>;
  table(name: string): DataFrame<object> {
    return new DataFrame(this, sources.namedTable(name, {}, false));
  }

  /**
   * Spark's table-valued functions: `spark.tvf.explode(...)`, `spark.tvf.stack(...)`, ...
   *
   * @example
   * ```ts
   * await spark.tvf.explode(F.array(lit(1), lit(2))).collect(); // [{ col: 1 }, { col: 2 }]
   * // SQL: SELECT * FROM explode(array(1, 2))
   * ```
   */
  get tvf(): TableValuedFunction {
    return new TableValuedFunction(this);
  }

  /**
   * Uploads local files to the session on the server: `.jar` files join its class path (for
   * connectors and Java UDFs); with `{ file: true }` any file goes to its working directory, with
   * `{ archive: true }` an archive is unpacked there, with `{ pyfile: true }` Python files join the
   * Python path of its Python workers.
   *
   * @example
   * ```ts
   * // greeter.jar holds demo.Greeter, whose static hello(name) returns "Hello, " + name
   * await spark.addArtifacts("greeter.jar"); // undefined: uploaded, on this session's class path only
   * await spark.sql("SELECT reflect('demo.Greeter', 'hello', 'Ada') AS greeting").collect(); // [{ greeting: "Hello, Ada" }]
   * await spark.addArtifacts(["lookup.csv"], { file: true }); // undefined
   * await spark.addArtifacts("lookup.csv");
   * // throws TypeError: cannot add lookup.csv as an artifact of that kind (jars end in .jar; use { file: true } for other files)
   * ```
   */
  async addArtifacts(paths: string | readonly string[], kind: ArtifactKind = {}): Promise<void> {
    const list = typeof paths === "string" ? [paths] : paths;
    await this.client.addArtifacts(await Promise.all(list.map((p) => localArtifact(p, kind))));
  }

  /**
   * Alias of {@link SparkSession.addArtifacts}.
   *
   * @example
   * ```ts
   * await spark.addArtifact("lookup.csv", { file: true }); // undefined: uploaded to the session's working directory
   * ```
   */
  async addArtifact(paths: string | readonly string[], kind: ArtifactKind = {}): Promise<void> {
    await this.addArtifacts(paths, kind);
  }

  /**
   * Copies a local file to the server's file system (HDFS, S3, a local disk) at the absolute
   * `destPath`; the server must allow it for local destinations (the static configuration
   * `spark.sql.artifact.copyFromLocalToFs.allowDestLocal`; before Spark 4,
   * `spark.connect.copyFromLocalToFs.allowDestLocal`).
   *
   * @example
   * ```ts
   * // on a server that does not allow local destinations (the default):
   * await spark.copyFromLocalToFs("lookup.csv", "/data/lookup.csv");
   * // throws UnsupportedOperationException: Uploading artifact file to local file system destination path is not supported.
   * await spark.copyFromLocalToFs("lookup.csv", "data/lookup.csv");
   * // throws TypeError: the destination must be an absolute path or URI, got "data/lookup.csv"
   * ```
   */
  async copyFromLocalToFs(localPath: string, destPath: string): Promise<void> {
    if (!path.isAbsolute(destPath) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(destPath)) {
      throw new TypeError(`the destination must be an absolute path or URI, got "${destPath}"`);
    }
    const data = await fs.readFile(localPath);
    await this.client.addArtifacts([{ name: `forward_to_fs${destPath.startsWith("/") ? "" : "/"}${destPath}`, data }]);
  }

  /**
   * A DataFrame without columns or rows.
   *
   * @example
   * ```ts
   * await spark.emptyDataFrame.count(); // 0
   * await spark.emptyDataFrame.columns; // []
   * ```
   */
  get emptyDataFrame(): DataFrame {
    return new DataFrame(this, sources.localRelation(sources.localData(undefined, JSON.stringify({ type: "struct", fields: [] }))));
  }

  /**
   * A new session on the same server, with the same connection and client options, and its own
   * temp views, configuration and cache (PySpark's `newSession`).
   *
   * @example
   * ```ts
   * people.createOrReplaceTempView("people");
   * const other = spark.newSession();
   * await other.catalog.tableExists("people"); // false: the view is spark's
   * other.sessionId === spark.sessionId; // false
   * ```
   */
  newSession(): SparkSession {
    return new SparkSession(this.client.forSession());
  }

  /**
   * A copy of this session made by the server: its configuration, temp views and catalog state
   * are copied into a new session, and from then on each goes its own way.
   *
   * @example
   * ```ts
   * await spark.sql("CREATE TEMP VIEW v AS SELECT 1 AS x");
   * const copy = await spark.cloneSession();
   * await copy.table("v").count(); // 1
   * ```
   */
  async cloneSession(newSessionId?: string): Promise<SparkSession> {
    return new SparkSession(await this.client.clone(newSessionId));
  }

  /**
   * The session id the client sent to the server (PySpark's `session_id`).
   *
   * @example
   * ```ts
   * spark.session_id; // "b8bbb93d-b6ff-4cfe-9222-971acf9efd2b", as spark.sessionId
   * ```
   */
  get session_id(): string {
    return this.client.sessionId;
  }

  /**
   * Whether {@link SparkSession.stop} was called.
   *
   * @example
   * ```ts
   * spark.is_stopped; // false
   * await spark.stop();
   * spark.is_stopped; // true
   * ```
   */
  get is_stopped(): boolean {
    return this.client.isClosed;
  }

  /**
   * Tells `observer` when this session's operations start, report progress and end, with each
   * operation's id, tags and plan: what a notebook needs to draw progress for one cell's work (by
   * its tag). Observers cannot break an operation: what they throw is swallowed. Returns the
   * function that stops the observing.
   *
   * @example
   * ```ts
   * const stop = spark.observeOperations({
   *   started: (op) => console.log("started", op.operationId, op.tags),
   *   ended: (op, error) => console.log("ended", op.operationId, error ? "with an error" : "ok"),
   * });
   * await spark.withTags(["demo"], () => spark.range(10).count()); // 10
   * // started 6f6f0fa5-2942-4e35-9569-18416c9d0863 [ 'demo' ]
   * // ended 6f6f0fa5-2942-4e35-9569-18416c9d0863 ok
   * stop();
   * ```
   */
  observeOperations(observer: OperationObserver): () => void {
    return this.client.operations.observe(observer);
  }

  /**
   * The server this session talks to, as a connection string with its secrets (token,
   * credential-looking headers) redacted: fit for logs.
   *
   * @example
   * ```ts
   * spark.connectionString; // "sc://spark.example.com:443/;use_ssl=true;token=<redacted>"
   * ```
   */
  get connectionString(): string {
    return this.client.options.toString();
  }

  /**
   * Calls `handler` with the progress of this session's operations as the server reports it: the
   * stages with their tasks, the tasks running, and a last call with `done: true` when the
   * operation ends. The same handler registered twice is called once.
   *
   * @example
   * ```ts
   * spark.registerProgressHandler(({ stages, done }) => {
   *   const total = stages.reduce((n, s) => n + s.numTasks, 0n);
   *   const finished = stages.reduce((n, s) => n + s.numCompletedTasks, 0n);
   *   console.log(done ? "done" : finished + "/" + total + " tasks");
   * });
   * await spark.range(0, 4_000_000_000, 1, 8).selectExpr("sum(id) AS s").collect(); // [{ s: 7999999998000000000n }]
   * // printed meanwhile, a line per report (how many, and their counts, follow the cluster's pace):
   * // 0/0 tasks
   * // 0/8 tasks
   * // 0/8 tasks
   * // 1/8 tasks
   * // 1/8 tasks
   * // 3/8 tasks
   * // 3/8 tasks
   * // 6/8 tasks
   * // 6/8 tasks
   * // done
   * ```
   */
  registerProgressHandler(handler: ProgressHandler): void {
    if (this.#progressHandlers.has(handler)) return;
    const call = (operationId: string, progress: ExecutionProgress | undefined, done: boolean) =>
      handler({
        operationId,
        stages: (progress?.stages ?? []).map((stage) => ({ ...stage })),
        inflightTasks: progress?.numInflightTasks ?? 0n,
        done,
      });
    const last = new Map<string, ExecutionProgress>();
    this.#progressHandlers.set(
      handler,
      this.client.operations.observe({
        progress: (operation, progress) => {
          last.set(operation.operationId, progress);
          call(operation.operationId, progress, false);
        },
        ended: (operation) => {
          call(operation.operationId, last.get(operation.operationId), true);
          last.delete(operation.operationId);
        },
      }),
    );
  }

  /**
   * Stops calling a handler given to {@link SparkSession.registerProgressHandler}.
   *
   * @example
   * ```ts
   * const log = ({ done }: ProgressEvent) => {
   *   if (done) console.log("done");
   * };
   * spark.registerProgressHandler(log);
   * await spark.range(10).count(); // 10
   * // done
   * spark.removeProgressHandler(log);
   * await spark.range(10).count(); // 10, and nothing printed
   * ```
   */
  removeProgressHandler(handler: ProgressHandler): void {
    this.#progressHandlers.get(handler)?.();
    this.#progressHandlers.delete(handler);
  }

  /**
   * Removes every progress handler.
   *
   * @example
   * ```ts
   * spark.registerProgressHandler(() => console.log("called"));
   * spark.clearProgressHandlers();
   * await spark.range(10).count(); // 10, and nothing printed
   * ```
   */
  clearProgressHandlers(): void {
    for (const handler of [...this.#progressHandlers.keys()]) this.removeProgressHandler(handler);
  }

  /**
   * Tags the operations this session starts from now on in the current async context, so they can
   * be interrupted together with {@link SparkSession.interruptTag}. A tag is non-empty and has no
   * comma.
   *
   * Tags belong to the async context that set them, as PySpark's belong to the thread: the rest of
   * this function, what it awaits and the work it starts from here on get the tag; other contexts
   * do not see it, and work they start later is not tagged by it. One thing JavaScript cannot
   * separate: before its first `await`, an async function runs in its caller's context, so a tag
   * added there is the caller's too. Concurrent tasks that need tags of their own should each run
   * in a {@link SparkSession.withTags} scope.
   *
   * @example
   * ```ts
   * spark.addTag("nightly-report");
   * try {
   *   await spark.table("sales").count(); // tagged "nightly-report"
   * } finally {
   *   spark.removeTag("nightly-report");
   * }
   * ```
   */
  addTag(tag: string): void {
    this.client.tags.add(tag);
  }

  /**
   * Stops tagging the operations the current async context starts with `tag`.
   *
   * @example
   * ```ts
   * spark.addTag("etl");
   * spark.addTag("daily");
   * spark.removeTag("daily");
   * spark.getTags(); // ["etl"]
   * ```
   */
  removeTag(tag: string): void {
    this.client.tags.remove(tag);
  }

  /**
   * The tags the operations the current async context starts get.
   *
   * @example
   * ```ts
   * spark.addTag("etl");
   * spark.addTag("daily");
   * spark.getTags(); // ["etl", "daily"]
   * spark.withTags(["report-a"], () => spark.getTags()); // ["etl", "daily", "report-a"]
   * ```
   */
  getTags(): string[] {
    return [...this.client.tags.all];
  }

  /**
   * Removes every tag of the current async context.
   *
   * @example
   * ```ts
   * spark.addTag("etl");
   * spark.clearTags();
   * spark.getTags(); // []
   * ```
   */
  clearTags(): void {
    this.client.tags.clear();
  }

  /**
   * Runs `fn` in a tag scope of its own: every operation it starts, awaited or not, carries the
   * current tags plus `tags`, and what `fn` adds or removes with {@link SparkSession.addTag} and
   * {@link SparkSession.removeTag} stays inside the scope. This is how concurrent tasks keep their
   * tags apart, so that {@link SparkSession.interruptTag} cancels one task's work only.
   *
   * @returns what `fn` returns (its promise, for an async `fn`).
   *
   * @example
   * ```ts
   * const a = spark.withTags(["report-a"], () => spark.table("a").count());
   * const b = spark.withTags(["report-b"], () => spark.table("b").count());
   * setTimeout(() => spark.interruptTag("report-a"), 60_000); // a deadline for report-a only
   * await Promise.allSettled([a, b]); // b runs on, whatever happens to a
   * ```
   */
  withTags<T>(tags: readonly string[], fn: () => T): T {
    return this.client.tags.run(tags, fn);
  }

  /**
   * Interrupts this session's running operations that carry `tag`; resolves to their ids.
   *
   * @example
   * ```ts
   * const job = spark.withTags(["slow"], () => spark.range(100_000_000_000).selectExpr("max(id)").collect());
   * await new Promise((resolve) => setTimeout(resolve, 2000));
   * await spark.interruptTag("slow"); // ["6e4f3102-cb5a-4d4d-beec-8c357ca9d400"]
   * await job; // throws OperationCanceledError: [OPERATION_CANCELED] Operation has been canceled. SQLSTATE: HY008
   * ```
   */
  async interruptTag(tag: string): Promise<string[]> {
    return [...(await this.client.interrupt({ tag }))];
  }

  /**
   * Interrupts every running operation of this session; resolves to their ids.
   *
   * @example
   * ```ts
   * await spark.interruptAll(); // []: nothing was running
   * const job = spark.range(100_000_000_000).selectExpr("max(id)").collect();
   * await new Promise((resolve) => setTimeout(resolve, 2000));
   * await spark.interruptAll(); // ["7e0e5cf7-47c9-4878-9f97-f9b5f1dba133"]
   * await job; // throws OperationCanceledError: [OPERATION_CANCELED] Operation has been canceled. SQLSTATE: HY008
   * ```
   */
  async interruptAll(): Promise<string[]> {
    return [...(await this.client.interrupt({ all: true }))];
  }

  /**
   * Interrupts one running operation by id; resolves to the ids interrupted.
   *
   * @example
   * ```ts
   * let id = "";
   * spark.observeOperations({ started: (op) => (id = op.operationId) });
   * const job = spark.range(100_000_000_000).selectExpr("max(id)").collect();
   * await new Promise((resolve) => setTimeout(resolve, 2000));
   * await spark.interruptOperation(id); // ["cde4a497-e98d-4055-89f3-1072e77adddc"]
   * await job.catch((e: Error) => e.name); // "OperationCanceledError"
   * await spark.interruptOperation(id); // []: it no longer runs
   * ```
   */
  async interruptOperation(operationId: string): Promise<string[]> {
    return [...(await this.client.interrupt({ operationId }))];
  }

  /**
   * Releases the session on the server (temp views and cached data go with it) and closes the
   * channel. The session stops being the active one at once, whatever the release does: when the
   * release fails this rejects, and the session is stopped all the same.
   *
   * @example
   * ```ts
   * await spark.stop();
   * spark.is_stopped; // true
   * await spark.range(1).count(); // throws SparkConnectError: This Spark session has been stopped; create a new one.
   * ```
   */
  async stop(): Promise<void> {
    if (activeSession === this) activeSession = undefined;
    await this.client.close();
  }
}

let activeSession: SparkSession | undefined;

/**
 * Builds a {@link SparkSession}. Immutable: each method returns a new builder.
 *
 * @example
 * ```ts
 * const spark = await SparkSession.builder.remote("sc://localhost:15002").config("spark.sql.ansi.enabled", false).getOrCreate();
 * await spark.conf.get("spark.sql.ansi.enabled"); // "false"
 * ```
 */
export class SparkSessionBuilder {
  /** @internal */
  constructor(
    private readonly url: string | undefined,
    private readonly settings: readonly (readonly [string, string])[],
    private readonly options: ClientOptions = {},
  ) {}

  /**
   * The `sc://` connection string of the server; defaults to `SPARK_REMOTE`, then `sc://localhost:15002`.
   *
   * @example
   * ```ts
   * const spark = await SparkSession.builder.remote("sc://localhost:15002").getOrCreate();
   * spark.connectionString; // "sc://localhost:15002"
   * ```
   */
  remote(url: string): SparkSessionBuilder {
    return new SparkSessionBuilder(url, this.settings, this.options);
  }

  /**
   * How the session's client copes with network and server failures: retries, reattachable
   * results. Only a session this builder creates gets them (not an active one it returns).
   *
   * @example
   * ```ts
   * const spark = await SparkSession.builder
   *   .remote("sc://localhost:1") // nothing listens there
   *   .clientOptions({ retryBeforeFirstConnection: true, retryPolicy: { ...DEFAULT_RETRY_POLICY, maxRetries: 2 } })
   *   .create();
   * await spark.version; // after two retries:
   * // throws SparkConnectionError: Cannot reach the Spark Connect server at localhost:1 (plain text): ...
   * ```
   */
  clientOptions(options: ClientOptions): SparkSessionBuilder {
    return new SparkSessionBuilder(this.url, this.settings, { ...this.options, ...options });
  }

  /**
   * A configuration to set on the session when it is created (or one key-value object of them).
   *
   * @example
   * ```ts
   * const spark = await SparkSession.builder
   *   .config("spark.sql.shuffle.partitions", 8)
   *   .config({ "spark.sql.ansi.enabled": false })
   *   .create();
   * await spark.conf.get("spark.sql.shuffle.partitions"); // "8"
   * await spark.conf.get("spark.sql.ansi.enabled"); // "false"
   * ```
   */
  config(key: string, value: ConfValue): SparkSessionBuilder;
  config(settings: Readonly<Record<string, ConfValue>>): SparkSessionBuilder;
  config(keyOrSettings: string | Readonly<Record<string, ConfValue>>, value?: ConfValue): SparkSessionBuilder {
    const added =
      typeof keyOrSettings === "string"
        ? [[keyOrSettings, String(value)] as const]
        : Object.entries(keyOrSettings).map(([k, v]) => [k, String(v)] as const);
    return new SparkSessionBuilder(this.url, [...this.settings, ...added], this.options);
  }

  /**
   * The connection string this builder would use.
   *
   * @example
   * ```ts
   * SparkSession.builder.connectionString; // "sc://localhost:15002" (with SPARK_REMOTE unset)
   * SparkSession.builder.remote("sc://spark.example.com:15002").connectionString; // "sc://spark.example.com:15002"
   * ```
   */
  get connectionString(): string {
    return this.url ?? process.env.SPARK_REMOTE ?? DEFAULT_REMOTE;
  }

  /**
   * The active session when there is one for the same server (this builder's configurations are
   * applied to it), else a new session that becomes the active one. Never a stopped session.
   *
   * @example
   * ```ts
   * const a = await SparkSession.builder.getOrCreate();
   * const b = await SparkSession.builder.config("spark.sql.shuffle.partitions", 8).getOrCreate();
   * a === b; // true
   * await a.conf.get("spark.sql.shuffle.partitions"); // "8"
   * ```
   */
  async getOrCreate(): Promise<SparkSession> {
    const options = parseConnectionString(this.connectionString);
    const active = activeSession;
    if (active && !active.is_stopped && sameServer(active, options)) {
      await this.apply(active);
      return active;
    }
    const session = await this.create();
    activeSession = session;
    return session;
  }

  /**
   * Always a new session, with its own server-side state. It does not become the active one.
   *
   * @example
   * ```ts
   * const a = await SparkSession.builder.getOrCreate();
   * const b = await SparkSession.builder.create();
   * a === b; // false
   * a.sessionId === b.sessionId; // false
   * SparkSession.active() === a; // true
   * ```
   */
  async create(): Promise<SparkSession> {
    const session = new SparkSession(new SparkConnectClient(parseConnectionString(this.connectionString), this.options));
    await this.apply(session);
    return session;
  }

  private async apply(session: SparkSession): Promise<void> {
    for (const [key, value] of this.settings) await session.conf.set(key, value);
  }
}

function sameServer(session: SparkSession, options: ReturnType<typeof parseConnectionString>): boolean {
  const current = session.client.options;
  return current.host === options.host && current.port === options.port && current.userId === options.userId;
}

function mapValues<V, R>(record: Readonly<Record<string, V>>, f: (value: V) => R): Record<string, R> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
