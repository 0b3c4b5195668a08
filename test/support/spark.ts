import { after } from "mocha";
import { SparkSession } from "../../src";
import { SparkConnectClient } from "../../src/connect/client";
import { parseConnectionString } from "../../src/connect/connectionString";
import pinned from "../../proto/spark.json";

/** The address of the real Spark Connect server the integration suites run against. */
export function sparkRemote(): string {
  const remote = process.env.SPARK_REMOTE;
  if (!remote) throw new Error("SPARK_REMOTE is not set");
  return remote;
}

/** A new session of its own on the test server (its temp views and settings are its own). */
export function newSession(): Promise<SparkSession> {
  return SparkSession.builder.remote(sparkRemote()).create();
}

/**
 * The session of the enclosing `describe`, on the test server: the suite's `let spark` with its
 * `before` and `after` in one line. It is made at once, while Mocha collects the suite, which costs
 * nothing: a session does not reach the server until its first request (SparkConnectClient's
 * constructor makes a gRPC channel, which connects lazily, and only watches it for its first
 * connection, which does not ask it to connect), and stopping one that never reached the server
 * sends nothing (SparkSession.stop closes the client, which releases the server-side session only
 * once its channel has been ready).
 *
 * The session is stopped after every other `after` hook of the suite, wherever they are declared:
 * their cleanup (dropping tables, stopping queries) still has the session to run on. Mocha runs a
 * suite's hooks in the order they were declared and walks the list as it goes, so the hook this
 * declares adds the stop at the end of that list when its turn comes. A suite that never runs
 * (left out by `--grep`) runs no hooks and never stops its session, which never reached the
 * server and holds no socket or timer.
 *
 * Built as `newSession()` builds one, without builder settings; use `newSession()` (or the builder)
 * for a session of its own inside a test, or one that needs configurations or client options.
 *
 * @example
 * ```ts
 * describe("DataFrame actions", () => {
 *   const spark = useSession();
 *   it("counts rows", async () => {
 *     expect(await spark.range(3).count()).to.equal(3);
 *   });
 * });
 * ```
 */
export function useSession(): SparkSession {
  const spark = new SparkSession(new SparkConnectClient(parseConnectionString(sparkRemote())));
  after("stop the suite's session, last of its after hooks", function () {
    const suite = this.test?.parent;
    if (!suite) throw new Error("useSession() belongs in the body of a describe");
    suite.afterAll("stop the suite's session", () => spark.stop());
  });
  return spark;
}

let version: Promise<string> | undefined;

/** The Spark version of the test server (asked once). */
export function serverVersion(): Promise<string> {
  version ??= (async () => {
    const spark = await newSession();
    try {
      return await spark.version;
    } finally {
      await spark.stop();
    }
  })();
  return version;
}

/** The Spark version the test server is expected to run: the pinned one, or the one a compatibility run names. */
export function expectedServerVersion(): string {
  return process.env.SPARK_TS_EXPECTED_SPARK ?? pinned.spark;
}

function older(actual: string, minimum: string): boolean {
  const [a, b] = [actual, minimum].map((v) => v.split(".").map((n) => Number.parseInt(n, 10) || 0));
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** Whether the test server runs Spark `minimum` or newer. */
export async function serverAtLeast(minimum: string): Promise<boolean> {
  return !older(await serverVersion(), minimum);
}

/** The release line (`major.minor`) of the test server, e.g. "4.1". */
export async function serverLine(): Promise<string> {
  return (await serverVersion()).split(".").slice(0, 2).join(".");
}

/**
 * Skips the running test (or, from a `before` hook, its suite) on a server older than `minimum`,
 * naming the server's line and what it lacks; the README's compatibility section lists the same.
 */
export async function requireSpark(context: Mocha.Context, minimum: string, what: string): Promise<void> {
  if (await serverAtLeast(minimum)) return;
  skipWithReason(context, `skipped on Spark ${await serverLine()}: needs ${minimum}+ for ${what}`);
}

/** Skips with the reason in the title of the test, or from a `before` hook of each test it skips. */
function skipWithReason(context: Mocha.Context, reason: string): never {
  // Mocha sets `type` on hooks and tests at run time; Runnable does not declare it.
  const running: (Mocha.Runnable & { type?: string }) | undefined = context.test;
  const tests = (suite: Mocha.Suite): Mocha.Test[] => [...suite.tests, ...suite.suites.flatMap(tests)];
  const beforeAll = running?.type === "hook" && running.title.startsWith('"before all" hook') && running.parent;
  const skipped = beforeAll ? tests(beforeAll) : [context.currentTest ?? running].filter((t) => t !== undefined);
  for (const test of skipped) test.title += ` (${reason})`;
  return context.skip();
}
