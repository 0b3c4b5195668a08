import { expect } from "chai";
import { describe, it } from "mocha";
import { needsAsyncWrapper, unambiguousAwaits } from "../../../kernel/src/cell/topLevelAwait";

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

describe("top-level awaits of a parenthesized operand", () => {
  it("are wrapped so that tslab's compiler reads them as awaits, not calls", () => {
    expect(unambiguousAwaits("const n = await (await f()).g();")).to.equal("const n = await Promise.resolve((await f()).g());");
  });

  it("are wrapped at every nesting level, and other code is left alone", () => {
    expect(unambiguousAwaits("await (await (x)).y()")).to.equal("await Promise.resolve((await Promise.resolve((x))).y())");
    expect(unambiguousAwaits("const f = async () => await (g());\nawait h();")).to.equal("const f = async () => await (g());\nawait h();");
    expect(unambiguousAwaits("const s = 'await (';")).to.equal("const s = 'await (';");
  });
});
