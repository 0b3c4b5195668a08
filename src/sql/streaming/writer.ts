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
 * @example
 * ```ts
 * const query = await ticks.writeStream.format("memory").queryName("ticks").outputMode("append").start();
 * await query.processAllAvailable();
 * await spark.table("ticks").count();
 * await query.stop();
 * ```
 */
export class DataStreamWriter {
  /** @internal Use `df.writeStream`. */
  constructor(
    private readonly df: DataFrame,
    private readonly state: WriterState = { options: {}, partitionBy: [], clusterBy: [] },
  ) {}

  /** The sink: `"parquet"`, `"json"`, `"csv"`, `"orc"`, `"text"`, `"memory"`, `"console"`, a connector... */
  format(source: string): DataStreamWriter {
    return this.with({ format: source });
  }

  /** One option of the sink (`checkpointLocation`, `path`, ...). */
  option(key: string, value: OptionValue): DataStreamWriter {
    return this.options({ [key]: value });
  }

  /** Several options of the sink. */
  options(options: OptionsRecord): DataStreamWriter {
    return this.with({ options: { ...this.state.options, ...optionStrings(options) } });
  }

  /** `"append"` (new rows only), `"complete"` (the whole result each time) or `"update"` (changed rows). */
  outputMode(outputMode: OutputMode): DataStreamWriter {
    if (!["append", "complete", "update"].includes(outputMode)) throw new RangeError(`unknown output mode "${outputMode}"`);
    return this.with({ outputMode });
  }

  /** Lays the output files out in folders by these columns. */
  partitionBy(...cols: string[]): DataStreamWriter {
    return this.with({ partitionBy: cols });
  }

  /** Clusters the output table by these columns. */
  clusterBy(...cols: string[]): DataStreamWriter {
    return this.with({ clusterBy: cols });
  }

  /** The query's name: unique among the active queries, and the table name of the memory sink. */
  queryName(queryName: string): DataStreamWriter {
    return this.with({ queryName });
  }

  /**
   * When micro-batches run: every `processingTime` (`"10 seconds"`), once, until the available
   * data is processed (`availableNow`), continuously, or in real time.
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

  /** Starts the query, writing to `path` (for file sinks) or where the options say. */
  async start(path?: string): Promise<StreamingQuery> {
    return this.run(path === undefined ? undefined : sinkPath(path));
  }

  /** Starts the query, writing into a table (created when it does not exist). */
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
