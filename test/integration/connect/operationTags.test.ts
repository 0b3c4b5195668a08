// Operation tags belong to the async context that set them, as PySpark's belong to the thread: two
// concurrent tasks see only their own tags, and interruptTag cancels only the tagged task's work.
import { expect } from "chai";
import { describe, it } from "mocha";
import { OperationCanceledError, type SparkSession } from "../../../src";
import { requireSpark, useSession } from "../../support/spark";

/**
 * Rows that take about a second each, in one task: a query that keeps one core busy for `seconds`
 * and then ends by itself.
 */
function sleepyRows(spark: SparkSession, seconds: number) {
  return spark.sql(`SELECT id, reflect('java.lang.Thread', 'sleep', 1000L) AS slept FROM range(0, ${seconds}, 1, 1)`);
}

/** Where a hang is the failure: far longer than the queries below take on a busy two-core server. */
const HANG_MS = 120_000;

/**
 * The id of the first operation carrying `tag` that the server reports progress of, which means it
 * is running there (and an interrupt reaches it).
 */
function runningOperation(spark: SparkSession, tag: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no operation tagged ${tag} reported progress in ${HANG_MS} ms`));
    }, HANG_MS);
    const stop = spark.client.operations.observe({
      progress: (operation, progress) => {
        if (!operation.tags.includes(tag) || progress.stages.length === 0) return;
        clearTimeout(timer);
        stop();
        resolve(operation.operationId);
      },
    });
  });
}

describe("operation tags of concurrent tasks", function () {
  this.timeout(4 * HANG_MS);
  const spark = useSession();

  it("puts on each task's operations only that task's tags, which getTags shows inside it", async () => {
    const seen: { tags: readonly string[] }[] = [];
    const unobserve = spark.client.operations.observe({ started: (operation) => void seen.push({ tags: operation.tags }) });
    try {
      const task = (tag: string) =>
        spark.withTags([], async () => {
          spark.addTag(tag);
          const df = await spark.sql(`SELECT '${tag}' AS task`);
          const rows = await df.collect();
          return { visible: spark.getTags(), task: rows[0].task };
        });
      const [a, b] = await Promise.all([task("task-a"), task("task-b")]);
      expect(a).to.deep.equal({ visible: ["task-a"], task: "task-a" });
      expect(b).to.deep.equal({ visible: ["task-b"], task: "task-b" });
      expect(seen.map((s) => s.tags).sort()).to.deep.equal([["task-a"], ["task-a"], ["task-b"], ["task-b"]]);
      expect(spark.getTags()).to.deep.equal([]);
    } finally {
      unobserve();
    }
  });

  it("lets interruptTag cancel one task's running query while the other's completes with its rows", async function () {
    await requireSpark(this, "4.0", "execution progress");
    const aRunning = runningOperation(spark, "slow-a");
    const bRunning = runningOperation(spark, "slow-b");
    const a = spark.withTags(["slow-a"], async () => (await sleepyRows(spark, 90)).collect());
    const b = spark.withTags(["slow-b"], async () => (await sleepyRows(spark, 12)).collect());
    const outcomeA = a.then(
      () => "completed",
      (err: unknown) => err,
    );
    const [operationA] = await Promise.all([aRunning, bRunning]);

    expect(await spark.interruptTag("slow-a")).to.deep.equal([operationA]);

    expect(await outcomeA).to.be.instanceOf(OperationCanceledError);
    const rows = await b;
    expect(rows.map((row) => row.id)).to.deep.equal([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n]);
  });

  it("keeps the tags of work left running when the code that started it moves on and tags differently", async function () {
    await requireSpark(this, "4.0", "execution progress");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The first piece of work starts its query only once the code after it has changed its tags.
    const firstRunning = runningOperation(spark, "first");
    const first = spark.withTags(["first"], () => gate.then(async () => (await sleepyRows(spark, 8)).collect()));
    const secondRunning = runningOperation(spark, "second");
    const second = spark.withTags(["second"], async () => {
      release();
      return (await sleepyRows(spark, 90)).collect();
    });
    const outcomeSecond = second.then(
      () => "completed",
      (err: unknown) => err,
    );
    const [, operationSecond] = await Promise.all([firstRunning, secondRunning]);

    expect(await spark.interruptTag("second")).to.deep.equal([operationSecond]);

    expect(await outcomeSecond).to.be.instanceOf(OperationCanceledError);
    expect((await first).length).to.equal(8);
  });
});
