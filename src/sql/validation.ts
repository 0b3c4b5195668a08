// The checks of the user API's numeric arguments, in one place so that every method says the
// same thing the same way: a JS number has to be what the protocol field it goes into can hold (a
// 32-bit count, a 64-bit seed) before it is sent, and the error names the argument and its range.

/** The largest 32-bit signed integer: the ceiling of Spark's int fields (counts, partitions, lengths). */
export const INT32_MAX = 2 ** 31 - 1;

/** The smallest 32-bit signed integer. */
export const INT32_MIN = -(2 ** 31);

/** Inclusive bounds; a bound left out is open. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

function rangeText(what: string, { min, max }: Bounds): string {
  if (min !== undefined && max !== undefined) return `${what} from ${min} to ${max}`;
  if (min !== undefined) return `${what} >= ${min}`;
  if (max !== undefined) return `${what} <= ${max}`;
  return what;
}

/** Whether `value` is a whole number within `bounds`. */
export function isWholeNumber(value: unknown, bounds: Bounds = {}): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    (bounds.min === undefined || value >= bounds.min) &&
    (bounds.max === undefined || value <= bounds.max)
  );
}

/**
 * `value` if it is a whole number within `bounds`; else a RangeError naming `what`, e.g.
 * "numPartitions must be a whole number from 1 to 2147483647, got 0".
 */
export function checkedWholeNumber(value: number, what: string, bounds: Bounds = {}): number {
  if (!isWholeNumber(value, bounds)) throw new RangeError(`${what} must be ${rangeText("a whole number", bounds)}, got ${String(value)}`);
  return value;
}

/** A count of rows or characters (`limit`, `offset`, `show`'s `n`): a whole number from 0 to {@link INT32_MAX}. */
export function checkedCount(value: number, what: string): number {
  return checkedWholeNumber(value, what, { min: 0, max: INT32_MAX });
}

/** A number of partitions, buckets or results: a whole number from 1 to {@link INT32_MAX}. */
export function checkedPositiveCount(value: number, what: string): number {
  return checkedWholeNumber(value, what, { min: 1, max: INT32_MAX });
}

/**
 * `value` if it is a finite number within `bounds` (and above `above`, when given); else a
 * RangeError naming `what`, e.g. "fraction must be a number >= 0, got -1".
 */
export function checkedNumber(value: number, what: string, bounds: Bounds & { readonly above?: number } = {}): number {
  const { above } = bounds;
  const fits =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (bounds.min === undefined || value >= bounds.min) &&
    (bounds.max === undefined || value <= bounds.max) &&
    (above === undefined || value > above);
  if (!fits) {
    const range =
      above === undefined
        ? rangeText(bounds.min === undefined && bounds.max === undefined ? "a finite number" : "a number", bounds)
        : `a number above ${above}${bounds.max === undefined ? "" : ` and at most ${bounds.max}`}`;
    throw new RangeError(`${what} must be ${range}, got ${String(value)}`);
  }
  return value;
}

/** A random seed for a plan that needs one, as PySpark picks it: a non-negative 63-bit integer. */
export function randomSeed(): bigint {
  return BigInt(Math.floor(Math.random() * 2 ** 53)) * 1024n + BigInt(Math.floor(Math.random() * 1024));
}

/**
 * A sampling seed as the plan holds it (64 bits): the given whole number (a bigint wraps as Java's
 * long does), or a random one fixed in the plan when none is given, so that each run of the plan
 * samples the same rows.
 */
export function seedOf(seed: number | bigint | undefined): bigint {
  if (seed === undefined) return randomSeed();
  if (typeof seed === "number") checkedWholeNumber(seed, "seed");
  else if (typeof seed !== "bigint") throw new TypeError(`seed must be a number or a bigint, got ${typeof seed}`);
  return BigInt.asIntN(64, BigInt(seed));
}
