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
 * @example
 * ```ts
 * const w = Window.partitionBy("dept").orderBy("day").rowsBetween(-6, Window.currentRow);
 * df.select(F.avg("sales").over(w).alias("week_avg"));
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

  /** The same window, partitioned by these columns (names, Columns, or one array of them). */
  partitionBy(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): WindowSpec {
    return new WindowSpec(flatten(cols).map(columnExpression), this.orderSpec, this.frameSpec);
  }

  /** The same window, ordered by these columns; a plain column sorts ascending, `col("x").desc()` descending. */
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
   */
  rowsBetween(start: FrameBound, end: FrameBound): WindowSpec {
    return new WindowSpec(this.partitionSpec, this.orderSpec, frame("rows", start, end));
  }

  /** The same window, its frame the rows whose ordering value is within `start` to `end` of the current row's. */
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
 * F.sum("x").over(Window.orderBy("t").rowsBetween(Window.unboundedPreceding, Window.currentRow)); // running total
 * ```
 */
export class Window {
  private constructor() {}

  /** The frame reaches the first row of the partition (Spark's `Long.MinValue`). */
  static readonly unboundedPreceding: bigint = LONG_MIN;
  /** The frame reaches the last row of the partition (Spark's `Long.MaxValue`). */
  static readonly unboundedFollowing: bigint = LONG_MAX;
  /** The current row. */
  static readonly currentRow: number = 0;

  /** A window partitioned by these columns. */
  static partitionBy(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): WindowSpec {
    return new WindowSpec().partitionBy(...cols);
  }

  /** A window ordered by these columns. */
  static orderBy(...cols: ColumnOrName[] | [readonly ColumnOrName[]]): WindowSpec {
    return new WindowSpec().orderBy(...cols);
  }

  /** A window over the whole input with a row frame. */
  static rowsBetween(start: FrameBound, end: FrameBound): WindowSpec {
    return new WindowSpec().rowsBetween(start, end);
  }

  /** A window over the whole input with a range frame. */
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
