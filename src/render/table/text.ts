// The table model as a text grid in the shape of Spark's show(): `+---+` borders, every cell
// right-aligned, a column at least three wide, NULL for null, a closing border even with no rows.
import type { TableModel } from "./model";
import { maxCellCharsOf, SERVER_CUT_MARK, type TableOptions } from "./options";
import { cutText } from "./visible";
import { displayWidth } from "./width";

function pad(text: string, textWidth: number, width: number): string {
  return textWidth >= width ? text : " ".repeat(width - textWidth) + text;
}

/**
 * The model as a text grid like Spark's `show()`; cells longer than
 * {@link TableOptions.maxCellChars} are cut with "...", and cells cut before they reached the
 * table (see {@link TableOptions.cutCells}) end with ✂. The caption, if any, comes first; the
 * note on cut rows and the one on cells cut before come last.
 *
 * @example
 * ```ts
 * textOfModel(modelFromRows([{ id: 1, name: "a" }]));
 * // +---+----+
 * // | id|name|
 * // +---+----+
 * // |  1|   a|
 * // +---+----+
 * ```
 */
export function textOfModel(model: TableModel, options: Pick<TableOptions, "maxCellChars"> = {}): string {
  const maxChars = maxCellCharsOf(options);
  const grid = model.columns.map((column) => {
    const texts = [column.name, ...column.cells].map((cell, r) => {
      const text = cutText(cell ?? "NULL", maxChars, "...");
      return r > 0 && column.cutBefore?.[r - 1] === true ? text + SERVER_CUT_MARK : text;
    });
    const widths = texts.map(displayWidth);
    let width = 3;
    for (const w of widths) if (w > width) width = w;
    return { texts, widths, width };
  });
  const border = "+" + grid.map((column) => "-".repeat(column.width)).join("+") + "+";
  const line = (r: number) => "|" + grid.map((column) => pad(column.texts[r], column.widths[r], column.width)).join("|") + "|";
  const lines: string[] = [];
  if (model.caption !== undefined) lines.push(model.caption);
  lines.push(border, line(0), border);
  for (let r = 1; r <= model.rowCount; r++) lines.push(line(r));
  lines.push(border);
  if (model.note !== undefined) lines.push(model.note);
  if (model.serverCutNote !== undefined) lines.push(model.serverCutNote);
  return lines.join("\n");
}
