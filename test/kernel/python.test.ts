// Kernel tests written in Python with Jupyter's own client: jupyter_kernel_test's conformance
// class, and forged messages sent with jupyter_client. Each Python test is reported as a test here.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { installTestKernel, venvBin, type InstalledTestKernel } from "../support/kernelInstall";

interface Result {
  name: string;
  status: "passed" | "failed" | "skipped";
  detail: string;
}

/** The test methods of a Python module's test class, read from Python so none is forgotten here. */
function pythonTests(module: string, testCase: string): string[] {
  const listing = execFileSync(
    venvBin("python"),
    [
      "-c",
      "import os, sys; sys.path.insert(0, sys.argv[1]); os.environ.setdefault('SPARK_TS_KERNEL_NAME', 'x');" +
        `import ${module} as m; from pyresults import test_names; print('\\n'.join(test_names(m.${testCase})))`,
      __dirname,
    ],
    { encoding: "utf8" },
  );
  return listing.split("\n").filter(Boolean);
}

function pythonSuite(title: string, module: string, testCase: string): void {
  describe(title, function () {
    this.timeout(300_000);
    let kernel: InstalledTestKernel;
    let results: Promise<Result[]>;

    before(() => {
      kernel = installTestKernel({ name: `spark-ts-${module}-${process.pid}` });
      const out = path.join(kernel.dir, "results.json");
      results = new Promise((resolve, reject) => {
        execFile(
          venvBin("python"),
          [path.join(__dirname, `${module}.py`)],
          { env: { ...kernel.env, SPARK_TS_KERNEL_NAME: kernel.name, SPARK_TS_PY_RESULTS: out }, timeout: 280_000 },
          (error, _stdout, stderr) => {
            if (!fs.existsSync(out)) reject(new Error(`${module}.py reported nothing: ${error?.message}\n${stderr.slice(-3000)}`));
            else resolve(JSON.parse(fs.readFileSync(out, "utf8")) as Result[]);
          },
        );
      });
      results.catch(() => undefined);
    });
    after(() => kernel?.remove());

    for (const name of pythonTests(module, testCase)) {
      it(name.replace(/^test_/, "").replace(/_/g, " "), async function () {
        const mine = (await results).filter((r) => r.name === name);
        expect(
          mine
            .filter((r) => r.status === "failed")
            .map((f) => f.detail)
            .join("\n"),
        ).to.equal("");
        if (mine.some((r) => r.status === "skipped")) this.skip();
        expect(mine.some((r) => r.status === "passed")).to.equal(true, `${name} did not run`);
      });
    }
  });
}

pythonSuite("Jupyter kernel conformance (jupyter_kernel_test)", "conformance", "SparkTsKernelConformance");
pythonSuite("messages the kernel must not act on", "forged_messages", "ForgedMessages");
