import { tableBundle, type TableMimeBundle } from "../../render";
import type { DataFrame } from "../dataframe";
import { preview } from "./preview";

/** How many rows, and how much of each cell, a DataFrame's table shows. */
export interface DataFrameTableOptions {
  readonly maxRows?: number;
  readonly maxCellChars?: number;
}

/** Rows a DataFrame shows by default, fetched as a bounded preview. */
export const DEFAULT_PREVIEW_ROWS = 100;

/**
 * A DataFrame's table as a mime bundle (HTML and text): its first rows, fetched as a bounded
 * preview with their Spark types, and a note when more exist.
 *
 * @example
 * ```ts
 * const bundle = await dataFrameBundle(spark.range(1000), { maxRows: 20 });
 * ```
 */
export async function dataFrameBundle(df: DataFrame, options: DataFrameTableOptions = {}): Promise<TableMimeBundle> {
  const { table, columnTypes, more } = await preview(df, options.maxRows ?? DEFAULT_PREVIEW_ROWS);
  return tableBundle(table, { columnTypes, moreRows: more, maxCellChars: options.maxCellChars });
}
