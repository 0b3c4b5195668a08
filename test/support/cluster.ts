// What the cluster suite knows of the standalone cluster it runs on (scripts/cluster.mjs writes its
// state): the master's JSON status, the driver's REST API, and the processes of each part.
import fs from "node:fs";
import path from "node:path";
import type { SparkSession } from "../../src";

const root = path.resolve(__dirname, "..", "..");

export interface ClusterState {
  readonly url: string;
  readonly masterUrl: string;
  readonly masterJson: string;
  readonly driverApi: string;
  readonly appId: string;
  readonly processes: readonly { readonly name: string; readonly pid: number }[];
}

/** The running cluster's state, from SPARK_TS_CLUSTER_DIR (or .cluster/). */
export function clusterState(): ClusterState {
  const dir = process.env.SPARK_TS_CLUSTER_DIR ?? path.join(root, ".cluster");
  const file = path.join(dir, "cluster.json");
  if (!fs.existsSync(file)) throw new Error(`no cluster state at ${file}: start it with \`node scripts/cluster.mjs start\``);
  return JSON.parse(fs.readFileSync(file, "utf8")) as ClusterState;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export interface MasterStatus {
  readonly status: string;
  readonly aliveworkers: number;
  readonly workers: readonly { readonly id: string; readonly state: string; readonly cores: number; readonly coresused: number }[];
  readonly activeapps: readonly { readonly id: string; readonly cores: number }[];
}

/** The master's view: its workers and the applications running on them. */
export function masterStatus(state: ClusterState): Promise<MasterStatus> {
  return getJson<MasterStatus>(state.masterJson);
}

export interface ExecutorSummary {
  readonly id: string;
  readonly hostPort: string;
  readonly isActive: boolean;
  readonly activeTasks: number;
  readonly completedTasks: number;
  readonly failedTasks: number;
  readonly totalTasks: number;
}

/** The Connect server application's executors (without the driver's own entry). */
export async function executors(state: ClusterState): Promise<ExecutorSummary[]> {
  const all = await getJson<ExecutorSummary[]>(`${state.driverApi}/applications/${state.appId}/executors`);
  return all.filter((e) => e.id !== "driver" && e.isActive);
}

export interface JobSummary {
  readonly jobId: number;
  readonly status: string;
  readonly numTasks: number;
  readonly numCompletedTasks: number;
  readonly numKilledTasks: number;
  readonly jobTags?: readonly string[];
}

/** The jobs a Spark Connect session ran: Spark tags each with the session's id. */
export async function jobsOfSession(state: ClusterState, sessionId: string): Promise<JobSummary[]> {
  const jobs = await getJson<JobSummary[]>(`${state.driverApi}/applications/${state.appId}/jobs`);
  return jobs.filter((job) => (job.jobTags ?? []).some((tag) => tag.includes(`Session_${sessionId}`)));
}

/** Executor JVMs of the application: their pids and the pid of the process that started each. */
export function executorProcesses(appId: string): { readonly pid: number; readonly parent: number }[] {
  const found: { pid: number; parent: number }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    let stat: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // Gone meanwhile.
    }
    const args = cmdline.split("\0");
    if (!args.includes("org.apache.spark.executor.CoarseGrainedExecutorBackend") || !args.includes(appId)) continue;
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name, is the parent's pid.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    found.push({ pid: Number(entry), parent });
  }
  return found;
}

/** Polls `check` until it holds or `timeoutMs` passes; resolves to whether it held. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Skips the running test (or, from a `before` hook, its suite) when the server runs its jobs on a
 * cluster (its master is `spark://...`), saying why the test cannot hold there.
 */
export async function skipOnCluster(context: Mocha.Context, spark: SparkSession, why: string): Promise<void> {
  const master = await spark.conf.get("spark.master");
  if (!master.startsWith("spark://")) return;
  const runnable = context.currentTest ?? context.test;
  if (runnable) runnable.title += ` (skipped on a cluster: ${why})`;
  context.skip();
}
