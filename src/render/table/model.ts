// What both renderings (HTML and text) are made from: the shown cells as text, column by column,
// and what is known of the rows not shown. Built once, rendered twice for a mime bundle.
import { SERVER_CUT_MARK, type TableOptions } from "./options";

/** One column: its header and its shown cells (`null` for a null value). */
export interface ColumnModel {
  /** The name as shown (control characters escaped); repeated names are kept. */
  readonly name: string;
  /** The type shown under the name, if any. */
  readonly type: string | undefined;
  /** Whether the column holds numbers (right-aligned). */
  readonly numeric: boolean;
  /** The text of each shown cell, `null` for null; not yet cut or escaped for HTML. */
  readonly cells: readonly (string | null)[];
  /** Per shown cell, whether its value was cut before it reached the table (absent: none was). */
  readonly cutBefore?: readonly boolean[];
}

/** A table ready to render. */
export interface TableModel {
  readonly columns: readonly ColumnModel[];
  /** How many rows are shown (every column has this many cells). */
  readonly rowCount: number;
  /** What to say under the table (rows cut, or none at all), or `undefined`. */
  readonly note: string | undefined;
  readonly caption: string | undefined;
  /** What to say under the table about cells cut before they reached it, or `undefined`. */
  readonly serverCutNote?: string;
}

/** 12345 as "12,345": fixed, whatever the machine's locale. */
function grouped(count: number | bigint): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function rows(count: number | bigint): string {
  return `${grouped(count)} ${count === 1 || count === 1n ? "row" : "rows"}`;
}

/**
 * The note under a table: "showing first 100 of 12,345 rows" when the total is known,
 * "showing first 100 rows; more exist" when only that there are more, "no rows" for an empty
 * table, else none.
 *
 * @example
 * ```ts
 * cutNote(100, { totalRows: 12345 }); // "showing first 100 of 12,345 rows"
 * cutNote(3, {});                     // undefined
 * ```
 */
export function cutNote(shown: number, known: Pick<TableOptions, "moreRows" | "totalRows">): string | undefined {
  const total = known.totalRows;
  if (total !== undefined && total > shown) return `showing first ${grouped(shown)} of ${rows(total)}`;
  if (known.moreRows) return `showing first ${rows(shown)}; more exist`;
  if (shown === 0) return "no rows";
  return undefined;
}

/**
 * Each column's flags of cells cut before they reached the table, for its first `shown` rows
 * (see {@link TableOptions.cutCells}); `undefined` for a column with none cut.
 */
export function cutBeforeOf(options: Pick<TableOptions, "cutCells">, columns: number, shown: number): (boolean[] | undefined)[] {
  const given = options.cutCells ?? [];
  return Array.from({ length: columns }, (_, c) => {
    const flags = given[c];
    if (flags === undefined) return undefined;
    const kept = Array.from({ length: shown }, (_, r) => flags[r] === true);
    return kept.includes(true) ? kept : undefined;
  });
}

/**
 * The note on cells cut before they reached the table, or `undefined` when none was.
 *
 * @example
 * ```ts
 * serverCutNoteOf([[true, false], undefined]);
 * // "✂ 1 cell cut on the server to keep this preview small; its full value is not in the notebook"
 * ```
 */
export function serverCutNoteOf(flags: readonly (readonly boolean[] | undefined)[]): string | undefined {
  let count = 0;
  for (const column of flags) for (const cut of column ?? []) if (cut) count++;
  if (count === 0) return undefined;
  const cells = count === 1 ? "1 cell" : `${grouped(count)} cells`;
  const their = count === 1 ? "its full value is" : "their full values are";
  return `${SERVER_CUT_MARK} ${cells} cut on the server to keep this preview small; ${their} not in the notebook`;
}
