import { expect } from "chai";
import { describe, it } from "mocha";
import { alignSequences, alignTokens, emittedPositions, tokensOf } from "../../../kernel/src/cell/emittedPositions";

/** The source offset `map` gives for the `nth` occurrence of `needle` in `emitted`, as the text at that source offset. */
function traced(source: string, emitted: string, needle: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = emitted.indexOf(needle, at + 1);
  expect(at, `${needle} not in the emitted code`).to.be.greaterThan(-1);
  const back = emittedPositions(source, emitted).toSource(at);
  expect(back, `no source position for ${needle}`).to.not.equal(undefined);
  return source.slice(back, back! + needle.length);
}

describe("tokens of a cell", () => {
  it("are read by the parser, so templates, regular expressions and strings are whole tokens", () => {
    expect(tokensOf("const s = `a${b}c` + /x\\/y/.source + 'q';", "js").map((t) => t.text)).to.deep.equal([
      "const",
      "s",
      "=",
      "`a${",
      "b",
      "}c`",
      "+",
      "/x\\/y/",
      ".",
      "source",
      "+",
      "'q'",
      ";",
    ]);
  });

  it("carry their offsets and leave comments out", () => {
    expect(tokensOf("a /* note */ .b // end", "ts")).to.deep.equal([
      { text: "a", start: 0 },
      { text: ".", start: 13 },
      { text: "b", start: 14 },
    ]);
  });
});

describe("lining up two token sequences", () => {
  it("matches the longest common subsequence, with what only one side has left unmatched", () => {
    expect([...alignSequences(["a", "x", "b", "c"], ["a", "b", "y", "c"])!]).to.deep.equal([0, -1, 1, 3]);
  });

  it("handles empty, equal and disjoint sequences", () => {
    expect([...alignSequences([], ["a"])!]).to.deep.equal([]);
    expect([...alignSequences(["a", "b"], ["a", "b"])!]).to.deep.equal([0, 1]);
    expect([...alignSequences(["a"], ["b"])!]).to.deep.equal([-1]);
  });

  it("gives up past the edit bound instead of using memory without end", () => {
    expect(alignSequences(["a", "b", "c"], ["x", "y", "z"], 2)).to.equal(undefined);
  });

  it("lines a name up with the same name in the same company first", () => {
    // `rec` of `exports.rec = rec;` must not take the place of the call's `rec`.
    const emitted = ["exports", ".", "rec", "=", "rec", ";", "exports", ".", "tsLastExpr", "=", "rec", "(", "3", ")", ";"];
    const source = ["}", "rec", "(", "3", ")"];
    const match = alignTokens(emitted, source)!;
    expect(match[10]).to.equal(1);
    expect(match[4]).to.equal(-1);
  });
});

describe("positions in a cell's emitted JavaScript", () => {
  const source = [
    "interface Order { amount?: number; x?: { amount: number } }",
    "const orders: Order[] = [{ amount: 3 }];",
    "function total(r: Order): number {",
    "  return r.x!.amount;",
    "}",
    "total(orders[0]!);",
  ].join("\n");
  const emitted = [
    'Object.defineProperty(exports, "__esModule", { value: true });',
    "exports.total = exports.orders = exports.tsLastExpr = void 0;",
    "const orders = [{ amount: 3 }];",
    "exports.orders = orders;",
    "function total(r) {",
    "    return r.x.amount;",
    "}",
    "exports.total = total;",
    "exports.tsLastExpr = total(orders[0]);",
  ].join("\n");

  it("trace a property access back to the cell, past removed types and changed indentation", () => {
    const at = emitted.indexOf("amount;");
    expect(emittedPositions(source, emitted).toSource(at)).to.equal(source.indexOf("amount;"));
  });

  it("trace a call in the last expression to the cell's call, not to the export put in before it", () => {
    expect(traced(source, emitted, "total(orders")).to.equal("total(orders");
  });

  it("trace a position in a token the cell does not have to the next one on its line that it has", () => {
    const emittedCall = "exports.price(1);";
    expect(emittedPositions("price(1);", emittedCall).toSource(0)).to.equal(0);
  });

  it("trace an await the kernel wrapped in Promise.resolve to the cell's await", () => {
    const cell = "const n = await (await f()).g();";
    const js = "const n = await Promise.resolve((await exports.f()).g());";
    expect(traced(cell, js, "g()")).to.equal("g()");
    expect(traced(cell, js, "await", 1)).to.equal("await");
  });
});
