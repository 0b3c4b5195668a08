// Secrets in quoted cell text. A code frame quotes the cell's lines into the error output, which is
// saved with the notebook, and TypeScript quotes string literal types in its messages; a token
// written into a connection string or an options object must not travel along. Values of secret
// names are shown as `<redacted>`, as the client shows them.

const REDACTED = "<redacted>";

/** Names whose values are secrets: the client's connection parameters and header names of that kind. */
const SECRET_NAME = /^(?:token|.*(?:secret|passw|pwd|auth|cookie|credential|api[-_]?key|access[-_]?key|private[-_]?key).*)$/i;

// `token=...` in a connection string, up to the next separator or quote.
const ASSIGNMENT = /([A-Za-z0-9_.-]+)=([^;/?#&'"`\s]+)/g;
// `token: "..."` or `"x-api-key": '...'` in an object literal.
const PROPERTY = /(["']?)([A-Za-z0-9_-]+)\1\s*:\s*(["'`])((?:\\.|(?!\3)[^\\])*)\3/g;

/** A line with secret values replaced, and where a column of the line went. */
export interface RedactedLine {
  readonly text: string;
  /** The 1-based column in {@link text} of column `column` of the original line. */
  column(column: number): number;
}

/**
 * `line` with the values of secret-looking names (`token=`, `authorization: "..."`) replaced by
 * `<redacted>`.
 *
 * @example
 * ```ts
 * redactSecrets('remote("sc://h:15002/;token=abc123")').text; // 'remote("sc://h:15002/;token=<redacted>")'
 * ```
 */
export function redactSecrets(line: string): RedactedLine {
  const spans: { start: number; end: number }[] = [];
  for (const m of line.matchAll(ASSIGNMENT)) {
    if (SECRET_NAME.test(m[1])) spans.push({ start: m.index + m[0].length - m[2].length, end: m.index + m[0].length });
  }
  for (const m of line.matchAll(PROPERTY)) {
    if (SECRET_NAME.test(m[2]) && m[4].length)
      spans.push({ start: m.index + m[0].length - 1 - m[4].length, end: m.index + m[0].length - 1 });
  }
  if (!spans.length) return { text: line, column: (column) => column };
  // Overlapping finds (a connection string inside a `token: "..."`) are one span.
  spans.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  let text = "";
  let from = 0;
  for (const { start, end } of merged) {
    text += line.slice(from, start) + REDACTED;
    from = end;
  }
  text += line.slice(from);
  return {
    text,
    column(column) {
      const offset = column - 1;
      let shift = 0;
      for (const { start, end } of merged) {
        if (offset < start) break;
        if (offset < end) return start + shift + 1;
        shift += REDACTED.length - (end - start);
      }
      return offset + shift + 1;
    },
  };
}
