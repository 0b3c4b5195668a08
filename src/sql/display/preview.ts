import { makeData, RecordBatch, Schema, Struct, Table } from "apache-arrow";
import { DEFAULT_MAX_CELL_CHARS } from "../../render";
import type { DataFrame } from "../dataframe";
import { executeToTable } from "../execution";
import { rootPlan } from "../plan/commands";
import { boundedPreviewPlan } from "./boundedColumns";

/** The first rows of a DataFrame, as much as a table view needs and no more. */
export interface Preview {
  /** At most `maxRows` rows, as the server encoded them, long values cut (see {@link Preview.cutCells}). */
  readonly table: Table;
  /** Each column's Spark type, as Spark writes it (`"int"`, `"array<string>"`, `"decimal(10,2)"`). */
  readonly columnTypes: readonly string[];
  /** Whether the DataFrame has more rows than were fetched. */
  readonly more: boolean;
  /**
   * Per column, whether each fetched row's value was cut on the server (a string, binary, array
   * or map longer than a cell can show, at any depth); `undefined` for a column whose type is
   * never cut. A table shows these cells marked: their full values are not in `table`.
   */
  readonly cutCells: readonly (readonly boolean[] | undefined)[];
}

/**
 * The first `width` columns of `table`. Arrow JS rebuilds a new batch's schema by merging fields by
 * name (its `selectAt` too), which breaks a repeated name; the batches get the sliced schema back,
 * as src/arrow/ipc.ts does for decoded ones.
 */
function firstColumns(table: Table, width: number): Table {
  const schema = new Schema(table.schema.fields.slice(0, width), table.schema.metadata);
  const type = new Struct(schema.fields);
  const batches = table.batches.map((batch) => {
    const data = makeData({ type, length: batch.numRows, nullCount: 0, children: batch.data.children.slice(0, width) });
    return Object.defineProperty(new RecordBatch(schema, data), "schema", { value: schema, enumerable: true });
  });
  return new Table(schema, batches);
}

/**
 * Fetches `maxRows + 1` rows in one call (the extra row only tells whether more exist), each
 * string, binary, array and map cut on the server to what a cell of `maxCellChars` characters can
 * show (so a preview of huge values moves kilobytes), with a flag per cut cell. The query is built
 * from the DataFrame's schema, which costs one AnalyzePlan round trip the first time (the schema
 * is then kept on the DataFrame): two round trips for a first preview, one after.
 *
 * @example
 * ```ts
 * const { table, columnTypes, more, cutCells } = await preview(spark.range(1000), 20);
 * // table.numRows === 20, columnTypes == ["bigint"], more === true, cutCells == [undefined]
 * ```
 */
export async function preview(df: DataFrame, maxRows: number, maxCellChars: number = DEFAULT_MAX_CELL_CHARS): Promise<Preview> {
  if (!(maxRows >= 0)) throw new RangeError(`maxRows must be at least 0, got ${String(maxRows)}`);
  if (!(maxCellChars >= 4)) throw new RangeError(`maxCellChars must be at least 4, got ${String(maxCellChars)}`);
  const rows = Math.floor(maxRows);
  const schema = await df.schema;
  const { df: query, cutFlags } = boundedPreviewPlan(df, schema, rows + 1, Math.floor(maxCellChars));
  const { table: fetched } = await executeToTable(df.sparkSession.client, rootPlan(query.plan));
  const more = fetched.numRows > rows;
  const shown = more ? fetched.slice(0, rows) : fetched;
  const width = schema.fields.length;
  const cutCells = cutFlags.map((position) => {
    if (position === undefined) return undefined;
    const flags = shown.getChildAt(position);
    return Array.from({ length: shown.numRows }, (_, r) => flags?.get(r) === true);
  });
  const table = shown.numCols > width ? firstColumns(shown, width) : shown;
  const columnTypes = schema.fields.map((field) => field.dataType.simpleString());
  return { table, columnTypes, more, cutCells };
}
