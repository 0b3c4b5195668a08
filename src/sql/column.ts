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
 * @example
 * ```ts
 * df.select(col("price").multiply(col("qty")).alias("total")).where(col("qty").gt(0));
 * ```
 */
export class Column {
  /** @internal Use {@link col}, {@link lit}, `df.col(name)` or a function of `F`. */
  constructor(
    /** @internal The expression (frozen). */
    readonly expr: Expression,
  ) {}

  // ---- comparison ----

  /** `this = other` (SQL equality: a null on either side gives null). */
  equalTo(other: ColumnOrLiteral): Column {
    return this.binary("==", other);
  }

  /** `this <> other`, i.e. `NOT (this = other)`. */
  notEqual(other: ColumnOrLiteral): Column {
    return this.equalTo(other).not();
  }

  /** `this > other`. */
  gt(other: ColumnOrLiteral): Column {
    return this.binary(">", other);
  }

  /** `this < other`. */
  lt(other: ColumnOrLiteral): Column {
    return this.binary("<", other);
  }

  /** `this >= other`. */
  geq(other: ColumnOrLiteral): Column {
    return this.binary(">=", other);
  }

  /** `this <= other`. */
  leq(other: ColumnOrLiteral): Column {
    return this.binary("<=", other);
  }

  /** `this <=> other`: equality that treats two nulls as equal and never gives null. */
  eqNullSafe(other: ColumnOrLiteral): Column {
    return this.binary("<=>", other);
  }

  /** `lower <= this AND this <= upper`. */
  between(lower: ColumnOrLiteral, upper: ColumnOrLiteral): Column {
    return this.geq(lower).and(this.leq(upper));
  }

  /**
   * `this IN (values...)`; the values may be given as one array.
   *
   * @example
   * ```ts
   * col("x").isin(1, 2, 3);  col("x").isin([1, 2, 3]);
   * ```
   */
  isin(...values: ColumnOrLiteral[] | [readonly ColumnOrLiteral[]]): Column {
    const list =
      values.length === 1 && Array.isArray(values[0]) ? (values[0] as readonly ColumnOrLiteral[]) : (values as ColumnOrLiteral[]);
    return new Column(call("in", [this.expr, ...list.map(toExpression)]));
  }

  // ---- arithmetic ----

  /** `this + other`. */
  plus(other: ColumnOrLiteral): Column {
    return this.binary("+", other);
  }

  /** `this - other`. */
  minus(other: ColumnOrLiteral): Column {
    return this.binary("-", other);
  }

  /** `this * other`. */
  multiply(other: ColumnOrLiteral): Column {
    return this.binary("*", other);
  }

  /** `this / other` (always fractional; see `F.try_divide` for a null instead of an error on zero). */
  divide(other: ColumnOrLiteral): Column {
    return this.binary("/", other);
  }

  /** `this % other`, the remainder. */
  mod(other: ColumnOrLiteral): Column {
    return this.binary("%", other);
  }

  /** `-this` (PySpark's unary minus). */
  negate(): Column {
    return this.unary("negative");
  }

  // ---- logic and bits ----

  /** `this AND other`. */
  and(other: ColumnOrLiteral): Column {
    return this.binary("and", other);
  }

  /** `this OR other`. */
  or(other: ColumnOrLiteral): Column {
    return this.binary("or", other);
  }

  /** `NOT this` (PySpark's `~`). */
  not(): Column {
    return this.unary("not");
  }

  /** `this & other`, bitwise. */
  bitwiseAND(other: ColumnOrLiteral): Column {
    return this.binary("&", other);
  }

  /** `this | other`, bitwise. */
  bitwiseOR(other: ColumnOrLiteral): Column {
    return this.binary("|", other);
  }

  /** `this ^ other`, bitwise. */
  bitwiseXOR(other: ColumnOrLiteral): Column {
    return this.binary("^", other);
  }

  // ---- nulls ----

  /** Whether the value is null. */
  isNull(): Column {
    return this.unary("isNull");
  }

  /** Whether the value is not null. */
  isNotNull(): Column {
    return this.unary("isNotNull");
  }

  /** Whether the value is NaN. */
  isNaN(): Column {
    return this.unary("isNaN");
  }

  // ---- strings ----

  /** SQL `LIKE` with `%` and `_` wildcards. */
  like(pattern: ColumnOrLiteral): Column {
    return this.binary("like", pattern);
  }

  /** Case-insensitive SQL `LIKE`. */
  ilike(pattern: ColumnOrLiteral): Column {
    return this.binary("ilike", pattern);
  }

  /** Whether a Java regular expression matches part of the value. */
  rlike(pattern: ColumnOrLiteral): Column {
    return this.binary("rlike", pattern);
  }

  /** Whether the value contains `other`. */
  contains(other: ColumnOrLiteral): Column {
    return this.binary("contains", other);
  }

  /** Whether the value starts with `other` (PySpark's spelling). */
  startswith(other: ColumnOrLiteral): Column {
    return this.binary("startsWith", other);
  }

  /** Alias of {@link Column.startswith} (Scala's spelling). */
  startsWith(other: ColumnOrLiteral): Column {
    return this.startswith(other);
  }

  /** Whether the value ends with `other` (PySpark's spelling). */
  endswith(other: ColumnOrLiteral): Column {
    return this.binary("endsWith", other);
  }

  /** Alias of {@link Column.endswith} (Scala's spelling). */
  endsWith(other: ColumnOrLiteral): Column {
    return this.endswith(other);
  }

  /** The substring of `length` characters from 1-based position `startPos` (bytes for binary). */
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
   * col("n").alias("count");  col("n").alias("count", { metadata: { unit: "items" } });
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

  /** Alias of {@link Column.alias}. */
  name(name: string, options: AliasOptions): Column;
  name(...names: string[]): Column;
  name(...args: Array<string | AliasOptions>): Column {
    return this.alias(...(args as [string, AliasOptions]));
  }

  /** Alias of {@link Column.alias} (Scala's spelling). */
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
   * col("s").cast("int");  col("s").cast(new DecimalType(10, 2));
   * ```
   */
  cast(dataType: DataType | string): Column {
    return new Column(castExpression(this.expr, dataType));
  }

  /** Alias of {@link Column.cast}. */
  astype(dataType: DataType | string): Column {
    return this.cast(dataType);
  }

  /** Like {@link Column.cast}, but null where the value cannot be converted. */
  try_cast(dataType: DataType | string): Column {
    return new Column(castExpression(this.expr, dataType, "try"));
  }

  // ---- nested values ----

  /** The array element at 0-based `key`, or the map value for `key`. */
  getItem(key: ColumnOrLiteral): Column {
    return new Column(extractValue(this.expr, toExpression(key)));
  }

  /** The struct field `name`. */
  getField(name: string | Column): Column {
    return new Column(extractValue(this.expr, toExpression(name)));
  }

  /** The struct with field `fieldName` added, or replaced by `value`. */
  withField(fieldName: string, value: Column): Column {
    if (!(value instanceof Column)) throw new TypeError("withField needs a Column value (use lit() for a constant)");
    return new Column(updateFields(this.expr, fieldName, value.expr));
  }

  /** The struct without the named fields (a dotted name reaches into a nested struct). */
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
   * F.when(col("n").lt(0), "neg").when(col("n").equalTo(0), "zero").otherwise("pos");
   * ```
   */
  when(condition: Column, value: ColumnOrLiteral): Column {
    const caseWhen = caseWhenArguments(this.expr);
    if (!caseWhen || caseWhen.hasElse) throw new TypeError("when() can only follow F.when() or another when(), before otherwise()");
    if (!(condition instanceof Column)) throw new TypeError("when() needs a Column condition");
    return new Column(call("when", [...caseWhen.args, condition.expr, toExpression(value)]));
  }

  /** The value of a CASE WHEN when no branch matches (null if not given). */
  otherwise(value: ColumnOrLiteral): Column {
    const caseWhen = caseWhenArguments(this.expr);
    if (!caseWhen || caseWhen.hasElse) throw new TypeError("otherwise() can only follow F.when() or when(), once");
    return new Column(call("when", [...caseWhen.args, toExpression(value)]));
  }

  // ---- ordering and windows ----

  /** Ascending sort key, nulls first (Spark's default). */
  asc(): Column {
    return this.asc_nulls_first();
  }

  /** Ascending sort key, nulls first. */
  asc_nulls_first(): Column {
    return new Column(sortOrder(this.expr, true, true));
  }

  /** Ascending sort key, nulls last. */
  asc_nulls_last(): Column {
    return new Column(sortOrder(this.expr, true, false));
  }

  /** Descending sort key, nulls last (Spark's default). */
  desc(): Column {
    return this.desc_nulls_last();
  }

  /** Descending sort key, nulls first. */
  desc_nulls_first(): Column {
    return new Column(sortOrder(this.expr, false, true));
  }

  /** Descending sort key, nulls last. */
  desc_nulls_last(): Column {
    return new Column(sortOrder(this.expr, false, false));
  }

  /**
   * This aggregate or window function evaluated over a window.
   *
   * @example
   * ```ts
   * F.row_number().over(Window.partitionBy("dept").orderBy(col("salary").desc()));
   * ```
   */
  over(window: WindowSpec): Column {
    return new Column(window.windowExpression(this.expr));
  }

  /** `f(this)`: chains a function of a Column in method style. */
  transform(f: (column: Column) => Column): Column {
    return f(this);
  }

  /** The column as a reference to the outer query, inside a subquery (PySpark sends it as it is). */
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
 * df.select(col("name"), col("age").plus(1));
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
 * lit(1); lit("a"); lit([1, 2, 3]); lit(new LocalDate(2024, 1, 31)); lit("9.99", new DecimalType(5, 2));
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
 * df.select(expr("id * 2 AS twice"));
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
