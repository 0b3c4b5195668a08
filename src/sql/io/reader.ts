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
 * What {@link DataFrameReader} (`spark.read`) and `DataStreamReader` (`spark.readStream`) share:
 * format, schema and options, and the sources both can read. Each reader adds what only it has
 * (`jdbc` for batch reads, `name` for streams), so neither offers a method the server would refuse.
 *
 * The examples read what `DataFrameWriter`'s examples write from `people` =
 * `await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }])`: the folders
 * `people.csv` (with a header line), `people.json`, `people.parquet`, `people.orc`, `people.xml`,
 * `names` (text, the names only) and `people_by_age` (Parquet in a folder per age).
 */
export abstract class SourceReader {
  /** @internal Use `spark.read` or `spark.readStream`. */
  constructor(
    protected readonly sparkSession: SparkSession,
    protected readonly state: ReaderState = { options: {} },
    protected readonly isStreaming = false,
  ) {}

  /**
   * The data source: `"parquet"`, `"csv"`, `"json"`, `"orc"`, `"text"`, `"xml"`, `"jdbc"`, or a connector's name.
   *
   * @example
   * ```ts
   * await spark.read.format("json").load("people.json").orderBy("name").collect();
   * // [{ age: 36n, name: "Ada" }, { age: 41n, name: "Alan" }]   (JSON's inferred columns come in name order)
   * ```
   */
  format(source: string): this {
    return this.with({ ...this.state, format: source });
  }

  /**
   * The schema to read with, instead of inferring one: a StructType or a DDL string.
   *
   * @example
   * ```ts
   * await spark.read.schema("name STRING, age INT").json("people.json").orderBy("name").collect();
   * // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]   (INT: numbers, where JSON's inferred BIGINT gives 36n)
   * const schema = new StructType().add("name", new StringType()).add("age", new IntegerType());
   * await spark.read.schema(schema).json("people.json").orderBy("name").collect();
   * // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
   * ```
   */
  schema(schema: SchemaLike): this {
    return this.with({ ...this.state, schema: schemaText(schema) });
  }

  /**
   * One option of the source (`header`, `sep`, `multiLine`, ...).
   *
   * @example
   * ```ts
   * await spark.read.option("header", true).csv("people.csv").orderBy("name").collect();
   * // [{ name: "Ada", age: "36" }, { name: "Alan", age: "41" }]   (CSV columns are strings unless a schema or inferSchema says otherwise)
   * ```
   */
  option(key: string, value: OptionValue): this {
    return this.options({ [key]: value });
  }

  /**
   * Several options of the source.
   *
   * @example
   * ```ts
   * await spark.read.options({ header: true, inferSchema: true }).csv("people.csv").orderBy("name").collect();
   * // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
   * ```
   */
  options(options: OptionsRecord): this {
    return this.with({ ...this.state, options: { ...this.state.options, ...optionStrings(options) } });
  }

  /**
   * The data at `path` (or paths), read with the format, schema and options set so far.
   *
   * @example
   * ```ts
   * await spark.read.load("people.parquet").orderBy("name").collect();   // Parquet, Spark's default format
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * await spark.read.load("people.json", "json", "name STRING, age INT").orderBy("name").collect();
   * // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
   * await spark.read.load(["people_by_age/age=36", "people_by_age/age=41"]).orderBy("name").collect();
   * // [{ name: "Ada" }, { name: "Alan" }]   (those folders' files; age, in the folder names, needs the basePath option)
   * ```
   */
  load(path?: Paths, format?: string, schema?: SchemaLike, options: OptionsRecord = {}): DataFrame {
    let reader = format === undefined ? this : this.format(format);
    if (schema !== undefined) reader = reader.schema(schema);
    return reader.options(options).dataSource(pathList(path));
  }

  /**
   * A table or view by name (`db.table`, `catalog.db.table`), with the options set so far.
   *
   * @example
   * ```ts
   * await people.createOrReplaceTempView("people");
   * await spark.read.table("people").orderBy("name").collect();
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  table(tableName: string): DataFrame {
    return this.frame(namedTable(tableName, this.state.options, this.isStreaming));
  }

  /**
   * CSV files; `options` takes the CSV source's options (`header`, `sep`, `inferSchema`, ...) and `schema`.
   *
   * @example
   * ```ts
   * await spark.read.csv("people.csv", { header: true, inferSchema: true }).orderBy("name").collect();
   * // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
   * await spark.read.csv("people.csv", { header: true, schema: "name STRING, age BIGINT" }).orderBy("name").collect();
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  csv(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("csv", path, options);
  }

  /**
   * JSON Lines files (one object per line; `multiLine: true` for whole-file JSON).
   *
   * @example
   * ```ts
   * await spark.read.json("people.json").orderBy("name").collect();
   * // [{ age: 36n, name: "Ada" }, { age: 41n, name: "Alan" }]
   * ```
   */
  json(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("json", path, options);
  }

  /**
   * Parquet files (their schema comes with them).
   *
   * @example
   * ```ts
   * await spark.read.parquet("people.parquet").orderBy("name").collect();
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * await spark.read.parquet("people_by_age").orderBy("name").collect();   // written with partitionBy("age"): age=36/, age=41/
   * // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]                 (age read back from the folder names, as INT)
   * ```
   */
  parquet(...paths: (string | FormatOptions)[]): DataFrame {
    const options = paths.find((p): p is FormatOptions => typeof p === "object") ?? {};
    return this.shortcut(
      "parquet",
      paths.filter((p): p is string => typeof p === "string"),
      options,
    );
  }

  /**
   * ORC files.
   *
   * @example
   * ```ts
   * await spark.read.orc("people.orc").orderBy("name").collect();
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  orc(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("orc", path, options);
  }

  /**
   * Text files: one row per line, in a column `value` (`wholetext: true` for one row per file).
   *
   * @example
   * ```ts
   * await spark.read.text("names").orderBy("value").collect();
   * // [{ value: "Ada" }, { value: "Alan" }]
   * ```
   */
  text(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("text", path, options);
  }

  /**
   * XML files; `rowTag` names the element that is one row.
   *
   * @example
   * ```ts
   * // people.xml/part-00000-<uuid>-c000.xml holds <ROWS><person><name>Ada</name><age>36</age></person></ROWS>, indented
   * await spark.read.xml("people.xml", { rowTag: "person" }).orderBy("name").collect();
   * // [{ age: 36n, name: "Ada" }, { age: 41n, name: "Alan" }]
   * ```
   */
  xml(path: Paths, options: FormatOptions = {}): DataFrame {
    return this.shortcut("xml", path, options);
  }

  /**
   * The change data feed of a table (rows inserted, updated and deleted between versions), for
   * table formats that keep one; the options say which versions.
   *
   * @example
   * ```ts
   * spark.read.option("startingVersion", 10).option("endingVersion", 20).changes("events");
   * // the rows that changed from version 10 to 20, where the table's catalog keeps a change feed;
   * // Spark's own session catalog keeps none:
   * await spark.read.changes("people").collect();
   * // AnalysisException: [UNSUPPORTED_FEATURE.CHANGE_DATA_CAPTURE] The feature is not supported:
   * //   Catalog spark_catalog does not support Change Data Capture (CDC). SQLSTATE: 0A000
   * ```
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

/**
 * Reads data into a DataFrame from files, tables and other sources (`spark.read`). Immutable: each
 * setting returns a new reader; `load`, `table` and the format shortcuts give a DataFrame, which
 * reads when an action runs. The settings and sources it shares with `spark.readStream` are
 * described on {@link SourceReader}, whose examples read copies of `people`.
 *
 * @example
 * ```ts
 * const csv = spark.read.option("header", true).schema("name STRING, age INT").csv("people.csv");
 * await csv.orderBy("name").collect();   // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
 * await spark.read.format("json").load("people.json").count();   // 2
 * ```
 */
export class DataFrameReader extends SourceReader {
  /**
   * A table of a database over JDBC (the server needs the driver). With `column` and its bounds,
   * the read is split into `numPartitions` ranges; `predicates` split it by WHERE clauses instead;
   * `properties` are the driver's connection properties (`user`, `password`, ...).
   *
   * @example
   * ```ts
   * const url = "jdbc:derby:memory:shop;create=true";   // Derby comes with Spark; other databases need their driver
   * await people.write.jdbc(url, "people");
   * await spark.read.jdbc(url, "people").orderBy("name").collect();
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * const split = spark.read.jdbc(url, "people", { column: "age", lowerBound: 30, upperBound: 50, numPartitions: 2 });
   * await split.explainString();   // "== Physical Plan ==\n*(1) Scan JDBCRelation(people) [numPartitions=2] ...": a query per range of age
   * spark.read.jdbc("jdbc:postgresql://db/shop", "orders", { properties: { user: "reader", password } });   // credentials as properties
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
