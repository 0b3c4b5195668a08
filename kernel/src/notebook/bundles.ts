// The mime bundle for any value a cell shows: DataFrames as bounded tables, Arrow tables and
// arrays of records as tables, objects that offer their own bundle through Jupyter's display
// symbol (the convention Deno's kernel reads), and everything else as text.
import { inspect } from "node:util";
import { Table } from "apache-arrow";
import { preview, rowsBundle, tableBundle } from "spark-ts";
import type { MimeBundle } from "./cellContext";
import { isDataFrame } from "../dataFrameValue";

/** How tables are shown; the kernel's settings, or one display's options. */
export interface TableSettings {
  /** Rows fetched and shown; a note says when there are more. */
  maxRows: number;
  /** Characters shown of a cell before it is cut (the full value stays in the tooltip). */
  maxCellChars: number;
}

/** The symbol through which an object offers its own mime bundle. */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

interface SelfDisplaying {
  [JUPYTER_DISPLAY](): MimeBundle | Promise<MimeBundle>;
}

function isSelfDisplaying(value: unknown): value is SelfDisplaying {
  return typeof value === "object" && value !== null && typeof (value as Partial<SelfDisplaying>)[JUPYTER_DISPLAY] === "function";
}

function isRecordArray(value: unknown): value is readonly Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === "object" && item !== null && !Array.isArray(item) && !(item instanceof Date))
  );
}

/**
 * The bundle for `value`, or nothing for a DataFrame without columns (the result of DDL).
 *
 * @example
 * ```ts
 * await bundleOf(spark.range(3), { maxRows: 100, maxCellChars: 200 }); // { "text/html": "<table…", "text/plain": "+---+…" }
 * ```
 */
export async function bundleOf(value: unknown, settings: TableSettings): Promise<MimeBundle | undefined> {
  if (isDataFrame(value)) {
    const { table, columnTypes, more, cutCells } = await preview(value, settings.maxRows, settings.maxCellChars);
    // DDL and other commands give a DataFrame of no columns: nothing to show, as in a SQL shell.
    if (table.numCols === 0) return undefined;
    return tableBundle(table, { columnTypes, moreRows: more, maxCellChars: settings.maxCellChars, cutCells });
  }
  if (value instanceof Table) {
    return tableBundle(value, { maxRows: settings.maxRows, totalRows: value.numRows, maxCellChars: settings.maxCellChars });
  }
  if (isSelfDisplaying(value)) return await value[JUPYTER_DISPLAY]();
  if (isRecordArray(value)) {
    return rowsBundle(value, { maxRows: settings.maxRows, totalRows: value.length, maxCellChars: settings.maxCellChars });
  }
  return { "text/plain": inspect(value, { depth: 4, maxArrayLength: 100, breakLength: 100 }) };
}
