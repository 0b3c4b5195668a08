import {
  Expression_Cast_EvalMode as CastEvalMode,
  Expression_SortOrder_NullOrdering as NullOrdering,
  Expression_SortOrder_SortDirection as SortDirection,
  type Expression,
  type Expression_SortOrder,
} from "../../gen/spark/connect/expressions";
import type { FieldMetadata } from "../types";
import { DataType, dataTypeToProto } from "../types";
import { expression } from "./expression";

/**
 * A sort key: the expression, its direction, and where its nulls go.
 *
 * @example
 * ```ts
 * sortOrder(attribute("salary"), false, false); // salary DESC NULLS LAST
 * ```
 */
export function sortOrder(child: Expression, ascending: boolean, nullsFirst: boolean): Expression {
  return expression({
    $case: "sortOrder",
    sortOrder: {
      child,
      direction: ascending ? SortDirection.SORT_DIRECTION_ASCENDING : SortDirection.SORT_DIRECTION_DESCENDING,
      nullOrdering: nullsFirst ? NullOrdering.SORT_NULLS_FIRST : NullOrdering.SORT_NULLS_LAST,
    },
  });
}

/**
 * The SortOrder node of a sort key, as a Sort relation and a window hold it: a sort key's own
 * node, or `key` ascending with nulls first (Spark's default order).
 *
 * @example
 * ```ts
 * sortOrderNode(attribute("day"));                       // day ASC NULLS FIRST
 * sortOrderNode(sortOrder(attribute("day"), false, false)); // day DESC NULLS LAST
 * ```
 */
export function sortOrderNode(key: Expression): Expression_SortOrder {
  const sorted = key.exprType?.$case === "sortOrder" ? key : sortOrder(key, true, true);
  return (sorted.exprType as { sortOrder: Expression_SortOrder }).sortOrder;
}

/** How a cast treats a value it cannot convert: `"try"` gives null, the default follows the session (ANSI). */
export type CastMode = "default" | "try";

/**
 * A cast to a data type, or to a type in Spark's DDL syntax (`"decimal(10,2)"`, `"array<int>"`) parsed by the server.
 *
 * @example
 * ```ts
 * castExpression(attribute("price"), "decimal(10,2)");
 * castExpression(attribute("n"), new IntegerType(), "try"); // try_cast
 * ```
 */
export function castExpression(child: Expression, type: DataType | string, mode: CastMode = "default"): Expression {
  if (typeof type !== "string" && !(type instanceof DataType)) {
    throw new TypeError('a cast needs a DataType or a type name such as "int"');
  }
  return expression({
    $case: "cast",
    cast: {
      expr: child,
      castToType: typeof type === "string" ? { $case: "typeStr", typeStr: type } : { $case: "type", type: dataTypeToProto(type) },
      evalMode: mode === "try" ? CastEvalMode.EVAL_MODE_TRY : CastEvalMode.EVAL_MODE_UNSPECIFIED,
    },
  });
}

/**
 * `child` under one name (or several, for a generator that makes several columns), with optional field metadata.
 *
 * @example
 * ```ts
 * aliasExpression(call("sum", [attribute("x")]), ["total"]);
 * ```
 */
export function aliasExpression(child: Expression, names: readonly string[], metadata?: FieldMetadata): Expression {
  if (metadata !== undefined && names.length !== 1) throw new RangeError("metadata can only be given with a single alias name");
  return expression({
    $case: "alias",
    alias:
      metadata === undefined ? { expr: child, name: [...names] } : { expr: child, name: [...names], metadata: JSON.stringify(metadata) },
  });
}

/**
 * `child[extraction]`: an array element, a map value, or a struct field, resolved by the server.
 *
 * @example
 * ```ts
 * extractValue(attribute("tags"), literalExpression(0)); // tags[0]
 * ```
 */
export function extractValue(child: Expression, extraction: Expression): Expression {
  return expression({ $case: "unresolvedExtractValue", unresolvedExtractValue: { child, extraction } });
}

/**
 * The struct with field `fieldName` set to `value` (added or replaced), or dropped when `value` is absent.
 *
 * @example
 * ```ts
 * updateFields(attribute("address"), "zip", literalExpression("75001"));
 * ```
 */
export function updateFields(structExpression: Expression, fieldName: string, value?: Expression): Expression {
  return expression({
    $case: "updateFields",
    updateFields: value === undefined ? { structExpression, fieldName } : { structExpression, fieldName, valueExpression: value },
  });
}

/**
 * The branches of a CASE WHEN built by `F.when(...)`: Spark's function `when` takes condition and
 * value pairs, then an optional else value. `undefined` for any other expression.
 */
export function caseWhenArguments(expr: Expression): { args: readonly Expression[]; hasElse: boolean } | undefined {
  if (expr.exprType?.$case !== "unresolvedFunction") return undefined;
  const fn = expr.exprType.unresolvedFunction;
  if (fn.functionName !== "when" || fn.isDistinct) return undefined;
  return { args: fn.arguments, hasElse: fn.arguments.length % 2 === 1 };
}
