// Runs many small queries on one session in a process of its own (started with --expose-gc) and
// prints the resident set size after a warm-up and at the end, as JSON, for the load test.
import { SparkSession } from "../../src";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

async function settledRss(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().rss;
}

async function main(): Promise<void> {
  const [warmup, count] = process.argv.slice(2).map(Number) as [number, number];
  const spark = await SparkSession.builder.remote(process.env.SPARK_REMOTE!).create();
  const query = async (i: number) => {
    const [row] = await (await spark.sql("SELECT ? + 1 AS n, repeat('x', 100) AS s", [i])).collect();
    if (row?.n !== i + 1) throw new Error(`query ${i} gave ${String(row?.n)}`);
  };
  for (let i = 0; i < warmup; i++) await query(i);
  // The baseline is the highest resident size over a second, shorter warm-up: the heap takes a
  // step or two while it settles, and RSS rarely shrinks back after one.
  let before = await settledRss();
  for (let i = 0; i < warmup / 2; i++) {
    await query(i);
    if (i % 50 === 49) before = Math.max(before, await settledRss());
  }
  for (let i = 0; i < count; i++) await query(i);
  const after = await settledRss();
  await spark.stop();
  console.log(JSON.stringify({ before, after }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
