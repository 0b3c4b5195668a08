// Offsets and line/column positions in a cell's text. Lines and columns count from 1, as editors,
// stack traces and TypeScript's printed diagnostics show them; offsets count UTF-16 units from 0.

/** A place in a text, 1-based. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** A text with its line starts, to go between offsets and line/column positions. */
export class TextLines {
  readonly #starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }

  /** How many lines the text has (an empty text has one). */
  get count(): number {
    return this.#starts.length;
  }

  /** Line `line` (1-based) without its line break, or undefined past the end. */
  line(line: number): string | undefined {
    if (line < 1 || line > this.#starts.length) return undefined;
    const start = this.#starts[line - 1];
    const next = line < this.#starts.length ? this.#starts[line] - 1 : this.text.length;
    const text = this.text.slice(start, next);
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  }

  /**
   * The line and column of `offset` (clamped to the text).
   *
   * @example
   * ```ts
   * new TextLines("a\nbc").position(3); // { line: 2, column: 2 }
   * ```
   */
  position(offset: number): LineColumn {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.#starts[low] + 1 };
  }

  /** The offset of `line`:`column`, or undefined when the line does not exist; columns are clamped to the line. */
  offset(line: number, column: number): number | undefined {
    const text = this.line(line);
    if (text === undefined) return undefined;
    return this.#starts[line - 1] + Math.max(0, Math.min(column - 1, text.length));
  }
}
