import type { Column, ColumnOrName } from "../column";
import { col as column } from "../column";

const asColumn = (c: ColumnOrName): Column => (typeof c === "string" ? column(c) : c);

/** Ascending sort key, nulls first. @example df.orderBy(F.asc("age")) */
export function asc(col: ColumnOrName): Column {
  return asColumn(col).asc();
}
/** Ascending sort key, nulls first. @example F.asc_nulls_first("age") */
export function asc_nulls_first(col: ColumnOrName): Column {
  return asColumn(col).asc_nulls_first();
}
/** Ascending sort key, nulls last. @example F.asc_nulls_last("age") */
export function asc_nulls_last(col: ColumnOrName): Column {
  return asColumn(col).asc_nulls_last();
}
/** Descending sort key, nulls last. @example df.orderBy(F.desc("age")) */
export function desc(col: ColumnOrName): Column {
  return asColumn(col).desc();
}
/** Descending sort key, nulls first. @example F.desc_nulls_first("age") */
export function desc_nulls_first(col: ColumnOrName): Column {
  return asColumn(col).desc_nulls_first();
}
/** Descending sort key, nulls last. @example F.desc_nulls_last("age") */
export function desc_nulls_last(col: ColumnOrName): Column {
  return asColumn(col).desc_nulls_last();
}
