// CI reads the last line `.ci/run` prints as the result of the whole run. These run the real script
// in a scratch copy of the repository's layout, with stand-ins for setup and for `npm test`, and
// check that the line is always this run's: never a summary an earlier run left behind.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { afterEach, beforeEach, describe, it } from "mocha";

const script = path.resolve(__dirname, "..", "..", ".ci", "run");

interface Run {
  readonly code: number;
  readonly lastLine: string;
}

describe("the CI entry point's closing line", () => {
  let scratch: string;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-ci-"));
    fs.mkdirSync(path.join(scratch, ".ci"));
    fs.copyFileSync(script, path.join(scratch, ".ci", "run"));
    fs.mkdirSync(path.join(scratch, "scripts"));
    fs.mkdirSync(path.join(scratch, "bin"));
    // What an earlier run left behind.
    fs.mkdirSync(path.join(scratch, ".test-results"));
    fs.writeFileSync(path.join(scratch, ".test-results", "summary.txt"), "1399 passed, 0 failed\n");
  });

  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** Runs the copied script with `setup.sh` and `npm` replaced by the given shell bodies. */
  function runWith(setup: string, npm: string): Promise<Run> {
    fs.writeFileSync(path.join(scratch, "scripts", "setup.sh"), `${setup}\n`);
    fs.writeFileSync(path.join(scratch, "bin", "npm"), `#!/usr/bin/env bash\n${npm}\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${path.join(scratch, "bin")}${path.delimiter}${process.env.PATH ?? ""}` };
    return new Promise((resolve) => {
      execFile("bash", [path.join(scratch, ".ci", "run")], { env, cwd: scratch, timeout: 30_000 }, (error, stdout) => {
        const lines = stdout.trimEnd().split("\n");
        resolve({ code: error ? Number(error.code ?? 1) : 0, lastLine: lines.at(-1) ?? "" });
      });
    });
  }

  it("says 0 passed, 1 failed when the test runner fails before any suite, not an earlier run's summary", async () => {
    const run = await runWith("exit 0", "echo 'test: the build failed' >&2; exit 1");
    expect(run).to.deep.equal({ code: 1, lastLine: "0 passed, 1 failed" });
  });

  it("says 0 passed, 1 failed when setup fails", async () => {
    const run = await runWith("exit 3", "exit 0");
    expect(run).to.deep.equal({ code: 1, lastLine: "0 passed, 1 failed" });
  });

  it("repeats this run's summary last, after whatever npm prints", async () => {
    const run = await runWith(
      "exit 0",
      "mkdir -p .test-results; echo '7 passed, 1 failed' > .test-results/summary.txt; echo '7 passed, 1 failed'; echo 'npm notice: something'; exit 1",
    );
    expect(run).to.deep.equal({ code: 1, lastLine: "7 passed, 1 failed" });
  });
});
