import type { Expression } from "../../gen/spark/connect/expressions";
import { deepFreeze } from "./freeze";

/** The kinds of expression a plan can hold: the cases of the protocol's `Expression.expr_type`. */
export type ExpressionType = NonNullable<Expression["exprType"]>;

/** Makes a frozen expression node. */
export function expression(exprType: ExpressionType): Expression {
  return deepFreeze({ exprType });
}

/**
 * A column reference by name, resolved by the server. With a plan id it means that DataFrame's
 * column (PySpark's `df["x"]`), which is what lets a DataFrame be joined with itself.
 */
export function attribute(name: string, planId?: bigint): Expression {
  return expression({
    $case: "unresolvedAttribute",
    unresolvedAttribute: planId === undefined ? { unparsedIdentifier: name } : { unparsedIdentifier: name, planId },
  });
}

/** A call of a Spark function by name; the server resolves the name (`"+"`, `"upper"`, `"sum"`). */
export function call(functionName: string, args: readonly Expression[], isDistinct = false): Expression {
  return expression({
    $case: "unresolvedFunction",
    unresolvedFunction: { functionName, arguments: [...args], isDistinct, isUserDefinedFunction: false },
  });
}

/** A SQL expression the server parses (`"id * 2 AS twice"`). */
export function sqlExpression(text: string): Expression {
  return expression({ $case: "expressionString", expressionString: { expression: text } });
}
