import { expect } from "chai";
import { describe, it } from "mocha";
import { codeFrame } from "../../../kernel/src/cell/codeFrame";
import { TextLines } from "../../../kernel/src/cell/textLines";

describe("lines and columns of a cell's text", () => {
  it("count from 1, and go both ways between offsets and line:column", () => {
    const lines = new TextLines("ab\ncde\n\nf");
    expect(lines.count).to.equal(4);
    expect(lines.position(0)).to.deep.equal({ line: 1, column: 1 });
    expect(lines.position(4)).to.deep.equal({ line: 2, column: 2 });
    expect(lines.position(7)).to.deep.equal({ line: 3, column: 1 });
    expect(lines.offset(2, 2)).to.equal(4);
    expect(lines.line(2)).to.equal("cde");
  });

  it("clamp offsets and columns to the text, and have no line past the last", () => {
    const lines = new TextLines("ab\ncd");
    expect(lines.position(99)).to.deep.equal({ line: 2, column: 3 });
    expect(lines.offset(1, 99)).to.equal(2);
    expect(lines.offset(3, 1)).to.equal(undefined);
    expect(lines.line(0)).to.equal(undefined);
  });

  it("leave a Windows line end out of the line's text", () => {
    expect(new TextLines("a\r\nb").line(1)).to.equal("a");
  });
});

describe("a code frame", () => {
  const cell = "const orders = [];\nfunction total(r) {\n  return r.x.amount;\n}\ntotal(orders[0]);\n";

  it("marks the line, numbers the lines around it, and puts a caret under the column", () => {
    expect(codeFrame(cell, { line: 3, column: 14 }, { color: false })).to.deep.equal([
      "    2 | function total(r) {",
      "  > 3 |   return r.x.amount;",
      "      |              ^",
      "    4 | }",
    ]);
  });

  it("underlines a span on its line, and as much before and after as asked", () => {
    expect(codeFrame(cell, { line: 2, column: 10, endColumn: 15 }, { color: false, before: 0, after: 0 })).to.deep.equal([
      "  > 2 | function total(r) {",
      "      |          ^^^^^",
    ]);
  });

  it("widens the gutter for two-digit line numbers and keeps the caret under its text", () => {
    const text = Array.from({ length: 12 }, (_, i) => `line${i + 1}`).join("\n");
    expect(codeFrame(text, { line: 10, column: 5 }, { color: false })).to.deep.equal([
      "     9 | line9",
      "  > 10 | line10",
      "       |     ^",
      "    11 | line11",
    ]);
  });

  it("keeps tabs under the text, so the caret lines up in any tab width", () => {
    const frame = codeFrame("\t\tx.y", { line: 1, column: 5 }, { color: false });
    expect(frame[1]).to.equal("      | \t\t  ^");
  });

  it("leaves out a trailing empty line and says nothing for a line the cell does not have", () => {
    expect(codeFrame("a\n", { line: 1, column: 1 }, { color: false })).to.deep.equal(["  > 1 | a", "      | ^"]);
    expect(codeFrame("a", { line: 5, column: 1 })).to.deep.equal([]);
  });

  it("cuts a long line to a window around the caret", () => {
    const long = "x".repeat(300) + "HERE" + "y".repeat(300);
    const [line, caret] = codeFrame(long, { line: 1, column: 301, endColumn: 305 }, { color: false, maxWidth: 60 });
    expect(line.length).to.be.lessThan(80);
    expect(line)
      .to.include("HERE")
      .and.to.match(/\| …x+HEREy+…$/);
    expect(line.indexOf("HERE")).to.equal(caret.indexOf("^^^^"));
  });

  it("colours the marker and the caret for the notebook", () => {
    const [line, caret] = codeFrame("a.b", { line: 1, column: 3 });
    expect(line).to.equal("  \u001b[0;31m>\u001b[0m 1 | a.b");
    expect(caret).to.equal("      |   \u001b[0;31m^\u001b[0m");
  });
});
