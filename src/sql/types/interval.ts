import { AtomicType, DataType, singleton } from "./dataType";
import { checkedWholeNumber } from "../validation";

/** The interval types of the ANSI SQL standard: day-time and year-month. */
export abstract class AnsiIntervalType extends AtomicType {}

/** The units of a day-time interval, by field number. */
export const DAY_TIME_FIELDS: readonly string[] = Object.freeze(["day", "hour", "minute", "second"]);

/** The units of a year-month interval, by field number. */
export const YEAR_MONTH_FIELDS: readonly string[] = Object.freeze(["year", "month"]);

/**
 * The field range of an interval type: none given means the widest, a start alone means that one
 * field (both as in PySpark); a start after the end is refused.
 */
function fieldRange(
  startField: number | undefined,
  endField: number | undefined,
  names: readonly string[],
  what: string,
): [number, number] {
  const last = names.length - 1;
  if (startField === undefined && endField === undefined) return [0, last];
  const start = checkedWholeNumber(startField ?? Number.NaN, `${what} startField`, { min: 0, max: last });
  const end = checkedWholeNumber(endField ?? start, `${what} endField`, { min: 0, max: last });
  if (start > end) {
    throw new RangeError(`${what} cannot start at ${names[start]} and end at ${names[end]}: the start must come first`);
  }
  return [start, end];
}

function intervalString(names: readonly string[], start: number, end: number): string {
  return start === end ? `interval ${names[start]}` : `interval ${names[start]} to ${names[end]}`;
}

/**
 * A span of days, hours, minutes and seconds (in microseconds), from `startField` to `endField`
 * (`DAY`, `HOUR`, `MINUTE`, `SECOND`; by default day to second).
 *
 * @example
 * ```ts
 * new DayTimeIntervalType().simpleString(); // "interval day to second"
 * new DayTimeIntervalType(DayTimeIntervalType.HOUR).simpleString(); // "interval hour"
 * ```
 */
export class DayTimeIntervalType extends AnsiIntervalType {
  static readonly DAY = 0;
  static readonly HOUR = 1;
  static readonly MINUTE = 2;
  static readonly SECOND = 3;

  /** The largest unit. */
  readonly startField: number;
  /** The smallest unit. */
  readonly endField: number;

  constructor(startField?: number, endField?: number) {
    super();
    [this.startField, this.endField] = fieldRange(startField, endField, DAY_TIME_FIELDS, "DayTimeIntervalType");
    Object.freeze(this);
  }
  get kind(): "dayTimeInterval" {
    return "dayTimeInterval";
  }
  typeName(): string {
    return "daytimeinterval";
  }
  override simpleString(): string {
    return intervalString(DAY_TIME_FIELDS, this.startField, this.endField);
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  protected override sameParameters(other: this): boolean {
    return this.startField === other.startField && this.endField === other.endField;
  }
  toString(): string {
    return `DayTimeIntervalType(${this.startField}, ${this.endField})`;
  }
}

/**
 * A span of years and months (in months), from `startField` to `endField` (`YEAR`, `MONTH`; by
 * default year to month).
 *
 * @example
 * ```ts
 * new YearMonthIntervalType().simpleString(); // "interval year to month"
 * new YearMonthIntervalType(YearMonthIntervalType.MONTH).simpleString(); // "interval month"
 * ```
 */
export class YearMonthIntervalType extends AnsiIntervalType {
  static readonly YEAR = 0;
  static readonly MONTH = 1;

  /** The largest unit. */
  readonly startField: number;
  /** The smallest unit. */
  readonly endField: number;

  constructor(startField?: number, endField?: number) {
    super();
    [this.startField, this.endField] = fieldRange(startField, endField, YEAR_MONTH_FIELDS, "YearMonthIntervalType");
    Object.freeze(this);
  }
  get kind(): "yearMonthInterval" {
    return "yearMonthInterval";
  }
  typeName(): string {
    return "yearmonthinterval";
  }
  override simpleString(): string {
    return intervalString(YEAR_MONTH_FIELDS, this.startField, this.endField);
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  protected override sameParameters(other: this): boolean {
    return this.startField === other.startField && this.endField === other.endField;
  }
  toString(): string {
    return `YearMonthIntervalType(${this.startField}, ${this.endField})`;
  }
}

/**
 * Spark's older interval of months, days and microseconds together (`make_interval`); not an
 * ANSI interval, and not an atomic type in PySpark.
 *
 * @example
 * ```ts
 * new CalendarIntervalType().simpleString(); // "interval"
 * ```
 */
export class CalendarIntervalType extends DataType {
  constructor() {
    super();
    return singleton(this);
  }
  get kind(): "calendarInterval" {
    return "calendarInterval";
  }
  typeName(): string {
    return "interval";
  }
  toString(): string {
    return "CalendarIntervalType()";
  }
}
