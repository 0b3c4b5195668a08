import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

/**
 * The tumbling or sliding time window (a `struct<start,end>`) each timestamp falls in, for grouping.
 *
 * @example
 * ```ts
 * df.groupBy(F.window("ts", "10 minutes", "5 minutes")).count();
 * ```
 */
export function window(timeColumn: ColumnOrName, windowDuration: string, slideDuration?: string, startTime?: string): Column {
  if (typeof windowDuration !== "string") throw new TypeError('window needs a duration string such as "10 minutes"');
  // Spark has no "start time without slide" form: a tumbling window slides by its own length.
  const slide = slideDuration ?? (startTime === undefined ? undefined : windowDuration);
  return invoke(
    "window",
    timeColumn,
    lit(windowDuration),
    ...opt(slide === undefined ? undefined : lit(slide)),
    ...opt(startTime === undefined ? undefined : lit(startTime)),
  );
}
/** The session window (closed after a gap of `gapDuration` without events) of each timestamp. @example F.session_window("ts", "5 minutes") */
export function session_window(timeColumn: ColumnOrName, gapDuration: Column | string): Column {
  return invoke("session_window", timeColumn, lit(gapDuration));
}
/** The event time of a time window column (its end minus one microsecond). @example F.window_time("window") */
export function window_time(windowColumn: ColumnOrName): Column {
  return invoke("window_time", windowColumn);
}
/** The start of the `bucket_size` bucket `ts` falls in (buckets aligned to `origin`). @example F.time_bucket(F.expr("INTERVAL 15 MINUTES"), "ts") */
export function time_bucket(bucket_size: Column, ts: ColumnOrName, origin?: Column): Column {
  return invoke("time_bucket", bucket_size, ts, ...opt(origin));
}
