import { expect } from "chai";
import { describe, it } from "mocha";
import { tableFromArrays } from "apache-arrow";
import { decodeTable } from "../../../src/arrow";
import { rowsToText, tableToText } from "../../../src/render";
import { DUPLICATE_NAMES_STREAM, SHOW_STREAM, SPARK_SHOW_20, SPARK_SHOW_3, SPARK_SHOW_DUPLICATES } from "./sparkShow";

/** The grid of a rendering, without the note under it. */
function gridOf(text: string): string {
  return text
    .split("\n")
    .filter((line) => line.startsWith("+") || line.startsWith("|"))
    .join("\n");
}

describe("text grid: Spark's show() shape", () => {
  it("prints the grid Spark's show() prints for the same server result", () => {
    expect(tableToText(decodeTable([SHOW_STREAM]), { maxCellChars: 20 })).to.equal(SPARK_SHOW_20);
  });

  it("prints the rows Spark's show(3) prints, with its own note on the rows cut", () => {
    const text = tableToText(decodeTable([SHOW_STREAM]), { maxRows: 3, maxCellChars: 20 });
    expect(gridOf(text)).to.equal(gridOf(SPARK_SHOW_3));
    expect(text.split("\n").at(-1)).to.equal("showing first 3 rows; more exist");
  });

  it("keeps columns of a repeated name, as Spark does", () => {
    expect(tableToText(decodeTable([DUPLICATE_NAMES_STREAM]))).to.equal(SPARK_SHOW_DUPLICATES);
  });

  it("right-aligns every cell in columns at least three wide, NULL for null", () => {
    expect(
      rowsToText([
        { id: 1, name: "a" },
        { id: 22, name: null },
      ]),
    ).to.equal(["+---+----+", "| id|name|", "+---+----+", "|  1|   a|", "| 22|NULL|", "+---+----+"].join("\n"));
  });

  it("counts wide characters as two columns and emoji joiners as none", () => {
    const text = rowsToText([{ s: "日本" }, { s: "👩‍💻" }, { s: "abcd" }]);
    expect(text.split("\n").slice(3, 6)).to.deep.equal(["|日本|", "|👩‍💻|", "|abcd|"]);
  });

  it('cuts long cells to maxCellChars with "..."', () => {
    expect(rowsToText([{ s: "abcdefghij" }], { maxCellChars: 6 }).split("\n")[3]).to.equal("|abc...|");
  });

  it("writes control characters as escapes, keeping the grid one line a row", () => {
    expect(rowsToText([{ s: "a\nb\u0000" }]).split("\n")[3]).to.equal("|a\\nb\\u0000|");
  });

  it("prints an empty table as its header between borders, and says there are no rows", () => {
    const text = tableToText(tableFromArrays({ id: Int32Array.of() }));
    expect(text).to.equal(["+---+", "| id|", "+---+", "+---+", "no rows"].join("\n"));
  });

  it("puts the caption first and the note on cut rows last", () => {
    const text = rowsToText([{ a: 1 }, { a: 2 }], { caption: "Top", maxRows: 1, totalRows: 2000 });
    expect(text).to.equal(["Top", "+---+", "|  a|", "+---+", "|  1|", "+---+", "showing first 1 of 2,000 rows"].join("\n"));
  });
});
