import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

const optLit = (x: number | string | Column | undefined): Column[] => opt(x === undefined ? undefined : lit(x));

/** The set difference of two theta sketches. @example F.theta_difference("a", "b") */
export function theta_difference(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("theta_difference", col1, col2);
}
/** The intersection of two theta sketches. @example F.theta_intersection("a", "b") */
export function theta_intersection(col1: ColumnOrName, col2: ColumnOrName): Column {
  return invoke("theta_intersection", col1, col2);
}
/** The intersection of the group's theta sketches. @example F.theta_intersection_agg("sk") */
export function theta_intersection_agg(col: ColumnOrName): Column {
  return invoke("theta_intersection_agg", col);
}
/** A theta sketch of the group's distinct values (2^`lgNomEntries` entries). @example F.theta_sketch_agg("x") */
export function theta_sketch_agg(col: ColumnOrName, lgNomEntries?: number | Column): Column {
  return invoke("theta_sketch_agg", col, ...optLit(lgNomEntries));
}
/** The estimated distinct count of a theta sketch. @example F.theta_sketch_estimate("sk") */
export function theta_sketch_estimate(col: ColumnOrName): Column {
  return invoke("theta_sketch_estimate", col);
}
/** The union of two theta sketches. @example F.theta_union("a", "b") */
export function theta_union(col1: ColumnOrName, col2: ColumnOrName, lgNomEntries?: number | Column): Column {
  return invoke("theta_union", col1, col2, ...optLit(lgNomEntries));
}
/** The union of the group's theta sketches. @example F.theta_union_agg("sk") */
export function theta_union_agg(col: ColumnOrName, lgNomEntries?: number | Column): Column {
  return invoke("theta_union_agg", col, ...optLit(lgNomEntries));
}
