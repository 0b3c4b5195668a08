import { expect } from "chai";
import { describe, it } from "mocha";
import { tableFromArrays } from "apache-arrow";
import { rowsToHtml, rowsToText, SERVER_CUT_MARK, tableBundle, tableToHtml, tableToText } from "../../../src/render";
import { parseTable } from "./htmlTable";

const NOTE_ONE = "✂ 1 cell cut on the server to keep this preview small; its full value is not in the notebook";
const TITLE = "cut on the server: the full value is not in the notebook";

describe("cells cut on the server", () => {
  const table = tableFromArrays({ n: Int32Array.of(1, 2, 3), s: ["short", "x".repeat(11), "y".repeat(300)] });

  it("are marked with ✂ and a tooltip that says the full value is not in the notebook", () => {
    const parsed = parseTable(tableToHtml(table, { cutCells: [undefined, [false, false, true]] }));
    const s = parsed.rows.map((row) => row[1]);
    expect(SERVER_CUT_MARK).to.equal("✂");
    expect(s.map((cell) => cell.cutOnServer)).to.deep.equal([false, false, true]);
    expect(s[2].title).to.equal(TITLE);
    expect(s[2].text).to.equal(`${"y".repeat(199)}… ✂`);
    expect(s[2].isNull).to.equal(false);
    expect(parsed.errors).to.deep.equal([]);
  });

  it("stay apart from cells cut for width, whose tooltip holds the whole value", () => {
    const parsed = parseTable(tableToHtml(table, { maxCellChars: 10, cutCells: [undefined, [false, false, true]] }));
    const [, widthCut, serverCut] = parsed.rows.map((row) => row[1]);
    expect([widthCut.text, widthCut.title, widthCut.cutOnServer]).to.deep.equal([`${"x".repeat(9)}…`, "x".repeat(11), false]);
    expect([serverCut.text, serverCut.title, serverCut.cutOnServer]).to.deep.equal([`${"y".repeat(9)}… ✂`, TITLE, true]);
  });

  it("are counted in a note under the table, after the note on rows", () => {
    const parsed = parseTable(tableToHtml(table, { moreRows: true, cutCells: [undefined, [false, true, true]] }));
    expect(parsed.notes).to.deep.equal([
      "showing first 3 rows; more exist",
      "✂ 2 cells cut on the server to keep this preview small; their full values are not in the notebook",
    ]);
    expect(parseTable(tableToHtml(table, { cutCells: [undefined, [false, false, true]] })).notes).to.deep.equal([NOTE_ONE]);
  });

  it("end with ✂ in the text grid, which says the same note last", () => {
    const text = tableToText(table, {
      maxCellChars: 10,
      cutCells: [
        [true, false, false],
        [false, false, true],
      ],
    }).split("\n");
    expect(text).to.deep.equal([
      "+---+-----------+",
      "|  n|          s|",
      "+---+-----------+",
      "| 1✂|      short|",
      "|  2| xxxxxxx...|",
      "|  3|yyyyyyy...✂|",
      "+---+-----------+",
      "✂ 2 cells cut on the server to keep this preview small; their full values are not in the notebook",
    ]);
  });

  it("count only the rows shown, and a null is never marked", () => {
    const parsed = parseTable(tableToHtml(table, { maxRows: 1, cutCells: [undefined, [false, true, true]] }));
    expect(parsed.notes).to.deep.equal(["showing first 1 row; more exist"]);
    const withNull = tableFromArrays({ s: ["a", null] as (string | null)[] });
    const cells = parseTable(tableToHtml(withNull, { cutCells: [[false, true]] })).rows.map((row) => row[0]);
    expect(cells.map((c) => [c.isNull, c.cutOnServer])).to.deep.equal([
      [false, false],
      [true, false],
    ]);
  });

  it("are marked the same way in tables of JS rows and in mime bundles", () => {
    const rows = [{ s: "a" }, { s: "b" }];
    expect(parseTable(rowsToHtml(rows, { cutCells: [[true, false]] })).rows.map((row) => row[0].cutOnServer)).to.deep.equal([true, false]);
    expect(
      rowsToText(rows, { cutCells: [[true, false]] })
        .split("\n")
        .at(-1),
    ).to.equal(NOTE_ONE);
    const bundle = tableBundle(table, { cutCells: [undefined, [false, false, true]] });
    expect(bundle["text/plain"].split("\n").at(-1)).to.equal(NOTE_ONE);
    expect(parseTable(bundle["text/html"]).notes).to.deep.equal([NOTE_ONE]);
  });

  it("leave a table without them as it was: no mark, no note", () => {
    expect(tableToHtml(table, { cutCells: [undefined, [false, false, false]] })).to.equal(tableToHtml(table));
    expect(tableToText(table, { cutCells: [] })).to.equal(tableToText(table));
  });
});
