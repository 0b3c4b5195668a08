// Calendar arithmetic shared by the date and time classes. Spark (since 3.0) computes on the
// proleptic Gregorian calendar through java.time, so these functions do too: no Julian switch in
// 1582, a year 0, negative years.

export const MICROS_PER_SECOND = 1_000_000n;
export const MICROS_PER_DAY = 86_400_000_000n;
export const SECONDS_PER_DAY = 86_400;
export const NANOS_PER_MICRO = 1000n;

/** Integer division rounding towards negative infinity (bigint `/` truncates towards zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** The remainder that goes with {@link floorDiv}: it has the sign of `b`. */
export function floorMod(a: bigint, b: bigint): bigint {
  return a - floorDiv(a, b) * b;
}

interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Days from 0000-03-01 to 1970-01-01: counting from March puts the leap day last in the year.
const MARCH_EPOCH_SHIFT = 719_468;
const DAYS_PER_ERA = 146_097; // 400 Gregorian years

/** The calendar date `epochDay` days after 1970-01-01. */
export function civilFromEpochDay(epochDay: number): CivilDate {
  const shifted = epochDay + MARCH_EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The number of days from 1970-01-01 to the given calendar date (negative before it). */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - MARCH_EPOCH_SHIFT;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** @throws RangeError when the fields do not name a day of the calendar. */
export function checkDate(year: number, month: number, day: number): void {
  if (!Number.isSafeInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid date: year ${year}, month ${month}`);
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid date: ${year}-${month} has no day ${day}`);
  }
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * A year as java.time prints it in Spark: four digits at least, a minus sign before zero-padded
 * negative years ("-0044") and a plus sign once it takes more than four digits ("+10000").
 */
function formatYear(year: number): string {
  if (year < 0) return "-" + pad(-year, 4);
  return year > 9999 ? "+" + String(year) : pad(year, 4);
}

export function formatDate(date: CivilDate): string {
  return `${formatYear(date.year)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * A fraction of a second as Spark prints it: a dot and the digits without trailing zeros, or
 * nothing for a whole second. `digits` is how many digits `fraction` is scaled to (6 for micros).
 */
export function formatFraction(fraction: number, digits: number): string {
  if (fraction === 0) return "";
  return "." + pad(fraction, digits).replace(/0+$/, "");
}

/** "HH:mm:ss[.fraction]" for a time of day given in units of 10^-digits seconds. */
export function formatTimeOfDay(unitsOfDay: number, digits: number): string {
  const unitsPerSecond = 10 ** digits;
  const seconds = Math.floor(unitsOfDay / unitsPerSecond);
  const fraction = unitsOfDay - seconds * unitsPerSecond;
  const hour = Math.floor(seconds / 3600);
  const minute = Math.floor((seconds % 3600) / 60);
  return `${pad(hour, 2)}:${pad(minute, 2)}:${pad(seconds % 60, 2)}${formatFraction(fraction, digits)}`;
}

/** Splits microseconds since the epoch (UTC) into a day and the microseconds into that day. */
export function splitEpochMicros(epochMicros: bigint): { epochDay: number; microOfDay: number } {
  return {
    epochDay: Number(floorDiv(epochMicros, MICROS_PER_DAY)),
    microOfDay: Number(floorMod(epochMicros, MICROS_PER_DAY)),
  };
}

/** "yyyy-MM-dd HH:mm:ss[.fffffffff]" for a wall-clock time given as nanos since 1970-01-01 00:00. */
export function formatLocalNanos(localNanos: bigint): string {
  return formatLocal(localNanos, 9);
}

/**
 * "yyyy-MM-dd HH:mm:ss[.fffffffff]" for a wall-clock time given as micros since 1970-01-01 00:00
 * and nanoseconds within that microsecond: the micros path, without bigint nanos, when there are none.
 */
export function formatLocalParts(localMicros: bigint, nanosWithinMicro: number): string {
  return nanosWithinMicro === 0 ? formatLocal(localMicros, 6) : formatLocal(localMicros * NANOS_PER_MICRO + BigInt(nanosWithinMicro), 9);
}

/**
 * Splits nanoseconds since the epoch into whole microseconds (rounded down, as Spark does) and
 * the nanoseconds within the microsecond, 0 to 999.
 */
export function splitEpochNanos(epochNanos: bigint): { epochMicros: bigint; nanosWithinMicro: number } {
  let epochMicros = epochNanos / NANOS_PER_MICRO;
  let nanos = Number(epochNanos - epochMicros * NANOS_PER_MICRO);
  if (nanos < 0) {
    nanos += 1000;
    epochMicros -= 1n;
  }
  return { epochMicros, nanosWithinMicro: nanos };
}

/** @throws RangeError unless `nanos` is a whole number from 0 to 999. */
export function checkNanosWithinMicro(nanos: number): number {
  if (!Number.isInteger(nanos) || nanos < 0 || nanos > 999) {
    throw new RangeError(`nanosWithinMicro must be a whole number from 0 to 999, got ${String(nanos)}`);
  }
  return nanos;
}

function formatLocal(units: bigint, digits: number): string {
  const unitsPerDay = BigInt(SECONDS_PER_DAY) * 10n ** BigInt(digits);
  const epochDay = Number(floorDiv(units, unitsPerDay));
  const unitsOfDay = Number(floorMod(units, unitsPerDay));
  return `${formatDate(civilFromEpochDay(epochDay))} ${formatTimeOfDay(unitsOfDay, digits)}`;
}
