import { lit, type Column, type ColumnOrName } from "../column";
import { invoke } from "./invoke";

/** The number of bits set. @example F.bit_count("n") */
export function bit_count(col: ColumnOrName): Column {
  return invoke("bit_count", col);
}
/** The bit (0 or 1) at position `pos`, counted from the right from 0. @example F.bit_get("n", F.lit(0)) */
export function bit_get(col: ColumnOrName, pos: ColumnOrName): Column {
  return invoke("bit_get", col, pos);
}
/** Alias of {@link bit_get}. @example F.getbit("n", F.lit(0)) */
export function getbit(col: ColumnOrName, pos: ColumnOrName): Column {
  return invoke("getbit", col, pos);
}
/** Bitwise NOT. @example F.bitwise_not("n") */
export function bitwise_not(col: ColumnOrName): Column {
  return invoke("~", col);
}
/** Deprecated alias of {@link bitwise_not}. @example F.bitwiseNOT("n") */
export function bitwiseNOT(col: ColumnOrName): Column {
  return bitwise_not(col);
}
/** Shifted left by `numBits`. @example F.shiftleft("n", 2) */
export function shiftleft(col: ColumnOrName, numBits: number): Column {
  return invoke("shiftleft", col, lit(numBits));
}
/** Shifted right by `numBits`, sign kept. @example F.shiftright("n", 2) */
export function shiftright(col: ColumnOrName, numBits: number): Column {
  return invoke("shiftright", col, lit(numBits));
}
/** Shifted right by `numBits`, zeros shifted in. @example F.shiftrightunsigned("n", 2) */
export function shiftrightunsigned(col: ColumnOrName, numBits: number): Column {
  return invoke("shiftrightunsigned", col, lit(numBits));
}
/** Deprecated alias of {@link shiftleft}. @example F.shiftLeft("n", 2) */
export function shiftLeft(col: ColumnOrName, numBits: number): Column {
  return shiftleft(col, numBits);
}
/** Deprecated alias of {@link shiftright}. @example F.shiftRight("n", 2) */
export function shiftRight(col: ColumnOrName, numBits: number): Column {
  return shiftright(col, numBits);
}
/** Deprecated alias of {@link shiftrightunsigned}. @example F.shiftRightUnsigned("n", 2) */
export function shiftRightUnsigned(col: ColumnOrName, numBits: number): Column {
  return shiftrightunsigned(col, numBits);
}
