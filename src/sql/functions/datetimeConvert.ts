import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

const optFormat = (format: string | undefined): Column[] => opt(format === undefined ? undefined : lit(format));

/** Seconds since the epoch as a `yyyy-MM-dd HH:mm:ss` string (or in `format`), in the session time zone. @example F.from_unixtime("secs") */
export function from_unixtime(timestamp: ColumnOrName, format = "yyyy-MM-dd HH:mm:ss"): Column {
  return invoke("from_unixtime", timestamp, lit(format));
}
/** The UTC timestamp shown as wall-clock time in zone `tz`. @example F.from_utc_timestamp("ts", "Asia/Tokyo") */
export function from_utc_timestamp(timestamp: ColumnOrName, tz: Column | string): Column {
  return invoke("from_utc_timestamp", timestamp, lit(tz));
}
/** The wall-clock time in zone `tz` as a UTC timestamp. @example F.to_utc_timestamp("ts", "Asia/Tokyo") */
export function to_utc_timestamp(timestamp: ColumnOrName, tz: Column | string): Column {
  return invoke("to_utc_timestamp", timestamp, lit(tz));
}
/** The timestamp `n` microseconds after the epoch. @example F.timestamp_micros("n") */
export function timestamp_micros(col: ColumnOrName): Column {
  return invoke("timestamp_micros", col);
}
/** The timestamp `n` milliseconds after the epoch. @example F.timestamp_millis("n") */
export function timestamp_millis(col: ColumnOrName): Column {
  return invoke("timestamp_millis", col);
}
/** The timestamp `n` nanoseconds after the epoch. @example F.timestamp_nanos("n") */
export function timestamp_nanos(col: ColumnOrName): Column {
  return invoke("timestamp_nanos", col);
}
/** The timestamp `n` seconds after the epoch. @example F.timestamp_seconds("n") */
export function timestamp_seconds(col: ColumnOrName): Column {
  return invoke("timestamp_seconds", col);
}
/** Whole `unit`s between two times. @example F.time_diff(F.lit("HOUR"), "a", "b") */
export function time_diff(unit: ColumnOrName, start: ColumnOrName, end: ColumnOrName): Column {
  return invoke("time_diff", unit, start, end);
}
/** The time of day `n` microseconds after midnight. @example F.time_from_micros("n") */
export function time_from_micros(col: ColumnOrName): Column {
  return invoke("time_from_micros", col);
}
/** The time of day `n` milliseconds after midnight. @example F.time_from_millis("n") */
export function time_from_millis(col: ColumnOrName): Column {
  return invoke("time_from_millis", col);
}
/** The time of day `n` seconds after midnight. @example F.time_from_seconds("n") */
export function time_from_seconds(col: ColumnOrName): Column {
  return invoke("time_from_seconds", col);
}
/** Microseconds since midnight. @example F.time_to_micros("t") */
export function time_to_micros(col: ColumnOrName): Column {
  return invoke("time_to_micros", col);
}
/** Milliseconds since midnight. @example F.time_to_millis("t") */
export function time_to_millis(col: ColumnOrName): Column {
  return invoke("time_to_millis", col);
}
/** Seconds since midnight. @example F.time_to_seconds("t") */
export function time_to_seconds(col: ColumnOrName): Column {
  return invoke("time_to_seconds", col);
}
/** The time truncated to a unit. @example F.time_trunc(F.lit("HOUR"), "t") */
export function time_trunc(unit: ColumnOrName, time: ColumnOrName): Column {
  return invoke("time_trunc", unit, time);
}
/** The string as a date (in a datetime pattern). @example F.to_date("s", "yyyy-MM-dd") */
export function to_date(col: ColumnOrName, format?: string): Column {
  return invoke("to_date", col, ...optFormat(format));
}
/** The string as a time of day (in a pattern column). @example F.to_time("s") */
export function to_time(str: ColumnOrName, format?: ColumnOrName): Column {
  return invoke("to_time", str, ...opt(format));
}
/** The string as a timestamp (in a datetime pattern). @example F.to_timestamp("s") */
export function to_timestamp(col: ColumnOrName, format?: string): Column {
  return invoke("to_timestamp", col, ...optFormat(format));
}
/** The string as a timestamp with local time zone (in a pattern column). @example F.to_timestamp_ltz("s") */
export function to_timestamp_ltz(timestamp: ColumnOrName, format?: ColumnOrName): Column {
  return invoke("to_timestamp_ltz", timestamp, ...opt(format));
}
/** The string as a timestamp without time zone (in a pattern column). @example F.to_timestamp_ntz("s") */
export function to_timestamp_ntz(timestamp: ColumnOrName, format?: ColumnOrName): Column {
  return invoke("to_timestamp_ntz", timestamp, ...opt(format));
}
/** Seconds since the epoch of a timestamp or string (in a pattern column). @example F.to_unix_timestamp("s") */
export function to_unix_timestamp(timestamp: ColumnOrName, format?: ColumnOrName): Column {
  return invoke("to_unix_timestamp", timestamp, ...opt(format));
}
/** Like {@link to_date}, null where the string does not parse. @example F.try_to_date("s") */
export function try_to_date(col: ColumnOrName, format?: string): Column {
  return invoke("try_to_date", col, ...optFormat(format));
}
/** Like {@link to_time}, null where the string does not parse. @example F.try_to_time("s") */
export function try_to_time(str: ColumnOrName, format?: ColumnOrName): Column {
  return invoke("try_to_time", str, ...opt(format));
}
/** Like {@link to_timestamp}, null where the string does not parse (the pattern is a column). @example F.try_to_timestamp("s") */
export function try_to_timestamp(col: ColumnOrName, format?: ColumnOrName): Column {
  return invoke("try_to_timestamp", col, ...opt(format));
}
/** Days since 1970-01-01. @example F.unix_date("d") */
export function unix_date(col: ColumnOrName): Column {
  return invoke("unix_date", col);
}
/** Microseconds since the epoch. @example F.unix_micros("ts") */
export function unix_micros(col: ColumnOrName): Column {
  return invoke("unix_micros", col);
}
/** Milliseconds since the epoch. @example F.unix_millis("ts") */
export function unix_millis(col: ColumnOrName): Column {
  return invoke("unix_millis", col);
}
/** Nanoseconds since the epoch. @example F.unix_nanos("ts") */
export function unix_nanos(col: ColumnOrName): Column {
  return invoke("unix_nanos", col);
}
/** Seconds since the epoch. @example F.unix_seconds("ts") */
export function unix_seconds(col: ColumnOrName): Column {
  return invoke("unix_seconds", col);
}
/** Seconds since the epoch of a string in `format` (of now without arguments). @example F.unix_timestamp("s") */
export function unix_timestamp(timestamp?: ColumnOrName, format = "yyyy-MM-dd HH:mm:ss"): Column {
  return timestamp === undefined ? invoke("unix_timestamp") : invoke("unix_timestamp", timestamp, lit(format));
}
