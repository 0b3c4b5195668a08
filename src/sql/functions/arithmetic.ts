import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, litIfNumber, opt, randomSeed } from "./invoke";

const scaled = (name: string, col: ColumnOrName, scale?: Column | number): Column =>
  invoke(name, col, ...opt(scale === undefined ? undefined : lit(scale)));

/** Rounded to `scale` decimal places, half to even (banker's rounding). @example F.bround("x", 2) */
export function bround(col: ColumnOrName, scale?: Column | number): Column {
  return scaled("bround", col, scale);
}
/** Rounded up (to `scale` decimal places). @example F.ceil("x") */
export function ceil(col: ColumnOrName, scale?: Column | number): Column {
  return scaled("ceil", col, scale);
}
/** Alias of {@link ceil}. @example F.ceiling("x") */
export function ceiling(col: ColumnOrName, scale?: Column | number): Column {
  return scaled("ceiling", col, scale);
}
/** Rounded down (to `scale` decimal places). @example F.floor("x") */
export function floor(col: ColumnOrName, scale?: Column | number): Column {
  return scaled("floor", col, scale);
}
/** Rounded to `scale` decimal places, half away from zero. @example F.round("x", 2) */
export function round(col: ColumnOrName, scale?: Column | number): Column {
  return scaled("round", col, scale);
}
/** Uniformly random doubles in [0, 1), reproducible with a seed. @example F.rand(42) */
export function rand(seed?: number | bigint): Column {
  return invoke("rand", seed === undefined ? randomSeed() : lit(seed));
}
/** Alias of {@link rand}. @example F.random(42) */
export function random(seed?: number | bigint): Column {
  return rand(seed);
}
/** Standard normal random doubles, reproducible with a seed. @example F.randn(42) */
export function randn(seed?: number | bigint): Column {
  return invoke("randn", seed === undefined ? randomSeed() : lit(seed));
}
/** Uniformly random numbers from `min` to `max`, of their type. @example F.uniform(0, 10, 42) */
export function uniform(min: Column | number, max: Column | number, seed?: Column | number | bigint): Column {
  return invoke("uniform", lit(min), lit(max), seed === undefined ? randomSeed() : lit(seed));
}
/** `left + right`, null on overflow. @example F.try_add("a", "b") */
export function try_add(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("try_add", left, right);
}
/** `left / right`, null on division by zero. @example F.try_divide("a", "b") */
export function try_divide(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("try_divide", left, right);
}
/** `left % right`, null on division by zero. @example F.try_mod("a", "b") */
export function try_mod(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("try_mod", left, right);
}
/** `left * right`, null on overflow. @example F.try_multiply("a", "b") */
export function try_multiply(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("try_multiply", left, right);
}
/** `left - right`, null on overflow. @example F.try_subtract("a", "b") */
export function try_subtract(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("try_subtract", left, right);
}
/** The bucket (1 to `numBucket`) `v` falls in, of equal-width buckets from `min` to `max`. @example F.width_bucket("v", "lo", "hi", 10) */
export function width_bucket(v: ColumnOrName, min: ColumnOrName, max: ColumnOrName, numBucket: ColumnOrName | number): Column {
  return invoke("width_bucket", v, min, max, litIfNumber(numBucket));
}
