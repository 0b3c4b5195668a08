import { expect } from "chai";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import { venvBin } from "../support/kernelInstall";

const root = path.resolve(__dirname, "..", "..");

describe("scripts/install-kernel.sh (what the host path and the container image run)", function () {
  this.timeout(120_000);
  let home: string;
  let env: NodeJS.ProcessEnv;
  let output: string;

  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-install-script-"));
    env = { ...process.env, HOME: home, JUPYTER_DATA_DIR: path.join(home, "jupyter"), JUPYTER_CONFIG_DIR: path.join(home, "config") };
    output = execFileSync(
      "bash",
      [
        path.join(root, "scripts", "install-kernel.sh"),
        "--python",
        venvBin("python"),
        "--name",
        "script-installed",
        "--remote",
        "sc://spark.example.com:15002",
      ],
      {
        cwd: root,
        env,
        encoding: "utf8",
      },
    );
  });

  after(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("registers the kernel where Jupyter finds it, and says so", () => {
    expect(output).to.match(/Jupyter lists "script-installed"/);
    const specs = JSON.parse(
      execFileSync(venvBin("python"), ["-m", "jupyter", "kernelspec", "list", "--json"], { env, encoding: "utf8" }),
    ) as {
      kernelspecs: Record<
        string,
        { resource_dir: string; spec: { argv: string[]; language: string; metadata: { spark_ts_kernel: { remote: string } } } }
      >;
    };
    const spec = specs.kernelspecs["script-installed"];
    expect(spec.resource_dir.startsWith(path.join(home, "jupyter"))).to.equal(true);
    expect(spec.spec.language).to.equal("typescript");
    expect(spec.spec.metadata.spark_ts_kernel.remote).to.equal("sc://spark.example.com:15002");
  });

  it("writes an argv that starts this package's command", () => {
    const spec = JSON.parse(fs.readFileSync(path.join(home, "jupyter", "kernels", "script-installed", "kernel.json"), "utf8")) as {
      argv: string[];
    };
    const snapshot = path.join(home, "jupyter", "kernels", "script-installed", "startup-snapshot.blob");
    expect(spec.argv.slice(2)).to.deep.equal(["kernel", "--connection-file", "{connection_file}", "--startup-snapshot", snapshot]);
    expect(fs.statSync(snapshot).size).to.be.greaterThan(0);
    const version = execFileSync(spec.argv[0], [spec.argv[1], "version"], { encoding: "utf8" });
    expect(version).to.match(/spark-ts-kernel \d+\.\d+\.\d+/);
  });

  it("refuses an unknown option", () => {
    expect(() =>
      execFileSync("bash", [path.join(root, "scripts", "install-kernel.sh"), "--nope"], { cwd: root, env, stdio: "pipe" }),
    ).to.throw(/unknown option --nope/);
  });
});
