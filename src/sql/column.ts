import type { Expression } from "../gen/spark/connect/expressions";
import { attribute, call, sqlExpression, star } from "./plan/expression";
import { aliasExpression, caseWhenArguments, castExpression, extractValue, sortOrder, updateFields } from "./plan/columnNodes";
import { literalExpression, typedLiteralExpression, type LiteralValue } from "./plan/literal";
import type { DataType, FieldMetadata } from "./types";
import type { WindowSpec } from "./window";

export type { LiteralValue } from "./plan/literal";

/** A column given as a {@link Column} or by its name, as PySpark's functions accept. */
export type ColumnOrName = Column | string;

/** An operand of a Column operator: another Column, or a JS value that becomes a literal. */
export type ColumnOrLiteral = Column | LiteralValue;

/** Options of {@link Column.alias}. */
export interface AliasOptions {
  /** Metadata of the resulting field (a JSON object), as `df.schema` shows it. */
  readonly metadata?: FieldMetadata;
}

/**
 * An expression over the columns of a DataFrame: built on the client as an immutable value, and
 * evaluated by the server when the DataFrame that uses it runs. Operators are Spark's named
 * methods (`equalTo`, `plus`, `and`, ...), as in Scala, since JS has no operator overloading.
 *
 * In the examples, `spark` is a SparkSession; `people` is
 * `await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }])` (`age` is a
 * LongType column, so its values are bigints) and `guests` is
 * `await spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Grace", age: null }, { name: null, age: 41 }])`;
 * `F` is the functions namespace (`import { functions as F } from "spark-ts"`), and `col`, `lit`
 * and `Window` are the package's own exports. The comment after a Column is the SQL expression it
 * means (Spark mostly names an unaliased column by that text, leaving out the quotes of string
 * literals); the comment after an `await` is what it returns.
 *
 * @example
 * ```ts
 * col("age").plus(1).alias("next"); // (age + 1) AS next
 * await people.select(col("name"), col("age").plus(1).alias("next")).where(col("age").gt(40)).collect(); // [{ name: "Alan", next: 42n }]
 * ```
 */
export class Column {
  /** @internal Use {@link col}, {@link lit}, `df.col(name)` or a function of `F`. */
  constructor(
    /** @internal The expression (frozen). */
    readonly expr: Expression,
  ) {}

  // ---- comparison ----

  /**
   * `this = other` (SQL equality: a null on either side gives null).
   *
   * @example
   * ```ts
   * col("age").equalTo(36); // (age = 36)
   * await people.where(col("age").equalTo(36)).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  equalTo(other: ColumnOrLiteral): Column {
    return this.binary("==", other);
  }

  /**
   * `this <> other`, i.e. `NOT (this = other)`.
   *
   * @example
   * ```ts
   * col("age").notEqual(36); // (NOT (age = 36))
   * await people.where(col("age").notEqual(36)).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  notEqual(other: ColumnOrLiteral): Column {
    return this.equalTo(other).not();
  }

  /**
   * `this > other`.
   *
   * @example
   * ```ts
   * col("age").gt(40); // (age > 40)
   * await people.where(col("age").gt(40)).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  gt(other: ColumnOrLiteral): Column {
    return this.binary(">", other);
  }

  /**
   * `this < other`.
   *
   * @example
   * ```ts
   * col("age").lt(40); // (age < 40)
   * await people.where(col("age").lt(40)).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  lt(other: ColumnOrLiteral): Column {
    return this.binary("<", other);
  }

  /**
   * `this >= other`.
   *
   * @example
   * ```ts
   * col("age").geq(41); // (age >= 41)
   * await people.where(col("age").geq(41)).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  geq(other: ColumnOrLiteral): Column {
    return this.binary(">=", other);
  }

  /**
   * `this <= other`.
   *
   * @example
   * ```ts
   * col("age").leq(36); // (age <= 36)
   * await people.where(col("age").leq(36)).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  leq(other: ColumnOrLiteral): Column {
    return this.binary("<=", other);
  }

  /**
   * `this <=> other`: equality that treats two nulls as equal and never gives null.
   *
   * @example
   * ```ts
   * col("age").eqNullSafe(null); // (age <=> NULL)
   * await guests.select(col("age").eqNullSafe(null).alias("safe"), col("age").equalTo(null).alias("plain")).collect();
   * // [{ safe: false, plain: null }, { safe: true, plain: null }, { safe: false, plain: null }]
   * ```
   */
  eqNullSafe(other: ColumnOrLiteral): Column {
    return this.binary("<=>", other);
  }

  /**
   * `lower <= this AND this <= upper`.
   *
   * @example
   * ```ts
   * col("age").between(30, 40); // ((age >= 30) AND (age <= 40))
   * await people.where(col("age").between(30, 40)).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  between(lower: ColumnOrLiteral, upper: ColumnOrLiteral): Column {
    return this.geq(lower).and(this.leq(upper));
  }

  /**
   * `this IN (values...)`; the values may be given as one array.
   *
   * @example
   * ```ts
   * col("age").isin(36, 50); // (age IN (36, 50))
   * col("age").isin([36, 50]); // (age IN (36, 50))
   * await people.where(col("age").isin(36, 50)).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  isin(...values: ColumnOrLiteral[] | [readonly ColumnOrLiteral[]]): Column {
    const list =
      values.length === 1 && Array.isArray(values[0]) ? (values[0] as readonly ColumnOrLiteral[]) : (values as ColumnOrLiteral[]);
    return new Column(call("in", [this.expr, ...list.map(toExpression)]));
  }

  // ---- arithmetic ----

  /**
   * `this + other`.
   *
   * @example
   * ```ts
   * col("age").plus(1); // (age + 1)
   * await people.select(col("age").plus(1).alias("next")).collect(); // [{ next: 37n }, { next: 42n }]
   * ```
   */
  plus(other: ColumnOrLiteral): Column {
    return this.binary("+", other);
  }

  /**
   * `this - other`.
   *
   * @example
   * ```ts
   * col("age").minus(1); // (age - 1)
   * await people.select(col("age").minus(1).alias("before")).collect(); // [{ before: 35n }, { before: 40n }]
   * ```
   */
  minus(other: ColumnOrLiteral): Column {
    return this.binary("-", other);
  }

  /**
   * `this * other`.
   *
   * @example
   * ```ts
   * col("age").multiply(2); // (age * 2)
   * await people.select(col("age").multiply(2).alias("twice")).collect(); // [{ twice: 72n }, { twice: 82n }]
   * ```
   */
  multiply(other: ColumnOrLiteral): Column {
    return this.binary("*", other);
  }

  /**
   * `this / other` (always fractional; see `F.try_divide` for a null instead of an error on zero).
   *
   * @example
   * ```ts
   * col("age").divide(4); // (age / 4)
   * await people.select(col("age").divide(4).alias("quarter")).collect(); // [{ quarter: 9 }, { quarter: 10.25 }]
   * ```
   */
  divide(other: ColumnOrLiteral): Column {
    return this.binary("/", other);
  }

  /**
   * `this % other`, the remainder.
   *
   * @example
   * ```ts
   * col("age").mod(10); // (age % 10)
   * await people.select(col("age").mod(10).alias("lastDigit")).collect(); // [{ lastDigit: 6n }, { lastDigit: 1n }]
   * ```
   */
  mod(other: ColumnOrLiteral): Column {
    return this.binary("%", other);
  }

  /**
   * `-this` (PySpark's unary minus).
   *
   * @example
   * ```ts
   * col("age").negate(); // negative(age)
   * await people.select(col("age").negate().alias("neg")).collect(); // [{ neg: -36n }, { neg: -41n }]
   * ```
   */
  negate(): Column {
    return this.unary("negative");
  }

  // ---- logic and bits ----

  /**
   * `this AND other`.
   *
   * @example
   * ```ts
   * col("age").gt(30).and(col("age").lt(40)); // ((age > 30) AND (age < 40))
   * await people.where(col("age").gt(30).and(col("age").lt(40))).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  and(other: ColumnOrLiteral): Column {
    return this.binary("and", other);
  }

  /**
   * `this OR other`.
   *
   * @example
   * ```ts
   * col("age").lt(30).or(col("age").gt(40)); // ((age < 30) OR (age > 40))
   * await people.where(col("age").lt(30).or(col("age").gt(40))).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  or(other: ColumnOrLiteral): Column {
    return this.binary("or", other);
  }

  /**
   * `NOT this` (PySpark's `~`).
   *
   * @example
   * ```ts
   * col("age").gt(40).not(); // (NOT (age > 40))
   * await people.where(col("age").gt(40).not()).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  not(): Column {
    return this.unary("not");
  }

  /**
   * `this & other`, bitwise.
   *
   * @example
   * ```ts
   * col("age").bitwiseAND(1); // (age & 1)
   * await people.select(col("age").bitwiseAND(1).alias("odd")).collect(); // [{ odd: 0n }, { odd: 1n }]
   * ```
   */
  bitwiseAND(other: ColumnOrLiteral): Column {
    return this.binary("&", other);
  }

  /**
   * `this | other`, bitwise.
   *
   * @example
   * ```ts
   * col("age").bitwiseOR(1); // (age | 1)
   * await people.select(col("age").bitwiseOR(1).alias("r")).collect(); // [{ r: 37n }, { r: 41n }]
   * ```
   */
  bitwiseOR(other: ColumnOrLiteral): Column {
    return this.binary("|", other);
  }

  /**
   * `this ^ other`, bitwise.
   *
   * @example
   * ```ts
   * col("age").bitwiseXOR(1); // (age ^ 1)
   * await people.select(col("age").bitwiseXOR(1).alias("r")).collect(); // [{ r: 37n }, { r: 40n }]
   * ```
   */
  bitwiseXOR(other: ColumnOrLiteral): Column {
    return this.binary("^", other);
  }

  // ---- nulls ----

  /**
   * Whether the value is null.
   *
   * @example
   * ```ts
   * col("age").isNull(); // (age IS NULL)
   * await guests.where(col("age").isNull()).collect(); // [{ name: "Grace", age: null }]
   * ```
   */
  isNull(): Column {
    return this.unary("isNull");
  }

  /**
   * Whether the value is not null.
   *
   * @example
   * ```ts
   * col("name").isNotNull(); // (name IS NOT NULL)
   * await guests.where(col("name").isNotNull()).collect(); // [{ name: "Ada", age: 36n }, { name: "Grace", age: null }]
   * ```
   */
  isNotNull(): Column {
    return this.unary("isNotNull");
  }

  /**
   * Whether the value is NaN.
   *
   * @example
   * ```ts
   * F.sqrt(lit(-1)).isNaN(); // isnan(SQRT(-1))
   * await spark.range(1).select(F.sqrt(lit(-1)).isNaN().alias("nan"), F.sqrt(lit(4)).isNaN().alias("two")).collect();
   * // [{ nan: true, two: false }]
   * ```
   */
  isNaN(): Column {
    return this.unary("isNaN");
  }

  // ---- strings ----

  /**
   * SQL `LIKE` with `%` and `_` wildcards.
   *
   * @example
   * ```ts
   * col("name").like("Al%"); // name LIKE 'Al%'
   * await people.where(col("name").like("A_a")).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  like(pattern: ColumnOrLiteral): Column {
    return this.binary("like", pattern);
  }

  /**
   * Case-insensitive SQL `LIKE`.
   *
   * @example
   * ```ts
   * col("name").ilike("al%"); // ilike(name, 'al%')
   * await people.where(col("name").ilike("al%")).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  ilike(pattern: ColumnOrLiteral): Column {
    return this.binary("ilike", pattern);
  }

  /**
   * Whether a Java regular expression matches part of the value.
   *
   * @example
   * ```ts
   * col("name").rlike("la"); // RLIKE(name, 'la')
   * await people.where(col("name").rlike("^A.a$")).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  rlike(pattern: ColumnOrLiteral): Column {
    return this.binary("rlike", pattern);
  }

  /**
   * Whether the value contains `other`.
   *
   * @example
   * ```ts
   * col("name").contains("la"); // contains(name, 'la')
   * await people.where(col("name").contains("la")).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  contains(other: ColumnOrLiteral): Column {
    return this.binary("contains", other);
  }

  /**
   * Whether the value starts with `other` (PySpark's spelling).
   *
   * @example
   * ```ts
   * col("name").startswith("Al"); // startswith(name, 'Al')
   * await people.where(col("name").startswith("Al")).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  startswith(other: ColumnOrLiteral): Column {
    return this.binary("startsWith", other);
  }

  /**
   * Alias of {@link Column.startswith} (Scala's spelling).
   *
   * @example
   * ```ts
   * col("name").startsWith("Al"); // startswith(name, 'Al')
   * await people.where(col("name").startsWith("Al")).collect(); // [{ name: "Alan", age: 41n }]
   * ```
   */
  startsWith(other: ColumnOrLiteral): Column {
    return this.startswith(other);
  }

  /**
   * Whether the value ends with `other` (PySpark's spelling).
   *
   * @example
   * ```ts
   * col("name").endswith("a"); // endswith(name, 'a')
   * await people.where(col("name").endswith("a")).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  endswith(other: ColumnOrLiteral): Column {
    return this.binary("endsWith", other);
  }

  /**
   * Alias of {@link Column.endswith} (Scala's spelling).
   *
   * @example
   * ```ts
   * col("name").endsWith("a"); // endswith(name, 'a')
   * await people.where(col("name").endsWith("a")).collect(); // [{ name: "Ada", age: 36n }]
   * ```
   */
  endsWith(other: ColumnOrLiteral): Column {
    return this.endswith(other);
  }

  /**
   * The substring of `length` characters from 1-based position `startPos` (bytes for binary).
   *
   * @example
   * ```ts
   * col("name").substr(1, 2); // substr(name, 1, 2)
   * await people.select(col("name").substr(1, 2).alias("initials")).collect(); // [{ initials: "Ad" }, { initials: "Al" }]
   * ```
   */
  substr(startPos: number | Column, length: number | Column): Column {
    if (typeof startPos !== typeof length)
      throw new TypeError("substr needs startPos and length of the same kind (both numbers or both Columns)");
    return new Column(call("substr", [this.expr, toExpression(startPos), toExpression(length)]));
  }

  // ---- names and types ----

  /**
   * The column under a new name (several names for a generator such as `posexplode`).
   *
   * @example
   * ```ts
   * col("age").alias("years"); // age AS years
   * (await people.select(col("age").alias("years", { metadata: { unit: "y" } })).schema).fields[0].metadata; // { unit: "y" }
   * await spark.range(1).select(F.posexplode(F.array(lit("a"), lit("b"))).alias("pos", "letter")).collect();
   * // [{ pos: 0, letter: "a" }, { pos: 1, letter: "b" }]
   * ```
   */
  alias(name: string, options: AliasOptions): Column;
  alias(...names: string[]): Column;
  alias(...args: Array<string | AliasOptions>): Column {
    const last = args[args.length - 1];
    const options = typeof last === "object" ? last : undefined;
    const names = (options ? args.slice(0, -1) : args) as string[];
    return new Column(aliasExpression(this.expr, names, options?.metadata));
  }

  /**
   * Alias of {@link Column.alias}.
   *
   * @example
   * ```ts
   * col("age").name("years"); // age AS years
   * await people.select(col("age").name("years")).collect(); // [{ years: 36n }, { years: 41n }]
   * ```
   */
  name(name: string, options: AliasOptions): Column;
  name(...names: string[]): Column;
  name(...args: Array<string | AliasOptions>): Column {
    return this.alias(...(args as [string, AliasOptions]));
  }

  /**
   * Alias of {@link Column.alias} (Scala's spelling).
   *
   * @example
   * ```ts
   * col("age").as("years"); // age AS years
   * await people.select(col("age").as("years")).collect(); // [{ years: 36n }, { years: 41n }]
   * ```
   */
  as(name: string, options: AliasOptions): Column;
  as(...names: string[]): Column;
  as(...args: Array<string | AliasOptions>): Column {
    return this.alias(...(args as [string, AliasOptions]));
  }

  /**
   * The value converted to another type: a {@link DataType} or a DDL type string.
   *
   * @example
   * ```ts
   * col("age").cast("string"); // CAST(age AS STRING)
   * await people.select(col("age").cast("string")).collect(); // [{ age: "36" }, { age: "41" }]
   * await people.select(col("age").cast(new DecimalType(5, 1))).collect(); // [{ age: "36.0" }, { age: "41.0" }]
   * ```
   */
  cast(dataType: DataType | string): Column {
    return new Column(castExpression(this.expr, dataType));
  }

  /**
   * Alias of {@link Column.cast}.
   *
   * @example
   * ```ts
   * col("age").astype("double"); // CAST(age AS DOUBLE)
   * await people.select(col("age").astype("double")).collect(); // [{ age: 36 }, { age: 41 }]
   * ```
   */
  astype(dataType: DataType | string): Column {
    return this.cast(dataType);
  }

  /**
   * Like {@link Column.cast}, but null where the value cannot be converted.
   *
   * @example
   * ```ts
   * col("name").try_cast("int"); // TRY_CAST(name AS INT)
   * await people.select(col("name").try_cast("int")).collect(); // [{ name: null }, { name: null }]
   * await people.select(col("name").cast("int")).collect(); // throws [CAST_INVALID_INPUT] The value 'Ada' ... cannot be cast to "INT"
   * ```
   */
  try_cast(dataType: DataType | string): Column {
    return new Column(castExpression(this.expr, dataType, "try"));
  }

  // ---- nested values ----

  /**
   * The array element at 0-based `key`, or the map value for `key`.
   *
   * @example
   * ```ts
   * F.array(lit(10), lit(20)).getItem(1); // array(10, 20)[1]
   * F.create_map(lit("a"), lit(1)).getItem("a"); // map('a', 1)['a']
   * await spark.range(1).select(F.array(lit(10), lit(20)).getItem(1).alias("second")).collect(); // [{ second: 20 }]
   * ```
   */
  getItem(key: ColumnOrLiteral): Column {
    return new Column(extractValue(this.expr, toExpression(key)));
  }

  /**
   * The struct field `name`.
   *
   * @example
   * ```ts
   * const nested = people.select(F.struct("name", "age").alias("p"));
   * col("p").getField("name"); // p.name
   * await nested.select(col("p").getField("name")).collect(); // [{ "p.name": "Ada" }, { "p.name": "Alan" }]
   * ```
   */
  getField(name: string | Column): Column {
    return new Column(extractValue(this.expr, toExpression(name)));
  }

  /**
   * The struct with field `fieldName` added, or replaced by `value`.
   *
   * @example
   * ```ts
   * const nested = people.select(F.struct("name", "age").alias("p"));
   * await nested.select(col("p").withField("next", col("p.age").plus(1)).alias("p")).collect();
   * // [{ p: { name: "Ada", age: 36n, next: 37n } }, { p: { name: "Alan", age: 41n, next: 42n } }]
   * ```
   */
  withField(fieldName: string, value: Column): Column {
    if (!(value instanceof Column)) throw new TypeError("withField needs a Column value (use lit() for a constant)");
    return new Column(updateFields(this.expr, fieldName, value.expr));
  }

  /**
   * The struct without the named fields (a dotted name reaches into a nested struct).
   *
   * @example
   * ```ts
   * const nested = people.select(F.struct("name", "age").alias("p"));
   * await nested.select(col("p").dropFields("age").alias("p")).collect(); // [{ p: { name: "Ada" } }, { p: { name: "Alan" } }]
   * ```
   */
  dropFields(...fieldNames: string[]): Column {
    if (fieldNames.length === 0) throw new RangeError("dropFields needs at least one field name");
    return new Column(fieldNames.reduce((struct, name) => updateFields(struct, name), this.expr));
  }

  // ---- CASE WHEN ----

  /**
   * One more branch of a CASE WHEN started with `F.when`.
   *
   * @example
   * ```ts
   * F.when(col("age").lt(40), "young").when(col("age").lt(60), "middle");
   * // CASE WHEN (age < 40) THEN 'young' WHEN (age < 60) THEN 'middle' END
   * await people.select(F.when(col("age").lt(40), "young").when(col("age").lt(60), "middle").alias("band")).collect();
   * // [{ band: "young" }, { band: "middle" }]
   * ```
   */
  when(condition: Column, value: ColumnOrLiteral): Column {
    const caseWhen = caseWhenArguments(this.expr);
    if (!caseWhen || caseWhen.hasElse) throw new TypeError("when() can only follow F.when() or another when(), before otherwise()");
    if (!(condition instanceof Column)) throw new TypeError("when() needs a Column condition");
    return new Column(call("when", [...caseWhen.args, condition.expr, toExpression(value)]));
  }

  /**
   * The value of a CASE WHEN when no branch matches (null if not given).
   *
   * @example
   * ```ts
   * F.when(col("age").gt(40), "senior").otherwise("junior"); // CASE WHEN (age > 40) THEN 'senior' ELSE 'junior' END
   * await people.select(F.when(col("age").gt(40), "senior").otherwise("junior").alias("level")).collect();
   * // [{ level: "junior" }, { level: "senior" }]
   * ```
   */
  otherwise(value: ColumnOrLiteral): Column {
    const caseWhen = caseWhenArguments(this.expr);
    if (!caseWhen || caseWhen.hasElse) throw new TypeError("otherwise() can only follow F.when() or when(), once");
    return new Column(call("when", [...caseWhen.args, toExpression(value)]));
  }

  // ---- ordering and windows ----

  /**
   * Ascending sort key, nulls first (Spark's default).
   *
   * @example
   * ```ts
   * col("age").asc(); // age ASC NULLS FIRST
   * await guests.select("age").orderBy(col("age").asc()).collect(); // [{ age: null }, { age: 36n }, { age: 41n }]
   * ```
   */
  asc(): Column {
    return this.asc_nulls_first();
  }

  /**
   * Ascending sort key, nulls first.
   *
   * @example
   * ```ts
   * col("age").asc_nulls_first(); // age ASC NULLS FIRST
   * await guests.select("age").orderBy(col("age").asc_nulls_first()).collect(); // [{ age: null }, { age: 36n }, { age: 41n }]
   * ```
   */
  asc_nulls_first(): Column {
    return new Column(sortOrder(this.expr, true, true));
  }

  /**
   * Ascending sort key, nulls last.
   *
   * @example
   * ```ts
   * col("age").asc_nulls_last(); // age ASC NULLS LAST
   * await guests.select("age").orderBy(col("age").asc_nulls_last()).collect(); // [{ age: 36n }, { age: 41n }, { age: null }]
   * ```
   */
  asc_nulls_last(): Column {
    return new Column(sortOrder(this.expr, true, false));
  }

  /**
   * Descending sort key, nulls last (Spark's default).
   *
   * @example
   * ```ts
   * col("age").desc(); // age DESC NULLS LAST
   * await guests.select("age").orderBy(col("age").desc()).collect(); // [{ age: 41n }, { age: 36n }, { age: null }]
   * ```
   */
  desc(): Column {
    return this.desc_nulls_last();
  }

  /**
   * Descending sort key, nulls first.
   *
   * @example
   * ```ts
   * col("age").desc_nulls_first(); // age DESC NULLS FIRST
   * await guests.select("age").orderBy(col("age").desc_nulls_first()).collect(); // [{ age: null }, { age: 41n }, { age: 36n }]
   * ```
   */
  desc_nulls_first(): Column {
    return new Column(sortOrder(this.expr, false, true));
  }

  /**
   * Descending sort key, nulls last.
   *
   * @example
   * ```ts
   * col("age").desc_nulls_last(); // age DESC NULLS LAST
   * await guests.select("age").orderBy(col("age").desc_nulls_last()).collect(); // [{ age: 41n }, { age: 36n }, { age: null }]
   * ```
   */
  desc_nulls_last(): Column {
    return new Column(sortOrder(this.expr, false, false));
  }

  /**
   * This aggregate or window function evaluated over a window.
   *
   * @example
   * ```ts
   * F.row_number().over(Window.orderBy(col("age").desc()));
   * // row_number() OVER (ORDER BY age DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
   * await people.select(col("name"), F.row_number().over(Window.orderBy(col("age").desc())).alias("rank")).orderBy("rank").collect();
   * // [{ name: "Alan", rank: 1 }, { name: "Ada", rank: 2 }]
   * ```
   */
  over(window: WindowSpec): Column {
    return new Column(window.windowExpression(this.expr));
  }

  /**
   * `f(this)`: chains a function of a Column in method style.
   *
   * @example
   * ```ts
   * col("name").transform(F.upper); // upper(name)
   * await people.select(col("age").transform((age) => age.multiply(12)).alias("months")).collect(); // [{ months: 432n }, { months: 492n }]
   * ```
   */
  transform(f: (column: Column) => Column): Column {
    return f(this);
  }

  /**
   * The column as a reference to the outer query, inside a subquery (PySpark sends it as it is).
   *
   * @example
   * ```ts
   * const ages = spark.tvf.explode(F.array(col("age").outer(), col("age").outer().plus(1)));
   * await people.lateralJoin(ages).select("name", "col").orderBy("col").collect();
   * // [{ name: "Ada", col: 36n }, { name: "Ada", col: 37n }, { name: "Alan", col: 41n }, { name: "Alan", col: 42n }]
   * ```
   */
  outer(): Column {
    return new Column(this.expr);
  }

  /** @internal Calls the Spark function `name` with this column and `other` (a value becomes a literal). */
  protected binary(name: string, other: ColumnOrLiteral): Column {
    return new Column(call(name, [this.expr, toExpression(other)]));
  }

  /** @internal Calls the Spark function `name` with this column alone. */
  protected unary(name: string): Column {
    return new Column(call(name, [this.expr]));
  }
}

/**
 * The column of that name, resolved against the DataFrame it is used in; `"*"` is every column,
 * `"t.*"` every column of `t`.
 *
 * @example
 * ```ts
 * col("age"); // age
 * await people.select(col("name"), col("age").plus(1)).collect();
 * // [{ name: "Ada", "(age + 1)": 37n }, { name: "Alan", "(age + 1)": 42n }]
 * await people.select(col("*")).columns; // ["name", "age"]
 * ```
 */
export function col(name: string): Column {
  if (name === "*") return new Column(star());
  if (name.endsWith(".*")) return new Column(star(name));
  return new Column(attribute(name));
}

/**
 * A literal column. Spark's type is inferred from the JS value as PySpark infers it for the
 * matching Python value (see {@link LiteralValue}); arrays become array literals. With a
 * `dataType` the literal has that type instead (a decimal from a string, a bigint from a number).
 *
 * @example
 * ```ts
 * lit("a"); // 'a'
 * await spark.range(1).select(lit(1).alias("i"), lit([1, 2]).alias("xs"), lit("9.99", new DecimalType(5, 2)).alias("d")).collect();
 * // [{ i: 1, xs: [1, 2], d: "9.99" }]
 * (await spark.range(1).select(lit(new LocalDate(2024, 1, 31)).alias("day")).schema).simpleString(); // "struct<day:date>"
 * ```
 */
export function lit(value: LiteralValue | Column, dataType?: DataType): Column {
  if (value instanceof Column) return value;
  return new Column(dataType === undefined ? literalExpression(value) : typedLiteralExpression(value, dataType));
}

/**
 * A column from a SQL expression, parsed by the server.
 *
 * @example
 * ```ts
 * await spark.range(2).select(expr("id * 2 AS twice")).collect(); // [{ twice: 0n }, { twice: 2n }]
 * ```
 */
export function expr(text: string): Column {
  return new Column(sqlExpression(text));
}

/** The expression of a column, or of the column of that name. */
export function columnExpression(column: ColumnOrName): Expression {
  if (typeof column === "string") return col(column).expr;
  if (!(column instanceof Column)) throw new TypeError("expected a Column or a column name");
  return column.expr;
}

/** The expression of an operand: a Column as it is, any other value as a literal (a TypeError if it cannot be one). */
export function toExpression(value: unknown): Expression {
  return value instanceof Column ? value.expr : literalExpression(value as LiteralValue);
}
