import { DataType, checkedDataType } from "./dataType";
import type { JsonValue } from "./jsonText";

/**
 * An array of `elementType` values, which may be null unless `containsNull` is false.
 *
 * @example
 * ```ts
 * new ArrayType(new IntegerType()).simpleString();         // "array<int>"
 * new ArrayType(new StringType(), false).containsNull;     // false
 * ```
 */
export class ArrayType extends DataType {
  /** The type of each element. */
  readonly elementType: DataType;
  /** Whether an element may be null. */
  readonly containsNull: boolean;

  constructor(elementType: DataType, containsNull = true) {
    super();
    this.elementType = checkedDataType(elementType, "ArrayType elementType");
    this.containsNull = Boolean(containsNull);
    Object.freeze(this);
  }
  get kind(): "array" {
    return "array";
  }
  typeName(): string {
    return "array";
  }
  override simpleString(): string {
    return `array<${this.elementType.simpleString()}>`;
  }
  override jsonValue(): JsonValue {
    return { type: "array", elementType: this.elementType.jsonValue(), containsNull: this.containsNull };
  }
  protected override sameParameters(other: this): boolean {
    return this.containsNull === other.containsNull && this.elementType.equals(other.elementType);
  }
  toString(): string {
    return `ArrayType(${this.elementType.toString()}, ${this.containsNull})`;
  }
}

/**
 * A map from `keyType` keys (never null) to `valueType` values, which may be null unless
 * `valueContainsNull` is false.
 *
 * @example
 * ```ts
 * new MapType(new StringType(), new IntegerType()).simpleString(); // "map<string,int>"
 * ```
 */
export class MapType extends DataType {
  /** The type of the keys. */
  readonly keyType: DataType;
  /** The type of the values. */
  readonly valueType: DataType;
  /** Whether a value may be null. */
  readonly valueContainsNull: boolean;

  constructor(keyType: DataType, valueType: DataType, valueContainsNull = true) {
    super();
    this.keyType = checkedDataType(keyType, "MapType keyType");
    this.valueType = checkedDataType(valueType, "MapType valueType");
    this.valueContainsNull = Boolean(valueContainsNull);
    Object.freeze(this);
  }
  get kind(): "map" {
    return "map";
  }
  typeName(): string {
    return "map";
  }
  override simpleString(): string {
    return `map<${this.keyType.simpleString()},${this.valueType.simpleString()}>`;
  }
  override jsonValue(): JsonValue {
    return {
      type: "map",
      keyType: this.keyType.jsonValue(),
      valueType: this.valueType.jsonValue(),
      valueContainsNull: this.valueContainsNull,
    };
  }
  protected override sameParameters(other: this): boolean {
    return (
      this.valueContainsNull === other.valueContainsNull && this.keyType.equals(other.keyType) && this.valueType.equals(other.valueType)
    );
  }
  toString(): string {
    return `MapType(${this.keyType.toString()}, ${this.valueType.toString()}, ${this.valueContainsNull})`;
  }
}
