import {
  Expression_SortOrder_NullOrdering,
  Expression_SortOrder_SortDirection,
  type Expression,
} from "../../../src/gen/spark/connect/expressions";

/** A compact text of an expression, to state what a Column compiles to. */
export function show(e: Expression): string {
  const t = e.exprType;
  switch (t?.$case) {
    case "unresolvedAttribute":
      return t.unresolvedAttribute.unparsedIdentifier;
    case "literal": {
      const l = t.literal.literalType;
      return l?.$case === "string" ? `'${l.string}'` : l?.$case === "null" ? "NULL" : String((l as Record<string, unknown>)[l!.$case]);
    }
    case "unresolvedFunction": {
      const f = t.unresolvedFunction;
      return `${f.functionName}(${f.isDistinct ? "DISTINCT " : ""}${f.arguments.map(show).join(", ")})`;
    }
    case "alias":
      return `${show(t.alias.expr!)} AS ${t.alias.name.join(",")}`;
    case "sortOrder":
      return `${show(t.sortOrder.child!)} ${t.sortOrder.direction === Expression_SortOrder_SortDirection.SORT_DIRECTION_ASCENDING ? "ASC" : "DESC"} NULLS ${t.sortOrder.nullOrdering === Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST ? "FIRST" : "LAST"}`;
    case "unresolvedExtractValue":
      return `${show(t.unresolvedExtractValue.child!)}[${show(t.unresolvedExtractValue.extraction!)}]`;
    case "updateFields": {
      const u = t.updateFields;
      return u.valueExpression
        ? `withField(${show(u.structExpression!)}, ${u.fieldName}, ${show(u.valueExpression)})`
        : `dropField(${show(u.structExpression!)}, ${u.fieldName})`;
    }
    case "lambdaFunction":
      return `(${t.lambdaFunction.arguments.map((a) => a.nameParts.join(".")).join(", ")}) -> ${show(t.lambdaFunction.function!)}`;
    case "unresolvedNamedLambdaVariable":
      return t.unresolvedNamedLambdaVariable.nameParts.join(".");
    case "unresolvedStar":
      return t.unresolvedStar.unparsedTarget ?? "*";
    default:
      return `<${t?.$case}>`;
  }
}
