// The frames of a V8 stack trace (`err.stack`), read back into parts. Cells run under a script
// name of their own (compiledCells.ts), so a frame says which cell's code it is in.

/** One `at ...` line of a stack. */
export interface StackFrame {
  /** The function's name as V8 prints it (`total`, `Object.total`, `async run`), if it has one. */
  readonly name?: string;
  /** `async` frames are the awaiting callers V8 adds after an await. */
  readonly async: boolean;
  /** The script name (a file, a URL, a cell's name, `<anonymous>`, `node:internal/...`). */
  readonly script: string;
  readonly line?: number;
  readonly column?: number;
}

const FRAME = /^\s*at (?:(async) )?(?:(.*?) \((.*)\)|(.*))$/;
const LOCATION = /^(.*?):(\d+):(\d+)$/;

/**
 * The frames of `stack`, innermost first; lines that are not frames (the message) are skipped.
 *
 * @example
 * ```ts
 * stackFrames("TypeError: x\n    at total (In[4]:2:13)\n    at async In[5]:1:7");
 * // [{ name: "total", async: false, script: "In[4]", line: 2, column: 13 },
 * //  { name: undefined, async: true, script: "In[5]", line: 1, column: 7 }]
 * ```
 */
export function stackFrames(stack: string | undefined): StackFrame[] {
  if (!stack) return [];
  const frames: StackFrame[] = [];
  for (const line of stack.split("\n")) {
    const frame = FRAME.exec(line);
    if (!frame) continue;
    const where = frame[3] ?? frame[4] ?? "";
    const name = frame[2];
    const location = LOCATION.exec(where);
    frames.push(
      location
        ? { name, async: frame[1] !== undefined, script: location[1], line: Number(location[2]), column: Number(location[3]) }
        : { name, async: frame[1] !== undefined, script: where },
    );
  }
  return frames;
}

/**
 * The function name of a frame as a notebook user wrote it: a call of a function of an earlier
 * cell goes through tslab's `exports` (a Proxy), which V8 names `Proxy.total` or `Object.total`.
 */
export function frameName(frame: StackFrame): string | undefined {
  const name = frame.name?.replace(/^(?:Object|Proxy)\./, "");
  return name === "<anonymous>" ? undefined : name;
}

/**
 * Makes V8 keep at least `frames` frames in a stack. The default of 10 is used up by the client's
 * own frames when an error comes back from the server, before the cell line that awaited it; and a
 * process started from a startup snapshot has no limit at all (`undefined`), with which V8 records
 * no stack whatsoever.
 */
export function keepStackFrames(frames: number): void {
  if (!(Error.stackTraceLimit >= frames)) Error.stackTraceLimit = frames;
}
