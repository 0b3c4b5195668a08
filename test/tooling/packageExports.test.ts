// The entry points the two packages promise, resolved by Node as a user's code resolves them: by
// package name, through the `exports` maps, from the builds in dist/ and kernel/dist/. Each check
// runs in a plain `node` process, with no TypeScript loader that could map the names to sources.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect } from "chai";
import { describe, it } from "mocha";

const root = path.resolve(__dirname, "..", "..");

/** Runs `code` in a fresh node (CommonJS, or an ES module with `esm`) and returns what it printed. */
function inNode(code: string, esm = false): string {
  return execFileSync(process.execPath, [esm ? "--input-type=module" : "--input-type=commonjs", "-e", code], {
    cwd: root,
    encoding: "utf8",
  }).trim();
}

describe("the packages' entry points", () => {
  it("give the functions at spark-ts/functions, with require and with import", () => {
    const check = (load: string) => `${load}; console.log([typeof F.sum, typeof F.col, F.sum("amount") instanceof C.Column].join(" "));`;
    expect(inNode(check('const F = require("spark-ts/functions"); const C = require("spark-ts")'))).to.equal("function function true");
    expect(inNode(check('import * as F from "spark-ts/functions"; import * as C from "spark-ts"'), true)).to.equal(
      "function function true",
    );
  });

  it("give the client at spark-ts, with require and with named imports, its functions the same as the subpath's", () => {
    expect(
      inNode('const s = require("spark-ts"); console.log(typeof s.SparkSession, s.functions.sum === require("spark-ts/functions").sum)'),
    ).to.equal("function true");
    expect(
      inNode('import { SparkSession, functions as F } from "spark-ts"; console.log(typeof SparkSession, typeof F.sum)', true),
    ).to.equal("function function");
  });

  it("give the client's own classes at spark-ts-kernel, for notebooks that import from the kernel's name", () => {
    expect(
      inNode(
        'const k = require("spark-ts-kernel"), c = require("spark-ts"); console.log(k.SparkSession === c.SparkSession, k.DataFrame === c.DataFrame)',
      ),
    ).to.equal("true true");
  });
});
