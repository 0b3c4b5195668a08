import { expect } from "chai";
import { describe, it } from "mocha";
import { needsAsyncWrapper } from "../../../src/kernel/cell/topLevelAwait";

describe("top-level await in a cell's output", () => {
  it("is found where TypeScript reports nothing: an await of an awaited value in parentheses", () => {
    expect(needsAsyncWrapper("exports.x = await (await exports.f()).collect();")).to.equal(true);
  });

  it("is not claimed for code without await, or with await only inside async functions", () => {
    expect(needsAsyncWrapper("exports.x = 1 + 1;")).to.equal(false);
    expect(needsAsyncWrapper("exports.g = async () => await exports.f();")).to.equal(false);
  });

  it("leaves code that does not compile either way to the executor's own error", () => {
    expect(needsAsyncWrapper("exports.x = (;")).to.equal(false);
  });
});
