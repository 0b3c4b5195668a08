import { AtomicType, singleton } from "./dataType";
import { checkedWholeNumber } from "../validation";

/** The numeric types. */
export abstract class NumericType extends AtomicType {}

/** The whole-number types: `tinyint`, `smallint`, `int`, `bigint`. */
export abstract class IntegralType extends NumericType {}

/** The types with a fraction: `float`, `double`, `decimal(p,s)`. */
export abstract class FractionalType extends NumericType {}

/**
 * A signed 8-bit integer (`tinyint`).
 *
 * @example
 * ```ts
 * new ByteType().simpleString(); // "tinyint"
 * ```
 */
export class ByteType extends IntegralType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "byte" {
    return "byte";
  }
  typeName(): string {
    return "byte";
  }
  override simpleString(): string {
    return "tinyint";
  }
  toString(): string {
    return "ByteType()";
  }
}

/**
 * A signed 16-bit integer (`smallint`).
 *
 * @example
 * ```ts
 * new ShortType().simpleString(); // "smallint"
 * ```
 */
export class ShortType extends IntegralType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "short" {
    return "short";
  }
  typeName(): string {
    return "short";
  }
  override simpleString(): string {
    return "smallint";
  }
  toString(): string {
    return "ShortType()";
  }
}

/**
 * A signed 32-bit integer (`int`).
 *
 * @example
 * ```ts
 * new IntegerType().simpleString(); // "int"
 * new IntegerType().json();         // '"integer"'
 * ```
 */
export class IntegerType extends IntegralType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "integer" {
    return "integer";
  }
  typeName(): string {
    return "integer";
  }
  override simpleString(): string {
    return "int";
  }
  toString(): string {
    return "IntegerType()";
  }
}

/**
 * A signed 64-bit integer (`bigint`); beyond its range, use {@link DecimalType}.
 *
 * @example
 * ```ts
 * new LongType().simpleString(); // "bigint"
 * ```
 */
export class LongType extends IntegralType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "long" {
    return "long";
  }
  typeName(): string {
    return "long";
  }
  override simpleString(): string {
    return "bigint";
  }
  toString(): string {
    return "LongType()";
  }
}

/**
 * A single-precision (32-bit) float.
 *
 * @example
 * ```ts
 * new FloatType().simpleString(); // "float"
 * ```
 */
export class FloatType extends FractionalType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "float" {
    return "float";
  }
  typeName(): string {
    return "float";
  }
  toString(): string {
    return "FloatType()";
  }
}

/**
 * A double-precision (64-bit) float.
 *
 * @example
 * ```ts
 * new DoubleType().simpleString(); // "double"
 * ```
 */
export class DoubleType extends FractionalType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "double" {
    return "double";
  }
  typeName(): string {
    return "double";
  }
  toString(): string {
    return "DoubleType()";
  }
}

/**
 * A fixed-point decimal: `precision` digits in all, `scale` of them after the point. The defaults
 * are PySpark's, (10, 0). A negative scale is accepted because a server with
 * `spark.sql.legacy.allowNegativeScaleOfDecimal` can produce one.
 *
 * @example
 * ```ts
 * new DecimalType(10, 2).simpleString(); // "decimal(10,2)"
 * new DecimalType().simpleString();      // "decimal(10,0)"
 * ```
 */
export class DecimalType extends FractionalType {
  /** The most digits a Spark decimal holds. */
  static readonly MAX_PRECISION = 38;

  /** The number of digits in all. */
  readonly precision: number;
  /** The number of digits after the point. */
  readonly scale: number;

  constructor(precision = 10, scale = 0) {
    super();
    this.precision = checkedWholeNumber(precision, "DecimalType precision", { min: 1, max: DecimalType.MAX_PRECISION });
    this.scale = checkedWholeNumber(scale, "DecimalType scale", { min: -DecimalType.MAX_PRECISION, max: precision });
    Object.freeze(this);
  }
  get kind(): "decimal" {
    return "decimal";
  }
  typeName(): string {
    return "decimal";
  }
  override simpleString(): string {
    return `decimal(${this.precision},${this.scale})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  protected override sameParameters(other: this): boolean {
    return this.precision === other.precision && this.scale === other.scale;
  }
  toString(): string {
    return `DecimalType(${this.precision},${this.scale})`;
  }
}
