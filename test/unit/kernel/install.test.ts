import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { afterEach, beforeEach, describe, it } from "mocha";
import { dataSearchPath, userDataDir, type PathContext } from "../../../kernel/src/install/jupyterPaths";
import { InvalidKernelNameError, kernelJson, kernelName, REMOTE_ENV } from "../../../kernel/src/install/kernelspec";
import { install, list, uninstall } from "../../../kernel/src/install/commands";
import { NotOursError } from "../../../kernel/src/install/ownedFolder";
import { copyRuntime, isTemporaryInstall, runtimeDirFor } from "../../../kernel/src/install/runtimeCopy";
import { main } from "../../../kernel/src/cli";

const linux = (env: Record<string, string> = {}): PathContext => ({ env, platform: "linux", home: "/home/ada" });

/** Every entry under `dir` with what it is (and a file's content, a link's target), to compare before and after. */
function tree(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at).sort()) {
      const full = path.join(at, entry);
      const rel = path.relative(dir, full);
      const stat = fs.lstatSync(full);
      if (stat.isSymbolicLink()) found[rel] = `link -> ${fs.readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        found[rel] = "dir";
        walk(full);
      } else found[rel] = `file ${fs.readFileSync(full, "utf8")}`;
    }
  };
  walk(dir);
  return found;
}

/** Another kernel beside ours, and Jupyter's runtime files: what a Jupyter data dir holds. */
function neighbours(dataDir: string): void {
  const python = path.join(dataDir, "kernels", "python3");
  fs.mkdirSync(python, { recursive: true });
  fs.writeFileSync(path.join(python, "kernel.json"), JSON.stringify({ argv: ["python"], display_name: "Python 3", language: "python" }));
  fs.mkdirSync(path.join(dataDir, "runtime"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "runtime", "kernel-1234.json"), "{}");
}

/** A package laid out as npm installs it: this package and a dependency under node_modules. */
function fakePackage(at: string): string {
  const root = path.join(at, "node_modules", "spark-ts-kernel");
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "spark-ts-kernel", version: "9.9.9" }));
  fs.mkdirSync(path.join(at, "node_modules", "dep"));
  fs.writeFileSync(path.join(at, "node_modules", "dep", "index.js"), "module.exports = 1;");
  return root;
}

describe("kernel names", () => {
  it("follow Jupyter's rule and are kept in lower case, as Jupyter keeps them", () => {
    expect(kernelName("spark-ts")).to.equal("spark-ts");
    expect(kernelName("Spark_Prod.2")).to.equal("spark_prod.2");
    expect(kernelName(".hidden-ok")).to.equal(".hidden-ok");
  });

  it("refuse '.', '..' and anything that is not one plain folder name", () => {
    for (const bad of [".", "..", "...", "", "spark prod", "../escape", "a/b", "a\\b", "a\u0000b", "caf\u00e9", "x\n"]) {
      expect(() => kernelName(bad), JSON.stringify(bad)).to.throw(InvalidKernelNameError, /is not a kernel name/);
    }
  });
});

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
  const base = {
    name: "spark-prod",
    displayName: "Spark prod",
    interruptMode: "signal" as const,
    node: "/usr/bin/node",
    script: "/opt/stk/bin/spark-ts-kernel.js",
    version: "0.1.0",
  };

  it("starts the kernel with absolute paths and Jupyter's {connection_file} as its own argument", () => {
    const spec = kernelJson(base);
    expect(spec.argv).to.deep.equal([
      "/usr/bin/node",
      "/opt/stk/bin/spark-ts-kernel.js",
      "kernel",
      "--connection-file",
      "{connection_file}",
    ]);
    expect(spec).to.include({ display_name: "Spark prod", language: "typescript", interrupt_mode: "signal" });
  });

  it("names the startup snapshot after Jupyter's arguments when there is one", () => {
    const spec = kernelJson({ ...base, startupSnapshot: "/k/spark-prod/startup-snapshot.blob" });
    expect(spec.argv.slice(2)).to.deep.equal([
      "kernel",
      "--connection-file",
      "{connection_file}",
      "--startup-snapshot",
      "/k/spark-prod/startup-snapshot.blob",
    ]);
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
    expect(() => kernelJson({ ...base, name: ".." })).to.throw(InvalidKernelNameError);
  });

  it("with remoteFromEnv names only the variable: no connection string in env, argv or metadata", () => {
    const spec = kernelJson({ ...base, remoteFromEnv: "SPARK_REMOTE" });
    expect(spec.argv.slice(2)).to.deep.equal(["kernel", "--connection-file", "{connection_file}", "--remote-from-env", "SPARK_REMOTE"]);
    expect(spec.env).to.deep.equal({});
    expect(spec.metadata.spark_ts_kernel).to.deep.equal({ version: "0.1.0", remote: null, remote_from_env: "SPARK_REMOTE" });
    expect(JSON.stringify(spec)).not.to.include("sc://");
  });

  it("passes the Spark UI that progress links to as an argument, without user info, query or fragment", () => {
    const spec = kernelJson({ ...base, sparkUi: "https://ada:pa55word@gateway.example/spark/?token=t0ken-value#top" });
    expect(spec.argv.slice(2)).to.deep.equal([
      "kernel",
      "--connection-file",
      "{connection_file}",
      "--spark-ui",
      "https://gateway.example/spark",
    ]);
    expect(spec.metadata.spark_ts_kernel.spark_ui).to.equal("https://gateway.example/spark");
    expect(JSON.stringify(spec)).not.to.match(/pa55word|t0ken-value|ada:/);
    expect(() => kernelJson({ ...base, sparkUi: "file:///etc/spark" })).to.throw(RangeError, /http or https/);
  });

  it("takes a remote or the variable to read it from, not both, and only a variable's name", () => {
    expect(() => kernelJson({ ...base, remote: "sc://h", remoteFromEnv: "SPARK_REMOTE" })).to.throw(RangeError, /not both/);
    for (const bad of ["", "1X", "SPARK-REMOTE", "$SPARK_REMOTE", "A B"]) {
      expect(() => kernelJson({ ...base, remoteFromEnv: bad }), bad).to.throw(RangeError, /not an environment variable name/);
    }
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
    const spec = JSON.parse(fs.readFileSync(path.join(dir, "kernel.json"), "utf8")) as { argv: string[] };
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
    const { dir, secrets } = install(
      { snapshot: false, location: { kind: "user" }, name: "secure", remote: "sc://h:443/;token=abc123" },
      ctx,
    );
    expect(fs.statSync(path.join(dir, "kernel.json")).mode & 0o777).to.equal(0o600);
    expect(secrets).to.deep.equal(["token"]);
  });

  it("keeps a kernel.json readable by its owner only whenever the remote holds a secret-looking header", function () {
    if (process.platform === "win32") this.skip();
    const remotes: Array<[string, string[]]> = [
      ["sc://10.1.2.3:15002/;x-api-key=k3y-v4lue", ["x-api-key"]],
      ["sc://10.1.2.3:15002/;authorization=Bearer%20k3y", ["authorization"]],
      ["sc://localhost:15002/;cookie=session%3Dk3y", ["cookie"]],
      ["sc://localhost:15002/;x-team=data", []],
    ];
    for (const [remote, names] of remotes) {
      const { dir, secrets } = install({ snapshot: false, location: { kind: "user" }, name: "secure", remote }, ctx);
      expect(secrets, remote).to.deep.equal(names);
      expect(fs.statSync(path.join(dir, "kernel.json")).mode & 0o777, remote).to.equal(names.length > 0 ? 0o600 : 0o644);
    }
  });

  it("with remoteFromEnv writes a kernel.json that holds no connection string, and lists the variable", () => {
    const { dir, secrets } = install({ snapshot: false, location: { kind: "user" }, name: "from-env", remoteFromEnv: "SPARK_REMOTE" }, ctx);
    expect(secrets).to.deep.equal([]);
    expect(fs.readFileSync(path.join(dir, "kernel.json"), "utf8")).not.to.include("sc://");
    expect(list(ctx).map((k) => [k.name, k.remote, k.remoteFromEnv])).to.deep.equal([["from-env", null, "SPARK_REMOTE"]]);
  });

  it("lists the Spark UI a kernel links its progress to", () => {
    install({ snapshot: false, location: { kind: "user" }, name: "with-ui", sparkUi: "http://driver.example:4040/" }, ctx);
    install({ snapshot: false, location: { kind: "user" }, name: "without-ui" }, ctx);
    expect(list(ctx).map((k) => [k.name, k.sparkUi])).to.deep.equal([
      ["with-ui", "http://driver.example:4040"],
      ["without-ui", undefined],
    ]);
  });

  it("installs under the lower-case name Jupyter uses", () => {
    const { name, dir } = install({ snapshot: false, location: { kind: "user" }, name: "Spark-Prod" }, ctx);
    expect(name).to.equal("spark-prod");
    expect(path.basename(dir)).to.equal("spark-prod");
  });

  it("uninstalls by name wherever the kernel is, and reports when there is none", () => {
    install({ snapshot: false, location: { kind: "user" }, name: "gone" }, ctx);
    expect(uninstall("gone", undefined, ctx).removed).to.have.length(1);
    expect(list(ctx)).to.deep.equal([]);
    expect(uninstall("gone", undefined, ctx)).to.deep.equal({ removed: [], leftAlone: [] });
  });

  it("needs an active environment for --sys-prefix", () => {
    expect(() => install({ snapshot: false, location: { kind: "sys-prefix" } }, { ...ctx, env: {} })).to.throw(/VIRTUAL_ENV/);
  });

  it("knows when it runs from npx's temporary cache", () => {
    expect(isTemporaryInstall("/home/ada/.npm/_npx/1a2b/node_modules/spark-ts-kernel")).to.equal(true);
    expect(isTemporaryInstall("/home/ada/project/node_modules/spark-ts-kernel")).to.equal(false);
  });
});

describe("install and uninstall touch nothing that is not theirs", () => {
  let tmp: string;
  let dataDir: string;
  let ctx: PathContext;
  const user = { kind: "user" } as const;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stk-owned-"));
    dataDir = path.join(tmp, "jupyter");
    ctx = { env: { JUPYTER_DATA_DIR: dataDir }, platform: process.platform, home: tmp };
    neighbours(dataDir);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("refuses the names '.' and '..' for install and uninstall, and every other kernel and runtime/ survive", () => {
    install({ snapshot: false, location: user, name: "ours" }, ctx);
    const before = tree(tmp);
    for (const name of [".", "..", "../jupyter", "kernels/.."]) {
      expect(() => install({ snapshot: false, location: user, name }, ctx), name).to.throw(InvalidKernelNameError);
      expect(() => uninstall(name, user, ctx), name).to.throw(InvalidKernelNameError);
      expect(() => uninstall(name, undefined, ctx), name).to.throw(InvalidKernelNameError);
    }
    expect(tree(tmp)).to.deep.equal(before);
  });

  it("refuses to replace a kernelspec it did not write, and writes nothing, the runtime copy included", () => {
    const before = tree(tmp);
    try {
      install({ snapshot: false, location: user, name: "python3", copy: true }, ctx);
      expect.fail("expected install to refuse");
    } catch (err) {
      expect(err).to.be.instanceOf(NotOursError);
      expect((err as NotOursError).dir).to.equal(path.join(dataDir, "kernels", "python3"));
      expect((err as Error).message).to.include("not written by spark-ts-kernel");
    }
    expect(tree(tmp)).to.deep.equal(before);
  });

  it("refuses a kernels entry that is a link, even to a kernelspec of its own, or a file", function () {
    if (process.platform === "win32") this.skip();
    install({ snapshot: false, location: user, name: "real" }, ctx);
    fs.symlinkSync(path.join(dataDir, "kernels", "real"), path.join(dataDir, "kernels", "linked"));
    fs.symlinkSync(tmp, path.join(dataDir, "kernels", "outside"));
    fs.writeFileSync(path.join(dataDir, "kernels", "a-file"), "not a folder");
    const before = tree(tmp);
    for (const [name, reason] of [
      ["linked", "symbolic link"],
      ["outside", "symbolic link"],
      ["a-file", "not a folder"],
    ] as const) {
      expect(() => install({ snapshot: false, location: user, name }, ctx), name).to.throw(NotOursError, reason);
      const { removed, leftAlone } = uninstall(name, user, ctx);
      expect(removed, name).to.deep.equal([]);
      expect(
        leftAlone.map((e) => e.message),
        name,
      ).to.deep.equal([`${path.join(dataDir, "kernels", name)} is left alone: ${leftAlone[0].reason}`]);
      expect(leftAlone[0].reason, name).to.include(reason);
    }
    expect(tree(tmp)).to.deep.equal(before);
  });

  it("replaces a kernelspec it wrote, leaving nothing of the old one", () => {
    const { dir } = install({ snapshot: false, location: user, name: "again", displayName: "First" }, ctx);
    fs.writeFileSync(path.join(dir, "left-over.txt"), "old");
    install({ snapshot: false, location: user, name: "again", displayName: "Second" }, ctx);
    expect(fs.existsSync(path.join(dir, "left-over.txt"))).to.equal(false);
    expect((JSON.parse(fs.readFileSync(path.join(dir, "kernel.json"), "utf8")) as { display_name: string }).display_name).to.equal(
      "Second",
    );
  });

  it("uninstall removes only its own kernelspec of that name, and leaves another kernel of the name alone", () => {
    const elsewhere = path.join(tmp, "elsewhere");
    const other = path.join(elsewhere, "kernels", "spark-ts");
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(
      path.join(other, "kernel.json"),
      JSON.stringify({ argv: ["other"], display_name: "Someone else's", language: "python" }),
    );
    install({ snapshot: false, location: user }, ctx);
    const search = { ...ctx, env: { ...ctx.env, JUPYTER_PATH: elsewhere } };
    const { removed, leftAlone } = uninstall("spark-ts", undefined, search);
    expect(removed).to.deep.equal([path.join(dataDir, "kernels", "spark-ts")]);
    expect(leftAlone.map((e) => e.dir)).to.deep.equal([other]);
    expect(fs.existsSync(path.join(other, "kernel.json"))).to.equal(true);
    expect(fs.existsSync(path.join(dataDir, "kernels", "python3", "kernel.json"))).to.equal(true);
    expect(fs.existsSync(path.join(dataDir, "runtime", "kernel-1234.json"))).to.equal(true);
  });

  it("uninstall finds a kernel of its own whatever the case of its folder, as Jupyter does", () => {
    const { dir } = install({ snapshot: false, location: user, name: "mixed" }, ctx);
    const upper = path.join(dataDir, "kernels", "Mixed-Case");
    fs.renameSync(dir, upper);
    expect(uninstall("MIXED-case", user, ctx).removed).to.deep.equal([upper]);
  });

  it("keeps the runtime copy in runtime/<version> and replaces only a copy of its own there", () => {
    const root = fakePackage(path.join(tmp, "pkg"));
    const target = runtimeDirFor(dataDir, "9.9.9");
    expect(target).to.equal(path.join(dataDir, "spark-ts-kernel", "runtime", "9.9.9"));
    const copied = copyRuntime(root, target);
    expect(copied).to.equal(path.join(target, "node_modules", "spark-ts-kernel"));
    expect(fs.readFileSync(path.join(target, "node_modules", "dep", "index.js"), "utf8")).to.equal("module.exports = 1;");
    fs.writeFileSync(path.join(target, "stale.txt"), "from the last copy");
    copyRuntime(root, runtimeDirFor(dataDir, "9.9.9"));
    expect(fs.existsSync(path.join(target, "stale.txt"))).to.equal(false);
    // Nothing left beside it: the staging folder became the copy.
    expect(fs.readdirSync(path.dirname(target))).to.deep.equal(["9.9.9"]);
  });

  it("refuses a runtime/<version> folder that is not its copy, or a link, and a version that is not one folder name", function () {
    const root = fakePackage(path.join(tmp, "pkg"));
    const runtime = path.join(dataDir, "spark-ts-kernel", "runtime");
    fs.mkdirSync(path.join(runtime, "1.0.0"), { recursive: true });
    fs.writeFileSync(path.join(runtime, "1.0.0", "precious.txt"), "keep me");
    if (process.platform !== "win32") fs.symlinkSync(tmp, path.join(runtime, "2.0.0"));
    const before = tree(tmp);
    expect(() => runtimeDirFor(dataDir, "1.0.0")).to.throw(NotOursError, "not written by spark-ts-kernel");
    expect(() => copyRuntime(root, path.join(runtime, "1.0.0"))).to.throw(NotOursError);
    if (process.platform !== "win32") expect(() => runtimeDirFor(dataDir, "2.0.0")).to.throw(NotOursError, "symbolic link");
    for (const version of ["..", ".", "a/b", ""]) expect(() => runtimeDirFor(dataDir, version), version).to.throw(RangeError);
    expect(tree(tmp)).to.deep.equal(before);
  });
});

describe("spark-ts-kernel install --spark-ui", () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stk-install-ui-"))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("writes the address without user info, query and fragment, and says what it left out without showing it", async () => {
    const run = await cli(
      "install",
      "--prefix",
      tmp,
      "--no-snapshot",
      "--name",
      "ui",
      "--spark-ui",
      "http://ada:pa55word@driver.example:4040/?token=t0ken-value#jobs",
    );
    expect(run.code).to.equal(0);
    expect(run.out).to.include("Its progress displays link to the Spark UI at http://driver.example:4040");
    expect(run.err).to.include("kept without its user info, query, fragment (not shown)");
    const spec = fs.readFileSync(path.join(tmp, "share", "jupyter", "kernels", "ui", "kernel.json"), "utf8");
    expect((JSON.parse(spec) as { argv: string[] }).argv).to.include("http://driver.example:4040");
    expect(run.out + run.err + spec).not.to.match(/pa55word|t0ken-value|ada:/);
  });

  it("refuses an address that is not an http(s) URL before writing anything, without quoting it", async () => {
    const run = await cli("install", "--prefix", tmp, "--no-snapshot", "--name", "ui", "--spark-ui", "driver-s3cret:4040");
    expect(run.code).to.equal(2);
    expect(run.err).to.include("--spark-ui: the Spark UI address").and.not.to.include("s3cret");
    expect(fs.readdirSync(tmp)).to.deep.equal([]);
  });

  it("is an option of install and kernel only", async () => {
    const run = await cli("sql", "--spark-ui", "http://driver:4040", "SELECT 1");
    expect(run.code).to.equal(2);
    expect(run.err).to.include("--spark-ui is an option of install");
  });
});
