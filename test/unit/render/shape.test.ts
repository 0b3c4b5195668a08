// The HTML table keeps its shape in a notebook and its size in the saved .ipynb: one line per
// cell, a bounded scroll box with a sticky header, and only the text in each body cell. What a
// browser makes of it is measured in test/browser/jupyterlab.test.ts; this checks the markup.
import { expect } from "chai";
import { describe, it } from "mocha";
import { tableFromArrays } from "apache-arrow";
import { rowsToHtml, tableToHtml } from "../../../src/render";
import { parseTable } from "./htmlTable";

const LONG = "lorem ipsum dolor sit amet, consectetur adipiscing elit ".repeat(4).slice(0, 200);

/** `rows` rows of 30 columns as the kernel shows a DataFrame: ids, two 200-character strings, timestamps, doubles, names, some nulls. */
function wideTable(rows: number) {
  const columns: Record<string, unknown[] | Float64Array | Int32Array> = {
    id: Int32Array.from({ length: rows }, (_, r) => r),
    text: Array.from({ length: rows }, () => LONG),
    note: Array.from({ length: rows }, (_, r) => (r % 2 === 0 ? LONG : "short")),
    ts: Array.from({ length: rows }, (_, r) => `2024-03-01 12:34:${String(r % 60).padStart(2, "0")}.123456`),
  };
  const types = ["int", "string", "string", "timestamp"];
  for (let c = 0; Object.keys(columns).length < 30; c++) {
    const kind = c % 3;
    columns[`c${c}`] =
      kind === 0
        ? Float64Array.from({ length: rows }, (_, r) => r * 1.25 + c / 7)
        : kind === 1
          ? Array.from({ length: rows }, (_, r) => `name ${r * c}`)
          : Array.from({ length: rows }, (_, r) => (r % 5 === 0 ? null : `${r}-${c}`));
    types.push(kind === 0 ? "double" : "string");
  }
  return { table: tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]), types };
}

function bytes(html: string): number {
  return Buffer.byteLength(html, "utf8");
}

describe("HTML table: size in the saved notebook", () => {
  it("keeps 100 rows of 30 columns, two of them 200-character strings, under 100 KB", () => {
    const { table, types } = wideTable(100);
    expect(table.numCols).to.equal(30);
    const html = tableToHtml(table, { columnTypes: types, moreRows: true });
    const parsed = parseTable(html);
    expect(parsed.rows).to.have.length(100);
    expect(parsed.rows[0][1].text).to.equal(LONG);
    expect(bytes(html)).to.be.below(100_000);
  });

  it("adds nothing per body cell but its text: no style on any row or cell", () => {
    const { table, types } = wideTable(100);
    const ten = tableToHtml(table.slice(0, 10), { columnTypes: types });
    const hundred = tableToHtml(table, { columnTypes: types });
    const styles = (html: string) => html.split(" style=").length - 1;
    expect(styles(hundred)).to.equal(styles(ten));
    expect(hundred).not.to.match(/<(tr|td) style=/);
    expect(hundred).to.include("<tr><td>0</td>");
  });

  it('shows a null as <i>NULL</i>, apart from the string "NULL"', () => {
    const html = rowsToHtml([{ s: null }, { s: "NULL" }]);
    expect(html).to.include("<td><i>NULL</i></td>").and.to.include("<td>NULL</td>");
  });
});

describe("HTML table: long values", () => {
  it("cuts a value longer than maxCellChars in the HTML itself, with an ellipsis, its title holding the value", () => {
    const value = "word ".repeat(60).trim();
    const [cell] = parseTable(rowsToHtml([{ s: value }])).rows[0];
    expect(cell.text).to.equal(`${value.slice(0, 199)}…`);
    expect(cell.title).to.equal(value);
  });

  it("keeps at most 1,000 characters of a multi-kilobyte value in the title, so it is never saved twice in full", () => {
    const value = "0123456789".repeat(500);
    const html = rowsToHtml([{ s: value }]);
    const [cell] = parseTable(html).rows[0];
    expect(cell.text).to.have.length(200);
    expect(cell.title).to.equal(`${value.slice(0, 999)}…`);
    // 200 characters shown and 1,000 in the title, plus the attribute and the header's width.
    expect(bytes(html) - bytes(rowsToHtml([{ s: "" }]))).to.be.within(1_200, 1_250);
  });

  it("keeps twice maxCellChars in the title when that is more than 1,000", () => {
    const value = "x".repeat(5000);
    const [cell] = parseTable(rowsToHtml([{ s: value }], { maxCellChars: 1000 })).rows[0];
    expect(cell.text).to.have.length(1000);
    expect(cell.title).to.have.length(2000);
  });

  it("says a long column name or type whole in the header's title, and a short one in none", () => {
    const name = "concat(first_name, ' ', last_name, ' of ', city)";
    const type = "struct<a:int,b:array<string>,c:map<string,double>>";
    const header = parseTable(rowsToHtml([{ [name]: "x", id: 1 }], { columnTypes: [type, "int"] })).header;
    expect(header.map((h) => [h.title, h.typeTitle])).to.deep.equal([
      [name, type],
      [undefined, undefined],
    ]);
  });
});

describe("HTML table: shape where the style block is kept (a trusted notebook, VS Code)", () => {
  const html = tableToHtml(tableFromArrays({ id: Int32Array.of(1), s: [LONG] }), { columnTypes: ["int", "string"] });
  const parsed = parseTable(html);
  const scope = `.${parsed.classes.join(".")}`;
  /** The declarations of the rule whose selector list is exactly `selector` (scope written as &). */
  const rule = (selector: string) =>
    parsed.css!.match(new RegExp(`(?:^|\\})${escapeRegExp(selector.replaceAll("&", scope))}\\{([^}]*)\\}`))?.[1];

  it("has one style block whose every selector is scoped by the classes on the table's outer div", () => {
    expect(parsed.classes[0]).to.equal("spark-ts-table");
    expect(parsed.classes[1]).to.match(/^stt-[0-9a-f]{8}$/);
    // Split at the commas between selectors, not those inside :is(…).
    const selectors = parsed
      .css!.replace(/\{[^}]*\}/g, ",")
      .split(/,(?![^(]*\))/)
      .filter(Boolean);
    expect(selectors.length).to.be.greaterThan(5);
    for (const selector of selectors) expect(selector.startsWith(scope), selector).to.equal(true);
  });

  it("puts every cell on one line, cut with an ellipsis at 40 characters wide", () => {
    expect(rule("& th,& td"))
      .to.include("white-space:nowrap")
      .and.include("overflow:hidden")
      .and.include("text-overflow:ellipsis")
      .and.include("max-width:40ch");
  });

  it("shows a cut cell whole while the pointer is on it", () => {
    expect(rule("& td:hover")).to.include("white-space:normal");
  });

  it("keeps the header at the top of the scroll box, on an opaque background, at its text's width", () => {
    const th = rule("& th")!;
    expect(th).to.include("position:sticky").and.include("top:0").and.include("background:var(--jp-layout-color1,");
    expect(th).to.include("min-width:0!important").and.include(";width:auto!important");
  });

  it("right-aligns the numeric columns by position", () => {
    expect(rule("& :is(td,th):nth-child(1)")).to.equal("text-align:right");
    expect(parsed.rows[0].map((cell) => cell.align)).to.deep.equal(["right", "left"]);
  });

  it("names the scope for its rules: tables of the same layout share a class, others get their own", () => {
    const classOf = (h: string) => parseTable(h).classes[1];
    const a = classOf(rowsToHtml([{ n: 1, s: "a" }]));
    expect(classOf(rowsToHtml([{ n: 2, s: "b".repeat(300) }]))).to.equal(a);
    expect(classOf(rowsToHtml([{ s: "a", n: 1 }]))).not.to.equal(a);
    expect(classOf(rowsToHtml([{ s: "a" }]))).not.to.equal(a);
  });
});

describe("HTML table: shape where only inline styles are kept (JupyterLab's sanitizer, an untrusted notebook)", () => {
  const html = tableToHtml(tableFromArrays({ id: Int32Array.of(1, 22), s: [LONG, "x"], w: ["日本語のテキスト", "a"] }), {
    columnTypes: ["int", "string", "string"],
  });
  const parsed = parseTable(html);

  it("scrolls in a box at most 500 px high", () => {
    expect(parsed.boxStyle).to.equal("max-height:500px;overflow:auto");
  });

  it("gives each header the width of its column's widest text as its least width, wide characters counting two", () => {
    const widths = parsed.header.map((h) => {
      const [, least, width] = h.style!.match(/^min-width:([\d.]+)em;width:([\d.]+)em$/)!;
      expect(least).to.equal(width);
      return Number(least);
    });
    expect(widths[1]).to.be.at.least(200 * 0.6);
    expect(widths[0]).to.be.below(3);
    expect(widths[2]).to.be.at.least(16 * 0.6);
  });

  it("uses inline only CSS properties JupyterLab 4's sanitizer keeps", () => {
    // From the allowedStyles of @jupyterlab/apputils' Sanitizer (JupyterLab 4.6), the ones that
    // matter here; `position` is among them but only for static, relative and absolute values.
    const kept = new Set([
      "max-height",
      "overflow",
      "min-width",
      "width",
      "font-weight",
      "font-size",
      "opacity",
      "caption-side",
      "text-align",
      "padding-bottom",
      "padding-top",
    ]);
    const withNote = tableToHtml(tableFromArrays({ s: ["x"] }), { caption: "c", moreRows: true, cutCells: [[true]] });
    const properties = [...(html + withNote).matchAll(/ style="([^"]*)"/g)].flatMap((m) => m[1].split(";").map((d) => d.split(":")[0]));
    expect(properties.filter((p) => !kept.has(p))).to.deep.equal([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
