// The plans actions send: a relation to compute (`root`) or a command to run, and the commands
// themselves (one factory per case of the protocol's `Command.command_type` that the API runs):
// SQL statements, views, checkpoints, writes and MERGE INTO. Streaming commands are in
// streamingNodes.ts.
import type { Plan } from "../../gen/spark/connect/base";
import type {
  Command,
  WriteOperation,
  WriteOperation_SaveMode as SaveMode,
  WriteOperation_SaveTable_TableSaveMethod as SaveMethod,
  WriteOperationV2,
  WriteOperationV2_Mode as V2Mode,
} from "../../gen/spark/connect/commands";
import type { StorageLevel } from "../../gen/spark/connect/common";
import type { Expression, Expression_Literal, MergeAction_ActionType as MergeActionType } from "../../gen/spark/connect/expressions";
import type { Relation } from "../../gen/spark/connect/relations";
import { expression } from "./expression";
import { deepFreeze } from "./freeze";

/**
 * The plan that computes `root`'s rows.
 *
 * @example
 * ```ts
 * await executeToTable(client, rootPlan(df.plan));
 * ```
 */
export function rootPlan(root: Relation): Plan {
  return deepFreeze({ opType: { $case: "root", root } });
}

/**
 * The plan that runs `command`.
 *
 * @example
 * ```ts
 * await executeToChunks(client, commandPlan(createDataFrameView(df.plan, "v", false, true)));
 * ```
 */
export function commandPlan(command: Command): Plan {
  return deepFreeze({ opType: { $case: "command", command } });
}

function command(commandType: NonNullable<Command["commandType"]>): Command {
  return deepFreeze({ commandType });
}

/**
 * Runs the statement of a SQL relation (see `sources.sql`) as a command. Spark 4 reads the query
 * and its parameters from `input`; Spark 3.5 knows only the older fields, which Spark 4 ignores
 * when `input` is there: the command fills both, to serve both.
 *
 * @example
 * ```ts
 * sqlCommand(sql("CREATE TEMP VIEW v AS SELECT 1 AS x", {}, []));
 * ```
 */
export function sqlCommand(input: Relation): Command {
  if (input.relType?.$case !== "sql") throw new TypeError("a SQL command runs a SQL relation");
  const { query, namedArguments, posArguments } = input.relType.sql;
  return command({
    $case: "sqlCommand",
    sqlCommand: {
      sql: query,
      args: Object.fromEntries(Object.entries(namedArguments).map(([name, value]) => [name, parameterLiteral(value)])),
      posArgs: posArguments.map(parameterLiteral),
      namedArguments: {},
      posArguments: [],
      input,
    },
  });
}

/** The literal of a parameter's expression (parameters are always literals here). */
function parameterLiteral(parameter: Expression): Expression_Literal {
  if (parameter.exprType?.$case !== "literal") throw new TypeError("a SQL parameter must be a literal");
  return parameter.exprType.literal;
}

/**
 * Registers `input` as a temporary view of the session, or a global one (`global_temp.<name>`).
 *
 * @example
 * ```ts
 * createDataFrameView(df.plan, "people", false, true); // createOrReplaceTempView("people")
 * ```
 */
export function createDataFrameView(input: Relation, name: string, isGlobal: boolean, replace: boolean): Command {
  return command({ $case: "createDataframeView", createDataframeView: { input, name, isGlobal, replace } });
}

/**
 * Checkpoints `relation`: to the checkpoint directory, or locally in the executors (at a storage
 * level, the server's default when undefined); `eager` computes it now.
 *
 * @example
 * ```ts
 * checkpoint(df.plan, false, true);
 * ```
 */
export function checkpoint(relation: Relation, local: boolean, eager: boolean, storageLevel?: StorageLevel): Command {
  return command({ $case: "checkpointCommand", checkpointCommand: { relation, local, eager, ...(storageLevel ? { storageLevel } : {}) } });
}

/**
 * A write's destination: files at a path.
 *
 * @example
 * ```ts
 * writeOperation(df.plan, { saveType: savePath("/out"), ...spec });
 * ```
 */
export function savePath(path: string): NonNullable<WriteOperation["saveType"]> {
  return { $case: "path", path };
}

/**
 * A write's destination: a table of the catalog, created (`saveAsTable`) or inserted into.
 *
 * @example
 * ```ts
 * saveTable("db.t", SaveMethod.TABLE_SAVE_METHOD_INSERT_INTO);
 * ```
 */
export function saveTable(tableName: string, saveMethod: SaveMethod): NonNullable<WriteOperation["saveType"]> {
  return { $case: "table", table: { tableName, saveMethod } };
}

/** What a write says besides its input: source, destination, mode and layout. */
export interface WriteSpec {
  readonly source?: string;
  /** Where the options say (`path`, JDBC's `dbtable`) when undefined. */
  readonly saveType?: WriteOperation["saveType"];
  readonly mode: SaveMode;
  readonly sortColumnNames: readonly string[];
  readonly partitioningColumns: readonly string[];
  readonly bucketBy?: { readonly numBuckets: number; readonly columns: readonly string[] };
  readonly options: Readonly<Record<string, string>>;
  readonly clusteringColumns: readonly string[];
}

/**
 * The write of `input` through the data source API (`df.write`), as its command holds it.
 *
 * @example
 * ```ts
 * writeCommand(writeOperation(df.plan, { source: "parquet", saveType: savePath("/out"), mode, sortColumnNames: [], partitioningColumns: [], options: {}, clusteringColumns: [] }));
 * ```
 */
export function writeOperation(input: Relation, spec: WriteSpec): WriteOperation {
  const { source, saveType, mode, sortColumnNames, partitioningColumns, bucketBy, options, clusteringColumns } = spec;
  return deepFreeze({
    input,
    ...(source === undefined ? {} : { source }),
    ...(saveType === undefined ? {} : { saveType }),
    mode,
    sortColumnNames: [...sortColumnNames],
    partitioningColumns: [...partitioningColumns],
    ...(bucketBy ? { bucketBy: { bucketColumnNames: [...bucketBy.columns], numBuckets: bucketBy.numBuckets } } : {}),
    options: { ...options },
    clusteringColumns: [...clusteringColumns],
    withSchemaEvolution: false,
  });
}

/**
 * The command that runs a {@link writeOperation}.
 *
 * @example
 * ```ts
 * await executeCommand(client, writeCommand(operation));
 * ```
 */
export function writeCommand(operation: WriteOperation): Command {
  return command({ $case: "writeOperation", writeOperation: operation });
}

/** What a V2 write says besides its input and table: provider, layout, properties, mode. */
export interface WriteV2Spec {
  readonly provider?: string;
  readonly partitioningColumns: readonly Expression[];
  readonly options: Readonly<Record<string, string>>;
  readonly tableProperties: Readonly<Record<string, string>>;
  readonly mode: V2Mode;
  /** For an overwrite: which of the table's rows are deleted first. */
  readonly overwriteCondition?: Expression;
  readonly clusteringColumns: readonly string[];
}

/**
 * The write of `input` to a catalog table through Spark's V2 API (`df.writeTo(table)`).
 *
 * @example
 * ```ts
 * writeOperationV2(df.plan, "db.events", { mode: V2Mode.MODE_APPEND, partitioningColumns: [], options: {}, tableProperties: {}, clusteringColumns: [] });
 * ```
 */
export function writeOperationV2(input: Relation, tableName: string, spec: WriteV2Spec): WriteOperationV2 {
  const { provider, partitioningColumns, options, tableProperties, mode, overwriteCondition, clusteringColumns } = spec;
  return deepFreeze({
    input,
    tableName,
    ...(provider === undefined ? {} : { provider }),
    partitioningColumns: [...partitioningColumns],
    options: { ...options },
    tableProperties: { ...tableProperties },
    mode,
    ...(overwriteCondition ? { overwriteCondition } : {}),
    clusteringColumns: [...clusteringColumns],
    withSchemaEvolution: false,
  });
}

/**
 * The command that runs a {@link writeOperationV2}.
 *
 * @example
 * ```ts
 * await executeCommand(client, writeV2Command(operation));
 * ```
 */
export function writeV2Command(operation: WriteOperationV2): Command {
  return command({ $case: "writeOperationV2", writeOperationV2: operation });
}

/** A column a MERGE action sets, and its new value. */
export type MergeAssignment = readonly [column: Expression, value: Expression];

/**
 * An action of a MERGE (update, insert, delete; `*` forms with no assignments), applied when its
 * condition (if any) holds.
 *
 * @example
 * ```ts
 * mergeAction(MergeActionType.ACTION_TYPE_UPDATE, undefined, [[attribute("balance"), attribute("source.balance")]]);
 * ```
 */
export function mergeAction(
  actionType: MergeActionType,
  condition: Expression | undefined,
  assignments: readonly MergeAssignment[],
): Expression {
  return expression({
    $case: "mergeAction",
    mergeAction: {
      actionType,
      ...(condition ? { condition } : {}),
      assignments: assignments.map(([key, value]) => ({ key, value })),
    },
  });
}

/** A MERGE INTO: its target, source, condition and the actions by when they apply (see {@link mergeAction}). */
export interface MergeSpec {
  readonly targetTableName: string;
  readonly sourceTablePlan: Relation;
  readonly mergeCondition: Expression;
  readonly matchActions: readonly Expression[];
  readonly notMatchedActions: readonly Expression[];
  readonly notMatchedBySourceActions: readonly Expression[];
  readonly withSchemaEvolution: boolean;
}

/**
 * Merges a source relation into a table.
 *
 * @example
 * ```ts
 * mergeIntoTable({ targetTableName: "accounts", sourceTablePlan: updates.plan, mergeCondition, matchActions, notMatchedActions: [], notMatchedBySourceActions: [], withSchemaEvolution: false });
 * ```
 */
export function mergeIntoTable(spec: MergeSpec): Command {
  return command({
    $case: "mergeIntoTableCommand",
    mergeIntoTableCommand: {
      targetTableName: spec.targetTableName,
      sourceTablePlan: spec.sourceTablePlan,
      mergeCondition: spec.mergeCondition,
      matchActions: [...spec.matchActions],
      notMatchedActions: [...spec.notMatchedActions],
      notMatchedBySourceActions: [...spec.notMatchedBySourceActions],
      withSchemaEvolution: spec.withSchemaEvolution,
    },
  });
}
