// The table model as HTML for notebooks, made for three kinds of host at once:
// - hosts that render it as is (a notebook the user ran in JupyterLab, VS Code's webview): a
//   <style> block, scoped to this table by a class, keeps each cell on one line cut with an
//   ellipsis at a sensible width (hovering a cell wraps it whole), keeps the header in view
//   (sticky) and right-aligns numbers;
// - JupyterLab's sanitizer (outputs of an untrusted notebook) drops <style> and inline
//   `position: sticky`, but keeps class, title, <i>, and inline max-height, overflow, min-width:
//   the inline styles alone keep the table in a bounded scroll box, and each header's width
//   (estimated from its column's text) keeps the rows on one line;
// - GitHub drops styles: a plain table, with every value cut at maxCellChars.
// A body cell carries only its text (a title when it was cut, <i> for a null), so a table's size
// stays in proportion to its data. Every text, names and values alike, goes through one escape.
import { createHash } from "node:crypto";
import escapeHtml from "escape-html";
import type { TableModel } from "./model";
import { maxCellCharsOf, MAX_TITLE_CHARS, SERVER_CUT_MARK, type TableOptions } from "./options";
import { cutText } from "./visible";
import { displayWidth } from "./width";

/** The class on the outer `<div>`, for hosts that want to style these tables. */
export const TABLE_CLASS = "spark-ts-table";

/** The most a table's scroll box is high; the header stays at its top while the rows scroll. */
export const TABLE_BOX_HEIGHT_PX = 500;

/** How wide a cell is at most before its text is cut with an ellipsis, in `ch` (widths of "0"). */
const CELL_MAX_CH = 40;
// A header wider than a cell is cut like one: its title then says it whole.
const HEADER_TITLE_WIDTH = CELL_MAX_CH;

// The header's width where the <style> block is dropped, from its column's widest text: ems per
// terminal column (a wide character counts two). Generous, since a cell narrower than its text
// wraps there: JupyterLab's own CSS sets `white-space: normal` on every cell.
const EM_PER_COLUMN = 0.7;
const EM_PER_HEADER_COLUMN = 0.75;
const EM_PER_TYPE_COLUMN = 0.6;

const BOX_STYLE = `max-height:${TABLE_BOX_HEIGHT_PX}px;overflow:auto`;
const TYPE_STYLE = "font-weight:normal;font-size:0.85em;opacity:0.65";
// NULL, as show() and the text grid write it; in italics, apart from a string "NULL".
const NULL_CELL = "<td><i>NULL</i></td>";
const CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:bold;padding-bottom:4px";
const NOTE_STYLE = "font-size:0.85em;opacity:0.7;padding-top:4px";
// A cell cut before it reached the table: the mark says so, and so does its tooltip, in place of
// the value a cell cut for width keeps there.
const SERVER_CUT_SPAN = `<span style="opacity:0.55"> ${SERVER_CUT_MARK}</span>`;
const SERVER_CUT_TITLE = "cut on the server: the full value is not in the notebook";

// The rules of every table; `&` stands for this table's scope. Each selector has the weight of
// JupyterLab's own (two classes and a tag) and comes later in the page, so it wins over it.
// A header's inline width is for hosts without these rules: here cells size to their text.
// (Chromium takes a cell's min-width as its column's least width, and its width only as a
// preference; width is there too for browsers that read it as CSS 2.1 says, as the least width.)
// A ✂ mark is placed at its cell's right edge, so cutting the text for width does not hide it.
const RULES = [
  "&>div{width:fit-content;max-width:100%}",
  "& table{border-collapse:separate;border-spacing:0;margin:0;font-variant-numeric:tabular-nums}",
  `& th,& td{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:${CELL_MAX_CH}ch;text-align:left}`,
  "& th{position:sticky;top:0;z-index:1;min-width:0!important;width:auto!important;vertical-align:bottom;background:var(--jp-layout-color1,var(--vscode-editor-background,#fff));border-bottom:1px solid rgba(128,128,128,.5)}",
  "& th div{overflow:hidden;text-overflow:ellipsis}",
  "& td:hover{white-space:normal;overflow-wrap:anywhere}",
  "& i{opacity:.55}",
  '& td[title^="cut on the server"]{position:relative;padding-right:1.8em}',
  '& td[title^="cut on the server"]>span{position:absolute;right:.5em}',
].join("");

/**
 * The `<style>` block and the scope class for a table whose columns at `rightAligned` (0-based)
 * hold numbers. The class is named for the rules' own hash: two tables share it exactly when
 * their rules are the same, so the blocks of several tables on one page (JupyterLab applies
 * every output's `<style>` to the whole page) never contradict each other, and the same table
 * always renders to the same bytes.
 */
function scopedStyle(rightAligned: readonly number[]): { className: string; style: string } {
  const right = rightAligned.map((c) => `& :is(td,th):nth-child(${c + 1})`).join(",");
  const rules = right === "" ? RULES : `${RULES}${right}{text-align:right}`;
  const className = `stt-${createHash("sha256").update(rules).digest("hex").slice(0, 8)}`;
  return { className, style: `<style>${rules.replaceAll("&", `.${TABLE_CLASS}.${className}`)}</style>` };
}

function ems(columns: number, perColumn: number): number {
  return Math.ceil(columns * perColumn * 2) / 2;
}

function headerCell(name: string, type: string | undefined, widthEm: number): string {
  const nameTitle = displayWidth(name) > HEADER_TITLE_WIDTH ? ` title="${escapeHtml(name)}"` : "";
  let typeLine = "";
  if (type !== undefined) {
    const typeTitle = displayWidth(type) > HEADER_TITLE_WIDTH ? ` title="${escapeHtml(type)}"` : "";
    typeLine = `<div style="${TYPE_STYLE}"${typeTitle}>${escapeHtml(type)}</div>`;
  }
  return `<th style="min-width:${widthEm}em;width:${widthEm}em"${nameTitle}>${escapeHtml(name)}${typeLine}</th>`;
}

/** The `<td>`s of one column, null and cut cells included, and the widest shown text in terminal columns. */
function columnTds(
  cells: readonly (string | null)[],
  maxChars: number,
  cutBefore: readonly boolean[] = [],
): { tds: string[]; widest: number } {
  const titleChars = Math.max(MAX_TITLE_CHARS, 2 * maxChars);
  const serverCutOpen = `<td title="${SERVER_CUT_TITLE}">`;
  const tds = new Array<string>(cells.length);
  let widest = 0;
  for (let r = 0; r < cells.length; r++) {
    const text = cells[r]!;
    if (text === null) {
      tds[r] = NULL_CELL;
      widest = Math.max(widest, 4);
      continue;
    }
    const shown = cutText(text, maxChars);
    if (cutBefore[r] === true) {
      tds[r] = serverCutOpen + escapeHtml(shown) + SERVER_CUT_SPAN + "</td>";
      widest = Math.max(widest, displayWidth(shown) + 2);
    } else {
      tds[r] =
        shown === text ? `<td>${escapeHtml(text)}</td>` : `<td title="${escapeHtml(cutText(text, titleChars))}">${escapeHtml(shown)}</td>`;
      // No character takes more than two columns: most cells need no measuring.
      if (2 * shown.length > widest) widest = Math.max(widest, displayWidth(shown));
    }
  }
  return { tds, widest };
}

/**
 * The model as an HTML table that keeps its shape in a notebook: in a scroll box at most
 * {@link TABLE_BOX_HEIGHT_PX} high whose header stays in view, one line per row, each cell at
 * most 40 characters wide and cut there with an ellipsis (hovering it shows it whole). A header
 * cell holds the column's name and, under it, its type; numbers are right-aligned; a null is an
 * italic, faded `NULL`. A value longer than {@link TableOptions.maxCellChars} is cut in the HTML
 * itself with "…", its `title` holding up to 1,000 characters of it (or twice maxCellChars, if
 * more), so a long value is never saved twice in full. A cell cut before it reached the table
 * (see {@link TableOptions.cutCells}) is marked with ✂ and a `title` saying so. A caption goes
 * above, a note under the table when rows were cut and one when cells were cut before. Columns
 * with the same name are all kept.
 *
 * Where `<style>` is dropped (JupyterLab's sanitizer, in an untrusted notebook) the box, its
 * scroll bars and the one line per row remain, but the header scrolls with the rows and the
 * cells are as wide as their text; where inline styles are dropped too (GitHub) it is a plain
 * table.
 *
 * @example
 * ```ts
 * htmlOfModel(modelFromRows([{ a: 1 }]));
 * // '<div class="spark-ts-table stt-…"><style>…</style><div style="max-height:500px;overflow:auto"><table><thead><tr><th …>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div></div>'
 * ```
 */
export function htmlOfModel(model: TableModel, options: Pick<TableOptions, "maxCellChars"> = {}): string {
  const maxChars = maxCellCharsOf(options);
  const rightAligned = model.columns.flatMap((column, c) => (column.numeric ? [c] : []));
  const { className, style } = scopedStyle(rightAligned);
  const columns = model.columns.map((column) => columnTds(column.cells, maxChars, column.cutBefore));
  const parts: string[] = [`<div class="${TABLE_CLASS} ${className}">`, style, `<div style="${BOX_STYLE}"><table>`];
  if (model.caption !== undefined) parts.push(`<caption style="${CAPTION_STYLE}">${escapeHtml(model.caption)}</caption>`);
  parts.push("<thead><tr>");
  model.columns.forEach((column, c) => {
    const widthEm = Math.max(
      ems(columns[c].widest, EM_PER_COLUMN),
      ems(displayWidth(column.name), EM_PER_HEADER_COLUMN),
      column.type === undefined ? 0 : ems(displayWidth(column.type), EM_PER_TYPE_COLUMN),
    );
    parts.push(headerCell(column.name, column.type, widthEm));
  });
  parts.push("</tr></thead><tbody>");
  const width = columns.length;
  for (let r = 0; r < model.rowCount; r++) {
    let row = "<tr>";
    for (let c = 0; c < width; c++) row += columns[c].tds[r];
    parts.push(row + "</tr>");
  }
  parts.push("</tbody></table></div>");
  if (model.note !== undefined) parts.push(`<div style="${NOTE_STYLE}">${escapeHtml(model.note)}</div>`);
  if (model.serverCutNote !== undefined) parts.push(`<div style="${NOTE_STYLE}">${escapeHtml(model.serverCutNote)}</div>`);
  parts.push("</div>");
  return parts.join("");
}
