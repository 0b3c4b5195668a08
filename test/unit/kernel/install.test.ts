import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { afterEach, beforeEach, describe, it } from "mocha";
import { dataSearchPath, userDataDir, type PathContext } from "../../../src/kernel/install/jupyterPaths";
import { kernelJson, REMOTE_ENV } from "../../../src/kernel/install/kernelspec";
import { install, list, uninstall } from "../../../src/kernel/install/commands";
import { isTemporaryInstall } from "../../../src/kernel/install/runtimeCopy";

const linux = (env: Record<string, string> = {}): PathContext => ({ env, platform: "linux", home: "/home/ada" });

describe("where Jupyter looks for kernels", () => {
  it("uses JUPYTER_DATA_DIR, else XDG_DATA_HOME, else ~/.local/share on Linux", () => {
    expect(userDataDir(linux({ JUPYTER_DATA_DIR: "/data/j" }))).to.equal("/data/j");
    expect(userDataDir(linux({ XDG_DATA_HOME: "/xdg" }))).to.equal("/xdg/jupyter");
    expect(userDataDir(linux())).to.equal("/home/ada/.local/share/jupyter");
  });

  it("follows the macOS and Windows conventions", () => {
    expect(userDataDir({ env: {}, platform: "darwin", home: "/Users/ada" })).to.equal("/Users/ada/Library/Jupyter");
    expect(userDataDir({ env: { APPDATA: "C:\\Users\\ada\\AppData\\Roaming" }, platform: "win32", home: "C:\\Users\\ada" })).to.equal(
      path.join("C:\\Users\\ada\\AppData\\Roaming", "jupyter"),
    );
  });

  it("searches JUPYTER_PATH, the user dir, the active environment, then the system dirs, in that order", () => {
    expect(dataSearchPath(linux({ JUPYTER_PATH: "/a:/b", VIRTUAL_ENV: "/venv" }))).to.deep.equal([
      "/a",
      "/b",
      "/home/ada/.local/share/jupyter",
      "/venv/share/jupyter",
      "/usr/local/share/jupyter",
      "/usr/share/jupyter",
    ]);
  });
});

describe("kernel.json", () => {
  const base = { name: "spark-prod", displayName: "Spark prod", interruptMode: "signal" as const, node: "/usr/bin/node", script: "/opt/stk/bin/spark-ts-kernel.js", version: "0.1.0" };

  it("starts the kernel with absolute paths and Jupyter's {connection_file} as its own argument", () => {
    const spec = kernelJson(base);
    expect(spec.argv).to.deep.equal(["/usr/bin/node", "/opt/stk/bin/spark-ts-kernel.js", "kernel", "--connection-file", "{connection_file}"]);
    expect(spec).to.include({ display_name: "Spark prod", language: "typescript", interrupt_mode: "signal" });
  });

  it("names the startup snapshot after Jupyter's arguments when there is one", () => {
    const spec = kernelJson({ ...base, startupSnapshot: "/k/spark-prod/startup-snapshot.blob" });
    expect(spec.argv.slice(2)).to.deep.equal(["kernel", "--connection-file", "{connection_file}", "--startup-snapshot", "/k/spark-prod/startup-snapshot.blob"]);
  });

  it("passes the remote through env and keeps only its redacted form in metadata", () => {
    const spec = kernelJson({ ...base, remote: "sc://spark.example.com:443/;token=s3cr3t-token-value" });
    expect(spec.env[REMOTE_ENV]).to.equal("sc://spark.example.com:443/;token=s3cr3t-token-value");
    expect(JSON.stringify(spec.metadata)).not.to.include("s3cr3t");
    expect(spec.argv.join(" ")).not.to.include("s3cr3t");
  });

  it("refuses names Jupyter would not accept", () => {
    expect(() => kernelJson({ ...base, name: "spark prod" })).to.throw(RangeError, /kernel name/);
    expect(() => kernelJson({ ...base, name: "../escape" })).to.throw(RangeError);
  });
});

describe("install, list and uninstall", () => {
  let tmp: string;
  let ctx: PathContext;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stk-install-"));
    ctx = { env: { JUPYTER_DATA_DIR: path.join(tmp, "user") }, platform: process.platform, home: tmp };
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("writes kernel.json and the three logos into <prefix>/share/jupyter/kernels/<name>", () => {
    const { dir } = install({ snapshot: false, location: { kind: "prefix", prefix: tmp }, name: "stk" }, ctx);
    expect(dir).to.equal(path.join(tmp, "share", "jupyter", "kernels", "stk"));
    expect(fs.readdirSync(dir).sort()).to.deep.equal(["kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, "kernel.json"), "utf8"));
    expect(fs.existsSync(spec.argv[1])).to.equal(true);
    expect(spec.argv[0]).to.equal(process.execPath);
  });

  it("installs kernels with different remotes side by side, and lists only its own", () => {
    install({ snapshot: false, location: { kind: "user" }, name: "spark-a", remote: "sc://a.example:15002" }, ctx);
    install({ snapshot: false, location: { kind: "user" }, name: "spark-b", remote: "sc://b.example:15002" }, ctx);
    const other = path.join(tmp, "user", "kernels", "python3");
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(path.join(other, "kernel.json"), JSON.stringify({ argv: ["python"], display_name: "Python 3", language: "python" }));
    const found = list(ctx).map((k) => [k.name, k.remote]);
    expect(found).to.deep.equal([
      ["spark-a", "sc://a.example:15002"],
      ["spark-b", "sc://b.example:15002"],
    ]);
  });

  it("keeps a kernel.json that holds a token readable by its owner only", function () {
    if (process.platform === "win32") this.skip();
    const { dir } = install({ snapshot: false, location: { kind: "user" }, name: "secure", remote: "sc://h:443/;token=abc123" }, ctx);
    expect(fs.statSync(path.join(dir, "kernel.json")).mode & 0o777).to.equal(0o600);
  });

  it("uninstalls by name wherever the kernel is, and reports when there is none", () => {
    install({ snapshot: false, location: { kind: "user" }, name: "gone" }, ctx);
    expect(uninstall("gone", undefined, ctx)).to.have.length(1);
    expect(list(ctx)).to.deep.equal([]);
    expect(uninstall("gone", undefined, ctx)).to.deep.equal([]);
  });

  it("needs an active environment for --sys-prefix", () => {
    expect(() => install({ snapshot: false, location: { kind: "sys-prefix" } }, { ...ctx, env: {} })).to.throw(/VIRTUAL_ENV/);
  });

  it("knows when it runs from npx's temporary cache", () => {
    expect(isTemporaryInstall("/home/ada/.npm/_npx/1a2b/node_modules/spark-ts-kernel")).to.equal(true);
    expect(isTemporaryInstall("/home/ada/project/node_modules/spark-ts-kernel")).to.equal(false);
  });
});
