import {
  Expression_Window_WindowFrame_FrameType as FrameType,
  type Expression,
  type Expression_SortOrder,
  type Expression_Window_WindowFrame as WindowFrame,
  type Expression_Window_WindowFrame_FrameBoundary as FrameBoundary,
} from "../../gen/spark/connect/expressions";
import { expression } from "./expression";
import { deepFreeze } from "./freeze";

/** Whether a frame counts rows around the current one, or ordering values within a distance of its own. */
export type FrameKind = "rows" | "range";

/**
 * A window frame from `lower` to `upper` (see {@link currentRowBoundary}, {@link unboundedBoundary},
 * {@link offsetBoundary}).
 *
 * @example
 * ```ts
 * windowFrame("rows", offsetBoundary(-6n, "rows"), currentRowBoundary()); // the last 7 rows
 * ```
 */
export function windowFrame(kind: FrameKind, lower: FrameBoundary, upper: FrameBoundary): WindowFrame {
  const frameType = kind === "rows" ? FrameType.FRAME_TYPE_ROW : FrameType.FRAME_TYPE_RANGE;
  return deepFreeze({ frameType, lower, upper });
}

/**
 * The current row as a frame's bound.
 *
 * @example
 * ```ts
 * currentRowBoundary(); // { boundary: { $case: "currentRow", currentRow: true } }
 * ```
 */
export function currentRowBoundary(): FrameBoundary {
  return { boundary: { $case: "currentRow", currentRow: true } };
}

/**
 * The partition's first row (as a lower bound) or last row (as an upper bound).
 *
 * @example
 * ```ts
 * windowFrame("rows", unboundedBoundary(), currentRowBoundary()); // a running total's frame
 * ```
 */
export function unboundedBoundary(): FrameBoundary {
  return { boundary: { $case: "unbounded", unbounded: true } };
}

/**
 * A bound `offset` away from the current row (negative is before it): a row count, which Spark
 * takes as an `int`, or a distance of ordering values, a `bigint`. The caller checks the range.
 *
 * @example
 * ```ts
 * offsetBoundary(-3n, "rows");    // 3 PRECEDING, as an int literal
 * offsetBoundary(3600n, "range"); // a distance of 3600, as a bigint literal
 * ```
 */
export function offsetBoundary(offset: bigint, kind: FrameKind): FrameBoundary {
  const value = expression({
    $case: "literal",
    literal: { literalType: kind === "rows" ? { $case: "integer", integer: Number(offset) } : { $case: "long", long: offset } },
  });
  return { boundary: { $case: "value", value } };
}

/**
 * `windowFunction` over a window: partitioned by `partitionSpec`, ordered by `orderSpec`, within
 * a frame (Spark's default frame without one).
 *
 * @example
 * ```ts
 * windowExpression(call("rank", []), [attribute("dept")], [sortOrderNode(attribute("salary"))]);
 * ```
 */
export function windowExpression(
  windowFunction: Expression,
  partitionSpec: readonly Expression[],
  orderSpec: readonly Expression_SortOrder[],
  frameSpec?: WindowFrame,
): Expression {
  return expression({
    $case: "window",
    window: {
      windowFunction,
      partitionSpec: [...partitionSpec],
      orderSpec: [...orderSpec],
      ...(frameSpec ? { frameSpec } : {}),
    },
  });
}
