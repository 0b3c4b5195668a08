// Statements a session sends the moment they are written (spark.sql, createDataFrame), without the caller waiting:
// as in PySpark, a DDL or DML statement takes effect where it stands in the program, so every later
// request of the session waits for the statements written before it, in order. A statement's
// failure is not lost because nobody awaited it: it is thrown where its DataFrame is used or
// awaited, or else by the session's next request (or `settled`), and a statement written after an
// unseen failure is not sent, as a PySpark program would have stopped at the first.
import type { Relation } from "../gen/spark/connect/relations";
import { isRequestNode, replaceNodes, type RequestNode } from "./requestTree";

interface Pending {
  /** The relation the server answered with, once it has; `undefined` while it runs or after it failed. */
  relation?: Relation;
  /** The failure, once the statement failed. */
  failure?: { readonly error: unknown };
  readonly done: Promise<void>;
}

/** The statements of one session, and the relations they stand for in plans built before they ran. */
export class EagerStatements {
  #tail: Promise<void> = Promise.resolve();
  /** Failures nobody has been shown yet, oldest first. */
  readonly #unseen: { readonly error: unknown }[] = [];
  /** Statements by the plan id of the placeholder relation their DataFrames are built on. */
  readonly #byPlanId = new Map<bigint, Pending>();
  /**
   * A statement's answer (a command's rows, local data) is kept only while a plan can still name its
   * placeholder: plans share their children, so once the placeholder object is collected no
   * DataFrame built on it is left and its answer can go.
   */
  readonly #forget = new FinalizationRegistry<bigint>((planId) => this.#byPlanId.delete(planId));

  /**
   * Sends a statement after every one written before it. `placeholder` is the relation that stands
   * for the statement's result in plans built before it ran (found by its plan id); `send` resolves
   * to the relation to use in its place, or to `undefined` when the placeholder already says the
   * same (a query, whose result is its own SQL). See {@link outcome} for the result.
   *
   * @example
   * ```ts
   * const placeholder = relation({ $case: "sql", sql });
   * statements.run(placeholder, () => runSqlCommand(sql));
   * ```
   */
  run(placeholder: Relation, send: () => Promise<Relation | undefined>): void {
    const placeholderId = placeholder.common?.planId;
    if (placeholderId === undefined) throw new TypeError("A statement's placeholder relation needs a plan id");
    const pending = this.#enqueue(send, (received) => {
      if (received) return { ...received, common: { sourceInfo: "", ...received.common, planId: placeholderId } };
      this.#byPlanId.delete(placeholderId);
      return undefined;
    });
    this.#byPlanId.set(placeholderId, pending);
    this.#forget.register(placeholder, placeholderId);
  }

  /**
   * Sends a statement that gives nothing to build on (a temp view's creation) after every one
   * written before it. Gives a function that waits for it and throws its failure, which then counts
   * as seen; a failure nobody asks for is thrown by the next request, as a query statement's is.
   *
   * @example
   * ```ts
   * const outcome = statements.command(() => createView(plan, "v"));
   * await outcome(); // throws if the view could not be made
   * ```
   */
  command(send: () => Promise<void>): () => Promise<void> {
    const pending = this.#enqueue(send, () => undefined);
    return async () => {
      await pending.done;
      if (pending.failure) throw this.#seen(pending.failure);
    };
  }

  /** Chains `send` after the statements before it, unless one of them failed unseen. */
  #enqueue<T>(send: () => Promise<T>, answer: (received: T) => Relation | undefined): Pending {
    const pending: { relation?: Relation; failure?: { readonly error: unknown } } = {};
    const done = this.#tail
      .then(async () => {
        const earlier = this.#unseen[0];
        if (earlier) throw earlier.error;
        return send();
      })
      .then(
        (received) => {
          pending.relation = answer(received);
        },
        (error: unknown) => {
          pending.failure = { error };
          if (!this.#unseen.some((f) => f.error === error)) this.#unseen.push(pending.failure);
        },
      );
    this.#tail = done;
    return Object.assign(pending, { done });
  }

  /**
   * What the statement of `placeholderId` came to, once it ran: the relation to use in its place
   * (`undefined`: the placeholder itself). Rejects with its failure, which counts as seen.
   */
  async outcome(placeholderId: bigint): Promise<Relation | undefined> {
    const pending = this.#byPlanId.get(placeholderId);
    if (!pending) return undefined;
    await pending.done;
    if (pending.failure) throw this.#seen(pending.failure);
    return pending.relation;
  }

  /**
   * Waits for the statements written so far; then throws the oldest failure nobody has seen, if
   * any (once), and otherwise gives `request` with the relations of statements put where their
   * placeholders are. A request that uses a failed statement's placeholder throws its failure.
   */
  async before<T>(request: T): Promise<T> {
    await this.settled();
    return this.inTurn(request);
  }

  /**
   * `request` with the relations of statements that ran put where their placeholders are, without
   * waiting: for a statement's own requests, made in its turn, when those before it have run.
   */
  inTurn<T>(request: T): T {
    if (this.#byPlanId.size === 0) return request;
    // A relation node is one with a plan id and a relType; the statement's placeholder is replaced.
    return replaceNodes(request, (node) => {
      const planId = isRequestNode(node.common) ? node.common.planId : undefined;
      if (typeof planId !== "bigint" || !("relType" in node)) return undefined;
      const pending = this.#byPlanId.get(planId);
      if (pending?.failure) throw this.#seen(pending.failure);
      return pending?.relation as RequestNode | undefined;
    }) as T;
  }

  /** Resolves once every statement written so far has run; rejects with the oldest failure nobody has seen (once). */
  async settled(): Promise<void> {
    await this.#tail;
    const unseen = this.#unseen.shift();
    if (unseen) throw unseen.error;
  }

  /** Marks a failure seen; gives its error, to throw. */
  #seen(failure: { readonly error: unknown }): unknown {
    const index = this.#unseen.indexOf(failure);
    if (index >= 0) this.#unseen.splice(index, 1);
    return failure.error;
  }
}
