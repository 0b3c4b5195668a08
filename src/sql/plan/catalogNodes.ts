// The catalog's relations (`spark.catalog`): one factory per case of the protocol's
// `Catalog.cat_type`, each a relation whose rows answer the call. Optional fields are left out
// when undefined, so that the server applies its own default (the current database, ...).
import type { Catalog } from "../../gen/spark/connect/catalog";
import type { StorageLevel } from "../../gen/spark/connect/common";
import type { Relation } from "../../gen/spark/connect/relations";
import { dataTypeToProto, type StructType } from "../types";
import { relation } from "./relation";

type CatalogType = NonNullable<Catalog["catType"]>;

/** The catalog relation of one operation. */
function catalogRelation(catType: CatalogType): Relation {
  return relation({ $case: "catalog", catalog: { catType } });
}

/**
 * The current catalog's name: one row.
 *
 * @example
 * ```ts
 * currentCatalog();
 * ```
 */
export function currentCatalog(): Relation {
  return catalogRelation({ $case: "currentCatalog", currentCatalog: {} });
}

/**
 * Makes `catalogName` the current catalog.
 *
 * @example
 * ```ts
 * setCurrentCatalog("spark_catalog");
 * ```
 */
export function setCurrentCatalog(catalogName: string): Relation {
  return catalogRelation({ $case: "setCurrentCatalog", setCurrentCatalog: { catalogName } });
}

/**
 * The catalogs, optionally those whose names match a pattern.
 *
 * @example
 * ```ts
 * listCatalogs("spark*");
 * ```
 */
export function listCatalogs(pattern?: string): Relation {
  return catalogRelation({ $case: "listCatalogs", listCatalogs: optional({ pattern }) });
}

/**
 * The current database's name: one row.
 *
 * @example
 * ```ts
 * currentDatabase();
 * ```
 */
export function currentDatabase(): Relation {
  return catalogRelation({ $case: "currentDatabase", currentDatabase: {} });
}

/**
 * Makes `dbName` the current database.
 *
 * @example
 * ```ts
 * setCurrentDatabase("sales");
 * ```
 */
export function setCurrentDatabase(dbName: string): Relation {
  return catalogRelation({ $case: "setCurrentDatabase", setCurrentDatabase: { dbName } });
}

/**
 * The databases of the current catalog, optionally those matching a pattern.
 *
 * @example
 * ```ts
 * listDatabases("s*");
 * ```
 */
export function listDatabases(pattern?: string): Relation {
  return catalogRelation({ $case: "listDatabases", listDatabases: optional({ pattern }) });
}

/**
 * One database by name.
 *
 * @example
 * ```ts
 * getDatabase("sales");
 * ```
 */
export function getDatabase(dbName: string): Relation {
  return catalogRelation({ $case: "getDatabase", getDatabase: { dbName } });
}

/**
 * Whether a database exists: one row.
 *
 * @example
 * ```ts
 * databaseExists("sales");
 * ```
 */
export function databaseExists(dbName: string): Relation {
  return catalogRelation({ $case: "databaseExists", databaseExists: { dbName } });
}

/**
 * Creates a database, with properties such as `comment` or `location`.
 *
 * @example
 * ```ts
 * createDatabase("sales", true, { comment: "orders" });
 * ```
 */
export function createDatabase(dbName: string, ifNotExists: boolean, properties: Readonly<Record<string, string>>): Relation {
  return catalogRelation({ $case: "createDatabase", createDatabase: { dbName, ifNotExists, properties: { ...properties } } });
}

/**
 * Drops a database (with its tables when `cascade`).
 *
 * @example
 * ```ts
 * dropDatabase("sales", true, false);
 * ```
 */
export function dropDatabase(dbName: string, ifExists: boolean, cascade: boolean): Relation {
  return catalogRelation({ $case: "dropDatabase", dropDatabase: { dbName, ifExists, cascade } });
}

/**
 * The tables and views of a database (the current one when `dbName` is undefined).
 *
 * @example
 * ```ts
 * listTables("sales", "order*");
 * ```
 */
export function listTables(dbName?: string, pattern?: string): Relation {
  return catalogRelation({ $case: "listTables", listTables: optional({ dbName, pattern }) });
}

/**
 * The views of a database (the current one when `dbName` is undefined).
 *
 * @example
 * ```ts
 * listViews("sales");
 * ```
 */
export function listViews(dbName?: string, pattern?: string): Relation {
  return catalogRelation({ $case: "listViews", listViews: optional({ dbName, pattern }) });
}

/**
 * One table or view by name.
 *
 * @example
 * ```ts
 * getTable("sales.orders");
 * ```
 */
export function getTable(tableName: string): Relation {
  return catalogRelation({ $case: "getTable", getTable: { tableName } });
}

/**
 * Whether a table or view exists: one row.
 *
 * @example
 * ```ts
 * tableExists("orders", "sales");
 * ```
 */
export function tableExists(tableName: string, dbName?: string): Relation {
  return catalogRelation({ $case: "tableExists", tableExists: optional({ tableName, dbName }) });
}

/**
 * The columns of a table or view.
 *
 * @example
 * ```ts
 * listColumns("orders", "sales");
 * ```
 */
export function listColumns(tableName: string, dbName?: string): Relation {
  return catalogRelation({ $case: "listColumns", listColumns: optional({ tableName, dbName }) });
}

/**
 * The partitions of a partitioned table.
 *
 * @example
 * ```ts
 * listPartitions("events");
 * ```
 */
export function listPartitions(tableName: string): Relation {
  return catalogRelation({ $case: "listPartitions", listPartitions: { tableName } });
}

/**
 * The properties of a table, one row each.
 *
 * @example
 * ```ts
 * getTableProperties("events");
 * ```
 */
export function getTableProperties(tableName: string): Relation {
  return catalogRelation({ $case: "getTableProperties", getTableProperties: { tableName } });
}

/**
 * The `CREATE TABLE` statement of a table: one row.
 *
 * @example
 * ```ts
 * getCreateTableString("events", false);
 * ```
 */
export function getCreateTableString(tableName: string, asSerde: boolean): Relation {
  return catalogRelation({ $case: "getCreateTableString", getCreateTableString: { tableName, asSerde } });
}

/** What a table to create is: where its data lives, its source, schema, description and options. */
export interface TableDefinition {
  readonly path?: string;
  readonly source?: string;
  readonly schema?: StructType;
  readonly description?: string;
  readonly options: Readonly<Record<string, string>>;
}

/**
 * Creates a table: managed, or external when it has a path.
 *
 * @example
 * ```ts
 * createTable("events", { path: "/data/events", source: "parquet", options: {} });
 * ```
 */
export function createTable(tableName: string, definition: TableDefinition): Relation {
  const { path, source, schema, description, options } = definition;
  return catalogRelation({
    $case: "createTable",
    createTable: {
      tableName,
      ...optional({ path, source, description }),
      ...(schema ? { schema: dataTypeToProto(schema) } : {}),
      options: { ...options },
    },
  });
}

/**
 * Creates an external table (Spark's older call; its description is not sent).
 *
 * @example
 * ```ts
 * createExternalTable("events", { path: "/data/events", source: "parquet", options: {} });
 * ```
 */
export function createExternalTable(tableName: string, definition: TableDefinition): Relation {
  const { path, source, schema, options } = definition;
  return catalogRelation({
    $case: "createExternalTable",
    createExternalTable: {
      tableName,
      ...optional({ path, source }),
      ...(schema ? { schema: dataTypeToProto(schema) } : {}),
      options: { ...options },
    },
  });
}

/**
 * Drops a table (`purge`: skipping the trash).
 *
 * @example
 * ```ts
 * dropTable("events", true, false);
 * ```
 */
export function dropTable(tableName: string, ifExists: boolean, purge: boolean): Relation {
  return catalogRelation({ $case: "dropTable", dropTable: { tableName, ifExists, purge } });
}

/**
 * Drops a view of the catalog.
 *
 * @example
 * ```ts
 * dropView("recent", true);
 * ```
 */
export function dropView(viewName: string, ifExists: boolean): Relation {
  return catalogRelation({ $case: "dropView", dropView: { viewName, ifExists } });
}

/**
 * Removes every row of a table.
 *
 * @example
 * ```ts
 * truncateTable("events");
 * ```
 */
export function truncateTable(tableName: string): Relation {
  return catalogRelation({ $case: "truncateTable", truncateTable: { tableName } });
}

/**
 * Computes a table's statistics for the optimizer (`noScan`: its size only).
 *
 * @example
 * ```ts
 * analyzeTable("events", false);
 * ```
 */
export function analyzeTable(tableName: string, noScan: boolean): Relation {
  return catalogRelation({ $case: "analyzeTable", analyzeTable: { tableName, noScan } });
}

/**
 * Drops a temporary view: one row, whether there was one.
 *
 * @example
 * ```ts
 * dropTempView("v");
 * ```
 */
export function dropTempView(viewName: string): Relation {
  return catalogRelation({ $case: "dropTempView", dropTempView: { viewName } });
}

/**
 * Drops a global temporary view: one row, whether there was one.
 *
 * @example
 * ```ts
 * dropGlobalTempView("v");
 * ```
 */
export function dropGlobalTempView(viewName: string): Relation {
  return catalogRelation({ $case: "dropGlobalTempView", dropGlobalTempView: { viewName } });
}

/**
 * The functions of a database (the current one when `dbName` is undefined).
 *
 * @example
 * ```ts
 * listFunctions(undefined, "date*");
 * ```
 */
export function listFunctions(dbName?: string, pattern?: string): Relation {
  return catalogRelation({ $case: "listFunctions", listFunctions: optional({ dbName, pattern }) });
}

/**
 * One function by name.
 *
 * @example
 * ```ts
 * getFunction("upper");
 * ```
 */
export function getFunction(functionName: string): Relation {
  return catalogRelation({ $case: "getFunction", getFunction: { functionName } });
}

/**
 * Whether a function exists: one row.
 *
 * @example
 * ```ts
 * functionExists("my_udf", "sales");
 * ```
 */
export function functionExists(functionName: string, dbName?: string): Relation {
  return catalogRelation({ $case: "functionExists", functionExists: optional({ functionName, dbName }) });
}

/**
 * Whether a table is cached: one row.
 *
 * @example
 * ```ts
 * isCached("events");
 * ```
 */
export function isCached(tableName: string): Relation {
  return catalogRelation({ $case: "isCached", isCached: { tableName } });
}

/**
 * Caches a table (at a storage level, the server's default when undefined).
 *
 * @example
 * ```ts
 * cacheTable("events", StorageLevel.MEMORY_ONLY.toProto());
 * ```
 */
export function cacheTable(tableName: string, storageLevel?: StorageLevel): Relation {
  return catalogRelation({ $case: "cacheTable", cacheTable: { tableName, ...(storageLevel ? { storageLevel } : {}) } });
}

/**
 * Removes a table from the cache.
 *
 * @example
 * ```ts
 * uncacheTable("events");
 * ```
 */
export function uncacheTable(tableName: string): Relation {
  return catalogRelation({ $case: "uncacheTable", uncacheTable: { tableName } });
}

/**
 * Removes every table from the cache.
 *
 * @example
 * ```ts
 * clearCache();
 * ```
 */
export function clearCache(): Relation {
  return catalogRelation({ $case: "clearCache", clearCache: {} });
}

/**
 * Forgets what is cached about a table.
 *
 * @example
 * ```ts
 * refreshTable("events");
 * ```
 */
export function refreshTable(tableName: string): Relation {
  return catalogRelation({ $case: "refreshTable", refreshTable: { tableName } });
}

/**
 * Forgets what is cached about the data under a path.
 *
 * @example
 * ```ts
 * refreshByPath("/data/events");
 * ```
 */
export function refreshByPath(path: string): Relation {
  return catalogRelation({ $case: "refreshByPath", refreshByPath: { path } });
}

/**
 * Adds the partitions found in a partitioned table's folder to the catalog.
 *
 * @example
 * ```ts
 * recoverPartitions("events");
 * ```
 */
export function recoverPartitions(tableName: string): Relation {
  return catalogRelation({ $case: "recoverPartitions", recoverPartitions: { tableName } });
}

/** The record without its undefined entries (the protocol's optional fields). */
function optional<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
