/// <reference types="node" preserve="true" />
// Every notebook's program includes this module's declarations; the reference makes Node's types
// (console, Buffer, ...) part of it, wherever the notebook lives.
import { bundleOf, type TableSettings } from "./bundles";
import { currentCell } from "./cellContext";

/** Options of one {@link display} call; they override the kernel's {@link display.settings}. */
export type DisplayOptions = Partial<TableSettings>;

/** The notebook's `display`: shows a value as rich output, with settings users can change. */
export interface Display {
  (value: unknown, options?: DisplayOptions): Promise<void>;
  /** The kernel's table settings for every display and every cell's last value. */
  readonly settings: TableSettings;
  /** Clears the running cell's output; with `wait`, only when new output arrives (for animations). */
  clear(wait?: boolean): void;
}

/** What tables show unless told otherwise: 100 rows, as a bounded preview of a large result. */
export const DEFAULT_TABLE_SETTINGS: Readonly<TableSettings> = Object.freeze({ maxRows: 100, maxCellChars: 200 });

/**
 * Creates the notebook's `display`. It renders in the cell that called it; a cell waits for its
 * displays even when they were not awaited.
 *
 * @example
 * ```ts
 * await display(spark.table("sales"), { maxRows: 20 });
 * display.settings.maxRows = 50; // every later table shows 50 rows
 * ```
 */
export function createDisplay(settings: TableSettings = { ...DEFAULT_TABLE_SETTINGS }): Display {
  const show = (value: unknown, options: DisplayOptions = {}): Promise<void> => {
    const cell = currentCell();
    if (!cell) return Promise.reject(new Error("display() works only while a notebook cell runs"));
    const work = bundleOf(value, { ...settings, ...options }).then((bundle) => {
      if (bundle) cell.display(bundle);
    });
    cell.track(work);
    return work;
  };
  const clear = (wait = false): void => {
    const cell = currentCell();
    if (!cell) throw new Error("display.clear() works only while a notebook cell runs");
    cell.clear(wait);
  };
  return Object.assign(show, { settings, clear });
}
