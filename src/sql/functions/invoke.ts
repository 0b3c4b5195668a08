import type { Expression } from "../../gen/spark/connect/expressions";
import { Column, columnExpression, lit, type ColumnOrLiteral, type ColumnOrName } from "../column";
import { call } from "../plan/expression";
import { randomSeed as randomSeedValue } from "../validation";

/**
 * The one way the `functions` module calls Spark: the function `name` with these arguments, a
 * string being a column name (PySpark's `ColumnOrName`). The server resolves the name, so a
 * wrapper is one line; use {@link lit} where PySpark passes a Python value as a literal.
 *
 * @example
 * ```ts
 * invoke("upper", "name");              // upper(name)
 * invoke("lpad", "s", lit(5), lit("*")); // lpad(s, 5, '*')
 * ```
 */
export function invoke(name: string, ...args: readonly ColumnOrName[]): Column {
  return new Column(call(name, args.map(columnExpression)));
}

/** Like {@link invoke}, with `DISTINCT` (as `count(DISTINCT x)`). */
export function invokeDistinct(name: string, ...args: readonly ColumnOrName[]): Column {
  return new Column(call(name, args.map(columnExpression), true));
}

/** Calls `name` with raw expressions (lambda functions among them). */
export function invokeExpressions(name: string, args: readonly Expression[]): Column {
  return new Column(call(name, args));
}

/** `[x]`, or nothing when `x` is absent: an optional trailing argument that is left out, not sent as null. */
export function opt<T>(x: T | undefined | null): T[] {
  return x === undefined || x === null ? [] : [x];
}

/** `[lit(x)]`, or nothing when `x` is absent. */
export function optLit(x: ColumnOrLiteral | undefined): Column[] {
  return x === undefined ? [] : [lit(x)];
}

/** A number as a literal, a string as a column name (PySpark's `Union[ColumnOrName, int]`). */
export function litIfNumber(x: ColumnOrName | number): ColumnOrName {
  return typeof x === "number" ? lit(x) : x;
}

/** A Column as it is, any other value (a string included) as a literal. */
export function litOrColumn(x: ColumnOrLiteral): Column {
  return lit(x);
}

/** Data source options of the CSV, JSON and XML functions (`{ sep: ";" }`), sent as strings. */
export type FormatOptions = Readonly<Record<string, string | number | boolean>>;

/** The options as the trailing `map<string,string>` argument the CSV/JSON/XML functions take, or nothing. */
export function withOptions(options: FormatOptions | undefined): Column[] {
  if (options === undefined) return [];
  return [invoke("map", ...Object.entries(options).flatMap(([key, value]) => [lit(key), lit(String(value))]))];
}

/** A random seed, as PySpark sends when none is given: the server would otherwise pick one per call too. */
export function randomSeed(): Column {
  return lit(randomSeedValue());
}

/** `cols`, or the elements of `cols[0]` when it is the one argument and an array (PySpark accepts both). */
export function spreadOrList<T>(cols: readonly (T | readonly T[])[]): T[] {
  return cols.length === 1 && Array.isArray(cols[0]) ? [...(cols[0] as readonly T[])] : (cols as T[]);
}
