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
 * In the examples `people` is `await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }])`,
 * whose two rows the server keeps in two partitions here: a file write makes a folder with one
 * part file per partition and an empty `_SUCCESS` (Hadoop's hidden `.crc` files are left out).
 *
 * @example
 * ```ts
 * await people.write.mode("overwrite").partitionBy("age").parquet("people_by_age");
 * // people_by_age/age=36/part-00000-<uuid>.c000.snappy.parquet
 * // people_by_age/age=41/part-00001-<uuid>.c000.snappy.parquet
 * await people.write.format("csv").option("header", true).save("people.csv");
 * // people.csv/part-00000-<uuid>-c000.csv: "name,age\nAda,36\n"
 * // people.csv/part-00001-<uuid>-c000.csv: "name,age\nAlan,41\n"
 * await people.write.saveAsTable("people");
 * await spark.table("people").orderBy("name").collect();   // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
 * ```
 */
export class DataFrameWriter {
  /** @internal Use `df.write`. */
  constructor(
    private readonly df: DataFrame,
    private readonly state: WriterState = { options: {}, partitionBy: [], sortBy: [], clusterBy: [] },
  ) {}

  /**
   * What to do when the target exists: `"error"` (the default), `"append"`, `"overwrite"` or `"ignore"`.
   *
   * @example
   * ```ts
   * await people.write.parquet("people.parquet");
   * await people.write.parquet("people.parquet");
   * // AnalysisException: [PATH_ALREADY_EXISTS] Path file:.../people.parquet already exists.
   * //   Set mode as "overwrite" to overwrite the existing path. SQLSTATE: 42K04
   * await people.write.mode("append").parquet("people.parquet");
   * await spark.read.parquet("people.parquet").count();   // 4
   * ```
   */
  mode(saveMode: SaveMode): DataFrameWriter {
    const mode = SAVE_MODES[saveMode.toLowerCase() as SaveMode];
    if (mode === undefined) throw new RangeError(`unknown save mode "${saveMode}"; expected one of ${Object.keys(SAVE_MODES).join(", ")}`);
    return this.with({ mode });
  }

  /**
   * The data source to write with: `"parquet"` (Spark's default), `"csv"`, `"json"`, `"orc"`, `"text"`, ...
   *
   * @example
   * ```ts
   * await people.write.format("json").save("people.json");
   * // people.json/part-00000-<uuid>-c000.json: {"name":"Ada","age":36}
   * // people.json/part-00001-<uuid>-c000.json: {"name":"Alan","age":41}
   * ```
   */
  format(source: string): DataFrameWriter {
    return this.with({ format: source });
  }

  /**
   * One option of the data source.
   *
   * @example
   * ```ts
   * await people.write.option("compression", "gzip").json("people_gz");
   * // people_gz/part-00000-<uuid>-c000.json.gz
   * // people_gz/part-00001-<uuid>-c000.json.gz
   * ```
   */
  option(key: string, value: OptionValue): DataFrameWriter {
    return this.options({ [key]: value });
  }

  /**
   * Several options of the data source.
   *
   * @example
   * ```ts
   * await people.write.options({ header: true, sep: ";" }).csv("people_semi");
   * // people_semi/part-00000-<uuid>-c000.csv: "name;age\nAda;36\n"
   * // people_semi/part-00001-<uuid>-c000.csv: "name;age\nAlan;41\n"
   * ```
   */
  options(options: OptionsRecord): DataFrameWriter {
    return this.with({ options: { ...this.state.options, ...optionStrings(options) } });
  }

  /**
   * Lays the output out in folders by these columns' values (`day=2024-01-01/...`).
   *
   * @example
   * ```ts
   * await people.write.partitionBy("age").parquet("people_by_age");
   * // people_by_age/age=36/part-00000-<uuid>.c000.snappy.parquet   (the files hold name only: age is in the folder name)
   * // people_by_age/age=41/part-00001-<uuid>.c000.snappy.parquet
   * ```
   */
  partitionBy(...cols: (string | readonly string[])[]): DataFrameWriter {
    return this.with({ partitionBy: names(cols) });
  }

  /**
   * Buckets the output of `saveAsTable` by the hash of these columns into `numBuckets` files per partition.
   *
   * @example
   * ```ts
   * await people.write.bucketBy(2, "name").sortBy("age").saveAsTable("people_bucketed");
   * // DESCRIBE TABLE EXTENDED people_bucketed: Num Buckets: 2, Bucket Columns: [`name`], Sort Columns: [`age`]
   * ```
   */
  bucketBy(numBuckets: number, ...cols: (string | readonly string[])[]): DataFrameWriter {
    checkedPositiveCount(numBuckets, "numBuckets");
    const columns = names(cols);
    if (columns.length === 0) throw new TypeError("bucketBy needs at least one column");
    return this.with({ bucketBy: { numBuckets, columns } });
  }

  /**
   * Sorts the rows of each bucket by these columns (with `bucketBy`).
   *
   * @example
   * ```ts
   * await people.write.bucketBy(2, "name").sortBy("age").saveAsTable("people_bucketed");
   * // DESCRIBE TABLE EXTENDED people_bucketed: Sort Columns: [`age`]
   * ```
   */
  sortBy(...cols: (string | readonly string[])[]): DataFrameWriter {
    return this.with({ sortBy: names(cols) });
  }

  /**
   * Clusters the table's data by these columns, for table formats that support clustering.
   *
   * @example
   * ```ts
   * await people.write.clusterBy("age").saveAsTable("people_clustered");
   * (await spark.catalog.listColumns("people_clustered")).map((c) => [c.name, c.isCluster]);   // [["name", false], ["age", true]]
   * ```
   */
  clusterBy(...cols: (string | readonly string[])[]): DataFrameWriter {
    return this.with({ clusterBy: names(cols) });
  }

  /**
   * Writes to `path` (or where the `path` option says) with the format, mode and options set.
   *
   * @example
   * ```ts
   * await people.write.save("people.parquet");   // Parquet, Spark's default format
   * // people.parquet/part-00000-<uuid>-c000.snappy.parquet
   * // people.parquet/part-00001-<uuid>-c000.snappy.parquet
   * await people.write.save("people.json", "json", "overwrite");
   * // people.json/part-00000-<uuid>-c000.json: {"name":"Ada","age":36}
   * // people.json/part-00001-<uuid>-c000.json: {"name":"Alan","age":41}
   * ```
   */
  async save(path?: string, format?: string, mode?: SaveMode, options: OptionsRecord = {}): Promise<void> {
    let writer = format === undefined ? this : this.format(format);
    if (mode !== undefined) writer = writer.mode(mode);
    writer = writer.options(options);
    await writer.run(path === undefined ? undefined : savePath(path));
  }

  /**
   * Writes to a table of the catalog, creating it as needed (with the mode's meaning when it exists).
   *
   * @example
   * ```ts
   * await people.write.saveAsTable("people");
   * await spark.table("people").orderBy("name").collect();   // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * await people.write.saveAsTable("people");
   * // AnalysisException: [TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `spark_catalog`.`default`.`people`
   * //   because it already exists.
   * await people.write.saveAsTable("people", "parquet", "overwrite");   // replaces it
   * ```
   */
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

  /**
   * Inserts the rows into an existing table, matching columns by position; `overwrite` replaces its rows.
   *
   * @example
   * ```ts
   * const grace = await spark.createDataFrame([{ name: "Grace", age: 45 }]);
   * await grace.write.insertInto("people");
   * await spark.table("people").orderBy("name").collect();
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }, { name: "Grace", age: 45n }]
   * await grace.write.insertInto("people", true);
   * await spark.table("people").collect();   // [{ name: "Grace", age: 45n }]
   * ```
   */
  async insertInto(tableName: string, overwrite?: boolean): Promise<void> {
    const writer = overwrite === undefined ? this : this.mode(overwrite ? "overwrite" : "append");
    await writer.run(saveTable(tableName, SaveMethod.TABLE_SAVE_METHOD_INSERT_INTO));
  }

  /**
   * Writes CSV files (options: `header`, `sep`, `compression`, ..., and `mode`).
   *
   * @example
   * ```ts
   * await people.write.csv("people.csv", { header: true });
   * // people.csv/part-00000-<uuid>-c000.csv: "name,age\nAda,36\n"
   * // people.csv/part-00001-<uuid>-c000.csv: "name,age\nAlan,41\n"
   * ```
   */
  async csv(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("csv", path, options);
  }

  /**
   * Writes JSON Lines files.
   *
   * @example
   * ```ts
   * await people.write.json("people.json", { mode: "overwrite" });
   * // people.json/part-00000-<uuid>-c000.json: {"name":"Ada","age":36}
   * // people.json/part-00001-<uuid>-c000.json: {"name":"Alan","age":41}
   * ```
   */
  async json(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("json", path, options);
  }

  /**
   * Writes Parquet files.
   *
   * @example
   * ```ts
   * await people.write.parquet("people.parquet");
   * // people.parquet/part-00000-<uuid>-c000.snappy.parquet
   * // people.parquet/part-00001-<uuid>-c000.snappy.parquet
   * ```
   */
  async parquet(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("parquet", path, options);
  }

  /**
   * Writes ORC files.
   *
   * @example
   * ```ts
   * await people.write.orc("people.orc");
   * // people.orc/part-00000-<uuid>-c000.zstd.orc
   * // people.orc/part-00001-<uuid>-c000.zstd.orc
   * ```
   */
  async orc(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("orc", path, options);
  }

  /**
   * Writes text files: the DataFrame must have one string column.
   *
   * @example
   * ```ts
   * await people.select("name").write.text("names");
   * // names/part-00000-<uuid>-c000.txt: "Ada\n"
   * // names/part-00001-<uuid>-c000.txt: "Alan\n"
   * ```
   */
  async text(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("text", path, options);
  }

  /**
   * Writes XML files (`rowTag` names each row's element).
   *
   * @example
   * ```ts
   * await people.write.xml("people.xml", { rowTag: "person" });
   * // people.xml/part-00000-<uuid>-c000.xml:
   * // <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
   * // <ROWS>
   * //     <person>
   * //         <name>Ada</name>
   * //         <age>36</age>
   * //     </person>
   * // </ROWS>
   * ```
   */
  async xml(path: string, options: WriteFormatOptions = {}): Promise<void> {
    await this.shortcut("xml", path, options);
  }

  /**
   * Writes to a table of a database over JDBC (the server needs the driver).
   *
   * @example
   * ```ts
   * const url = "jdbc:derby:memory:shop;create=true";   // Derby comes with Spark; other databases need their driver
   * await people.write.jdbc(url, "people");
   * await people.write.jdbc(url, "people", "append");
   * await spark.read.jdbc(url, "people").count();   // 4
   * ```
   */
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
 * Spark's own session catalog holds V1 tables, on which a V2 write can only `create`; the other
 * writes need a catalog of V2 tables (Iceberg's, Delta Lake's, ...). The examples write `people`
 * (see {@link DataFrameWriter}) and `grace` = `await spark.createDataFrame([{ name: "Grace", age: 45 }])`
 * to the session catalog, and to `cat`, Spark's JDBC catalog over an in-memory Derby database
 * (both come with Spark; `APP` is Derby's default schema):
 *
 * @example
 * ```ts
 * await spark.conf.set("spark.sql.catalog.cat", "org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog");
 * await spark.conf.set("spark.sql.catalog.cat.url", "jdbc:derby:memory:cat;create=true");
 * await people.writeTo("cat.APP.people").create();
 * await grace.writeTo("cat.APP.people").append();
 * await spark.table("cat.APP.people").orderBy("name").collect();
 * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }, { name: "Grace", age: 45n }]
 * await grace.writeTo("people").append();   // a table of the session catalog
 * // AnalysisException: Cannot write into v1 table: `spark_catalog`.`default`.`people`.
 * ```
 */
export class DataFrameWriterV2 {
  /** @internal Use `df.writeTo(table)`. */
  constructor(
    private readonly df: DataFrame,
    private readonly table: string,
    private readonly state: WriterV2State = { options: {}, tableProperties: {}, partitionedBy: [], clusterBy: [] },
  ) {}

  /**
   * The table's format (provider), for create and replace: `"parquet"`, `"delta"`, `"iceberg"`, ...
   *
   * @example
   * ```ts
   * await people.writeTo("people_json").using("json").create();
   * await spark.catalog.getCreateTableString("people_json");
   * // CREATE TABLE spark_catalog.default.people_json (
   * //   name STRING COLLATE UTF8_BINARY,
   * //   age BIGINT)
   * // USING json
   * ```
   */
  using(provider: string): DataFrameWriterV2 {
    return this.with({ provider });
  }

  /**
   * One write option.
   *
   * @example
   * ```ts
   * await people.writeTo("people_gz").using("json").option("compression", "gzip").create();
   * // <warehouse>/people_gz/part-00000-<uuid>-c000.json.gz
   * // <warehouse>/people_gz/part-00001-<uuid>-c000.json.gz
   * ```
   */
  option(key: string, value: OptionValue): DataFrameWriterV2 {
    return this.options({ [key]: value });
  }

  /**
   * Several write options (on create, the table keeps them).
   *
   * @example
   * ```ts
   * await people.writeTo("people_csv").using("csv").options({ header: true, compression: "gzip" }).create();
   * await spark.catalog.getCreateTableString("people_csv");
   * // CREATE TABLE spark_catalog.default.people_csv (
   * //   name STRING COLLATE UTF8_BINARY,
   * //   age BIGINT)
   * // USING csv
   * // OPTIONS (
   * //   'compression' = 'gzip',
   * //   'header' = 'true')
   * ```
   */
  options(options: OptionsRecord): DataFrameWriterV2 {
    return this.with({ options: { ...this.state.options, ...optionStrings(options) } });
  }

  /**
   * A property of the table to create or replace.
   *
   * @example
   * ```ts
   * await people.writeTo("people").using("parquet").tableProperty("team", "data").create();
   * await spark.catalog.getTableProperties("people");   // { team: "data" }
   * ```
   */
  tableProperty(property: string, value: string): DataFrameWriterV2 {
    return this.with({ tableProperties: { ...this.state.tableProperties, [property]: value } });
  }

  /**
   * Partitions the new table by these columns or transforms (`F.years(col("ts"))`, `F.bucket(4, col("id"))`).
   *
   * @example
   * ```ts
   * await people.writeTo("people_by_age").using("parquet").partitionedBy(col("age")).create();
   * await spark.catalog.listPartitions("people_by_age");   // [{ partition: "age=36" }, { partition: "age=41" }]
   * ```
   */
  partitionedBy(...cols: (Column | string)[]): DataFrameWriterV2 {
    if (cols.length === 0) throw new TypeError("partitionedBy needs at least one column");
    return this.with({ partitionedBy: cols.map(columnExpression) });
  }

  /**
   * Clusters the new table by these columns.
   *
   * @example
   * ```ts
   * await people.writeTo("people_clustered").using("parquet").clusterBy("age").create();
   * (await spark.catalog.listColumns("people_clustered")).map((c) => [c.name, c.isCluster]);   // [["name", false], ["age", true]]
   * ```
   */
  clusterBy(...cols: string[]): DataFrameWriterV2 {
    return this.with({ clusterBy: cols });
  }

  /**
   * Creates the table with the DataFrame's rows; fails if it exists.
   *
   * @example
   * ```ts
   * await people.writeTo("people").using("parquet").create();
   * await spark.table("people").orderBy("name").collect();   // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * await people.writeTo("people").using("parquet").create();
   * // AnalysisException: [TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `spark_catalog`.`default`.`people`
   * //   because it already exists.
   * ```
   */
  async create(): Promise<void> {
    await this.run(V2Mode.MODE_CREATE);
  }

  /**
   * Replaces the table (schema, properties and rows); fails if it does not exist.
   *
   * @example
   * ```ts
   * await grace.writeTo("cat.APP.people").replace();
   * await spark.table("cat.APP.people").collect();   // [{ name: "Grace", age: 45n }]
   * await grace.writeTo("cat.APP.nobody").replace();
   * // AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `APP`.`nobody` cannot be found. ...
   * ```
   */
  async replace(): Promise<void> {
    await this.run(V2Mode.MODE_REPLACE);
  }

  /**
   * Creates the table, or replaces it when it exists.
   *
   * @example
   * ```ts
   * await people.writeTo("cat.APP.people").createOrReplace();
   * await spark.table("cat.APP.people").orderBy("name").collect();   // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  async createOrReplace(): Promise<void> {
    await this.run(V2Mode.MODE_CREATE_OR_REPLACE);
  }

  /**
   * Appends the rows to the existing table.
   *
   * @example
   * ```ts
   * await grace.writeTo("cat.APP.people").append();
   * await spark.table("cat.APP.people").orderBy("name").collect();
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }, { name: "Grace", age: 45n }]
   * ```
   */
  async append(): Promise<void> {
    await this.run(V2Mode.MODE_APPEND);
  }

  /**
   * Deletes the table's rows that match `condition`, then appends the DataFrame's rows.
   *
   * @example
   * ```ts
   * await grace.writeTo("cat.APP.people").overwrite(lit(true));   // every row matches
   * await spark.table("cat.APP.people").collect();   // [{ name: "Grace", age: 45n }]
   * await grace.writeTo("cat.APP.people").overwrite(col("age").gt(40));
   * // the SQL: INSERT INTO cat.APP.people REPLACE WHERE age > 40 SELECT * FROM grace, for table formats
   * // that delete by a filter (Delta Lake, Iceberg); JDBC tables cannot, and Spark says so for both forms:
   * // AnalysisException: [UNSUPPORTED_FEATURE.TABLE_OPERATION] The feature is not supported:
   * //   Table `cat`.`APP`.`people` does not support overwrite by filter in batch mode. ...
   * ```
   */
  async overwrite(condition: Column): Promise<void> {
    await this.run(V2Mode.MODE_OVERWRITE, condition);
  }

  /**
   * Replaces the partitions the DataFrame has rows for, keeping the others (dynamic overwrite).
   *
   * @example
   * ```ts
   * await grace.writeTo("cat.APP.people").overwritePartitions();
   * // the SQL: INSERT OVERWRITE cat.APP.people SELECT * FROM grace, with spark.sql.sources.partitionOverwriteMode=dynamic,
   * // for table formats that overwrite partitions (Delta Lake, Iceberg); JDBC tables cannot, and Spark says so for both forms:
   * // AnalysisException: [UNSUPPORTED_FEATURE.TABLE_OPERATION] The feature is not supported:
   * //   Table `APP`.`people` does not support dynamic overwrite in batch mode. ...
   * ```
   */
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
