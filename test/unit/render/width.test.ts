import { expect } from "chai";
import { describe, it } from "mocha";
import { rowsToText } from "../../../src/render";
import { displayWidth } from "../../../src/render/table/width";

describe("display width: the terminal columns a cell takes", () => {
  it("counts ASCII, Latin-1 and controls as one column each", () => {
    expect(displayWidth("")).to.equal(0);
    expect(displayWidth("abc")).to.equal(3);
    expect(displayWidth("naïve café")).to.equal(10);
    expect(displayWidth("a\tb\nc")).to.equal(5);
  });

  it("counts wide and fullwidth CJK characters as two, halfwidth forms as one", () => {
    expect(displayWidth("日本語")).to.equal(6);
    expect(displayWidth("한국어")).to.equal(6);
    expect(displayWidth("ひらがな")).to.equal(8);
    expect(displayWidth("ＡＢ")).to.equal(4);
    expect(displayWidth("ｱｲ")).to.equal(2);
    // Outside the Basic Multilingual Plane: CJK Extension B.
    expect(displayWidth("𠀀")).to.equal(2);
  });

  it("counts emoji as two, in and beyond the Basic Multilingual Plane", () => {
    expect(displayWidth("😀")).to.equal(2);
    expect(displayWidth("🚀")).to.equal(2);
    expect(displayWidth("⌚")).to.equal(2);
    expect(displayWidth("🇺🇳")).to.equal(2);
  });

  it("widens a one-column character that a variation selector 16 turns into an emoji", () => {
    expect(displayWidth("❤")).to.equal(1);
    expect(displayWidth("❤️")).to.equal(2);
    expect(displayWidth("1️⃣")).to.equal(2);
    // Already wide: the selector adds nothing.
    expect(displayWidth("😀\uFE0F")).to.equal(2);
  });

  it("gives combining marks, joiners and other invisible code points no column", () => {
    expect(displayWidth("e\u0301")).to.equal(1);
    expect(displayWidth("Z\u0351\u036b\u0343")).to.equal(1);
    expect(displayWidth("שָׁלוֹם")).to.equal(4);
    expect(displayWidth("x\u20dd")).to.equal(1);
    expect(displayWidth("a\u200bb\u200dc\u2060d")).to.equal(4);
    expect(displayWidth("\uFEFFabc")).to.equal(3);
  });

  it("counts ambiguous-width characters as narrow, as outside an East Asian locale", () => {
    expect(displayWidth("…")).to.equal(1);
    expect(displayWidth("±°")).to.equal(2);
    expect(displayWidth("Ωж")).to.equal(2);
  });
});

describe("text grid: borders line up whatever the characters", () => {
  const cells = ["日本語", "café", "cafe\u0301", "😀 ok", "❤️", "Z\u0351\u036b", "ＡＢ", "plain"];

  it("pads every line of a column to the width of its border", () => {
    const lines = rowsToText(cells.map((s) => ({ s })))
      .split("\n")
      .filter((line) => line.startsWith("|") || line.startsWith("+"));
    expect(lines.length).to.equal(cells.length + 4);
    const border = lines[0].length;
    expect(lines.map(displayWidth)).to.deep.equal(lines.map(() => border));
  });

  it("right-aligns a cell with combining marks by what it shows, not by its code units", () => {
    const text = rowsToText([{ s: "cafe\u0301" }, { s: "abcd" }]);
    expect(text.split("\n").slice(3, 5)).to.deep.equal(["|cafe\u0301|", "|abcd|"]);
  });
});
