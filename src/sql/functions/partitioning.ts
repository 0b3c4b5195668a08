import { lit, type Column, type ColumnOrName } from "../column";
import { invoke } from "./invoke";

/** Partition transform by year (for `writeTo(...).partitionedBy`). @example F.years("ts") */
export function years(col: ColumnOrName): Column {
  return invoke("years", col);
}
/** Partition transform by month. @example F.months("ts") */
export function months(col: ColumnOrName): Column {
  return invoke("months", col);
}
/** Partition transform by day. @example F.days("ts") */
export function days(col: ColumnOrName): Column {
  return invoke("days", col);
}
/** Partition transform by hour. @example F.hours("ts") */
export function hours(col: ColumnOrName): Column {
  return invoke("hours", col);
}
/** Partition transform into `numBuckets` hash buckets. @example F.bucket(16, "id") */
export function bucket(numBuckets: Column | number, col: ColumnOrName): Column {
  return invoke("bucket", lit(numBuckets), col);
}
