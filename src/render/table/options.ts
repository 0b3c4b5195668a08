/**
 * How a table is rendered. Every field is optional; the caller bounds what it fetched, and says
 * what it knows about the rows it did not fetch.
 *
 * @example
 * ```ts
 * const options: TableOptions = { maxRows: 100, moreRows: true, maxCellChars: 200, columnTypes: ["int", "string"] };
 * ```
 */
export interface TableOptions {
  /** Rows shown at most (default: every row given). Rows beyond it count as "more rows exist". */
  readonly maxRows?: number;
  /** Whether the data has rows beyond those given (for instance a preview fetched with a limit). */
  readonly moreRows?: boolean;
  /** The number of rows the whole data has, when known: the note then says "first 100 of 12,345 rows". */
  readonly totalRows?: number | bigint;
  /**
   * Characters of a cell kept before it is cut with an ellipsis (default 200). The HTML keeps more
   * of a cut value in the cell's `title`, shown on hover: up to 1,000 characters, or twice this,
   * if more (never a multi-kilobyte value twice). However many are kept, an HTML cell shows one
   * line at most 40 characters wide, cut there with an ellipsis; hovering it shows the rest.
   */
  readonly maxCellChars?: number;
  /** A caption above the table. */
  readonly caption?: string;
  /**
   * Each column's Spark type as Spark writes it (`"int"`, `"array<string>"`, `"decimal(10,2)"`),
   * shown under the column's name. A missing entry falls back to a name read from the Arrow type.
   * For an Arrow table it also says what Arrow does not about how a value prints: an interval's
   * start and end fields (`"interval day"` shows `INTERVAL '3' DAY`, at any depth).
   */
  readonly columnTypes?: readonly string[];
  /**
   * Cells whose values were cut before they reached this table, as a bounded preview cuts long
   * strings, binaries, arrays and maps on the server: per column, a flag per row (`undefined` for
   * a column with none). Such a cell is marked with {@link SERVER_CUT_MARK} and the note under the
   * table says its full value is not in the notebook; unlike a cell cut for width, its tooltip
   * cannot hold the whole value.
   */
  readonly cutCells?: readonly (readonly boolean[] | undefined)[];
}

/** The mark after a cell whose value was cut before it reached the table (see {@link TableOptions.cutCells}). */
export const SERVER_CUT_MARK = "✂";

/** The default of {@link TableOptions.maxCellChars}. */
export const DEFAULT_MAX_CELL_CHARS = 200;

/**
 * The most characters of a cut cell's text its HTML tooltip keeps, unless twice
 * {@link TableOptions.maxCellChars} is more: bounded, since a table's HTML is saved in the notebook.
 */
export const MAX_TITLE_CHARS = 1_000;

/** {@link TableOptions.maxCellChars}, checked: a whole number of at least 4 (room for text and an ellipsis). */
export function maxCellCharsOf(options: TableOptions): number {
  const max = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  if (!(max >= 4)) throw new RangeError(`maxCellChars must be at least 4, got ${String(options.maxCellChars)}`);
  return Math.floor(max);
}

/** {@link TableOptions.maxRows}, checked: a whole number of at least 0, or Infinity. */
export function maxRowsOf(options: TableOptions): number {
  const max = options.maxRows ?? Infinity;
  if (!(max >= 0)) throw new RangeError(`maxRows must be at least 0, got ${String(options.maxRows)}`);
  return Math.floor(max);
}
