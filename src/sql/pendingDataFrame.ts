// The DataFrame `spark.sql()` (and createDataFrame, cache, ...) gives back at once, while its
// statement runs on the server (see ../connect/eagerStatements.ts): usable right away
// (`spark.sql(q).show()`, `.filter(...)`), and awaitable as in earlier versions of this client,
// where `await` waits for the statement and throws its failure.
import type { Relation } from "../gen/spark/connect/relations";
import type { Row } from "../arrow";
import { DataFrame } from "./dataframe";
import { deepFreeze } from "./plan/freeze";
import type { SparkSession } from "./session";

/**
 * A DataFrame whose statement was sent when it was made and may still be running. Every action on
 * it (or on a DataFrame built from it) runs after the statement; `await` gives the statement's
 * DataFrame once it ran, or throws the statement's error. `R` is the type of its rows, as in
 * {@link DataFrame}: `await spark.sql<T>(q)` is a `DataFrame<TypedRow<T>>`.
 *
 * @example
 * ```ts
 * spark.sql("CREATE TEMP VIEW v AS SELECT 1 AS x"); // runs now; nothing to await
 * await spark.sql("SELECT * FROM v").show();
 * const df = await spark.sql("SELECT * FROM v");     // as before: waits, throws a bad statement's error
 * ```
 */
export class PendingDataFrame<R extends object = Row> extends DataFrame<R> implements Promise<DataFrame<R>> {
  readonly #outcome: () => Promise<Relation | undefined>;

  /**
   * @internal `outcome` waits for the statement and gives the relation to use in place of `plan`
   * (`undefined`: `plan` itself), or throws its failure; by default, the outcome of the statement
   * whose placeholder `plan` is.
   */
  constructor(session: SparkSession, plan: Relation, outcome?: () => Promise<Relation | undefined>) {
    super(session, plan);
    this.#outcome = outcome ?? (() => session.client.statements.outcome(plan.common?.planId ?? 0n));
  }

  /** Code typed for the Promise `sql()` used to return takes this DataFrame too. */
  get [Symbol.toStringTag](): string {
    return "PendingDataFrame";
  }

  /**
   * Waits for the statement; resolves to a plain DataFrame of its result (a query's own plan, or the
   * rows a command answered with), or rejects with the statement's error.
   */
  then<R1 = DataFrame<R>, R2 = never>(
    onfulfilled?: ((value: DataFrame<R>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#outcome()
      .then((relation) => new DataFrame<R>(this.sparkSession, relation ? deepFreeze(relation) : this.plan))
      .then(onfulfilled, onrejected);
  }

  /** As a Promise's `catch`, for code written when `sql()` returned one: `spark.sql(q).catch(...)`. */
  catch<R2 = never>(onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Promise<DataFrame<R> | R2> {
    return this.then(undefined, onrejected);
  }

  /** As a Promise's `finally`. */
  finally(onfinally?: (() => void) | null): Promise<DataFrame<R>> {
    return this.then().finally(onfinally);
  }
}
