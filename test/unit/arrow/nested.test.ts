import { expect } from "chai";
import { describe, it } from "mocha";
import { Binary, type Data, type DataType, Field, Float64, Int32, Int64, List, makeData, Map_, Null, Struct, Utf8 } from "apache-arrow";
import { LocalDate, Timestamp, VariantValue } from "../../../src/arrow";
import { built, dateDays, decimals, timestampMicros, validity, valuesOf, variantData } from "./arrowData";

const element = (type: DataType) => new Field("element", type, true);

function mapType(key: DataType, value: DataType): Map_ {
  return new Map_(new Field("entries", new Struct([new Field("key", key, false), new Field("value", value, true)]), false));
}

describe("array: JS arrays", () => {
  it("reads arrays with null elements, null arrays and empty arrays", () => {
    expect(valuesOf(built(new List(element(new Int32())), [[1, null, 3], null, []]))).to.deep.equal([[1, null, 3], null, []]);
  });

  it("reads arrays of arrays, nulls at each level", () => {
    const type = new List(element(new List(element(new Utf8()))));
    expect(valuesOf(built(type, [[["x"], null, [null]], [], null]))).to.deep.equal([[["x"], null, [null]], [], null]);
  });

  it("converts the elements as their own type: decimals, dates, timestamps", () => {
    const array = <T extends DataType>(child: Data<T>) =>
      makeData({
        type: new List(new Field("element", child.type, true)),
        length: 2,
        nullCount: 0,
        valueOffsets: Int32Array.from([0, 2, 3]),
        child,
      });
    expect(valuesOf(array(decimals(5, 2, [150n, null, -1n])))).to.deep.equal([["1.50", null], ["-0.01"]]);
    expect(valuesOf(array(dateDays([0, -1, 19783])))).to.deep.equal([
      [new LocalDate(1970, 1, 1), new LocalDate(1969, 12, 31)],
      [new LocalDate(2024, 3, 1)],
    ]);
    const [[first]] = valuesOf(array(timestampMicros("UTC", [1n, 2n, 3n]))) as Timestamp[][];
    expect(first.epochMicros).to.equal(1n);
  });

  it("reads an array<void> of nulls", () => {
    expect(valuesOf(built(new List(element(new Null())), [[null, null], []]))).to.deep.equal([[null, null], []]);
  });
});

describe("map: JS Maps", () => {
  it("reads maps with their keys and values converted, in the order sent", () => {
    const values = valuesOf(
      built(mapType(new Int32(), new Utf8()), [
        new Map([
          [2, "two"],
          [1, "one"],
        ]),
        new Map(),
      ]),
    );
    expect(values).to.deep.equal([
      new Map([
        [2, "two"],
        [1, "one"],
      ]),
      new Map(),
    ]);
    expect([...(values[0] as Map<number, string>).keys()]).to.deep.equal([2, 1]);
  });

  it("reads maps with struct values, null values and null maps", () => {
    const value = new Struct([new Field("x", new Int32(), true), new Field("y", new Utf8(), true)]);
    const values = valuesOf(
      built(mapType(new Utf8(), value), [
        new Map([
          ["k1", { x: 1, y: "a" }],
          ["k2", null],
        ]),
        null,
      ]),
    );
    expect(values).to.deep.equal([
      new Map<string, unknown>([
        ["k1", { x: 1, y: "a" }],
        ["k2", null],
      ]),
      null,
    ]);
  });

  it("converts keys too: a bigint key is a bigint", () => {
    expect(valuesOf(built(mapType(new Int64(), new Utf8()), [new Map([[9007199254740993n, "big"]])]))).to.deep.equal([
      new Map([[9007199254740993n, "big"]]),
    ]);
  });
});

describe("struct: plain objects keyed by field name", () => {
  const type = new Struct([
    new Field("a", new Int32(), true),
    new Field("b", new Struct([new Field("c", new Utf8(), true), new Field("d", new List(element(new Float64())), true)]), true),
  ]);

  it("reads nested structs, with null structs and null fields at each level", () => {
    expect(valuesOf(built(type, [{ a: 1, b: { c: "x", d: [1.5, null] } }, { a: null, b: null }, null]))).to.deep.equal([
      { a: 1, b: { c: "x", d: [1.5, null] } },
      { a: null, b: null },
      null,
    ]);
  });

  it("makes plain objects, in field order", () => {
    const [value] = valuesOf(built(type, [{ a: 1, b: { c: "x", d: [] } }]));
    expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
    expect(Object.keys(value as object)).to.deep.equal(["a", "b"]);
  });

  it("keeps the first of repeated field names, and a field called __proto__ as a field", () => {
    const repeated = new Struct([new Field("x", new Int32()), new Field("x", new Int32()), new Field("__proto__", new Int32())]);
    const data = makeData({
      type: repeated,
      length: 1,
      nullCount: 0,
      children: [built(new Int32(), [1]), built(new Int32(), [2]), built(new Int32(), [3])],
    });
    const [value] = valuesOf(data) as Record<string, unknown>[];
    expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
    expect(Object.keys(value)).to.deep.equal(["x", "__proto__"]);
    expect(value.x).to.equal(1);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")!.value).to.equal(3);
  });

  it("reads a struct that looks like a variant but lacks Spark's marker as a struct", () => {
    const lookalike = new Struct([new Field("value", new Binary(), false), new Field("metadata", new Binary(), false)]);
    const data = makeData({
      type: lookalike,
      length: 1,
      nullCount: 0,
      children: [built(new Binary(), [new Uint8Array([0])]), built(new Binary(), [new Uint8Array([1, 0, 0])])],
    });
    expect(valuesOf(data)).to.deep.equal([{ value: new Uint8Array([0]), metadata: new Uint8Array([1, 0, 0]) }]);
  });
});

describe("nulls at every level", () => {
  it("reads array<map<string, struct<v: variant>>> with a null at each level", () => {
    // The variant 7 (value 0c07: an int8; metadata 010000: no keys), a null variant, and a slot
    // under a null struct.
    const seven = { value: new Uint8Array([0x0c, 0x07]), metadata: new Uint8Array([1, 0, 0]) };
    const variants = variantData([seven, null, null]);
    const holder = new Struct([new Field("v", variants.type, true)]);
    const structs = makeData({ type: holder, length: 3, nullCount: 1, nullBitmap: validity([{}, {}, null]), children: [variants] });
    const entryType = new Struct<{ key: Utf8; value: typeof holder }>([
      new Field("key", new Utf8(), false),
      new Field("value", holder, true),
    ]);
    const entries = makeData({ type: entryType, length: 3, nullCount: 0, children: [built(new Utf8(), ["a", "b", "c"]), structs] });
    const maps = makeData({
      type: new Map_(new Field("entries", entryType, false)),
      length: 2,
      nullCount: 1,
      nullBitmap: validity([{}, null]),
      valueOffsets: Int32Array.from([0, 3, 3]),
      child: entries,
    });
    const arrays = makeData({
      type: new List(new Field("element", maps.type, true)),
      length: 2,
      nullCount: 1,
      nullBitmap: validity([{}, null]),
      valueOffsets: Int32Array.from([0, 2, 2]),
      child: maps,
    });
    const [array, nullArray] = valuesOf(arrays) as [unknown[], null];
    expect(nullArray).to.equal(null);
    expect(array).to.have.length(2);
    expect(array[1]).to.equal(null);
    const map = array[0] as Map<string, { v: VariantValue | null } | null>;
    expect([...map.keys()]).to.deep.equal(["a", "b", "c"]);
    expect(map.get("a")!.v).to.be.instanceOf(VariantValue);
    expect(map.get("a")!.v!.toJS()).to.equal(7);
    expect(map.get("b")).to.deep.equal({ v: null });
    expect(map.get("c")).to.equal(null);
  });
});
