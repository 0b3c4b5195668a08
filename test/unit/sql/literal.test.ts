import { expect } from "chai";
import { describe, it } from "mocha";
import { CalendarInterval, DayTimeInterval, LocalDate, LocalDateTime, LocalTime, Timestamp, YearMonthInterval } from "../../../src/arrow";
import { lit } from "../../../src/sql/column";
import { inferLiteralType, literalOf } from "../../../src/sql/plan/literal";
import {
  DecimalType,
  LongType,
  dataTypeToProto,
  IntegerType,
  StringType,
  DoubleType,
  TimestampLTZNanosType,
  TimestampNTZType,
  TimestampType,
  TimeType,
} from "../../../src/sql/types";

const typeOf = (value: Parameters<typeof inferLiteralType>[0]): string => inferLiteralType(value).simpleString();

describe("lit: Spark types inferred from JS values", () => {
  it("infers the scalar types PySpark infers for the matching Python values", () => {
    expect(typeOf(1)).to.equal("int");
    expect(typeOf(2 ** 40)).to.equal("bigint");
    expect(typeOf(1.5)).to.equal("double");
    expect(typeOf(1n)).to.equal("bigint");
    expect(typeOf("a")).to.equal("string");
    expect(typeOf(true)).to.equal("boolean");
    expect(typeOf(new Uint8Array([1]))).to.equal("binary");
    expect(typeOf(null)).to.equal("void");
    expect(typeOf(new Date(0))).to.equal("timestamp");
  });

  it("maps the client's date, time and interval values to their Spark types", () => {
    expect(typeOf(new LocalDate(2024, 2, 29))).to.equal("date");
    expect(typeOf(new LocalDateTime(2024, 2, 29, 12))).to.equal("timestamp_ntz");
    expect(typeOf(new Timestamp(5n))).to.equal("timestamp");
    expect(typeOf(new LocalTime(1, 2, 3))).to.equal("time(6)");
    expect(typeOf(new DayTimeInterval(1n))).to.equal("interval day to second");
    expect(typeOf(new YearMonthInterval(14))).to.equal("interval year to month");
    expect(typeOf(new CalendarInterval(1, 2, 3n))).to.equal("interval");
  });

  it("encodes dates, timestamps and intervals in the protocol's units", () => {
    expect(literalOf(new LocalDate(1970, 1, 11)).literalType).to.deep.equal({ $case: "date", date: 10 });
    expect(literalOf(new LocalDateTime(1970, 1, 1, 0, 0, 1, 5)).literalType).to.deep.equal({
      $case: "timestampNtz",
      timestampNtz: 1_000_005n,
    });
    expect(literalOf(new Timestamp(1_234_567n)).literalType).to.deep.equal({ $case: "timestamp", timestamp: 1_234_567n });
    expect(literalOf(new LocalTime(0, 0, 1, 500)).literalType).to.deep.equal({
      $case: "time",
      time: { nano: 1_000_000_500n, precision: 7 },
    });
    expect(literalOf(new YearMonthInterval(14)).literalType).to.deep.equal({ $case: "yearMonthInterval", yearMonthInterval: 14 });
  });

  it("gives values with digits below the microsecond the precision Spark's parser gives such literals", () => {
    expect(typeOf(new LocalTime(1, 2, 3, 120_000_000))).to.equal("time(6)");
    expect(typeOf(new LocalTime(1, 2, 3, 123_456_700))).to.equal("time(7)");
    expect(typeOf(Timestamp.fromEpochNanos(1_000_000_001n))).to.equal("timestamp_ltz(9)");
    expect(typeOf(LocalDateTime.fromEpochNanos(1_000_000_010n))).to.equal("timestamp_ntz(8)");
    expect(typeOf([new Timestamp(5n), Timestamp.fromEpochNanos(100n)])).to.equal("array<timestamp_ltz(7)>");
    expect(literalOf(Timestamp.fromEpochNanos(-1n)).literalType).to.deep.equal({
      $case: "timestampLtzNanos",
      timestampLtzNanos: { epochMicros: -1n, nanosWithinMicro: 999, precision: 9 },
    });
    expect(literalOf(LocalDateTime.fromEpochNanos(1_000_000_010n)).literalType).to.deep.equal({
      $case: "timestampNtzNanos",
      timestampNtzNanos: { epochMicros: 1_000_000n, nanosWithinMicro: 10, precision: 8 },
    });
  });

  it("refuses digits a declared type cannot hold rather than sending or dropping them", () => {
    expect(() => literalOf(Timestamp.fromEpochNanos(1001n), new TimestampType())).to.throw(
      RangeError,
      /more fractional digits than a Spark timestamp/,
    );
    expect(() => literalOf(LocalDateTime.fromEpochNanos(1001n), new TimestampNTZType())).to.throw(RangeError, /timestamp_ntz/);
    expect(() => literalOf(new LocalTime(1, 2, 3, 1_500_000), new TimeType(2))).to.throw(RangeError, /time\(2\)/);
    expect(() => literalOf(Timestamp.fromEpochNanos(1001n), new TimestampLTZNanosType(7))).to.throw(RangeError, /timestamp_ltz\(7\)/);
    expect(literalOf(new LocalTime(1, 2, 3, 10_000_000), new TimeType(2)).literalType).to.deep.equal({
      $case: "time",
      time: { nano: 3_723_010_000_000n, precision: 2 },
    });
  });

  it("makes arrays array literals whose element type fits every element, nulls and nesting included", () => {
    expect(typeOf([1, 2, 3])).to.equal("array<int>");
    expect(typeOf([1, 2.5])).to.equal("array<double>");
    expect(typeOf([1, 2n, null])).to.equal("array<bigint>");
    expect(typeOf([[1], [], [2 ** 40]])).to.equal("array<array<bigint>>");
    expect(typeOf([])).to.equal("array<void>");
    const literal = literalOf([1, null, 2n]).literalType;
    expect(literal).to.deep.equal({
      $case: "array",
      array: {
        elementType: dataTypeToProto(new LongType()),
        elements: [
          { literalType: { $case: "long", long: 1n } },
          { literalType: { $case: "null", null: dataTypeToProto(new LongType()) } },
          { literalType: { $case: "long", long: 2n } },
        ],
      },
    });
  });

  it("makes a Map a map literal and refuses a null key", () => {
    expect(
      typeOf(
        new Map([
          ["a", 1],
          ["b", 2.5],
        ]),
      ),
    ).to.equal("map<string,double>");
    const literal = literalOf(new Map([["a", 1]])).literalType;
    expect(literal).to.deep.equal({
      $case: "map",
      map: {
        keyType: dataTypeToProto(new StringType()),
        valueType: dataTypeToProto(new IntegerType()),
        keys: [{ literalType: { $case: "string", string: "a" } }],
        values: [{ literalType: { $case: "integer", integer: 1 } }],
      },
    });
    expect(() => literalOf(new Map([[null, 1]]))).to.throw(TypeError, /null key/);
  });

  it("refuses collections that mix unrelated types", () => {
    expect(() => literalOf([1, "a"])).to.throw(TypeError, /mix int and string/);
  });

  it("gives a literal the declared type when there is one", () => {
    expect(lit("12.50", new DecimalType(5, 2)).expr.exprType).to.deep.equal({
      $case: "literal",
      literal: { literalType: { $case: "decimal", decimal: { value: "12.50", precision: 5, scale: 2 } } },
    });
    expect(literalOf(3, new LongType()).literalType).to.deep.equal({ $case: "long", long: 3n });
    expect(literalOf(3, new DoubleType()).literalType).to.deep.equal({ $case: "double", double: 3 });
    expect(() => literalOf("x", new IntegerType())).to.throw(TypeError, /string cannot be a Spark int literal/);
    expect(() => literalOf("1.2.3", new DecimalType())).to.throw(RangeError);
  });

  it("returns a Column given to lit as it is", () => {
    const column = lit(1);
    expect(lit(column)).to.equal(column);
  });
});
