import type { Column, DataFrame, SparkSession } from "../../../src";
import type { Json } from "../capture";

/**
 * The DataFrames every program starts from, built alike on both sides without a server (the
 * PySpark script binds the same names): two named tables, a range and a Parquet read.
 */
export interface Bases {
  readonly spark: SparkSession;
  /** `spark.table("people")` */
  readonly people: DataFrame;
  /** `spark.table("depts")` */
  readonly depts: DataFrame;
  /** `spark.range(10)` */
  readonly nums: DataFrame;
  /** `spark.read.parquet("data/events")` */
  readonly files: DataFrame;
}

/** What a program gives: a DataFrame, a Column, DataFrames, or the promise of an action. */
export type Program = (bases: Bases) => DataFrame | Column | readonly DataFrame[] | Promise<unknown>;

/**
 * A deliberate difference from PySpark's plan (or one that a difference in API shape makes), with
 * its reason. With `undo`, which turns this client's canonical plan into PySpark's by undoing
 * exactly that difference, the plans must be equal after it; without, they must differ.
 */
export interface Difference {
  readonly reason: string;
  readonly undo?: (ours: Json) => Json;
}

/** One program written twice, in this client and in PySpark, whose plans must be the same. */
export interface PlanCase {
  /** What is compared (unique in its table). */
  readonly name: string;
  /** The program in this client. */
  readonly ts: Program;
  /** The same program as a Python expression over the same bases (see test/plans/pysparkPlans.py). */
  readonly py: string;
  /** A deliberate difference (see {@link Difference}); a string is a difference without an undo. */
  readonly differs?: string | Difference;
  /**
   * PySpark cannot build this without a server: its first request is a lookup (a schema, a
   * configuration), said here, and not the plan. The test asserts that it still is, so that a
   * PySpark that stops asking is noticed and the case turned into a comparison.
   */
  readonly needsServer?: string;
  /** A plan of this client that is wrong, and how: reported as pending until it is fixed. */
  readonly bug?: string;
}

/** A case, with the optional marks as a last argument. */
export function plan(name: string, ts: Program, py: string, marks: Pick<PlanCase, "differs" | "needsServer" | "bug"> = {}): PlanCase {
  return { name, ts, py, ...marks };
}
