import type { Relation } from "../gen/spark/connect/relations";
import { Row } from "../arrow";
import { DataFrame } from "./dataframe";
import * as catalogNodes from "./plan/catalogNodes";
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
 * @example
 * ```ts
 * await spark.catalog.listTables();                 // [{ name: "sales", tableType: "MANAGED", ... }, ...]
 * await spark.catalog.tableExists("sales");         // true
 * await spark.catalog.cacheTable("sales");
 * ```
 */
export class Catalog {
  /** @internal Use `spark.catalog`. */
  constructor(private readonly sparkSession: SparkSession) {}

  /** The current catalog's name. */
  async currentCatalog(): Promise<string> {
    return this.value<string>(catalogNodes.currentCatalog());
  }

  /** Makes `catalogName` the current catalog. */
  async setCurrentCatalog(catalogName: string): Promise<void> {
    await this.rows(catalogNodes.setCurrentCatalog(catalogName));
  }

  /** The catalogs, optionally those whose names match a pattern (`*` any characters). */
  async listCatalogs(pattern?: string): Promise<CatalogMetadata[]> {
    const rows = await this.rows(catalogNodes.listCatalogs(pattern));
    return rows.map((r) => ({ name: at<string>(r, 0), description: at<string | null>(r, 1) }));
  }

  /** The current database's name. */
  async currentDatabase(): Promise<string> {
    return this.value<string>(catalogNodes.currentDatabase());
  }

  /** Makes `dbName` the current database. */
  async setCurrentDatabase(dbName: string): Promise<void> {
    await this.rows(catalogNodes.setCurrentDatabase(dbName));
  }

  /** The databases of the current catalog, optionally those matching a pattern. */
  async listDatabases(pattern?: string): Promise<Database[]> {
    const rows = await this.rows(catalogNodes.listDatabases(pattern));
    return rows.map(database);
  }

  /** One database by name; an AnalysisException when there is none. */
  async getDatabase(dbName: string): Promise<Database> {
    const [row] = await this.rows(catalogNodes.getDatabase(dbName));
    return database(row);
  }

  /** Whether the database exists. */
  async databaseExists(dbName: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.databaseExists(dbName));
  }

  /** Creates a database (with properties such as `comment` or `location`). */
  async createDatabase(dbName: string, ifNotExists = false, properties: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.rows(catalogNodes.createDatabase(dbName, ifNotExists, properties));
  }

  /** Drops a database; `cascade` drops its tables too. */
  async dropDatabase(dbName: string, ifExists = false, cascade = false): Promise<void> {
    await this.rows(catalogNodes.dropDatabase(dbName, ifExists, cascade));
  }

  /** The tables and views of a database (the current one by default), temporary views included. */
  async listTables(dbName?: string, pattern?: string): Promise<Table[]> {
    const rows = await this.rows(
      catalogNodes.listTables(dbName ?? (pattern === undefined ? undefined : await this.currentDatabase()), pattern),
    );
    return rows.map(table);
  }

  /** The views of a database (the current one by default), temporary views included. */
  async listViews(dbName?: string, pattern?: string): Promise<Table[]> {
    const rows = await this.rows(
      catalogNodes.listViews(dbName ?? (pattern === undefined ? undefined : await this.currentDatabase()), pattern),
    );
    return rows.map(table);
  }

  /** One table or view by name; an AnalysisException when there is none. */
  async getTable(tableName: string): Promise<Table> {
    const [row] = await this.rows(catalogNodes.getTable(tableName));
    return table(row);
  }

  /** Whether a table or view exists (in `dbName`, or as `tableName` resolves). */
  async tableExists(tableName: string, dbName?: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.tableExists(tableName, dbName));
  }

  /** The columns of a table or view. */
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

  /** The partitions of a partitioned table. */
  async listPartitions(tableName: string): Promise<TablePartition[]> {
    const rows = await this.rows(catalogNodes.listPartitions(tableName));
    return rows.map((r) => ({ partition: at<string>(r, 0) }));
  }

  /** The properties of a table. */
  async getTableProperties(tableName: string): Promise<Record<string, string>> {
    const rows = await this.rows(catalogNodes.getTableProperties(tableName));
    return Object.fromEntries(rows.map((r) => [at<string>(r, 0), at<string>(r, 1)]));
  }

  /** The `CREATE TABLE` statement that makes the table (`asSerde`: in Hive's SerDe syntax). */
  async getCreateTableString(tableName: string, asSerde = false): Promise<string> {
    const [row] = await this.rows(catalogNodes.getCreateTableString(tableName, asSerde));
    return row ? at<string>(row, 0) : "";
  }

  /**
   * Creates a table: managed, or external when `path` is given; resolves to a DataFrame of it.
   *
   * @example
   * ```ts
   * await spark.catalog.createTable("events", { path: "/data/events", source: "parquet" });
   * ```
   */
  async createTable(tableName: string, options: CreateTableOptions = {}): Promise<DataFrame> {
    const { options: sourceOptions = {}, ...definition } = options;
    await this.rows(catalogNodes.createTable(tableName, { ...definition, options: optionStrings(sourceOptions) }));
    return this.sparkSession.table(tableName);
  }

  /** @deprecated Spark's older name of {@link Catalog.createTable} with a path. */
  async createExternalTable(tableName: string, options: CreateTableOptions = {}): Promise<DataFrame> {
    const { options: sourceOptions = {}, ...definition } = options;
    await this.rows(catalogNodes.createExternalTable(tableName, { ...definition, options: optionStrings(sourceOptions) }));
    return this.sparkSession.table(tableName);
  }

  /** Drops a table; `purge` skips the trash, where the file system has one. */
  async dropTable(tableName: string, ifExists = false, purge = false): Promise<void> {
    await this.rows(catalogNodes.dropTable(tableName, ifExists, purge));
  }

  /** Drops a view of the catalog. */
  async dropView(viewName: string, ifExists = false): Promise<void> {
    await this.rows(catalogNodes.dropView(viewName, ifExists));
  }

  /** Removes every row of a table. */
  async truncateTable(tableName: string): Promise<void> {
    await this.rows(catalogNodes.truncateTable(tableName));
  }

  /** Computes the table's statistics for the optimizer (`noScan`: only its size, without reading it). */
  async analyzeTable(tableName: string, noScan = false): Promise<void> {
    await this.rows(catalogNodes.analyzeTable(tableName, noScan));
  }

  /** Drops a temporary view; resolves to whether there was one. */
  async dropTempView(viewName: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.dropTempView(viewName));
  }

  /** Drops a global temporary view; resolves to whether there was one. */
  async dropGlobalTempView(viewName: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.dropGlobalTempView(viewName));
  }

  /** The functions a database offers (built-in and temporary ones included), optionally matching a pattern. */
  async listFunctions(dbName?: string, pattern?: string): Promise<CatalogFunction[]> {
    const rows = await this.rows(
      catalogNodes.listFunctions(dbName ?? (pattern === undefined ? undefined : await this.currentDatabase()), pattern),
    );
    return rows.map(catalogFunction);
  }

  /** One function by name; an AnalysisException when there is none. */
  async getFunction(functionName: string): Promise<CatalogFunction> {
    const [row] = await this.rows(catalogNodes.getFunction(functionName));
    return catalogFunction(row);
  }

  /** Whether a function exists. */
  async functionExists(functionName: string, dbName?: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.functionExists(functionName, dbName));
  }

  /** Whether a table is cached. */
  async isCached(tableName: string): Promise<boolean> {
    return this.value<boolean>(catalogNodes.isCached(tableName));
  }

  /** Caches a table (at a storage level, memory and disk by default). */
  async cacheTable(tableName: string, storageLevel?: StorageLevel): Promise<void> {
    await this.rows(catalogNodes.cacheTable(tableName, storageLevel?.toProto()));
  }

  /** Removes a table from the cache. */
  async uncacheTable(tableName: string): Promise<void> {
    await this.rows(catalogNodes.uncacheTable(tableName));
  }

  /** Removes every table from the cache. */
  async clearCache(): Promise<void> {
    await this.rows(catalogNodes.clearCache());
  }

  /** Forgets what is cached about a table (its files, its data), after it changed outside Spark. */
  async refreshTable(tableName: string): Promise<void> {
    await this.rows(catalogNodes.refreshTable(tableName));
  }

  /** Forgets what is cached about the data under a path. */
  async refreshByPath(path: string): Promise<void> {
    await this.rows(catalogNodes.refreshByPath(path));
  }

  /** Adds the partitions found in a partitioned table's folder to the catalog. */
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
