import { DEFAULT_MAX_CELL_CHARS, tableBundle, type TableMimeBundle } from "../../render";
import type { DataFrame } from "../dataframe";
import { preview } from "./preview";

/** How many rows, and how much of each cell, a DataFrame's table shows. */
export interface DataFrameTableOptions {
  /** Rows fetched and shown (default {@link DEFAULT_PREVIEW_ROWS}); a note says when more exist. */
  readonly maxRows?: number;
  /**
   * Characters of a cell shown (default 200). Longer strings, binaries, arrays and maps are cut
   * on the server to about this much, so the full values of those cells are not fetched: the
   * table marks them with ✂.
   */
  readonly maxCellChars?: number;
}

/** Rows a DataFrame shows by default, fetched as a bounded preview. */
export const DEFAULT_PREVIEW_ROWS = 100;

/**
 * A DataFrame's table as a mime bundle (HTML and text): its first rows, fetched as a bounded
 * preview (long values cut on the server, see {@link preview}) with their Spark types, a note
 * when more rows exist and one when cells were cut on the server.
 *
 * @example
 * ```ts
 * const bundle = await dataFrameBundle(spark.range(1000), { maxRows: 20 });
 * ```
 */
export async function dataFrameBundle(df: DataFrame, options: DataFrameTableOptions = {}): Promise<TableMimeBundle> {
  const maxCellChars = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  const { table, columnTypes, more, cutCells } = await preview(df, options.maxRows ?? DEFAULT_PREVIEW_ROWS, maxCellChars);
  return tableBundle(table, { columnTypes, moreRows: more, maxCellChars, cutCells });
}
