import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, it } from "mocha";
import { cli, cliIn } from "../../support/kernelCommand";
import { SilentServer } from "../../support/silentServer";
import { expectedServerVersion, sparkRemote } from "../../support/spark";

/** This process's environment without `names`. */
function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

/** Fails without quoting `text`, so that a failing test does not print the secret it found. */
function expectNoSecret(text: string, secret: string, what: string): void {
  expect(text.includes(secret), `${what} shows the secret`).to.equal(false);
}

/** The address of the test server with a secret-looking header added (plain text: it is loopback). */
function remoteWithHeader(name: string, value: string): string {
  const remote = sparkRemote();
  return `${remote}${remote.includes("/;") ? ";" : remote.endsWith("/") ? ";" : "/;"}${name}=${value}`;
}

describe("the spark-ts-kernel command", () => {
  it("sql prints the result exactly as Spark's show() prints it", async () => {
    const { code, stdout } = await cli("sql", "--remote", sparkRemote(), "SELECT id, CAST(id AS STRING) AS s FROM range(3)");
    expect(code).to.equal(0);
    expect(stdout).to.equal(["+---+---+", "| id|  s|", "+---+---+", "|  0|  0|", "|  1|  1|", "|  2|  2|", "+---+---+", ""].join("\n"));
  });

  it("sql --json prints one exact JSON object per row, repeated names kept", async () => {
    const { code, stdout } = await cli(
      "sql",
      "--json",
      "--remote",
      sparkRemote(),
      "SELECT 1 AS a, 2 AS a, 9007199254740993L AS big, CAST(1.5 AS DECIMAL(4, 2)) AS d, X'00FF' AS bytes",
    );
    expect(code).to.equal(0);
    expect(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).to.deep.equal([{ a: 1, a_2: 2, big: "9007199254740993", d: "1.50", bytes: "00ff" }]);
  });

  it("sql takes the server from SPARK_REMOTE when --remote is not given", async () => {
    const { code, stdout } = await cli("sql", "--max-rows", "1", "SELECT 'from env' AS s");
    expect(code).to.equal(0);
    expect(stdout).to.include("from env");
  });

  it("exits 1 with Spark's error class and message when the SQL fails", async () => {
    const { code, stdout, stderr } = await cli("sql", "--remote", sparkRemote(), "SELECT * FROM no_such_table_cli");
    expect(code).to.equal(1);
    expect(stdout).to.equal("");
    expect(stderr).to.match(/^AnalysisException: \[TABLE_OR_VIEW_NOT_FOUND\]/);
  });

  it("exits 1 naming the address, and never the token, when the server cannot be reached", async () => {
    const { code, stderr } = await cli("sql", "--remote", "sc://127.0.0.1:1/;token=cli-secret-93f1", "SELECT 1");
    expect(code).to.equal(1);
    expect(stderr).to.include("127.0.0.1:1");
    expect(stderr).not.to.include("cli-secret-93f1");
  });

  it("exits 1 saying the server did not answer, when its address accepts connections and stays silent", async () => {
    const silent = await SilentServer.start();
    try {
      const { code, stdout, stderr } = await cliIn(
        { ...process.env, SPARK_REMOTE: silent.remote(";connect_timeout_ms=1500") },
        "sql",
        "SELECT 1",
      );
      expect(code).to.equal(1);
      expect(stdout).to.equal("");
      expect(stderr).to.match(/^SparkConnectionError: The Spark Connect server at 127\.0\.0\.1:\d+ did not answer within 1\.5 s/);
      expect(silent.connections).to.be.above(0);
    } finally {
      await silent.close();
    }
  });

  it("exits 2 with the usage for an unknown command or a bad option value", async () => {
    const unknown = await cli("frobnicate");
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.include("Usage: spark-ts-kernel");
    const bad = await cli("sql", "--max-rows=-3", "SELECT 1");
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include("--max-rows takes a whole number");
  });

  it("version names the kernel and the client under it, and the server's Spark with --remote", async () => {
    const { code, stdout } = await cli("version", "--remote", sparkRemote());
    expect(code).to.equal(0);
    expect(stdout).to.match(/^spark-ts-kernel \d+\.\d+\.\d+ \(spark-ts \d+\.\d+\.\d+\)\n/);
    expect(stdout.split("\n")[1]).to.equal(`Spark ${expectedServerVersion()}`);
  });

  it("version asks the server SPARK_REMOTE names when --remote is not given, and only names itself without either", async () => {
    const fromEnv = await cli("version");
    expect(fromEnv.code).to.equal(0);
    expect(fromEnv.stdout.split("\n")[1]).to.equal(`Spark ${expectedServerVersion()}`);
    const alone = await cliIn(envWithout("SPARK_REMOTE"), "version");
    expect(alone.code).to.equal(0);
    expect(alone.stdout).to.match(/^spark-ts-kernel \d+\.\d+\.\d+ \(spark-ts \d+\.\d+\.\d+\)\n$/);
  });

  it("exits 2 naming the problem for a malformed --remote or SPARK_REMOTE, before connecting", async () => {
    const option = await cli("sql", "--remote", "http://127.0.0.1:1", "SELECT 1");
    expect(option.code).to.equal(2);
    expect(option.stderr).to.include("--remote: [INVALID_CONNECT_URL]").and.to.include("the scheme 'http://' is not supported");
    const env = await cliIn({ ...process.env, SPARK_REMOTE: "sc://127.0.0.1:1/;use_ssl=maybe" }, "version");
    expect(env.code).to.equal(2);
    expect(env.stderr).to.include("$SPARK_REMOTE: [INVALID_CONNECT_URL]").and.to.include("use_ssl must be 'true' or 'false'");
  });

  it("exits 2 for --remote-from-env outside install, and for a bad variable name", async () => {
    const sql = await cli("sql", "--remote-from-env", "SPARK_REMOTE", "SELECT 1");
    expect(sql.code).to.equal(2);
    expect(sql.stderr).to.include("--remote-from-env is an option of install");
    const kernel = await cli("kernel", "--connection-file", "unused.json", "--remote-from-env", "NOT-A-NAME");
    expect(kernel.code).to.equal(2);
    expect(kernel.stderr).to.include("--remote-from-env takes an environment variable's name");
  });
});

describe("secrets given to the spark-ts-kernel command", () => {
  const SECRET = "cli-h34der-s3cr3t-5e1f";
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stk-cli-secrets-"));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("a secret-looking header in --remote is sent, never printed, and the command warns that ps shows it", async () => {
    const run = await cli("sql", "--remote", remoteWithHeader("x-api-key", SECRET), "SELECT 'with a key' AS s");
    expect(run.code).to.equal(0);
    expect(run.stdout).to.include("with a key");
    expect(run.stderr).to.include("--remote holds x-api-key").and.to.include("set SPARK_REMOTE instead");
    expectNoSecret(run.stdout + run.stderr, SECRET, "sql's output");
  });

  it("a secret-looking header is refused over plain text to a remote host, named without its value", async () => {
    for (const remote of [
      `sc://10.1.2.3:15002/;use_ssl=false;x-api-key=${SECRET}`,
      `sc://10.1.2.3:15002/;use_ssl=false;authorization=Bearer%20${SECRET}`,
    ]) {
      const run = await cli("sql", "--remote", remote, "SELECT 1");
      expect(run.code).to.equal(2);
      expect(run.stderr).to.match(/the header '(x-api-key|authorization)' looks like a credential/);
      expectNoSecret(run.stdout + run.stderr, SECRET, "the refusal");
    }
  });

  it("nothing install, list, uninstall or a failed kernel start print shows a token or a secret header", async () => {
    const env = {
      ...process.env,
      JUPYTER_DATA_DIR: path.join(tmp, "jupyter"),
      STK_SECRET_REMOTE: `sc://spark.example.com/;token=${SECRET}`,
    };
    const runs = [
      await cliIn(env, "install", "--no-snapshot", "--name", "with-token", "--remote", `sc://spark.example.com/;token=${SECRET}`),
      await cliIn(
        env,
        "install",
        "--no-snapshot",
        "--name",
        "with-key",
        "--remote",
        `sc://spark.example.com/;x-api-key=${SECRET};x-team=data`,
      ),
      await cliIn(env, "install", "--no-snapshot", "--name", "from-env", "--remote-from-env", "STK_SECRET_REMOTE"),
      await cliIn(env, "list"),
      await cliIn(
        { ...env, STK_SECRET_REMOTE: `sc://spark.example.com/;use_ssl=false;x-api-key=${SECRET}` },
        "kernel",
        "--connection-file",
        "unused.json",
        "--remote-from-env",
        "STK_SECRET_REMOTE",
      ),
      await cliIn(env, "uninstall", "--name", "with-token"),
      await cliIn(env, "uninstall", "--name", "with-key"),
      await cliIn(env, "uninstall", "--name", "from-env"),
    ];
    expect(runs.map((r) => r.code)).to.deep.equal([0, 0, 0, 0, 1, 0, 0, 0]);
    runs.forEach((run, i) => expectNoSecret(run.stdout + run.stderr, SECRET, `run ${i}`));
    expect(runs[0].stderr).to.include("kernel.json now holds the remote's token (not shown), so it is readable by its owner only");
    expect(runs[0].stderr).to.include("--remote-from-env SPARK_REMOTE");
    expect(runs[1].stderr).to.include("holds the remote's x-api-key (not shown)");
    expect(runs[2].stdout).to.include("reads its Spark Connect server from $STK_SECRET_REMOTE");
    expect(runs[2].stderr).to.equal("");
    expect(runs[3].stdout).to.include("token=<redacted>").and.to.include("x-api-key=<redacted>").and.to.include("$STK_SECRET_REMOTE");
    expect(runs[4].stderr)
      .to.include("$STK_SECRET_REMOTE: [INVALID_CONNECT_URL]")
      .and.to.include("the header 'x-api-key' looks like a credential");
  });
});

describe("install and uninstall with a name that is not a kernel's", () => {
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  let before: string[];

  /** Every path under the temporary HOME, with file contents: what must not change. */
  function snapshot(): string[] {
    return (fs.readdirSync(tmp, { recursive: true }) as string[]).sort().map((rel) => {
      const full = path.join(tmp, rel);
      return fs.lstatSync(full).isFile() ? `${rel}: ${fs.readFileSync(full, "utf8")}` : rel;
    });
  }

  beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stk-cli-names-"));
    const data = path.join(tmp, "jupyter");
    env = { ...process.env, HOME: tmp, JUPYTER_DATA_DIR: data };
    // What a Jupyter data dir holds besides us: another kernel, Jupyter's runtime files, and a kernel of ours.
    fs.mkdirSync(path.join(data, "kernels", "python3"), { recursive: true });
    fs.writeFileSync(
      path.join(data, "kernels", "python3", "kernel.json"),
      JSON.stringify({ argv: ["python3"], display_name: "Python 3", language: "python" }),
    );
    fs.mkdirSync(path.join(data, "runtime"));
    fs.writeFileSync(path.join(data, "runtime", "jpserver-1.json"), "{}");
    expect((await cliIn(env, "install", "--no-snapshot", "--name", "ours")).code).to.equal(0);
    before = snapshot();
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const name of ["..", ".", "../jupyter", "spark ts"]) {
    it(`exits 2 for --name ${JSON.stringify(name)}, and the other kernels and runtime/ survive`, async () => {
      for (const command of ["install", "uninstall"]) {
        const run = await cliIn(env, command, "--no-snapshot", "--name", name);
        expect(run.code, command).to.equal(2);
        expect(run.stderr, command).to.include(`--name: ${JSON.stringify(name)} is not a kernel name`);
      }
      expect(snapshot()).to.deep.equal(before);
    });
  }

  it("exits 1 and changes nothing when the name is another kernel's, for install and uninstall", async () => {
    const install = await cliIn(env, "install", "--no-snapshot", "--name", "python3");
    expect(install.code).to.equal(1);
    expect(install.stderr).to.include("python3 is left alone: it was not written by spark-ts-kernel; nothing was changed");
    const uninstall = await cliIn(env, "uninstall", "--name", "python3");
    expect(uninstall.code).to.equal(1);
    expect(uninstall.stderr).to.include("python3 is left alone: it was not written by spark-ts-kernel");
    expect(snapshot()).to.deep.equal(before);
  });

  it("exits 2 for --remote with --remote-from-env, or a variable name that is not one", async () => {
    const both = await cliIn(env, "install", "--no-snapshot", "--remote", "sc://h", "--remote-from-env", "SPARK_REMOTE");
    expect(both.code).to.equal(2);
    expect(both.stderr).to.include("give --remote or --remote-from-env, not both");
    const bad = await cliIn(env, "install", "--no-snapshot", "--remote-from-env", "$SPARK_REMOTE");
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include("--remote-from-env takes an environment variable's name");
    expect(snapshot()).to.deep.equal(before);
  });

  it("uninstall removes its own kernel and nothing else", async () => {
    const run = await cliIn(env, "uninstall", "--name", "ours");
    expect(run.code).to.equal(0);
    expect(run.stdout).to.equal(`Removed ${path.join(tmp, "jupyter", "kernels", "ours")}\n`);
    expect(snapshot()).to.deep.equal(before.filter((entry) => !entry.startsWith(path.join("jupyter", "kernels", "ours"))));
  });
});

describe("the kernel command reading its server from an environment variable", () => {
  it("exits 1 saying which variable is not set, when it is not", async () => {
    const run = await cliIn(
      envWithout("STK_UNSET_REMOTE"),
      "kernel",
      "--connection-file",
      "unused.json",
      "--remote-from-env",
      "STK_UNSET_REMOTE",
    );
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include("reads its Spark Connect server from $STK_UNSET_REMOTE").and.to.include("STK_UNSET_REMOTE is not set");
  });
});
