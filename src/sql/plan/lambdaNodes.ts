import type { Expression } from "../../gen/spark/connect/expressions";
import { expression } from "./expression";

/**
 * A lambda's variable, by name, as its body refers to it.
 *
 * @example
 * ```ts
 * lambdaVariable("x_1"); // x_1, in `x_1 -> x_1 + 1`
 * ```
 */
export function lambdaVariable(name: string): Expression {
  return expression({ $case: "unresolvedNamedLambdaVariable", unresolvedNamedLambdaVariable: { nameParts: [name] } });
}

/**
 * A lambda function of the named variables: `(x_1, y_2) -> body`, for a higher-order function.
 *
 * @example
 * ```ts
 * lambda(call("+", [lambdaVariable("x_1"), literalExpression(1)]), ["x_1"]); // x_1 -> x_1 + 1
 * ```
 */
export function lambda(body: Expression, variableNames: readonly string[]): Expression {
  return expression({
    $case: "lambdaFunction",
    lambdaFunction: { function: body, arguments: variableNames.map((name) => ({ nameParts: [name] })) },
  });
}
