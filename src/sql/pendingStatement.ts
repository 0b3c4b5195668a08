// What a call that PySpark runs at once (a temp view's creation) gives back: the statement is sent
// when the call is made (see ../connect/eagerStatements.ts), so the next line needs no `await` to
// see its effect, and awaiting it is where its failure is thrown.

/**
 * A statement sent when it was written and perhaps still running. Every later request of the
 * session waits for it; `await` waits for it too and throws its error. A failure nobody awaits is
 * thrown by the session's next request (or `spark.settled()`), so it is never lost.
 *
 * @example
 * ```ts
 * people.createOrReplaceTempView("people"); // sent now
 * await spark.sql("SELECT count(*) AS n FROM people").collect(); // [{ n: 2n }]: the view is there
 * await people.createTempView("people"); // throws TEMP_TABLE_OR_VIEW_ALREADY_EXISTS here
 * ```
 */
export class PendingStatement implements Promise<void> {
  readonly #outcome: () => Promise<void>;

  /** @internal `outcome` waits for the statement and throws its failure. */
  constructor(outcome: () => Promise<void>) {
    this.#outcome = outcome;
  }

  get [Symbol.toStringTag](): string {
    return "PendingStatement";
  }

  /** Waits for the statement; rejects with its error. */
  then<R1 = void, R2 = never>(
    onfulfilled?: ((value: void) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#outcome().then(onfulfilled, onrejected);
  }

  /** As a Promise's `catch`. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<void | R> {
    return this.then(undefined, onrejected);
  }

  /** As a Promise's `finally`. */
  finally(onfinally?: (() => void) | null): Promise<void> {
    return this.then().finally(onfinally);
  }
}
