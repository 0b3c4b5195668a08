// An array of JS rows (plain objects, or the client's Rows) to the table model: columns are the
// union of the rows' keys in first-seen order.
import { Row } from "../../arrow";
import { cellText } from "./cells";
import { cutBeforeOf, cutNote, serverCutNoteOf, type ColumnModel, type TableModel } from "./model";
import { maxRowsOf, type TableOptions } from "./options";
import { isNumericTypeName } from "./typeNames";
import { visibleText } from "./visible";

// The column a row that is not a record (a number, an array, a Date...) is shown in.
const VALUE_COLUMN = "value";

function isRecord(row: unknown): row is Record<string, unknown> {
  return typeof row === "object" && row !== null && !Array.isArray(row) && !(row instanceof Date) && !(row instanceof Map);
}

/** Rows made by one converter share their frozen column list: read them by position, repeats kept. */
function sameRowColumns(rows: readonly unknown[]): readonly string[] | undefined {
  const first = rows[0];
  if (!(first instanceof Row)) return undefined;
  const columns = Row.columns(first);
  return rows.every((row) => row instanceof Row && Row.columns(row) === columns) ? columns : undefined;
}

function columnsByPosition(rows: readonly Row[], names: readonly string[]): { name: string; values: unknown[] }[] {
  const values = rows.map((row) => Row.values(row));
  return names.map((name, c) => ({ name, values: values.map((row) => row[c]) }));
}

function columnsByKey(rows: readonly unknown[]): { name: string; values: unknown[] }[] {
  const order = new Map<string, number>();
  for (const row of rows) {
    const keys = isRecord(row) ? Object.keys(row) : [VALUE_COLUMN];
    for (const key of keys) if (!order.has(key)) order.set(key, order.size);
  }
  return [...order.keys()].map((name) => ({
    name,
    values: rows.map((row) =>
      isRecord(row) ? (Object.hasOwn(row, name) ? row[name] : undefined) : name === VALUE_COLUMN ? row : undefined,
    ),
  }));
}

function isNumericColumn(values: readonly unknown[]): boolean {
  let numbers = 0;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (typeof value !== "number" && typeof value !== "bigint") return false;
    numbers++;
  }
  return numbers > 0;
}

/**
 * The model of an array of JS rows (see {@link TableOptions}). A row that is not an object is
 * shown in a column named "value"; a key a row lacks shows as null there. Types are shown only
 * when given as `columnTypes`.
 *
 * @example
 * ```ts
 * const model = modelFromRows([{ a: 1 }, { b: "x" }]);
 * // columns a (cells "1", null) and b (cells null, "x")
 * ```
 */
export function modelFromRows(rows: readonly unknown[], options: TableOptions = {}): TableModel {
  const shown = Math.min(rows.length, maxRowsOf(options));
  const kept = rows.length > shown ? rows.slice(0, shown) : rows;
  const sameColumns = sameRowColumns(kept);
  const raw = sameColumns ? columnsByPosition(kept as readonly Row[], sameColumns) : columnsByKey(kept);
  const types = options.columnTypes ?? [];
  const cutBefore = cutBeforeOf(options, raw.length, shown);
  const columns: ColumnModel[] = raw.map(({ name, values }, c) => {
    const given = types[c];
    return {
      name: visibleText(name),
      type: given === undefined ? undefined : visibleText(given),
      numeric: given !== undefined ? isNumericTypeName(given) : isNumericColumn(values),
      cells: values.map(cellText),
      cutBefore: cutBefore[c],
    };
  });
  const moreRows = options.moreRows === true || rows.length > shown;
  const note = cutNote(shown, { moreRows, totalRows: options.totalRows });
  const caption = options.caption === undefined ? undefined : visibleText(options.caption);
  return { columns, rowCount: shown, note, caption, serverCutNote: serverCutNoteOf(cutBefore) };
}
