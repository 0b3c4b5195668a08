// A kernel installed with --remote-from-env: kernel.json holds no connection string, and the kernel
// reads its server (secret and all) from the environment Jupyter gives it.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";
import { sparkRemote } from "../support/spark";

const SECRET = "kernel-env-h34der-7c2d";

/** Fails without quoting `text`, so that a failing test does not print the secret it found. */
function expectNoSecret(text: string, what: string): void {
  expect(text.includes(SECRET), `${what} shows the secret`).to.equal(false);
}

describe("a kernel installed with --remote-from-env SPARK_REMOTE", function () {
  this.timeout(300_000);
  let installed: InstalledTestKernel;
  let specText: string;
  let server: JupyterServer | undefined;

  before(() => {
    // remote "" installs without --remote: the variable's name is all kernel.json gets.
    installed = installTestKernel({ name: `spark-ts-env-${process.pid}`, remote: "", extraArgs: ["--remote-from-env", "SPARK_REMOTE"] });
    specText = fs.readFileSync(path.join(installed.dir, "share", "jupyter", "kernels", installed.name, "kernel.json"), "utf8");
  });

  after(async () => {
    await server?.stop();
    installed?.remove();
  });

  it("writes a kernel.json that holds no connection string, only the variable's name", () => {
    const spec = JSON.parse(specText) as {
      argv: string[];
      env: Record<string, string>;
      metadata: { spark_ts_kernel: Record<string, unknown> };
    };
    expect(specText).not.to.include("sc://");
    expect(spec.env).to.deep.equal({});
    expect(spec.argv.slice(spec.argv.indexOf("--remote-from-env"), spec.argv.indexOf("--remote-from-env") + 2)).to.deep.equal([
      "--remote-from-env",
      "SPARK_REMOTE",
    ]);
    expect(spec.metadata.spark_ts_kernel).to.include({ remote: null, remote_from_env: "SPARK_REMOTE" });
  });

  it("runs a Spark cell on the server SPARK_REMOTE names in Jupyter's environment, its secret header never shown", async () => {
    const remote = sparkRemote();
    // A loopback server takes a secret-looking header over plain text; Spark ignores the header.
    const withKey = `${remote}${remote.includes("/;") ? ";" : remote.endsWith("/") ? ";" : "/;"}x-api-key=${SECRET}`;
    server = await startJupyterServer({ ...installed.env, SPARK_REMOTE: withKey }, fs.mkdtempSync(path.join(os.tmpdir(), "stk-env-nb-")));
    const kernel: Kernel.IKernelConnection = await server.kernels.startNew({ name: installed.name });
    const outputs: string[] = [];
    try {
      const run = await runCell(kernel, 'await (await spark.sql("SELECT 6 * 7 AS answer")).collect()');
      outputs.push(JSON.stringify(run.iopub), JSON.stringify(run.reply));
      expect(run.reply.content.status).to.equal("ok");
      expect(JSON.stringify(run.ofType("execute_result")[0].content)).to.include("42");
      // The options are internal to the notebook's types; the cell reaches them all the same.
      const options = "(spark as unknown as { client: { options: object } }).client.options";
      const shown = await runCell(kernel, `[String(${options}), JSON.stringify(${options})].join(" ")`);
      outputs.push(JSON.stringify(shown.iopub), JSON.stringify(shown.reply));
      expect(shown.reply.content.status, JSON.stringify(shown.reply.content).replaceAll(SECRET, "<the secret>")).to.equal("ok");
      expect(JSON.stringify(shown.ofType("execute_result")[0]?.content)).to.include("x-api-key=<redacted>");
    } finally {
      await kernel.shutdown();
    }
    // The kernel's own log line names the server it connected to, redacted.
    expect(server.log()).to.include("x-api-key=<redacted>");
    expectNoSecret(server.log(), "the Jupyter server's log (the kernel's stderr included)");
    outputs.forEach((output, i) => expectNoSecret(output, `cell output ${i}`));
    expectNoSecret(specText, "kernel.json");
  });

  it("does not start, saying so, when SPARK_REMOTE is not set where Jupyter starts it", async () => {
    const spec = JSON.parse(specText) as { argv: string[] };
    const connectionFile = path.join(installed.dir, "unused-connection.json");
    const argv = spec.argv.map((arg) => (arg === "{connection_file}" ? connectionFile : arg));
    const env = { ...installed.env };
    delete env.SPARK_REMOTE;
    // The exact command Jupyter runs; a hang would be the failure, so the bound is generous.
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(argv[0], argv.slice(1), { env, timeout: 120_000 }, (error, _stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });
    expect(run.code).to.equal(1);
    expect(run.stderr)
      .to.include("reads its Spark Connect server from $SPARK_REMOTE")
      .and.to.include("SPARK_REMOTE is not set in the environment Jupyter started it in");
  });
});
