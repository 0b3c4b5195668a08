import { expect } from "chai";
import { describe, it } from "mocha";
import { javaDoubleToString, javaFloatToString, jsonQuote } from "../../../src/arrow/jsonText";

// Expected texts are Java 25's Double.toString and Float.toString (the algorithm of Java 19+), which
// Spark's variant JSON uses; 300,000 random bit patterns agreed when this was written.

describe("javaDoubleToString: doubles as Java prints them", () => {
  it("prints plain decimals from 10^-3 up to 10^7, always with a fraction digit", () => {
    expect(javaDoubleToString(100)).to.equal("100.0");
    expect(javaDoubleToString(1.5)).to.equal("1.5");
    expect(javaDoubleToString(0.001)).to.equal("0.001");
    expect(javaDoubleToString(9999999.999)).to.equal("9999999.999");
    expect(javaDoubleToString(-1234567)).to.equal("-1234567.0");
  });

  it("prints computerized scientific notation outside that range", () => {
    expect(javaDoubleToString(1e7)).to.equal("1.0E7");
    expect(javaDoubleToString(12345678)).to.equal("1.2345678E7");
    expect(javaDoubleToString(1e-4)).to.equal("1.0E-4");
    expect(javaDoubleToString(-1e300)).to.equal("-1.0E300");
    expect(javaDoubleToString(1.7976931348623157e308)).to.equal("1.7976931348623157E308");
  });

  it("prints the shortest digits that read back, and two digits where one would do", () => {
    expect(javaDoubleToString(0.1 + 0.2)).to.equal("0.30000000000000004");
    expect(javaDoubleToString(2e23)).to.equal("2.0E23");
    expect(javaDoubleToString(4.9e-324)).to.equal("4.9E-324");
  });

  it("prints zeros, NaN and the infinities as Java does", () => {
    expect(javaDoubleToString(0)).to.equal("0.0");
    expect(javaDoubleToString(-0)).to.equal("-0.0");
    expect(javaDoubleToString(NaN)).to.equal("NaN");
    expect(javaDoubleToString(Infinity)).to.equal("Infinity");
    expect(javaDoubleToString(-Infinity)).to.equal("-Infinity");
  });
});

describe("javaFloatToString: floats as Java prints them", () => {
  it("prints the shortest digits that read back to the same float", () => {
    expect(javaFloatToString(Math.fround(0.1))).to.equal("0.1");
    expect(javaFloatToString(Math.fround(1.25))).to.equal("1.25");
    expect(javaFloatToString(Math.fround(3.4028235e38))).to.equal("3.4028235E38");
    expect(javaFloatToString(Math.fround(123456792))).to.equal("1.2345679E8");
    expect(javaFloatToString(Math.fround(1e10))).to.equal("1.0E10");
  });

  it("takes the even last digit when two shortest candidates are equally close", () => {
    // 345702.125 lies exactly between 345702.12 and 345702.13.
    expect(javaFloatToString(345702.125)).to.equal("345702.12");
  });

  it("picks the closest two-digit decimal for the smallest float", () => {
    expect(javaFloatToString(Math.fround(1e-45))).to.equal("1.4E-45");
  });
});

describe("jsonQuote: strings as Jackson writes them", () => {
  it("escapes quotes, backslashes and control characters, upper-case hex for the rest", () => {
    expect(jsonQuote('tab\tquote"nl\n\u0001\u001f\\')).to.equal('"tab\\tquote\\"nl\\n\\u0001\\u001F\\\\"');
    expect(jsonQuote("\b\f\r")).to.equal('"\\b\\f\\r"');
  });

  it("leaves everything else as is: slash, DEL, non-ASCII, line separators", () => {
    expect(jsonQuote("/\u007fé😀\u2028")).to.equal('"/\u007fé😀\u2028"');
  });
});
