import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

const root = path.resolve(__dirname, "..", "..");

describe("installing from the published package with npx", function () {
  this.timeout(600_000);
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  let server: JupyterServer | undefined;
  let installOutput: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stk-pack-"));
    const home = path.join(tmp, "home");
    fs.mkdirSync(home);
    // Both packages as they would be published: the client (the repository root) and the kernel.
    const pack = (...args: string[]) =>
      execFileSync("npm", ["pack", "--silent", "--pack-destination", tmp, ...args], { cwd: root, encoding: "utf8" })
        .trim()
        .split("\n")
        .at(-1)!;
    const tarballs = [pack(), pack("--workspace", "kernel")];
    const versionOf = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
    expect(tarballs).to.deep.equal([`spark-ts-${versionOf(root)}.tgz`, `spark-ts-kernel-${versionOf(path.join(root, "kernel"))}.tgz`]);
    // A user with nothing but node: a fresh HOME, its own npm cache, no Jupyter paths of ours.
    env = { ...process.env, HOME: home, npm_config_cache: path.join(home, ".npm"), npm_config_update_notifier: "false" };
    for (const key of ["JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "XDG_DATA_HOME", "VIRTUAL_ENV"])
      delete env[key];
    installOutput = execFileSync(
      "npx",
      [
        "--yes",
        ...tarballs.map((tarball) => `--package=${path.join(tmp, tarball)}`),
        "spark-ts-kernel",
        "install",
        "--remote",
        process.env.SPARK_REMOTE!,
      ],
      { cwd: home, env, encoding: "utf8" },
    );
  });

  after(async () => {
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("copies itself out of the npx cache and points kernel.json at the copy", () => {
    const spec = JSON.parse(
      fs.readFileSync(path.join(env.HOME!, ".local", "share", "jupyter", "kernels", "spark-ts", "kernel.json"), "utf8"),
    ) as { argv: string[] };
    expect(installOutput).to.include("Installed the kernel");
    expect(spec.argv[1]).to.include(path.join(".local", "share", "jupyter", "spark-ts-kernel", "runtime"));
    expect(spec.argv[1]).not.to.include("_npx");
  });

  it("starts through Jupyter and runs Spark and Node cells after the npx cache is gone", async () => {
    fs.rmSync(path.join(env.npm_config_cache!, "_npx"), { recursive: true, force: true });
    const notebooks = path.join(tmp, "notebooks");
    fs.mkdirSync(notebooks);
    server = await startJupyterServer(env, notebooks);
    const kernel = await server.kernels.startNew({ name: "spark-ts" });
    try {
      const run = await runCell(kernel, 'await (await spark.sql("SELECT 6 * 7 AS answer")).collect()');
      expect(run.reply.content.status, JSON.stringify(run.ofType("error").map((m) => m.content))).to.equal("ok");
      expect(JSON.stringify(run.ofType("execute_result")[0].content)).to.include("42");
      // Node's types come with the package: cells using console type-check in any folder.
      const log = await runCell(kernel, 'console.log(Buffer.from("ok").toString())');
      expect(
        log
          .ofType("stream")
          .map((m) => (m.content as { text: string }).text)
          .join(""),
      ).to.equal("ok\n");
    } finally {
      await kernel.shutdown();
    }
  });
});
