/**
 * Formats a decimal given as its unscaled integer and scale, exactly, the way Spark's
 * `CAST(d AS STRING)` does: every digit of the scale is kept ("1.50" for 1.5 in `decimal(5,2)`),
 * never in exponent notation. A negative scale (which Spark refuses by default) appends zeros.
 *
 * @example
 * ```ts
 * formatDecimal(150n, 2);  // "1.50"
 * formatDecimal(-5n, 3);   // "-0.005"
 * ```
 */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  return placePoint(negative, (negative ? -unscaled : unscaled).toString(), scale);
}

/** {@link formatDecimal} for an unscaled value that is a safe integer: no bigint is made. */
export function formatDecimalSafe(unscaled: number, scale: number): string {
  // Below 2^53 a number's decimal text has no exponent.
  return placePoint(unscaled < 0, String(unscaled < 0 ? -unscaled : unscaled), scale);
}

function placePoint(negative: boolean, digits: string, scale: number): string {
  const sign = negative ? "-" : "";
  if (scale <= 0) return sign + digits + (digits === "0" ? "" : "0".repeat(-scale));
  const padded = digits.length > scale ? digits : digits.padStart(scale + 1, "0");
  const point = padded.length - scale;
  return `${sign}${padded.slice(0, point)}.${padded.slice(point)}`;
}

/**
 * Like {@link formatDecimal} without the trailing zeros of the fraction (and without the dot when
 * nothing is left after it): Java's `stripTrailingZeros().toPlainString()`, which Spark uses for
 * decimals inside variants and for the seconds of intervals.
 */
export function formatDecimalStripped(unscaled: bigint, scale: number): string {
  const text = formatDecimal(unscaled, scale);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * The signed integer held in `count` little-endian 32-bit words of two's complement, starting at
 * word `offset`: how Arrow stores the unscaled value of a decimal (4 words for `decimal128`).
 */
export function wordsToBigInt(words: Uint32Array, offset: number, count: number): bigint {
  let value = 0n;
  for (let i = count - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[offset + i]);
  return words[offset + count - 1] & 0x8000_0000 ? value - (1n << BigInt(32 * count)) : value;
}

/**
 * The same integer as {@link wordsToBigInt} as a number, or `undefined` when it is not a safe
 * integer: most decimals are, and reading them this way allocates nothing.
 */
export function wordsToSafeInteger(words: Uint32Array, offset: number, count: number): number | undefined {
  const high = count > 1 ? words[offset + 1] : words[offset] & 0x8000_0000 ? 0xffff_ffff : 0;
  const fill = high & 0x8000_0000 ? 0xffff_ffff : 0;
  for (let i = offset + 2; i < offset + count; i++) if (words[i] !== fill) return undefined;
  const low = words[offset];
  if (count === 1) return fill ? low - 0x1_0000_0000 : low;
  // 2^53 bounds a safe integer: the high word may hold 21 bits (and the sign) above the low 32.
  if (fill === 0 ? high > 0x1f_ffff : high < 0xffe0_0000) return undefined;
  return (fill === 0 ? high : high - 0x1_0000_0000) * 0x1_0000_0000 + low;
}
