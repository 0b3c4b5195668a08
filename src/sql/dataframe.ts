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
import type { PendingDataFrame } from "./pendingDataFrame";
import type { TypedRow } from "./typedRow";
import { PendingStatement } from "./pendingStatement";
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
 * The examples of its methods use `spark`, a {@link SparkSession}; `people`, made by
 * `const people = await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }])`
 * (`age` is a LongType column, so its values come back as bigints); and `F`, `col` and `lit`
 * (`import { functions as F, col, lit } from "spark-ts"`). Each shows its result in a comment:
 * the rows as `collect()` gives them, the table `show()` prints, or the SQL a transformation means.
 *
 * `R` is the type of its rows: {@link Row} unless declared with `spark.sql<T>()`, `spark.table<T>()`
 * or {@link DataFrame.as} (then a {@link TypedRow}). Transformations that keep the rows' columns
 * (filter, orderBy, limit, distinct, union with a DataFrame of the same rows, ...) keep `R`; those
 * that change them (select, withColumn, join, groupBy, ...) give a DataFrame of plain `Row`s. Typed
 * rows are `Row`s too, so a typed DataFrame goes wherever a `DataFrame` goes.
 *
 * @example
 * ```ts
 * const df = spark.range(10).limit(3);
 * await df.count();   // 3
 * await df.collect(); // [{ id: 0n }, { id: 1n }, { id: 2n }]
 * ```
 */
export class DataFrame<R extends object = Row> {
  #schema: Promise<StructType> | undefined;
  #executionInfo: ExecutionInfo | undefined;

  /** @internal DataFrames come from a session or from another DataFrame. */
  constructor(
    /** The session this DataFrame runs in. */
    readonly sparkSession: SparkSession,
    /** @internal The logical plan (frozen). */
    readonly plan: Relation,
  ) {}

  /** A DataFrame of the same session on another plan, of rows `S`: `R` when they keep their columns. */
  private derive<S extends object = Row>(plan: Relation): DataFrame<S> {
    return new DataFrame<S>(this.sparkSession, plan);
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
   *
   * @example
   * ```ts
   * await people.filter(people.col("age").gt(40)).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  col(name: string): Column {
    return new Column(attribute(name, this.plan.common?.planId));
  }

  /**
   * The given columns (Columns, names, or `"*"`).
   *
   * @example
   * ```ts
   * const next = people.select("name", col("age").plus(1).alias("next")); // SELECT name, age + 1 AS next FROM people
   * await next.collect(); // [{ name: "Ada", next: 37n }, { name: "Alan", next: 42n }]
   * ```
   */
  select(...cols: ColumnOrName[]): DataFrame {
    return this.derive(relations.project(this.plan, cols.map(columnExpression)));
  }

  /**
   * The rows for which `condition` (a boolean Column or a SQL expression) is true.
   *
   * @example
   * ```ts
   * const over40 = people.filter(col("age").gt(40)); // SELECT * FROM people WHERE age > 40
   * await over40.collect(); // [{ name: "Alan", age: 41n }]
   * await people.filter("age > 40").count(); // 1
   * ```
   */
  filter(condition: Column | string): DataFrame<R> {
    const expr = typeof condition === "string" ? sqlExpression(condition) : condition.expr;
    return this.derive<R>(relations.filter(this.plan, expr));
  }

  /**
   * Alias of {@link DataFrame.filter}.
   *
   * @example
   * ```ts
   * await people.where("age < 40").collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  where(condition: Column | string): DataFrame<R> {
    return this.filter(condition);
  }

  /**
   * Adds a column, or replaces the one of that name.
   *
   * @example
   * ```ts
   * const next = people.withColumn("next", col("age").plus(1)); // SELECT *, age + 1 AS next FROM people
   * await next.first(); // { name: "Ada", age: 36n, next: 37n }
   * ```
   */
  withColumn(name: string, column: Column): DataFrame {
    return this.derive(relations.withColumns(this.plan, [{ name, expr: column.expr }]));
  }

  /**
   * The first `n` rows.
   *
   * @example
   * ```ts
   * await spark.range(10).limit(2).collect(); // [{ id: 0n }, { id: 1n }]
   * ```
   */
  limit(n: number): DataFrame<R> {
    return this.derive<R>(relations.limit(this.plan, checkedCount(n, "limit")));
  }

  /**
   * Columns from SQL expressions, parsed by the server (`"id * 2 AS twice"`).
   *
   * @example
   * ```ts
   * await people.selectExpr("upper(name) AS shout", "age * 2 AS twice").collect();
   * // [{ shout: "ADA", twice: 72n }, { shout: "ALAN", twice: 82n }]
   * ```
   */
  selectExpr(...exprs: string[]): DataFrame {
    return this.derive(relations.project(this.plan, exprs.map(sqlExpression)));
  }

  /**
   * Adds or replaces several columns at once, in the record's order.
   *
   * @example
   * ```ts
   * const more = people.withColumns({ next: col("age").plus(1), senior: col("age").gt(40) });
   * await more.first(); // { name: "Ada", age: 36n, next: 37n, senior: false }
   * ```
   */
  withColumns(columns: Readonly<Record<string, Column>>): DataFrame {
    return this.derive(
      relations.withColumns(
        this.plan,
        Object.entries(columns).map(([name, column]) => ({ name, expr: checkedColumn(column).expr })),
      ),
    );
  }

  /**
   * Renames a column; a no-op when there is no column of that name, as in PySpark.
   *
   * @example
   * ```ts
   * await people.withColumnRenamed("age", "years").columns; // ["name", "years"]
   * await people.withColumnRenamed("height", "cm").columns; // ["name", "age"]
   * ```
   */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [existing]: newName });
  }

  /**
   * Renames several columns: `{ old: "new" }`.
   *
   * @example
   * ```ts
   * await people.withColumnsRenamed({ name: "who", age: "years" }).columns; // ["who", "years"]
   * ```
   */
  withColumnsRenamed(renames: Readonly<Record<string, string>>): DataFrame {
    return this.derive(relations.withColumnsRenamed(this.plan, renames));
  }

  /**
   * The same column with new field metadata (a JSON object), as `df.schema` shows it.
   *
   * @example
   * ```ts
   * (await people.withMetadata("age", { unit: "years" }).schema).get("age").metadata; // { unit: "years" }
   * ```
   */
  withMetadata(columnName: string, metadata: FieldMetadata): DataFrame {
    return this.derive(relations.withColumns(this.plan, [{ name: columnName, expr: attribute(columnName), metadata }]));
  }

  /**
   * Without the given columns (names that do not exist are ignored, as in PySpark).
   *
   * @example
   * ```ts
   * await people.drop("age", "height").collect(); // [{ name: "Ada" }, { name: "Alan" }]
   * ```
   */
  drop(...cols: ColumnOrName[]): DataFrame {
    return this.derive(
      relations.drop(
        this.plan,
        cols.filter((c): c is Column => typeof c !== "string").map((c) => checkedColumn(c).expr),
        cols.filter((c): c is string => typeof c === "string"),
      ),
    );
  }

  /**
   * The distinct rows.
   *
   * @example
   * ```ts
   * await people.union(people).distinct().count(); // 2 (the union has 4 rows)
   * ```
   */
  distinct(): DataFrame<R> {
    return this.derive<R>(relations.deduplicate(this.plan));
  }

  /**
   * Without duplicate rows, or without rows that repeat the values of `subset`'s columns (the first one kept is arbitrary).
   *
   * @example
   * ```ts
   * await people.union(people).dropDuplicates().count(); // 2
   * const parity = spark.range(6).withColumn("even", col("id").mod(2).equalTo(0));
   * await parity.dropDuplicates(["even"]).count(); // 2: one row with an even id, one with an odd
   * ```
   */
  dropDuplicates(subset?: readonly string[]): DataFrame<R> {
    return this.deduplicate(subset, false);
  }

  /**
   * Alias of {@link DataFrame.dropDuplicates}.
   *
   * @example
   * ```ts
   * await people.union(people).drop_duplicates(["name"]).count(); // 2
   * ```
   */
  drop_duplicates(subset?: readonly string[]): DataFrame<R> {
    return this.dropDuplicates(subset);
  }

  /**
   * On a stream: drops duplicates that arrive within the watermark's delay (see {@link DataFrame.withWatermark}).
   *
   * @example
   * ```ts
   * const events = spark.readStream.format("rate").load().withWatermark("timestamp", "10 seconds");
   * await events.dropDuplicatesWithinWatermark(["value"]).isStreaming; // true: start it with writeStream
   * await people.dropDuplicatesWithinWatermark().count(); // throws "... not supported with batch DataFrames/DataSets"
   * ```
   */
  dropDuplicatesWithinWatermark(subset?: readonly string[]): DataFrame<R> {
    return this.deduplicate(subset, true);
  }

  private deduplicate(subset: readonly string[] | undefined, withinWatermark: boolean): DataFrame<R> {
    return this.derive<R>(relations.deduplicate(this.plan, subset, withinWatermark));
  }

  /**
   * Sorted by the given columns: names or Columns, ascending unless a Column says otherwise
   * (`col("x").desc()`, `F.asc_nulls_last("x")`). A last `{ ascending }` argument sets the
   * direction of all columns (`false`) or of each (`[true, false]`), as PySpark's keyword does.
   *
   * @example
   * ```ts
   * await people.orderBy(col("age").desc()).collect(); // [{ name: "Alan", age: 41n }, { name: "Ada", age: 36n }]
   * people.orderBy("name", "age", { ascending: [true, false] }); // SELECT * FROM people ORDER BY name, age DESC
   * ```
   */
  orderBy(...cols: SortArguments): DataFrame<R> {
    return this.derive<R>(relations.sort(this.plan, sortOrders(cols), true));
  }

  /**
   * Alias of {@link DataFrame.orderBy}.
   *
   * @example
   * ```ts
   * await people.sort(col("name").desc()).first(); // { name: "Alan", age: 41n }
   * ```
   */
  sort(...cols: SortArguments): DataFrame<R> {
    return this.orderBy(...cols);
  }

  /**
   * Sorted within each partition only (no shuffle); see {@link DataFrame.orderBy} for the arguments.
   *
   * @example
   * ```ts
   * await spark.range(0, 6, 1, 2).sortWithinPartitions(col("id").desc()).collect(); // 2 partitions, each sorted:
   * // [{ id: 2n }, { id: 1n }, { id: 0n }, { id: 5n }, { id: 4n }, { id: 3n }]
   * people.sortWithinPartitions("age"); // SELECT * FROM people SORT BY age
   * ```
   */
  sortWithinPartitions(...cols: SortArguments): DataFrame<R> {
    return this.derive<R>(relations.sort(this.plan, sortOrders(cols), false));
  }

  /**
   * Without the first `n` rows.
   *
   * @example
   * ```ts
   * await spark.range(5).offset(3).collect(); // [{ id: 3n }, { id: 4n }]
   * ```
   */
  offset(n: number): DataFrame<R> {
    return this.derive<R>(relations.offset(this.plan, checkedCount(n, "offset")));
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
   * const roles = await spark.createDataFrame([{ name: "Ada", role: "programmer" }]);
   * const withRoles = people.join(roles, "name", "left"); // SELECT * FROM people LEFT JOIN roles USING (name)
   * await withRoles.orderBy("name").collect(); // [{ name: "Ada", age: 36n, role: "programmer" }, { name: "Alan", age: 41n, role: null }]
   * await people.join(roles, people.col("name").equalTo(roles.col("name"))).count(); // 1
   * ```
   */
  join(other: DataFrame<object>, on?: string | readonly string[] | Column | readonly Column[], how: JoinType = "inner"): DataFrame {
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

  /**
   * The Cartesian product with another DataFrame.
   *
   * @example
   * ```ts
   * await people.select("name").crossJoin(spark.range(2)).orderBy("name", "id").collect();
   * // [{ name: "Ada", id: 0n }, { name: "Ada", id: 1n }, { name: "Alan", id: 0n }, { name: "Alan", id: 1n }]
   * ```
   */
  crossJoin(other: DataFrame<object>): DataFrame {
    return this.derive(relations.join(this.plan, other.plan, { joinType: JoinTypeProto.JOIN_TYPE_CROSS, usingColumns: [] }));
  }

  /**
   * A lateral join: `other` may refer to this DataFrame's columns through `col("x").outer()`
   * (typically a table-valued function). `how` is `"inner"`, `"left"` or `"cross"`.
   *
   * @example
   * ```ts
   * const ages = spark.tvf.explode(F.array(col("age").outer(), col("age").outer().plus(1)));
   * await people.lateralJoin(ages).collect();
   * // [{ name: "Ada", age: 36n, col: 36n }, { name: "Ada", age: 36n, col: 37n },
   * //  { name: "Alan", age: 41n, col: 41n }, { name: "Alan", age: 41n, col: 42n }]
   * ```
   */
  lateralJoin(other: DataFrame<object>, on?: Column, how: "inner" | "left" | "cross" = "inner"): DataFrame {
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
   *
   * @example
   * ```ts
   * const next = people.select(col("age").plus(1).alias("next"));
   * await people.select("name").zip(next).collect(); // [{ name: "Ada", next: 37n }, { name: "Alan", next: 42n }]
   * ```
   */
  zip(other: DataFrame<object>): DataFrame {
    return this.derive(relations.zip(this.plan, other.plan));
  }

  /**
   * Adds a column of consecutive row numbers from 0, in the DataFrame's order (`"index"` by default).
   *
   * @example
   * ```ts
   * await people.zipWithIndex().collect(); // [{ name: "Ada", age: 36n, index: 0n }, { name: "Alan", age: 41n, index: 1n }]
   * ```
   */
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
   *
   * @example
   * ```ts
   * const targets = await spark.createDataFrame([{ target: 35 }, { target: 40 }]);
   * const nearest = targets.nearestByJoin(people, F.abs(col("target").minus(col("age"))), 1, "exact", "distance");
   * await nearest.orderBy("target").collect(); // [{ target: 35n, name: "Ada", age: 36n }, { target: 40n, name: "Alan", age: 41n }]
   * ```
   */
  nearestByJoin(
    other: DataFrame<object>,
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

  /**
   * The rows of both, duplicates kept, matched by position (SQL's UNION ALL).
   *
   * @example
   * ```ts
   * await spark.range(2).union(spark.range(1)).collect(); // [{ id: 0n }, { id: 1n }, { id: 0n }]
   * people.union(people); // SELECT * FROM people UNION ALL SELECT * FROM people
   * ```
   */
  union(other: DataFrame<R>): DataFrame<R>;
  union(other: DataFrame<object>): DataFrame;
  union(other: DataFrame<object>): DataFrame<object> {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_UNION, true);
  }

  /**
   * Alias of {@link DataFrame.union}.
   *
   * @example
   * ```ts
   * await people.unionAll(people).count(); // 4
   * ```
   */
  unionAll(other: DataFrame<R>): DataFrame<R>;
  unionAll(other: DataFrame<object>): DataFrame;
  unionAll(other: DataFrame<object>): DataFrame<object> {
    return this.union(other);
  }

  /**
   * The rows of both, duplicates kept, matched by column name. With `allowMissingColumns`, a column
   * missing on one side is null there.
   *
   * @example
   * ```ts
   * const grace = await spark.createDataFrame([{ name: "Grace" }]);
   * await people.unionByName(grace, true).collect();
   * // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }, { name: "Grace", age: null }]
   * ```
   */
  unionByName(other: DataFrame<object>, allowMissingColumns = false): DataFrame {
    return this.setOperation<Row>(other, SetOpType.SET_OP_TYPE_UNION, true, { byName: true, allowMissingColumns });
  }

  /**
   * The distinct rows in both.
   *
   * @example
   * ```ts
   * await spark.range(5).intersect(spark.range(3, 8)).orderBy("id").collect(); // [{ id: 3n }, { id: 4n }]
   * ```
   */
  intersect(other: DataFrame<object>): DataFrame<R> {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_INTERSECT, false);
  }

  /**
   * The rows in both, as many times as they are in both.
   *
   * @example
   * ```ts
   * const twice = people.union(people);
   * await twice.intersectAll(twice).count(); // 4 (intersect: 2)
   * ```
   */
  intersectAll(other: DataFrame<object>): DataFrame<R> {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_INTERSECT, true);
  }

  /**
   * The distinct rows not in `other` (SQL's EXCEPT DISTINCT).
   *
   * @example
   * ```ts
   * await spark.range(5).subtract(spark.range(3)).orderBy("id").collect(); // [{ id: 3n }, { id: 4n }]
   * ```
   */
  subtract(other: DataFrame<object>): DataFrame<R> {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_EXCEPT, false);
  }

  /**
   * The rows not in `other`, duplicates counted (SQL's EXCEPT ALL).
   *
   * @example
   * ```ts
   * await people.union(people).exceptAll(people).count(); // 2 (subtract: 0)
   * ```
   */
  exceptAll(other: DataFrame<object>): DataFrame<R> {
    return this.setOperation(other, SetOpType.SET_OP_TYPE_EXCEPT, true);
  }

  private setOperation<S extends object = R>(
    other: DataFrame<object>,
    setOpType: SetOpType,
    isAll: boolean,
    byName?: relations.SetOperationColumns,
  ): DataFrame<S> {
    return this.derive<S>(relations.setOperation(this.plan, other.plan, setOpType, isAll, byName));
  }

  /**
   * A random sample with about `fraction` of the rows (each row is kept with that probability; with
   * replacement, the expected number of times it is picked). Same seed, same sample.
   *
   * @example
   * ```ts
   * await spark.range(1000).sample(0.1, 42).count(); // 95: about 100, and the same rows on every run with seed 42
   * await spark.range(1000).sample(true, 2.0, 42).count(); // 1976: about 2000, some rows picked several times
   * ```
   */
  sample(fraction: number, seed?: number | bigint): DataFrame<R>;
  sample(withReplacement: boolean, fraction: number, seed?: number | bigint): DataFrame<R>;
  sample(first: boolean | number, second?: number | bigint, third?: number | bigint): DataFrame<R> {
    const withReplacement = typeof first === "boolean" ? first : false;
    const fraction = typeof first === "boolean" ? Number(second) : first;
    const seed = typeof first === "boolean" ? third : second;
    checkedNumber(fraction, "fraction", { min: 0 });
    if (!withReplacement && fraction > 1) throw new RangeError(`fraction must be at most 1 without replacement, got ${fraction}`);
    return this.derive<R>(
      relations.sample(this.plan, { lowerBound: 0, upperBound: fraction, withReplacement, seed: seedOf(seed), deterministicOrder: false }),
    );
  }

  /**
   * Splits the rows at random into DataFrames whose sizes follow `weights` (normalized), which
   * together hold every row once. Same seed, same split.
   *
   * @example
   * ```ts
   * const [train, test] = spark.range(1000).randomSplit([0.8, 0.2], 7);
   * [await train.count(), await test.count()]; // [796, 204]: about 800 and 200, each row in one of them
   * ```
   */
  randomSplit(weights: readonly number[], seed?: number | bigint): DataFrame<R>[] {
    if (weights.length === 0) throw new RangeError("randomSplit needs at least one weight");
    weights.forEach((weight, i) => checkedNumber(weight, `weights[${i}]`, { min: 0 }));
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) throw new RangeError("the weights must not all be 0");
    const fixedSeed = seedOf(seed);
    // One sorted, seeded pass over the input, cut into [lower, upper) ranges: each row lands in one.
    let lower = 0;
    return weights.map((weight, i) => {
      const upper = i === weights.length - 1 ? 1 : lower + weight / total;
      const part = this.derive<R>(
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
   * await spark.range(10).repartition(3).select(F.spark_partition_id().alias("p")).distinct().count(); // 3
   * people.repartition("name"); // SELECT * FROM people DISTRIBUTE BY name
   * ```
   */
  repartition(numPartitions: number, ...cols: ColumnOrName[]): DataFrame<R>;
  repartition(...cols: ColumnOrName[]): DataFrame<R>;
  repartition(...args: (number | ColumnOrName)[]): DataFrame<R> {
    const [numPartitions, cols] = partitionArguments(args);
    if (cols.length === 0) {
      if (numPartitions === undefined) throw new TypeError("repartition needs a number of partitions or columns");
      return this.derive<R>(relations.repartition(this.plan, numPartitions, true));
    }
    return this.derive<R>(relations.repartitionByExpression(this.plan, cols.map(columnExpression), numPartitions));
  }

  /**
   * Redistributes the rows into ranges of the given columns' sort order (ascending unless a Column says otherwise).
   *
   * @example
   * ```ts
   * await spark.range(4).repartitionByRange(2, "id").select("id", F.spark_partition_id().alias("p")).collect();
   * // [{ id: 0n, p: 0 }, { id: 1n, p: 0 }, { id: 2n, p: 1 }, { id: 3n, p: 1 }]
   * ```
   */
  repartitionByRange(numPartitions: number, ...cols: ColumnOrName[]): DataFrame<R>;
  repartitionByRange(...cols: ColumnOrName[]): DataFrame<R>;
  repartitionByRange(...args: (number | ColumnOrName)[]): DataFrame<R> {
    const [numPartitions, cols] = partitionArguments(args);
    if (cols.length === 0) throw new TypeError("repartitionByRange needs at least one column");
    return this.derive<R>(relations.repartitionByExpression(this.plan, sortOrders(cols), numPartitions));
  }

  /**
   * Redistributes the rows into `numPartitions` partitions, each row into the partition whose number
   * `partitionIdCol` (an int column) gives.
   *
   * @example
   * ```ts
   * const byParity = spark.range(4).repartitionById(2, col("id").mod(2).cast("int"));
   * await byParity.select("id", F.spark_partition_id().alias("p")).collect();
   * // [{ id: 0n, p: 0 }, { id: 2n, p: 0 }, { id: 1n, p: 1 }, { id: 3n, p: 1 }]
   * ```
   */
  repartitionById(numPartitions: number, partitionIdCol: ColumnOrName): DataFrame<R> {
    checkedPositiveCount(numPartitions, "numPartitions");
    return this.derive<R>(
      relations.repartitionByExpression(this.plan, [directShufflePartitionId(columnExpression(partitionIdCol))], numPartitions),
    );
  }

  /**
   * Fewer partitions, without a shuffle (merging existing ones).
   *
   * @example
   * ```ts
   * const four = spark.range(0, 10, 1, 4); // 4 partitions
   * await four.coalesce(1).select(F.spark_partition_id().alias("p")).distinct().count(); // 1
   * ```
   */
  coalesce(numPartitions: number): DataFrame<R> {
    checkedPositiveCount(numPartitions, "numPartitions");
    return this.derive<R>(relations.repartition(this.plan, numPartitions, false));
  }

  /**
   * A hint for the optimizer (`"broadcast"`, `"merge"`, `"shuffle_hash"`, `"rebalance"`,
   * `"coalesce"`, ...), with its parameters (values, Columns, or arrays of names). A list given
   * as the only parameter is its items, as in PySpark: `hint("rebalance", ["a", "b"])` is
   * `hint("rebalance", "a", "b")`, which the server reads as two columns.
   *
   * @example
   * ```ts
   * const roles = await spark.createDataFrame([{ name: "Ada", role: "programmer" }]);
   * const joined = people.join(roles.hint("broadcast"), "name");
   * (await joined.explainString("extended")).includes("rightHint=(strategy=broadcast)"); // true
   * await people.hint("rebalance", ["name"]).explain(); // (the ids vary; 4 is spark.sql.shuffle.partitions)
   * // == Physical Plan ==
   * // AdaptiveSparkPlan isFinalPlan=false
   * // +- Exchange hashpartitioning(name#44, 4), REBALANCE_PARTITIONS_BY_COL, [plan_id=50]
   * //    +- LocalTableScan [name#44, age#45L]
   * ```
   */
  hint(name: string, ...parameters: (LiteralValue | Column)[]): DataFrame<R> {
    const [only] = parameters;
    const spread = parameters.length === 1 && Array.isArray(only) ? (only as LiteralValue[]) : parameters;
    return this.derive<R>(relations.hint(this.plan, name, spread.map(toExpression)));
  }

  /**
   * This DataFrame under an alias, for qualified column names (`col("e.name")`) and self-joins.
   *
   * @example
   * ```ts
   * const [a, b] = [people.alias("a"), people.alias("b")];
   * await a.join(b, col("a.age").lt(col("b.age"))).select(col("a.name").alias("younger"), col("b.name").alias("older")).collect();
   * // [{ younger: "Ada", older: "Alan" }]
   * ```
   */
  alias(alias: string): DataFrame<R> {
    return this.derive<R>(relations.subqueryAlias(this.plan, alias));
  }

  /**
   * The columns whose names match a regular expression given in backquotes (`` "`(id|name)`" ``).
   *
   * @example
   * ```ts
   * await people.select(people.colRegex("`n.*`")).columns; // ["name"]
   * ```
   */
  colRegex(colName: string): Column {
    return new Column(columnsMatching(colName, this.plan.common?.planId));
  }

  /**
   * A metadata column of the source (`"_metadata"` of a file source, for example), bound to this DataFrame.
   *
   * @example
   * ```ts
   * await people.write.mode("overwrite").parquet("/tmp/people");
   * const files = spark.read.parquet("/tmp/people");
   * await files.select("name", files.metadataColumn("_metadata").getField("file_name").alias("file")).orderBy("name").collect();
   * // [{ name: "Ada", file: "part-00000-….snappy.parquet" }, { name: "Alan", file: "part-00001-….snappy.parquet" }]
   * ```
   */
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
   * const sales = await spark.createDataFrame([{ id: 1, q1: 10, q2: 20 }]);
   * await sales.unpivot(["id"], ["q1", "q2"], "quarter", "sales").collect();
   * // [{ id: 1n, quarter: "q1", sales: 10n }, { id: 1n, quarter: "q2", sales: 20n }]
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

  /**
   * Alias of {@link DataFrame.unpivot}.
   *
   * @example
   * ```ts
   * await people.melt("name", null, "key", "value").collect();
   * // [{ name: "Ada", key: "age", value: 36n }, { name: "Alan", key: "age", value: 41n }]
   * ```
   */
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
   *
   * @example
   * ```ts
   * await people.transpose().collect(); // [{ key: "age", Ada: 36n, Alan: 41n }]
   * ```
   */
  transpose(indexColumn?: ColumnOrName): DataFrame {
    return this.derive(relations.transpose(this.plan, indexColumn === undefined ? [] : [columnExpression(indexColumn)]));
  }

  /**
   * `f(this, ...args)`: chains a function of a DataFrame like a method.
   *
   * @example
   * ```ts
   * const older = (df: DataFrame, years: number) => df.withColumn("age", col("age").plus(years));
   * await people.transform(older, 10).collect(); // [{ name: "Ada", age: 46n }, { name: "Alan", age: 51n }]
   * ```
   */
  transform<S extends object, A extends unknown[]>(f: (df: DataFrame<R>, ...args: A) => DataFrame<S>, ...args: A): DataFrame<S> {
    const result = f(this, ...args);
    if (!(result instanceof DataFrame)) throw new TypeError("the function given to transform must return a DataFrame");
    return result;
  }

  /**
   * On a stream: how late data may arrive, by the event time column (`"10 minutes"`); state older
   * than the watermark is dropped.
   *
   * @example
   * ```ts
   * const events = spark.readStream.format("rate").load(); // columns timestamp and value
   * const late = events.withWatermark("timestamp", "10 minutes");
   * (await late.schema).get("timestamp").metadata; // { "spark.watermarkDelayMs": 600000 }
   * ```
   */
  withWatermark(eventTime: string, delayThreshold: string): DataFrame<R> {
    return this.derive<R>(relations.withWatermark(this.plan, eventTime, delayThreshold));
  }

  /**
   * Named metrics computed as the query runs (`F.count(lit(1)).alias("rows")`, ...); Spark reports
   * them to the session's query listeners under `name`.
   *
   * @example
   * ```ts
   * const seen = people.observe("stats", F.count(lit(1)).alias("rows"), F.max("age").alias("oldest"));
   * await seen.collect();
   * seen.executionInfo?.observations; // [{ name: "stats", values: { rows: 2n, oldest: 41n } }]
   * ```
   */
  observe(name: string, ...exprs: Column[]): DataFrame<R> {
    if (exprs.length === 0) throw new TypeError("observe needs at least one metric expression");
    return this.derive<R>(
      relations.collectMetrics(
        this.plan,
        name,
        exprs.map((e) => checkedColumn(e).expr),
      ),
    );
  }

  /**
   * The same rows with the given column names, by position.
   *
   * @example
   * ```ts
   * await people.toDF("who", "years").first(); // { who: "Ada", years: 36n }
   * ```
   */
  toDF(...names: string[]): DataFrame {
    return this.derive(relations.toDf(this.plan, names));
  }

  /**
   * The rows in the given schema: columns matched by name, reordered, cast where Spark can do it
   * safely, and a missing nullable column filled with nulls.
   *
   * @example
   * ```ts
   * const schema = new StructType().add("age", "long").add("name", "string");
   * await people.to(schema).first(); // { age: 36n, name: "Ada" }
   * ```
   */
  to(schema: StructType): DataFrame {
    return this.derive(relations.toSchema(this.plan, schema));
  }

  /**
   * The same rows typed as `T` ({@link TypedRow}): a cast for the compiler, on the same plan, that
   * nothing checks against the schema (`npx spark-ts-kernel types` prints a `T` that matches it).
   * Without `T`, the rows are plain {@link Row}s again, as a function that takes a `DataFrame` wants.
   *
   * @example
   * ```ts
   * interface Person { name: string | null; age: bigint | null }
   * const typed = people.as<Person>();
   * const [ada] = await typed.filter("age < 40").collect(); // filter keeps the type
   * ada.age;  // 36n, typed bigint | null
   * ada.agee; // compile error TS2551: Property 'agee' does not exist ... Did you mean 'age'?
   * typed.as(); // a DataFrame of plain Rows again
   * ```
   */
  as(): DataFrame;
  as<T extends object>(): DataFrame<TypedRow<T>>;
  as(): DataFrame<object> {
    return new DataFrame(this.sparkSession, this.plan);
  }

  /**
   * Each row as a JSON object string, in one column `value`.
   *
   * @example
   * ```ts
   * await people.toJSON().collect(); // [{ value: '{"name":"Ada","age":36}' }, { value: '{"name":"Alan","age":41}' }]
   * ```
   */
  toJSON(): DataFrame {
    return this.select(new Column(aliasExpression(call("to_json", [call("struct", [col("*").expr])]), ["value"])));
  }

  /**
   * A MERGE INTO `table` of this DataFrame's rows, matched by `condition`; add its actions, then
   * call `merge()`. See {@link MergeIntoWriter}.
   *
   * @example
   * ```ts
   * const merge = people.alias("source").mergeInto("staff", col("staff.name").equalTo(col("source.name")));
   * await merge.whenMatched().updateAll().whenNotMatched().insertAll().merge();
   * // MERGE INTO staff USING people AS source ON staff.name = source.name
   * // WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *
   * ```
   */
  mergeInto(table: string, condition: Column): MergeIntoWriter {
    return new MergeIntoWriter(this as DataFrame, table, checkedColumn(condition));
  }

  // ---- views, cache and checkpoints ----

  /**
   * Registers this DataFrame as a temporary view of the session; fails if the name is taken.
   *
   * @example
   * ```ts
   * people.createTempView("people"); // sent now: the next line sees the view
   * await spark.sql("SELECT name FROM people WHERE age > 40").collect(); // [{ name: "Alan" }]
   * await people.createTempView("people"); // throws TEMP_TABLE_OR_VIEW_ALREADY_EXISTS
   * ```
   */
  createTempView(name: string): PendingStatement {
    return this.createView(name, false, false);
  }

  /**
   * Registers this DataFrame as a temporary view of the session, replacing one of that name.
   *
   * @example
   * ```ts
   * people.filter("age > 40").createOrReplaceTempView("people");
   * await spark.sql("SELECT * FROM people").collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  createOrReplaceTempView(name: string): PendingStatement {
    return this.createView(name, false, true);
  }

  /**
   * Registers this DataFrame as a global temporary view (`global_temp.<name>`); fails if the name is taken.
   *
   * @example
   * ```ts
   * people.createGlobalTempView("people");
   * await spark.sql("SELECT count(*) AS n FROM global_temp.people").collect(); // [{ n: 2n }]
   * ```
   */
  createGlobalTempView(name: string): PendingStatement {
    return this.createView(name, true, false);
  }

  /**
   * Registers this DataFrame as a global temporary view (`global_temp.<name>`), replacing one of that name.
   *
   * @example
   * ```ts
   * people.filter("age > 40").createOrReplaceGlobalTempView("people");
   * await spark.sql("SELECT name FROM global_temp.people").collect(); // [{ name: "Alan" }]
   * ```
   */
  createOrReplaceGlobalTempView(name: string): PendingStatement {
    return this.createView(name, true, true);
  }

  /**
   * @deprecated PySpark's old name of {@link DataFrame.createOrReplaceTempView}.
   *
   * @example
   * ```ts
   * people.registerTempTable("people");
   * await spark.sql("SELECT max(age) AS oldest FROM people").collect(); // [{ oldest: 41n }]
   * ```
   */
  registerTempTable(name: string): PendingStatement {
    return this.createOrReplaceTempView(name);
  }

  /** Sent at once, as PySpark creates a view: the next request sees it without an await. */
  private createView(name: string, isGlobal: boolean, replace: boolean): PendingStatement {
    const command = createDataFrameView(this.plan, name, isGlobal, replace);
    return new PendingStatement(
      this.client.statements.command(async () => {
        await executeCommand(this.client, command, { statement: true });
      }),
    );
  }

  /**
   * Keeps the rows in the cluster's memory (and disk) once computed: {@link DataFrame.persist} at Spark's default level.
   *
   * @example
   * ```ts
   * await people.cache();
   * String(await people.storageLevel); // "Disk Memory Deserialized 1x Replicated"
   * ```
   */
  cache(): PendingDataFrame<R> {
    return this.persist();
  }

  /**
   * Keeps the rows at a storage level once computed (default: memory and disk, deserialized). Sent
   * at once, as PySpark does: later requests wait for it; `await` throws its failure.
   *
   * @example
   * ```ts
   * await people.persist(StorageLevel.DISK_ONLY);
   * String(await people.storageLevel); // "Disk Serialized 1x Replicated"
   * ```
   */
  persist(storageLevel: StorageLevel = StorageLevel.MEMORY_AND_DISK_DESER): PendingDataFrame<R> {
    const analyze = { $case: "persist", persist: { relation: this.plan, storageLevel: storageLevel.toProto() } } as const;
    return this.sparkSession.atOnce<R>(this.plan, async () => {
      await this.client.analyze(analyze, { statement: true });
    });
  }

  /**
   * Drops the cached rows; with `blocking`, waits until they are gone. Sent at once, as {@link DataFrame.persist}.
   *
   * @example
   * ```ts
   * await people.cache();
   * await people.unpersist();
   * await people.is_cached; // false
   * ```
   */
  unpersist(blocking = false): PendingDataFrame<R> {
    const analyze = { $case: "unpersist", unpersist: { relation: this.plan, blocking } } as const;
    return this.sparkSession.atOnce<R>(this.plan, async () => {
      await this.client.analyze(analyze, { statement: true });
    });
  }

  /**
   * How this DataFrame is cached (`StorageLevel.NONE` when it is not).
   *
   * @example
   * ```ts
   * (await people.storageLevel).equals(StorageLevel.NONE); // true: not cached
   * ```
   */
  get storageLevel(): Promise<StorageLevel> {
    return this.client.analyze({ $case: "getStorageLevel", getStorageLevel: { relation: this.plan } }).then((response) => {
      const level = response.result?.$case === "getStorageLevel" ? response.result.getStorageLevel.storageLevel : undefined;
      return level ? StorageLevel.fromProto(level) : StorageLevel.NONE;
    });
  }

  /**
   * Whether this DataFrame is cached at some storage level (PySpark's `is_cached`).
   *
   * @example
   * ```ts
   * await people.cache();
   * await people.is_cached; // true
   * ```
   */
  get is_cached(): Promise<boolean> {
    return this.storageLevel.then((level) => !level.equals(StorageLevel.NONE));
  }

  /**
   * A DataFrame on the rows saved to the checkpoint directory (`spark.checkpoint.dir`), which cuts
   * the plan's lineage. Eager by default: computed now.
   *
   * @example
   * ```ts
   * const saved = await spark.range(3).checkpoint();
   * await saved.collect(); // [{ id: 0n }, { id: 1n }, { id: 2n }]
   * await saved.explainString(); // "== Physical Plan ==\n*(1) Scan ExistingRDD[id#12L]\n": no Range any more (ids vary)
   * ```
   */
  async checkpoint(eager = true): Promise<DataFrame<R>> {
    return this.checkpointed(false, eager);
  }

  /**
   * Like {@link DataFrame.checkpoint}, but kept in the executors' storage: faster, and lost with them.
   *
   * @example
   * ```ts
   * const saved = await spark.range(3).localCheckpoint();
   * await saved.collect(); // [{ id: 0n }, { id: 1n }, { id: 2n }]
   * await saved.explainString(); // "== Physical Plan ==\n*(1) Scan ExistingRDD[id#12L]\n": no Range any more (ids vary)
   * ```
   */
  async localCheckpoint(eager = true, storageLevel?: StorageLevel): Promise<DataFrame<R>> {
    return this.checkpointed(true, eager, storageLevel);
  }

  private async checkpointed(local: boolean, eager: boolean, storageLevel?: StorageLevel): Promise<DataFrame<R>> {
    const summary = await executeCommand(this.client, checkpoint(this.plan, local, eager, storageLevel?.toProto()));
    const cached = commandResult(summary, "checkpointCommandResult")?.checkpointCommandResult.relation;
    if (!cached) throw new SparkConnectError("The server checkpointed the DataFrame but sent no relation for it.");
    return new DataFrame<R>(this.sparkSession, cachedRemoteRelation(cached));
  }

  // ---- what the server knows of the plan ----

  /**
   * The files this DataFrame reads, as far as Spark can tell (best effort).
   *
   * @example
   * ```ts
   * await people.write.mode("overwrite").parquet("/tmp/people");
   * await spark.read.parquet("/tmp/people").inputFiles();
   * // ["file:///tmp/people/part-00000-….snappy.parquet", "file:///tmp/people/part-00001-….snappy.parquet"]
   * ```
   */
  async inputFiles(): Promise<string[]> {
    const response = await this.client.analyze({ $case: "inputFiles", inputFiles: { plan: this.root } });
    return response.result?.$case === "inputFiles" ? [...response.result.inputFiles.files] : [];
  }

  /**
   * Whether `collect` and `take` can run locally on the driver, without executors.
   *
   * @example
   * ```ts
   * await people.isLocal(); // true: the rows came from the client
   * await spark.range(3).isLocal(); // false
   * ```
   */
  async isLocal(): Promise<boolean> {
    const response = await this.client.analyze({ $case: "isLocal", isLocal: { plan: this.root } });
    return response.result?.$case === "isLocal" && response.result.isLocal.isLocal;
  }

  /**
   * Whether both DataFrames compute the same rows by the same logical plan (after Spark's canonicalization).
   *
   * @example
   * ```ts
   * await people.select("name").sameSemantics(people.select(col("name"))); // true
   * await people.select("name").sameSemantics(people.select("age")); // false
   * ```
   */
  async sameSemantics(other: DataFrame<object>): Promise<boolean> {
    const response = await this.client.analyze({ $case: "sameSemantics", sameSemantics: { targetPlan: this.root, otherPlan: other.root } });
    return response.result?.$case === "sameSemantics" && response.result.sameSemantics.result;
  }

  /**
   * A hash of the canonicalized logical plan: equal for DataFrames with the same semantics.
   *
   * @example
   * ```ts
   * (await people.select("name").semanticHash()) === (await people.select(col("name")).semanticHash()); // true
   * ```
   */
  async semanticHash(): Promise<number> {
    const response = await this.client.analyze({ $case: "semanticHash", semanticHash: { plan: this.root } });
    return response.result?.$case === "semanticHash" ? response.result.semanticHash.result : 0;
  }

  /**
   * Charts of this DataFrame, computed by Spark (PySpark's `df.plot`).
   *
   * @example
   * ```ts
   * const chart = people.plot.bar({ x: "name", y: "age" });
   * (await chart.data()).rows; // [{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]
   * (await chart.spec()).mark; // { type: "bar", tooltip: true }
   * ```
   */
  get plot(): DataFramePlot {
    return new DataFramePlot(this as DataFrame);
  }

  // ---- grouping, na, stat ----

  /**
   * Groups the rows by the given columns, for aggregates (see {@link GroupedData}).
   *
   * @example
   * ```ts
   * const oldest = people.groupBy("name").agg(F.max("age")); // SELECT name, max(age) FROM people GROUP BY name
   * const byParity = spark.range(6).groupBy(col("id").mod(2).alias("odd")).agg(F.count(lit(1)).alias("n"), F.sum("id").alias("total"));
   * await byParity.orderBy("odd").collect(); // [{ odd: 0n, n: 3n, total: 6n }, { odd: 1n, n: 3n, total: 9n }]
   * ```
   */
  groupBy(...cols: (ColumnOrName | readonly ColumnOrName[])[]): GroupedData {
    return new GroupedData(this as DataFrame, "groupBy", groupingColumns(cols));
  }

  /**
   * Alias of {@link DataFrame.groupBy}.
   *
   * @example
   * ```ts
   * const parity = spark.range(4).groupby(col("id").mod(2).alias("parity")).count();
   * await parity.orderBy("parity").collect(); // [{ parity: 0n, count: 2n }, { parity: 1n, count: 2n }]
   * ```
   */
  groupby(...cols: (ColumnOrName | readonly ColumnOrName[])[]): GroupedData {
    return this.groupBy(...cols);
  }

  /**
   * Groups by the columns and by each of their prefixes, down to the grand total (the null rows are the subtotals).
   *
   * @example
   * ```ts
   * await people.rollup("name").agg(F.sum("age").alias("total")).orderBy("name").collect();
   * // [{ name: null, total: 77n }, { name: "Ada", total: 36n }, { name: "Alan", total: 41n }]: the null row is the grand total
   * ```
   */
  rollup(...cols: (ColumnOrName | readonly ColumnOrName[])[]): GroupedData {
    return new GroupedData(this as DataFrame, "rollup", groupingColumns(cols));
  }

  /**
   * Groups by every combination of the columns, the grand total included.
   *
   * @example
   * ```ts
   * await people.cube("name", "age").count().count(); // 7: a row per (name, age), per name, per age, and the grand total
   * ```
   */
  cube(...cols: (ColumnOrName | readonly ColumnOrName[])[]): GroupedData {
    return new GroupedData(this as DataFrame, "cube", groupingColumns(cols));
  }

  /**
   * Groups by each of the given sets of columns (SQL's GROUPING SETS); `cols` are the grouping
   * columns the sets draw from.
   *
   * @example
   * ```ts
   * await people.groupingSets([["name"], []], "name").agg(F.sum("age").alias("total")).orderBy("name").collect();
   * // [{ name: null, total: 77n }, { name: "Ada", total: 36n }, { name: "Alan", total: 41n }]
   * ```
   */
  groupingSets(groupingSets: readonly (readonly ColumnOrName[])[], ...cols: ColumnOrName[]): GroupedData {
    return new GroupedData(
      this as DataFrame,
      "groupingSets",
      cols.map(columnExpression),
      groupingSets.map((set) => set.map(columnExpression)),
    );
  }

  /**
   * Aggregates over all rows, as one group: `df.groupBy().agg(...)`.
   *
   * @example
   * ```ts
   * await people.agg(F.min("age").alias("youngest"), F.max("age").alias("oldest")).collect(); // [{ youngest: 36n, oldest: 41n }]
   * await people.agg({ age: "avg" }).collect(); // [{ "avg(age)": 38.5 }]
   * ```
   */
  agg(...exprs: Column[]): DataFrame;
  agg(exprs: Readonly<Record<string, AggregateFunctionName>>): DataFrame;
  agg(...args: (Column | Readonly<Record<string, AggregateFunctionName>>)[]): DataFrame {
    return (this.groupBy().agg as (...a: typeof args) => DataFrame)(...args);
  }

  /**
   * Dropping and filling nulls and NaNs (see {@link DataFrameNaFunctions}).
   *
   * @example
   * ```ts
   * const gaps = await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: null }]);
   * await gaps.na.fill(0).collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 0n }]
   * ```
   */
  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this as DataFrame);
  }

  /**
   * Statistics of columns (see {@link DataFrameStatFunctions}).
   *
   * @example
   * ```ts
   * await spark.range(10).withColumn("twice", col("id").multiply(2)).stat.corr("id", "twice"); // 1
   * ```
   */
  get stat(): DataFrameStatFunctions {
    return new DataFrameStatFunctions(this as DataFrame);
  }

  /**
   * Alias of `na.drop`.
   *
   * @example
   * ```ts
   * const gaps = await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: null }]);
   * await gaps.dropna().collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  dropna(how?: DropHow | DropOptions, thresh?: number, subset?: string | readonly string[]): DataFrame<R> {
    return this.na.drop(how, thresh, subset) as DataFrame<R>;
  }

  /**
   * Alias of `na.fill`.
   *
   * @example
   * ```ts
   * const gaps = await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: null }]);
   * await gaps.fillna({ age: 0 }).collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 0n }]
   * ```
   */
  fillna(value: NaValue | Readonly<Record<string, NaValue>>, subset?: string | readonly string[]): DataFrame<R> {
    return (typeof value === "object" ? this.na.fill(value) : this.na.fill(value, subset)) as DataFrame<R>;
  }

  /**
   * Alias of `na.replace`.
   *
   * @example
   * ```ts
   * await people.replace("Ada", "Lovelace", "name").collect(); // [{ name: "Lovelace", age: 36n }, { name: "Alan", age: 41n }]
   * await people.replace({ Ada: "Lovelace" }).first(); // { name: "Lovelace", age: 36n }
   * ```
   */
  replace(toReplace: Readonly<Record<string, NaValue | null>>, subset?: string | readonly string[]): DataFrame<R>;
  replace(
    toReplace: NaValue | readonly NaValue[],
    value: NaValue | null | readonly (NaValue | null)[],
    subset?: string | readonly string[],
  ): DataFrame<R>;
  replace(...args: unknown[]): DataFrame<R> {
    return (this.na.replace as (...a: unknown[]) => DataFrame<R>)(...args);
  }

  /**
   * Alias of `stat.corr`.
   *
   * @example
   * ```ts
   * await spark.range(10).withColumn("twice", col("id").multiply(2)).corr("id", "twice"); // 1
   * ```
   */
  corr(col1: string, col2: string, method: "pearson" = "pearson"): Promise<number> {
    return this.stat.corr(col1, col2, method);
  }

  /**
   * Alias of `stat.cov`.
   *
   * @example
   * ```ts
   * await people.withColumn("next", col("age").plus(1)).cov("age", "next"); // 12.5
   * ```
   */
  cov(col1: string, col2: string): Promise<number> {
    return this.stat.cov(col1, col2);
  }

  /**
   * Alias of `stat.crosstab`.
   *
   * @example
   * ```ts
   * await people.crosstab("name", "age").orderBy("name_age").show();
   * // +--------+---+---+
   * // |name_age| 36| 41|
   * // +--------+---+---+
   * // |     Ada|  1|  0|
   * // |    Alan|  0|  1|
   * // +--------+---+---+
   * ```
   */
  crosstab(col1: string, col2: string): DataFrame {
    return this.stat.crosstab(col1, col2);
  }

  /**
   * Alias of `stat.freqItems`.
   *
   * @example
   * ```ts
   * await people.freqItems(["name"]).collect(); // [{ name_freqItems: ["Ada", "Alan"] }] (the items in any order)
   * ```
   */
  freqItems(cols: readonly string[], support?: number): DataFrame {
    return this.stat.freqItems(cols, support);
  }

  /**
   * Alias of `stat.approxQuantile`.
   *
   * @example
   * ```ts
   * await spark.range(101).approxQuantile("id", [0.25, 0.5], 0); // [25, 50]
   * await spark.range(101).approxQuantile(["id"], [0.25, 0.5], 0); // [[25, 50]]
   * ```
   */
  approxQuantile(col: string, probabilities: readonly number[], relativeError: number): Promise<number[]>;
  approxQuantile(cols: readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[][]>;
  approxQuantile(col: string | readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[] | number[][]> {
    return typeof col === "string"
      ? this.stat.approxQuantile(col, probabilities, relativeError)
      : this.stat.approxQuantile(col, probabilities, relativeError);
  }

  /**
   * Alias of `stat.sampleBy`.
   *
   * @example
   * ```ts
   * await people.sampleBy("name", { Ada: 1, Alan: 0 }).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  sampleBy(
    col: ColumnOrName,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<LiteralValue, number>,
    seed?: number | bigint,
  ): DataFrame<R> {
    return this.stat.sampleBy(col, fractions, seed) as DataFrame<R>;
  }

  /**
   * count, mean, stddev, min and max of the given columns (all numeric and string columns when
   * none are named), as strings, as Spark's `describe` computes them.
   *
   * @example
   * ```ts
   * await people.describe("age").show();
   * // +-------+------------------+
   * // |summary|               age|
   * // +-------+------------------+
   * // |  count|                 2|
   * // |   mean|              38.5|
   * // | stddev|3.5355339059327378|
   * // |    min|                36|
   * // |    max|                41|
   * // +-------+------------------+
   * ```
   */
  describe(...cols: (string | readonly string[])[]): DataFrame {
    return this.derive(describeNode(this.plan, cols.flat()));
  }

  /**
   * The given statistics of every numeric and string column: `"count"`, `"mean"`, `"stddev"`,
   * `"min"`, `"max"`, percentiles such as `"25%"`, `"count_distinct"`, `"approx_count_distinct"`;
   * without any, count, mean, stddev, min, 25%, 50%, 75% and max.
   *
   * @example
   * ```ts
   * await people.summary("min", "50%", "max").show();
   * // +-------+----+---+
   * // |summary|name|age|
   * // +-------+----+---+
   * // |    min| Ada| 36|
   * // |    50%|NULL| 36|
   * // |    max|Alan| 41|
   * // +-------+----+---+
   * ```
   */
  summary(...statistics: string[]): DataFrame {
    return this.derive(summaryNode(this.plan, statistics));
  }

  // ---- writers ----

  /**
   * Writes this DataFrame to files or tables (see {@link DataFrameWriter}).
   *
   * @example
   * ```ts
   * await people.write.mode("overwrite").parquet("/tmp/people");
   * await spark.read.parquet("/tmp/people").orderBy("name").collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  get write(): DataFrameWriter {
    return new DataFrameWriter(this as DataFrame);
  }

  /**
   * Writes this DataFrame to a catalog table through Spark's V2 API (see {@link DataFrameWriterV2}).
   *
   * @example
   * ```ts
   * await people.writeTo("people_copy").create();
   * await spark.table("people_copy").orderBy("name").collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  writeTo(table: string): DataFrameWriterV2 {
    return new DataFrameWriterV2(this as DataFrame, table);
  }

  // ---- streaming ----

  /**
   * Starts a streaming query writing this streaming DataFrame (see {@link DataStreamWriter}).
   *
   * @example
   * ```ts
   * await people.write.mode("overwrite").parquet("/tmp/people");
   * const files = spark.readStream.schema("name STRING, age BIGINT").parquet("/tmp/people");
   * const query = await files.writeStream.format("memory").queryName("seen").start();
   * await query.processAllAvailable();
   * await spark.sql("SELECT * FROM seen ORDER BY name").collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  get writeStream(): DataStreamWriter {
    return new DataStreamWriter(this as DataFrame);
  }

  /**
   * Whether this DataFrame reads a stream (and must be written with `writeStream`).
   *
   * @example
   * ```ts
   * await spark.readStream.format("rate").load().isStreaming; // true
   * await people.isStreaming; // false
   * ```
   */
  get isStreaming(): Promise<boolean> {
    return this.client
      .analyze({ $case: "isStreaming", isStreaming: { plan: this.root } })
      .then((response) => response.result?.$case === "isStreaming" && response.result.isStreaming.isStreaming);
  }

  // ---- actions ----

  /**
   * Jupyter's display protocol: the first rows as a table (HTML and text). Deno's Jupyter kernel
   * and this package's kernel show a DataFrame through it.
   *
   * @example
   * ```ts
   * const displayable = people as unknown as Record<symbol, () => Promise<Record<string, string>>>; // as a kernel looks it up
   * const bundle = await displayable[Symbol.for("Jupyter.display")]();
   * Object.keys(bundle); // ["text/html", "text/plain"]
   * bundle["text/plain"]; // "+----+---+\n|name|age|\n+----+---+\n| Ada| 36|\n|Alan| 41|\n+----+---+"
   * ```
   */
  [Symbol.for("Jupyter.display")](): Promise<TableMimeBundle> {
    return dataFrameBundle(this as DataFrame);
  }

  /**
   * All rows, keyed by column name (a repeated name stays reachable by position: {@link Row}).
   *
   * @example
   * ```ts
   * await people.collect(); // [{ name: "Ada", age: 36n }, { name: "Alan", age: 41n }]
   * ```
   */
  async collect(): Promise<R[]> {
    return this.rowsOf(this) as Promise<R[]>;
  }

  /**
   * The result as an Apache Arrow `Table`, exactly as the server encoded it.
   *
   * @example
   * ```ts
   * const table = await people.toArrow();
   * table.numRows; // 2
   * table.schema.fields.map((f) => `${f.name}: ${f.type}`); // ["name: Utf8", "age: Int64"]
   * ```
   */
  async toArrow(): Promise<Table> {
    return this.tableOf(this);
  }

  /**
   * What the server reported about the last action run on this DataFrame (operators and their
   * metrics, observed metrics); `undefined` before the first one.
   *
   * @example
   * ```ts
   * const df = spark.range(3);
   * df.executionInfo; // undefined
   * await df.collect();
   * df.executionInfo?.metrics.map((m) => m.name); // ["WholeStageCodegen (1)", "Range"]
   * ```
   */
  get executionInfo(): ExecutionInfo | undefined {
    return this.#executionInfo;
  }

  /** Runs `target` (this DataFrame or one derived from it for an action) and keeps its execution info here. */
  private async tableOf(target: DataFrame<object>): Promise<Table> {
    const { table, summary } = await executeToTable(this.client, target.root);
    this.#executionInfo = ExecutionInfo.fromResponses(summary.operationId ?? "", summary.metrics ?? [], summary.observedMetrics ?? []);
    return table;
  }

  private async rowsOf(target: DataFrame<object>): Promise<Row[]> {
    // Filled in place, one array for all batches: faster than joining an array per batch.
    return tableToRows(await this.tableOf(target));
  }

  /**
   * The number of rows.
   *
   * @example
   * ```ts
   * await people.count(); // 2
   * ```
   */
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

  /**
   * The first `n` rows (PySpark's `head(n)`); see {@link DataFrame.first} for one row.
   *
   * @example
   * ```ts
   * await people.head(1); // [{ name: "Ada", age: 36n }]
   * ```
   */
  async head(n: number): Promise<R[]> {
    return this.rowsOf(this.limit(n)) as Promise<R[]>;
  }

  /**
   * The first `n` rows.
   *
   * @example
   * ```ts
   * await spark.range(10).take(2); // [{ id: 0n }, { id: 1n }]
   * ```
   */
  async take(n: number): Promise<R[]> {
    return this.rowsOf(this.limit(n)) as Promise<R[]>;
  }

  /**
   * The last `n` rows (all of them travel to the driver, so keep `n` small).
   *
   * @example
   * ```ts
   * await spark.range(10).tail(2); // [{ id: 8n }, { id: 9n }]
   * ```
   */
  async tail(n: number): Promise<R[]> {
    return this.rowsOf(this.derive(relations.tail(this.plan, checkedCount(n, "tail")))) as Promise<R[]>;
  }

  /**
   * The first row, or `undefined` when there is none.
   *
   * @example
   * ```ts
   * await people.first(); // { name: "Ada", age: 36n }
   * await people.limit(0).first(); // undefined
   * ```
   */
  async first(): Promise<R | undefined> {
    const [row] = await this.rowsOf(this.limit(1));
    return row as R | undefined;
  }

  /**
   * Whether the DataFrame has no rows (computes at most one).
   *
   * @example
   * ```ts
   * await people.filter("age > 50").isEmpty(); // true
   * await people.isEmpty(); // false
   * ```
   */
  async isEmpty(): Promise<boolean> {
    return (await this.limit(1).count()) === 0;
  }

  /**
   * Prints the first `n` rows as Spark's own `showString` formats them.
   *
   * @param truncate `true` cuts strings to 20 characters, a number to that many, `false` not at all.
   * @param vertical one block per row instead of a grid.
   *
   * @example
   * ```ts
   * await people.show();
   * // +----+---+
   * // |name|age|
   * // +----+---+
   * // | Ada| 36|
   * // |Alan| 41|
   * // +----+---+
   * ```
   */
  async show(n = 20, truncate: boolean | number = true, vertical = false): Promise<void> {
    console.log(await this.showString(n, truncate, vertical));
  }

  /**
   * The text {@link DataFrame.show} prints, without its final newline.
   *
   * @example
   * ```ts
   * await people.showString(1, 2); // "+----+---+\n|name|age|\n+----+---+\n|  Ad| 36|\n+----+---+\nonly showing top 1 row"
   * await people.showString(1, true, true); // "-RECORD 0---\n name | Ada \n age  | 36  \nonly showing top 1 row"
   * ```
   */
  async showString(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const width = truncate === true ? 20 : truncate === false ? 0 : checkedCount(truncate, "truncate");
    const shown = this.derive(relations.showString(this.plan, checkedCount(n, "n"), width, vertical));
    const [row] = await this.rowsOf(shown);
    const text = row ? Row.at(row, 0) : undefined;
    if (typeof text !== "string") throw new SparkConnectError("The server sent no text for show().");
    return text.replace(/\n$/, "");
  }

  /**
   * The schema (resolved by the server once, then kept: the plan cannot change).
   *
   * @example
   * ```ts
   * (await people.schema).simpleString(); // "struct<name:string,age:bigint>"
   * (await people.schema).get("age").nullable; // true
   * ```
   */
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

  /**
   * The column names, in order.
   *
   * @example
   * ```ts
   * await people.columns; // ["name", "age"]
   * ```
   */
  get columns(): Promise<string[]> {
    return this.schema.then((schema) => schema.fields.map((field) => field.name));
  }

  /**
   * `[name, type]` pairs, the type as Spark's simple string (`"int"`, `"array<string>"`).
   *
   * @example
   * ```ts
   * await people.dtypes; // [["name", "string"], ["age", "bigint"]]
   * ```
   */
  get dtypes(): Promise<[string, string][]> {
    return this.schema.then(dtypes);
  }

  /**
   * Prints the schema as a tree, as Spark prints it.
   *
   * @example
   * ```ts
   * await people.printSchema();
   * // root
   * //  |-- name: string (nullable = true)
   * //  |-- age: long (nullable = true)
   * ```
   */
  async printSchema(level?: number): Promise<void> {
    const response = await this.client.analyze({ $case: "treeString", treeString: { plan: this.root, level } });
    console.log(response.result?.$case === "treeString" ? response.result.treeString.treeString.replace(/\n$/, "") : "");
  }

  /**
   * Prints the plans Spark made for this DataFrame (`true`: extended; default: the physical plan).
   *
   * @example
   * ```ts
   * await spark.range(0, 3, 1, 1).explain();
   * // == Physical Plan ==
   * // *(1) Range (0, 3, step=1, splits=1)
   * ```
   */
  async explain(mode: boolean | ExplainModeName = false): Promise<void> {
    console.log(await this.explainString(mode));
  }

  /**
   * The text {@link DataFrame.explain} prints.
   *
   * @example
   * ```ts
   * await spark.range(0, 3, 1, 1).explainString(); // "== Physical Plan ==\n*(1) Range (0, 3, step=1, splits=1)\n"
   * ```
   */
  async explainString(mode: boolean | ExplainModeName = false): Promise<string> {
    const name: ExplainModeName = mode === true ? "extended" : mode === false ? "simple" : mode;
    const explainMode = EXPLAIN_MODES[name];
    if (explainMode === undefined) throw new RangeError(`unknown explain mode "${String(mode)}"`);
    const response = await this.client.analyze({ $case: "explain", explain: { plan: this.root, explainMode } });
    return response.result?.$case === "explain" ? response.result.explain.explainString.replace(/\n$/, "") : "";
  }

  /**
   * The rows one at a time, as they arrive: at most one Arrow batch is decoded and held at a time,
   * whatever the size of the result (the server, though, builds all the batches of a partition in
   * its memory before it sends them, so each partition must fit there). Leaving the loop early
   * cancels the rest of the stream. An
   * iterator dropped without finishing is released on the server once it is garbage-collected,
   * and at the latest when the session stops.
   *
   * @example
   * ```ts
   * const ids: unknown[] = [];
   * for await (const row of spark.range(1e6).toLocalIterator()) if (ids.push(row.id) === 3) break;
   * ids; // [0n, 1n, 2n]: the rest of the stream is cancelled
   * ```
   */
  toLocalIterator(): AsyncGenerator<R, void, undefined> {
    const abandon = new AbortController();
    const rows = rowsFromBatches(decodeChunks(arrowChunks(this.client, this.root, {}, { signal: abandon.signal })));
    // The controller must not reach `rows`, or the iterator could never be collected.
    abandonedIterators.register(rows, abandon);
    return rows as AsyncGenerator<R, void, undefined>;
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
