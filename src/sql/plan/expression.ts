import type { Expression } from "../../gen/spark/connect/expressions";
import { deepFreeze } from "./freeze";

/** The kinds of expression a plan can hold: the cases of the protocol's `Expression.expr_type`. */
export type ExpressionType = NonNullable<Expression["exprType"]>;

/**
 * Makes a frozen expression node: the one place an expression's kind is set, for the factories
 * of this folder.
 *
 * @example
 * ```ts
 * expression({ $case: "expressionString", expressionString: { expression: "id + 1" } });
 * ```
 */
export function expression(exprType: ExpressionType): Expression {
  return deepFreeze({ exprType });
}

/**
 * A column reference by name, resolved by the server. With a plan id it means that DataFrame's
 * column (PySpark's `df["x"]`), which is what lets a DataFrame be joined with itself.
 *
 * @example
 * ```ts
 * attribute("name");                            // col("name")
 * attribute("id", df.plan.common?.planId);      // df.col("id")
 * ```
 */
export function attribute(name: string, planId?: bigint): Expression {
  return expression({
    $case: "unresolvedAttribute",
    unresolvedAttribute: planId === undefined ? { unparsedIdentifier: name } : { unparsedIdentifier: name, planId },
  });
}

/**
 * A call of a Spark function by name; the server resolves the name (`"+"`, `"upper"`, `"sum"`).
 *
 * @example
 * ```ts
 * call("upper", [attribute("name")]);
 * call("count", [attribute("id")], true); // count(DISTINCT id)
 * ```
 */
export function call(functionName: string, args: readonly Expression[], isDistinct = false): Expression {
  return expression({
    $case: "unresolvedFunction",
    unresolvedFunction: { functionName, arguments: [...args], isDistinct, isUserDefinedFunction: false },
  });
}

/**
 * A SQL expression the server parses (`"id * 2 AS twice"`).
 *
 * @example
 * ```ts
 * sqlExpression("id * 2 AS twice");
 * ```
 */
export function sqlExpression(text: string): Expression {
  return expression({ $case: "expressionString", expressionString: { expression: text } });
}

/**
 * Every column (`*`), or every column of one relation or struct (`"t.*"`): the target is the text
 * before `.*`, which the server resolves.
 *
 * @example
 * ```ts
 * star();         // *
 * star("t.*");    // every column of t
 * ```
 */
export function star(target?: string): Expression {
  return expression({ $case: "unresolvedStar", unresolvedStar: target === undefined ? {} : { unparsedTarget: target } });
}

/**
 * The columns whose names match a regular expression in backquotes (`` "`(id|name)`" ``), of the
 * DataFrame with that plan id.
 *
 * @example
 * ```ts
 * columnsMatching("`(id|name)`", df.plan.common?.planId);
 * ```
 */
export function columnsMatching(colName: string, planId: bigint | undefined): Expression {
  return expression({ $case: "unresolvedRegex", unresolvedRegex: { colName, planId } });
}

/**
 * A metadata column of a source (`"_metadata"` of a file source), of the DataFrame with that plan id.
 *
 * @example
 * ```ts
 * metadataAttribute("_metadata", df.plan.common?.planId);
 * ```
 */
export function metadataAttribute(name: string, planId: bigint | undefined): Expression {
  return expression({ $case: "unresolvedAttribute", unresolvedAttribute: { unparsedIdentifier: name, planId, isMetadataColumn: true } });
}

/**
 * A call of a function by a name the server parses, so that a catalog-qualified name
 * (`"my_db.my_udf"`) reaches a registered function (PySpark's `call_function`).
 *
 * @example
 * ```ts
 * callFunction("my_db.my_udf", [attribute("x")]);
 * ```
 */
export function callFunction(functionName: string, args: readonly Expression[]): Expression {
  return expression({ $case: "callFunction", callFunction: { functionName, arguments: [...args] } });
}

/**
 * The number of the partition a row goes to, given by `child` itself (for `repartitionById`).
 *
 * @example
 * ```ts
 * directShufflePartitionId(attribute("bucket"));
 * ```
 */
export function directShufflePartitionId(child: Expression): Expression {
  return expression({ $case: "directShufflePartitionId", directShufflePartitionId: { child } });
}
