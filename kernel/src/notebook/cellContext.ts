// What code running in a cell can reach of the cell: where its displays go and what the cell must
// wait for before it reports itself done (output sent after the reply is lost by nbclient).

/** A Jupyter mime bundle: mime type → data (text, or JSON for `+json` types such as Vega-Lite). */
export type MimeBundle = Readonly<Record<string, unknown>>;

/** The running cell's output channel and its unfinished work. */
export interface CellContext {
  /** Sends `display_data`, or `update_display_data` when `update` is set. */
  display(bundle: MimeBundle, options?: { displayId?: string; update?: boolean }): void;
  /** Clears the cell's output (`wait`: when the next output arrives, avoiding flicker). */
  clear(wait: boolean): void;
  /** Work the cell must finish before it ends (displays started without `await`). */
  track(work: Promise<unknown>): void;
}

let current: CellContext | undefined;

/** The cell that is running, if any. */
export function currentCell(): CellContext | undefined {
  return current;
}

/** Makes `cell` the running cell until the returned function is called. */
export function enterCell(cell: CellContext): () => void {
  current = cell;
  return () => {
    if (current === cell) current = undefined;
  };
}
