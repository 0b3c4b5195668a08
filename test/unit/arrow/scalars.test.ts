import { expect } from "chai";
import { describe, it } from "mocha";
import { Binary, Bool, Float32, Float64, Int16, Int32, Int64, Int8, LargeBinary, LargeUtf8, Null, Utf8 } from "apache-arrow";
import { formatDecimal } from "../../../src/arrow";
import { built, decimals, valuesOf } from "./arrowData";

describe("booleans and integers", () => {
  it("reads boolean as boolean, null as null", () => {
    expect(valuesOf(built(new Bool(), [true, false, null, true]))).to.deep.equal([true, false, null, true]);
  });

  it("reads tinyint, smallint and int as numbers, extremes included", () => {
    expect(valuesOf(built(new Int8(), [-128, 127, null]))).to.deep.equal([-128, 127, null]);
    expect(valuesOf(built(new Int16(), [-32768, 32767, null]))).to.deep.equal([-32768, 32767, null]);
    expect(valuesOf(built(new Int32(), [-2147483648, 2147483647, 0, null]))).to.deep.equal([-2147483648, 2147483647, 0, null]);
  });

  it("reads bigint as a JS bigint, exact beyond 2^53", () => {
    const values = [-(2n ** 63n), 2n ** 63n - 1n, 9007199254740993n, null];
    expect(valuesOf(built(new Int64(), values))).to.deep.equal(values);
  });
});

describe("float and double", () => {
  it("keeps NaN, the infinities and negative zero", () => {
    const [nan, inf, negInf, negZero, nul] = valuesOf(built(new Float64(), [NaN, Infinity, -Infinity, -0, null]));
    expect(nan).to.satisfy(Number.isNaN);
    expect(inf).to.equal(Infinity);
    expect(negInf).to.equal(-Infinity);
    expect(Object.is(negZero, -0)).to.equal(true);
    expect(nul).to.equal(null);
  });

  it("reads a float as the exact double it widens to", () => {
    expect(valuesOf(built(new Float32(), [1.5, 0.1, NaN]))).to.deep.equal([1.5, Math.fround(0.1), NaN]);
  });

  it("reads doubles bit for bit", () => {
    const values = [Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2, -1e-300];
    expect(valuesOf(built(new Float64(), values))).to.deep.equal(values);
  });
});

describe("decimal(p,s)", () => {
  it("reads a decimal as the string Spark's CAST(x AS STRING) prints, every digit of the scale kept", () => {
    expect(valuesOf(decimals(5, 2, [150n, -150n, 0n, 5n, -5n, null]))).to.deep.equal(["1.50", "-1.50", "0.00", "0.05", "-0.05", null]);
  });

  it("reads decimal(38,0) at both ends of its range", () => {
    const max = 10n ** 38n - 1n;
    expect(valuesOf(decimals(38, 0, [max, -max, 1n, -1n]))).to.deep.equal([
      "99999999999999999999999999999999999999",
      "-99999999999999999999999999999999999999",
      "1",
      "-1",
    ]);
  });

  it("reads decimal(38,38) at both ends of its range and at its smallest step", () => {
    const max = 10n ** 38n - 1n;
    expect(valuesOf(decimals(38, 38, [max, -max, 1n, -1n, 0n]))).to.deep.equal([
      "0.99999999999999999999999999999999999999",
      "-0.99999999999999999999999999999999999999",
      "0.00000000000000000000000000000000000001",
      "-0.00000000000000000000000000000000000001",
      "0.00000000000000000000000000000000000000",
    ]);
  });

  it("never goes through a float: digits beyond a double's precision survive", () => {
    expect(valuesOf(decimals(38, 18, [12345678901234567890123456789012345678n]))).to.deep.equal([
      "12345678901234567890.123456789012345678",
    ]);
  });

  it("reads the full 128-bit two's complement range Arrow can store", () => {
    expect(valuesOf(decimals(38, 0, [2n ** 127n - 1n, -(2n ** 127n)]))).to.deep.equal([
      "170141183460469231731687303715884105727",
      "-170141183460469231731687303715884105728",
    ]);
  });

  it("formats an unscaled value and a scale the same way on its own (formatDecimal)", () => {
    expect(formatDecimal(150n, 2)).to.equal("1.50");
    expect(formatDecimal(-1n, 8)).to.equal("-0.00000001");
    expect(formatDecimal(12n, 0)).to.equal("12");
    // A negative scale (which Spark refuses by default) appends zeros rather than an exponent.
    expect(formatDecimal(12n, -2)).to.equal("1200");
  });
});

describe("string and binary", () => {
  it("reads any Unicode: emoji, combining marks, scripts, NUL, the empty string", () => {
    const values = ["héllo", "😀👩‍👩‍👧", "e\u0301", "日本語", "a\u0000b", "", "\u{10FFFF}", null];
    expect(valuesOf(built(new Utf8(), values))).to.deep.equal(values);
  });

  it("keeps combining marks as sent, without normalizing them", () => {
    const [decomposed] = valuesOf(built(new Utf8(), ["e\u0301"]));
    expect(decomposed).to.have.length(2);
  });

  it("reads binary as a Uint8Array of its own, not a view into the Arrow batch", () => {
    const [bytes, empty, nul] = valuesOf(built(new Binary(), [new Uint8Array([0, 255, 16]), new Uint8Array(0), null]));
    expect(bytes).to.deep.equal(new Uint8Array([0, 255, 16]));
    expect((bytes as Uint8Array).buffer.byteLength).to.equal(3);
    expect(empty).to.deep.equal(new Uint8Array(0));
    expect(nul).to.equal(null);
  });

  it("reads large_string and large_binary (spark.sql.execution.arrow.useLargeVarTypes) the same way", () => {
    expect(valuesOf(built(new LargeUtf8(), ["héllo", null, ""]))).to.deep.equal(["héllo", null, ""]);
    expect(valuesOf(built(new LargeBinary(), [new Uint8Array([1, 2]), null]))).to.deep.equal([new Uint8Array([1, 2]), null]);
  });

  it("reads void (Arrow null) as null", () => {
    expect(valuesOf(built(new Null(), [null, null]))).to.deep.equal([null, null]);
  });
});
