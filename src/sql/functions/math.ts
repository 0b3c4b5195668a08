import { lit, type Column, type ColumnOrName } from "../column";
import { invoke } from "./invoke";

// PySpark's binary math functions take numbers as literals and strings as column names.
const operand = (x: ColumnOrName | number): ColumnOrName => (typeof x === "number" ? lit(x) : x);

/** Absolute value. @example F.abs("x") */
export function abs(col: ColumnOrName): Column {
  return invoke("abs", col);
}
/** Inverse cosine, in radians. @example F.acos("x") */
export function acos(col: ColumnOrName): Column {
  return invoke("acos", col);
}
/** Inverse hyperbolic cosine. @example F.acosh("x") */
export function acosh(col: ColumnOrName): Column {
  return invoke("acosh", col);
}
/** Inverse sine, in radians. @example F.asin("x") */
export function asin(col: ColumnOrName): Column {
  return invoke("asin", col);
}
/** Inverse hyperbolic sine. @example F.asinh("x") */
export function asinh(col: ColumnOrName): Column {
  return invoke("asinh", col);
}
/** Inverse tangent, in radians. @example F.atan("x") */
export function atan(col: ColumnOrName): Column {
  return invoke("atan", col);
}
/** The angle of the point (`col2`, `col1`), in radians. @example F.atan2("y", "x") */
export function atan2(col1: ColumnOrName | number, col2: ColumnOrName | number): Column {
  return invoke("atan2", operand(col1), operand(col2));
}
/** Inverse hyperbolic tangent. @example F.atanh("x") */
export function atanh(col: ColumnOrName): Column {
  return invoke("atanh", col);
}
/** The binary digits of a whole number, as a string. @example F.bin("n") */
export function bin(col: ColumnOrName): Column {
  return invoke("bin", col);
}
/** Cube root. @example F.cbrt("x") */
export function cbrt(col: ColumnOrName): Column {
  return invoke("cbrt", col);
}
/** A number from base `fromBase` to base `toBase`, as strings. @example F.conv("hex", 16, 10) */
export function conv(col: ColumnOrName, fromBase: number, toBase: number): Column {
  return invoke("conv", col, lit(fromBase), lit(toBase));
}
/** Cosine. @example F.cos("x") */
export function cos(col: ColumnOrName): Column {
  return invoke("cos", col);
}
/** Hyperbolic cosine. @example F.cosh("x") */
export function cosh(col: ColumnOrName): Column {
  return invoke("cosh", col);
}
/** Cotangent. @example F.cot("x") */
export function cot(col: ColumnOrName): Column {
  return invoke("cot", col);
}
/** Cosecant. @example F.csc("x") */
export function csc(col: ColumnOrName): Column {
  return invoke("csc", col);
}
/** Radians to degrees. @example F.degrees("x") */
export function degrees(col: ColumnOrName): Column {
  return invoke("degrees", col);
}
/** Euler's number e. @example F.e() */
export function e(): Column {
  return invoke("e");
}
/** e to the power of the value. @example F.exp("x") */
export function exp(col: ColumnOrName): Column {
  return invoke("exp", col);
}
/** `exp(x) - 1`, exact near 0. @example F.expm1("x") */
export function expm1(col: ColumnOrName): Column {
  return invoke("expm1", col);
}
/** Factorial (0 to 20). @example F.factorial("n") */
export function factorial(col: ColumnOrName): Column {
  return invoke("factorial", col);
}
/** The largest value of the columns, nulls skipped. @example F.greatest("a", "b") */
export function greatest(...cols: ColumnOrName[]): Column {
  return invoke("greatest", ...atLeastTwo("greatest", cols));
}
/** Hexadecimal text of a number, string or binary. @example F.hex("x") */
export function hex(col: ColumnOrName): Column {
  return invoke("hex", col);
}
/** `sqrt(a² + b²)` without overflow. @example F.hypot("a", "b") */
export function hypot(col1: ColumnOrName | number, col2: ColumnOrName | number): Column {
  return invoke("hypot", operand(col1), operand(col2));
}
/** The smallest value of the columns, nulls skipped. @example F.least("a", "b") */
export function least(...cols: ColumnOrName[]): Column {
  return invoke("least", ...atLeastTwo("least", cols));
}
/** Natural logarithm. @example F.ln("x") */
export function ln(col: ColumnOrName): Column {
  return invoke("ln", col);
}
/** Natural logarithm of `arg1`, or the logarithm of `arg2` in base `arg1`. @example F.log("x"); F.log(2, "x") */
export function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column {
  if (arg2 === undefined) return invoke("ln", operand(arg1));
  return invoke("log", operand(arg1), arg2);
}
/** Base-10 logarithm. @example F.log10("x") */
export function log10(col: ColumnOrName): Column {
  return invoke("log10", col);
}
/** `ln(1 + x)`, exact near 0. @example F.log1p("x") */
export function log1p(col: ColumnOrName): Column {
  return invoke("log1p", col);
}
/** Base-2 logarithm. @example F.log2("x") */
export function log2(col: ColumnOrName): Column {
  return invoke("log2", col);
}
/** `-x`. @example F.negative("x") */
export function negative(col: ColumnOrName): Column {
  return invoke("negative", col);
}
/** Alias of {@link negative}. @example F.negate("x") */
export function negate(col: ColumnOrName): Column {
  return negative(col);
}
/** π. @example F.pi() */
export function pi(): Column {
  return invoke("pi");
}
/** The non-negative remainder of `dividend / divisor`. @example F.pmod("a", 3) */
export function pmod(dividend: ColumnOrName | number, divisor: ColumnOrName | number): Column {
  return invoke("pmod", operand(dividend), operand(divisor));
}
/** `+x`, the value itself. @example F.positive("x") */
export function positive(col: ColumnOrName): Column {
  return invoke("positive", col);
}
/** `col1` to the power `col2`. @example F.pow("x", 2) */
export function pow(col1: ColumnOrName | number, col2: ColumnOrName | number): Column {
  return invoke("power", operand(col1), operand(col2));
}
/** Alias of {@link pow}. @example F.power("x", 2) */
export function power(col1: ColumnOrName | number, col2: ColumnOrName | number): Column {
  return pow(col1, col2);
}
/** Degrees to radians. @example F.radians("x") */
export function radians(col: ColumnOrName): Column {
  return invoke("radians", col);
}
/** The whole number closest to the value, as a double (half to even). @example F.rint("x") */
export function rint(col: ColumnOrName): Column {
  return invoke("rint", col);
}
/** Secant. @example F.sec("x") */
export function sec(col: ColumnOrName): Column {
  return invoke("sec", col);
}
/** -1, 0 or 1 by the sign of the value. @example F.sign("x") */
export function sign(col: ColumnOrName): Column {
  return invoke("sign", col);
}
/** Alias of {@link sign}. @example F.signum("x") */
export function signum(col: ColumnOrName): Column {
  return invoke("signum", col);
}
/** Sine. @example F.sin("x") */
export function sin(col: ColumnOrName): Column {
  return invoke("sin", col);
}
/** Hyperbolic sine. @example F.sinh("x") */
export function sinh(col: ColumnOrName): Column {
  return invoke("sinh", col);
}
/** Square root. @example F.sqrt("x") */
export function sqrt(col: ColumnOrName): Column {
  return invoke("sqrt", col);
}
/** Tangent. @example F.tan("x") */
export function tan(col: ColumnOrName): Column {
  return invoke("tan", col);
}
/** Hyperbolic tangent. @example F.tanh("x") */
export function tanh(col: ColumnOrName): Column {
  return invoke("tanh", col);
}
/** Deprecated alias of {@link degrees}. @example F.toDegrees("x") */
export function toDegrees(col: ColumnOrName): Column {
  return degrees(col);
}
/** Deprecated alias of {@link radians}. @example F.toRadians("x") */
export function toRadians(col: ColumnOrName): Column {
  return radians(col);
}
/** The bytes a hexadecimal string stands for. @example F.unhex("h") */
export function unhex(col: ColumnOrName): Column {
  return invoke("unhex", col);
}

function atLeastTwo(name: string, cols: readonly ColumnOrName[]): readonly ColumnOrName[] {
  if (cols.length < 2) throw new RangeError(`${name} needs at least 2 columns, got ${cols.length}`);
  return cols;
}
