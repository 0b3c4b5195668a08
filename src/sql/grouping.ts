import type { Expression } from "../gen/spark/connect/expressions";
import { Aggregate_GroupType as GroupType, type Aggregate_Pivot } from "../gen/spark/connect/relations";
import { Column, columnExpression, lit, type ColumnOrName, type LiteralValue } from "./column";
import { DataFrame } from "./dataframe";
import { call, attribute } from "./plan/expression";
import { aliasExpression } from "./plan/columnNodes";
import { aggregate, aggregatePivot } from "./plan/relations";
import { NumericType } from "./types";

/** How rows are grouped: by the columns, their rollup or cube, or explicit grouping sets. */
export type GroupingKind = "groupBy" | "rollup" | "cube" | "groupingSets";

const GROUP_TYPES: Readonly<Record<GroupingKind, GroupType>> = {
  groupBy: GroupType.GROUP_TYPE_GROUPBY,
  rollup: GroupType.GROUP_TYPE_ROLLUP,
  cube: GroupType.GROUP_TYPE_CUBE,
  groupingSets: GroupType.GROUP_TYPE_GROUPING_SETS,
};

/** An aggregate function named as PySpark's `agg({"col": "fn"})` names them. */
export type AggregateFunctionName =
  | "avg"
  | "mean"
  | "sum"
  | "min"
  | "max"
  | "count"
  | "first"
  | "last"
  | "stddev"
  | "variance"
  | "collect_list"
  | "collect_set"
  | (string & {});

/**
 * A DataFrame's rows in groups, waiting for aggregates (PySpark's `GroupedData`). Made by
 * `df.groupBy`, `rollup`, `cube` and `groupingSets`; `pivot` turns the values of a column into
 * columns. Each aggregation gives a DataFrame with the grouping columns first.
 *
 * In the examples, `spark`, `people`, `F` and `col` are as in {@link Column}'s: `people` holds
 * `{ name: "Ada", age: 36 }` and `{ name: "Alan", age: 41 }`, `age` a LongType column.
 *
 * @example
 * ```ts
 * const byParity = spark.range(6).groupBy(col("id").mod(2).alias("parity"));
 * await byParity.agg(F.sum("id").alias("total")).orderBy("parity").collect(); // [{ parity: 0n, total: 6n }, { parity: 1n, total: 9n }]
 * await people.groupBy().pivot("name", ["Ada", "Alan"]).sum("age").collect(); // [{ Ada: 36n, Alan: 41n }]
 * await people.rollup("name").count().orderBy("name").collect();
 * // [{ name: null, count: 2n }, { name: "Ada", count: 1n }, { name: "Alan", count: 1n }]
 * ```
 */
export class GroupedData {
  /** @internal Use `df.groupBy(...)` and its siblings. */
  constructor(
    private readonly df: DataFrame,
    private readonly kind: GroupingKind,
    private readonly groupingExpressions: readonly Expression[],
    private readonly groupingSets: readonly (readonly Expression[])[] = [],
    private readonly pivotSpec?: Aggregate_Pivot,
  ) {}

  /**
   * The aggregates of each group: Columns of aggregate functions (`F.sum("x")`, ...), or a record
   * of column name to function name, as PySpark's `agg({"x": "max"})`.
   *
   * @example
   * ```ts
   * const byParity = spark.range(6).groupBy(col("id").mod(2).alias("parity"));
   * await byParity.agg(F.sum("id").alias("total"), F.max("id").alias("top")).orderBy("parity").collect();
   * // [{ parity: 0n, total: 6n, top: 4n }, { parity: 1n, total: 9n, top: 5n }]
   * await people.groupBy().agg({ age: "max", name: "min" }).collect(); // [{ "max(age)": 41n, "min(name)": "Ada" }]
   * ```
   */
  agg(...exprs: Column[]): DataFrame;
  agg(exprs: Readonly<Record<string, AggregateFunctionName>>): DataFrame;
  agg(...args: (Column | Readonly<Record<string, AggregateFunctionName>>)[]): DataFrame {
    const [first] = args;
    if (args.length === 1 && first !== undefined && !(first instanceof Column)) {
      return this.aggregate(Object.entries(first).map(([name, fn]) => call(fn, [name === "*" ? columnExpression("*") : attribute(name)])));
    }
    if (args.length === 0) throw new TypeError("agg needs at least one aggregate expression");
    return this.aggregate(
      args.map((arg) => {
        if (!(arg instanceof Column)) throw new TypeError("agg takes Columns, or one record of column name to function name");
        return arg.expr;
      }),
    );
  }

  /**
   * The number of rows in each group, in a column `count`.
   *
   * @example
   * ```ts
   * await spark.range(5).groupBy(col("id").mod(2).alias("parity")).count().orderBy("parity").collect();
   * // [{ parity: 0n, count: 3n }, { parity: 1n, count: 2n }]
   * ```
   */
  count(): DataFrame {
    return this.aggregate([aliasExpression(call("count", [lit(1).expr]), ["count"])]);
  }

  /**
   * The sum of the given numeric columns per group; without names, of every numeric column (the server is asked which).
   *
   * @example
   * ```ts
   * await people.groupBy().sum("age").collect(); // [{ "sum(age)": 77n }]
   * const parities = spark.range(6).withColumn("parity", col("id").mod(2));
   * await (await parities.groupBy("parity").sum()).orderBy("parity").collect();
   * // [{ parity: 0n, "sum(id)": 6n }, { parity: 1n, "sum(id)": 9n }]
   * ```
   */
  sum(): Promise<DataFrame>;
  sum(...cols: [string, ...string[]]): DataFrame;
  sum(...cols: string[]): DataFrame | Promise<DataFrame> {
    return this.numeric("sum", cols);
  }

  /**
   * The average of the given numeric columns per group; without names, of every numeric column.
   *
   * @example
   * ```ts
   * await people.groupBy().avg("age").collect(); // [{ "avg(age)": 38.5 }]
   * await (await people.groupBy("name").avg()).orderBy("name").collect();
   * // [{ name: "Ada", "avg(age)": 36 }, { name: "Alan", "avg(age)": 41 }]
   * ```
   */
  avg(): Promise<DataFrame>;
  avg(...cols: [string, ...string[]]): DataFrame;
  avg(...cols: string[]): DataFrame | Promise<DataFrame> {
    return this.numeric("avg", cols);
  }

  /**
   * Alias of {@link GroupedData.avg}.
   *
   * @example
   * ```ts
   * await people.groupBy().mean("age").collect(); // [{ "avg(age)": 38.5 }]
   * await (await people.groupBy().mean()).collect(); // [{ "avg(age)": 38.5 }]
   * ```
   */
  mean(): Promise<DataFrame>;
  mean(...cols: [string, ...string[]]): DataFrame;
  mean(...cols: string[]): DataFrame | Promise<DataFrame> {
    return this.numeric("avg", cols);
  }

  /**
   * The minimum of the given numeric columns per group; without names, of every numeric column.
   *
   * @example
   * ```ts
   * await people.groupBy().min("age").collect(); // [{ "min(age)": 36n }]
   * await (await people.groupBy().min()).collect(); // [{ "min(age)": 36n }]
   * ```
   */
  min(): Promise<DataFrame>;
  min(...cols: [string, ...string[]]): DataFrame;
  min(...cols: string[]): DataFrame | Promise<DataFrame> {
    return this.numeric("min", cols);
  }

  /**
   * The maximum of the given numeric columns per group; without names, of every numeric column.
   *
   * @example
   * ```ts
   * await people.groupBy().max("age").collect(); // [{ "max(age)": 41n }]
   * await (await spark.range(6).groupBy(col("id").mod(2).alias("parity")).max()).orderBy("parity").collect();
   * // [{ parity: 0n, "max(id)": 4n }, { parity: 1n, "max(id)": 5n }]
   * ```
   */
  max(): Promise<DataFrame>;
  max(...cols: [string, ...string[]]): DataFrame;
  max(...cols: string[]): DataFrame | Promise<DataFrame> {
    return this.numeric("max", cols);
  }

  /**
   * Turns the values of `pivotCol` into columns, one per value, each holding the aggregate of the
   * rows with that value. Listing `values` saves a pass over the data to find them and fixes the
   * columns' order.
   *
   * @example
   * ```ts
   * await people.groupBy().pivot("name", ["Ada", "Alan"]).sum("age").collect(); // [{ Ada: 36n, Alan: 41n }]
   * await people.groupBy(col("age").gt(40).alias("senior")).pivot("name").count().orderBy("senior").collect();
   * // [{ senior: false, Ada: 1n, Alan: null }, { senior: true, Ada: null, Alan: 1n }]
   * ```
   */
  pivot(pivotCol: ColumnOrName, values?: readonly LiteralValue[]): GroupedData {
    if (this.kind !== "groupBy" || this.pivotSpec) throw new TypeError("pivot follows a groupBy, once");
    const pivot = aggregatePivot(columnExpression(pivotCol), values ?? []);
    return new GroupedData(this.df, this.kind, this.groupingExpressions, this.groupingSets, pivot);
  }

  private numeric(fn: string, cols: readonly string[]): DataFrame | Promise<DataFrame> {
    if (cols.length > 0) return this.aggregate(cols.map((name) => call(fn, [attribute(name)])));
    return this.df.schema.then((schema) => {
      const grouped = new Set(this.groupingExpressions.map(groupingName));
      const numeric = schema.fields.filter((f) => f.dataType instanceof NumericType && !grouped.has(f.name)).map((f) => f.name);
      return this.aggregate(numeric.map((name) => call(fn, [attribute(name)])));
    });
  }

  private aggregate(aggregateExpressions: readonly Expression[]): DataFrame {
    const groupType = this.pivotSpec ? GroupType.GROUP_TYPE_PIVOT : GROUP_TYPES[this.kind];
    return new DataFrame(
      this.df.sparkSession,
      aggregate(this.df.plan, {
        groupType,
        groupingExpressions: this.groupingExpressions,
        aggregateExpressions,
        ...(this.pivotSpec ? { pivot: this.pivotSpec } : {}),
        groupingSets: this.groupingSets,
      }),
    );
  }
}

/** The column name a grouping expression stands for, when it is a plain column. */
function groupingName(e: Expression): string | undefined {
  return e.exprType?.$case === "unresolvedAttribute" ? e.exprType.unresolvedAttribute.unparsedIdentifier : undefined;
}
