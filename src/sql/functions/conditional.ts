import { Column, type ColumnOrLiteral, type ColumnOrName } from "../column";
import { call } from "../plan/expression";
import { invoke } from "./invoke";
import { toExpression } from "../column";

/** The first non-null value of the columns. @example F.coalesce("a", "b", F.lit(0)) */
export function coalesce(...cols: ColumnOrName[]): Column {
  return invoke("coalesce", ...cols);
}
/** `col2` where `col1` is null, else `col1`. @example F.ifnull("a", "b") */
export function ifnull(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("ifnull", col1, col2);
}
/** `col2` where `col1` is NaN, else `col1`. @example F.nanvl("a", "b") */
export function nanvl(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("nanvl", col1, col2);
}
/** Null where `col1 = col2`, else `col1`. @example F.nullif("a", "b") */
export function nullif(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("nullif", col1, col2);
}
/** Null where the value is 0, else the value. @example F.nullifzero("a") */
export function nullifzero(col: ColumnOrName): Column {
  return invoke("nullifzero", col);
}
/** `col2` where `col1` is null, else `col1`. @example F.nvl("a", "b") */
export function nvl(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("nvl", col1, col2);
}
/** `col2` where `col1` is not null, else `col3`. @example F.nvl2("a", "b", "c") */
export function nvl2(col1: ColumnOrName, col2: ColumnOrName, col3: ColumnOrName): Column {
  return invoke("nvl2", col1, col2, col3);
}
/** 0 where the value is null, else the value. @example F.zeroifnull("a") */
export function zeroifnull(col: ColumnOrName): Column {
  return invoke("zeroifnull", col);
}

/**
 * The start of a CASE WHEN: `value` where `condition` holds; chain `.when(...)` and `.otherwise(...)`.
 *
 * @example
 * ```ts
 * F.when(col("age").lt(18), "minor").otherwise("adult");
 * ```
 */
export function when(condition: Column, value: ColumnOrLiteral): Column {
  if (!(condition instanceof Column)) throw new TypeError("when() needs a Column condition");
  return new Column(call("when", [condition.expr, toExpression(value)]));
}
