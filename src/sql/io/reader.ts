import type { Relation } from "../../gen/spark/connect/relations";
import { DataFrame } from "../dataframe";
import { dataSource, namedTable, relationChanges } from "../plan/sources";
import type { SparkSession } from "../session";
import { StructType } from "../types";
import { optionStrings, pathList, type OptionsRecord, type OptionValue, type Paths } from "./options";

/** A schema given to a reader: a StructType, or Spark's DDL (`"id INT, name STRING"`). */
export type SchemaLike = StructType | string;

/**
 * The options of a file format shortcut (`csv`, `json`, ...): the format's options, and the schema.
 * One index signature for both, because an intersection with {@link OptionsRecord} would refuse a
 * StructType schema; a StructType given to any other option is refused when the DataFrame is made.
 */
export type FormatOptions = { readonly [option: string]: OptionValue | SchemaLike | null | undefined; readonly schema?: SchemaLike };

/** What a reader knows before `load`: format, schema and options. */
interface ReaderState {
  readonly format?: string;
  readonly schema?: string;
  readonly options: Readonly<Record<string, string>>;
  /** A streaming source's name (see `DataStreamReader.name`). */
  readonly sourceName?: string;
}

/**
 * Reads data into a DataFrame from files, tables and other sources (`spark.read`). Immutable: each
 * setting returns a new reader; `load`, `table` and the format shortcuts give a DataFrame, which
 * reads when an action runs.
 *
 * @example
 * ```ts
 * const people = spark.read.option("header", true).schema("name STRING, age INT").csv("/data/people.csv");
 * const events = spark.read.format("json").load(["/data/2024-01", "/data/2024-02"]);
 * ```
 */
export class DataFrameReader {
  /** @internal Use `spark.read`. */
  constructor(
    protected readonly sparkSession: SparkSession,
    protected readonly state: ReaderState = { options: {} },
    protected readonly isStreaming = false,
  ) {}

  /** The data source: `"parquet"`, `"csv"`, `"json"`, `"orc"`, `"text"`, `"xml"`, `"jdbc"`, or a connector's name. */
  format(source: string): this {
    return this.with({ ...this.state, format: source });
  }

  /** The schema to read with, instead of inferring one: a StructType or a DDL string. */
  schema(schema: SchemaLike): this {
    return this.with({ ...this.state, schema: schemaText(schema) });
  }

  /** One option of the source (`header`, `sep`, `multiLine`, ...). */
  option(key: string, value: OptionValue): this {
    return this.options({ [key]: value });
  }

  /** Several options of the source. */
  options(options: OptionsRecord): this {
    return this.with({ ...this.state, options: { ...this.state.options, ...optionStrings(options) } });
  }

  /** The data at `path` (or paths), read with the format, schema and options set so far. */
  load(path?: Paths, format?: string, schema?: SchemaLike, options: OptionsRecord = {}): DataFrame {
    let reader = format === undefined ? this : this.format(format);
    if (schema !== undefined) reader = reader.schema(schema);
    return reader.options(options).dataSource(pathList(path));
  }

  /** A table or view by name (`db.table`, `catalog.db.table`), with the options set so far. */
  table(tableName: string): DataFrame {
    return this.frame(namedTable(tableName, this.state.options, this.isStreaming));
  }

  /** CSV files; `options` takes the CSV source's options (`header`, `sep`, `inferSchema`, ...) and `schema`. */
  csv(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("csv", path, options);
  }

  /** JSON Lines files (one object per line; `multiLine: true` for whole-file JSON). */
  json(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("json", path, options);
  }

  /** Parquet files (their schema comes with them). */
  parquet(...paths: (string | FormatOptions)[]): DataFrame {
    const options = paths.find((p): p is FormatOptions => typeof p === "object") ?? {};
    return this.shortcut(
      "parquet",
      paths.filter((p): p is string => typeof p === "string"),
      options,
    );
  }

  /** ORC files. */
  orc(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("orc", path, options);
  }

  /** Text files: one row per line, in a column `value` (`wholetext: true` for one row per file). */
  text(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("text", path, options);
  }

  /** XML files; `rowTag` names the element that is one row. */
  xml(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("xml", path, options);
  }

  /**
   * A table of a database over JDBC (the server needs the driver). With `column` and its bounds,
   * the read is split into `numPartitions` ranges; `predicates` split it by WHERE clauses instead.
   *
   * @example
   * ```ts
   * spark.read.jdbc("jdbc:postgresql://db/shop", "orders", { properties: { user: "reader", password } });
   * ```
   */
  jdbc(
    url: string,
    table: string,
    options: {
      readonly column?: string;
      readonly lowerBound?: number | bigint;
      readonly upperBound?: number | bigint;
      readonly numPartitions?: number;
      readonly predicates?: readonly string[];
      readonly properties?: OptionsRecord;
    } = {},
  ): DataFrame {
    const { column, lowerBound, upperBound, numPartitions, predicates, properties = {} } = options;
    let reader = this.format("jdbc").options({ ...properties, url, dbtable: table });
    if (column !== undefined) {
      if (lowerBound === undefined || upperBound === undefined || numPartitions === undefined) {
        throw new TypeError("jdbc with a partition column needs lowerBound, upperBound and numPartitions");
      }
      reader = reader.options({ partitionColumn: column, lowerBound, upperBound, numPartitions });
    } else if (numPartitions !== undefined) {
      reader = reader.option("numPartitions", numPartitions);
    }
    return reader.dataSource([], predicates ? [...predicates] : []);
  }

  /**
   * The change data feed of a table (rows inserted, updated and deleted between versions), for
   * table formats that keep one; the options say which versions.
   */
  changes(tableName: string): DataFrame {
    if (this.state.schema !== undefined) throw new TypeError("changes() reads the table's own schema: do not set one");
    return this.frame(relationChanges(tableName, this.state.options, this.isStreaming));
  }

  private shortcut(format: string, path: Paths, options: FormatOptions): DataFrame {
    const { schema, ...rest } = options;
    let reader = this.format(format).options(rest as OptionsRecord);
    if (schema !== undefined) reader = reader.schema(schema);
    return reader.dataSource(pathList(path));
  }

  /** @internal */
  protected dataSource(paths: string[], predicates: string[] = []): DataFrame {
    const { format, schema, options, sourceName } = this.state;
    const spec = {
      ...(format === undefined ? {} : { format }),
      ...(schema === undefined ? {} : { schema }),
      options,
      paths,
      predicates,
      ...(sourceName === undefined ? {} : { sourceName }),
    };
    return this.frame(dataSource(spec, this.isStreaming));
  }

  protected frame(plan: Relation): DataFrame {
    return new DataFrame(this.sparkSession, plan);
  }

  protected with(state: ReaderState): this {
    const Reader = this.constructor as new (session: SparkSession, state: ReaderState, isStreaming: boolean) => this;
    return new Reader(this.sparkSession, state, this.isStreaming);
  }
}

/** A schema as the Read relation takes it: DDL as given, a StructType as Spark's JSON. */
export function schemaText(schema: SchemaLike): string {
  if (typeof schema === "string") {
    if (schema.trim() === "") throw new TypeError("an empty schema");
    return schema;
  }
  if (!(schema instanceof StructType)) throw new TypeError("a schema is a StructType or a DDL string");
  return schema.json();
}
