import type { Expression } from "../../gen/spark/connect/expressions";
import { MergeAction_ActionType as ActionType } from "../../gen/spark/connect/expressions";
import { SparkConnectError } from "../../connect/errors";
import { col, type Column } from "../column";
import type { DataFrame } from "../dataframe";
import { executeCommand } from "../execution";
import { sqlExpression } from "../plan/expression";
import { mergeAction, mergeIntoTable } from "../plan/commands";

/** The actions of a MERGE (mergeAction expressions), by when they apply. */
interface MergeActions {
  readonly matched: readonly Expression[];
  readonly notMatched: readonly Expression[];
  readonly notMatchedBySource: readonly Expression[];
}

type When = keyof MergeActions;

/** New values for a MERGE's update or insert: target column name to a Column (or SQL expression text). */
export type MergeAssignments = Readonly<Record<string, Column | string>>;

/**
 * A MERGE INTO of a DataFrame into a table (`df.mergeInto(table, condition)`): which target rows
 * match which source rows, and what to do with the matched and unmatched ones. Immutable: each
 * clause returns a new writer; `merge()` runs it. The target must be a table that supports MERGE
 * (Delta Lake, Iceberg, ...).
 *
 * @example
 * ```ts
 * await updates
 *   .mergeInto("accounts", col("accounts.id").equalTo(col("source.id")))
 *   .whenMatched().updateAll()
 *   .whenNotMatched().insertAll()
 *   .merge();
 * ```
 */
export class MergeIntoWriter {
  /** @internal Use `df.mergeInto(table, condition)`. */
  constructor(
    private readonly source: DataFrame,
    private readonly table: string,
    private readonly condition: Column,
    private readonly actions: MergeActions = { matched: [], notMatched: [], notMatchedBySource: [] },
    private readonly schemaEvolution = false,
  ) {}

  /** What to do with target rows that match a source row (and `condition`, if given). */
  whenMatched(condition?: Column): WhenMatched {
    return new WhenMatched(this, condition);
  }

  /** What to do with source rows that match no target row (and `condition`, if given). */
  whenNotMatched(condition?: Column): WhenNotMatched {
    return new WhenNotMatched(this, condition);
  }

  /** What to do with target rows that no source row matches (and `condition`, if given). */
  whenNotMatchedBySource(condition?: Column): WhenNotMatchedBySource {
    return new WhenNotMatchedBySource(this, condition);
  }

  /** Lets the merge add the source's new columns to the target's schema. */
  withSchemaEvolution(): MergeIntoWriter {
    return new MergeIntoWriter(this.source, this.table, this.condition, this.actions, true);
  }

  /** @internal */
  withAction(when: When, action: Expression): MergeIntoWriter {
    const actions = { ...this.actions, [when]: [...this.actions[when], action] };
    return new MergeIntoWriter(this.source, this.table, this.condition, actions, this.schemaEvolution);
  }

  /** Runs the merge on the server. */
  async merge(): Promise<void> {
    if (this.actions.matched.length + this.actions.notMatched.length + this.actions.notMatchedBySource.length === 0) {
      throw new SparkConnectError("A merge needs at least one whenMatched, whenNotMatched or whenNotMatchedBySource action.");
    }
    await executeCommand(
      this.source.sparkSession.client,
      mergeIntoTable({
        targetTableName: this.table,
        sourceTablePlan: this.source.plan,
        mergeCondition: this.condition.expr,
        matchActions: this.actions.matched,
        notMatchedActions: this.actions.notMatched,
        notMatchedBySourceActions: this.actions.notMatchedBySource,
        withSchemaEvolution: this.schemaEvolution,
      }),
    );
  }
}

function action(actionType: ActionType, condition: Column | undefined, assignments: MergeAssignments = {}): Expression {
  return mergeAction(
    actionType,
    condition?.expr,
    Object.entries(assignments).map(([key, value]) => [col(key).expr, typeof value === "string" ? sqlExpression(value) : value.expr]),
  );
}

/** The actions for matched target rows; see {@link MergeIntoWriter.whenMatched}. */
export class WhenMatched {
  /** @internal */
  constructor(
    private readonly writer: MergeIntoWriter,
    private readonly condition: Column | undefined,
  ) {}

  /** Sets every target column to the source's column of the same name. */
  updateAll(): MergeIntoWriter {
    return this.writer.withAction("matched", action(ActionType.ACTION_TYPE_UPDATE_STAR, this.condition));
  }

  /** Sets the given target columns. */
  update(assignments: MergeAssignments): MergeIntoWriter {
    return this.writer.withAction("matched", action(ActionType.ACTION_TYPE_UPDATE, this.condition, assignments));
  }

  /** Deletes the target row. */
  delete(): MergeIntoWriter {
    return this.writer.withAction("matched", action(ActionType.ACTION_TYPE_DELETE, this.condition));
  }
}

/** The actions for unmatched source rows; see {@link MergeIntoWriter.whenNotMatched}. */
export class WhenNotMatched {
  /** @internal */
  constructor(
    private readonly writer: MergeIntoWriter,
    private readonly condition: Column | undefined,
  ) {}

  /** Inserts the source row, column by column of the same names. */
  insertAll(): MergeIntoWriter {
    return this.writer.withAction("notMatched", action(ActionType.ACTION_TYPE_INSERT_STAR, this.condition));
  }

  /** Inserts a row with the given column values. */
  insert(assignments: MergeAssignments): MergeIntoWriter {
    return this.writer.withAction("notMatched", action(ActionType.ACTION_TYPE_INSERT, this.condition, assignments));
  }
}

/** The actions for target rows no source row matches; see {@link MergeIntoWriter.whenNotMatchedBySource}. */
export class WhenNotMatchedBySource {
  /** @internal */
  constructor(
    private readonly writer: MergeIntoWriter,
    private readonly condition: Column | undefined,
  ) {}

  /** Sets every target column from the source's of the same name (to null: there is no source row). */
  updateAll(): MergeIntoWriter {
    return this.writer.withAction("notMatchedBySource", action(ActionType.ACTION_TYPE_UPDATE_STAR, this.condition));
  }

  /** Sets the given target columns. */
  update(assignments: MergeAssignments): MergeIntoWriter {
    return this.writer.withAction("notMatchedBySource", action(ActionType.ACTION_TYPE_UPDATE, this.condition, assignments));
  }

  /** Deletes the target row. */
  delete(): MergeIntoWriter {
    return this.writer.withAction("notMatchedBySource", action(ActionType.ACTION_TYPE_DELETE, this.condition));
  }
}
