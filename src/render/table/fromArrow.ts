// An Arrow table (as the client decodes results) to the table model: one formatter per column,
// compiled from its Arrow type and Spark type once, then run over the shown rows only.
import type { Data, DataType, Table } from "apache-arrow";
import { cutBeforeOf, cutNote, serverCutNoteOf, type ColumnModel, type TableModel } from "./model";
import { maxRowsOf, type TableOptions } from "./options";
import { sparkCellFormat } from "./sparkValueText";
import { arrowTypeName, isNumericArrowType, isNumericTypeName } from "./typeNames";
import { visibleText } from "./visible";

function columnCells(table: Table, c: number, shown: number, sparkType: string | undefined): (string | null)[] {
  const format = sparkCellFormat(table.schema.fields[c], sparkType);
  const cells = new Array<string | null>(shown);
  let row = 0;
  for (const batch of table.batches) {
    if (row >= shown) break;
    const data: Data = batch.data.children[c];
    const end = Math.min(batch.numRows, shown - row);
    for (let i = 0; i < end; i++) cells[row + i] = format(data, i);
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
    const type = field.type as DataType;
    return {
      name: visibleText(field.name),
      type: visibleText(given ?? arrowTypeName(type, field.metadata)),
      numeric: given !== undefined ? isNumericTypeName(given) : isNumericArrowType(type),
      cells: columnCells(table, c, shown, given),
      cutBefore: cutBefore[c],
    };
  });
  const moreRows = options.moreRows === true || table.numRows > shown;
  const note = cutNote(shown, { moreRows, totalRows: options.totalRows });
  const caption = options.caption === undefined ? undefined : visibleText(options.caption);
  return { columns, rowCount: shown, note, caption, serverCutNote: serverCutNoteOf(cutBefore) };
}
