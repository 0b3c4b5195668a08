import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

/** Base64 text of a binary. @example F.base64("b") */
export function base64(col: ColumnOrName): Column {
  return invoke("base64", col);
}
/** The binary decoded as text in `charset`. @example F.decode("b", "UTF-8") */
export function decode(col: ColumnOrName, charset: string): Column {
  return invoke("decode", col, lit(charset));
}
/** The text encoded as binary in `charset`. @example F.encode("s", "UTF-8") */
export function encode(col: ColumnOrName, charset: string): Column {
  return invoke("encode", col, lit(charset));
}
/** The number formatted like `#,###,###.##` with `d` decimal places. @example F.format_number("x", 2) */
export function format_number(col: ColumnOrName, d: number): Column {
  return invoke("format_number", col, lit(d));
}
/** printf-style formatting of the columns. @example F.format_string("%d-%s", "n", "s") */
export function format_string(format: string, ...cols: ColumnOrName[]): Column {
  return invoke("format_string", lit(format), ...cols);
}
/** The binary a base32 string stands for. @example F.from_base32("s") */
export function from_base32(col: ColumnOrName): Column {
  return invoke("from_base32", col);
}
/** Whether a string is valid UTF-8. @example F.is_valid_utf8("s") */
export function is_valid_utf8(str: ColumnOrName): Column {
  return invoke("is_valid_utf8", str);
}
/** The string with invalid UTF-8 bytes replaced by U+FFFD. @example F.make_valid_utf8("s") */
export function make_valid_utf8(str: ColumnOrName): Column {
  return invoke("make_valid_utf8", str);
}
/** The string masked: upper case as `X`, lower case as `x`, digits as `n` (others kept). @example F.mask("s") */
export function mask(
  col: ColumnOrName,
  upperChar?: ColumnOrName,
  lowerChar?: ColumnOrName,
  digitChar?: ColumnOrName,
  otherChar?: ColumnOrName,
): Column {
  return invoke("mask", col, upperChar ?? lit("X"), lowerChar ?? lit("x"), digitChar ?? lit("n"), otherChar ?? lit(null));
}
/** printf-style formatting (the format is a column or a column name). @example F.printf(F.lit("%s!"), "s") */
export function printf(format: ColumnOrName, ...cols: ColumnOrName[]): Column {
  return invoke("printf", format, ...cols);
}
/** The string quoted as a SQL string literal. @example F.quote("s") */
export function quote(col: ColumnOrName): Column {
  return invoke("quote", col);
}
/** Base32 text of a binary. @example F.to_base32("b") */
export function to_base32(col: ColumnOrName): Column {
  return invoke("to_base32", col);
}
/** The string as binary, read in `format` ("hex", "utf-8", "base64"). @example F.to_binary("s", F.lit("utf-8")) */
export function to_binary(col: ColumnOrName, format?: ColumnOrName): Column {
  return invoke("to_binary", col, ...opt(format));
}
/** The value as a string in `format`. @example F.to_char("x", F.lit("$99.99")) */
export function to_char(col: ColumnOrName, format: ColumnOrName): Column {
  return invoke("to_char", col, format);
}
/** The string as a decimal read in `format`. @example F.to_number("s", F.lit("$99.99")) */
export function to_number(col: ColumnOrName, format: ColumnOrName): Column {
  return invoke("to_number", col, format);
}
/** The value as a string in `format`. @example F.to_varchar("x", F.lit("$99.99")) */
export function to_varchar(col: ColumnOrName, format: ColumnOrName): Column {
  return invoke("to_varchar", col, format);
}
/** Like {@link to_binary}, null where the input is not valid. @example F.try_to_binary("s", F.lit("hex")) */
export function try_to_binary(col: ColumnOrName, format?: ColumnOrName): Column {
  return invoke("try_to_binary", col, ...opt(format));
}
/** Like {@link to_number}, null where the input does not match. @example F.try_to_number("s", F.lit("99")) */
export function try_to_number(col: ColumnOrName, format: ColumnOrName): Column {
  return invoke("try_to_number", col, format);
}
/** The string if valid UTF-8, else null. @example F.try_validate_utf8("s") */
export function try_validate_utf8(str: ColumnOrName): Column {
  return invoke("try_validate_utf8", str);
}
/** The binary a base64 string stands for. @example F.unbase64("s") */
export function unbase64(col: ColumnOrName): Column {
  return invoke("unbase64", col);
}
/** The string if valid UTF-8, else an error. @example F.validate_utf8("s") */
export function validate_utf8(str: ColumnOrName): Column {
  return invoke("validate_utf8", str);
}
