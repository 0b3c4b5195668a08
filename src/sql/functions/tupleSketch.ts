import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

const optLit = (x: number | string | Column | undefined): Column[] => opt(x === undefined ? undefined : lit(x));
// PySpark always sends the nominal entries (12) and the summary mode ("sum") of these.
const withDefaults = (lgNomEntries: number | Column | undefined, mode: string | Column | undefined): Column[] => [
  lit(lgNomEntries ?? 12),
  lit(mode ?? "sum"),
];

/** A tuple sketch of the group's keys with double summaries. @example F.tuple_sketch_agg_double("key", "v") */
export function tuple_sketch_agg_double(
  key: ColumnOrName,
  summary: ColumnOrName,
  lgNomEntries?: number | Column,
  mode?: string | Column,
): Column {
  return invoke("tuple_sketch_agg_double", key, summary, ...withDefaults(lgNomEntries, mode));
}
/** The intersection of the group's double tuple sketches. @example F.tuple_intersection_agg_double("sk") */
export function tuple_intersection_agg_double(col: ColumnOrName, mode?: string | Column): Column {
  return invoke("tuple_intersection_agg_double", col, ...optLit(mode));
}
/** The union of the group's double tuple sketches. @example F.tuple_union_agg_double("sk") */
export function tuple_union_agg_double(col: ColumnOrName, lgNomEntries?: number | Column, mode?: string | Column): Column {
  return invoke("tuple_union_agg_double", col, ...withDefaults(lgNomEntries, mode));
}
/** The set difference of two double tuple sketches. @example F.tuple_difference_double("a", "b") */
export function tuple_difference_double(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("tuple_difference_double", col1, col2);
}
/** A double tuple sketch minus a theta sketch. @example F.tuple_difference_theta_double("a", "b") */
export function tuple_difference_theta_double(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("tuple_difference_theta_double", col1, col2);
}
/** The intersection of two double tuple sketches. @example F.tuple_intersection_double("a", "b") */
export function tuple_intersection_double(col1: ColumnOrName, col2: ColumnOrName, mode?: string | Column): Column {
  return invoke("tuple_intersection_double", col1, col2, ...optLit(mode));
}
/** The intersection of a double tuple sketch and a theta sketch. @example F.tuple_intersection_theta_double("a", "b") */
export function tuple_intersection_theta_double(col1: ColumnOrName, col2: ColumnOrName, mode?: string | Column): Column {
  return invoke("tuple_intersection_theta_double", col1, col2, ...optLit(mode));
}
/** The estimated distinct key count of a double tuple sketch. @example F.tuple_sketch_estimate_double("sk") */
export function tuple_sketch_estimate_double(col: ColumnOrName): Column {
  return invoke("tuple_sketch_estimate_double", col);
}
/** The summaries of a double tuple sketch aggregated by `mode`. @example F.tuple_sketch_summary_double("sk") */
export function tuple_sketch_summary_double(col: ColumnOrName, mode?: string | Column): Column {
  return invoke("tuple_sketch_summary_double", col, ...optLit(mode));
}
/** The theta sketch of a double tuple sketch's keys. @example F.tuple_sketch_theta_double("sk") */
export function tuple_sketch_theta_double(col: ColumnOrName): Column {
  return invoke("tuple_sketch_theta_double", col);
}
/** The union of two double tuple sketches. @example F.tuple_union_double("a", "b") */
export function tuple_union_double(col1: ColumnOrName, col2: ColumnOrName, lgNomEntries?: number | Column, mode?: string | Column): Column {
  return invoke("tuple_union_double", col1, col2, ...withDefaults(lgNomEntries, mode));
}
/** The union of a double tuple sketch and a theta sketch. @example F.tuple_union_theta_double("a", "b") */
export function tuple_union_theta_double(
  col1: ColumnOrName,
  col2: ColumnOrName,
  lgNomEntries?: number | Column,
  mode?: string | Column,
): Column {
  return invoke("tuple_union_theta_double", col1, col2, ...withDefaults(lgNomEntries, mode));
}
/** A tuple sketch of the group's keys with integer summaries. @example F.tuple_sketch_agg_integer("key", "v") */
export function tuple_sketch_agg_integer(
  key: ColumnOrName,
  summary: ColumnOrName,
  lgNomEntries?: number | Column,
  mode?: string | Column,
): Column {
  return invoke("tuple_sketch_agg_integer", key, summary, ...withDefaults(lgNomEntries, mode));
}
/** The intersection of the group's integer tuple sketches. @example F.tuple_intersection_agg_integer("sk") */
export function tuple_intersection_agg_integer(col: ColumnOrName, mode?: string | Column): Column {
  return invoke("tuple_intersection_agg_integer", col, ...optLit(mode));
}
/** The union of the group's integer tuple sketches. @example F.tuple_union_agg_integer("sk") */
export function tuple_union_agg_integer(col: ColumnOrName, lgNomEntries?: number | Column, mode?: string | Column): Column {
  return invoke("tuple_union_agg_integer", col, ...withDefaults(lgNomEntries, mode));
}
/** The set difference of two integer tuple sketches. @example F.tuple_difference_integer("a", "b") */
export function tuple_difference_integer(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("tuple_difference_integer", col1, col2);
}
/** A integer tuple sketch minus a theta sketch. @example F.tuple_difference_theta_integer("a", "b") */
export function tuple_difference_theta_integer(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("tuple_difference_theta_integer", col1, col2);
}
/** The intersection of two integer tuple sketches. @example F.tuple_intersection_integer("a", "b") */
export function tuple_intersection_integer(col1: ColumnOrName, col2: ColumnOrName, mode?: string | Column): Column {
  return invoke("tuple_intersection_integer", col1, col2, ...optLit(mode));
}
/** The intersection of a integer tuple sketch and a theta sketch. @example F.tuple_intersection_theta_integer("a", "b") */
export function tuple_intersection_theta_integer(col1: ColumnOrName, col2: ColumnOrName, mode?: string | Column): Column {
  return invoke("tuple_intersection_theta_integer", col1, col2, ...optLit(mode));
}
/** The estimated distinct key count of a integer tuple sketch. @example F.tuple_sketch_estimate_integer("sk") */
export function tuple_sketch_estimate_integer(col: ColumnOrName): Column {
  return invoke("tuple_sketch_estimate_integer", col);
}
/** The summaries of a integer tuple sketch aggregated by `mode`. @example F.tuple_sketch_summary_integer("sk") */
export function tuple_sketch_summary_integer(col: ColumnOrName, mode?: string | Column): Column {
  return invoke("tuple_sketch_summary_integer", col, ...optLit(mode));
}
/** The theta sketch of a integer tuple sketch's keys. @example F.tuple_sketch_theta_integer("sk") */
export function tuple_sketch_theta_integer(col: ColumnOrName): Column {
  return invoke("tuple_sketch_theta_integer", col);
}
/** The union of two integer tuple sketches. @example F.tuple_union_integer("a", "b") */
export function tuple_union_integer(
  col1: ColumnOrName,
  col2: ColumnOrName,
  lgNomEntries?: number | Column,
  mode?: string | Column,
): Column {
  return invoke("tuple_union_integer", col1, col2, ...withDefaults(lgNomEntries, mode));
}
/** The union of a integer tuple sketch and a theta sketch. @example F.tuple_union_theta_integer("a", "b") */
export function tuple_union_theta_integer(
  col1: ColumnOrName,
  col2: ColumnOrName,
  lgNomEntries?: number | Column,
  mode?: string | Column,
): Column {
  return invoke("tuple_union_theta_integer", col1, col2, ...withDefaults(lgNomEntries, mode));
}
