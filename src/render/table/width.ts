// How many terminal columns text takes: wide (East Asian, emoji) characters take two, joiners and
// variation selectors none, so the text grid's borders line up as Spark's do.

// [first, last] code points of the wide ranges: East Asian Wide and Fullwidth, and emoji.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  for (const [first, last] of WIDE) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}

function isZeroWidth(codePoint: number): boolean {
  return codePoint === 0x200b || codePoint === 0x200c || codePoint === 0x200d || (codePoint >= 0xfe00 && codePoint <= 0xfe0f);
}

/**
 * The number of terminal columns `text` takes.
 *
 * @example
 * ```ts
 * displayWidth("abc");  // 3
 * displayWidth("日本"); // 4
 * ```
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Latin, Greek, Cyrillic...: one column, without a look-up.
    if (unit < 0x1100) {
      width++;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    width += isWide(codePoint) ? 2 : isZeroWidth(codePoint) ? 0 : 1;
  }
  return width;
}
