// A script as a user writes one: connect, start reading a result it never finishes, then (once the
// test says so on stdin, by which time the test may have taken the server away) stop the session
// and end. Run with `node --import tsx stoppingScript.ts <sc://…>`. Whether the process then exits
// by itself is what the test watches: nothing of the client may keep it alive.
import { SparkSession } from "../../src";

async function main(): Promise<void> {
  const spark = await SparkSession.builder.remote(process.argv[2]).create();
  await spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000");
  // Held in a variable to the end, so garbage collection cannot be what releases it.
  const rows = spark.range(0, 10_000_000, 1, 4).toLocalIterator();
  const first = await rows.next();
  process.stdout.write(`first row ${first.done ? "none" : (first.value.id as bigint)}\n`);
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.pause();
  await spark.stop();
  process.stdout.write(`stopped, iterator still held: ${typeof rows.next === "function"}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
