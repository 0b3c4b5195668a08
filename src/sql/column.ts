import type { Expression } from "../gen/spark/connect/expressions";
import { attribute, call, expression, sqlExpression } from "./plan/expression";
import { literalExpression, type LiteralValue } from "./plan/literal";

/** A column given as a {@link Column} or by its name, as PySpark's functions accept. */
export type ColumnOrName = Column | string;

/**
 * An expression over the columns of a DataFrame: built on the client as an immutable value, and
 * evaluated by the server when the DataFrame that uses it runs. Operators are Spark's named methods.
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

  /** `this = other` (SQL equality: a null on either side gives null). */
  equalTo(other: unknown): Column {
    return this.binary("==", other);
  }

  /** `this > other`. */
  gt(other: unknown): Column {
    return this.binary(">", other);
  }

  /** `this < other`. */
  lt(other: unknown): Column {
    return this.binary("<", other);
  }

  /** `this + other`. */
  plus(other: unknown): Column {
    return this.binary("+", other);
  }

  /** The column under a new name. */
  alias(...names: string[]): Column {
    return new Column(expression({ $case: "alias", alias: { expr: this.expr, name: names } }));
  }

  /** @internal Calls the Spark function `name` with this column and `other` (a value becomes a literal). */
  protected binary(name: string, other: unknown): Column {
    return new Column(call(name, [this.expr, toExpression(other)]));
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
  if (name === "*") return new Column(expression({ $case: "unresolvedStar", unresolvedStar: {} }));
  if (name.endsWith(".*")) return new Column(expression({ $case: "unresolvedStar", unresolvedStar: { unparsedTarget: name } }));
  return new Column(attribute(name));
}

/**
 * A literal column; Spark's type is inferred from the JS value (see {@link LiteralValue}).
 *
 * @example
 * ```ts
 * df.withColumn("one", lit(1));
 * ```
 */
export function lit(value: LiteralValue | Column): Column {
  return value instanceof Column ? value : new Column(literalExpression(value));
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
  return typeof column === "string" ? col(column).expr : column.expr;
}

/** The expression of an operand: a Column as it is, any other value as a literal. */
export function toExpression(value: unknown): Expression {
  return value instanceof Column ? value.expr : literalExpression(value as LiteralValue);
}
