import { expect } from "chai";
import { describe, it } from "mocha";
import { makeTable, Table, tableFromArrays } from "apache-arrow";
import { decodeTable } from "../../../src/arrow";
import { rowsToHtml, tableToHtml } from "../../../src/render";
import { DUPLICATE_NAMES_STREAM } from "./sparkShow";
import { parseTable } from "./htmlTable";

describe("HTML table: header", () => {
  it("shows each column's name with its Spark type under it", () => {
    const table = tableFromArrays({ id: Int32Array.of(1), tags: ["a"] });
    const { header } = parseTable(tableToHtml(table, { columnTypes: ["int", "array<string>"] }));
    expect(header.map((h) => [h.name, h.type])).to.deep.equal([
      ["id", "int"],
      ["tags", "array<string>"],
    ]);
  });

  it("names the Arrow type in Spark's words when no Spark type is given", () => {
    const table = tableFromArrays({ i: Int32Array.of(1), l: BigInt64Array.of(1n), d: Float64Array.of(1), s: ["x"] });
    const { header } = parseTable(tableToHtml(table));
    expect(header.map((h) => h.type)).to.deep.equal(["int", "bigint", "double", "string"]);
  });

  it("falls back to the Arrow type for a column the given types leave out", () => {
    const table = tableFromArrays({ a: Int32Array.of(1), b: Float64Array.of(2) });
    const { header } = parseTable(tableToHtml(table, { columnTypes: ["smallint"] }));
    expect(header.map((h) => h.type)).to.deep.equal(["smallint", "double"]);
  });

  it("keeps every column of a repeated name, each with its own values", () => {
    const parsed = parseTable(tableToHtml(decodeTable([DUPLICATE_NAMES_STREAM])));
    expect(parsed.header.map((h) => [h.name, h.type])).to.deep.equal([
      ["a", "int"],
      ["a", "int"],
      ["b", "string"],
    ]);
    expect(parsed.rows.map((row) => row.map((cell) => cell.text))).to.deep.equal([["1", "2", "x"]]);
  });

  it("shows no type line for JS rows unless types are given", () => {
    expect(parseTable(rowsToHtml([{ a: 1 }])).header.map((h) => [h.name, h.type])).to.deep.equal([["a", undefined]]);
    expect(parseTable(rowsToHtml([{ a: 1 }], { columnTypes: ["int"] })).header[0].type).to.equal("int");
  });
});

describe("HTML table: cells", () => {
  it("right-aligns numeric columns, header included, and left-aligns the others", () => {
    const table = tableFromArrays({ n: Float64Array.of(1.5), s: ["x"] });
    const parsed = parseTable(tableToHtml(table, { columnTypes: ["decimal(10,2)", "string"] }));
    expect(parsed.header.map((h) => h.align)).to.deep.equal(["right", "left"]);
    expect(parsed.rows[0].map((cell) => cell.align)).to.deep.equal(["right", "left"]);
  });

  it("right-aligns Arrow number columns without Spark types", () => {
    const table = tableFromArrays({ i: Int32Array.of(1), l: BigInt64Array.of(2n), s: ["3"] });
    expect(parseTable(tableToHtml(table)).rows[0].map((cell) => cell.align)).to.deep.equal(["right", "right", "left"]);
  });

  it('shows a null as NULL, as show() does, apart from the strings "NULL" and "null"', () => {
    const table = tableFromArrays({ s: ["null", null, "", "NULL"] });
    const cells = parseTable(tableToHtml(table)).rows.map((row) => row[0]);
    expect(cells.map((cell) => [cell.text, cell.isNull])).to.deep.equal([
      ["null", false],
      ["NULL", true],
      ["", false],
      ["NULL", false],
    ]);
  });

  it("shows nested values compactly, strings quoted inside them", () => {
    const rows = [{ a: [1, null, "null"], m: new Map<unknown, unknown>([["k", { x: 1, "y z": [true] }]]), b: Uint8Array.of(1, 0xab) }];
    const cells = parseTable(rowsToHtml(rows)).rows[0].map((cell) => cell.text);
    expect(cells).to.deep.equal(['[1, null, "null"]', '{"k" -> {x: 1, "y z": [true]}}', "X'01AB'"]);
  });

  it("cuts a long cell with an ellipsis and keeps the whole text in its title", () => {
    const long = "abcdefghij".repeat(3);
    const [cell] = parseTable(rowsToHtml([{ s: long }], { maxCellChars: 10 })).rows[0];
    expect(cell.text).to.equal("abcdefghi…");
    expect(cell.title).to.equal(long);
  });

  it("leaves a cell that fits whole and without a title", () => {
    const [cell] = parseTable(rowsToHtml([{ s: "abcdefghij" }], { maxCellChars: 10 })).rows[0];
    expect(cell).to.include({ text: "abcdefghij", title: undefined });
  });

  it("never cuts between the halves of a surrogate pair", () => {
    const [cell] = parseTable(rowsToHtml([{ s: "abc😀😀😀😀" }], { maxCellChars: 5 })).rows[0];
    expect(cell.text).to.equal("abc…");
  });

  it("shows the caption above the table", () => {
    expect(parseTable(rowsToHtml([{ a: 1 }], { caption: "Sales <2024>" })).caption).to.equal("Sales <2024>");
  });

  it("builds the same table from the Arrow builders' makeTable", () => {
    const table = makeTable({ x: Int32Array.of(5, 6) });
    expect(parseTable(tableToHtml(table)).rows.map((row) => row[0].text)).to.deep.equal(["5", "6"]);
  });
});

describe("HTML table: rows cut", () => {
  const table = tableFromArrays({ id: Int32Array.from({ length: 5 }, (_, i) => i) });

  it("shows at most maxRows rows and says that more exist", () => {
    const parsed = parseTable(tableToHtml(table, { maxRows: 3 }));
    expect(parsed.rows.map((row) => row[0].text)).to.deep.equal(["0", "1", "2"]);
    expect(parsed.note).to.equal("showing first 3 rows; more exist");
  });

  it("says how many rows there are in all when the total is known, grouped by thousands", () => {
    expect(parseTable(tableToHtml(table, { maxRows: 2, totalRows: 12345 })).note).to.equal("showing first 2 of 12,345 rows");
    expect(parseTable(tableToHtml(table, { totalRows: 1234567n, moreRows: true })).note).to.equal("showing first 5 of 1,234,567 rows");
  });

  it("says that more exist when the caller fetched only part of the rows", () => {
    expect(parseTable(tableToHtml(table, { moreRows: true })).note).to.equal("showing first 5 rows; more exist");
    expect(parseTable(tableToHtml(table.slice(0, 1), { moreRows: true })).note).to.equal("showing first 1 row; more exist");
  });

  it("adds no note when every row is shown", () => {
    expect(parseTable(tableToHtml(table)).note).to.equal(undefined);
    expect(parseTable(tableToHtml(table, { maxRows: 5, totalRows: 5 })).note).to.equal(undefined);
  });

  it("shows an empty table as its header and a note that there are no rows", () => {
    const parsed = parseTable(tableToHtml(table.slice(0, 0), { columnTypes: ["int"] }));
    expect(parsed.header.map((h) => [h.name, h.type])).to.deep.equal([["id", "int"]]);
    expect(parsed.rows).to.deep.equal([]);
    expect(parsed.note).to.equal("no rows");
  });

  it("reads the rows of every batch of a table of several batches, in order", () => {
    const two = new Table([
      ...tableFromArrays({ id: Int32Array.of(1, 2) }).batches,
      ...tableFromArrays({ id: Int32Array.of(3, 4) }).batches,
    ]);
    expect(two.batches).to.have.length(2);
    expect(parseTable(tableToHtml(two, { maxRows: 3 })).rows.map((row) => row[0].text)).to.deep.equal(["1", "2", "3"]);
  });

  it("refuses a maxCellChars too small to hold text and an ellipsis", () => {
    expect(() => tableToHtml(table, { maxCellChars: 2 })).to.throw(RangeError, /maxCellChars/);
  });
});
