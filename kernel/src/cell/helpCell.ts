// `name?` cells: what Shift+Tab shows, as the cell's output, as IPython's `obj?` does. The text
// then stays in the notebook (and in the gallery, whose outputs are checked run after run). A
// trailing `?` after a name is no TypeScript, so no cell that compiles is read as one.

/** The inspection a help cell asks for: the name's text and the cursor at its end. */
export interface HelpRequest {
  readonly name: string;
  readonly code: string;
  readonly cursor_pos: number;
}

const HELP = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\?\s*$/;

/**
 * The inspection a cell asks for when it is a name and a question mark (`people?`, `F.sum?`), else
 * undefined.
 *
 * @example
 * ```ts
 * helpRequest("F.sum?"); // { name: "F.sum", code: "F.sum", cursor_pos: 5 }
 * helpRequest("a ? b : c"); // undefined
 * ```
 */
export function helpRequest(code: string): HelpRequest | undefined {
  const name = HELP.exec(code)?.[1];
  return name === undefined ? undefined : { name, code: name, cursor_pos: name.length };
}
