// The table model as HTML for notebooks. Only plain table markup with inline styles: Jupyter
// sanitizes untrusted output (no <style>, no <script>) and its themes may be light or dark, so
// colours are inherited and emphasis is opacity. Every text, names and values alike, goes
// through one escape.
import escapeHtml from "escape-html";
import type { TableModel } from "./model";
import { maxCellCharsOf, MAX_TITLE_CHARS, SERVER_CUT_MARK, type TableOptions } from "./options";
import { cutText } from "./visible";

// Jupyter's own table CSS right-aligns every cell, other hosts left-align: each cell says which.
const LEFT = "text-align:left";
const RIGHT = "text-align:right";
const TABLE_STYLE = "border-collapse:collapse;font-variant-numeric:tabular-nums";
const HEADER_STYLE = "vertical-align:bottom;border-bottom:1px solid rgba(128,128,128,0.5)";
const TYPE_STYLE = "font-weight:normal;font-size:0.85em;opacity:0.65";
const NULL_SPAN = '<span style="font-style:italic;opacity:0.55">null</span>';
const CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:bold;padding-bottom:4px";
const NOTE_STYLE = "font-size:0.85em;opacity:0.7;padding-top:4px";
// A cell cut before it reached the table: the mark says so, and so does its tooltip, in place of
// the full value a cell cut for width keeps there.
const SERVER_CUT_SPAN = `<span style="opacity:0.55"> ${SERVER_CUT_MARK}</span>`;
const SERVER_CUT_TITLE = "cut on the server: the full value is not in the notebook";

/** The class on the outer `<div>`, for hosts that want to style these tables. */
export const TABLE_CLASS = "spark-ts-table";

function headerCell(name: string, type: string | undefined, align: string): string {
  const typeLine = type === undefined ? "" : `<div style="${TYPE_STYLE}">${escapeHtml(type)}</div>`;
  return `<th style="${align};${HEADER_STYLE}">${escapeHtml(name)}${typeLine}</th>`;
}

/** The `<td>`s of one column, null and cut cells included. */
function columnTds(cells: readonly (string | null)[], align: string, maxChars: number, cutBefore: readonly boolean[] = []): string[] {
  const open = `<td style="${align}">`;
  const nullTd = `${open}${NULL_SPAN}</td>`;
  const cutOpen = `<td style="${align}" title="`;
  const serverCutOpen = `${cutOpen}${SERVER_CUT_TITLE}">`;
  const tds: string[] = new Array(cells.length);
  for (let r = 0; r < cells.length; r++) {
    const text = cells[r]!;
    if (text === null) tds[r] = nullTd;
    else if (cutBefore[r] === true) tds[r] = serverCutOpen + escapeHtml(cutText(text, maxChars)) + SERVER_CUT_SPAN + "</td>";
    else if (text.length <= maxChars) tds[r] = open + escapeHtml(text) + "</td>";
    else tds[r] = cutOpen + escapeHtml(cutText(text, MAX_TITLE_CHARS)) + '">' + escapeHtml(cutText(text, maxChars)) + "</td>";
  }
  return tds;
}

/**
 * The model as an HTML table: a header cell per column with its name and, under it, its type;
 * numbers right-aligned; nulls as an italic, faded `null`; cells longer than
 * {@link TableOptions.maxCellChars} cut with "…" and kept whole in `title`; cells cut before they
 * reached the table (see {@link TableOptions.cutCells}) marked with ✂ and a `title` saying so; a
 * caption, a note when rows were cut and one when cells were cut before. Columns with the same
 * name are all kept.
 *
 * @example
 * ```ts
 * htmlOfModel(modelFromRows([{ a: 1 }]));
 * // '<div class="spark-ts-table" …><table …><thead><tr><th …>a</th></tr></thead><tbody><tr><td …>1</td></tr></tbody></table></div>'
 * ```
 */
export function htmlOfModel(model: TableModel, options: Pick<TableOptions, "maxCellChars"> = {}): string {
  const maxChars = maxCellCharsOf(options);
  const aligns = model.columns.map((column) => (column.numeric ? RIGHT : LEFT));
  const parts: string[] = [`<div class="${TABLE_CLASS}" style="overflow-x:auto">`, `<table style="${TABLE_STYLE}">`];
  if (model.caption !== undefined) parts.push(`<caption style="${CAPTION_STYLE}">${escapeHtml(model.caption)}</caption>`);
  parts.push("<thead><tr>");
  model.columns.forEach((column, c) => parts.push(headerCell(column.name, column.type, aligns[c]!)));
  parts.push("</tr></thead><tbody>");
  const tds = model.columns.map((column, c) => columnTds(column.cells, aligns[c]!, maxChars, column.cutBefore));
  const width = tds.length;
  for (let r = 0; r < model.rowCount; r++) {
    let row = "<tr>";
    for (let c = 0; c < width; c++) row += tds[c]![r]!;
    parts.push(row + "</tr>");
  }
  parts.push("</tbody></table>");
  if (model.note !== undefined) parts.push(`<div style="${NOTE_STYLE}">${escapeHtml(model.note)}</div>`);
  if (model.serverCutNote !== undefined) parts.push(`<div style="${NOTE_STYLE}">${escapeHtml(model.serverCutNote)}</div>`);
  parts.push("</div>");
  return parts.join("");
}
