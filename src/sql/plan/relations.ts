// The relations that transform other relations: one factory per case of the protocol's
// `Relation.rel_type` that DataFrame, GroupedData and their helpers build, each taking the
// message's own fields (inputs first). Sources (range, tables, local data, SQL) are in
// sources.ts, statistics and null handling in statNodes.ts, the catalog in catalogNodes.ts.
import type { Expression } from "../../gen/spark/connect/expressions";
import type {
  Aggregate_GroupType as GroupType,
  Aggregate_Pivot,
  Join_JoinType as JoinType,
  Relation,
  SetOperation_SetOpType as SetOpType,
} from "../../gen/spark/connect/relations";
import { dataTypeToProto, type FieldMetadata, type StructType } from "../types";
import { sortOrderNode } from "./columnNodes";
import { literalOf, type LiteralValue } from "./literal";
import { relation } from "./relation";

/**
 * The given columns of `input`.
 *
 * @example
 * ```ts
 * project(df.plan, [attribute("name"), sqlExpression("age + 1")]);
 * ```
 */
export function project(input: Relation, expressions: readonly Expression[]): Relation {
  return relation({ $case: "project", project: { input, expressions: [...expressions] } });
}

/**
 * The rows of `input` for which `condition` is true.
 *
 * @example
 * ```ts
 * filter(df.plan, call(">", [attribute("age"), literalExpression(21)]));
 * ```
 */
export function filter(input: Relation, condition: Expression): Relation {
  return relation({ $case: "filter", filter: { input, condition } });
}

/** A column `withColumns` adds or replaces: its name, its value, and optionally new field metadata. */
export interface NamedColumn {
  readonly name: string;
  readonly expr: Expression;
  readonly metadata?: FieldMetadata;
}

/**
 * `input` with the given columns added, or replaced where a column has that name.
 *
 * @example
 * ```ts
 * withColumns(df.plan, [{ name: "twice", expr: call("*", [attribute("id"), literalExpression(2)]) }]);
 * ```
 */
export function withColumns(input: Relation, columns: readonly NamedColumn[]): Relation {
  const aliases = columns.map(({ name, expr, metadata }) =>
    metadata === undefined ? { expr, name: [name] } : { expr, name: [name], metadata: JSON.stringify(metadata) },
  );
  return relation({ $case: "withColumns", withColumns: { input, aliases } });
}

/**
 * `input` with columns renamed: `{ old: "new" }`.
 *
 * @example
 * ```ts
 * withColumnsRenamed(df.plan, { dept_id: "department" });
 * ```
 */
export function withColumnsRenamed(input: Relation, renames: Readonly<Record<string, string>>): Relation {
  return relation({
    $case: "withColumnsRenamed",
    withColumnsRenamed: {
      input,
      // Spark 4 reads `renames`; Spark 3.5 knows only the map, which Spark 4 ignores when `renames` is set.
      renameColumnsMap: { ...renames },
      renames: Object.entries(renames).map(([colName, newColName]) => ({ colName, newColName })),
    },
  });
}

/**
 * The first `limit` rows of `input`.
 *
 * @example
 * ```ts
 * limit(df.plan, 10);
 * ```
 */
export function limit(input: Relation, limit: number): Relation {
  return relation({ $case: "limit", limit: { input, limit } });
}

/**
 * `input` without its first `offset` rows.
 *
 * @example
 * ```ts
 * offset(df.plan, 10);
 * ```
 */
export function offset(input: Relation, offset: number): Relation {
  return relation({ $case: "offset", offset: { input, offset } });
}

/**
 * The last `limit` rows of `input`.
 *
 * @example
 * ```ts
 * tail(df.plan, 5);
 * ```
 */
export function tail(input: Relation, limit: number): Relation {
  return relation({ $case: "tail", tail: { input, limit } });
}

/**
 * `input` without the given columns: Column expressions, and names (names that do not exist are ignored).
 *
 * @example
 * ```ts
 * drop(df.plan, [], ["password"]);
 * ```
 */
export function drop(input: Relation, columns: readonly Expression[], columnNames: readonly string[]): Relation {
  return relation({ $case: "drop", drop: { input, columns: [...columns], columnNames: [...columnNames] } });
}

/**
 * `input` without duplicate rows: duplicates of all columns, or of `subset`'s. `withinWatermark`
 * (on a stream) drops only the duplicates that arrive within the watermark's delay; left out, the
 * node says nothing of it (plain `distinct()`).
 *
 * @example
 * ```ts
 * deduplicate(df.plan);                       // distinct()
 * deduplicate(df.plan, ["email"], false);     // dropDuplicates(["email"])
 * ```
 */
export function deduplicate(input: Relation, subset?: readonly string[], withinWatermark?: boolean): Relation {
  const watermark = withinWatermark === undefined ? {} : { withinWatermark };
  return relation({
    $case: "deduplicate",
    deduplicate:
      subset === undefined
        ? { input, columnNames: [], allColumnsAsKeys: true, ...watermark }
        : { input, columnNames: [...subset], ...watermark },
  });
}

/**
 * `input` sorted by the keys (each a sort order, or an expression sorted ascending with nulls
 * first): across all rows, or within each partition only.
 *
 * @example
 * ```ts
 * sort(df.plan, [sortOrder(attribute("salary"), false, false)], true);
 * ```
 */
export function sort(input: Relation, keys: readonly Expression[], isGlobal: boolean): Relation {
  return relation({ $case: "sort", sort: { input, order: keys.map(sortOrderNode), isGlobal } });
}

/** How a join matches: its type, and either the names of columns on both sides or a condition. */
export interface JoinSpec {
  readonly joinType: JoinType;
  readonly usingColumns: readonly string[];
  readonly condition?: Expression;
}

/**
 * `left` joined with `right`.
 *
 * @example
 * ```ts
 * join(emp.plan, dept.plan, { joinType: JoinType.JOIN_TYPE_LEFT_OUTER, usingColumns: ["dept_id"] });
 * ```
 */
export function join(left: Relation, right: Relation, spec: JoinSpec): Relation {
  const { joinType, usingColumns, condition } = spec;
  return relation({
    $case: "join",
    join: { left, right, joinType, usingColumns: [...usingColumns], ...(condition ? { joinCondition: condition } : {}) },
  });
}

/**
 * A lateral join: `right` may refer to `left`'s columns as outer references.
 *
 * @example
 * ```ts
 * lateralJoin(df.plan, exploded.plan, JoinType.JOIN_TYPE_INNER);
 * ```
 */
export function lateralJoin(left: Relation, right: Relation, joinType: JoinType, condition?: Expression): Relation {
  return relation({ $case: "lateralJoin", lateralJoin: { left, right, joinType, ...(condition ? { joinCondition: condition } : {}) } });
}

/**
 * The columns of `left` and `right` side by side, row by row.
 *
 * @example
 * ```ts
 * zip(a.plan, b.plan);
 * ```
 */
export function zip(left: Relation, right: Relation): Relation {
  return relation({ $case: "zip", zip: { left, right } });
}

/** What `nearestByJoin` ranks by and keeps. */
export interface NearestSpec {
  readonly rankingExpression: Expression;
  readonly numResults: number;
  readonly joinType: "inner" | "leftouter";
  readonly mode: "exact" | "approx";
  readonly direction: "distance" | "similarity";
}

/**
 * For each row of `left`, the `numResults` rows of `right` that rank best.
 *
 * @example
 * ```ts
 * nearestByJoin(a.plan, b.plan, { rankingExpression: dist, numResults: 3, joinType: "inner", mode: "exact", direction: "distance" });
 * ```
 */
export function nearestByJoin(left: Relation, right: Relation, spec: NearestSpec): Relation {
  const { rankingExpression, numResults, joinType, mode, direction } = spec;
  return relation({ $case: "nearestByJoin", nearestByJoin: { left, right, rankingExpression, numResults, joinType, mode, direction } });
}

/** How a set operation matches columns: by position, or by name (a missing column null when allowed). */
export interface SetOperationColumns {
  readonly byName: boolean;
  readonly allowMissingColumns: boolean;
}

/**
 * A union, intersection or difference of two relations; `isAll` keeps duplicates.
 *
 * @example
 * ```ts
 * setOperation(a.plan, b.plan, SetOpType.SET_OP_TYPE_UNION, true); // UNION ALL
 * ```
 */
export function setOperation(
  left: Relation,
  right: Relation,
  setOpType: SetOpType,
  isAll: boolean,
  columns: SetOperationColumns = { byName: false, allowMissingColumns: false },
): Relation {
  return relation({ $case: "setOp", setOp: { leftInput: left, rightInput: right, setOpType, isAll, ...columns } });
}

/** Which rows a sample keeps: a `[lowerBound, upperBound)` slice of a seeded random draw per row. */
export interface SampleSpec {
  readonly lowerBound: number;
  readonly upperBound: number;
  readonly withReplacement: boolean;
  readonly seed: bigint | undefined;
  /** Sorts the input first, so that the slices of one seed (`randomSplit`) never overlap. */
  readonly deterministicOrder: boolean;
}

/**
 * A random sample of `input`.
 *
 * @example
 * ```ts
 * sample(df.plan, { lowerBound: 0, upperBound: 0.1, withReplacement: false, seed: 42n, deterministicOrder: false });
 * ```
 */
export function sample(input: Relation, spec: SampleSpec): Relation {
  const { lowerBound, upperBound, withReplacement, seed, deterministicOrder } = spec;
  return relation({ $case: "sample", sample: { input, lowerBound, upperBound, withReplacement, seed, deterministicOrder } });
}

/**
 * `input` in `numPartitions` partitions: round robin with a shuffle, or merged without one.
 *
 * @example
 * ```ts
 * repartition(df.plan, 8, true);  // repartition(8)
 * repartition(df.plan, 1, false); // coalesce(1)
 * ```
 */
export function repartition(input: Relation, numPartitions: number, shuffle: boolean): Relation {
  return relation({ $case: "repartition", repartition: { input, numPartitions, shuffle } });
}

/**
 * `input` partitioned by expressions: hashed by their values, or by ranges of their order when they
 * are sort orders.
 *
 * @example
 * ```ts
 * repartitionByExpression(df.plan, [attribute("dept")], 8);
 * ```
 */
export function repartitionByExpression(
  input: Relation,
  partitionExprs: readonly Expression[],
  numPartitions: number | undefined,
): Relation {
  return relation({
    $case: "repartitionByExpression",
    repartitionByExpression: { input, partitionExprs: [...partitionExprs], numPartitions },
  });
}

/**
 * `input` with a hint for the optimizer (`"broadcast"`, `"rebalance"`, ...) and its parameters.
 *
 * @example
 * ```ts
 * hint(small.plan, "broadcast", []);
 * ```
 */
export function hint(input: Relation, name: string, parameters: readonly Expression[]): Relation {
  return relation({ $case: "hint", hint: { input, name, parameters: [...parameters] } });
}

/**
 * `input` under an alias, for qualified column names.
 *
 * @example
 * ```ts
 * subqueryAlias(df.plan, "e");
 * ```
 */
export function subqueryAlias(input: Relation, alias: string): Relation {
  return relation({ $case: "subqueryAlias", subqueryAlias: { input, alias, qualifier: [] } });
}

/**
 * `input`'s value columns turned into rows (every column but the ids when `values` is undefined).
 *
 * @example
 * ```ts
 * unpivot(df.plan, [attribute("id")], [attribute("q1"), attribute("q2")], "quarter", "sales");
 * ```
 */
export function unpivot(
  input: Relation,
  ids: readonly Expression[],
  values: readonly Expression[] | undefined,
  variableColumnName: string,
  valueColumnName: string,
): Relation {
  return relation({
    $case: "unpivot",
    unpivot: {
      input,
      ids: [...ids],
      ...(values === undefined ? {} : { values: { values: [...values] } }),
      variableColumnName,
      valueColumnName,
    },
  });
}

/**
 * `input` transposed: the values of the index column (the first column without one) become columns.
 *
 * @example
 * ```ts
 * transpose(df.plan, [attribute("key")]);
 * ```
 */
export function transpose(input: Relation, indexColumns: readonly Expression[]): Relation {
  return relation({ $case: "transpose", transpose: { input, indexColumns: [...indexColumns] } });
}

/**
 * A streaming `input` with a watermark on its event time column.
 *
 * @example
 * ```ts
 * withWatermark(events.plan, "ts", "10 minutes");
 * ```
 */
export function withWatermark(input: Relation, eventTime: string, delayThreshold: string): Relation {
  return relation({ $case: "withWatermark", withWatermark: { input, eventTime, delayThreshold } });
}

/**
 * `input` with named metrics computed as it runs (`observe`).
 *
 * @example
 * ```ts
 * collectMetrics(df.plan, "stats", [aliasExpression(call("count", [literalExpression(1)]), ["rows"])]);
 * ```
 */
export function collectMetrics(input: Relation, name: string, metrics: readonly Expression[]): Relation {
  return relation({ $case: "collectMetrics", collectMetrics: { input, name, metrics: [...metrics] } });
}

/**
 * `input`'s columns renamed by position.
 *
 * @example
 * ```ts
 * toDf(df.plan, ["a", "b"]);
 * ```
 */
export function toDf(input: Relation, columnNames: readonly string[]): Relation {
  return relation({ $case: "toDf", toDf: { input, columnNames: [...columnNames] } });
}

/**
 * `input` in the given schema (columns matched by name, cast where safe).
 *
 * @example
 * ```ts
 * toSchema(df.plan, new StructType([new StructField("id", new LongType())]));
 * ```
 */
export function toSchema(input: Relation, schema: StructType): Relation {
  return relation({ $case: "toSchema", toSchema: { input, schema: dataTypeToProto(schema) } });
}

/**
 * A pivot of an aggregate: the values of `col` become columns (all its values, found by the
 * server, when `values` is empty).
 *
 * @example
 * ```ts
 * aggregatePivot(attribute("quarter"), ["Q1", "Q2"]);
 * ```
 */
export function aggregatePivot(col: Expression, values: readonly LiteralValue[]): Aggregate_Pivot {
  return { col, values: values.map((v) => literalOf(v)) };
}

/** The groups of an aggregate and what is computed for each. */
export interface AggregateSpec {
  readonly groupType: GroupType;
  readonly groupingExpressions: readonly Expression[];
  readonly aggregateExpressions: readonly Expression[];
  readonly pivot?: Aggregate_Pivot;
  /** For grouping sets: each set's expressions. */
  readonly groupingSets?: readonly (readonly Expression[])[];
}

/**
 * The aggregates of `input`'s rows in groups.
 *
 * @example
 * ```ts
 * aggregate(df.plan, { groupType: GroupType.GROUP_TYPE_GROUPBY, groupingExpressions: [attribute("dept")], aggregateExpressions: [call("sum", [attribute("x")])] });
 * ```
 */
export function aggregate(input: Relation, spec: AggregateSpec): Relation {
  const { groupType, groupingExpressions, aggregateExpressions, pivot, groupingSets = [] } = spec;
  return relation({
    $case: "aggregate",
    aggregate: {
      input,
      groupType,
      groupingExpressions: [...groupingExpressions],
      aggregateExpressions: [...aggregateExpressions],
      ...(pivot ? { pivot } : {}),
      groupingSets: groupingSets.map((set) => ({ groupingSet: [...set] })),
    },
  });
}

/**
 * The text of Spark's `show()` for `input`: one row, one string column.
 *
 * @example
 * ```ts
 * showString(df.plan, 20, 20, false);
 * ```
 */
export function showString(input: Relation, numRows: number, truncate: number, vertical: boolean): Relation {
  return relation({ $case: "showString", showString: { input, numRows, truncate, vertical } });
}
