// The plans plots send: every one aggregates, bins, samples or limits on the server, so a chart
// never pulls more than a bounded number of rows, whatever the size of the DataFrame.
import { Aggregate_GroupType, type Relation } from "../../gen/spark/connect/relations";
import type { Expression } from "../../gen/spark/connect/expressions";
import { Expression_SortOrder_NullOrdering, Expression_SortOrder_SortDirection } from "../../gen/spark/connect/expressions";
import { attribute, call, expression } from "../plan/expression";
import { literalExpression, type LiteralValue } from "../plan/literal";
import { relation } from "../plan/relation";

/** A column by its exact name (a "." in it is part of the name, not a nested field). */
export function column(name: string): Expression {
  return attribute("`" + name.replace(/`/g, "``") + "`");
}

/** A literal. */
export function value(v: LiteralValue): Expression {
  return literalExpression(v);
}

/** `name(args...)`, resolved by the server. */
export { call };

/** `expr AS name`. */
export function named(expr: Expression, name: string): Expression {
  return expression({ $case: "alias", alias: { expr, name: [name] } });
}

export function project(input: Relation, expressions: readonly Expression[]): Relation {
  return relation({ $case: "project", project: { input, expressions: [...expressions] } });
}

export function filter(input: Relation, condition: Expression): Relation {
  return relation({ $case: "filter", filter: { input, condition } });
}

export function limit(input: Relation, n: number): Relation {
  return relation({ $case: "limit", limit: { input, limit: n } });
}

/** GROUP BY `groups` computing `aggregates` (no groups: one row over everything). */
export function aggregate(input: Relation, groups: readonly Expression[], aggregates: readonly Expression[]): Relation {
  return relation({
    $case: "aggregate",
    aggregate: {
      input,
      groupType: Aggregate_GroupType.GROUP_TYPE_GROUPBY,
      groupingExpressions: [...groups],
      aggregateExpressions: [...aggregates],
      groupingSets: [],
    },
  });
}

/** Sorted ascending by `keys`, nulls first (as Spark's default). */
export function sortAscending(input: Relation, keys: readonly Expression[]): Relation {
  return relation({
    $case: "sort",
    sort: {
      input,
      isGlobal: true,
      order: keys.map((child) => ({
        child,
        direction: Expression_SortOrder_SortDirection.SORT_DIRECTION_ASCENDING,
        nullOrdering: Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST,
      })),
    },
  });
}

/** A Bernoulli sample of about `fraction` of the rows, reproducible by `seed`. */
export function sample(input: Relation, fraction: number, seed: bigint): Relation {
  return relation({
    $case: "sample",
    sample: { input, lowerBound: 0, upperBound: Math.min(1, fraction), withReplacement: false, seed, deterministicOrder: false },
  });
}
