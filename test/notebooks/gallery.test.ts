// Every notebook of the gallery runs top to bottom with nbclient against the real kernel and
// server, with no error output, and gives the outputs committed with it (timings aside).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { installTestKernel, venvBin, type InstalledTestKernel } from "../support/kernelInstall";

const root = path.resolve(__dirname, "..", "..");
const examples = path.join(root, "examples");
const notebooks = fs
  .readdirSync(examples)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

describe("the example gallery", function () {
  this.timeout(600_000);
  let kernel: InstalledTestKernel;

  before(() => {
    kernel = installTestKernel({ name: "spark-ts" });
  });
  after(() => kernel?.remove());

  it("lists every notebook in the README's gallery", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(notebooks.length).to.be.greaterThan(0);
    expect(notebooks.filter((name) => !readme.includes(`(examples/${name})`))).to.deep.equal([]);
  });

  for (const notebook of notebooks) {
    it(`${notebook} runs without errors and reproduces its committed outputs`, async () => {
      const output = await new Promise<string>((resolve) => {
        execFile(
          venvBin("python"),
          [path.join(root, "scripts", "notebooks.py"), "check", "--kernel", kernel.name, path.join(examples, notebook)],
          { env: kernel.env, timeout: 580_000, maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => resolve(error ? `${stdout}\n${stderr.slice(-2000)}` : ""),
        );
      });
      expect(output).to.equal("");
    });
  }
});
