// The client and the kernel on a real standalone cluster (npm run test:cluster starts it): work
// runs on executors that the workers started in JVMs of their own, progress counts those tasks,
// and an interrupted cell stops the tasks running on the executors.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel } from "@jupyterlab/services";
import type { ProgressEvent, SparkSession } from "../../src";
import { clusterState, eventually, executorProcesses, executors, jobsOfSession, masterStatus, type ClusterState } from "../support/cluster";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";
import { newSession } from "../support/spark";

function resultText(run: Awaited<ReturnType<typeof runCell>>): string | undefined {
  return (run.ofType("execute_result")[0]?.content as { data?: Record<string, string> } | undefined)?.data?.["text/plain"];
}

/** Tasks run per executor so far, by executor id. */
async function tasksByExecutor(state: ClusterState): Promise<Map<string, number>> {
  return new Map((await executors(state)).map((e) => [e.id, e.totalTasks]));
}

describe("the cluster under the Spark Connect server", function () {
  this.timeout(120_000);
  let state: ClusterState;
  let spark: SparkSession;

  before(async () => {
    state = clusterState();
    spark = await newSession();
  });

  after(() => spark?.stop());

  it("has two live workers, each running one executor of the server's application in a JVM the worker started", async () => {
    const master = await masterStatus(state);
    expect(master.aliveworkers).to.equal(2);
    expect(master.workers.filter((w) => w.state === "ALIVE").map((w) => [w.cores, w.coresused])).to.deep.equal([
      [1, 1],
      [1, 1],
    ]);
    expect(master.activeapps.map((app) => app.id)).to.deep.equal([state.appId]);
    const workerPids = state.processes.filter((p) => p.name.startsWith("worker-")).map((p) => p.pid);
    const parents = executorProcesses(state.appId).map((e) => e.parent);
    expect(parents.sort()).to.deep.equal([...workerPids].sort());
  });

  it("runs a job's tasks on the executors of both workers, none in the server's own JVM", async () => {
    const before = await tasksByExecutor(state);
    const [row] = await spark.range(0, 1_000_000, 1, 8).selectExpr("sum(id) AS total").collect();
    expect(row.total).to.equal(499_999_500_000n);
    const after = await tasksByExecutor(state);
    expect([...after.keys()]).to.have.length(2);
    const ran = [...after].map(([id, total]) => total - (before.get(id) ?? 0));
    // Eight partitions, then one task to combine them; each executor took some of them.
    expect(ran.reduce((a, b) => a + b, 0)).to.equal(9);
    for (const count of ran) expect(count).to.be.greaterThan(0);
    const [job] = (await jobsOfSession(state, spark.client.sessionId)).filter((j) => j.numTasks === 8);
    expect(job).to.include({ status: "SUCCEEDED", numCompletedTasks: 8 });
  });

  it("reports progress that counts the executors' tasks, two at a time on two one-core workers", async () => {
    const events: ProgressEvent[] = [];
    const handler = (event: ProgressEvent) => events.push(event);
    spark.registerProgressHandler(handler);
    try {
      // Eight tasks of 1.5 s on two cores: about 6 s, long enough for the server's progress reports.
      const rows = await (await spark.sql("SELECT id, reflect('java.lang.Thread', 'sleep', 1500L) FROM range(0, 8, 1, 8)")).collect();
      expect(rows).to.have.length(8);
    } finally {
      spark.removeProgressHandler(handler);
    }
    const stages = events.flatMap((e) => e.stages);
    expect(
      stages.some((s) => s.numTasks === 8n),
      "a stage of eight tasks",
    ).to.equal(true);
    const completed = stages.filter((s) => s.numTasks === 8n).map((s) => s.numCompletedTasks);
    expect(
      completed.every((count, i) => count <= 8n && (i === 0 || count >= completed[i - 1])),
      `counts that only grow, up to eight: ${completed.join(", ")}`,
    ).to.equal(true);
    // The server reports every two seconds and its report after the last task can come after the
    // results (then the last one seen says 7 of 8); by the report about four seconds in, two
    // one-core workers have finished at least four of the 1.5-second tasks.
    expect(completed.at(-1)! >= 4n, `the last report counts at least half done: ${completed.join(", ")}`).to.equal(true);
    // Both one-core workers busy at once. (The server counts tasks started minus ended, so a report
    // caught between one task's end and the next one's start can say 3: no upper bound here.)
    expect(
      events.some((e) => e.inflightTasks >= 2n),
      "two tasks running at some report",
    ).to.equal(true);
    expect(events.at(-1)!.done).to.equal(true);
  });
});

describe("the kernel on the cluster", function () {
  this.timeout(240_000);
  let state: ClusterState;
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;

  before(async () => {
    state = clusterState();
    installed = installTestKernel({ name: `spark-ts-cluster-${process.pid}`, remote: state.url });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-cluster-")));
    kernel = await server.kernels.startNew({ name: installed.name });
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
  });

  it("stops the tasks running on the executors when the cell is interrupted", async () => {
    const session = await runCell(kernel, "spark.sessionId");
    const sessionId = resultText(session)?.replace(/'/g, "");
    expect(sessionId, JSON.stringify(session.reply.content)).to.match(/^[0-9a-f-]{36}$/);
    // Two tasks of a minute each, one on each executor, unless interrupted.
    const query = "SELECT id, reflect('java.lang.Thread', 'sleep', 60000L) AS slept FROM range(0, 2, 1, 2)";
    const cell = runCell(kernel, `await (await spark.sql(${JSON.stringify(query)})).collect()`);
    // Generous bounds: a hang is the failure here, not the time taken.
    const bothRunning = await eventually(async () => (await executors(state)).every((e) => e.activeTasks === 1), 60_000);
    expect(bothRunning, "a task running on each executor").to.equal(true);
    await kernel.interrupt();
    const run = await cell;
    expect(run.reply.content).to.include({ status: "error", ename: "KeyboardInterrupt" });
    const stopped = await eventually(async () => (await executors(state)).every((e) => e.activeTasks === 0), 30_000);
    expect(stopped, "no task left running on the executors within 30 s of the interrupt (each would sleep 60 s)").to.equal(true);
    const jobs = await jobsOfSession(state, sessionId!);
    expect(jobs.map((j) => [j.status, j.numKilledTasks])).to.deep.include(["FAILED", 2]);
    // The executors survive the interrupt and take the next cell's work.
    const next = await runCell(kernel, 'await (await spark.sql("SELECT count(*) AS n FROM range(0, 100, 1, 4)")).first()');
    expect(resultText(next)).to.include("n: 100");
    expect(await executors(state)).to.have.length(2);
  });
});
