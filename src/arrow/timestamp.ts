import { inspect } from "node:util";
import { floorDiv, floorMod, formatLocalMicros, MICROS_PER_SECOND, pad } from "./civil";
import { formatOffset, zoneOffsetSeconds } from "./timeZone";

/**
 * Formats an instant as Spark's `CAST(ts AS STRING)` does in a session time zone:
 * "yyyy-MM-dd HH:mm:ss[.ffffff]", the fraction without trailing zeros. With `offset: true` the
 * zone's offset follows ("2024-03-01 12:34:56.5+01:00"), as in Spark's JSON for variants.
 *
 * `timeZone` is anything Spark accepts as `spark.sql.session.timeZone`: a tz database name
 * ("America/New_York"), an offset ("+05:30", "UTC+1", "Z") or a java.time alias ("PST").
 *
 * @example
 * ```ts
 * formatTimestamp(1709296496123400n, "America/New_York"); // "2024-03-01 07:34:56.1234"
 * ```
 * @throws RangeError for an unknown time zone.
 */
export function formatTimestamp(epochMicros: bigint, timeZone = "UTC", options: { offset?: boolean } = {}): string {
  const offset = zoneOffsetSeconds(Number(floorDiv(epochMicros, MICROS_PER_SECOND)), timeZone);
  const text = formatLocalMicros(epochMicros + BigInt(offset) * MICROS_PER_SECOND);
  return options.offset ? text + formatOffset(offset) : text;
}

/**
 * An instant on the time line with microsecond precision: Spark's `timestamp` (with local time
 * zone). It is a real `Date` (to the millisecond) and keeps the exact microseconds besides.
 * Immutable: the `Date` setters throw.
 *
 * `timeZone` is the zone the value came with (Spark's session time zone, which Arrow carries);
 * it only changes how {@link Timestamp.toString} prints the instant.
 *
 * @example
 * ```ts
 * const ts = new Timestamp(1709296496123456n, "Europe/Paris");
 * ts.getTime();                    // 1709296496123 (a Date, to the millisecond)
 * ts.microsecond;                  // 123456
 * ts.toString();                   // "2024-03-01 13:34:56.123456"
 * ts.toString("UTC");              // "2024-03-01 12:34:56.123456"
 * JSON.stringify(ts);              // "\"2024-03-01T12:34:56.123456Z\""
 * ```
 */
export class Timestamp extends Date {
  /** Microseconds since 1970-01-01T00:00:00Z, exact. */
  readonly epochMicros: bigint;
  /** The time zone {@link Timestamp.toString} uses by default; `undefined` means UTC. */
  readonly timeZone: string | undefined;

  /** A `Date` that cannot hold the instant (beyond ±275,760 years) is an invalid `Date`. */
  constructor(epochMicros: bigint, timeZone?: string) {
    super(epochMillis(epochMicros));
    this.epochMicros = epochMicros;
    this.timeZone = timeZone;
    Object.freeze(this);
  }

  /** The `Date`'s instant; any microseconds beyond its milliseconds are zero. */
  static fromDate(date: Date, timeZone?: string): Timestamp {
    const millis = date.getTime();
    if (Number.isNaN(millis)) throw new RangeError("Invalid Date");
    return new Timestamp(BigInt(millis) * 1000n, timeZone);
  }

  /** The fraction of the second in microseconds, 0 to 999,999 (`getMilliseconds()` has its first 3 digits). */
  get microsecond(): number {
    return Number(floorMod(this.epochMicros, MICROS_PER_SECOND));
  }

  /** Whether `other` is a timestamp of the same instant, to the microsecond. */
  equals(other: unknown): boolean {
    return other instanceof Timestamp && other.epochMicros === this.epochMicros;
  }

  /**
   * The wall-clock time in `timeZone` (default: the value's own zone, else UTC) as Spark's
   * `CAST(ts AS STRING)` prints it: "2024-03-01 12:34:56.123456", trailing fraction zeros dropped.
   * @throws RangeError for an unknown time zone.
   */
  override toString(timeZone: string = this.timeZone ?? "UTC"): string {
    return formatTimestamp(this.epochMicros, timeZone);
  }

  /**
   * ISO 8601 in UTC, like `toISOString()` but with all the microseconds when there are any below
   * the millisecond: "2024-03-01T12:34:56.123456Z".
   */
  override toJSON(): string {
    const subMillis = Number(floorMod(this.epochMicros, 1000n));
    if (Number.isNaN(this.getTime())) return formatLocalMicros(this.epochMicros).replace(" ", "T") + "Z";
    const iso = this.toISOString();
    return subMillis === 0 ? iso : `${iso.slice(0, -1)}${pad(subMillis, 3)}Z`;
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `Timestamp(${this.toJSON()})`;
  }
}

/**
 * The whole milliseconds of `epochMicros`, rounded down. In number arithmetic when that is exact
 * (|micros| < 2^53, all of a Date's range but its far ends): a bigint division per value would
 * allocate, and timestamps are read by the million.
 */
function epochMillis(epochMicros: bigint): number {
  const micros = Number(epochMicros);
  if (Math.abs(micros) > Number.MAX_SAFE_INTEGER) return Number(floorDiv(epochMicros, 1000n));
  const millis = Math.floor(micros / 1000);
  // The quotient is rounded to a double before the floor; one step back fixes a rounding up.
  return millis * 1000 > micros ? millis - 1 : millis;
}

// A Date's time can be changed in place; a Timestamp's must not, or `epochMicros` would lie.
const DATE_SETTERS = [
  "setTime",
  "setMilliseconds",
  "setUTCMilliseconds",
  "setSeconds",
  "setUTCSeconds",
  "setMinutes",
  "setUTCMinutes",
  "setHours",
  "setUTCHours",
  "setDate",
  "setUTCDate",
  "setMonth",
  "setUTCMonth",
  "setFullYear",
  "setUTCFullYear",
  "setYear",
] as const;
for (const name of DATE_SETTERS) {
  Object.defineProperty(Timestamp.prototype, name, {
    configurable: true,
    writable: true,
    value(): never {
      throw new TypeError(`Timestamp is immutable: ${name}() cannot change it`);
    },
  });
}
