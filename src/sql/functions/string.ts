import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, litIfNumber, opt, randomSeed } from "./invoke";

/** The code point of the first character. @example F.ascii("s") */
export function ascii(col: ColumnOrName): Column {
  return invoke("ascii", col);
}
/** Length in bits. @example F.bit_length("s") */
export function bit_length(col: ColumnOrName): Column {
  return invoke("bit_length", col);
}
/** `str` without leading and trailing spaces (or the characters of `trim`). @example F.btrim("s") */
export function btrim(str: ColumnOrName, trim?: ColumnOrName): Column {
  return invoke("btrim", str, ...opt(trim));
}
/** The character of a code point. @example F.char("n") */
export function char(col: ColumnOrName): Column {
  return invoke("char", col);
}
/** Length in characters. @example F.char_length("s") */
export function char_length(str: ColumnOrName): Column {
  return invoke("char_length", str);
}
/** Alias of {@link char_length}. @example F.character_length("s") */
export function character_length(str: ColumnOrName): Column {
  return invoke("character_length", str);
}
/** The character of a code point. @example F.chr("n") */
export function chr(n: ColumnOrName): Column {
  return invoke("chr", n);
}
/** The string with collation `collation` (e.g. `"UNICODE_CI"`). @example F.collate("s", "UTF8_LCASE") */
export function collate(col: ColumnOrName, collation: string): Column {
  return invoke("collate", col, lit(collation));
}
/** The collation name of a string. @example F.collation("s") */
export function collation(col: ColumnOrName): Column {
  return invoke("collation", col);
}
/** The strings joined with separator `sep`, nulls skipped. @example F.concat_ws("-", "a", "b") */
export function concat_ws(sep: string, ...cols: ColumnOrName[]): Column {
  return invoke("concat_ws", lit(sep), ...cols);
}
/** Whether `left` contains `right`. @example F.contains("s", F.lit("x")) */
export function contains(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("contains", left, right);
}
/** The `n`-th (1-based, the first argument) of the other arguments. @example F.elt(F.lit(1), "a", "b") */
export function elt(...inputs: ColumnOrName[]): Column {
  return invoke("elt", ...inputs);
}
/** Whether `str` ends with `suffix`. @example F.endswith("s", F.lit("x")) */
export function endswith(str: ColumnOrName, suffix: ColumnOrName): Column {
  return invoke("endswith", str, suffix);
}
/** The 1-based index of `str` in the comma-separated list `str_array`, 0 if absent. @example F.find_in_set(F.lit("b"), F.lit("a,b")) */
export function find_in_set(str: ColumnOrName, str_array: ColumnOrName): Column {
  return invoke("find_in_set", str, str_array);
}
/** Words capitalised. @example F.initcap("s") */
export function initcap(col: ColumnOrName): Column {
  return invoke("initcap", col);
}
/** 1-based position of `substr` in `str` (from `start`, its `occurrence`-th), 0 if absent. @example F.instr("s", "b") */
export function instr(str: ColumnOrName, substr: Column | string, start?: Column | number, occurrence?: Column | number): Column {
  if (occurrence === undefined) return invoke("instr", str, lit(substr), ...opt(start === undefined ? undefined : lit(start)));
  return invoke("instr", str, lit(substr), lit(start ?? 1), lit(occurrence));
}
/** Jaro-Winkler similarity of two strings, 0 to 1. @example F.jaro_winkler_similarity("a", "b") */
export function jaro_winkler_similarity(left: ColumnOrName, right: ColumnOrName): Column {
  return invoke("jaro_winkler_similarity", left, right);
}
/** Lower case. @example F.lcase("s") */
export function lcase(str: ColumnOrName): Column {
  return invoke("lcase", str);
}
/** The leftmost `len` characters. @example F.left("s", F.lit(2)) */
export function left(str: ColumnOrName, len: ColumnOrName): Column {
  return invoke("left", str, len);
}
/** Length in characters (bytes for binary). @example F.length("s") */
export function length(col: ColumnOrName): Column {
  return invoke("length", col);
}
/** Levenshtein distance (-1 beyond `threshold`). @example F.levenshtein("a", "b") */
export function levenshtein(left: ColumnOrName, right: ColumnOrName, threshold?: number): Column {
  return invoke("levenshtein", left, right, ...opt(threshold === undefined ? undefined : lit(threshold)));
}
/** 1-based position of `substr` in `str` from `pos`, 0 if absent. @example F.locate("b", "s") */
export function locate(substr: string, str: ColumnOrName, pos = 1): Column {
  return invoke("locate", lit(substr), str, lit(pos));
}
/** Lower case. @example F.lower("s") */
export function lower(col: ColumnOrName): Column {
  return invoke("lower", col);
}
/** Left-padded with `pad` to `len` characters (or cut to it). @example F.lpad("s", 5, "*") */
export function lpad(col: ColumnOrName, len: Column | number, pad: Column | string): Column {
  return invoke("lpad", col, lit(len), lit(pad));
}
/** Without leading spaces (or the characters of `trim`). @example F.ltrim("s") */
export function ltrim(col: ColumnOrName, trim?: ColumnOrName): Column {
  return trim === undefined ? invoke("ltrim", col) : invoke("ltrim", trim, col);
}
/** Length in bytes. @example F.octet_length("s") */
export function octet_length(col: ColumnOrName): Column {
  return invoke("octet_length", col);
}
/** `src` with `len` characters from `pos` replaced by `replace` (-1: the length of `replace`). @example F.overlay("s", "r", 2) */
export function overlay(src: ColumnOrName, replace: ColumnOrName, pos: ColumnOrName | number, len: ColumnOrName | number = -1): Column {
  return invoke("overlay", src, replace, litIfNumber(pos), litIfNumber(len));
}
/** 1-based position of `substr` in `str` (from `start`), 0 if absent. @example F.position(F.lit("b"), "s") */
export function position(substr: ColumnOrName, str: ColumnOrName, start?: ColumnOrName): Column {
  return invoke("position", substr, str, ...opt(start));
}
/** A random string of `length` alphanumeric characters. @example F.randstr(8, 42) */
export function randstr(length: Column | number, seed?: Column | number): Column {
  return invoke("randstr", lit(length), seed === undefined ? randomSeed() : lit(seed));
}
/** `col` repeated `n` times. @example F.repeat("s", 3) */
export function repeat(col: ColumnOrName, n: ColumnOrName | number): Column {
  return invoke("repeat", col, litIfNumber(n));
}
/** Every `search` in `src` replaced by `replace` (removed when absent). @example F.replace("s", F.lit("a"), F.lit("b")) */
export function replace(src: ColumnOrName, search: ColumnOrName, replace?: ColumnOrName): Column {
  return invoke("replace", src, search, ...opt(replace));
}
/** The rightmost `len` characters. @example F.right("s", F.lit(2)) */
export function right(str: ColumnOrName, len: ColumnOrName): Column {
  return invoke("right", str, len);
}
/** Right-padded with `pad` to `len` characters (or cut to it). @example F.rpad("s", 5, "*") */
export function rpad(col: ColumnOrName, len: Column | number, pad: Column | string): Column {
  return invoke("rpad", col, lit(len), lit(pad));
}
/** Without trailing spaces (or the characters of `trim`). @example F.rtrim("s") */
export function rtrim(col: ColumnOrName, trim?: ColumnOrName): Column {
  return trim === undefined ? invoke("rtrim", col) : invoke("rtrim", trim, col);
}
/** The text split into sentences of words. @example F.sentences("s") */
export function sentences(string: ColumnOrName, language?: ColumnOrName, country?: ColumnOrName): Column {
  return invoke("sentences", string, language ?? lit(""), country ?? lit(""));
}
/** Soundex code. @example F.soundex("s") */
export function soundex(col: ColumnOrName): Column {
  return invoke("soundex", col);
}
/** The `partNum`-th (1-based; negative from the end) part of `src` split at `delimiter`. @example F.split_part("s", F.lit(","), F.lit(2)) */
export function split_part(src: ColumnOrName, delimiter: ColumnOrName, partNum: ColumnOrName): Column {
  return invoke("split_part", src, delimiter, partNum);
}
/** Whether `str` starts with `prefix`. @example F.startswith("s", F.lit("a")) */
export function startswith(str: ColumnOrName, prefix: ColumnOrName): Column {
  return invoke("startswith", str, prefix);
}
/** The substring from 1-based `pos` (of `len` characters). @example F.substr("s", F.lit(2), F.lit(3)) */
export function substr(str: ColumnOrName, pos: ColumnOrName, len?: ColumnOrName): Column {
  return invoke("substr", str, pos, ...opt(len));
}
/** The substring of `len` characters from 1-based `pos`. @example F.substring("s", 2, 3) */
export function substring(str: ColumnOrName, pos: ColumnOrName | number, len: ColumnOrName | number): Column {
  return invoke("substring", str, litIfNumber(pos), litIfNumber(len));
}
/** The part before the `count`-th `delim` (after the `-count`-th from the end when negative). @example F.substring_index("s", ".", 2) */
export function substring_index(str: ColumnOrName, delim: string, count: number): Column {
  return invoke("substring_index", str, lit(delim), lit(count));
}
/** Each character of `matching` in `srcCol` replaced by the one at the same place in `replace`. @example F.translate("s", "abc", "xyz") */
export function translate(srcCol: ColumnOrName, matching: string, replace: string): Column {
  return invoke("translate", srcCol, lit(matching), lit(replace));
}
/** Without leading and trailing spaces (or the characters of `trim`). @example F.trim("s") */
export function trim(col: ColumnOrName, trim?: ColumnOrName): Column {
  return trim === undefined ? invoke("trim", col) : invoke("trim", trim, col);
}
/** Upper case. @example F.ucase("s") */
export function ucase(str: ColumnOrName): Column {
  return invoke("ucase", str);
}
/** Upper case. @example F.upper("s") */
export function upper(col: ColumnOrName): Column {
  return invoke("upper", col);
}
