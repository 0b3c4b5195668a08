import { AtomicType, singleton } from "./dataType";
import { checkedWholeNumber } from "../validation";

/** The date, time and timestamp types. */
export abstract class DatetimeType extends AtomicType {}

/**
 * A calendar date, without a time of day or zone.
 *
 * @example
 * ```ts
 * new DateType().simpleString(); // "date"
 * ```
 */
export class DateType extends DatetimeType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "date" {
    return "date";
  }
  typeName(): string {
    return "date";
  }
  toString(): string {
    return "DateType()";
  }
}

/**
 * An instant, in microseconds, shown in the session time zone (Spark's `timestamp`, also called
 * `timestamp_ltz`).
 *
 * @example
 * ```ts
 * new TimestampType().simpleString(); // "timestamp"
 * ```
 */
export class TimestampType extends DatetimeType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "timestamp" {
    return "timestamp";
  }
  typeName(): string {
    return "timestamp";
  }
  toString(): string {
    return "TimestampType()";
  }
}

/**
 * A local date and time, in microseconds, without a time zone.
 *
 * @example
 * ```ts
 * new TimestampNTZType().simpleString(); // "timestamp_ntz"
 * ```
 */
export class TimestampNTZType extends DatetimeType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "timestampNtz" {
    return "timestampNtz";
  }
  typeName(): string {
    return "timestamp_ntz";
  }
  toString(): string {
    return "TimestampNTZType()";
  }
}

/**
 * A time of day with `precision` digits of fractional seconds: 0 to 9 (nanoseconds; Spark 4.3
 * widened it from 6), 6 by default, as in PySpark. The server accepts it when
 * `spark.sql.timeType.enabled` is set; a literal with more than six digits (`time'12:00:00.1234567'`)
 * is a `time(9)`.
 *
 * @example
 * ```ts
 * new TimeType().simpleString();  // "time(6)"
 * new TimeType(9).simpleString(); // "time(9)"
 * ```
 */
export class TimeType extends DatetimeType {
  static readonly MIN_PRECISION = 0;
  static readonly MAX_PRECISION = 9;
  static readonly DEFAULT_PRECISION = 6;

  /** Digits of fractional seconds. */
  readonly precision: number;

  constructor(precision: number = TimeType.DEFAULT_PRECISION) {
    super();
    this.precision = checkedWholeNumber(precision, "TimeType precision", { min: TimeType.MIN_PRECISION, max: TimeType.MAX_PRECISION });
    Object.freeze(this);
  }
  get kind(): "time" {
    return "time";
  }
  typeName(): string {
    return "time";
  }
  override simpleString(): string {
    return `time(${this.precision})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  protected override sameParameters(other: this): boolean {
    return this.precision === other.precision;
  }
  toString(): string {
    return `TimeType(${this.precision})`;
  }
}

/** What Spark's two nanosecond timestamp types share: a precision of 7 to 9 fractional digits. */
export abstract class NanosTimestampType extends DatetimeType {
  static readonly MIN_PRECISION = 7;
  static readonly MAX_PRECISION = 9;
  static readonly DEFAULT_PRECISION = 9;

  /** Digits of fractional seconds. */
  readonly precision: number;

  protected constructor(precision: number) {
    super();
    const bounds = NanosTimestampType;
    this.precision = checkedWholeNumber(precision, `${this.constructor.name} precision`, {
      min: bounds.MIN_PRECISION,
      max: bounds.MAX_PRECISION,
    });
    Object.freeze(this);
  }
  override simpleString(): string {
    return `${this.typeName()}(${this.precision})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  protected override sameParameters(other: this): boolean {
    return this.precision === other.precision;
  }
  toString(): string {
    return `${this.constructor.name}(${this.precision})`;
  }
}

/**
 * A local date and time without a time zone, with 7 to 9 digits of fractional seconds (9, i.e.
 * nanoseconds, by default): Spark's `timestamp_ntz(p)`. PySpark 4.3 has no class for it; the names
 * follow Spark's Scala `TimestampNTZNanosType`. The server accepts it when
 * `spark.sql.timestampNanosTypes.enabled` is set.
 *
 * @example
 * ```ts
 * new TimestampNTZNanosType().simpleString();  // "timestamp_ntz(9)"
 * new TimestampNTZNanosType(7).simpleString(); // "timestamp_ntz(7)"
 * ```
 */
export class TimestampNTZNanosType extends NanosTimestampType {
  constructor(precision: number = NanosTimestampType.DEFAULT_PRECISION) {
    super(precision);
  }
  get kind(): "timestampNtzNanos" {
    return "timestampNtzNanos";
  }
  /** `"timestamp_ntz"`: like {@link TimeType}'s, the family name leaves the precision out. */
  typeName(): string {
    return "timestamp_ntz";
  }
}

/**
 * An instant with 7 to 9 digits of fractional seconds (9, i.e. nanoseconds, by default), shown in
 * the session time zone: Spark's `timestamp_ltz(p)`. PySpark 4.3 has no class for it; the names
 * follow Spark's Scala `TimestampLTZNanosType`. The server accepts it when
 * `spark.sql.timestampNanosTypes.enabled` is set.
 *
 * @example
 * ```ts
 * new TimestampLTZNanosType().simpleString(); // "timestamp_ltz(9)"
 * ```
 */
export class TimestampLTZNanosType extends NanosTimestampType {
  constructor(precision: number = NanosTimestampType.DEFAULT_PRECISION) {
    super(precision);
  }
  get kind(): "timestampLtzNanos" {
    return "timestampLtzNanos";
  }
  /** `"timestamp_ltz"`: like {@link TimeType}'s, the family name leaves the precision out. */
  typeName(): string {
    return "timestamp_ltz";
  }
}
