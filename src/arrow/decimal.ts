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
  const sign = unscaled < 0n ? "-" : "";
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString();
  if (scale <= 0) return sign + digits + (unscaled === 0n ? "" : "0".repeat(-scale));
  const padded = digits.padStart(scale + 1, "0");
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
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
  for (let i = count - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[offset + i]!);
  return words[offset + count - 1]! & 0x8000_0000 ? value - (1n << BigInt(32 * count)) : value;
}
