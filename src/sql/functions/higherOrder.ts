import { columnExpression, type Column, type ColumnOrName } from "../column";
import { invokeExpressions } from "./invoke";
import { lambdaFunction, type LambdaBody } from "./lambda";

type Lambda = readonly [LambdaBody | undefined, (1 | 2 | 3)?];

// Each lambda with the number of variables Spark passes it (none: as many as the JS function declares).
const higherOrder = (name: string, cols: readonly ColumnOrName[], fns: readonly Lambda[]): Column =>
  invokeExpressions(name, [
    ...cols.map(columnExpression),
    ...fns.filter((fn) => fn[0] !== undefined).map(([f, arity]) => lambdaFunction(f as LambdaBody, arity)),
  ]);

/**
 * Folds an array into one value: `merge(acc, x)` from `initialValue`, then `finish(acc)`.
 *
 * @example
 * ```ts
 * F.aggregate("xs", F.lit(0), (acc, x) => acc.plus(x)); // the sum of xs
 * ```
 */
export function aggregate(
  col: ColumnOrName,
  initialValue: ColumnOrName,
  merge: (acc: Column, x: Column) => Column,
  finish?: (acc: Column) => Column,
): Column {
  return higherOrder(
    "aggregate",
    [col, initialValue],
    [
      [merge, 2],
      [finish, 1],
    ],
  );
}
/** Alias of {@link aggregate}. @example F.reduce("xs", F.lit(0), (acc, x) => acc.plus(x)) */
export function reduce(
  col: ColumnOrName,
  initialValue: ColumnOrName,
  merge: (acc: Column, x: Column) => Column,
  finish?: (acc: Column) => Column,
): Column {
  return higherOrder(
    "reduce",
    [col, initialValue],
    [
      [merge, 2],
      [finish, 1],
    ],
  );
}
/** The array sorted ascending (nulls last), or by `comparator(a, b)` returning a negative, 0 or positive int. @example F.array_sort("xs", (a, b) => b.minus(a)) */
export function array_sort(col: ColumnOrName, comparator?: (a: Column, b: Column) => Column): Column {
  return higherOrder("array_sort", [col], [[comparator, 2]]);
}
/** Whether `f` holds for some element. @example F.exists("xs", (x) => x.gt(0)) */
export function exists(col: ColumnOrName, f: (x: Column) => Column): Column {
  return higherOrder("exists", [col], [[f, 1]]);
}
/** The elements for which `f(x)` (or `f(x, index)`) holds. @example F.filter("xs", (x) => x.gt(0)) */
export function filter(col: ColumnOrName, f: (x: Column, i: Column) => Column): Column {
  return higherOrder("filter", [col], [[f]]);
}
/** Whether `f` holds for every element. @example F.forall("xs", (x) => x.gt(0)) */
export function forall(col: ColumnOrName, f: (x: Column) => Column): Column {
  return higherOrder("forall", [col], [[f, 1]]);
}
/** The map entries for which `f(key, value)` holds. @example F.map_filter("m", (k, v) => v.gt(0)) */
export function map_filter(col: ColumnOrName, f: (key: Column, value: Column) => Column): Column {
  return higherOrder("map_filter", [col], [[f, 2]]);
}
/** Two maps merged key by key with `f(key, value1, value2)`. @example F.map_zip_with("a", "b", (k, v1, v2) => v1.plus(v2)) */
export function map_zip_with(col1: ColumnOrName, col2: ColumnOrName, f: (key: Column, value1: Column, value2: Column) => Column): Column {
  return higherOrder("map_zip_with", [col1, col2], [[f, 3]]);
}
/** Each element replaced by `f(x)` (or `f(x, index)`). @example F.transform("xs", (x) => x.multiply(2)) */
export function transform(col: ColumnOrName, f: (x: Column, i: Column) => Column): Column {
  return higherOrder("transform", [col], [[f]]);
}
/** Each map key replaced by `f(key, value)`. @example F.transform_keys("m", (k, v) => F.upper(k)) */
export function transform_keys(col: ColumnOrName, f: (key: Column, value: Column) => Column): Column {
  return higherOrder("transform_keys", [col], [[f, 2]]);
}
/** Each map value replaced by `f(key, value)`. @example F.transform_values("m", (k, v) => v.plus(1)) */
export function transform_values(col: ColumnOrName, f: (key: Column, value: Column) => Column): Column {
  return higherOrder("transform_values", [col], [[f, 2]]);
}
/** Two arrays merged element by element with `f(x, y)` (nulls pad the shorter). @example F.zip_with("a", "b", (x, y) => x.plus(y)) */
export function zip_with(left: ColumnOrName, right: ColumnOrName, f: (x: Column, y: Column) => Column): Column {
  return higherOrder("zip_with", [left, right], [[f, 2]]);
}
