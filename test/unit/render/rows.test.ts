import { expect } from "chai";
import { describe, it } from "mocha";
import { decodeTable, tableToRows } from "../../../src/arrow";
import { rowsToHtml, rowsToText } from "../../../src/render";
import { DUPLICATE_NAMES_STREAM } from "./sparkShow";
import { parseTable } from "./htmlTable";

function grid(rows: readonly unknown[]): { names: string[]; cells: (string | null)[][] } {
  const parsed = parseTable(rowsToHtml(rows));
  return {
    names: parsed.header.map((h) => h.name),
    cells: parsed.rows.map((row) => row.map((cell) => (cell.isNull ? null : cell.text))),
  };
}

describe("JS rows: tables of plain objects", () => {
  it("takes the union of the rows' keys as columns, in first-seen order", () => {
    expect(
      grid([
        { b: 1, a: "x" },
        { c: true, a: "y" },
      ]),
    ).to.deep.equal({
      names: ["b", "a", "c"],
      cells: [
        ["1", "x", null],
        [null, "y", "true"],
      ],
    });
  });

  it("shows a key a row lacks, or holds undefined, as null", () => {
    expect(grid([{ a: undefined }, {}]).cells).to.deep.equal([[null], [null]]);
  });

  it("shows a row that is not an object in a column named value", () => {
    expect(grid([{ a: 1 }, 7, [1, 2]])).to.deep.equal({
      names: ["a", "value"],
      cells: [
        ["1", null],
        [null, "7"],
        [null, "[1, 2]"],
      ],
    });
  });

  it("right-aligns a column whose values are all numbers or bigints", () => {
    const parsed = parseTable(
      rowsToHtml([
        { n: 1, b: 2n, mixed: 1 },
        { n: null, b: 3n, mixed: "x" },
      ]),
    );
    expect(parsed.rows[0].map((cell) => cell.align)).to.deep.equal(["right", "right", "left"]);
  });

  it("reads the client's Rows by position, keeping columns of a repeated name", () => {
    const rows = tableToRows(decodeTable([DUPLICATE_NAMES_STREAM]));
    expect(grid(rows)).to.deep.equal({ names: ["a", "a", "b"], cells: [["1", "2", "x"]] });
  });

  it("reads only the rows it shows, and says more exist", () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ i }));
    const text = rowsToText(rows, { maxRows: 2 });
    expect(text.split("\n").slice(3)).to.deep.equal(["|  0|", "|  1|", "+---+", "showing first 2 rows; more exist"]);
  });

  it("shows no rows as an empty table", () => {
    expect(rowsToText([])).to.equal(["++", "||", "++", "++", "no rows"].join("\n"));
    expect(parseTable(rowsToHtml([])).note).to.equal("no rows");
  });
});
