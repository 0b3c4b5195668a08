import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, litIfNumber, opt } from "./invoke";

/** `start` plus `months` months. @example F.add_months("d", 1) */
export function add_months(start: ColumnOrName, months: ColumnOrName | number): Column {
  return invoke("add_months", start, litIfNumber(months));
}
/** The timestamp without time zone `sourceTs` moved from zone `sourceTz` (the session's when null) to `targetTz`. @example F.convert_timezone(null, F.lit("UTC"), "ts") */
export function convert_timezone(sourceTz: Column | null | undefined, targetTz: Column, sourceTs: ColumnOrName): Column {
  return invoke("convert_timezone", ...opt(sourceTz), targetTz, sourceTs);
}
/** Today's date (alias of {@link current_date}). @example F.curdate() */
export function curdate(): Column {
  return invoke("curdate");
}
/** Today's date, at the start of the query. @example F.current_date() */
export function current_date(): Column {
  return invoke("current_date");
}
/** The time of day at the start of the query (with `precision` fractional digits). @example F.current_time() */
export function current_time(precision?: number): Column {
  return invoke("current_time", ...opt(precision === undefined ? undefined : lit(precision)));
}
/** The timestamp at the start of the query. @example F.current_timestamp() */
export function current_timestamp(): Column {
  return invoke("current_timestamp");
}
/** The session's time zone. @example F.current_timezone() */
export function current_timezone(): Column {
  return invoke("current_timezone");
}
/** `start` plus `days` days. @example F.date_add("d", 7) */
export function date_add(start: ColumnOrName, days: ColumnOrName | number): Column {
  return invoke("date_add", start, litIfNumber(days));
}
/** Days from `start` to `end`. @example F.date_diff("end", "start") */
export function date_diff(end: ColumnOrName, start: ColumnOrName): Column {
  return invoke("date_diff", end, start);
}
/** The date or timestamp as text in a datetime pattern. @example F.date_format("d", "yyyy-MM") */
export function date_format(date: ColumnOrName, format: string): Column {
  return invoke("date_format", date, lit(format));
}
/** The date `days` days after 1970-01-01. @example F.date_from_unix_date("n") */
export function date_from_unix_date(days: ColumnOrName): Column {
  return invoke("date_from_unix_date", days);
}
/** A field (`F.lit("YEAR")`, ...) of a date, timestamp or interval. @example F.date_part(F.lit("YEAR"), "d") */
export function date_part(field: Column, source: ColumnOrName): Column {
  return invoke("date_part", field, source);
}
/** `start` minus `days` days. @example F.date_sub("d", 7) */
export function date_sub(start: ColumnOrName, days: ColumnOrName | number): Column {
  return invoke("date_sub", start, litIfNumber(days));
}
/** The timestamp truncated to a unit ("year", "month", "day", "hour", ...). @example F.date_trunc("month", "ts") */
export function date_trunc(format: string, timestamp: ColumnOrName): Column {
  return invoke("date_trunc", lit(format), timestamp);
}
/** Alias of {@link date_add}. @example F.dateadd("d", 7) */
export function dateadd(start: ColumnOrName, days: ColumnOrName | number): Column {
  return invoke("dateadd", start, litIfNumber(days));
}
/** Days from `start` to `end`. @example F.datediff("end", "start") */
export function datediff(end: ColumnOrName, start: ColumnOrName): Column {
  return invoke("datediff", end, start);
}
/** Alias of {@link date_part}. @example F.datepart(F.lit("YEAR"), "d") */
export function datepart(field: Column, source: ColumnOrName): Column {
  return invoke("datepart", field, source);
}
/** Day of the month. @example F.day("d") */
export function day(col: ColumnOrName): Column {
  return invoke("day", col);
}
/** Three-letter day name ("Mon"). @example F.dayname("d") */
export function dayname(col: ColumnOrName): Column {
  return invoke("dayname", col);
}
/** Day of the month. @example F.dayofmonth("d") */
export function dayofmonth(col: ColumnOrName): Column {
  return invoke("dayofmonth", col);
}
/** Day of the week, 1 (Sunday) to 7. @example F.dayofweek("d") */
export function dayofweek(col: ColumnOrName): Column {
  return invoke("dayofweek", col);
}
/** Day of the year. @example F.dayofyear("d") */
export function dayofyear(col: ColumnOrName): Column {
  return invoke("dayofyear", col);
}
/** A field (`F.lit("YEAR")`, ...) of a date, timestamp or interval. @example F.extract(F.lit("YEAR"), "d") */
export function extract(field: Column, source: ColumnOrName): Column {
  return invoke("extract", field, source);
}
/** Hour of the day. @example F.hour("ts") */
export function hour(col: ColumnOrName): Column {
  return invoke("hour", col);
}
/** The last day of the date's month. @example F.last_day("d") */
export function last_day(date: ColumnOrName): Column {
  return invoke("last_day", date);
}
/** The local timestamp (without time zone) at the start of the query. @example F.localtimestamp() */
export function localtimestamp(): Column {
  return invoke("localtimestamp");
}
/** Minute of the hour. @example F.minute("ts") */
export function minute(col: ColumnOrName): Column {
  return invoke("minute", col);
}
/** Month, 1 to 12. @example F.month("d") */
export function month(col: ColumnOrName): Column {
  return invoke("month", col);
}
/** Three-letter month name ("Jan"). @example F.monthname("d") */
export function monthname(col: ColumnOrName): Column {
  return invoke("monthname", col);
}
/** Months from `date2` to `date1` (rounded to 8 digits unless `roundOff` is false). @example F.months_between("a", "b") */
export function months_between(date1: ColumnOrName, date2: ColumnOrName, roundOff = true): Column {
  return invoke("months_between", date1, date2, lit(roundOff));
}
/** The first date after `date` that is a `dayOfWeek` ("Mon", "Tue", ...). @example F.next_day("d", "Mon") */
export function next_day(date: ColumnOrName, dayOfWeek: string): Column {
  return invoke("next_day", date, lit(dayOfWeek));
}
/** The timestamp at the start of the query. @example F.now() */
export function now(): Column {
  return invoke("now");
}
/** Quarter of the year, 1 to 4. @example F.quarter("d") */
export function quarter(col: ColumnOrName): Column {
  return invoke("quarter", col);
}
/** Second of the minute. @example F.second("ts") */
export function second(col: ColumnOrName): Column {
  return invoke("second", col);
}
/** `ts` plus `quantity` `unit`s ("YEAR", "MONTH", "DAY", "HOUR", ...). @example F.timestamp_add("DAY", F.lit(1), "ts") */
export function timestamp_add(unit: string, quantity: ColumnOrName, ts: ColumnOrName): Column {
  return invoke("timestampadd", lit(unit), quantity, ts);
}
/** Whole `unit`s from `start` to `end`. @example F.timestamp_diff("HOUR", "a", "b") */
export function timestamp_diff(unit: string, start: ColumnOrName, end: ColumnOrName): Column {
  return invoke("timestampdiff", lit(unit), start, end);
}
/** The date truncated to a unit ("year", "month", "week", "quarter"). @example F.trunc("d", "month") */
export function trunc(date: ColumnOrName, format: string): Column {
  return invoke("trunc", date, lit(format));
}
/** Day of the week, 0 (Monday) to 6. @example F.weekday("d") */
export function weekday(col: ColumnOrName): Column {
  return invoke("weekday", col);
}
/** ISO week of the year. @example F.weekofyear("d") */
export function weekofyear(col: ColumnOrName): Column {
  return invoke("weekofyear", col);
}
/** Year. @example F.year("d") */
export function year(col: ColumnOrName): Column {
  return invoke("year", col);
}
