import { SparkConnectError } from "../../connect/errors";
import type { DataFrame } from "../dataframe";
import { commandResult, executeCommand } from "../execution";
import { optionStrings, type OptionsRecord, type OptionValue } from "../io/options";
import {
  availableNowTrigger,
  continuousTrigger,
  onceTrigger,
  processingTimeTrigger,
  realTimeTrigger,
  sinkPath,
  sinkTable,
  writeStreamStart,
  type SinkNode,
  type TriggerNode,
} from "../plan/streamingNodes";
import { StreamingQuery } from "./query";

/** When a streaming query runs its micro-batches. */
export type Trigger =
  | { readonly processingTime: string }
  | { readonly once: true }
  | { readonly availableNow: true }
  | { readonly continuous: string }
  | { readonly realTime: string };

/** How a streaming query writes its results: only new rows, every row of the result, or the rows that changed. */
export type OutputMode = "append" | "complete" | "update";

interface WriterState {
  readonly format?: string;
  readonly options: Readonly<Record<string, string>>;
  readonly partitionBy: readonly string[];
  readonly clusterBy: readonly string[];
  readonly queryName?: string;
  readonly outputMode?: OutputMode;
  readonly trigger?: TriggerNode;
}

/**
 * Starts a streaming query that writes a streaming DataFrame (`df.writeStream`) to files, a table,
 * the `memory` sink (a table to query) or the `console`. Immutable, like the batch writer; `start`
 * and `toTable` start the query.
 *
 * In the examples `people` is `spark.readStream.schema("name STRING, age INT").json("people.json")`:
 * the stream of the JSON files in that folder, which holds two rows so far (Ada 36, Alan 41).
 *
 * @example
 * ```ts
 * const query = await people.writeStream.format("memory").queryName("people_stream").outputMode("append").start();
 * await query.processAllAvailable();
 * await spark.table("people_stream").orderBy("name").collect();   // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
 * await query.stop();
 * ```
 */
export class DataStreamWriter {
  /** @internal Use `df.writeStream`. */
  constructor(
    private readonly df: DataFrame,
    private readonly state: WriterState = { options: {}, partitionBy: [], clusterBy: [] },
  ) {}

  /**
   * The sink: `"parquet"`, `"json"`, `"csv"`, `"orc"`, `"text"`, `"memory"`, `"console"`, a connector...
   *
   * @example
   * ```ts
   * const query = await people.writeStream.format("json").option("checkpointLocation", "ckpt")
   *   .trigger({ availableNow: true }).start("out");
   * await query.awaitTermination();   // true
   * // out/_spark_metadata/0   (the sink's log of the files it committed)
   * // out/part-00000-<uuid>-c000.json, out/part-00001-<uuid>-c000.json: {"name":"Ada","age":36} in one, {"name":"Alan","age":41} in
   * //   the other (which in which varies: the stream reads the input files in no set order)
   * ```
   */
  format(source: string): DataStreamWriter {
    return this.with({ format: source });
  }

  /**
   * One option of the sink (`checkpointLocation`, `path`, ...).
   *
   * @example
   * ```ts
   * const query = await people.writeStream.format("parquet").option("checkpointLocation", "ckpt")
   *   .trigger({ availableNow: true }).start("out");
   * await query.awaitTermination();
   * // ckpt/commits/0, ckpt/metadata, ckpt/offsets/0, ckpt/sources/0/0   (where a restarted query resumes from)
   * ```
   */
  option(key: string, value: OptionValue): DataStreamWriter {
    return this.options({ [key]: value });
  }

  /**
   * Several options of the sink.
   *
   * @example
   * ```ts
   * const query = await people.writeStream.format("csv").options({ checkpointLocation: "ckpt", path: "out", header: true }).start();
   * await query.processAllAvailable();
   * // out/part-00000-<uuid>-c000.csv, out/part-00001-<uuid>-c000.csv: "name,age\nAda,36\n" in one, "name,age\nAlan,41\n" in the other
   * ```
   */
  options(options: OptionsRecord): DataStreamWriter {
    return this.with({ options: { ...this.state.options, ...optionStrings(options) } });
  }

  /**
   * `"append"` (new rows only), `"complete"` (the whole result each time) or `"update"` (changed rows).
   *
   * @example
   * ```ts
   * const counts = await people.groupBy().count().writeStream.outputMode("complete").format("memory").queryName("counts").start();
   * await counts.processAllAvailable();
   * await spark.table("counts").collect();   // [{ count: 2n }]
   * await people.groupBy().count().writeStream.outputMode("append").format("memory").queryName("counts2").start();
   * // AnalysisException: [STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: append. This output mode
   * //   is not supported for streaming aggregations without watermark on streaming DataFrames/DataSets. SQLSTATE: 42KDE
   * ```
   */
  outputMode(outputMode: OutputMode): DataStreamWriter {
    if (!["append", "complete", "update"].includes(outputMode)) throw new RangeError(`unknown output mode "${outputMode}"`);
    return this.with({ outputMode });
  }

  /**
   * Lays the output files out in folders by these columns.
   *
   * @example
   * ```ts
   * const query = await people.writeStream.partitionBy("age").format("json").option("checkpointLocation", "ckpt")
   *   .trigger({ availableNow: true }).start("out");
   * await query.awaitTermination();
   * // out/age=36/part-0000…-<uuid>.c000.json: {"name":"Ada"}
   * // out/age=41/part-0000…-<uuid>.c000.json: {"name":"Alan"}
   * ```
   */
  partitionBy(...cols: string[]): DataStreamWriter {
    return this.with({ partitionBy: cols });
  }

  /**
   * Clusters the output table by these columns.
   *
   * @example
   * ```ts
   * const query = await people.writeStream.clusterBy("age").option("checkpointLocation", "ckpt").trigger({ availableNow: true })
   *   .toTable("people_clustered");
   * await query.awaitTermination();
   * (await spark.catalog.listColumns("people_clustered")).map((c) => [c.name, c.isCluster]);   // [["name", false], ["age", true]]
   * ```
   */
  clusterBy(...cols: string[]): DataStreamWriter {
    return this.with({ clusterBy: cols });
  }

  /**
   * The query's name: unique among the active queries, and the table name of the memory sink.
   *
   * @example
   * ```ts
   * const query = await people.writeStream.format("memory").queryName("people_stream").start();
   * query.name;   // "people_stream"
   * await query.processAllAvailable();
   * await spark.table("people_stream").count();   // 2
   * ```
   */
  queryName(queryName: string): DataStreamWriter {
    return this.with({ queryName });
  }

  /**
   * When micro-batches run: every `processingTime` (`"10 seconds"`), once, until the available
   * data is processed (`availableNow`), continuously, or in real time.
   *
   * @example
   * ```ts
   * const once = await people.writeStream.format("memory").queryName("people_once").trigger({ availableNow: true }).start();
   * await once.awaitTermination();   // true: it stopped by itself, the data there was processed
   * await spark.table("people_once").count();   // 2
   * const ticks = spark.readStream.format("rate").load();
   * const every = await ticks.writeStream.format("memory").queryName("ticks").trigger({ processingTime: "10 seconds" }).start();
   * await every.isActive;   // true: a micro-batch every 10 seconds, until stopped
   * ```
   */
  trigger(trigger: Trigger): DataStreamWriter {
    const t = trigger as Partial<Record<"processingTime" | "continuous" | "realTime", string>> &
      Partial<Record<"once" | "availableNow", boolean>>;
    const proto: TriggerNode | undefined =
      t.processingTime !== undefined
        ? processingTimeTrigger(t.processingTime)
        : t.once
          ? onceTrigger()
          : t.availableNow
            ? availableNowTrigger()
            : t.continuous !== undefined
              ? continuousTrigger(t.continuous)
              : t.realTime !== undefined
                ? realTimeTrigger(t.realTime)
                : undefined;
    if (!proto)
      throw new TypeError("a trigger is { processingTime }, { once: true }, { availableNow: true }, { continuous } or { realTime }");
    return this.with({ trigger: proto });
  }

  /**
   * Starts the query, writing to `path` (for file sinks) or where the options say.
   *
   * @example
   * ```ts
   * const query = await people.writeStream.format("memory").queryName("people_stream").start();
   * await query.isActive;   // true
   * await query.processAllAvailable();
   * await query.status;     // { message: "Waiting for data to arrive", isDataAvailable: false, isTriggerActive: false }
   * ```
   */
  async start(path?: string): Promise<StreamingQuery> {
    return this.run(path === undefined ? undefined : sinkPath(path));
  }

  /**
   * Starts the query, writing into a table (created when it does not exist).
   *
   * @example
   * ```ts
   * const query = await people.writeStream.option("checkpointLocation", "ckpt").trigger({ availableNow: true }).toTable("people_copy");
   * await query.awaitTermination();
   * await spark.table("people_copy").orderBy("name").collect();   // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
   * ```
   */
  async toTable(tableName: string): Promise<StreamingQuery> {
    return this.run(sinkTable(tableName));
  }

  private async run(sinkDestination: SinkNode | undefined): Promise<StreamingQuery> {
    const { format, options, partitionBy, clusterBy, queryName, outputMode, trigger } = this.state;
    const session = this.df.sparkSession;
    const summary = await executeCommand(
      session.client,
      writeStreamStart(this.df.plan, {
        format: format ?? "",
        options,
        partitioningColumnNames: partitionBy,
        ...(trigger ? { trigger } : {}),
        outputMode: outputMode ?? "",
        queryName: queryName ?? "",
        ...(sinkDestination ? { sinkDestination } : {}),
        clusteringColumnNames: clusterBy,
      }),
    );
    const result = commandResult(summary, "writeStreamOperationStartResult")?.writeStreamOperationStartResult;
    if (!result?.queryId) throw new SparkConnectError("The server started no streaming query.");
    return new StreamingQuery(session, result.queryId, result.name);
  }

  private with(change: Partial<WriterState>): DataStreamWriter {
    return new DataStreamWriter(this.df, { ...this.state, ...change });
  }
}
