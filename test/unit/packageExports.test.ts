// The entry points package.json promises, resolved by Node as a user's code resolves them (by the
// package's own name, through its `exports` map, from the build in dist/).
import { expect } from "chai";
import { describe, it } from "mocha";

describe("the package's entry points", () => {
  it("give the functions at spark-ts-kernel/functions, with require and with import", async () => {
    const required = require("spark-ts-kernel/functions") as Record<string, unknown>;
    // A specifier in a variable: resolved by Node at run time, as a user's ES module resolves it
    // (this project's own type checker resolves module names the CommonJS way, without exports).
    const specifier: string = "spark-ts-kernel/functions";
    const imported = (await import(specifier)) as Record<string, unknown>;
    for (const F of [required, imported]) {
      expect(F.sum, "F.sum").to.be.a("function");
      expect(F.col, "F.col").to.be.a("function");
    }
    const { Column } = require("spark-ts-kernel") as { Column: new (...args: never[]) => unknown };
    expect((required.sum as (c: string) => unknown)("amount")).to.be.instanceOf(Column);
  });

  it("give the client at spark-ts-kernel, its functions the same as the subpath's", () => {
    const main = require("spark-ts-kernel") as { SparkSession: unknown; functions: Record<string, unknown> };
    expect(main.SparkSession).to.be.a("function");
    expect(main.functions.sum).to.equal((require("spark-ts-kernel/functions") as Record<string, unknown>).sum);
  });
});
