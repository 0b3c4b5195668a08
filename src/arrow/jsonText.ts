// The pieces of JSON text Spark writes for variants (through Jackson and Java's number printing),
// reproduced so that our text equals Spark's `to_json(v)`.

/**
 * A double as Java's `Double.toString` prints it (Java 19 and later): plain between 10^-3 and 10^7
 * ("100.0", "0.001"), otherwise "d.dddE±n" ("1.0E-4", "1.2345678E7"), with the fewest digits that
 * read back to the same double. Java 17 and 18 sometimes printed more digits than needed
 * ("3.1859769497983683E18" for 3.185976949798368E18); Spark on those Javas does too.
 */
export function javaDoubleToString(x: number): string {
  return javaNumberText(x, (text) => Number(text) === Math.abs(x));
}

/** A float (given widened to a double) as Java's `Float.toString` prints it: see {@link javaDoubleToString}. */
export function javaFloatToString(x: number): string {
  return javaNumberText(x, (text) => Math.fround(Number(text)) === Math.abs(x));
}

function javaNumberText(x: number, readsBack: (text: string) => boolean): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(x);
  let precision = 1;
  while (!readsBack(magnitude.toPrecision(precision))) precision++;
  // Where one digit is enough, Java picks the closest decimal of two digits (1.4E-45, not 1.0E-45).
  precision = Math.max(precision, 2);
  const [mantissa = "", exponentText = "0"] = magnitude.toExponential(precision - 1).split("e");
  let digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  // toExponential rounds a tie up; Java takes the candidate whose last digit is even.
  const lower = String(BigInt(digits) - 1n);
  const scale = exponent - digits.length + 1;
  if (
    Number(digits.at(-1)) % 2 === 1 &&
    lower.length === digits.length &&
    readsBack(`${lower}e${scale}`) &&
    isMidpoint(magnitude, BigInt(digits), scale)
  ) {
    digits = lower;
  }
  return javaLayout(x < 0, digits.replace(/0+$/, "") || "0", exponent);
}

/** Whether `x` lies exactly halfway between (upper - 1)·10^scale and upper·10^scale. */
function isMidpoint(x: number, upper: bigint, scale: number): boolean {
  // x = mantissa · 2^binaryExponent exactly; compare 2x with (2·upper - 1)·10^scale in integers.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const binaryExponent = (biased === 0 ? 1 : biased) - 1075 + 1; // + 1 for the factor 2 of 2x
  const left = mantissa * 2n ** BigInt(Math.max(binaryExponent, 0)) * 10n ** BigInt(Math.max(-scale, 0));
  const right = (2n * upper - 1n) * 10n ** BigInt(Math.max(scale, 0)) * 2n ** BigInt(Math.max(-binaryExponent, 0));
  return left === right;
}

/** Java's layout of significant `digits` (no trailing zeros) times 10^exponent, for the first digit. */
function javaLayout(negative: boolean, digits: string, exponent: number): string {
  const sign = negative ? "-" : "";
  if (exponent >= -3 && exponent < 7) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
    return `${sign}${whole}.${digits.slice(exponent + 1) || "0"}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || "0"}E${exponent}`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/**
 * A JSON string literal as Jackson writes it: quotes, backslashes and control characters escaped
 * (the latter as `\u001F`, upper-case hex), everything else, non-ASCII included, as is.
 */
export function jsonQuote(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f]/g, (c) => {
    return SHORT_ESCAPES[c] ?? "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  });
  return `"${escaped}"`;
}
