// (d) of the benchmark: kernel cold start to the first result of `SELECT 1`, through a Jupyter
// server, for this kernel and for ipykernel with PySpark's Connect client. Each run starts a new
// kernel process; runs alternate between the two so drift on the machine hits both alike.
//
//   SPARK_REMOTE=sc://... npx tsx bench/kernel_start.ts <runs>     (run.mjs calls it)
//
// Prints one JSON line: {"ours": [seconds...], "theirs": [seconds...]}; the first run of each is a
// warm-up and is left out.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { installTestKernel, venvBin } from "../test/support/kernelInstall";
import { runCell, startJupyterServer } from "../test/support/jupyterServer";

const remote = process.env.SPARK_REMOTE;
if (!remote) throw new Error("SPARK_REMOTE is not set");
const runs = Number(process.argv[2] ?? "5");

const CELLS = {
  ours: 'await (await spark.sql("SELECT 1 AS one")).collect()',
  theirs: [
    "from pyspark.sql import SparkSession",
    `spark = SparkSession.builder.remote(${JSON.stringify(remote)}).getOrCreate()`,
    'spark.sql("SELECT 1 AS one").collect()',
  ].join("\n"),
};

async function main(): Promise<void> {
  const ours = installTestKernel({ name: "spark-ts-bench" });
  // ipykernel's kernelspec beside ours, in the same temporary prefix.
  execFileSync(venvBin("python"), ["-m", "ipykernel", "install", "--prefix", ours.dir, "--name", "pyspark-bench"], { stdio: "ignore" });
  const notebooks = fs.mkdtempSync(path.join(os.tmpdir(), "stk-bench-nb-"));
  const server = await startJupyterServer(ours.env, notebooks);
  const times: Record<"ours" | "theirs", number[]> = { ours: [], theirs: [] };
  try {
    for (let run = 0; run <= runs; run++) {
      for (const side of ["ours", "theirs"] as const) {
        const t0 = performance.now();
        const kernel = await server.kernels.startNew({ name: side === "ours" ? ours.name : "pyspark-bench" });
        const cell = await runCell(kernel, CELLS[side]);
        const elapsed = (performance.now() - t0) / 1000;
        if (cell.reply.content.status !== "ok") throw new Error(`${side}: the first cell failed: ${JSON.stringify(cell.ofType("error"))}`);
        await kernel.shutdown();
        if (run > 0) times[side].push(elapsed);
      }
    }
  } finally {
    await server.stop();
    ours.remove();
    fs.rmSync(notebooks, { recursive: true, force: true });
  }
  console.log(JSON.stringify(times));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
