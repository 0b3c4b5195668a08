import { lit, type Column, type ColumnOrName } from "../column";
import { invoke } from "./invoke";

/** CRC-32 checksum of a binary or string. @example F.crc32("s") */
export function crc32(col: ColumnOrName): Column {
  return invoke("crc32", col);
}
/** Murmur3 hash of the columns, an int. @example F.hash("a", "b") */
export function hash(...cols: ColumnOrName[]): Column {
  return invoke("hash", ...cols);
}
/** MD5 digest as 32 hex digits. @example F.md5("s") */
export function md5(col: ColumnOrName): Column {
  return invoke("md5", col);
}
/** SHA-1 digest as 40 hex digits. @example F.sha("s") */
export function sha(col: ColumnOrName): Column {
  return invoke("sha", col);
}
/** SHA-1 digest as 40 hex digits. @example F.sha1("s") */
export function sha1(col: ColumnOrName): Column {
  return invoke("sha1", col);
}
/** SHA-2 digest of `numBits` (224, 256, 384, 512; 0 means 256) as hex. @example F.sha2("s", 256) */
export function sha2(col: ColumnOrName, numBits: 0 | 224 | 256 | 384 | 512): Column {
  if (![0, 224, 256, 384, 512].includes(numBits)) throw new RangeError(`sha2 numBits must be 0, 224, 256, 384 or 512, got ${numBits}`);
  return invoke("sha2", col, lit(numBits));
}
/** xxHash64 hash of the columns, a bigint. @example F.xxhash64("a", "b") */
export function xxhash64(...cols: ColumnOrName[]): Column {
  return invoke("xxhash64", ...cols);
}
