import { epochDayFromCivil, SECONDS_PER_DAY } from "./civil";

// Time zone names reach us as Spark's session time zone, verbatim (the Arrow timestamp type carries
// it). Spark reads them with java.time's ZoneId.of(id, SHORT_IDS), which accepts more than
// Intl.DateTimeFormat does: offsets ("+05:30", "+5:30", "UTC+1", "GMT-08:00", "Z") and three-letter
// aliases ("PST"). Those are resolved here; region names ("Europe/Paris") go to Intl, which carries
// the same tz database as the JVM, local mean time of old dates included.

/** java.time's ZoneId.SHORT_IDS, the aliases Spark accepts besides tz database names. */
const SHORT_IDS: Readonly<Record<string, string>> = {
  ACT: "Australia/Darwin",
  AET: "Australia/Sydney",
  AGT: "America/Argentina/Buenos_Aires",
  ART: "Africa/Cairo",
  AST: "America/Anchorage",
  BET: "America/Sao_Paulo",
  BST: "Asia/Dhaka",
  CAT: "Africa/Harare",
  CNT: "America/St_Johns",
  CST: "America/Chicago",
  CTT: "Asia/Shanghai",
  EAT: "Africa/Addis_Ababa",
  ECT: "Europe/Paris",
  EST: "-05:00",
  HST: "-10:00",
  IET: "America/Indiana/Indianapolis",
  IST: "Asia/Kolkata",
  JST: "Asia/Tokyo",
  MIT: "Pacific/Apia",
  MST: "-07:00",
  NET: "Asia/Yerevan",
  NST: "Pacific/Auckland",
  PLT: "Asia/Karachi",
  PNT: "America/Phoenix",
  PRT: "America/Puerto_Rico",
  PST: "America/Los_Angeles",
  SST: "Pacific/Guadalcanal",
  VST: "Asia/Ho_Chi_Minh",
};

// "Z", or an optional UTC/GMT/UT prefix and a signed offset: +h, +hh, +h:mm, +hh:mm, +hhmm,
// +hh:mm:ss, +hhmmss. A bare prefix ("UTC", "GMT", "UT") is UTC too.
const FIXED_OFFSET = /^(?:Z|(?:UTC|GMT|UT)?(?:([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?)?)$/i;

/**
 * A resolved zone: a fixed offset, or a formatter that tells the wall-clock time in a region, with
 * the offsets of the UTC hours it has been asked about that hold no transition.
 */
type Zone = { readonly fixedOffset: number } | { readonly format: Intl.DateTimeFormat; readonly hours: Map<number, number> };

const zones = new Map<string, Zone>();

function resolve(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (zone) return zone;
  const id = SHORT_IDS[timeZone] ?? timeZone;
  const fixed = FIXED_OFFSET.exec(id);
  if (fixed && id !== "") {
    const [, sign, hours = "0", minutes = "0", seconds = "0"] = fixed;
    const offset = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
    if (Number(hours) > 18 || Number(minutes) > 59 || Number(seconds) > 59 || offset > 18 * 3600) {
      throw new RangeError(`Invalid time zone offset: "${timeZone}"`);
    }
    zone = { fixedOffset: sign === "-" ? -offset : offset };
  } else {
    // Throws a RangeError for a name the tz database does not know.
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: id,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    zone = { format, hours: new Map() };
  }
  zones.set(timeZone, zone);
  return zone;
}

// The instants a JS Date can hold, in seconds; the offset of an instant beyond them is taken at the
// nearest one (the tz database has no rules that far out anyway).
const MAX_DATE_SECONDS = 8_640_000_000_000;

// Asking Intl for an offset takes microseconds; a table of timestamps asks once per cell. Offsets
// change only at a zone's transitions, and the tz database has no two transitions within an hour,
// so an hour whose first and last seconds share an offset has that offset throughout and is kept.
// The table is bounded: a long-running service may format instants from any era.
const SECONDS_PER_HOUR = 3600;
const KEPT_HOURS = 8192;

/**
 * The offset from UTC, in seconds, of the wall clock in `timeZone` at the given instant.
 * @throws RangeError for a time zone neither java.time nor the tz database knows.
 */
export function zoneOffsetSeconds(epochSecond: number, timeZone: string): number {
  const zone = resolve(timeZone);
  if ("fixedOffset" in zone) return zone.fixedOffset;
  const clamped = Math.min(Math.max(epochSecond, -MAX_DATE_SECONDS), MAX_DATE_SECONDS);
  const hour = Math.floor(clamped / SECONDS_PER_HOUR);
  const kept = zone.hours.get(hour);
  if (kept !== undefined) return kept;
  const offset = offsetAt(zone.format, clamped);
  const first = hour * SECONDS_PER_HOUR;
  const last = first + SECONDS_PER_HOUR - 1;
  if (
    first >= -MAX_DATE_SECONDS &&
    last <= MAX_DATE_SECONDS &&
    offsetAt(zone.format, first) === offset &&
    offsetAt(zone.format, last) === offset
  ) {
    if (zone.hours.size >= KEPT_HOURS) zone.hours.clear();
    zone.hours.set(hour, offset);
  }
  return offset;
}

/** The offset Intl tells for an instant within a Date's range. */
function offsetAt(format: Intl.DateTimeFormat, epochSecond: number): number {
  const fields: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(epochSecond * 1000))) fields[part.type] = part.value;
  // Intl counts years by era (1 BC, 2 BC, ...); the proleptic year of 1 BC is 0.
  const eraYear = Number(fields.year);
  const year = fields.era === "BC" || fields.era === "B" ? 1 - eraYear : eraYear;
  const localDay = epochDayFromCivil(year, Number(fields.month), Number(fields.day));
  const localSecond = localDay * SECONDS_PER_DAY + Number(fields.hour) * 3600 + Number(fields.minute) * 60 + Number(fields.second);
  return localSecond - epochSecond;
}

/** An offset as java.time's "xxx" pattern prints it: "+05:30", "-08:00", "+00:00" (seconds dropped). */
export function formatOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? "-" : "+";
  const minutes = Math.floor(Math.abs(offsetSeconds) / 60);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
