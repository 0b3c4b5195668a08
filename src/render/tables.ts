// The table renderings by source: Arrow tables (results) and arrays of JS rows.
import type { Table } from "apache-arrow";
import { modelFromArrow } from "./table/fromArrow";
import { modelFromRows } from "./table/fromRows";
import { htmlOfModel } from "./table/html";
import type { TableOptions } from "./table/options";
import { textOfModel } from "./table/text";

/**
 * An Arrow table as an HTML table for notebooks (see {@link TableOptions}): names and Spark
 * types in the header, each value as Spark's `show()` prints it (`80.0`, `[1, NULL]`,
 * `INTERVAL '3' DAY`), every text escaped, long cells cut with the full text on hover, a note
 * when rows were cut.
 *
 * @example
 * ```ts
 * const html = tableToHtml(table, { columnTypes: ["bigint", "string"], maxRows: 100, moreRows: true });
 * ```
 */
export function tableToHtml(table: Table, options: TableOptions = {}): string {
  return htmlOfModel(modelFromArrow(table, options), options);
}

/**
 * An Arrow table as a text grid like Spark's `show()`, each value as `show()` prints it (see
 * {@link TableOptions}).
 *
 * @example
 * ```ts
 * console.log(tableToText(tableFromArrays({ id: Int32Array.of(1, 2) })));
 * // +---+
 * // | id|
 * // +---+
 * // |  1|
 * // |  2|
 * // +---+
 * ```
 */
export function tableToText(table: Table, options: TableOptions = {}): string {
  return textOfModel(modelFromArrow(table, options), options);
}

/**
 * JS rows (plain objects, or the client's Rows) as an HTML table: the columns are the union of
 * the rows' keys in first-seen order. Without a schema, values print as JS values do (see
 * `cellText`).
 *
 * @example
 * ```ts
 * const html = rowsToHtml([{ name: "a", n: 1 }, { name: "b", extra: true }]);
 * ```
 */
export function rowsToHtml(rows: readonly unknown[], options: TableOptions = {}): string {
  return htmlOfModel(modelFromRows(rows, options), options);
}

/**
 * JS rows as a text grid like Spark's `show()`.
 *
 * @example
 * ```ts
 * console.log(rowsToText([{ id: 1 }, { id: 2 }]));
 * ```
 */
export function rowsToText(rows: readonly unknown[], options: TableOptions = {}): string {
  return textOfModel(modelFromRows(rows, options), options);
}
