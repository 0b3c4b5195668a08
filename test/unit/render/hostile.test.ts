// Column names and values written to break out of the markup: what a browser builds from the
// rendered HTML must hold only the renderer's own elements and attributes, and show the data as
// text, character for character.
import { expect } from "chai";
import { describe, it } from "mocha";
import { tableFromArrays } from "apache-arrow";
import { rowsToHtml, tableToHtml, type TableOptions } from "../../../src/render";
import { parseTable, type ParsedTable } from "./htmlTable";

interface Hostile {
  readonly text: string;
  /** What a cell shows for it (control characters escaped), when not the text itself. */
  readonly shown?: string;
}

const CORPUS: readonly Hostile[] = [
  { text: "<script>alert(1)</script>" },
  { text: '"><img src=x onerror=alert(1)>' },
  { text: "'><svg onload=alert(1)>" },
  { text: "</table>" },
  { text: "</td></tr></tbody></table><script>alert(1)</script>" },
  { text: "javascript:alert(1)" },
  { text: '<a href="javascript:alert(1)">x</a>' },
  { text: "&amp;" },
  { text: "&lt;b&gt; &#60; &#x3C;" },
  { text: `quotes ' " and \`backticks\`` },
  { text: "<style>*{display:none}</style>" },
  { text: "<!-- comment" },
  { text: "<![CDATA[x]]>" },
  { text: "<td title=x style=color:red>" },
  { text: "emoji 😀 👩‍💻 🇺🇳" },
  { text: "nul\u0000byte", shown: "nul\\u0000byte" },
  { text: "cr\r\nlf", shown: "cr\\r\\nlf" },
  { text: "right\u202Eto left", shown: "right\\u202Eto left" },
  { text: "" },
  { text: "   spaced   " },
];

// The renderer's own vocabulary: anything else in the parsed HTML came from the data.
const ELEMENTS = new Set(["div", "style", "table", "caption", "thead", "tbody", "tr", "th", "td", "span", "i"]);
const ATTRIBUTES = new Set(["class", "style", "title"]);

const shownOf = (h: Hostile) => h.shown ?? h.text;

// A header's width and the scope class change with the data; the rest of a style may not.
const shapeOf = (style: string) => style.replace(/\d+(\.\d+)?/g, "N").replace(/stt-[0-9a-f]+/g, "stt-H");

/** The style values and the CSS a benign rendering uses, numbers aside: the only ones a hostile one may use. */
const RENDERER_STYLES = (() => {
  const benign = [
    tableToHtml(tableFromArrays({ n: Int32Array.of(1), s: ["abcdefghijklmnop", null] }), { maxCellChars: 4, caption: "c", moreRows: true }),
    rowsToHtml([{ s: "x" }], { columnTypes: ["string"] }),
  ];
  const styles = new Set<string>();
  for (const html of benign) {
    for (const style of stylesOf(html)) styles.add(shapeOf(style));
    styles.add(shapeOf(parseTable(html).css ?? ""));
  }
  return styles;
})();

function stylesOf(html: string): string[] {
  return [...html.matchAll(/ style="([^"]*)"/g)].map((m) => m[1]);
}

function expectOnlyRendererMarkup(parsed: ParsedTable, html: string): void {
  expect(parsed.errors, "parse errors").to.deep.equal([]);
  expect(
    parsed.elements.filter((e) => !ELEMENTS.has(e)),
    "foreign elements",
  ).to.deep.equal([]);
  expect(
    parsed.attributes.filter((a) => !ATTRIBUTES.has(a)),
    "foreign attributes",
  ).to.deep.equal([]);
  expect(
    parsed.elements.filter((e) => e === "style"),
    "style blocks",
  ).to.have.length(1);
  expect(
    stylesOf(html).filter((s) => !RENDERER_STYLES.has(shapeOf(s))),
    "foreign styles",
  ).to.deep.equal([]);
  expect(RENDERER_STYLES.has(shapeOf(parsed.css!)), "foreign CSS").to.equal(true);
}

describe("HTML table: hostile names and values", () => {
  for (const hostile of CORPUS) {
    const label = JSON.stringify(hostile.text);

    it(`shows ${label} as text in an Arrow table's name, type, value and caption`, () => {
      const table = tableFromArrays({ [hostile.text]: [hostile.text, "plain"] });
      const options: TableOptions = { columnTypes: [hostile.text], caption: hostile.text, totalRows: 3 };
      const html = tableToHtml(table, options);
      const parsed = parseTable(html);
      expectOnlyRendererMarkup(parsed, html);
      expect(parsed.header).to.have.length(1);
      expect(parsed.header[0].name).to.equal(shownOf(hostile));
      expect(parsed.header[0].type).to.equal(shownOf(hostile));
      expect(parsed.caption).to.equal(shownOf(hostile));
      expect(parsed.rows.map((row) => row.map((cell) => cell.text))).to.deep.equal([[shownOf(hostile)], ["plain"]]);
    });

    it(`keeps ${label} whole in the title of a cut cell`, () => {
      const long = hostile.text.repeat(3) + "0123456789";
      const html = rowsToHtml([{ v: long }], { maxCellChars: 6 });
      const parsed = parseTable(html);
      expectOnlyRendererMarkup(parsed, html);
      const [cell] = parsed.rows[0];
      const shown = shownOf(hostile).repeat(3) + "0123456789";
      expect(cell.title).to.equal(shown);
      expect(cell.text.endsWith("…")).to.equal(true);
      expect(shown.startsWith(cell.text.slice(0, -1))).to.equal(true);
    });

    it(`shows ${label} inside nested values and as a JS row's key`, () => {
      const rows = [{ [hostile.text]: [hostile.text], m: new Map([[hostile.text, { [hostile.text]: hostile.text }]]) }];
      const html = rowsToHtml(rows, { maxCellChars: 10_000 });
      const parsed = parseTable(html);
      expectOnlyRendererMarkup(parsed, html);
      expect(parsed.header.map((h) => h.name)).to.include(shownOf(hostile));
      const quoted = JSON.stringify(hostile.text).replace(/\u202e/gi, "\\u202E");
      const key = /^[A-Za-z_][A-Za-z0-9_]*$/.test(hostile.text) ? hostile.text : quoted;
      const cells = Object.fromEntries(parsed.header.map((h, i) => [h.name, parsed.rows[0][i].text]));
      expect(cells[shownOf(hostile)]).to.equal(`[${quoted}]`);
      expect(cells.m).to.equal(`{${quoted} -> {${key}: ${quoted}}}`);
    });
  }

  it("checks what a browser builds, not what the HTML source says", () => {
    // The checks above must be able to fail: unescaped markup yields foreign elements.
    const parsed = parseTable(`<table><tr><td><img src=x onerror=alert(1)></td></tr></table>`);
    expect(parsed.elements).to.include("img");
    expect(parsed.attributes).to.include("onerror");
  });
});
