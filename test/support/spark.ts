import { SparkSession } from "../../src";

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
