import type { Column, ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

/** Element-wise mean of the group's float arrays. @example F.vector_avg("v") */
export function vector_avg(col: ColumnOrName): Column {
  return invoke("vector_avg", col);
}
/** Cosine similarity of two float arrays. @example F.vector_cosine_similarity("a", "b") */
export function vector_cosine_similarity(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("vector_cosine_similarity", left, right);
}
/** Dot product of two float arrays. @example F.vector_inner_product("a", "b") */
export function vector_inner_product(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("vector_inner_product", left, right);
}
/** Euclidean distance of two float arrays. @example F.vector_l2_distance("a", "b") */
export function vector_l2_distance(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("vector_l2_distance", left, right);
}
/** The p-norm (`degree`, 2 by default) of a float array. @example F.vector_norm("v") */
export function vector_norm(vector: ColumnOrName, degree?: ColumnOrName): Column {
  return invoke("vector_norm", vector, ...opt(degree));
}
/** The float array scaled to unit p-norm. @example F.vector_normalize("v") */
export function vector_normalize(vector: ColumnOrName, degree?: ColumnOrName): Column {
  return invoke("vector_normalize", vector, ...opt(degree));
}
/** Element-wise sum of the group's float arrays. @example F.vector_sum("v") */
export function vector_sum(col: ColumnOrName): Column {
  return invoke("vector_sum", col);
}
