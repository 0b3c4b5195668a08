import type { Table } from "apache-arrow";
import { AnalyzePlanRequest_Explain_ExplainMode as ExplainMode, type Plan } from "../gen/spark/connect/base";
import { Aggregate_GroupType, Join_JoinType as JoinTypeProto, SetOperation_SetOpType as SetOpType } from "../gen/spark/connect/relations";
import type { Expression } from "../gen/spark/connect/expressions";
import type { Relation } from "../gen/spark/connect/relations";
import { SparkConnectError } from "../connect/errors";
import { decodeChunks, Row, rowsFromBatches, tableToRows } from "../arrow";
import { arrowChunks, commandResult, executeCommand, executeToTable } from "./execution";
import * as relations from "./plan/relations";
import { cachedRemoteRelation } from "./plan/sources";
import { describe as describeNode, summary as summaryNode } from "./plan/statNodes";
import { checkpoint, createDataFrameView, rootPlan } from "./plan/commands";
import { attribute, call, columnsMatching, directShufflePartitionId, metadataAttribute, sqlExpression } from "./plan/expression";
import { aliasExpression, sortOrder } from "./plan/columnNodes";
import { literalExpression } from "./plan/literal";
import { col, Column, columnExpression, toExpression, type ColumnOrName, type LiteralValue } from "./column";
import { StorageLevel } from "./storageLevel";
import { ExecutionInfo } from "./executionInfo";
import { MergeIntoWriter } from "./io/mergeIntoWriter";
import { DataFrameWriter, DataFrameWriterV2 } from "./io/writer";
import { DataStreamWriter } from "./streaming/writer";
import { GroupedData, type AggregateFunctionName } from "./grouping";
import { DataFrameNaFunctions, type DropHow, type DropOptions, type NaValue } from "./na";
import { DataFrameStatFunctions } from "./stat";
import { checkedCount, checkedNumber, checkedPositiveCount, seedOf } from "./validation";
import { DataFramePlot } from "./plot/dataFramePlot";
import { dataFrameBundle } from "./display/dataFrameBundle";
import type { TableMimeBundle } from "../render";
import type { SparkSession } from "./session";
import { dtypes, structTypeFromProto, type FieldMetadata, type StructType } from "./types";

/** How `explain` shows a plan; `true` is "extended", `false` "simple", as in PySpark. */
export type ExplainModeName = "simple" | "extended" | "codegen" | "cost" | "formatted";

const EXPLAIN_MODES: Readonly<Record<ExplainModeName, ExplainMode>> = {
  simple: ExplainMode.EXPLAIN_MODE_SIMPLE,
  extended: ExplainMode.EXPLAIN_MODE_EXTENDED,
  codegen: ExplainMode.EXPLAIN_MODE_CODEGEN,
  cost: ExplainMode.EXPLAIN_MODE_COST,
  formatted: ExplainMode.EXPLAIN_MODE_FORMATTED,
};

/**
 * A distributed collection of rows, as a logical plan that runs on the Spark Connect server.
 * Transformations are synchronous and return new DataFrames (the plan is an immutable value);
 * actions are async and run the plan.
 *
 * @example
 * ```ts
 * const df = spark.range(10).limit(3);
 * await df.count();   // 3
 * await df.collect(); // [{ id: 0n }, { id: 1n }, { id: 2n }]
 * ```
 */
export class DataFrame {
  #schema: Promise<StructType> | undefined;
  #executionInfo: ExecutionInfo | undefined;

  /** @internal DataFrames come from a session or from another DataFrame. */
  constructor(
    /** The session this DataFrame runs in. */
    readonly sparkSession: SparkSession,
    /** @internal The logical plan (frozen). */
    readonly plan: Relation,
  ) {}

  /** A DataFrame of the same session on another plan. */
  private derive(plan: Relation): DataFrame {
    return new DataFrame(this.sparkSession, plan);
  }

  private get root(): Plan {
    return rootPlan(this.plan);
  }

  private get client() {
    return this.sparkSession.client;
  }

  // ---- transformations ----

  /**
   * This DataFrame's column of that name (PySpark's `df["x"]`): bound to this DataFrame by its plan
   * id, so it stays unambiguous in a join of the DataFrame with itself.
   */
  col(name: string): Column {
    return new Column(attribute(name, this.plan.common?.planId));
  }

  /** The given columns (Columns, names, or `"*"`). */
  select(...cols: ColumnOrName[]): DataFrame {
    return this.derive(relations.project(this.plan, cols.map(columnExpression)));
  }

  /** The rows for which `condition` (a boolean Column or a SQL expression) is true. */
  filter(condition: Column | string): DataFrame {
    const expr = typeof condition === "string" ? sqlExpression(condition) : condition.expr;
    return this.derive(relations.filter(this.plan, expr));
  }

  /** Alias of {@link DataFrame.filter}. */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** Adds a column, or replaces the one of that name. */
  withColumn(name: string, column: Column): DataFrame {
    return this.derive(relations.withColumns(this.plan, [{ name, expr: column.expr }]));
  }

  /** The first `n` rows. */
  limit(n: number): DataFrame {
    return this.derive(relations.limit(this.plan, checkedCount(n, "limit")));
  }

  /** Columns from SQL expressions, parsed by the server (`"id * 2 AS twice"`). */
  selectExpr(...exprs: string[]): DataFrame {
    return this.derive(relations.project(this.plan, exprs.map(sqlExpression)));
  }

  /** Adds or replaces several columns at once, in the record's order. */
  withColumns(columns: Readonly<Record<string, Column>>): DataFrame {
    return this.derive(
      relations.withColumns(
        this.plan,
        Object.entries(columns).map(([name, column]) => ({ name, expr: checkedColumn(column).expr })),
      ),
    );
  }

  /** Renames a column; a no-op when there is no column of that name, as in PySpark. */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [existing]: newName });
  }

  /** Renames several columns: `{ old: "new" }`. */
  withColumnsRenamed(renames: Readonly<Record<string, string>>): DataFrame {
    return this.derive(relations.withColumnsRenamed(this.plan, renames));
  }

  /** The same column with new field metadata (a JSON object), as `df.schema` shows it. */
  withMetadata(columnName: string, metadata: FieldMetadata): DataFrame {
    return this.derive(relations.withColumns(this.plan, [{ name: columnName, expr: attribute(columnName), metadata }]));
  }

  /** Without the given columns (names that do not exist are ignored, as in PySpark). */
  drop(...cols: ColumnOrName[]): DataFrame {
    return this.derive(
      relations.drop(
        this.plan,
        cols.filter((c): c is Column => typeof c !== "string").map((c) => checkedColumn(c).expr),
        cols.filter((c): c is string => typeof c === "string"),
      ),
    );
  }

  /** The distinct rows. */
  distinct(): DataFrame {
    return this.derive(relations.deduplicate(this.plan));
  }

  /** Without duplicate rows, or without rows that repeat the values of `subset`'s columns (the first one kept is arbitrary). */
  dropDuplicates(subset?: readonly string[]): DataFrame {
    return this.deduplicate(subset, false);
  }

  /** Alias of {@link DataFrame.dropDuplicates}. */
  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }

  /** On a stream: drops duplicates that arrive within the watermark's delay (see {@link DataFrame.withWatermark}). */
  dropDuplicatesWithinWatermark(subset?: readonly string[]): DataFrame {
    return this.deduplicate(subset, true);
  }

  private deduplicate(subset: readonly string[] | undefined, withinWatermark: boolean): DataFrame {
    return this.derive(relations.deduplicate(this.plan, subset, withinWatermark));
  }

  /**
   * Sorted by the given columns: names or Columns, ascending unless a Column says otherwise
   * (`col("x").desc()`, `F.asc_nulls_last("x")`). A last `{ ascending }` argument sets the
   * direction of all columns (`false`) or of each (`[true, false]`), as PySpark's keyword does.
   *
   * @example
   * ```ts
   * df.orderBy(col("dept"), col("salary").desc());
   * df.orderBy("dept", "salary", { ascending: [true, false] });
   * ```
   */
  orderBy(...cols: SortArguments): DataFrame {
    return this.derive(relations.sort(this.plan, sortOrders(cols), true));
  }

  /** Alias of {@link DataFrame.orderBy}. */
  sort(...cols: SortArguments): DataFrame {
    return this.orderBy(...cols);
  }

  /** Sorted within each partition only (no shuffle); see {@link DataFrame.orderBy} for the arguments. */
  sortWithinPartitions(...cols: SortArguments): DataFrame {
    return this.derive(relations.sort(this.plan, sortOrders(cols), false));
  }

  /** Without the first `n` rows. */
  offset(n: number): DataFrame {
    return this.derive(relations.offset(this.plan, checkedCount(n, "offset")));
  }

  /**
   * Joins with another DataFrame.
   *
   * @param on a column name or names present on both sides (the result keeps one of each), or a
   *   join condition (a boolean Column, or several that must all hold).
   * @param how `"inner"` (default), `"left"`, `"right"`, `"full"` (`"outer"`), `"semi"`, `"anti"`,
   *   `"cross"`, or PySpark's other spellings (`"left_outer"`, `"leftsemi"`, ...).
   *
   * @example
   * ```ts
   * emp.join(dept, "dept_id", "left");
   * emp.join(dept, emp.col("dept_id").equalTo(dept.col("id")));
   * ```
   */
  join(other: DataFrame, on?: string | readonly string[] | Column | readonly Column[], how: JoinType = "inner"): DataFrame {
    const joinType = JOIN_TYPES[how.toLowerCase() as JoinType];
    if (joinType === undefined) {
      throw new RangeError(`unknown join type "${how}"; expected one of ${Object.keys(JOIN_TYPES).join(", ")}`);
    }
    const list = on === undefined ? [] : Array.isArray(on) ? (on as readonly (string | Column)[]) : [on as string | Column];
    const names = list.filter((c): c is string => typeof c === "string");
    const conditions = list.filter((c): c is Column => typeof c !== "string");
    if (names.length > 0 && conditions.length > 0) throw new TypeError("join on takes column names or Columns, not both");
    const joinCondition = conditions.map((c) => checkedColumn(c)).reduce<Column | undefined>((all, c) => (all ? all.and(c) : c), undefined);
    return this.derive(
      relations.join(this.plan, other.plan, { joinType, usingColumns: names, ...(joinCondition ? { condition: joinCondition.expr } : {}) }),
    );
  }

  /** The Cartesian product with another DataFrame. */
  crossJoin(other: DataFrame): DataFrame {
    return this.derive(relations.join(this.plan, other.plan, { joinType: JoinTypeProto.JOIN_TYPE_CROSS, usingColumns: [] }));
  }

  /**
   * A lateral join: `other` may refer to this DataFrame's columns through `col("x").outer()`
   * (typically a table-valued function). `how` is `"inner"`, `"left"` or `"cross"`.
   */
  lateralJoin(other: DataFrame, on?: Column, how: "inner" | "left" | "cross" = "inner"): DataFrame {
    const joinType = {
      inner: JoinTypeProto.JOIN_TYPE_INNER,
      left: JoinTypeProto.JOIN_TYPE_LEFT_OUTER,
      cross: JoinTypeProto.JOIN_TYPE_CROSS,
    }[how];
    if (joinType === undefined) throw new RangeError(`unknown lateral join type "${how}"; expected inner, left or cross`);
    return this.derive(relations.lateralJoin(this.plan, other.plan, joinType, on ? checkedColumn(on).expr : undefined));
  }

  /**
   * The columns of both side by side, row by row: both DataFrames must have the same number of rows
   * in each partition (typically, both derive from the same DataFrame).
   */
  zip(other: DataFrame): DataFrame {
    return this.derive(relations.zip(this.plan, other.plan));
  }

  /** Adds a column of consecutive row numbers from 0, in the DataFrame's order (`"index"` by default). */
  zipWithIndex(indexColName = "index"): DataFrame {
    return this.select(col("*"), new Column(aliasExpression(call("distributed_sequence_id", []), [indexColName])));
  }

  /**
   * For each row, the `numResults` rows of `other` that rank best by `rankingExpression` (a distance
   * or a similarity between the two sides' columns).
   *
   * @param mode `"exact"` or `"approx"` (an index may serve it).
   * @param direction `"distance"` (smallest first) or `"similarity"` (largest first).
   * @param joinType `"inner"` or `"leftouter"` (rows without a match kept).
   */
  nearestByJoin(
    other: DataFrame,
    rankingExpression: Column,
    numResults: number,
    mode: "exact" | "approx",
    direction: "distance" | "similarity",
    joinType: "inner" | "leftouter" = "inner",
  ): DataFrame {
    checkedPositiveCount(numResults, "numResults");
    return this.derive(
      relations.nearestByJoin(this.plan, other.plan, {
        rankingExpression: checkedColumn(rankingExpression).expr,
        numResults,
        joinType,
        mode,
        direction,
      }),
    );
  }

  /** The rows of both, duplicates kept, matched by position (SQL's UNION ALL). */
  union(other: DataFrame): DataFrame {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_UNION, true);
  }

  /** Alias of {@link DataFrame.union}. */
  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }

  /**
   * The rows of both, duplicates kept, matched by column name. With `allowMissingColumns`, a column
   * missing on one side is null there.
   */
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_UNION, true, { byName: true, allowMissingColumns });
  }

  /** The distinct rows in both. */
  intersect(other: DataFrame): DataFrame {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_INTERSECT, false);
  }

  /** The rows in both, as many times as they are in both. */
  intersectAll(other: DataFrame): DataFrame {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_INTERSECT, true);
  }

  /** The distinct rows not in `other` (SQL's EXCEPT DISTINCT). */
  subtract(other: DataFrame): DataFrame {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_EXCEPT, false);
  }

  /** The rows not in `other`, duplicates counted (SQL's EXCEPT ALL). */
  exceptAll(other: DataFrame): DataFrame {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_EXCEPT, true);
  }

  private setOperation(other: DataFrame, setOpType: SetOpType, isAll: boolean, byName?: relations.SetOperationColumns): DataFrame {
    return this.derive(relations.setOperation(this.plan, other.plan, setOpType, isAll, byName));
  }

  /**
   * A random sample with about `fraction` of the rows (each row is kept with that probability; with
   * replacement, the expected number of times it is picked). Same seed, same sample.
   *
   * @example
   * ```ts
   * df.sample(0.1);  df.sample(0.1, 42);  df.sample(true, 2.0, 42);
   * ```
   */
  sample(fraction: number, seed?: number | bigint): DataFrame;
  sample(withReplacement: boolean, fraction: number, seed?: number | bigint): DataFrame;
  sample(first: boolean | number, second?: number | bigint, third?: number | bigint): DataFrame {
    const withReplacement = typeof first === "boolean" ? first : false;
    const fraction = typeof first === "boolean" ? Number(second) : first;
    const seed = typeof first === "boolean" ? third : second;
    checkedNumber(fraction, "fraction", { min: 0 });
    if (!withReplacement && fraction > 1) throw new RangeError(`fraction must be at most 1 without replacement, got ${fraction}`);
    return this.derive(
      relations.sample(this.plan, { lowerBound: 0, upperBound: fraction, withReplacement, seed: seedOf(seed), deterministicOrder: false }),
    );
  }

  /**
   * Splits the rows at random into DataFrames whose sizes follow `weights` (normalized), which
   * together hold every row once. Same seed, same split.
   *
   * @example
   * ```ts
   * const [train, test] = df.randomSplit([0.8, 0.2], 7);
   * ```
   */
  randomSplit(weights: readonly number[], seed?: number | bigint): DataFrame[] {
    if (weights.length === 0) throw new RangeError("randomSplit needs at least one weight");
    weights.forEach((weight, i) => checkedNumber(weight, `weights[${i}]`, { min: 0 }));
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) throw new RangeError("the weights must not all be 0");
    const fixedSeed = seedOf(seed);
    // One sorted, seeded pass over the input, cut into [lower, upper) ranges: each row lands in one.
    let lower = 0;
    return weights.map((weight, i) => {
      const upper = i === weights.length - 1 ? 1 : lower + weight / total;
      const part = this.derive(
        relations.sample(this.plan, {
          lowerBound: lower,
          upperBound: upper,
          withReplacement: false,
          seed: fixedSeed,
          deterministicOrder: true,
        }),
      );
      lower = upper;
      return part;
    });
  }

  /**
   * Redistributes the rows: into `numPartitions` partitions (round robin), and/or hashed by the
   * given columns.
   *
   * @example
   * ```ts
   * df.repartition(8);  df.repartition(8, "dept");  df.repartition("dept");
   * ```
   */
  repartition(numPartitions: number, ...cols: ColumnOrName[]): DataFrame;
  repartition(...cols: ColumnOrName[]): DataFrame;
  repartition(...args: (number | ColumnOrName)[]): DataFrame {
    const [numPartitions, cols] = partitionArguments(args);
    if (cols.length === 0) {
      if (numPartitions === undefined) throw new TypeError("repartition needs a number of partitions or columns");
      return this.derive(relations.repartition(this.plan, numPartitions, true));
    }
    return this.derive(relations.repartitionByExpression(this.plan, cols.map(columnExpression), numPartitions));
  }

  /** Redistributes the rows into ranges of the given columns' sort order (ascending unless a Column says otherwise). */
  repartitionByRange(numPartitions: number, ...cols: ColumnOrName[]): DataFrame;
  repartitionByRange(...cols: ColumnOrName[]): DataFrame;
  repartitionByRange(...args: (number | ColumnOrName)[]): DataFrame {
    const [numPartitions, cols] = partitionArguments(args);
    if (cols.length === 0) throw new TypeError("repartitionByRange needs at least one column");
    return this.derive(relations.repartitionByExpression(this.plan, sortOrders(cols), numPartitions));
  }

  /** Redistributes the rows into `numPartitions` partitions, each row into the partition whose number `partitionIdCol` gives. */
  repartitionById(numPartitions: number, partitionIdCol: ColumnOrName): DataFrame {
    checkedPositiveCount(numPartitions, "numPartitions");
    return this.derive(
      relations.repartitionByExpression(this.plan, [directShufflePartitionId(columnExpression(partitionIdCol))], numPartitions),
    );
  }

  /** Fewer partitions, without a shuffle (merging existing ones). */
  coalesce(numPartitions: number): DataFrame {
    checkedPositiveCount(numPartitions, "numPartitions");
    return this.derive(relations.repartition(this.plan, numPartitions, false));
  }

  /**
   * A hint for the optimizer (`"broadcast"`, `"merge"`, `"shuffle_hash"`, `"rebalance"`,
   * `"coalesce"`, ...), with its parameters (values, Columns, or arrays of names). A list given
   * as the only parameter is its items, as in PySpark: `hint("rebalance", ["a", "b"])` is
   * `hint("rebalance", "a", "b")`, which the server reads as two columns.
   *
   * @example
   * ```ts
   * big.join(small.hint("broadcast"), "id");
   * events.hint("rebalance", ["day", "region"]);
   * ```
   */
  hint(name: string, ...parameters: (LiteralValue | Column)[]): DataFrame {
    const [only] = parameters;
    const spread = parameters.length === 1 && Array.isArray(only) ? (only as LiteralValue[]) : parameters;
    return this.derive(relations.hint(this.plan, name, spread.map(toExpression)));
  }

  /** This DataFrame under an alias, for qualified column names (`col("e.name")`) and self-joins. */
  alias(alias: string): DataFrame {
    return this.derive(relations.subqueryAlias(this.plan, alias));
  }

  /** The columns whose names match a regular expression given in backquotes (`` "`(id|name)`" ``). */
  colRegex(colName: string): Column {
    return new Column(columnsMatching(colName, this.plan.common?.planId));
  }

  /** A metadata column of the source (`"_metadata"` of a file source, for example), bound to this DataFrame. */
  metadataColumn(colName: string): Column {
    return new Column(metadataAttribute(colName, this.plan.common?.planId));
  }

  /**
   * Turns columns into rows (the reverse of a pivot): one row per id and value column, with the
   * value column's name in `variableColumnName` and its value in `valueColumnName`. Without
   * `values`, every column that is not an id is unpivoted.
   *
   * @example
   * ```ts
   * df.unpivot(["id"], ["q1", "q2"], "quarter", "sales");
   * ```
   */
  unpivot(
    ids: ColumnOrName | readonly ColumnOrName[],
    values: ColumnOrName | readonly ColumnOrName[] | null | undefined,
    variableColumnName: string,
    valueColumnName: string,
  ): DataFrame {
    const list = (cols: ColumnOrName | readonly ColumnOrName[]) =>
      Array.isArray(cols) ? (cols as readonly ColumnOrName[]) : [cols as ColumnOrName];
    return this.derive(
      relations.unpivot(
        this.plan,
        list(ids).map(columnExpression),
        values == null ? undefined : list(values).map(columnExpression),
        variableColumnName,
        valueColumnName,
      ),
    );
  }

  /** Alias of {@link DataFrame.unpivot}. */
  melt(
    ids: ColumnOrName | readonly ColumnOrName[],
    values: ColumnOrName | readonly ColumnOrName[] | null | undefined,
    variableColumnName: string,
    valueColumnName: string,
  ): DataFrame {
    return this.unpivot(ids, values, variableColumnName, valueColumnName);
  }

  /**
   * Rows become columns: the values of `indexColumn` (the first column by default) become the
   * column names, and every other column becomes a row.
   */
  transpose(indexColumn?: ColumnOrName): DataFrame {
    return this.derive(relations.transpose(this.plan, indexColumn === undefined ? [] : [columnExpression(indexColumn)]));
  }

  /**
   * `f(this, ...args)`: chains a function of a DataFrame like a method.
   *
   * @example
   * ```ts
   * const withTax = (df: DataFrame, rate: number) => df.withColumn("tax", col("amount").multiply(rate));
   * df.transform(withTax, 0.2).show();
   * ```
   */
  transform<A extends unknown[]>(f: (df: DataFrame, ...args: A) => DataFrame, ...args: A): DataFrame {
    const result = f(this, ...args);
    if (!(result instanceof DataFrame)) throw new TypeError("the function given to transform must return a DataFrame");
    return result;
  }

  /**
   * On a stream: how late data may arrive, by the event time column (`"10 minutes"`); state older
   * than the watermark is dropped.
   */
  withWatermark(eventTime: string, delayThreshold: string): DataFrame {
    return this.derive(relations.withWatermark(this.plan, eventTime, delayThreshold));
  }

  /**
   * Named metrics computed as the query runs (`F.count(lit(1)).alias("rows")`, ...); Spark reports
   * them to the session's query listeners under `name`.
   */
  observe(name: string, ...exprs: Column[]): DataFrame {
    if (exprs.length === 0) throw new TypeError("observe needs at least one metric expression");
    return this.derive(
      relations.collectMetrics(
        this.plan,
        name,
        exprs.map((e) => checkedColumn(e).expr),
      ),
    );
  }

  /** The same rows with the given column names, by position. */
  toDF(...names: string[]): DataFrame {
    return this.derive(relations.toDf(this.plan, names));
  }

  /**
   * The rows in the given schema: columns matched by name, reordered, cast where Spark can do it
   * safely, and a missing nullable column filled with nulls.
   */
  to(schema: StructType): DataFrame {
    return this.derive(relations.toSchema(this.plan, schema));
  }

  /** Each row as a JSON object string, in one column `value`. */
  toJSON(): DataFrame {
    return this.select(new Column(aliasExpression(call("to_json", [call("struct", [col("*").expr])]), ["value"])));
  }

  /**
   * A MERGE INTO `table` of this DataFrame's rows, matched by `condition`; add its actions, then
   * call `merge()`. See {@link MergeIntoWriter}.
   */
  mergeInto(table: string, condition: Column): MergeIntoWriter {
    return new MergeIntoWriter(this, table, checkedColumn(condition));
  }

  // ---- views, cache and checkpoints ----

  /** Registers this DataFrame as a temporary view of the session; fails if the name is taken. */
  async createTempView(name: string): Promise<void> {
    await this.createView(name, false, false);
  }

  /** Registers this DataFrame as a temporary view of the session, replacing one of that name. */
  async createOrReplaceTempView(name: string): Promise<void> {
    await this.createView(name, false, true);
  }

  /** Registers this DataFrame as a global temporary view (`global_temp.<name>`); fails if the name is taken. */
  async createGlobalTempView(name: string): Promise<void> {
    await this.createView(name, true, false);
  }

  /** Registers this DataFrame as a global temporary view (`global_temp.<name>`), replacing one of that name. */
  async createOrReplaceGlobalTempView(name: string): Promise<void> {
    await this.createView(name, true, true);
  }

  /** @deprecated PySpark's old name of {@link DataFrame.createOrReplaceTempView}. */
  async registerTempTable(name: string): Promise<void> {
    await this.createOrReplaceTempView(name);
  }

  private async createView(name: string, isGlobal: boolean, replace: boolean): Promise<void> {
    await executeCommand(this.client, createDataFrameView(this.plan, name, isGlobal, replace));
  }

  /** Keeps the rows in the cluster's memory (and disk) once computed: {@link DataFrame.persist} at Spark's default level. */
  async cache(): Promise<DataFrame> {
    return this.persist();
  }

  /** Keeps the rows at a storage level once computed (default: memory and disk, deserialized). */
  async persist(storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_DESER): Promise<DataFrame> {
    await this.client.analyze({ $case: "persist", persist: { relation: this.plan, storageLevel: storageLevel.toProto() } });
    return this;
  }

  /** Drops the cached rows; with `blocking`, waits until they are gone. */
  async unpersist(blocking = false): Promise<DataFrame> {
    await this.client.analyze({ $case: "unpersist", unpersist: { relation: this.plan, blocking } });
    return this;
  }

  /** How this DataFrame is cached (`StorageLevel.NONE` when it is not). */
  get storageLevel(): Promise<StorageLevel> {
    return this.client.analyze({ $case: "getStorageLevel", getStorageLevel: { relation: this.plan } }).then((response) => {
      const level = response.result?.$case === "getStorageLevel" ? response.result.getStorageLevel.storageLevel : undefined;
      return level ? StorageLevel.fromProto(level) : StorageLevel.NONE;
    });
  }

  /** Whether this DataFrame is cached at some storage level (PySpark's `is_cached`). */
  get is_cached(): Promise<boolean> {
    return this.storageLevel.then((level) => !level.equals(StorageLevel.NONE));
  }

  /**
   * A DataFrame on the rows saved to the checkpoint directory (`spark.checkpoint.dir`), which cuts
   * the plan's lineage. Eager by default: computed now.
   */
  async checkpoint(eager = true): Promise<DataFrame> {
    return this.checkpointed(false, eager);
  }

  /** Like {@link DataFrame.checkpoint}, but kept in the executors' storage: faster, and lost with them. */
  async localCheckpoint(eager = true, storageLevel?: StorageLevel): Promise<DataFrame> {
    return this.checkpointed(true, eager, storageLevel);
  }

  private async checkpointed(local: boolean, eager: boolean, storageLevel?: StorageLevel): Promise<DataFrame> {
    const summary = await executeCommand(this.client, checkpoint(this.plan, local, eager, storageLevel?.toProto()));
    const cached = commandResult(summary, "checkpointCommandResult")?.checkpointCommandResult.relation;
    if (!cached) throw new SparkConnectError("The server checkpointed the DataFrame but sent no relation for it.");
    return new DataFrame(this.sparkSession, cachedRemoteRelation(cached));
  }

  // ---- what the server knows of the plan ----

  /** The files this DataFrame reads, as far as Spark can tell (best effort). */
  async inputFiles(): Promise<string[]> {
    const response = await this.client.analyze({ $case: "inputFiles", inputFiles: { plan: this.root } });
    return response.result?.$case === "inputFiles" ? [...response.result.inputFiles.files] : [];
  }

  /** Whether `collect` and `take` can run locally on the driver, without executors. */
  async isLocal(): Promise<boolean> {
    const response = await this.client.analyze({ $case: "isLocal", isLocal: { plan: this.root } });
    return response.result?.$case === "isLocal" && response.result.isLocal.isLocal;
  }

  /** Whether both DataFrames compute the same rows by the same logical plan (after Spark's canonicalization). */
  async sameSemantics(other: DataFrame): Promise<boolean> {
    const response = await this.client.analyze({ $case: "sameSemantics", sameSemantics: { targetPlan: this.root, otherPlan: other.root } });
    return response.result?.$case === "sameSemantics" && response.result.sameSemantics.result;
  }

  /** A hash of the canonicalized logical plan: equal for DataFrames with the same semantics. */
  async semanticHash(): Promise<number> {
    const response = await this.client.analyze({ $case: "semanticHash", semanticHash: { plan: this.root } });
    return response.result?.$case === "semanticHash" ? response.result.semanticHash.result : 0;
  }

  /**
   * Charts of this DataFrame, computed by Spark (PySpark's `df.plot`).
   *
   * @example
   * ```ts
   * df.plot.bar({ x: "region", y: "amount", agg: "sum" });
   * ```
   */
  get plot(): DataFramePlot {
    return new DataFramePlot(this);
  }

  // ---- grouping, na, stat ----

  /**
   * Groups the rows by the given columns, for aggregates (see {@link GroupedData}).
   *
   * @example
   * ```ts
   * df.groupBy("dept").agg(F.avg("salary").alias("avg_salary"), F.count(lit(1)).alias("people"));
   * ```
   */
  groupBy(...cols: (ColumnOrName | readonly ColumnOrName[])[]): GroupedData {
    return new GroupedData(this, "groupBy", groupingColumns(cols));
  }

  /** Alias of {@link DataFrame.groupBy}. */
  groupby(...cols: (ColumnOrName | readonly ColumnOrName[])[]): GroupedData {
    return this.groupBy(...cols);
  }

  /** Groups by the columns and by each of their prefixes, down to the grand total (the null rows are the subtotals). */
  rollup(...cols: (ColumnOrName | readonly ColumnOrName[])[]): GroupedData {
    return new GroupedData(this, "rollup", groupingColumns(cols));
  }

  /** Groups by every combination of the columns, the grand total included. */
  cube(...cols: (ColumnOrName | readonly ColumnOrName[])[]): GroupedData {
    return new GroupedData(this, "cube", groupingColumns(cols));
  }

  /**
   * Groups by each of the given sets of columns (SQL's GROUPING SETS); `cols` are the grouping
   * columns the sets draw from.
   *
   * @example
   * ```ts
   * sales.groupingSets([["region", "product"], ["region"], []], "region", "product").agg(F.sum("amount"));
   * ```
   */
  groupingSets(groupingSets: readonly (readonly ColumnOrName[])[], ...cols: ColumnOrName[]): GroupedData {
    return new GroupedData(
      this,
      "groupingSets",
      cols.map(columnExpression),
      groupingSets.map((set) => set.map(columnExpression)),
    );
  }

  /** Aggregates over all rows, as one group: `df.groupBy().agg(...)`. */
  agg(...exprs: Column[]): DataFrame;
  agg(exprs: Readonly<Record<string, AggregateFunctionName>>): DataFrame;
  agg(...args: (Column | Readonly<Record<string, AggregateFunctionName>>)[]): DataFrame {
    return (this.groupBy().agg as (...a: typeof args) => DataFrame)(...args);
  }

  /** Dropping and filling nulls and NaNs (see {@link DataFrameNaFunctions}). */
  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this);
  }

  /** Statistics of columns (see {@link DataFrameStatFunctions}). */
  get stat(): DataFrameStatFunctions {
    return new DataFrameStatFunctions(this);
  }

  /** Alias of `na.drop`. */
  dropna(how?: DropHow | DropOptions, thresh?: number, subset?: string | readonly string[]): DataFrame {
    return this.na.drop(how, thresh, subset);
  }

  /** Alias of `na.fill`. */
  fillna(value: NaValue | Readonly<Record<string, NaValue>>, subset?: string | readonly string[]): DataFrame {
    return typeof value === "object" ? this.na.fill(value) : this.na.fill(value, subset);
  }

  /** Alias of `na.replace`. */
  replace(toReplace: Readonly<Record<string, NaValue | null>>, subset?: string | readonly string[]): DataFrame;
  replace(
    toReplace: NaValue | readonly NaValue[],
    value: NaValue | null | readonly (NaValue | null)[],
    subset?: string | readonly string[],
  ): DataFrame;
  replace(...args: unknown[]): DataFrame {
    return (this.na.replace as (...a: unknown[]) => DataFrame)(...args);
  }

  /** Alias of `stat.corr`. */
  corr(col1: string, col2: string, method: "pearson" = "pearson"): Promise<number> {
    return this.stat.corr(col1, col2, method);
  }

  /** Alias of `stat.cov`. */
  cov(col1: string, col2: string): Promise<number> {
    return this.stat.cov(col1, col2);
  }

  /** Alias of `stat.crosstab`. */
  crosstab(col1: string, col2: string): DataFrame {
    return this.stat.crosstab(col1, col2);
  }

  /** Alias of `stat.freqItems`. */
  freqItems(cols: readonly string[], support?: number): DataFrame {
    return this.stat.freqItems(cols, support);
  }

  /** Alias of `stat.approxQuantile`. */
  approxQuantile(col: string, probabilities: readonly number[], relativeError: number): Promise<number[]>;
  approxQuantile(cols: readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[][]>;
  approxQuantile(col: string | readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[] | number[][]> {
    return typeof col === "string"
      ? this.stat.approxQuantile(col, probabilities, relativeError)
      : this.stat.approxQuantile(col, probabilities, relativeError);
  }

  /** Alias of `stat.sampleBy`. */
  sampleBy(
    col: ColumnOrName,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<LiteralValue, number>,
    seed?: number | bigint,
  ): DataFrame {
    return this.stat.sampleBy(col, fractions, seed);
  }

  /**
   * count, mean, stddev, min and max of the given columns (all numeric and string columns when
   * none are named), as strings, as Spark's `describe` computes them.
   */
  describe(...cols: (string | readonly string[])[]): DataFrame {
    return this.derive(describeNode(this.plan, cols.flat()));
  }

  /**
   * The given statistics of every numeric and string column: `"count"`, `"mean"`, `"stddev"`,
   * `"min"`, `"max"`, percentiles such as `"25%"`, `"count_distinct"`, `"approx_count_distinct"`;
   * without any, count, mean, stddev, min, 25%, 50%, 75% and max.
   */
  summary(...statistics: string[]): DataFrame {
    return this.derive(summaryNode(this.plan, statistics));
  }

  // ---- writers ----

  /** Writes this DataFrame to files or tables (see {@link DataFrameWriter}). */
  get write(): DataFrameWriter {
    return new DataFrameWriter(this);
  }

  /** Writes this DataFrame to a catalog table through Spark's V2 API (see {@link DataFrameWriterV2}). */
  writeTo(table: string): DataFrameWriterV2 {
    return new DataFrameWriterV2(this, table);
  }

  // ---- streaming ----

  /** Starts a streaming query writing this streaming DataFrame (see {@link DataStreamWriter}). */
  get writeStream(): DataStreamWriter {
    return new DataStreamWriter(this);
  }

  /** Whether this DataFrame reads a stream (and must be written with `writeStream`). */
  get isStreaming(): Promise<boolean> {
    return this.client
      .analyze({ $case: "isStreaming", isStreaming: { plan: this.root } })
      .then((response) => response.result?.$case === "isStreaming" && response.result.isStreaming.isStreaming);
  }

  // ---- actions ----

  /**
   * Jupyter's display protocol: the first rows as a table (HTML and text). Deno's Jupyter kernel
   * and this package's kernel show a DataFrame through it.
   */
  [Symbol.for("Jupyter.display")](): Promise<TableMimeBundle> {
    return dataFrameBundle(this);
  }

  /** All rows, keyed by column name (a repeated name stays reachable by position: {@link Row}). */
  async collect(): Promise<Row[]> {
    return this.rowsOf(this);
  }

  /** The result as an Apache Arrow `Table`, exactly as the server encoded it. */
  async toArrow(): Promise<Table> {
    return this.tableOf(this);
  }

  /**
   * What the server reported about the last action run on this DataFrame (operators and their
   * metrics, observed metrics); `undefined` before the first one.
   */
  get executionInfo(): ExecutionInfo | undefined {
    return this.#executionInfo;
  }

  /** Runs `target` (this DataFrame or one derived from it for an action) and keeps its execution info here. */
  private async tableOf(target: DataFrame): Promise<Table> {
    const { table, summary } = await executeToTable(this.client, target.root);
    this.#executionInfo = ExecutionInfo.fromResponses(summary.operationId ?? "", summary.metrics ?? [], summary.observedMetrics ?? []);
    return table;
  }

  private async rowsOf(target: DataFrame): Promise<Row[]> {
    // Filled in place, one array for all batches: faster than joining an array per batch.
    return tableToRows(await this.tableOf(target));
  }

  /** The number of rows. */
  async count(): Promise<number> {
    const counted = this.derive(
      relations.aggregate(this.plan, {
        groupType: Aggregate_GroupType.GROUP_TYPE_GROUPBY,
        groupingExpressions: [],
        aggregateExpressions: [call("count", [literalExpression(1)])],
      }),
    );
    const [row] = await this.rowsOf(counted);
    return Number(row ? Row.at(row, 0) : 0);
  }

  /** The first `n` rows (PySpark's `head(n)`); see {@link DataFrame.first} for one row. */
  async head(n: number): Promise<Row[]> {
    return this.rowsOf(this.limit(n));
  }

  /** The first `n` rows. */
  async take(n: number): Promise<Row[]> {
    return this.rowsOf(this.limit(n));
  }

  /** The last `n` rows (all of them travel to the driver, so keep `n` small). */
  async tail(n: number): Promise<Row[]> {
    return this.rowsOf(this.derive(relations.tail(this.plan, checkedCount(n, "tail"))));
  }

  /** The first row, or `undefined` when there is none. */
  async first(): Promise<Row | undefined> {
    const [row] = await this.rowsOf(this.limit(1));
    return row;
  }

  /** Whether the DataFrame has no rows (computes at most one). */
  async isEmpty(): Promise<boolean> {
    return (await this.limit(1).count()) === 0;
  }

  /**
   * Prints the first `n` rows as Spark's own `showString` formats them.
   *
   * @param truncate `true` cuts strings to 20 characters, a number to that many, `false` not at all.
   * @param vertical one block per row instead of a grid.
   */
  async show(n = 20, truncate: boolean | number = true, vertical = false): Promise<void> {
    console.log(await this.showString(n, truncate, vertical));
  }

  /** The text {@link DataFrame.show} prints, without its final newline. */
  async showString(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const width = truncate === true ? 20 : truncate === false ? 0 : checkedCount(truncate, "truncate");
    const shown = this.derive(relations.showString(this.plan, checkedCount(n, "n"), width, vertical));
    const [row] = await this.rowsOf(shown);
    const text = row ? Row.at(row, 0) : undefined;
    if (typeof text !== "string") throw new SparkConnectError("The server sent no text for show().");
    return text.replace(/\n$/, "");
  }

  /** The schema (resolved by the server once, then kept: the plan cannot change). */
  get schema(): Promise<StructType> {
    this.#schema ??= this.client.analyze({ $case: "schema", schema: { plan: this.root } }).then((response) => {
      const proto = response.result?.$case === "schema" ? response.result.schema.schema : undefined;
      if (!proto) throw new SparkConnectError("The server sent no schema for the DataFrame.");
      return structTypeFromProto(proto);
    });
    // A failed analysis is not kept, so a later call asks again (the table may exist by then).
    this.#schema.catch(() => (this.#schema = undefined));
    return this.#schema;
  }

  /** The column names, in order. */
  get columns(): Promise<string[]> {
    return this.schema.then((schema) => schema.fields.map((field) => field.name));
  }

  /** `[name, type]` pairs, the type as Spark's simple string (`"int"`, `"array<string>"`). */
  get dtypes(): Promise<[string, string][]> {
    return this.schema.then(dtypes);
  }

  /** Prints the schema as a tree, as Spark prints it. */
  async printSchema(level?: number): Promise<void> {
    const response = await this.client.analyze({ $case: "treeString", treeString: { plan: this.root, level } });
    console.log(response.result?.$case === "treeString" ? response.result.treeString.treeString.replace(/\n$/, "") : "");
  }

  /** Prints the plans Spark made for this DataFrame (`true`: extended; default: the physical plan). */
  async explain(mode: boolean | ExplainModeName = false): Promise<void> {
    console.log(await this.explainString(mode));
  }

  /** The text {@link DataFrame.explain} prints. */
  async explainString(mode: boolean | ExplainModeName = false): Promise<string> {
    const name: ExplainModeName = mode === true ? "extended" : mode === false ? "simple" : mode;
    const explainMode = EXPLAIN_MODES[name];
    if (explainMode === undefined) throw new RangeError(`unknown explain mode "${String(mode)}"`);
    const response = await this.client.analyze({ $case: "explain", explain: { plan: this.root, explainMode } });
    return response.result?.$case === "explain" ? response.result.explain.explainString.replace(/\n$/, "") : "";
  }

  /**
   * The rows one at a time, as they arrive: at most one Arrow batch is decoded and held at a time,
   * whatever the size of the result. Leaving the loop early cancels the rest of the stream. An
   * iterator dropped without finishing is released on the server once it is garbage-collected,
   * and at the latest when the session stops.
   *
   * @example
   * ```ts
   * for await (const row of spark.range(1e9).toLocalIterator()) if (row.id > 5n) break;
   * ```
   */
  toLocalIterator(): AsyncGenerator<Row, void, undefined> {
    const abandon = new AbortController();
    const rows = rowsFromBatches(decodeChunks(arrowChunks(this.client, this.root, {}, { signal: abandon.signal })));
    // The controller must not reach `rows`, or the iterator could never be collected.
    abandonedIterators.register(rows, abandon);
    return rows;
  }
}

/**
 * Result streams of `toLocalIterator()` iterators that were dropped unfinished: aborting one
 * cancels its stream and releases its operation on the server, which would otherwise hold the
 * results (and the process its connection) for an iterator nobody reads.
 */
const abandonedIterators = new FinalizationRegistry<AbortController>((abandon) => abandon.abort());

/** How rows are joined: PySpark's names and spellings of the join types. */
export type JoinType =
  | "inner"
  | "cross"
  | "outer"
  | "full"
  | "fullouter"
  | "full_outer"
  | "left"
  | "leftouter"
  | "left_outer"
  | "right"
  | "rightouter"
  | "right_outer"
  | "semi"
  | "leftsemi"
  | "left_semi"
  | "anti"
  | "leftanti"
  | "left_anti";

const JOIN_TYPES: Readonly<Record<JoinType, JoinTypeProto>> = {
  inner: JoinTypeProto.JOIN_TYPE_INNER,
  cross: JoinTypeProto.JOIN_TYPE_CROSS,
  outer: JoinTypeProto.JOIN_TYPE_FULL_OUTER,
  full: JoinTypeProto.JOIN_TYPE_FULL_OUTER,
  fullouter: JoinTypeProto.JOIN_TYPE_FULL_OUTER,
  full_outer: JoinTypeProto.JOIN_TYPE_FULL_OUTER,
  left: JoinTypeProto.JOIN_TYPE_LEFT_OUTER,
  leftouter: JoinTypeProto.JOIN_TYPE_LEFT_OUTER,
  left_outer: JoinTypeProto.JOIN_TYPE_LEFT_OUTER,
  right: JoinTypeProto.JOIN_TYPE_RIGHT_OUTER,
  rightouter: JoinTypeProto.JOIN_TYPE_RIGHT_OUTER,
  right_outer: JoinTypeProto.JOIN_TYPE_RIGHT_OUTER,
  semi: JoinTypeProto.JOIN_TYPE_LEFT_SEMI,
  leftsemi: JoinTypeProto.JOIN_TYPE_LEFT_SEMI,
  left_semi: JoinTypeProto.JOIN_TYPE_LEFT_SEMI,
  anti: JoinTypeProto.JOIN_TYPE_LEFT_ANTI,
  leftanti: JoinTypeProto.JOIN_TYPE_LEFT_ANTI,
  left_anti: JoinTypeProto.JOIN_TYPE_LEFT_ANTI,
};

/** The arguments of `orderBy`: columns (or arrays of them), then optionally `{ ascending }`. */
export type SortArguments =
  | (ColumnOrName | readonly ColumnOrName[])[]
  | [...(ColumnOrName | readonly ColumnOrName[])[], { readonly ascending: boolean | readonly boolean[] }];

/** Sort keys from `orderBy`'s arguments: a Column that is a sort key stays one, anything else sorts ascending (nulls first). */
function sortOrders(args: readonly unknown[]): Expression[] {
  const last = args[args.length - 1];
  const options =
    last !== null && typeof last === "object" && !(last instanceof Column) && !Array.isArray(last)
      ? (last as { ascending: boolean | readonly boolean[] })
      : undefined;
  const cols = (options ? args.slice(0, -1) : args).flat() as ColumnOrName[];
  if (cols.length === 0) throw new TypeError("sorting needs at least one column");
  const ascending = options?.ascending;
  if (Array.isArray(ascending) && ascending.length !== cols.length) {
    throw new RangeError(`ascending has ${ascending.length} values for ${cols.length} columns`);
  }
  return cols.map((c, i) => {
    const e = columnExpression(c);
    const up = ascending === undefined ? undefined : isFlagList(ascending) ? ascending[i] : ascending;
    if (up === undefined) return e.exprType?.$case === "sortOrder" ? e : sortOrder(e, true, true);
    const child = e.exprType?.$case === "sortOrder" && e.exprType.sortOrder.child ? e.exprType.sortOrder.child : e;
    return sortOrder(child, up, up);
  });
}

// Array.isArray narrows a readonly array to any[].
function isFlagList(value: boolean | readonly boolean[]): value is readonly boolean[] {
  return Array.isArray(value);
}

/** The grouping columns of `groupBy(...)`: names, Columns, or arrays of them, as PySpark takes them. */
function groupingColumns(cols: readonly (ColumnOrName | readonly ColumnOrName[])[]): Expression[] {
  return cols.flat().map(columnExpression);
}

/** `repartition`'s arguments: an optional leading number of partitions, then columns. */
function partitionArguments(args: readonly (number | ColumnOrName)[]): [number | undefined, ColumnOrName[]] {
  const [first, ...rest] = args;
  if (typeof first === "number") {
    return [checkedPositiveCount(first, "numPartitions"), rest as ColumnOrName[]];
  }
  return [undefined, args as ColumnOrName[]];
}

function checkedColumn(column: Column): Column {
  if (!(column instanceof Column)) throw new TypeError("expected a Column");
  return column;
}
