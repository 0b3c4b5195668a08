import { expect } from "chai";
import { describe, it } from "mocha";
import type { Expression_Window } from "../../../src/gen/spark/connect/expressions";
import { col } from "../../../src/sql/column";
import * as F from "../../../src/sql/functions";
import { Window, type WindowSpec } from "../../../src/sql/window";

function windowOf(spec: WindowSpec): Expression_Window {
  const e = F.rank().over(spec).expr.exprType;
  if (e?.$case !== "window") throw new Error("not a window expression");
  return e.window;
}

describe("Window specifications", () => {
  it("partition by names or Columns and order ascending unless told otherwise", () => {
    const w = windowOf(Window.partitionBy("a", col("b")).orderBy("c", col("d").desc()));
    expect(w.partitionSpec).to.deep.equal([col("a").expr, col("b").expr]);
    expect(w.orderSpec.map((o) => [o.direction, o.nullOrdering])).to.deep.equal([
      [1, 1],
      [2, 2],
    ]);
    expect(w.windowFunction).to.deep.equal(F.rank().expr);
    expect(w.frameSpec).to.equal(undefined);
  });

  it("accept one array of columns as PySpark does", () => {
    expect(windowOf(Window.partitionBy(["a", "b"])).partitionSpec).to.have.length(2);
  });

  it("are immutable: each method returns a new spec", () => {
    const base = Window.partitionBy("a");
    const ordered = base.orderBy("b");
    expect(windowOf(base).orderSpec).to.have.length(0);
    expect(windowOf(ordered).orderSpec).to.have.length(1);
    expect(Object.isFrozen(base)).to.equal(true);
  });

  it("send row frames as int offsets and unbounded or current-row markers", () => {
    const w = windowOf(Window.orderBy("t").rowsBetween(Window.unboundedPreceding, Window.currentRow));
    expect(w.frameSpec).to.deep.equal({
      frameType: 1,
      lower: { boundary: { $case: "unbounded", unbounded: true } },
      upper: { boundary: { $case: "currentRow", currentRow: true } },
    });
    const sliding = windowOf(Window.orderBy("t").rowsBetween(-2, 3)).frameSpec;
    expect(sliding?.lower?.boundary).to.deep.equal({
      $case: "value",
      value: { exprType: { $case: "literal", literal: { literalType: { $case: "integer", integer: -2 } } } },
    });
    expect(sliding?.upper?.boundary).to.have.nested.property("value.exprType.literal.literalType.integer", 3);
    expect(windowOf(Window.rowsBetween(-Infinity, Infinity)).frameSpec?.upper?.boundary).to.deep.equal({
      $case: "unbounded",
      unbounded: true,
    });
    expect(() => Window.rowsBetween(-(2 ** 40), 0)).to.throw(RangeError);
    expect(() => Window.rowsBetween(0.5, 1)).to.throw(RangeError);
  });

  it("send range frames as bigint offsets", () => {
    const w = windowOf(Window.orderBy("t").rangeBetween(-(2 ** 40), Window.unboundedFollowing));
    expect(w.frameSpec?.frameType).to.equal(2);
    expect(w.frameSpec?.lower?.boundary).to.have.nested.property("value.exprType.literal.literalType.long", -(2n ** 40n));
    expect(w.frameSpec?.upper?.boundary).to.deep.equal({ $case: "unbounded", unbounded: true });
  });
});
