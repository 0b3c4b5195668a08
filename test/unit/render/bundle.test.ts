import { expect } from "chai";
import { describe, it } from "mocha";
import { tableFromArrays } from "apache-arrow";
import { rowsBundle, rowsToHtml, rowsToText, tableBundle, tableToHtml, tableToText, type TableOptions } from "../../../src/render";

describe("mime bundles", () => {
  const table = tableFromArrays({ id: Int32Array.of(1, 2, 3), s: ["a", null, "c"] });
  const options: TableOptions = { maxRows: 2, columnTypes: ["int", "string"], maxCellChars: 10, caption: "t" };

  it("holds the HTML table and the text grid of an Arrow table, as rendered alone", () => {
    expect(tableBundle(table, options)).to.deep.equal({ "text/html": tableToHtml(table, options), "text/plain": tableToText(table, options) });
  });

  it("holds the HTML table and the text grid of JS rows, as rendered alone", () => {
    const rows = [{ a: 1 }, { a: 2 }, { b: "x" }];
    expect(rowsBundle(rows, options)).to.deep.equal({ "text/html": rowsToHtml(rows, options), "text/plain": rowsToText(rows, options) });
  });

  it("has exactly the two mime types, as strings", () => {
    const bundle = tableBundle(table);
    expect(Object.keys(bundle).sort()).to.deep.equal(["text/html", "text/plain"]);
    expect(Object.values(bundle).every((v) => typeof v === "string")).to.equal(true);
  });
});
