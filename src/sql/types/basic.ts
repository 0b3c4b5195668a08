import { AtomicType, DataType, singleton } from "./dataType";

/**
 * The type of `NULL` when nothing else is known (Spark's `void`).
 *
 * @example
 * ```ts
 * new NullType().simpleString(); // "void"
 * ```
 */
export class NullType extends DataType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "null" {
    return "null";
  }
  typeName(): string {
    return "void";
  }
  toString(): string {
    return "NullType()";
  }
}

/**
 * `true` or `false`.
 *
 * @example
 * ```ts
 * new BooleanType().simpleString(); // "boolean"
 * ```
 */
export class BooleanType extends AtomicType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "boolean" {
    return "boolean";
  }
  typeName(): string {
    return "boolean";
  }
  toString(): string {
    return "BooleanType()";
  }
}

/**
 * A byte array.
 *
 * @example
 * ```ts
 * new BinaryType().simpleString(); // "binary"
 * ```
 */
export class BinaryType extends AtomicType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "binary" {
    return "binary";
  }
  typeName(): string {
    return "binary";
  }
  toString(): string {
    return "BinaryType()";
  }
}

/**
 * Semi-structured data (as `parse_json` makes), stored in Spark's binary variant encoding.
 *
 * @example
 * ```ts
 * new VariantType().simpleString(); // "variant"
 * ```
 */
export class VariantType extends AtomicType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "variant" {
    return "variant";
  }
  typeName(): string {
    return "variant";
  }
  toString(): string {
    return "VariantType()";
  }
}
