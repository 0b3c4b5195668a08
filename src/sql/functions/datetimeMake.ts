import { lit, type Column, type ColumnOrName } from "../column";
import { DecimalType } from "../types";
import { invoke, opt } from "./invoke";

/** The date and time parts a timestamp is made of, as PySpark's keyword form `make_timestamp(date=..., time=...)`. */
export interface DateAndTime {
  /** A date column. */
  readonly date: ColumnOrName;
  /** A time column. */
  readonly time: ColumnOrName;
  /** A time zone column (only for the functions that take one). */
  readonly timezone?: ColumnOrName;
}

// PySpark's zero seconds: a decimal, as the seconds parameter is decimal(18,6).
const zeroSeconds = (): Column => lit("0", new DecimalType());

/** A date from year, month and day. @example F.make_date("y", "m", "d") */
export function make_date(year: ColumnOrName, month: ColumnOrName, day: ColumnOrName): Column {
  return invoke("make_date", year, month, day);
}
/** A day-time interval; absent parts are 0. @example F.make_dt_interval("d", "h") */
export function make_dt_interval(days?: ColumnOrName, hours?: ColumnOrName, mins?: ColumnOrName, secs?: ColumnOrName): Column {
  return invoke("make_dt_interval", days ?? lit(0), hours ?? lit(0), mins ?? lit(0), secs ?? zeroSeconds());
}
/** A calendar interval; absent parts are 0. @example F.make_interval("y", "m") */
export function make_interval(
  years?: ColumnOrName,
  months?: ColumnOrName,
  weeks?: ColumnOrName,
  days?: ColumnOrName,
  hours?: ColumnOrName,
  mins?: ColumnOrName,
  secs?: ColumnOrName,
): Column {
  return intervalOf("make_interval", years, months, weeks, days, hours, mins, secs);
}
/** Like {@link make_interval}, null on overflow. @example F.try_make_interval("y") */
export function try_make_interval(
  years?: ColumnOrName,
  months?: ColumnOrName,
  weeks?: ColumnOrName,
  days?: ColumnOrName,
  hours?: ColumnOrName,
  mins?: ColumnOrName,
  secs?: ColumnOrName,
): Column {
  return intervalOf("try_make_interval", years, months, weeks, days, hours, mins, secs);
}
/** A time of day from hour, minute and (fractional) second. @example F.make_time("h", "m", "s") */
export function make_time(hour: ColumnOrName, minute: ColumnOrName, second: ColumnOrName): Column {
  return invoke("make_time", hour, minute, second);
}
/** A year-month interval; absent parts are 0. @example F.make_ym_interval("y", "m") */
export function make_ym_interval(years?: ColumnOrName, months?: ColumnOrName): Column {
  return invoke("make_ym_interval", years ?? lit(0), months ?? lit(0));
}

/** A timestamp from its parts (in `timezone`, else the session's), or from a date and a time. @example F.make_timestamp("y", "mo", "d", "h", "mi", "s") */
export function make_timestamp(dateAndTime: DateAndTime): Column;
export function make_timestamp(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
  timezone?: ColumnOrName,
): Column;
export function make_timestamp(...args: [DateAndTime] | (ColumnOrName | undefined)[]): Column {
  return timestampOf("make_timestamp", args, true);
}
/** Like {@link make_timestamp}, null where the parts are invalid. @example F.try_make_timestamp("y", "mo", "d", "h", "mi", "s") */
export function try_make_timestamp(dateAndTime: DateAndTime): Column;
export function try_make_timestamp(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
  timezone?: ColumnOrName,
): Column;
export function try_make_timestamp(...args: [DateAndTime] | (ColumnOrName | undefined)[]): Column {
  return timestampOf("try_make_timestamp", args, true);
}
/** A timestamp without time zone from its parts, or from a date and a time. @example F.make_timestamp_ntz("y", "mo", "d", "h", "mi", "s") */
export function make_timestamp_ntz(dateAndTime: Omit<DateAndTime, "timezone">): Column;
export function make_timestamp_ntz(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
): Column;
export function make_timestamp_ntz(...args: [Omit<DateAndTime, "timezone">] | (ColumnOrName | undefined)[]): Column {
  return timestampOf("make_timestamp_ntz", args, false);
}
/** Like {@link make_timestamp_ntz}, null where the parts are invalid. @example F.try_make_timestamp_ntz("y", "mo", "d", "h", "mi", "s") */
export function try_make_timestamp_ntz(dateAndTime: Omit<DateAndTime, "timezone">): Column;
export function try_make_timestamp_ntz(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
): Column;
export function try_make_timestamp_ntz(...args: [Omit<DateAndTime, "timezone">] | (ColumnOrName | undefined)[]): Column {
  return timestampOf("try_make_timestamp_ntz", args, false);
}
/** A timestamp (with local time zone) from its parts. @example F.make_timestamp_ltz("y", "mo", "d", "h", "mi", "s") */
export function make_timestamp_ltz(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
  timezone?: ColumnOrName,
): Column {
  return invoke("make_timestamp_ltz", years, months, days, hours, mins, secs, ...opt(timezone));
}
/** Like {@link make_timestamp_ltz}, null where the parts are invalid. @example F.try_make_timestamp_ltz("y", "mo", "d", "h", "mi", "s") */
export function try_make_timestamp_ltz(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
  timezone?: ColumnOrName,
): Column {
  return invoke("try_make_timestamp_ltz", years, months, days, hours, mins, secs, ...opt(timezone));
}

function intervalOf(name: string, ...parts: (ColumnOrName | undefined)[]): Column {
  const last = parts.length - 1;
  return invoke(name, ...parts.map((part, i) => part ?? (i === last ? zeroSeconds() : lit(0))));
}

function timestampOf(name: string, args: [DateAndTime] | (ColumnOrName | undefined)[], withZone: boolean): Column {
  const [first] = args;
  if (args.length === 1 && typeof first === "object" && first !== null && "date" in first) {
    const { date, time, timezone } = first;
    if (timezone !== undefined && !withZone) throw new TypeError(`${name} takes no time zone`);
    return invoke(name, date, time, ...opt(timezone));
  }
  const parts = (args as (ColumnOrName | undefined)[]).filter((p): p is ColumnOrName => p !== undefined);
  if (parts.length < 6 || parts.length > (withZone ? 7 : 6))
    throw new RangeError(`${name} takes years, months, days, hours, mins, secs${withZone ? " and an optional timezone" : ""}`);
  return invoke(name, ...parts);
}
