import type { Relation } from "../../gen/spark/connect/relations";
import { deepFreeze } from "./freeze";

let lastPlanId = 0n;

/**
 * A new plan id. Every relation gets one, as in PySpark's client: the server uses it to tell which
 * DataFrame a column reference (`df.col("x")`) belongs to, which makes self-joins resolvable.
 */
export function nextPlanId(): bigint {
  lastPlanId += 1n;
  return lastPlanId;
}

/** The kinds of relation a plan node can be: the cases of the protocol's `Relation.rel_type`. */
export type RelationType = NonNullable<Relation["relType"]>;

/**
 * Makes a frozen relation node with a fresh plan id: the one place a relation's kind is set, for
 * the factories of this folder.
 *
 * @example
 * ```ts
 * relation({ $case: "range", range: { start: 0n, end: 3n, step: 1n } });
 * ```
 */
export function relation(relType: RelationType): Relation {
  return deepFreeze({ common: { sourceInfo: "", planId: nextPlanId() }, relType });
}

/**
 * Adopts a relation that the server built (e.g. the result of a SQL command) as a plan node of
 * ours: same node, our own plan id.
 */
export function adoptRelation(received: Relation): Relation {
  return deepFreeze({ ...received, common: { sourceInfo: "", ...received.common, planId: nextPlanId() } });
}
