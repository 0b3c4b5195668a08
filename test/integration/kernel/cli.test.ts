import { expect } from "chai";
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, it } from "mocha";
import { expectedServerVersion, sparkRemote } from "../../support/spark";

const bin = path.resolve(__dirname, "..", "..", "..", "bin", "spark-ts-kernel.js");

/** Runs the installed command as a shell would, from the built package. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
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
    expect(stdout.trim().split("\n").map((line) => JSON.parse(line) as unknown)).to.deep.equal([
      { a: 1, a_2: 2, big: "9007199254740993", d: "1.50", bytes: "00ff" },
    ]);
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

  it("exits 2 with the usage for an unknown command or a bad option value", async () => {
    const unknown = await cli("frobnicate");
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.include("Usage: spark-ts-kernel");
    const bad = await cli("sql", "--max-rows=-3", "SELECT 1");
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include("--max-rows takes a whole number");
  });

  it("version names this client, and the server's Spark with --remote", async () => {
    const { code, stdout } = await cli("version", "--remote", sparkRemote());
    expect(code).to.equal(0);
    expect(stdout).to.match(/^spark-ts-kernel \d+\.\d+\.\d+\n/);
    expect(stdout.split("\n")[1]).to.equal(`Spark ${expectedServerVersion()}`);
  });
});
