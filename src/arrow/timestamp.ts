import { inspect } from "node:util";
import {
  checkNanosWithinMicro,
  floorDiv,
  floorMod,
  formatLocalParts,
  MICROS_PER_SECOND,
  NANOS_PER_MICRO,
  pad,
  splitEpochNanos,
} from "./civil";
import { formatOffset, zoneOffsetSeconds } from "./timeZone";

/** Options of {@link formatTimestamp}. */
export interface FormatTimestampOptions {
  /** Whether the zone's offset follows the time ("+01:00"), as in Spark's JSON for variants. */
  readonly offset?: boolean;
  /** Nanoseconds within the microsecond, 0 to 999, for the nanosecond types `timestamp_ltz(7..9)`. */
  readonly nanosWithinMicro?: number;
}

/**
 * Formats an instant as Spark's `CAST(ts AS STRING)` does in a session time zone:
 * "yyyy-MM-dd HH:mm:ss[.fffffffff]", the fraction without trailing zeros (so six digits at most for
 * a `timestamp`, nine for a `timestamp_ltz(9)`). With `offset: true` the zone's offset follows
 * ("2024-03-01 12:34:56.5+01:00"), as in Spark's JSON for variants.
 *
 * `timeZone` is anything Spark accepts as `spark.sql.session.timeZone`: a tz database name
 * ("America/New_York"), an offset ("+05:30", "UTC+1", "Z") or a java.time alias ("PST").
 *
 * @example
 * ```ts
 * formatTimestamp(1709296496123400n, "America/New_York"); // "2024-03-01 07:34:56.1234"
 * formatTimestamp(1709296496123456n, "UTC", { nanosWithinMicro: 789 }); // "2024-03-01 12:34:56.123456789"
 * ```
 * @throws RangeError for an unknown time zone, or nanoseconds outside 0 to 999.
 */
export function formatTimestamp(epochMicros: bigint, timeZone = "UTC", options: FormatTimestampOptions = {}): string {
  const nanos = checkNanosWithinMicro(options.nanosWithinMicro ?? 0);
  const offset = zoneOffsetSeconds(Number(floorDiv(epochMicros, MICROS_PER_SECOND)), timeZone);
  const text = formatLocalParts(epochMicros + BigInt(offset) * MICROS_PER_SECOND, nanos);
  return options.offset ? text + formatOffset(offset) : text;
}

/**
 * An instant on the time line: Spark's `timestamp` (with local time zone, microseconds) and its
 * nanosecond kin `timestamp_ltz(7..9)`. It is a real `Date` (to the millisecond) and keeps the
 * exact microseconds besides, and the nanoseconds within the microsecond (`nanosWithinMicro`, 0
 * for a `timestamp`). Immutable: the `Date` setters throw.
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
 *
 * const nanos = Timestamp.fromEpochNanos(1709296496123456789n, "UTC"); // a timestamp_ltz(9)
 * nanos.nanosecond;                // 123456789
 * nanos.toString();                // "2024-03-01 12:34:56.123456789"
 * ```
 */
export class Timestamp extends Date {
  /** Microseconds since 1970-01-01T00:00:00Z, exact (rounded down when there are nanoseconds). */
  readonly epochMicros: bigint;
  /** Nanoseconds within the microsecond, 0 to 999: 0 for a `timestamp`, any for a `timestamp_ltz(7..9)`. */
  readonly nanosWithinMicro: number;
  /** The time zone {@link Timestamp.toString} uses by default; `undefined` means UTC. */
  readonly timeZone: string | undefined;

  /**
   * A `Date` that cannot hold the instant (beyond ±275,760 years) is an invalid `Date`.
   * @throws RangeError when `nanosWithinMicro` is not a whole number from 0 to 999.
   */
  constructor(epochMicros: bigint, timeZone?: string, nanosWithinMicro = 0) {
    super(epochMillis(epochMicros));
    this.epochMicros = epochMicros;
    this.nanosWithinMicro = nanosWithinMicro === 0 ? 0 : checkNanosWithinMicro(nanosWithinMicro);
    this.timeZone = timeZone;
    Object.freeze(this);
  }

  /** The `Date`'s instant; any microseconds beyond its milliseconds are zero. */
  static fromDate(date: Date, timeZone?: string): Timestamp {
    const millis = date.getTime();
    if (Number.isNaN(millis)) throw new RangeError("Invalid Date");
    return new Timestamp(BigInt(millis) * 1000n, timeZone);
  }

  /** The instant `epochNanos` nanoseconds after 1970-01-01T00:00:00Z (what Arrow's timestamp[ns] holds). */
  static fromEpochNanos(epochNanos: bigint, timeZone?: string): Timestamp {
    const { epochMicros, nanosWithinMicro } = splitEpochNanos(epochNanos);
    return new Timestamp(epochMicros, timeZone, nanosWithinMicro);
  }

  /** The fraction of the second in microseconds, 0 to 999,999 (`getMilliseconds()` has its first 3 digits). */
  get microsecond(): number {
    return Number(floorMod(this.epochMicros, MICROS_PER_SECOND));
  }

  /** The fraction of the second in nanoseconds, 0 to 999,999,999: all of a `timestamp_ltz(9)`'s digits. */
  get nanosecond(): number {
    return this.microsecond * 1000 + this.nanosWithinMicro;
  }

  /** Nanoseconds since 1970-01-01T00:00:00Z, exact. */
  get epochNanos(): bigint {
    return this.epochMicros * NANOS_PER_MICRO + BigInt(this.nanosWithinMicro);
  }

  /** Whether `other` is a timestamp of the same instant, to the nanosecond. */
  equals(other: unknown): boolean {
    return other instanceof Timestamp && other.epochMicros === this.epochMicros && other.nanosWithinMicro === this.nanosWithinMicro;
  }

  /**
   * The wall-clock time in `timeZone` (default: the value's own zone, else UTC) as Spark's
   * `CAST(ts AS STRING)` prints it: "2024-03-01 12:34:56.123456", trailing fraction zeros dropped,
   * up to nine digits when the value has nanoseconds.
   * @throws RangeError for an unknown time zone.
   */
  override toString(timeZone: string = this.timeZone ?? "UTC"): string {
    return formatTimestamp(this.epochMicros, timeZone, { nanosWithinMicro: this.nanosWithinMicro });
  }

  /**
   * ISO 8601 in UTC, like `toISOString()` but with all the digits when there are any below the
   * millisecond: "2024-03-01T12:34:56.123456Z", "2024-03-01T12:34:56.123456789Z".
   */
  override toJSON(): string {
    const nanos = this.nanosWithinMicro === 0 ? "" : pad(this.nanosWithinMicro, 3);
    if (Number.isNaN(this.getTime())) return formatLocalParts(this.epochMicros, this.nanosWithinMicro).replace(" ", "T") + "Z";
    const subMillis = Number(floorMod(this.epochMicros, 1000n));
    const iso = this.toISOString();
    return subMillis === 0 && nanos === "" ? iso : `${iso.slice(0, -1)}${pad(subMillis, 3)}${nanos}Z`;
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
