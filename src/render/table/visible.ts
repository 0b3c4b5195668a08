// Text as a table cell shows it: characters that a terminal or an HTML parser would swallow,
// reorder or act on are written out, so what is shown is what the data holds.

// C0 controls, DEL, C1 controls and the bidirectional overrides and isolates (which could make
// a cell read backwards, or spill into its neighbours' direction).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const INVISIBLE_ALL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// The escapes Spark's show() writes for the same characters.
const SHORT: Readonly<Record<string, string>> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\f": "\\f",
  "\b": "\\b",
  "\u000b": "\\v",
  "\u0007": "\\a",
};

function spelled(c: string): string {
  return SHORT[c] ?? "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/**
 * `text` with its control and bidirectional-formatting characters written as escapes: a newline
 * as `\n`, a NUL as `\u0000`, U+202E as `\u202E`. Other text, emoji included, is unchanged.
 *
 * @example
 * ```ts
 * visibleText("a\nb\u0000"); // "a\\nb\\u0000"
 * ```
 */
export function visibleText(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, spelled) : text;
}

/**
 * `text` cut to at most `max` UTF-16 units, the last of them `ellipsis`; never in the middle of
 * a surrogate pair. Text that fits is returned as is.
 *
 * @example
 * ```ts
 * cutText("abcdef", 4);        // "abc…"
 * cutText("abcdef", 4, "..."); // "a..."
 * ```
 */
export function cutText(text: string, max: number, ellipsis = "…"): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ellipsis.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ellipsis;
}
