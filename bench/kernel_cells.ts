// (g) of the benchmark: what a notebook feels cell after cell, this kernel against ipykernel with
// PySpark's Connect client, both started by one Jupyter server and talking to one Spark server.
//
//   SPARK_REMOTE=sc://... npx tsx bench/kernel_cells.ts [cellsPerKind] [growthCells]   (run.mjs calls it)
//
// - Per cell kind, `cellsPerKind` cells (21) in each kernel, the kernels taking turns cell by cell
//   (which goes first alternates), after a few warm-up cells of every kind. A cell's time is the
//   wall time from sending its execute_request to receiving its execute_reply, through Jupyter's
//   websocket, measured the same way for both.
// - Growth and memory: a new pair of kernels runs `growthCells` (500) cells of the four kinds in
//   turn, again taking turns; the medians of its first and last 50 cells, and the resident size of
//   the kernel process after its 10th and its last cell (read from /proc; for this kernel the
//   process that runs the cells, the child started from the startup snapshot when there is one):
//   at once, and settled, after both kernels idled for a while (see SETTLE_SECONDS).
//
// The PySpark peers: `1 + 1`; `x<n> = 1` for `const x<n> = 1`; `spark.sql(q).collect()` for
// `await (await spark.sql(q)).collect()`; and `spark.range(5)` left last, with
// spark.sql.repl.eagerEval.enabled set in its own session. Without it ipykernel shows only
// `DataFrame[id: bigint]`; with it, PySpark's `__repr__` runs the query and shows Spark's text grid
// of the rows. (IPython never calls a Connect DataFrame's `_repr_html_`: the DataFrame answers
// every attribute name, IPython's test for a proxy object.) This kernel shows an HTML table and
// a text grid, from one query.
//
// The Jupyter server sends each websocket frame as it comes, with Nagle's algorithm on: a message
// sent while the one before is not yet acknowledged waits for the client's delayed ACK, about
// 40 ms on Linux, and nearly every cell's reply is such a message. That wait is the same for
// both kernels and would hide most of what they differ by, so this benchmark's Jupyter server
// sends with TCP_NODELAY (a server config file in its own config folder).
//
// Prints one JSON line (times in seconds, sizes in bytes). A benchmark, not a test: nothing here
// asserts a timing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { installTestKernel, venvBin } from "../test/support/kernelInstall";
import { startJupyterServer, type JupyterServer } from "../test/support/jupyterServer";

const remote = process.env.SPARK_REMOTE;
if (!remote) throw new Error("SPARK_REMOTE is not set");
const cellsPerKind = Number(process.argv[2] ?? "21");
const growthCells = Number(process.argv[3] ?? "500");
/** Warm-up cells of each kind in each kernel before the timed ones. */
const WARMUP = 3;
/** The cells after which the kernels' resident size is read in the growth run. */
const EARLY_CELLS = 10;
/** How many cells at each end of the growth run are compared. */
const ENDS = 50;
/**
 * How long both kernels idle (their resident size read each second, the lowest kept) after the
 * 10th and the last cell of the growth run. A garbage-collected kernel gives memory back once it
 * is idle (V8's memory reducer, measured 15 to 30 s after the last cell), an ipykernel at once.
 */
const SETTLE_SECONDS = 45;

type Side = "ours" | "theirs";
const SIDES: readonly Side[] = ["ours", "theirs"];
const KINDS = ["trivial", "declaring", "sql", "table"] as const;
type Kind = (typeof KINDS)[number];

/** The text of the `n`th cell of `kind` (n makes the declared names fresh). */
const CELLS: Record<Kind, Record<Side, (n: number) => string>> = {
  trivial: { ours: () => "1 + 1", theirs: () => "1 + 1" },
  declaring: { ours: (n) => `const x${n} = 1`, theirs: (n) => `x${n} = 1` },
  sql: {
    ours: () => 'await (await spark.sql("SELECT 1 AS one")).collect()',
    theirs: () => 'spark.sql("SELECT 1 AS one").collect()',
  },
  table: { ours: () => "spark.range(5)", theirs: () => "spark.range(5)" },
};

const SETUP: Record<Side, string | undefined> = {
  ours: undefined,
  theirs: [
    "from pyspark.sql import SparkSession",
    `spark = SparkSession.builder.remote(${JSON.stringify(remote)}).getOrCreate()`,
    'spark.conf.set("spark.sql.repl.eagerEval.enabled", True)',
  ].join("\n"),
};

/** Sets TCP_NODELAY on the Jupyter server's kernel websockets (see the top of this file). */
const NODELAY_CONFIG = [
  "from jupyter_server.services.kernels.websocket import KernelWebsocketHandler",
  "_open = KernelWebsocketHandler.open",
  "async def _open_without_nagle(self, *args, **kwargs):",
  "    self.set_nodelay(True)",
  "    return await _open(self, *args, **kwargs)",
  "KernelWebsocketHandler.open = _open_without_nagle",
  "",
].join("\n");

interface Timed {
  readonly seconds: number;
  readonly iopub: KernelMessage.IIOPubMessage[];
}

/** Runs `code`; resolves once the kernel is idle again, with the time from request to reply. */
async function timedCell(kernel: Kernel.IKernelConnection, code: string): Promise<Timed> {
  const iopub: KernelMessage.IIOPubMessage[] = [];
  const t0 = performance.now();
  let replied = Number.NaN;
  const future = kernel.requestExecute({ code, stop_on_error: false });
  future.onReply = () => void (replied = performance.now());
  future.onIOPub = (msg) => void iopub.push(msg);
  const reply = await future.done;
  if (reply.content.status !== "ok") throw new Error(`the cell ${JSON.stringify(code)} failed: ${JSON.stringify(reply.content)}`);
  return { seconds: (replied - t0) / 1000, iopub };
}

/** The pid of the process that runs `kernel`'s cells: of those whose argv names its connection file, the one with no such child. */
function kernelPid(kernel: Kernel.IKernelConnection): number {
  const file = `kernel-${kernel.id}.json`;
  const found = new Map<number, number>(); // pid -> parent
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (!args.some((arg) => arg.endsWith(file))) continue;
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name, is the parent's pid.
      found.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const parents = new Set(found.values());
  const leaves = [...found.keys()].filter((pid) => !parents.has(pid));
  if (leaves.length !== 1) throw new Error(`expected one process running kernel ${kernel.id}, found ${leaves.length}`);
  return leaves[0];
}

function rssBytes(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  if (!line) throw new Error(`no VmRSS for ${pid}`);
  return Number(line.split(/\s+/)[1]) * 1024;
}

/** The lowest resident size of each process over `seconds` of idling, read each second. */
async function settledRss(pids: Record<Side, number>, seconds: number): Promise<Record<Side, number>> {
  const lowest = { ours: rssBytes(pids.ours), theirs: rssBytes(pids.theirs) };
  for (let i = 0; i < seconds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const side of SIDES) lowest[side] = Math.min(lowest[side], rssBytes(pids[side]));
  }
  return lowest;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)] + s[Math.ceil(mid)]) / 2;
};

/** A kernel of each side, set up and ready for cells. */
async function startPair(server: JupyterServer, names: Record<Side, string>): Promise<Record<Side, Kernel.IKernelConnection>> {
  const kernels = {} as Record<Side, Kernel.IKernelConnection>;
  for (const side of SIDES) {
    kernels[side] = await server.kernels.startNew({ name: names[side] });
    const setup = SETUP[side];
    if (setup) await timedCell(kernels[side], setup);
  }
  return kernels;
}

/**
 * Checks, once, that the table cells of both kernels did show the rows (so the two compare like
 * with like): an HTML table here, Spark's text grid in ipykernel.
 */
function assertShowsTable(side: Side, run: Timed): void {
  const shown = run.iopub.some((m) => {
    const data = (m.content as { data?: Record<string, unknown> }).data;
    const [mime, mark] = side === "ours" ? ["text/html", "<table"] : ["text/plain", "|  4|"];
    const text = data?.[mime];
    return typeof text === "string" && text.includes(mark);
  });
  if (!shown) throw new Error(`${side}: the table cell showed no table: ${JSON.stringify(run.iopub.map((m) => m.content))}`);
}

async function main(): Promise<void> {
  const ours = installTestKernel({ name: "spark-ts-bench-cells" });
  // ipykernel's kernelspec beside ours, in the same temporary prefix.
  execFileSync(venvBin("python"), ["-m", "ipykernel", "install", "--prefix", ours.dir, "--name", "pyspark-bench-cells"], {
    stdio: "ignore",
  });
  const names: Record<Side, string> = { ours: ours.name, theirs: "pyspark-bench-cells" };
  const notebooks = fs.mkdtempSync(path.join(os.tmpdir(), "stk-bench-cells-nb-"));
  const configDir = ours.env.JUPYTER_CONFIG_DIR!;
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(path.join(configDir, "jupyter_server_config.py"), NODELAY_CONFIG);
  const server = await startJupyterServer(ours.env, notebooks);
  const declared: Record<Side, number> = { ours: 0, theirs: 0 };
  const cell = (kind: Kind, side: Side) => CELLS[kind][side](kind === "declaring" ? ++declared[side] : 0);
  try {
    // Per cell kind.
    const kinds = Object.fromEntries(KINDS.map((k) => [k, { ours: [] as number[], theirs: [] as number[] }])) as Record<
      Kind,
      Record<Side, number[]>
    >;
    let kernels = await startPair(server, names);
    for (const side of SIDES) {
      for (let i = 0; i < WARMUP; i++) {
        for (const kind of KINDS) {
          const run = await timedCell(kernels[side], cell(kind, side));
          if (kind === "table" && i === 0) assertShowsTable(side, run);
        }
      }
    }
    for (let i = 0; i < cellsPerKind; i++) {
      for (const kind of KINDS) {
        for (const side of i % 2 === 0 ? SIDES : [...SIDES].reverse()) {
          kinds[kind][side].push((await timedCell(kernels[side], cell(kind, side))).seconds);
        }
      }
    }
    for (const side of SIDES) await kernels[side].shutdown();

    // Growth and memory, in new kernels.
    kernels = await startPair(server, names);
    const pids = { ours: kernelPid(kernels.ours), theirs: kernelPid(kernels.theirs) };
    const growth = { ours: [] as number[], theirs: [] as number[] };
    const rss = {
      ours: { early: 0, late: 0, earlySettled: 0, lateSettled: 0 },
      theirs: { early: 0, late: 0, earlySettled: 0, lateSettled: 0 },
    };
    for (let i = 0; i < growthCells; i++) {
      const kind = KINDS[i % KINDS.length];
      for (const side of i % 2 === 0 ? SIDES : [...SIDES].reverse()) {
        growth[side].push((await timedCell(kernels[side], cell(kind, side))).seconds);
      }
      if (i + 1 === EARLY_CELLS) {
        for (const side of SIDES) rss[side].early = rssBytes(pids[side]);
        const settled = await settledRss(pids, SETTLE_SECONDS);
        for (const side of SIDES) rss[side].earlySettled = settled[side];
      }
    }
    for (const side of SIDES) rss[side].late = rssBytes(pids[side]);
    const settled = await settledRss(pids, SETTLE_SECONDS);
    for (const side of SIDES) rss[side].lateSettled = settled[side];
    for (const side of SIDES) await kernels[side].shutdown();

    const ends = (xs: number[]) => ({ first: median(xs.slice(0, ENDS)), last: median(xs.slice(-ENDS)) });
    console.log(
      JSON.stringify({
        cellsPerKind,
        growthCells,
        kinds,
        growth: { ours: ends(growth.ours), theirs: ends(growth.theirs) },
        rss: { earlyCells: EARLY_CELLS, settleSeconds: SETTLE_SECONDS, ...rss },
      }),
    );
  } finally {
    await server.stop();
    ours.remove();
    fs.rmSync(notebooks, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
