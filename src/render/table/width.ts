// How many terminal columns text takes, so that the text grid's borders line up: Unicode's East
// Asian Width property (get-east-asian-width, generated from Unicode's own data, rather than a
// table of ranges kept by hand) makes wide and fullwidth characters, emoji among them, two
// columns; marks that combine with the character before them, joiners and variation selectors
// take none, as a terminal draws them.
import { eastAsianWidth } from "get-east-asian-width";

// Nonspacing and enclosing marks (an accent written after its letter, a keycap's frame) and the
// code points Unicode says to draw as nothing when unsupported (joiners, variation selectors,
// direction marks, Hangul fillers, tags). Spacing marks (\p{Mc}) do take their column.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]$/u;
// A character that can be shown as an emoji; VARIATION_SELECTOR_16 after it asks for that.
const EMOJI = /^\p{Emoji}$/u;
const VARIATION_SELECTOR_16 = 0xfe0f;
// Below the first combining mark (U+0300) every character takes one column: ASCII, Latin-1, and
// the controls, which Spark's show() counts as one too.
const FIRST_COMBINING = 0x300;

function columnsOf(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  if (ZERO_WIDTH.test(character)) return 0;
  return eastAsianWidth(codePoint, { ambiguousAsWide: false });
}

/**
 * The number of terminal columns `text` takes: two for a wide or fullwidth character (CJK, most
 * emoji), none for a combining mark, a joiner or a variation selector, one for anything else. A
 * character of one column that can be an emoji (`❤`, `✔`) takes two when a variation selector 16
 * asks for its emoji form (`❤️`), as terminals show it.
 *
 * @example
 * ```ts
 * displayWidth("abc");     // 3
 * displayWidth("日本");    // 4
 * displayWidth("😀");      // 2
 * displayWidth("e\u0301"); // 1: "é" as e and a combining acute accent
 * ```
 */
export function displayWidth(text: string): number {
  let width = 0;
  // The previous character and its columns, for a variation selector that widens it.
  let previous = 0;
  let previousColumns = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < FIRST_COMBINING) {
      width++;
      previous = unit;
      previousColumns = 1;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    if (codePoint === VARIATION_SELECTOR_16 && previousColumns === 1 && EMOJI.test(String.fromCodePoint(previous))) {
      width++;
      previousColumns = 2;
      continue;
    }
    const columns = columnsOf(codePoint);
    width += columns;
    if (columns > 0) {
      previous = codePoint;
      previousColumns = columns;
    }
  }
  return width;
}
