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
 * (Delta Lake, Iceberg, ...); Spark refuses others with `[UNSUPPORTED_FEATURE.TABLE_OPERATION]
 * ... does not support MERGE INTO TABLE`.
 *
 * The examples merge `updates` =
 * `(await spark.createDataFrame([{ name: "Ada", age: 37 }, { name: "Grace", age: 45 }])).alias("updates")`
 * into the table `people` (Ada 36, Alan 41) on `on` = `col("people.name").equalTo(col("updates.name"))`,
 * and show the SQL MERGE each one means.
 *
 * @example
 * ```ts
 * await updates.mergeInto("people", on).whenMatched().updateAll().whenNotMatched().insertAll().merge();
 * // MERGE INTO people USING updates ON people.name = updates.name
 * //   WHEN MATCHED THEN UPDATE SET *
 * //   WHEN NOT MATCHED THEN INSERT *
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

  /**
   * What to do with target rows that match a source row (and `condition`, if given).
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenMatched(col("updates.age").gt(col("people.age"))).updateAll();
   * // MERGE INTO people USING updates ON people.name = updates.name
   * //   WHEN MATCHED AND updates.age > people.age THEN UPDATE SET *
   * ```
   */
  whenMatched(condition?: Column): WhenMatched {
    return new WhenMatched(this, condition);
  }

  /**
   * What to do with source rows that match no target row (and `condition`, if given).
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenNotMatched(col("updates.age").lt(50)).insertAll();
   * // MERGE INTO people USING updates ON people.name = updates.name
   * //   WHEN NOT MATCHED AND updates.age < 50 THEN INSERT *
   * ```
   */
  whenNotMatched(condition?: Column): WhenNotMatched {
    return new WhenNotMatched(this, condition);
  }

  /**
   * What to do with target rows that no source row matches (and `condition`, if given).
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenNotMatchedBySource(col("people.age").gt(40)).delete();
   * // MERGE INTO people USING updates ON people.name = updates.name
   * //   WHEN NOT MATCHED BY SOURCE AND people.age > 40 THEN DELETE
   * ```
   */
  whenNotMatchedBySource(condition?: Column): WhenNotMatchedBySource {
    return new WhenNotMatchedBySource(this, condition);
  }

  /**
   * Lets the merge add the source's new columns to the target's schema.
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).withSchemaEvolution().whenMatched().updateAll();
   * // MERGE WITH SCHEMA EVOLUTION INTO people USING updates ON people.name = updates.name
   * //   WHEN MATCHED THEN UPDATE SET *
   * ```
   */
  withSchemaEvolution(): MergeIntoWriter {
    return new MergeIntoWriter(this.source, this.table, this.condition, this.actions, true);
  }

  /** @internal */
  withAction(when: When, action: Expression): MergeIntoWriter {
    const actions = { ...this.actions, [when]: [...this.actions[when], action] };
    return new MergeIntoWriter(this.source, this.table, this.condition, actions, this.schemaEvolution);
  }

  /**
   * Runs the merge on the server.
   *
   * @example
   * ```ts
   * await updates.mergeInto("people", on).whenMatched().updateAll().merge();
   * // runs where the table's format supports MERGE; on a parquet table:
   * // UnsupportedOperationException: [UNSUPPORTED_FEATURE.TABLE_OPERATION] The feature is not supported:
   * //   Table `spark_catalog`.`default`.`people` does not support MERGE INTO TABLE. ...
   * await updates.mergeInto("people", on).merge();
   * // SparkConnectError: A merge needs at least one whenMatched, whenNotMatched or whenNotMatchedBySource action.
   * ```
   */
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

  /**
   * Sets every target column to the source's column of the same name.
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenMatched().updateAll();
   * // MERGE INTO people USING updates ON people.name = updates.name WHEN MATCHED THEN UPDATE SET *
   * ```
   */
  updateAll(): MergeIntoWriter {
    return this.writer.withAction("matched", action(ActionType.ACTION_TYPE_UPDATE_STAR, this.condition));
  }

  /**
   * Sets the given target columns.
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenMatched().update({ age: col("updates.age") });
   * // MERGE INTO people USING updates ON people.name = updates.name WHEN MATCHED THEN UPDATE SET age = updates.age
   * updates.mergeInto("people", on).whenMatched().update({ age: "people.age + 1" });   // SQL text
   * // MERGE INTO people USING updates ON people.name = updates.name WHEN MATCHED THEN UPDATE SET age = people.age + 1
   * ```
   */
  update(assignments: MergeAssignments): MergeIntoWriter {
    return this.writer.withAction("matched", action(ActionType.ACTION_TYPE_UPDATE, this.condition, assignments));
  }

  /**
   * Deletes the target row.
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenMatched().delete();
   * // MERGE INTO people USING updates ON people.name = updates.name WHEN MATCHED THEN DELETE
   * ```
   */
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

  /**
   * Inserts the source row, column by column of the same names.
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenNotMatched().insertAll();
   * // MERGE INTO people USING updates ON people.name = updates.name WHEN NOT MATCHED THEN INSERT *
   * ```
   */
  insertAll(): MergeIntoWriter {
    return this.writer.withAction("notMatched", action(ActionType.ACTION_TYPE_INSERT_STAR, this.condition));
  }

  /**
   * Inserts a row with the given column values.
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenNotMatched().insert({ name: col("updates.name"), age: "updates.age + 1" });
   * // MERGE INTO people USING updates ON people.name = updates.name
   * //   WHEN NOT MATCHED THEN INSERT (name, age) VALUES (updates.name, updates.age + 1)
   * ```
   */
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

  /**
   * Sets every target column from the source's column of the same name, as PySpark's `updateAll`
   * does. A target row with no source row has no source values, though: SQL has no `UPDATE SET *`
   * here, and Spark 4.3's analyzer leaves the merge unresolved, so set the columns with `update`.
   *
   * @example
   * ```ts
   * await updates.mergeInto("people", on).whenNotMatchedBySource().updateAll().merge();
   * // SparkException: [INTERNAL_ERROR] Found the unresolved operator:
   * //   'MergeIntoTable (name#… = name#…), [updatestaraction(None)], false SQLSTATE: XX000
   * ```
   */
  updateAll(): MergeIntoWriter {
    return this.writer.withAction("notMatchedBySource", action(ActionType.ACTION_TYPE_UPDATE_STAR, this.condition));
  }

  /**
   * Sets the given target columns.
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenNotMatchedBySource().update({ age: "NULL" });
   * // MERGE INTO people USING updates ON people.name = updates.name WHEN NOT MATCHED BY SOURCE THEN UPDATE SET age = NULL
   * ```
   */
  update(assignments: MergeAssignments): MergeIntoWriter {
    return this.writer.withAction("notMatchedBySource", action(ActionType.ACTION_TYPE_UPDATE, this.condition, assignments));
  }

  /**
   * Deletes the target row.
   *
   * @example
   * ```ts
   * updates.mergeInto("people", on).whenNotMatchedBySource().delete();
   * // MERGE INTO people USING updates ON people.name = updates.name WHEN NOT MATCHED BY SOURCE THEN DELETE
   * ```
   */
  delete(): MergeIntoWriter {
    return this.writer.withAction("notMatchedBySource", action(ActionType.ACTION_TYPE_DELETE, this.condition));
  }
}
