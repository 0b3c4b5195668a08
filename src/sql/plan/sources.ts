// The relations a plan starts from: ranges, tables and data sources, local data, SQL, table-valued
// functions, and relations the server keeps (checkpoints).
import type { Expression } from "../../gen/spark/connect/expressions";
import type { CachedRemoteRelation, LocalRelation, Relation } from "../../gen/spark/connect/relations";
import { relation } from "./relation";

/**
 * The numbers from `start` until `end` (exclusive) by `step`, in a column `id`.
 *
 * @example
 * ```ts
 * range(0n, 10n, 1n, undefined);
 * ```
 */
export function range(start: bigint, end: bigint, step: bigint, numPartitions: number | undefined): Relation {
  return relation({ $case: "range", range: { start, end, step, numPartitions } });
}

/**
 * The table or view `name`, with the source's options, as a batch or a stream.
 *
 * @example
 * ```ts
 * namedTable("sales", {}, false);
 * ```
 */
export function namedTable(name: string, options: Readonly<Record<string, string>>, isStreaming: boolean): Relation {
  return relation({
    $case: "read",
    read: { isStreaming, readType: { $case: "namedTable", namedTable: { unparsedIdentifier: name, options: { ...options } } } },
  });
}

/** What a data source read says: the source, its schema (DDL or JSON), options, paths and JDBC predicates. */
export interface DataSourceSpec {
  readonly format?: string;
  readonly schema?: string;
  readonly options: Readonly<Record<string, string>>;
  readonly paths: readonly string[];
  readonly predicates: readonly string[];
  /** A streaming source's name, which its checkpointed state is matched by. */
  readonly sourceName?: string;
}

/**
 * The data of a source (files, JDBC, a connector), as a batch or a stream.
 *
 * @example
 * ```ts
 * dataSource({ format: "csv", options: { header: "true" }, paths: ["/data/people.csv"], predicates: [] }, false);
 * ```
 */
export function dataSource(spec: DataSourceSpec, isStreaming: boolean): Relation {
  const { format, schema, options, paths, predicates, sourceName } = spec;
  const source = {
    ...(format === undefined ? {} : { format }),
    ...(schema === undefined ? {} : { schema }),
    options: { ...options },
    paths: [...paths],
    predicates: [...predicates],
    ...(sourceName === undefined ? {} : { sourceName }),
  };
  return relation({ $case: "read", read: { isStreaming, readType: { $case: "dataSource", dataSource: source } } });
}

/**
 * The change data feed of a table, between the versions its options name.
 *
 * @example
 * ```ts
 * relationChanges("events", { startingVersion: "3" }, false);
 * ```
 */
export function relationChanges(tableName: string, options: Readonly<Record<string, string>>, isStreaming: boolean): Relation {
  return relation({ $case: "relationChanges", relationChanges: { unparsedIdentifier: tableName, options: { ...options }, isStreaming } });
}

/**
 * The body of a local relation: an Arrow IPC stream and the schema as Spark's JSON, either of them
 * optional. It is the relation itself when small, and the bytes of a cached artifact when large.
 *
 * @example
 * ```ts
 * localRelation(localData(arrowStream, schema.json()));
 * ```
 */
export function localData(data?: Uint8Array, schemaJson?: string): LocalRelation {
  return {
    ...(data === undefined ? {} : { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) }),
    ...(schemaJson === undefined ? {} : { schema: schemaJson }),
  };
}

/**
 * Local data sent inside the plan (see {@link localData}).
 *
 * @example
 * ```ts
 * localRelation(localData(undefined, JSON.stringify({ type: "struct", fields: [] }))); // no rows, no columns
 * ```
 */
export function localRelation(local: LocalRelation): Relation {
  return relation({ $case: "localRelation", localRelation: local });
}

/**
 * Local data uploaded as one cached artifact: a {@link localData} message's bytes, by their hash.
 *
 * @example
 * ```ts
 * cachedLocalRelation(artifact.hash);
 * ```
 */
export function cachedLocalRelation(hash: string): Relation {
  return relation({ $case: "cachedLocalRelation", cachedLocalRelation: { hash } });
}

/**
 * Local data uploaded as cached artifacts in chunks: Arrow streams, and optionally the schema's JSON.
 *
 * @example
 * ```ts
 * chunkedCachedLocalRelation(chunks.map((a) => a.hash), schemaArtifact?.hash);
 * ```
 */
export function chunkedCachedLocalRelation(dataHashes: readonly string[], schemaHash?: string): Relation {
  return relation({
    $case: "chunkedCachedLocalRelation",
    chunkedCachedLocalRelation: { dataHashes: [...dataHashes], ...(schemaHash === undefined ? {} : { schemaHash }) },
  });
}

/**
 * A relation the server keeps (a checkpoint's result), by the id it gave it.
 *
 * @example
 * ```ts
 * cachedRemoteRelation({ relationId: "7f3a..." });
 * ```
 */
export function cachedRemoteRelation(cached: CachedRemoteRelation): Relation {
  return relation({ $case: "cachedRemoteRelation", cachedRemoteRelation: cached });
}

/**
 * A SQL query, with its parameters as expressions: named (`:name`) or positional (`?`).
 *
 * @example
 * ```ts
 * sql("SELECT * FROM t WHERE x > :min", { min: literalExpression(0) }, []);
 * ```
 */
export function sql(query: string, namedArguments: Readonly<Record<string, Expression>>, posArguments: readonly Expression[]): Relation {
  return relation({
    $case: "sql",
    sql: { query, args: {}, posArgs: [], namedArguments: { ...namedArguments }, posArguments: [...posArguments] },
  });
}

/**
 * The rows a table-valued function generates (`explode`, `stack`, `sql_keywords`, ...).
 *
 * @example
 * ```ts
 * tableValuedFunction("explode", [call("array", [literalExpression(1), literalExpression(2)])]);
 * ```
 */
export function tableValuedFunction(functionName: string, args: readonly Expression[]): Relation {
  return relation({ $case: "unresolvedTableValuedFunction", unresolvedTableValuedFunction: { functionName, arguments: [...args] } });
}
