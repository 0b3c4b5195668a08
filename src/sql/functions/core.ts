import { Column, col, columnExpression, expr, lit, type ColumnOrName } from "../column";
import { DataFrame } from "../dataframe";
import { callFunction } from "../plan/expression";

export { col, expr, lit };

/**
 * The column of that name (alias of {@link col}).
 *
 * @example
 * ```ts
 * df.select(F.column("age"));
 * ```
 */
export function column(name: string): Column {
  return col(name);
}

/**
 * The DataFrame marked as small enough to broadcast to every executor in a join.
 *
 * @example
 * ```ts
 * big.join(F.broadcast(small), "id");
 * ```
 */
export function broadcast(df: DataFrame): DataFrame {
  if (!(df instanceof DataFrame)) throw new TypeError("broadcast needs a DataFrame");
  return df.hint("broadcast");
}

/**
 * Calls a SQL function by name, built-in or registered (a catalog-qualified name included).
 *
 * @example
 * ```ts
 * F.call_function("upper", "name"); F.call_function("my_db.my_udf", col("x"));
 * ```
 */
export function call_function(funcName: string, ...cols: ColumnOrName[]): Column {
  return new Column(callFunction(funcName, cols.map(columnExpression)));
}
