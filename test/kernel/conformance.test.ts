import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { installTestKernel, venvBin, type InstalledTestKernel } from "../support/kernelInstall";

interface Record {
  name: string;
  status: "passed" | "failed" | "skipped";
  detail: string;
}

const script = path.join(__dirname, "conformance.py");

/** The test methods of the conformance class, read from Python so none is forgotten here. */
function conformanceTests(): string[] {
  const listing = execFileSync(
    venvBin("python"),
    [
      "-c",
      "import sys, unittest; sys.path.insert(0, sys.argv[1]); import os; os.environ.setdefault('SPARK_TS_KERNEL_NAME', 'x');" +
        "import conformance as c; print('\\n'.join(unittest.defaultTestLoader.getTestCaseNames(c.SparkTsKernelConformance)))",
      __dirname,
    ],
    { encoding: "utf8" },
  );
  return listing.split("\n").filter(Boolean);
}

describe("Jupyter kernel conformance (jupyter_kernel_test)", function () {
  this.timeout(300_000);
  let kernel: InstalledTestKernel;
  let results: Promise<Record[]>;

  before(() => {
    kernel = installTestKernel();
    const out = path.join(kernel.dir, "results.json");
    results = new Promise((resolve, reject) => {
      execFile(
        venvBin("python"),
        [script],
        { env: { ...kernel.env, SPARK_TS_KERNEL_NAME: kernel.name, SPARK_TS_CONFORMANCE_RESULTS: out }, timeout: 280_000 },
        (error, _stdout, stderr) => {
          if (!fs.existsSync(out)) reject(new Error(`conformance.py reported nothing: ${error?.message}\n${stderr.slice(-3000)}`));
          else resolve(JSON.parse(fs.readFileSync(out, "utf8")) as Record[]);
        },
      );
    });
    results.catch(() => undefined);
  });
  after(() => kernel?.remove());

  for (const name of conformanceTests()) {
    it(`passes ${name}`, async function () {
      const mine = (await results).filter((r) => r.name === name);
      const failures = mine.filter((r) => r.status === "failed");
      expect(failures.map((f) => f.detail).join("\n")).to.equal("");
      if (mine.some((r) => r.status === "skipped")) this.skip();
      expect(mine.some((r) => r.status === "passed")).to.equal(true, `${name} did not run`);
    });
  }
});
