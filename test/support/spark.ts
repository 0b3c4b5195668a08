import { SparkSession } from "../../src";
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
