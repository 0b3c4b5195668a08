// Mime bundles for Jupyter's display_data: one model, rendered as HTML and as text.
import type { Table } from "apache-arrow";
import { modelFromArrow } from "./table/fromArrow";
import { modelFromRows } from "./table/fromRows";
import { htmlOfModel } from "./table/html";
import type { TableModel } from "./table/model";
import type { TableOptions } from "./table/options";
import { textOfModel } from "./table/text";

/** A table's mime bundle: HTML for notebooks, a text grid for terminals and text-only front ends. */
export type TableMimeBundle = { readonly "text/html": string; readonly "text/plain": string };

function bundleOf(model: TableModel, options: TableOptions): TableMimeBundle {
  return { "text/html": htmlOfModel(model, options), "text/plain": textOfModel(model, options) };
}

/**
 * The mime bundle of an Arrow table (see {@link TableOptions}); its cells are read once for both
 * renderings.
 *
 * @example
 * ```ts
 * const bundle = tableBundle(table, { columnTypes: ["int"], moreRows: true });
 * bundle["text/html"];  // "<div class=\"spark-ts-table\" …"
 * bundle["text/plain"]; // "+---+\n|  i|\n…"
 * ```
 */
export function tableBundle(table: Table, options: TableOptions = {}): TableMimeBundle {
  return bundleOf(modelFromArrow(table, options), options);
}

/**
 * The mime bundle of JS rows (see {@link rowsToHtml}).
 *
 * @example
 * ```ts
 * const bundle = rowsBundle([{ a: 1 }, { a: 2 }], { maxRows: 1 });
 * ```
 */
export function rowsBundle(rows: readonly unknown[], options: TableOptions = {}): TableMimeBundle {
  return bundleOf(modelFromRows(rows, options), options);
}
