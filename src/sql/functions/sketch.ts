import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, opt, randomSeed } from "./invoke";

const optLit = (x: boolean | number | Column | undefined): Column[] => opt(x === undefined ? undefined : lit(x));

/** Bitwise AND of the group's bitmaps. @example F.bitmap_and_agg("bm") */
export function bitmap_and_agg(col: ColumnOrName): Column {
  return invoke("bitmap_and_agg", col);
}
/** The bit position of a value within its bitmap bucket. @example F.bitmap_bit_position("n") */
export function bitmap_bit_position(col: ColumnOrName): Column {
  return invoke("bitmap_bit_position", col);
}
/** The bitmap bucket of a value. @example F.bitmap_bucket_number("n") */
export function bitmap_bucket_number(col: ColumnOrName): Column {
  return invoke("bitmap_bucket_number", col);
}
/** A bitmap with the group's bit positions set. @example F.bitmap_construct_agg(F.bitmap_bit_position("n")) */
export function bitmap_construct_agg(col: ColumnOrName): Column {
  return invoke("bitmap_construct_agg", col);
}
/** The number of bits set in a bitmap. @example F.bitmap_count("bm") */
export function bitmap_count(col: ColumnOrName): Column {
  return invoke("bitmap_count", col);
}
/** Bitwise OR of the group's bitmaps. @example F.bitmap_or_agg("bm") */
export function bitmap_or_agg(col: ColumnOrName): Column {
  return invoke("bitmap_or_agg", col);
}
/** A count-min sketch of the group (relative error `eps`, `confidence`), as binary. @example F.count_min_sketch("x", 0.01, 0.99, 1) */
export function count_min_sketch(col: ColumnOrName, eps: Column | number, confidence: Column | number, seed?: Column | number): Column {
  return invoke("count_min_sketch", col, lit(eps), lit(confidence), seed === undefined ? randomSeed() : lit(seed));
}
/** A HyperLogLog sketch of the group (with 2^`lgConfigK` buckets). @example F.hll_sketch_agg("x") */
export function hll_sketch_agg(col: ColumnOrName, lgConfigK?: number | Column): Column {
  return invoke("hll_sketch_agg", col, ...optLit(lgConfigK));
}
/** The estimated distinct count of a HyperLogLog sketch. @example F.hll_sketch_estimate("sk") */
export function hll_sketch_estimate(col: ColumnOrName): Column {
  return invoke("hll_sketch_estimate", col);
}
/** Two HyperLogLog sketches merged. @example F.hll_union("a", "b") */
export function hll_union(col1: ColumnOrName, col2: ColumnOrName, allowDifferentLgConfigK?: boolean): Column {
  return invoke("hll_union", col1, col2, ...optLit(allowDifferentLgConfigK));
}
/** The group's HyperLogLog sketches merged. @example F.hll_union_agg("sk") */
export function hll_union_agg(col: ColumnOrName, allowDifferentLgConfigK?: boolean | Column): Column {
  return invoke("hll_union_agg", col, ...optLit(allowDifferentLgConfigK));
}
