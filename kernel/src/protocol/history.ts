// The cells this kernel ran, for `history_request` (what JupyterLab's console and `%history`-like
// tools ask for). Kept in memory: a kernel process is one history session.

/** A `history_request`'s content, as the messaging spec defines it. */
export interface HistoryRequest {
  readonly output?: boolean;
  readonly raw?: boolean;
  readonly hist_access_type?: "range" | "tail" | "search";
  readonly session?: number;
  readonly start?: number;
  readonly stop?: number;
  readonly n?: number;
  readonly pattern?: string;
  readonly unique?: boolean;
}

/** `[session, line, input]`, or `[session, line, [input, output]]` when output was asked for. */
export type HistoryEntry = [number, number, string] | [number, number, [string, string | null]];

/** The session number of this process's history (the spec counts sessions from 1). */
export const CURRENT_SESSION = 1;

interface Cell {
  readonly line: number;
  readonly input: string;
  output: string | null;
}

/** The inputs (and text outputs) of the cells run so far, numbered by execution count. */
export class CellHistory {
  readonly #cells: Cell[] = [];

  /** Records cell `line`'s input. */
  add(line: number, input: string): void {
    this.#cells.push({ line, input, output: null });
  }

  /** Records the text form of cell `line`'s result. */
  setOutput(line: number, output: string): void {
    const cell = this.#cells.find((c) => c.line === line);
    if (cell) cell.output = output;
  }

  /** The entries a `history_request` asks for. */
  query(request: HistoryRequest): HistoryEntry[] {
    const entry = (cell: Cell): HistoryEntry =>
      request.output ? [CURRENT_SESSION, cell.line, [cell.input, cell.output]] : [CURRENT_SESSION, cell.line, cell.input];
    switch (request.hist_access_type) {
      case "tail":
        return this.#cells.slice(-Math.max(0, request.n ?? 10)).map(entry);
      case "range": {
        // Session 0 means the current one; other sessions' histories were not kept.
        if (request.session !== undefined && request.session !== 0 && request.session !== CURRENT_SESSION) return [];
        const start = request.start ?? 0;
        const stop = request.stop ?? Number.POSITIVE_INFINITY;
        return this.#cells.filter((c) => c.line >= start && c.line < stop).map(entry);
      }
      case "search": {
        const matches = globMatcher(request.pattern ?? "*");
        let found = this.#cells.filter((c) => matches(c.input));
        if (request.unique) {
          const seen = new Set<string>();
          found = found
            .reverse()
            .filter((c) => !seen.has(c.input) && seen.add(c.input))
            .reverse();
        }
        if (request.n !== undefined && request.n > 0) found = found.slice(-request.n);
        return found.map(entry);
      }
      default:
        return [];
    }
  }
}

/** A test for the spec's glob patterns: `*` any text, `?` one character, the rest literal. */
function globMatcher(pattern: string): (text: string) => boolean {
  const source = [...pattern]
    .map((ch) => (ch === "*" ? "[\\s\\S]*" : ch === "?" ? "[\\s\\S]" : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const regex = new RegExp(`^${source}$`);
  return (text) => regex.test(text);
}
