// Runs many small queries on one session in a process of its own (started with --expose-gc) and
// prints the resident set size after a warm-up and after each of two measured runs, as JSON, for
// the load test.
import { inspect } from "node:util";
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

/** Queries per step of the warm-up, and how much RSS may still grow over the last two for it to count as settled. */
const STEP = 250;
const SETTLED_GROWTH = 0.02;

async function main(): Promise<void> {
  const [maxWarmup, count] = process.argv.slice(2).map(Number) as [number, number];
  const spark = await SparkSession.builder.remote(process.env.SPARK_REMOTE!).create();
  const query = async (i: number) => {
    const [row] = await (await spark.sql("SELECT ? + 1 AS n, repeat('x', 100) AS s", [i])).collect();
    if (row?.n !== i + 1) throw new Error(`query ${i} gave ${inspect(row?.n)}`);
  };
  // The baseline is taken once the resident size has stopped stepping up: the heap and the
  // allocator take a step or two while they settle, and RSS rarely shrinks back after one. How
  // long that takes depends on the Node.js line (a few hundred queries on 20, about two thousand
  // on 24, with the JS heap flat all along), so the warm-up runs until RSS grew less than 2% over
  // its last two steps, or `maxWarmup` queries.
  const steps: number[] = [await settledRss()];
  let warmup = 0;
  while (warmup < maxWarmup) {
    for (let i = 0; i < STEP; i++) await query(warmup++);
    steps.push(await settledRss());
    const [earlier, now] = [steps.at(-3), steps.at(-1)!];
    if (earlier !== undefined && (now - earlier) / earlier < SETTLED_GROWTH) break;
  }
  const before = Math.max(...steps.slice(-3));
  // Two measured runs: a leak grows RSS in both, a late step of the allocator in one at most.
  for (let i = 0; i < count; i++) await query(i);
  const middle = await settledRss();
  for (let i = 0; i < count; i++) await query(i);
  const after = await settledRss();
  await spark.stop();
  console.log(JSON.stringify({ before, middle, after, warmup }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
