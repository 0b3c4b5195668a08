import { AtomicType } from "./dataType";
import { checkedWholeNumber, INT32_MAX } from "../validation";

/** Spark's default collation: strings compared byte by byte. */
export const UTF8_BINARY = "UTF8_BINARY";

/**
 * A character string, compared under a collation (by default `UTF8_BINARY`, byte by byte).
 *
 * @example
 * ```ts
 * new StringType().simpleString();             // "string"
 * new StringType("UTF8_LCASE").simpleString(); // "string collate UTF8_LCASE"
 * ```
 */
export class StringType extends AtomicType {
  /** The collation's name, as Spark spells it (`"UTF8_BINARY"`, `"UTF8_LCASE"`, `"UNICODE_CI"`, ...). */
  readonly collation: string;

  constructor(collation: string = UTF8_BINARY) {
    super();
    if (typeof collation !== "string" || collation === "") {
      throw new RangeError(`StringType collation must be a collation name, got ${JSON.stringify(collation)}`);
    }
    this.collation = collation;
    Object.freeze(this);
  }
  get kind(): "string" {
    return "string";
  }
  typeName(): string {
    return "string";
  }
  /** Whether this is the default collation, under which strings compare byte by byte. */
  isUTF8BinaryCollation(): boolean {
    return this.collation === UTF8_BINARY;
  }
  override simpleString(): string {
    return this.isUTF8BinaryCollation() ? "string" : `string collate ${this.collation}`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  protected override sameParameters(other: this): boolean {
    return this.collation === other.collation;
  }
  toString(): string {
    return this.isUTF8BinaryCollation() ? "StringType()" : `StringType(${JSON.stringify(this.collation)})`;
  }
}

/**
 * A string of exactly `length` characters (padded with spaces).
 *
 * @example
 * ```ts
 * new CharType(3).simpleString(); // "char(3)"
 * ```
 */
export class CharType extends AtomicType {
  /** The number of characters. */
  readonly length: number;

  constructor(length: number) {
    super();
    this.length = checkedWholeNumber(length, "CharType length", { min: 0, max: INT32_MAX });
    Object.freeze(this);
  }
  get kind(): "char" {
    return "char";
  }
  typeName(): string {
    return "char";
  }
  override simpleString(): string {
    return `char(${this.length})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  protected override sameParameters(other: this): boolean {
    return this.length === other.length;
  }
  toString(): string {
    return `CharType(${this.length})`;
  }
}

/**
 * A string of at most `length` characters.
 *
 * @example
 * ```ts
 * new VarcharType(10).simpleString(); // "varchar(10)"
 * ```
 */
export class VarcharType extends AtomicType {
  /** The most characters a value may have. */
  readonly length: number;

  constructor(length: number) {
    super();
    this.length = checkedWholeNumber(length, "VarcharType length", { min: 0, max: INT32_MAX });
    Object.freeze(this);
  }
  get kind(): "varChar" {
    return "varChar";
  }
  typeName(): string {
    return "varchar";
  }
  override simpleString(): string {
    return `varchar(${this.length})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  protected override sameParameters(other: this): boolean {
    return this.length === other.length;
  }
  toString(): string {
    return `VarcharType(${this.length})`;
  }
}
