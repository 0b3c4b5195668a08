import type { Expression } from "../../gen/spark/connect/expressions";
import { Column } from "../column";
import { lambda, lambdaVariable } from "../plan/lambdaNodes";

/** A JS function over Columns that a higher-order function turns into a Spark lambda (`x -> x + 1`). */
export type LambdaBody = ((x: Column) => Column) | ((x: Column, y: Column) => Column) | ((x: Column, y: Column, z: Column) => Column);

const PARAMETER_NAMES = ["x", "y", "z"] as const;
let lastVariable = 0;

/**
 * The Spark lambda function for `f`: `f` is called once, on the client, with one placeholder
 * Column per declared parameter, and what it returns is the lambda's body. Each placeholder gets
 * a name never used before (`x_7`), so nested lambdas never capture each other's variables.
 *
 * @example
 * ```ts
 * lambdaFunction((x) => x.plus(1)); // x_1 -> x_1 + 1
 * ```
 */
export function lambdaFunction(f: LambdaBody, parameters?: 1 | 2 | 3): Expression {
  // Spark checks a lambda's arity against what the function passes; a JS function may declare
  // fewer parameters than it is given (`(k) => F.upper(k)` for transform_keys), so a function
  // with a fixed arity gets all its variables whatever `f` declares.
  const arity = parameters ?? f.length;
  if (f.length > arity || arity < 1 || arity > 3) {
    throw new RangeError(
      `a lambda for this higher-order function takes ${parameters ?? "1 to 3"} parameters, this one declares ${f.length}`,
    );
  }
  const variables = PARAMETER_NAMES.slice(0, arity).map((name) => {
    lastVariable += 1;
    return `${name}_${lastVariable}`;
  });
  const placeholders = variables.map((name) => new Column(lambdaVariable(name)));
  const body = (f as (...args: Column[]) => unknown)(...placeholders);
  if (!(body instanceof Column)) throw new TypeError("a lambda for a higher-order function must return a Column");
  return lambda(body.expr, variables);
}
