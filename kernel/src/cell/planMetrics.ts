// What the metrics of an executed plan, which the server sends with an operation's last results,
// tell the progress summary: the rows the plan read (progress reports carry no row counts) and
// the stages its adaptive plan ran (the reports often miss the last job, see stageTally.ts).

/** One operator of an executed plan with its metrics, as ExecutePlanResponse.Metrics gives it. */
export interface OperatorMetrics {
  readonly name: string;
  readonly planId: bigint;
  readonly parent: bigint;
  readonly executionMetrics: Readonly<Record<string, { readonly value: bigint }>>;
}

/** What an executed plan says about the work done. */
export interface PlanFacts {
  /** Rows the plan's leaf operators produced; `undefined` when no leaf counts rows. */
  readonly rowsRead: number | undefined;
  /** Stages the adaptive plans ran (the final stage of each, and every shuffle and broadcast stage not reused). */
  readonly stages: number;
}

/**
 * The rows read and the stages run, from the operators of an executed plan.
 *
 * Rows read are those of the leaves (scans, `range`, local data); leaves that count no rows (a
 * reused exchange) add nothing. Stages are counted from the adaptive plan's parts: each
 * `AdaptiveSparkPlan` ends in a stage of its own, and each `ShuffleQueryStage` and
 * `BroadcastQueryStage` ran one, unless it only reuses another's output (`ReusedExchange`). Plans
 * without adaptive execution count no stages here. The server lists operators depth first, parent
 * before children, and its ids can collide (a query stage is listed under its stage number), so
 * an operator's first child is the one after it, and a leaf is followed by no child of its own.
 *
 * @example
 * ```ts
 * planFacts(executePlanResponse.metrics.metrics); // { rowsRead: 1000000, stages: 2 }
 * ```
 */
export function planFacts(operators: readonly OperatorMetrics[]): PlanFacts {
  let rows: bigint | undefined;
  let stages = 0;
  operators.forEach((op, i) => {
    const next = operators[i + 1];
    const leaf = next === undefined || next.parent !== op.planId || next.planId === next.parent;
    const counted = op.executionMetrics["numOutputRows"];
    if (counted && leaf) rows = (rows ?? 0n) + counted.value;
    if (op.name === "AdaptiveSparkPlan") stages++;
    if ((op.name === "ShuffleQueryStage" || op.name === "BroadcastQueryStage") && next?.name !== "ReusedExchange") stages++;
  });
  return { rowsRead: rows === undefined ? undefined : Number(rows), stages };
}
