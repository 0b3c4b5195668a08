import type {
  Expression,
  Expression_SortOrder,
  Expression_Window_WindowFrame,
  Expression_Window_WindowFrame_FrameBoundary as FrameBoundary,
} from "../gen/spark/connect/expressions";
import { columnExpression, type ColumnOrName } from "./column";
import { sortOrderNode } from "./plan/columnNodes";
import { currentRowBoundary, offsetBoundary, unboundedBoundary, windowExpression, windowFrame, type FrameKind } from "./plan/windowNodes";
import { checkedWholeNumber } from "./validation";

/** A frame bound: a row or value offset (negative is before the current row), or a {@link Window} constant. */
export type FrameBound = number | bigint;

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;

/**
 * A window: how rows are partitioned, ordered, and which rows around the current one (the frame)
 * a window function sees. Immutable: each method returns a new spec. Start from {@link Window}.
 *
 * In the examples, `spark`, `people`, `F`, `col` and `lit` are as in {@link Column}'s: `people`
 * holds `{ name: "Ada", age: 36 }` and `{ name: "Alan", age: 41 }`, `age` a LongType column.
 *
 * @example
 * ```ts
 * const w = Window.orderBy("id").rowsBetween(-1, Window.currentRow);
 * await spark.range(4).select(col("id"), F.sum("id").over(w).alias("lastTwo")).orderBy("id").collect();
 * // [{ id: 0n, lastTwo: 0n }, { id: 1n, lastTwo: 1n }, { id: 2n, lastTwo: 3n }, { id: 3n, lastTwo: 5n }]
 * ```
 */
export class WindowSpec {
  /** @internal Use {@link Window}. */
  constructor(
    private readonly partitionSpec: readonly Expression[] = [],
    private readonly orderSpec: readonly Expression_SortOrder[] = [],
    private readonly frameSpec?: Expression_Window_WindowFrame,
  ) {
    Object.freeze(this);
  }

  /**
   * The same window, partitioned by these columns (names, Columns, or one array of them).
   *
   * @example
   * ```ts
   * const w = Window.orderBy("id").partitionBy(col("id").mod(2));
   * F.sum("id").over(w);
   * // sum(id) OVER (PARTITION BY (id % 2) ORDER BY id ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
   * await spark.range(4).select(col("id"), F.sum("id").over(w).alias("running")).orderBy("id").collect();
   * // [{ id: 0n, running: 0n }, { id: 1n, running: 1n }, { id: 2n, running: 2n }, { id: 3n, running: 4n }]
   * ```
   */
  partitionBy(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): WindowSpec {
    return new WindowSpec(flatten(cols).map(columnExpression), this.orderSpec, this.frameSpec);
  }

  /**
   * The same window, ordered by these columns; a plain column sorts ascending, `col("x").desc()` descending.
   *
   * @example
   * ```ts
   * const w = Window.partitionBy(col("id").mod(2)).orderBy(col("id").desc());
   * await spark.range(4).select(col("id"), F.row_number().over(w).alias("n")).orderBy("id").collect();
   * // [{ id: 0n, n: 2 }, { id: 1n, n: 2 }, { id: 2n, n: 1 }, { id: 3n, n: 1 }]
   * ```
   */
  orderBy(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): WindowSpec {
    return new WindowSpec(
      this.partitionSpec,
      flatten(cols).map((c) => sortOrderNode(columnExpression(c))),
      this.frameSpec,
    );
  }

  /**
   * The same window, its frame the rows from `start` to `end` rows away from the current one
   * (`Window.unboundedPreceding`, `Window.currentRow` and `Window.unboundedFollowing` included).
   *
   * @example
   * ```ts
   * const near = F.sum("id").over(Window.orderBy("id").rowsBetween(-1, 1));
   * // sum(id) OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
   * await spark.range(4).select(col("id"), near.alias("near")).orderBy("id").collect();
   * // [{ id: 0n, near: 1n }, { id: 1n, near: 3n }, { id: 2n, near: 6n }, { id: 3n, near: 5n }]
   * ```
   */
  rowsBetween(start: FrameBound, end: FrameBound): WindowSpec {
    return new WindowSpec(this.partitionSpec, this.orderSpec, frame("rows", start, end));
  }

  /**
   * The same window, its frame the rows whose ordering value is within `start` to `end` of the current row's.
   *
   * @example
   * ```ts
   * const w = Window.orderBy("age").rangeBetween(-5, Window.currentRow);
   * F.count(lit(1)).over(w); // count(1) OVER (ORDER BY age ASC NULLS FIRST RANGE BETWEEN 5 PRECEDING AND CURRENT ROW)
   * await people.select(col("name"), F.count(lit(1)).over(w).alias("within5")).orderBy("name").collect();
   * // [{ name: "Ada", within5: 1n }, { name: "Alan", within5: 2n }]
   * ```
   */
  rangeBetween(start: FrameBound, end: FrameBound): WindowSpec {
    return new WindowSpec(this.partitionSpec, this.orderSpec, frame("range", start, end));
  }

  /** @internal The window expression of `windowFunction` over this window. */
  windowExpression(windowFunction: Expression): Expression {
    return windowExpression(windowFunction, this.partitionSpec, this.orderSpec, this.frameSpec);
  }
}

/**
 * Builds {@link WindowSpec}s, as PySpark's `Window`.
 *
 * @example
 * ```ts
 * const runningTotal = F.sum("id").over(Window.orderBy("id").rowsBetween(Window.unboundedPreceding, Window.currentRow));
 * await spark.range(4).select(col("id"), runningTotal.alias("total")).orderBy("id").collect();
 * // [{ id: 0n, total: 0n }, { id: 1n, total: 1n }, { id: 2n, total: 3n }, { id: 3n, total: 6n }]
 * ```
 */
export class Window {
  private constructor() {}

  /**
   * The frame reaches the first row of the partition (Spark's `Long.MinValue`).
   *
   * @example
   * ```ts
   * Window.unboundedPreceding; // -9223372036854775808n
   * F.sum("id").over(Window.orderBy("id").rowsBetween(Window.unboundedPreceding, 0));
   * // sum(id) OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
   * ```
   */
  static readonly unboundedPreceding: bigint = LONG_MIN;
  /**
   * The frame reaches the last row of the partition (Spark's `Long.MaxValue`).
   *
   * @example
   * ```ts
   * Window.unboundedFollowing; // 9223372036854775807n
   * F.sum("id").over(Window.orderBy("id").rowsBetween(0, Window.unboundedFollowing));
   * // sum(id) OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
   * ```
   */
  static readonly unboundedFollowing: bigint = LONG_MAX;
  /**
   * The current row.
   *
   * @example
   * ```ts
   * Window.currentRow; // 0
   * F.sum("id").over(Window.orderBy("id").rowsBetween(-2, Window.currentRow));
   * // sum(id) OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
   * ```
   */
  static readonly currentRow: number = 0;

  /**
   * A window partitioned by these columns.
   *
   * @example
   * ```ts
   * const total = F.sum("id").over(Window.partitionBy(col("id").mod(2)));
   * // sum(id) OVER (PARTITION BY (id % 2) ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
   * await spark.range(4).select(col("id"), total.alias("total")).orderBy("id").collect();
   * // [{ id: 0n, total: 2n }, { id: 1n, total: 4n }, { id: 2n, total: 2n }, { id: 3n, total: 4n }]
   * ```
   */
  static partitionBy(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): WindowSpec {
    return new WindowSpec().partitionBy(...cols);
  }

  /**
   * A window ordered by these columns.
   *
   * @example
   * ```ts
   * F.rank().over(Window.orderBy(col("age").desc()));
   * // RANK() OVER (ORDER BY age DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
   * await people.select(col("name"), F.rank().over(Window.orderBy(col("age").desc())).alias("rank")).orderBy("rank").collect();
   * // [{ name: "Alan", rank: 1 }, { name: "Ada", rank: 2 }]
   * ```
   */
  static orderBy(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): WindowSpec {
    return new WindowSpec().orderBy(...cols);
  }

  /**
   * A window over the whole input with a row frame.
   *
   * @example
   * ```ts
   * const total = F.sum("age").over(Window.rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing));
   * // sum(age) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
   * await people.select(col("name"), total.alias("total")).orderBy("name").collect();
   * // [{ name: "Ada", total: 77n }, { name: "Alan", total: 77n }]
   * ```
   */
  static rowsBetween(start: FrameBound, end: FrameBound): WindowSpec {
    return new WindowSpec().rowsBetween(start, end);
  }

  /**
   * A window over the whole input with a range frame.
   *
   * @example
   * ```ts
   * const oldest = F.max("age").over(Window.rangeBetween(Window.unboundedPreceding, Window.unboundedFollowing));
   * // max(age) OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
   * await people.select(col("name"), oldest.alias("oldest")).orderBy("name").collect();
   * // [{ name: "Ada", oldest: 41n }, { name: "Alan", oldest: 41n }]
   * ```
   */
  static rangeBetween(start: FrameBound, end: FrameBound): WindowSpec {
    return new WindowSpec().rangeBetween(start, end);
  }
}

function flatten(cols: ColumnOrName[] | [readonly ColumnOrName[]]): readonly ColumnOrName[] {
  return cols.length === 1 && Array.isArray(cols[0]) ? (cols[0] as readonly ColumnOrName[]) : (cols as ColumnOrName[]);
}

function frame(kind: FrameKind, start: FrameBound, end: FrameBound): Expression_Window_WindowFrame {
  return windowFrame(kind, boundary(start, kind, "start"), boundary(end, kind, "end"));
}

// As in PySpark, an offset at or beyond ±(2^63 - 1) (or ±Infinity) means unbounded.
function boundary(bound: FrameBound, kind: FrameKind, which: "start" | "end"): FrameBoundary {
  const offset = wholeOffset(bound, which);
  if (offset === 0n) return currentRowBoundary();
  if (which === "start" ? offset <= -LONG_MAX : offset >= LONG_MAX) return unboundedBoundary();
  if (offset < LONG_MIN || offset > LONG_MAX) throw new RangeError(`window frame ${which} ${bound} is beyond 64 bits`);
  if (kind === "rows" && (offset < INT_MIN || offset > INT_MAX)) {
    throw new RangeError(`a row frame ${which} must be from ${INT_MIN} to ${INT_MAX} or unbounded, got ${bound}`);
  }
  return offsetBoundary(offset, kind);
}

function wholeOffset(bound: FrameBound, which: string): bigint {
  if (typeof bound === "bigint") return bound;
  if (bound === Infinity) return LONG_MAX;
  if (bound === -Infinity) return LONG_MIN;
  return BigInt(checkedWholeNumber(bound, `window frame ${which}`));
}
