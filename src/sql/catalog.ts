import type { Relation } from "../gen/spark/connect/relations";
import { Row } from "../arrow";
import { DataFrame } from "./dataframe";
import * as catalogNodes from "./plan/catalogNodes";
import { rootPlan } from "./plan/commands";
import { executeToChunks } from "./execution";
import type { PendingDataFrame } from "./pendingDataFrame";
import type { SparkSession } from "./session";
import { StorageLevel } from "./storageLevel";
import type { StructType } from "./types";
import { optionStrings, type OptionsRecord } from "./io/options";

/** A catalog (`spark_catalog`, or one a connector adds). */
export interface CatalogMetadata {
  readonly name: string;
  readonly description: string | null;
}

/** A database (namespace) of a catalog. */
export interface Database {
  readonly name: string;
  readonly catalog: string | null;
  readonly description: string | null;
  readonly locationUri: string;
}

/** A table or view. */
export interface Table {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[] | null;
  readonly description: string | null;
  /** `"MANAGED"`, `"EXTERNAL"`, `"VIEW"`, `"TEMPORARY"`. */
  readonly tableType: string;
  readonly isTemporary: boolean;
}

/** A column of a table. */
export interface CatalogColumn {
  readonly name: string;
  readonly description: string | null;
  /** Spark's simple string of the type (`"int"`, `"array<string>"`). */
  readonly dataType: string;
  readonly nullable: boolean;
  readonly isPartition: boolean;
  readonly isBucket: boolean;
  readonly isCluster: boolean;
}

/** A function. */
export interface CatalogFunction {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[] | null;
  readonly description: string | null;
  readonly className: string;
  readonly isTemporary: boolean;
}

/** A partition of a table, as Spark names it (`"day=2024-01-01"`). */
export interface TablePartition {
  readonly partition: string;
}

/** Options of {@link Catalog.createTable}. */
export interface CreateTableOptions {
  /** Where the data lives; a table with a path is external (dropping it keeps the files). */
  readonly path?: string;
  /** The data source: `"parquet"` (default), `"csv"`, `"json"`, ... */
  readonly source?: string;
  /** The columns; without one, the source infers them from `path`. */
  readonly schema?: StructType;
  readonly description?: string;
  /** The data source's options. */
  readonly options?: OptionsRecord;
}

/**
 * The session's catalog (`spark.catalog`): databases, tables, views, functions, and the cache.
 * Every method asks the server.
 *
 * The examples run in a database `shop` (see {@link Catalog.createDatabase}) made the current one,
 * holding the table `people` and the temporary view `people_view`, both of `people` =
 * `await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }])`
 * (`people.write.saveAsTable("people")`, `people.createOrReplaceTempView("people_view")`).
 *
 * @example
 * ```ts
 * await spark.catalog.listTables();
 * // [{ name: "people", catalog: "spark_catalog", namespace: ["shop"], description: null, tableType: "MANAGED", isTemporary: false },
 * //  { name: "people_view", catalog: null, namespace: [], description: null, tableType: "TEMPORARY", isTemporary: true }]
 * await spark.catalog.tableExists("people");   // true
 * await spark.catalog.cacheTable("people");
 * await spark.catalog.isCached("people");      // true
 * ```
 */
export class Catalog {
  /** @internal Use `spark.catalog`. */
  constructor(private readonly sparkSession: SparkSession) {}

  /**
   * The current catalog's name.
   *
   * @example
   * ```ts
   * await spark.catalog.currentCatalog();   // "spark_catalog"
   * ```
   */
  async currentCatalog(): Promise<string> {
    return this.value<string>(catalogNodes.currentCatalog());
  }

  /**
   * Makes `catalogName` the current catalog.
   *
   * @example
   * ```ts
   * await spark.conf.set("spark.sql.catalog.cat", "org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog");
   * await spark.conf.set("spark.sql.catalog.cat.url", "jdbc:derby:memory:cat;create=true");   // Spark's JDBC catalog, over Derby
   * await spark.catalog.setCurrentCatalog("cat");
   * await spark.catalog.currentCatalog();   // "cat"
   * ```
   */
  async setCurrentCatalog(catalogName: string): Promise<void> {
    await this.rows(catalogNodes.setCurrentCatalog(catalogName));
  }

  /**
   * The catalogs, optionally those whose names match a pattern (`*` any characters). A catalog
   * configured in the session is listed once it has been used.
   *
   * @example
   * ```ts
   * await spark.catalog.listCatalogs();          // [{ name: "cat", description: null }, { name: "spark_catalog", description: null }]
   * await spark.catalog.listCatalogs("spark*");  // [{ name: "spark_catalog", description: null }]
   * ```
   */
  async listCatalogs(pattern?: string): Promise<CatalogMetadata[]> {
    const rows = await this.rows(catalogNodes.listCatalogs(pattern));
    return rows.map((r) => ({ name: at<string>(r, 0), description: at<string | null>(r, 1) }));
  }

  /**
   * The current database's name.
   *
   * @example
   * ```ts
   * await spark.catalog.currentDatabase();   // "shop"
   * ```
   */
  async currentDatabase(): Promise<string> {
    return this.value<string>(catalogNodes.currentDatabase());
  }

  /**
   * Makes `dbName` the current database.
   *
   * @example
   * ```ts
   * await spark.catalog.currentDatabase();   // "default"
   * await spark.catalog.setCurrentDatabase("shop");
   * await spark.catalog.currentDatabase();   // "shop"
   * ```
   */
  async setCurrentDatabase(dbName: string): Promise<void> {
    await this.rows(catalogNodes.setCurrentDatabase(dbName));
  }

  /**
   * The databases of the current catalog, optionally those matching a pattern.
   *
   * @example
   * ```ts
   * await spark.catalog.listDatabases("sh*");
   * // [{ name: "shop", catalog: "spark_catalog", description: "orders and people", locationUri: "file:/…/warehouse/shop.db" }]
   * ```
   */
  async listDatabases(pattern?: string): Promise<Database[]> {
    const rows = await this.rows(catalogNodes.listDatabases(pattern));
    return rows.map(database);
  }

  /**
   * One database by name; an AnalysisException when there is none.
   *
   * @example
   * ```ts
   * await spark.catalog.getDatabase("shop");
   * // { name: "shop", catalog: "spark_catalog", description: "orders and people", locationUri: "file:/…/warehouse/shop.db" }
   * ```
   */
  async getDatabase(dbName: string): Promise<Database> {
    const [row] = await this.rows(catalogNodes.getDatabase(dbName));
    return database(row);
  }

  /**
   * Whether the database exists.
   *
   * @example
   * ```ts
   * await spark.catalog.databaseExists("shop");      // true
   * await spark.catalog.databaseExists("nowhere");   // false
   * ```
   */
  async databaseExists(dbName: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.databaseExists(dbName));
  }

  /**
   * Creates a database (with properties such as `comment` or `location`).
   *
   * @example
   * ```ts
   * await spark.catalog.createDatabase("shop", false, { comment: "orders and people" });
   * await spark.catalog.createDatabase("shop");
   * // AnalysisException: [SCHEMA_ALREADY_EXISTS] Cannot create schema `shop` because it already exists.
   * await spark.catalog.createDatabase("shop", true);   // ifNotExists: no error
   * ```
   */
  async createDatabase(dbName: string, ifNotExists = false, properties: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.rows(catalogNodes.createDatabase(dbName, ifNotExists, properties));
  }

  /**
   * Drops a database; `cascade` drops its tables too.
   *
   * @example
   * ```ts
   * await spark.catalog.dropDatabase("shop");
   * // AnalysisException: [SCHEMA_NOT_EMPTY] Cannot drop a schema `shop` because it contains objects.
   * await spark.catalog.dropDatabase("shop", true, true);
   * await spark.catalog.databaseExists("shop");   // false
   * ```
   */
  async dropDatabase(dbName: string, ifExists = false, cascade = false): Promise<void> {
    await this.rows(catalogNodes.dropDatabase(dbName, ifExists, cascade));
  }

  /**
   * The tables and views of a database (the current one by default), temporary views included.
   *
   * @example
   * ```ts
   * await spark.catalog.listTables("shop", "people_*");
   * // [{ name: "people_view", catalog: null, namespace: [], description: null, tableType: "TEMPORARY", isTemporary: true }]
   * ```
   */
  async listTables(dbName?: string, pattern?: string): Promise<Table[]> {
    const rows = await this.rows(
      catalogNodes.listTables(dbName ?? (pattern === undefined ? undefined : await this.currentDatabase()), pattern),
    );
    return rows.map(table);
  }

  /**
   * The views of a database (the current one by default), temporary views included.
   *
   * @example
   * ```ts
   * await spark.sql("CREATE VIEW adults AS SELECT * FROM people WHERE age >= 40");
   * await spark.catalog.listViews();
   * // [{ name: "adults", catalog: "spark_catalog", namespace: ["shop"], description: null, tableType: "VIEW", isTemporary: false },
   * //  { name: "people_view", catalog: null, namespace: [], description: null, tableType: "TEMPORARY", isTemporary: true }]
   * ```
   */
  async listViews(dbName?: string, pattern?: string): Promise<Table[]> {
    const rows = await this.rows(
      catalogNodes.listViews(dbName ?? (pattern === undefined ? undefined : await this.currentDatabase()), pattern),
    );
    return rows.map(table);
  }

  /**
   * One table or view by name; an AnalysisException when there is none.
   *
   * @example
   * ```ts
   * await spark.catalog.getTable("people");
   * // { name: "people", catalog: "spark_catalog", namespace: ["shop"], description: null, tableType: "MANAGED", isTemporary: false }
   * await spark.catalog.getTable("nobody");
   * // AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `nobody` cannot be found. ...
   * ```
   */
  async getTable(tableName: string): Promise<Table> {
    const [row] = await this.rows(catalogNodes.getTable(tableName));
    return table(row);
  }

  /**
   * Whether a table or view exists (in `dbName`, or as `tableName` resolves).
   *
   * @example
   * ```ts
   * await spark.catalog.tableExists("people");           // true
   * await spark.catalog.tableExists("people", "shop");   // true
   * await spark.catalog.tableExists("nobody");           // false
   * ```
   */
  async tableExists(tableName: string, dbName?: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.tableExists(tableName, dbName));
  }

  /**
   * The columns of a table or view.
   *
   * @example
   * ```ts
   * await spark.catalog.listColumns("people");
   * // [{ name: "name", description: null, dataType: "string", nullable: true, isPartition: false, isBucket: false, isCluster: false },
   * //  { name: "age", description: null, dataType: "bigint", nullable: true, isPartition: false, isBucket: false, isCluster: false }]
   * ```
   */
  async listColumns(tableName: string, dbName?: string): Promise<CatalogColumn[]> {
    const rows = await this.rows(catalogNodes.listColumns(tableName, dbName));
    return rows.map((r) => ({
      name: at<string>(r, 0),
      description: at<string | null>(r, 1),
      dataType: at<string>(r, 2),
      nullable: at<boolean>(r, 3),
      isPartition: at<boolean>(r, 4),
      isBucket: at<boolean>(r, 5),
      isCluster: at<boolean>(r, 6),
    }));
  }

  /**
   * The partitions of a partitioned table.
   *
   * @example
   * ```ts
   * await people.write.partitionBy("age").saveAsTable("people_by_age");
   * await spark.catalog.listPartitions("people_by_age");   // [{ partition: "age=36" }, { partition: "age=41" }]
   * ```
   */
  async listPartitions(tableName: string): Promise<TablePartition[]> {
    const rows = await this.rows(catalogNodes.listPartitions(tableName));
    return rows.map((r) => ({ partition: at<string>(r, 0) }));
  }

  /**
   * The properties of a table.
   *
   * @example
   * ```ts
   * await spark.catalog.getTableProperties("people");   // {}
   * await spark.sql("ALTER TABLE people SET TBLPROPERTIES ('team' = 'data')");
   * await spark.catalog.getTableProperties("people");   // { team: "data" }
   * ```
   */
  async getTableProperties(tableName: string): Promise<Record<string, string>> {
    const rows = await this.rows(catalogNodes.getTableProperties(tableName));
    return Object.fromEntries(rows.map((r) => [at<string>(r, 0), at<string>(r, 1)]));
  }

  /**
   * The `CREATE TABLE` statement that makes the table (`asSerde`: in Hive's SerDe syntax).
   *
   * @example
   * ```ts
   * await spark.catalog.getCreateTableString("people");
   * // CREATE TABLE spark_catalog.shop.people (
   * //   name STRING COLLATE UTF8_BINARY,
   * //   age BIGINT)
   * // USING parquet
   * ```
   */
  async getCreateTableString(tableName: string, asSerde = false): Promise<string> {
    const [row] = await this.rows(catalogNodes.getCreateTableString(tableName, asSerde));
    return row ? at<string>(row, 0) : "";
  }

  /**
   * Creates a table: managed, or external when `path` is given; resolves to a DataFrame of it.
   *
   * @example
   * ```ts
   * const files = await spark.catalog.createTable("people_files", { path: "people.parquet", source: "parquet" });
   * await files.orderBy("name").collect();   // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * (await spark.catalog.getTable("people_files")).tableType;   // "EXTERNAL"
   * const schema = new StructType().add("id", new LongType()).add("amount", new IntegerType());
   * await spark.catalog.createTable("orders", { schema, description: "one row per order" });
   * (await spark.catalog.getTable("orders")).description;   // "one row per order"
   * ```
   */
  createTable(tableName: string, options: CreateTableOptions = {}): PendingDataFrame {
    const { options: sourceOptions = {}, ...definition } = options;
    return this.created(tableName, catalogNodes.createTable(tableName, { ...definition, options: optionStrings(sourceOptions) }));
  }

  /**
   * @deprecated Spark's older name of {@link Catalog.createTable} with a path.
   *
   * @example
   * ```ts
   * const files = await spark.catalog.createExternalTable("people_files", { path: "people.parquet", source: "parquet" });
   * await files.count();   // 2
   * ```
   */
  createExternalTable(tableName: string, options: CreateTableOptions = {}): PendingDataFrame {
    const { options: sourceOptions = {}, ...definition } = options;
    return this.created(tableName, catalogNodes.createExternalTable(tableName, { ...definition, options: optionStrings(sourceOptions) }));
  }

  /**
   * The table, given at once while its creation runs, as PySpark creates it at once: later
   * requests wait for the creation; `await` throws its failure, else the next request does.
   */
  private created(tableName: string, creation: Relation): PendingDataFrame {
    const { client } = this.sparkSession;
    return this.sparkSession.atOnce(this.sparkSession.table(tableName).plan, async () => {
      await executeToChunks(client, rootPlan(creation), { statement: true });
    });
  }

  /**
   * Drops a table; `purge` skips the trash, where the file system has one.
   *
   * @example
   * ```ts
   * await spark.catalog.dropTable("orders");
   * await spark.catalog.tableExists("orders");   // false
   * await spark.catalog.dropTable("orders");
   * // AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `spark_catalog`.`shop`.`orders` cannot be found. ...
   * await spark.catalog.dropTable("orders", true);   // ifExists: no error
   * ```
   */
  async dropTable(tableName: string, ifExists = false, purge = false): Promise<void> {
    await this.rows(catalogNodes.dropTable(tableName, ifExists, purge));
  }

  /**
   * Drops a view of the catalog.
   *
   * @example
   * ```ts
   * await spark.sql("CREATE VIEW adults AS SELECT * FROM people WHERE age >= 40");
   * await spark.catalog.dropView("adults");
   * await spark.catalog.tableExists("adults");   // false
   * ```
   */
  async dropView(viewName: string, ifExists = false): Promise<void> {
    await this.rows(catalogNodes.dropView(viewName, ifExists));
  }

  /**
   * Removes every row of a table.
   *
   * @example
   * ```ts
   * await spark.sql("INSERT INTO orders VALUES (1, 10), (2, 20)");
   * await spark.catalog.truncateTable("orders");
   * await spark.table("orders").count();   // 0
   * ```
   */
  async truncateTable(tableName: string): Promise<void> {
    await this.rows(catalogNodes.truncateTable(tableName));
  }

  /**
   * Computes the table's statistics for the optimizer (`noScan`: only its size, without reading it).
   *
   * @example
   * ```ts
   * await spark.catalog.analyzeTable("people");
   * // DESCRIBE TABLE EXTENDED people shows: Statistics  1441 bytes, 2 rows
   * ```
   */
  async analyzeTable(tableName: string, noScan = false): Promise<void> {
    await this.rows(catalogNodes.analyzeTable(tableName, noScan));
  }

  /**
   * Drops a temporary view; resolves to whether there was one.
   *
   * @example
   * ```ts
   * await spark.catalog.dropTempView("people_view");   // true
   * await spark.catalog.dropTempView("people_view");   // false
   * ```
   */
  async dropTempView(viewName: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.dropTempView(viewName));
  }

  /**
   * Drops a global temporary view; resolves to whether there was one.
   *
   * @example
   * ```ts
   * await people.createOrReplaceGlobalTempView("people_g");
   * await spark.catalog.dropGlobalTempView("people_g");   // true
   * await spark.catalog.dropGlobalTempView("people_g");   // false
   * ```
   */
  async dropGlobalTempView(viewName: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.dropGlobalTempView(viewName));
  }

  /**
   * The functions a database offers (built-in and temporary ones included), optionally matching a pattern.
   *
   * @example
   * ```ts
   * await spark.catalog.listFunctions("shop", "upp*");
   * // [{ name: "upper", catalog: null, namespace: null,
   * //    description: "upper(str) - Returns `str` with all characters changed to uppercase.",
   * //    className: "org.apache.spark.sql.catalyst.expressions.Upper", isTemporary: true }]
   * ```
   */
  async listFunctions(dbName?: string, pattern?: string): Promise<CatalogFunction[]> {
    const rows = await this.rows(
      catalogNodes.listFunctions(dbName ?? (pattern === undefined ? undefined : await this.currentDatabase()), pattern),
    );
    return rows.map(catalogFunction);
  }

  /**
   * One function by name; an AnalysisException when there is none.
   *
   * @example
   * ```ts
   * (await spark.catalog.getFunction("upper")).className;   // "org.apache.spark.sql.catalyst.expressions.Upper"
   * ```
   */
  async getFunction(functionName: string): Promise<CatalogFunction> {
    const [row] = await this.rows(catalogNodes.getFunction(functionName));
    return catalogFunction(row);
  }

  /**
   * Whether a function exists.
   *
   * @example
   * ```ts
   * await spark.catalog.functionExists("upper");        // true
   * await spark.catalog.functionExists("no_such_fn");   // false
   * ```
   */
  async functionExists(functionName: string, dbName?: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.functionExists(functionName, dbName));
  }

  /**
   * Whether a table is cached.
   *
   * @example
   * ```ts
   * await spark.catalog.isCached("people");   // false
   * await spark.catalog.cacheTable("people");
   * await spark.catalog.isCached("people");   // true
   * ```
   */
  async isCached(tableName: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.isCached(tableName));
  }

  /**
   * Caches a table (at a storage level, memory and disk by default).
   *
   * @example
   * ```ts
   * await spark.catalog.cacheTable("people", StorageLevel.MEMORY_ONLY);
   * String(await spark.table("people").storageLevel);   // "Memory Serialized 1x Replicated"
   * ```
   */
  async cacheTable(tableName: string, storageLevel?: StorageLevel): Promise<void> {
    await this.rows(catalogNodes.cacheTable(tableName, storageLevel?.toProto()));
  }

  /**
   * Removes a table from the cache.
   *
   * @example
   * ```ts
   * await spark.catalog.uncacheTable("people");
   * await spark.catalog.isCached("people");   // false
   * ```
   */
  async uncacheTable(tableName: string): Promise<void> {
    await this.rows(catalogNodes.uncacheTable(tableName));
  }

  /**
   * Removes every table from the cache: the server's one cache, so the tables and DataFrames that
   * the server's other sessions cached too.
   *
   * @example
   * ```ts
   * await spark.catalog.cacheTable("people");
   * await spark.catalog.clearCache();
   * await spark.catalog.isCached("people");   // false
   * ```
   */
  async clearCache(): Promise<void> {
    await this.rows(catalogNodes.clearCache());
  }

  /**
   * Forgets what is cached about a table (its files, its data), after it changed outside Spark.
   *
   * @example
   * ```ts
   * const files = await spark.catalog.createTable("people_files", { path: "people.parquet" });
   * await people.write.mode("append").parquet("people.parquet");   // written by path, not through the table
   * await spark.table("people_files").count();   // 2: the table's file list is the one it cached
   * await spark.catalog.refreshTable("people_files");
   * await spark.table("people_files").count();   // 4
   * ```
   */
  async refreshTable(tableName: string): Promise<void> {
    await this.rows(catalogNodes.refreshTable(tableName));
  }

  /**
   * Forgets what is cached about the data under a path.
   *
   * @example
   * ```ts
   * const files = spark.read.parquet("people.parquet");
   * await files.cache();
   * await files.count();   // 2
   * // another program copies a third part file into people.parquet
   * await files.count();   // 2: the cached rows
   * await spark.catalog.refreshByPath("people.parquet");
   * await files.count();   // 3
   * ```
   */
  async refreshByPath(path: string): Promise<void> {
    await this.rows(catalogNodes.refreshByPath(path));
  }

  /**
   * Adds the partitions found in a partitioned table's folder to the catalog.
   *
   * @example
   * ```ts
   * await people.write.partitionBy("age").parquet("people_by_age");
   * await spark.catalog.createTable("people_by_age", { path: "people_by_age" });
   * await spark.catalog.listPartitions("people_by_age");   // []: the catalog knows no partition yet, so the table reads no row
   * await spark.catalog.recoverPartitions("people_by_age");
   * await spark.catalog.listPartitions("people_by_age");   // [{ partition: "age=36" }, { partition: "age=41" }]
   * ```
   */
  async recoverPartitions(tableName: string): Promise<void> {
    await this.rows(catalogNodes.recoverPartitions(tableName));
  }

  private async rows(plan: Relation): Promise<Row[]> {
    return new DataFrame(this.sparkSession, plan).collect();
  }

  private async value<T>(plan: Relation): Promise<T> {
    const [row] = await this.rows(plan);
    return (row ? Row.at(row, 0) : undefined) as T;
  }
}

function at<T>(row: Row, i: number): T {
  return Row.at(row, i) as T;
}

function database(r: Row): Database {
  return { name: at<string>(r, 0), catalog: at<string | null>(r, 1), description: at<string | null>(r, 2), locationUri: at<string>(r, 3) };
}

function table(r: Row): Table {
  return {
    name: at<string>(r, 0),
    catalog: at<string | null>(r, 1),
    namespace: at<string[] | null>(r, 2),
    description: at<string | null>(r, 3),
    tableType: at<string>(r, 4),
    isTemporary: at<boolean>(r, 5),
  };
}

function catalogFunction(r: Row): CatalogFunction {
  return {
    name: at<string>(r, 0),
    catalog: at<string | null>(r, 1),
    namespace: at<string[] | null>(r, 2),
    description: at<string | null>(r, 3),
    className: at<string>(r, 4),
    isTemporary: at<boolean>(r, 5),
  };
}
