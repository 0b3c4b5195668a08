import type { Expression, Expression_Literal } from "../../gen/spark/connect/expressions";

/** JS values that map to a Spark literal without a declared type. */
export type LiteralValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Date
  | Uint8Array;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * The Spark literal for a JS value, with the type Spark infers for it in PySpark: whole numbers
 * are `int` when they fit, else `bigint`; other numbers `double`; bigint `bigint`; Date a
 * `timestamp` (an instant); bytes `binary`; null an untyped `NULL`.
 *
 * @example
 * ```ts
 * literalOf(42);   // { integer: 42 }
 * literalOf(2.5);  // { double: 2.5 }
 * literalOf(10n);  // { long: 10n }
 * ```
 */
export function literalOf(value: LiteralValue): Expression_Literal {
  if (value === null) {
    return { literalType: { $case: "null", null: { kind: { $case: "null", null: { typeVariationReference: 0 } } } } };
  }
  switch (typeof value) {
    case "boolean":
      return { literalType: { $case: "boolean", boolean: value } };
    case "number":
      if (Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX) {
        return { literalType: { $case: "integer", integer: value } };
      }
      if (Number.isSafeInteger(value)) return { literalType: { $case: "long", long: BigInt(value) } };
      return { literalType: { $case: "double", double: value } };
    case "bigint":
      if (value < LONG_MIN || value > LONG_MAX) {
        throw new RangeError(`${value} does not fit in a Spark bigint (64-bit); use a decimal literal instead`);
      }
      return { literalType: { $case: "long", long: value } };
    case "string":
      return { literalType: { $case: "string", string: value } };
  }
  if (value instanceof Date) {
    const millis = value.getTime();
    if (Number.isNaN(millis)) throw new RangeError("an invalid Date has no Spark timestamp");
    return { literalType: { $case: "timestamp", timestamp: BigInt(millis) * 1000n } };
  }
  if (value instanceof Uint8Array) {
    return { literalType: { $case: "binary", binary: Buffer.from(value.buffer, value.byteOffset, value.byteLength) } };
  }
  throw new TypeError(`a ${describe(value)} cannot be a Spark literal`);
}

/** A literal as an expression. */
export function literalExpression(value: LiteralValue): Expression {
  return { exprType: { $case: "literal", literal: literalOf(value) } };
}

function describe(value: unknown): string {
  return value === null ? "null" : typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
}
