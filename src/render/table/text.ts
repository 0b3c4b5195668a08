// The table model as a text grid in the shape of Spark's show(): `+---+` borders, every cell
// right-aligned, a column at least three wide, NULL for null, a closing border even with no rows.
import type { TableModel } from "./model";
import { maxCellCharsOf, type TableOptions } from "./options";
import { cutText } from "./visible";
import { displayWidth } from "./width";

function pad(text: string, textWidth: number, width: number): string {
  return textWidth >= width ? text : " ".repeat(width - textWidth) + text;
}

/**
 * The model as a text grid like Spark's `show()`; cells longer than
 * {@link TableOptions.maxCellChars} are cut with "...". The caption, if any, comes first and the
 * note on cut rows last.
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
    const texts = [column.name, ...column.cells].map((cell) => cutText(cell ?? "NULL", maxChars, "..."));
    const widths = texts.map(displayWidth);
    let width = 3;
    for (const w of widths) if (w > width) width = w;
    return { texts, widths, width };
  });
  const border = "+" + grid.map((column) => "-".repeat(column.width)).join("+") + "+";
  const line = (r: number) => "|" + grid.map((column) => pad(column.texts[r]!, column.widths[r]!, column.width)).join("|") + "|";
  const lines: string[] = [];
  if (model.caption !== undefined) lines.push(model.caption);
  lines.push(border, line(0), border);
  for (let r = 1; r <= model.rowCount; r++) lines.push(line(r));
  lines.push(border);
  if (model.note !== undefined) lines.push(model.note);
  return lines.join("\n");
}
