import {
  WriteOperation_SaveMode as SaveModeProto,
  WriteOperation_SaveTable_TableSaveMethod as SaveMethod,
  WriteOperationV2_Mode as V2Mode,
  type WriteOperation,
  type WriteOperationV2,
} from "../../gen/spark/connect/commands";
import type { Expression } from "../../gen/spark/connect/expressions";
import { columnExpression, type Column } from "../column";
import type { DataFrame } from "../dataframe";
import { executeCommand } from "../execution";
import { savePath, saveTable, writeCommand, writeOperation, writeOperationV2, writeV2Command } from "../plan/commands";
import { checkedPositiveCount } from "../validation";
import { optionStrings, type OptionsRecord, type OptionValue, type Paths } from "./options";

/** What happens when the target exists: PySpark's save modes. */
export type SaveMode = "append" | "overwrite" | "error" | "errorifexists" | "ignore";

const SAVE_MODES: Readonly<Record<SaveMode, SaveModeProto>> = {
  append: SaveModeProto.SAVE_MODE_APPEND,
  overwrite: SaveModeProto.SAVE_MODE_OVERWRITE,
  error: SaveModeProto.SAVE_MODE_ERROR_IF_EXISTS,
  errorifexists: SaveModeProto.SAVE_MODE_ERROR_IF_EXISTS,
  ignore: SaveModeProto.SAVE_MODE_IGNORE,
};

/** The options of a file format shortcut of the writer: the format's options, and the save mode. */
export type WriteFormatOptions = OptionsRecord & { readonly mode?: SaveMode };

interface WriterState {
  readonly mode?: SaveModeProto;
  readonly format?: string;
  readonly options: Readonly<Record<string, string>>;
  readonly partitionBy: readonly string[];
  readonly bucketBy?: { readonly numBuckets: number; readonly columns: readonly string[] };
  readonly sortBy: readonly string[];
  readonly clusterBy: readonly string[];
}

/**
 * Writes a DataFrame to files or tables (`df.write`). Immutable: each setting returns a new
 * writer; `save`, `saveAsTable`, `insertInto` and the format shortcuts run the write.
 *
 * @example
 * ```ts
 * await df.write.mode("overwrite").partitionBy("day").parquet("/data/events");
 * await df.write.format("csv").option("header", true).save("/exports/people");
 * await df.write.saveAsTable("analytics.daily");
 * ```
 */
export class DataFrameWriter {
  /** @internal Use `df.write`. */
  constructor(
    private readonly df: DataFrame,
    private readonly state: WriterState = { options: {}, partitionBy: [], sortBy: [], clusterBy: [] },
  ) {}

  /** What to do when the target exists: `"error"` (the default), `"append"`, `"overwrite"` or `"ignore"`. */
  mode(saveMode: SaveMode): DataFrameWriter {
    const mode = SAVE_MODES[saveMode.toLowerCase() as SaveMode];
    if (mode === undefined) throw new RangeError(`unknown save mode "${saveMode}"; expected one of ${Object.keys(SAVE_MODES).join(", ")}`);
    return this.with({ mode });
  }

  /** The data source to write with: `"parquet"` (Spark's default), `"csv"`, `"json"`, `"orc"`, `"text"`, ... */
  format(source: string): DataFrameWriter {
    return this.with({ format: source });
  }

  /** One option of the data source. */
  option(key: string, value: OptionValue): DataFrameWriter {
    return this.options({ [key]: value });
  }

  /** Several options of the data source. */
  options(options: OptionsRecord): DataFrameWriter {
    return this.with({ options: { ...this.state.options, ...optionStrings(options) } });
  }

  /** Lays the output out in folders by these columns' values (`day=2024-01-01/...`). */
  partitionBy(...cols: (string | readonly string[])[]): DataFrameWriter {
    return this.with({ partitionBy: names(cols) });
  }

  /** Buckets the output of `saveAsTable` by the hash of these columns into `numBuckets` files per partition. */
  bucketBy(numBuckets: number, ...cols: (string | readonly string[])[]): DataFrameWriter {
    checkedPositiveCount(numBuckets, "numBuckets");
    const columns = names(cols);
    if (columns.length === 0) throw new TypeError("bucketBy needs at least one column");
    return this.with({ bucketBy: { numBuckets, columns } });
  }

  /** Sorts the rows of each bucket by these columns (with `bucketBy`). */
  sortBy(...cols: (string | readonly string[])[]): DataFrameWriter {
    return this.with({ sortBy: names(cols) });
  }

  /** Clusters the table's data by these columns, for table formats that support clustering. */
  clusterBy(...cols: (string | readonly string[])[]): DataFrameWriter {
    return this.with({ clusterBy: names(cols) });
  }

  /** Writes to `path` (or where the `path` option says) with the format, mode and options set. */
  async save(path?: string, format?: string, mode?: SaveMode, options: OptionsRecord = {}): Promise<void> {
    let writer = format === undefined ? this : this.format(format);
    if (mode !== undefined) writer = writer.mode(mode);
    writer = writer.options(options);
    await writer.run(path === undefined ? undefined : savePath(path));
  }

  /** Writes to a table of the catalog, creating it as needed (with the mode's meaning when it exists). */
  async saveAsTable(
    name: string,
    format?: string,
    mode?: SaveMode,
    partitionBy?: readonly string[],
    options: OptionsRecord = {},
  ): Promise<void> {
    let writer = format === undefined ? this : this.format(format);
    if (mode !== undefined) writer = writer.mode(mode);
    if (partitionBy !== undefined) writer = writer.partitionBy(partitionBy);
    await writer.options(options).run(saveTable(name, SaveMethod.TABLE_SAVE_METHOD_SAVE_AS_TABLE));
  }

  /** Inserts the rows into an existing table, matching columns by position; `overwrite` replaces its rows. */
  async insertInto(tableName: string, overwrite?: boolean): Promise<void> {
    const writer = overwrite === undefined ? this : this.mode(overwrite ? "overwrite" : "append");
    await writer.run(saveTable(tableName, SaveMethod.TABLE_SAVE_METHOD_INSERT_INTO));
  }

  /** Writes CSV files (options: `header`, `sep`, `compression`, ..., and `mode`). */
  async csv(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("csv", path, options);
  }

  /** Writes JSON Lines files. */
  async json(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("json", path, options);
  }

  /** Writes Parquet files. */
  async parquet(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("parquet", path, options);
  }

  /** Writes ORC files. */
  async orc(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("orc", path, options);
  }

  /** Writes text files: the DataFrame must have one string column. */
  async text(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("text", path, options);
  }

  /** Writes XML files (`rowTag` names each row's element). */
  async xml(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("xml", path, options);
  }

  /** Writes to a table of a database over JDBC (the server needs the driver). */
  async jdbc(url: string, table: string, mode?: SaveMode, properties: OptionsRecord = {}): Promise<void> {
    let writer = this.format("jdbc").options({ ...properties, url, dbtable: table });
    if (mode !== undefined) writer = writer.mode(mode);
    await writer.run(undefined);
  }

  private async shortcut(format: string, path: Paths, options: WriteFormatOptions): Promise<void> {
    const { mode, ...rest } = options;
    if (typeof path !== "string") throw new TypeError("write to one path");
    await this.save(path, format, mode, rest);
  }

  private async run(saveType: WriteOperation["saveType"]): Promise<void> {
    await executeCommand(this.df.sparkSession.client, writeCommand(this.writeOperation(saveType)));
  }

  /** @internal The command an action sends: built apart from sending so that its shape can be checked without a server. */
  writeOperation(saveType: WriteOperation["saveType"]): WriteOperation {
    const { mode, format, options, partitionBy, bucketBy, sortBy, clusterBy } = this.state;
    return writeOperation(this.df.plan, {
      ...(format === undefined ? {} : { source: format }),
      ...(saveType === undefined ? {} : { saveType }),
      mode: mode ?? SaveModeProto.SAVE_MODE_ERROR_IF_EXISTS,
      sortColumnNames: sortBy,
      partitioningColumns: partitionBy,
      ...(bucketBy ? { bucketBy } : {}),
      options,
      clusteringColumns: clusterBy,
    });
  }

  private with(change: Partial<WriterState>): DataFrameWriter {
    return new DataFrameWriter(this.df, { ...this.state, ...change });
  }
}

interface WriterV2State {
  readonly provider?: string;
  readonly options: Readonly<Record<string, string>>;
  readonly tableProperties: Readonly<Record<string, string>>;
  readonly partitionedBy: readonly Expression[];
  readonly clusterBy: readonly string[];
}

/**
 * Writes a DataFrame to a table of a catalog through Spark's V2 API (`df.writeTo(table)`):
 * create, replace, append, overwrite by condition, overwrite partitions. Immutable, like
 * {@link DataFrameWriter}.
 *
 * @example
 * ```ts
 * await df.writeTo("db.events").using("parquet").partitionedBy(col("day")).createOrReplace();
 * await more.writeTo("db.events").append();
 * ```
 */
export class DataFrameWriterV2 {
  /** @internal Use `df.writeTo(table)`. */
  constructor(
    private readonly df: DataFrame,
    private readonly table: string,
    private readonly state: WriterV2State = { options: {}, tableProperties: {}, partitionedBy: [], clusterBy: [] },
  ) {}

  /** The table's format (provider), for create and replace: `"parquet"`, `"delta"`, `"iceberg"`, ... */
  using(provider: string): DataFrameWriterV2 {
    return this.with({ provider });
  }

  /** One write option. */
  option(key: string, value: OptionValue): DataFrameWriterV2 {
    return this.options({ [key]: value });
  }

  /** Several write options. */
  options(options: OptionsRecord): DataFrameWriterV2 {
    return this.with({ options: { ...this.state.options, ...optionStrings(options) } });
  }

  /** A property of the table to create or replace. */
  tableProperty(property: string, value: string): DataFrameWriterV2 {
    return this.with({ tableProperties: { ...this.state.tableProperties, [property]: value } });
  }

  /** Partitions the new table by these columns or transforms (`F.years(col("ts"))`, `F.bucket(4, col("id"))`). */
  partitionedBy(...cols: (Column | string)[]): DataFrameWriterV2 {
    if (cols.length === 0) throw new TypeError("partitionedBy needs at least one column");
    return this.with({ partitionedBy: cols.map(columnExpression) });
  }

  /** Clusters the new table by these columns. */
  clusterBy(...cols: string[]): DataFrameWriterV2 {
    return this.with({ clusterBy: cols });
  }

  /** Creates the table with the DataFrame's rows; fails if it exists. */
  async create(): Promise<void> {
    await this.run(V2Mode.MODE_CREATE);
  }

  /** Replaces the table (schema, properties and rows); fails if it does not exist. */
  async replace(): Promise<void> {
    await this.run(V2Mode.MODE_REPLACE);
  }

  /** Creates the table, or replaces it when it exists. */
  async createOrReplace(): Promise<void> {
    await this.run(V2Mode.MODE_CREATE_OR_REPLACE);
  }

  /** Appends the rows to the existing table. */
  async append(): Promise<void> {
    await this.run(V2Mode.MODE_APPEND);
  }

  /** Deletes the table's rows that match `condition`, then appends the DataFrame's rows. */
  async overwrite(condition: Column): Promise<void> {
    await this.run(V2Mode.MODE_OVERWRITE, condition);
  }

  /** Replaces the partitions the DataFrame has rows for, keeping the others (dynamic overwrite). */
  async overwritePartitions(): Promise<void> {
    await this.run(V2Mode.MODE_OVERWRITE_PARTITIONS);
  }

  private async run(mode: V2Mode, overwriteCondition?: Column): Promise<void> {
    await executeCommand(this.df.sparkSession.client, writeV2Command(this.writeOperationV2(mode, overwriteCondition)));
  }

  /** @internal The command an action sends: built apart from sending so that its shape can be checked without a server. */
  writeOperationV2(mode: V2Mode, overwriteCondition?: Column): WriteOperationV2 {
    const { provider, options, tableProperties, partitionedBy, clusterBy } = this.state;
    return writeOperationV2(this.df.plan, this.table, {
      ...(provider === undefined ? {} : { provider }),
      partitioningColumns: partitionedBy,
      options,
      tableProperties,
      mode,
      ...(overwriteCondition ? { overwriteCondition: overwriteCondition.expr } : {}),
      clusteringColumns: clusterBy,
    });
  }

  private with(change: Partial<WriterV2State>): DataFrameWriterV2 {
    return new DataFrameWriterV2(this.df, this.table, { ...this.state, ...change });
  }
}

function names(cols: readonly (string | readonly string[])[]): string[] {
  const list = cols.flat();
  if (list.some((c) => typeof c !== "string" || c === "")) throw new TypeError("column names must be non-empty strings");
  return list;
}
