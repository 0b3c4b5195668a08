import type { ExecutePlanResponse_Metrics_MetricObject, ExecutePlanResponse_ObservedMetrics } from "../gen/spark/connect/base";
import type { Expression_Literal } from "../gen/spark/connect/expressions";
import { LocalDate, LocalDateTime, LocalTime, Timestamp } from "../arrow";

/** One metric of a physical operator (`numOutputRows`, `spill size`, ...). */
export interface MetricValue {
  readonly name: string;
  readonly value: bigint;
  /** Spark's kind of metric: `"sum"`, `"size"`, `"timing"`, `"nsTiming"`, `"average"`. */
  readonly type: string;
}

/** The metrics of one operator of the executed physical plan, and where it sits in the plan tree. */
export interface PlanMetrics {
  readonly name: string;
  readonly planId: bigint;
  readonly parentPlanId: bigint;
  readonly metrics: readonly MetricValue[];
}

/** The values of one `df.observe(name, ...)`, by metric name. */
export interface ObservedMetrics {
  readonly name: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * What the server reported about the last action run on a DataFrame: the physical operators with
 * their metrics, and the observed metrics (PySpark's `df.executionInfo`).
 *
 * @example
 * ```ts
 * await df.collect();
 * console.log(df.executionInfo?.metricsText());
 * ```
 */
export class ExecutionInfo {
  /** @internal Built from an executed plan's responses. */
  constructor(
    /** The id of the operation that ran. */
    readonly operationId: string,
    readonly metrics: readonly PlanMetrics[],
    readonly observations: readonly ObservedMetrics[],
  ) {
    Object.freeze(this);
  }

  /** @internal */
  static fromResponses(
    operationId: string,
    metrics: readonly ExecutePlanResponse_Metrics_MetricObject[],
    observed: readonly ExecutePlanResponse_ObservedMetrics[],
  ): ExecutionInfo {
    return new ExecutionInfo(
      operationId,
      metrics.map((m) => ({
        name: m.name,
        planId: m.planId,
        parentPlanId: m.parent,
        metrics: Object.values(m.executionMetrics).map((v) => ({ name: v.name, value: v.value, type: v.metricType })),
      })),
      observed.map((o) => ({ name: o.name, values: Object.fromEntries(o.keys.map((key, i) => [key, literalValue(o.values[i])])) })),
    );
  }

  /** The operators as an indented tree, each with its metrics, as PySpark's `metrics.toText()` shows them. */
  metricsText(): string {
    const children = new Map<bigint, PlanMetrics[]>();
    const ids = new Set(this.metrics.map((m) => m.planId));
    for (const m of this.metrics) children.set(m.parentPlanId, [...(children.get(m.parentPlanId) ?? []), m]);
    const lines: string[] = [];
    const walk = (node: PlanMetrics, depth: number) => {
      const pad = "  ".repeat(depth);
      lines.push(`${pad}${node.name}`);
      for (const metric of node.metrics) lines.push(`${pad}  ${metric.name}: ${metric.value}`);
      for (const child of children.get(node.planId) ?? []) if (child !== node) walk(child, depth + 1);
    };
    for (const root of this.metrics.filter((m) => !ids.has(m.parentPlanId) || m.parentPlanId === m.planId)) walk(root, 0);
    return lines.join("\n");
  }
}

/** A literal's value as the rows of a result give it; the literal itself for the rarer kinds. */
function literalValue(literal: Expression_Literal | undefined): unknown {
  const value = literal?.literalType;
  switch (value?.$case) {
    case undefined:
    case "null":
      return null;
    case "boolean":
      return value.boolean;
    case "byte":
      return value.byte;
    case "short":
      return value.short;
    case "integer":
      return value.integer;
    case "long":
      return value.long;
    case "float":
      return value.float;
    case "double":
      return value.double;
    case "string":
      return value.string;
    case "binary":
      return new Uint8Array(value.binary);
    case "decimal":
      return value.decimal.value;
    case "date":
      return LocalDate.fromEpochDay(value.date);
    case "timestamp":
      return new Timestamp(value.timestamp);
    case "timestampNtz":
      return LocalDateTime.fromEpochMicros(value.timestampNtz);
    case "timestampLtzNanos":
      return new Timestamp(value.timestampLtzNanos.epochMicros, undefined, value.timestampLtzNanos.nanosWithinMicro);
    case "timestampNtzNanos":
      return LocalDateTime.fromEpochMicros(value.timestampNtzNanos.epochMicros, value.timestampNtzNanos.nanosWithinMicro);
    case "time":
      return LocalTime.fromNanoOfDay(value.time.nano);
    case "array":
      return value.array.elements.map(literalValue);
    default:
      return literal;
  }
}
