import { expect } from "chai";
import { describe, it } from "mocha";
import { Field, Float64, Int32, List, Table, tableFromArrays, vectorFromArray } from "apache-arrow";
import { rowsBundle, rowsToHtml, rowsToText, tableBundle, tableToHtml, tableToText, type TableOptions } from "../../../src/render";
import { parseTable } from "./htmlTable";

describe("mime bundles", () => {
  const table = tableFromArrays({ id: Int32Array.of(1, 2, 3), s: ["a", null, "c"] });
  const options: TableOptions = { maxRows: 2, columnTypes: ["int", "string"], maxCellChars: 10, caption: "t" };

  it("holds the HTML table and the text grid of an Arrow table, as rendered alone", () => {
    expect(tableBundle(table, options)).to.deep.equal({
      "text/html": tableToHtml(table, options),
      "text/plain": tableToText(table, options),
    });
  });

  it("holds the HTML table and the text grid of JS rows, as rendered alone", () => {
    const rows = [{ a: 1 }, { a: 2 }, { b: "x" }];
    expect(rowsBundle(rows, options)).to.deep.equal({ "text/html": rowsToHtml(rows, options), "text/plain": rowsToText(rows, options) });
  });

  it("writes each value the same in both renderings, as Spark's show() prints it", () => {
    const values = new Table({
      d: vectorFromArray([80, 1e10], new Float64()),
      xs: vectorFromArray([[1, null], null], new List(new Field("element", new Int32(), true))),
    });
    const bundle = tableBundle(values, { columnTypes: ["double", "array<int>"] });
    const html = parseTable(bundle["text/html"]).rows.map((row) => row.map((cell) => (cell.isNull ? "NULL" : cell.text)));
    const text = bundle["text/plain"]
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .slice(1)
      .map((line) =>
        line
          .slice(1, -1)
          .split("|")
          .map((cell) => cell.trim()),
      );
    expect(html)
      .to.deep.equal([
        ["80.0", "[1, NULL]"],
        ["1.0E10", "NULL"],
      ])
      .and.to.deep.equal(text);
  });

  it("has exactly the two mime types, as strings", () => {
    const bundle = tableBundle(table);
    expect(Object.keys(bundle).sort()).to.deep.equal(["text/html", "text/plain"]);
    expect(Object.values(bundle).every((v) => typeof v === "string")).to.equal(true);
  });
});
