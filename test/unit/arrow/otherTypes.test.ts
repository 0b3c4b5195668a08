import { expect } from "chai";
import { describe, it } from "mocha";
import {
  DateMillisecond,
  DenseUnion,
  Dictionary,
  DurationNanosecond,
  Field,
  FixedSizeBinary,
  FixedSizeList,
  Float16,
  Int32,
  IntervalDayTime,
  List,
  makeData,
  Map_,
  Struct,
  TimeMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint32,
  Uint64,
  Utf8,
} from "apache-arrow";
import { CalendarInterval, DayTimeInterval, LocalDate, LocalTime, Timestamp } from "../../../src/arrow";
import { built, valuesOf } from "./arrowData";

// Arrow types a Spark server does not send, read sensibly all the same.
describe("Arrow types Spark does not send", () => {
  it("reads unsigned integers: 32-bit as numbers, 64-bit as bigints", () => {
    expect(valuesOf(built(new Uint32(), [4294967295, null]))).to.deep.equal([4294967295, null]);
    expect(valuesOf(built(new Uint64(), [18446744073709551615n]))).to.deep.equal([18446744073709551615n]);
  });

  it("reads half floats as numbers", () => {
    expect(valuesOf(built(new Float16(), [1.5, null]))).to.deep.equal([1.5, null]);
  });

  it("reads dictionary-encoded strings as their strings", () => {
    expect(valuesOf(built(new Dictionary(new Utf8(), new Int32()), ["a", "b", null, "a"]))).to.deep.equal(["a", "b", null, "a"]);
  });

  it("reads fixed-size binaries and lists as Uint8Arrays and arrays", () => {
    expect(valuesOf(built(new FixedSizeBinary(2), [new Uint8Array([1, 2]), null]))).to.deep.equal([new Uint8Array([1, 2]), null]);
    const pairs = new FixedSizeList(2, new Field("element", new Int32(), true));
    expect(valuesOf(built(pairs, [[1, null], null, [3, 4]]))).to.deep.equal([[1, null], null, [3, 4]]);
  });

  it("reads date64 as the LocalDate of its day", () => {
    const days = makeData({ type: new DateMillisecond(), length: 2, nullCount: 0, data: BigInt64Array.from([86_400_000n * 19783n, -1n]) });
    expect(valuesOf(days)).to.deep.equal([new LocalDate(2024, 3, 1), new LocalDate(1969, 12, 31)]);
  });

  it("reads timestamps in seconds and nanoseconds as Timestamps (nanoseconds floored to micros)", () => {
    const seconds = makeData({ type: new TimestampSecond("UTC"), length: 1, nullCount: 0, data: BigInt64Array.from([-1n]) });
    expect((valuesOf(seconds)[0] as Timestamp).epochMicros).to.equal(-1_000_000n);
    const nanos = makeData({ type: new TimestampNanosecond("UTC"), length: 1, nullCount: 0, data: BigInt64Array.from([-1n]) });
    expect((valuesOf(nanos)[0] as Timestamp).epochMicros).to.equal(-1n);
  });

  it("reads a union as the value of its member, structs, lists and maps converted", () => {
    const struct = new Struct([new Field("a", new Int32(), true)]);
    const list = new List(new Field("element", new Int32(), true));
    const entries = new Struct<{ key: Utf8; value: Int32 }>([new Field("key", new Utf8(), false), new Field("value", new Int32(), true)]);
    const map = new Map_<Utf8, Int32>(new Field("entries", entries, false));
    const members = [
      new Field("i", new Int32(), true),
      new Field("s", struct, true),
      new Field("l", list, true),
      new Field("m", map, true),
    ];
    const union = makeData({
      type: new DenseUnion([0, 1, 2, 3], members),
      length: 4,
      nullCount: 0,
      typeIds: Int8Array.from([0, 1, 2, 3]),
      valueOffsets: Int32Array.from([0, 0, 0, 0]),
      children: [built(new Int32(), [7]), built(struct, [{ a: 1 }]), built(list, [[1, null]]), built(map, [new Map([["k", 2]])])],
    });
    expect(valuesOf(union)).to.deep.equal([7, { a: 1 }, [1, null], new Map([["k", 2]])]);
  });

  it("reads other durations, time32 and day-time intervals in Spark's units", () => {
    const duration = makeData({ type: new DurationNanosecond(), length: 1, nullCount: 0, data: BigInt64Array.from([1_500n]) });
    expect(valuesOf(duration)).to.deep.equal([new DayTimeInterval(1n)]);
    const time = makeData({ type: new TimeMillisecond(), length: 1, nullCount: 0, data: Int32Array.from([45_296_500]) });
    expect(valuesOf(time)).to.deep.equal([new LocalTime(12, 34, 56, 500_000_000)]);
    const dayTime = makeData({ type: new IntervalDayTime(), length: 1, nullCount: 0, data: Int32Array.from([3, -1500]) });
    expect(valuesOf(dayTime)).to.deep.equal([new CalendarInterval(0, 3, -1_500_000n)]);
  });
});
