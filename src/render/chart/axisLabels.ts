// The angle of a discrete x axis's labels. Vega-Lite turns them 90 degrees whatever their length
// (so "north", "south" stand on end); here they stay level when each fits its step along the
// axis, and turn only when they would overlap. The chart's width is fixed, so the step is known
// before drawing; a label's width is estimated from its characters (the browser measures only
// when it draws), erring wide, so that level labels do not touch in any usual sans-serif font.

/** Vega's axis label font size, in pixels. */
const FONT_SIZE = 10;
/** The widest label Vega draws, in pixels, before it cuts the label with "…". */
const LABEL_LIMIT = 180;
/** Room kept between two level labels. */
const GAP = 4;

/** An estimate of a label's drawn width in `FONT_SIZE` sans-serif, wider than most fonts draw it. */
export function labelWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // CJK, Hangul and emoji take a full em; capitals and m, w most of one; i, l and punctuation little.
    if (code >= 0x1100) em += 1;
    else if (/[A-Z@%&mw]/.test(ch)) em += 0.85;
    else if (/[\s.,:;'|!il]/.test(ch)) em += 0.35;
    else em += 0.62;
  }
  return Math.min(LABEL_LIMIT, em * FONT_SIZE);
}

/**
 * The label angle of a discrete x axis `width` pixels wide with these labels: 0 when every label
 * fits its step, -45 when turned labels still have a line's height between them, else -90.
 *
 * @example
 * ```ts
 * discreteLabelAngle(["north", "south", "east"], 400); // 0
 * discreteLabelAngle(Array.from({ length: 60 }, (_, i) => `customer ${i}`), 400); // -90
 * ```
 */
export function discreteLabelAngle(labels: readonly string[], width: number): 0 | -45 | -90 {
  if (labels.length === 0) return 0;
  const step = width / labels.length;
  const widest = Math.max(...labels.map(labelWidth));
  if (widest + GAP <= step) return 0;
  // Labels turned by 45 degrees lie step * sin(45°) apart, measured across their lines.
  return step * Math.SQRT1_2 >= FONT_SIZE * 1.2 ? -45 : -90;
}
