// An Arrow table (as the client decodes results) to the table model: one reader and one
// formatter per column, chosen from its type once, then run over the shown rows only.
import { type Data, DataType, type Field, type Table } from "apache-arrow";
import { valueReader } from "../../arrow";
import { cellText, numberText } from "./cells";
import { cutBeforeOf, cutNote, serverCutNoteOf, type ColumnModel, type TableModel } from "./model";
import { maxRowsOf, type TableOptions } from "./options";
import { arrowTypeName, isNumericArrowType, isNumericTypeName } from "./typeNames";
import { visibleText } from "./visible";

type Format = (value: unknown) => string | null;

const formatNumber: Format = (value) => (value === null ? null : numberText(value as number));
const formatString: Format = (value) => (value === null ? null : visibleText(value as string));
const formatPlain: Format = (value) => (value === null ? null : String(value));

/** The formatter for a column's values: the common types skip the general one's dispatch. */
function formatterFor(field: Field): Format {
  const type: DataType = field.type;
  if (DataType.isInt(type)) return type.bitWidth === 64 ? formatPlain : formatNumber;
  if (DataType.isFloat(type)) return formatNumber;
  // Decimals are read as exact strings; booleans print as they are.
  if (DataType.isDecimal(type) || DataType.isBool(type)) return formatPlain;
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return formatString;
  return cellText;
}

function columnCells(table: Table, c: number, shown: number): (string | null)[] {
  const field = table.schema.fields[c]!;
  const read = valueReader(field);
  const format = formatterFor(field);
  const cells: (string | null)[] = new Array(shown);
  let row = 0;
  for (const batch of table.batches) {
    if (row >= shown) break;
    const data: Data = batch.data.children[c]!;
    const end = Math.min(batch.numRows, shown - row);
    for (let i = 0; i < end; i++) cells[row + i] = format(read(data, i));
    row += end;
  }
  return cells;
}

/**
 * The model of an Arrow table's first rows (see {@link TableOptions}).
 *
 * @example
 * ```ts
 * const model = modelFromArrow(tableFromArrays({ id: Int32Array.of(1, 2) }), { maxRows: 1 });
 * // model.columns[0].cells == ["1"], model.note == "showing first 1 row; more exist"
 * ```
 */
export function modelFromArrow(table: Table, options: TableOptions = {}): TableModel {
  const shown = Math.min(table.numRows, maxRowsOf(options));
  const types = options.columnTypes ?? [];
  const cutBefore = cutBeforeOf(options, table.numCols, shown);
  const columns: ColumnModel[] = table.schema.fields.map((field, c) => {
    const given = types[c];
    return {
      name: visibleText(field.name),
      type: visibleText(given ?? arrowTypeName(field.type, field.metadata)),
      numeric: given !== undefined ? isNumericTypeName(given) : isNumericArrowType(field.type),
      cells: columnCells(table, c, shown),
      cutBefore: cutBefore[c],
    };
  });
  const moreRows = options.moreRows === true || table.numRows > shown;
  const note = cutNote(shown, { moreRows, totalRows: options.totalRows });
  const caption = options.caption === undefined ? undefined : visibleText(options.caption);
  return { columns, rowCount: shown, note, caption, serverCutNote: serverCutNoteOf(cutBefore) };
}
