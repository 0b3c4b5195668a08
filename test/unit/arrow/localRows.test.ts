import { expect } from "chai";
import { describe, it } from "mocha";
import {
  Bool,
  Date_,
  DateUnit,
  Decimal,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  Map_,
  Schema,
  Struct,
  TimeUnit,
  Timestamp as ArrowTimestamp,
  Utf8,
} from "apache-arrow";
import { decodeTable, encodeRows, LocalDate, LocalDateTime, LocalValueError, Timestamp, tableToRows } from "../../../src/arrow";

const roundTrip = (rows: unknown[][], schema: Schema) => tableToRows(decodeTable(encodeRows(rows, schema))).map((r) => ({ ...r }));

describe("encoding local rows as Arrow IPC", () => {
  it("gives back every value of every type through this package's own decoder", () => {
    const entries = new Struct<{ key: Utf8; value: Int64 }>([new Field("key", new Utf8(), false), new Field("value", new Int64(), true)]);
    const schema = new Schema([
      new Field("i", new Int32(), true),
      new Field("l", new Int64(), true),
      new Field("d", new Float64(), true),
      new Field("b", new Bool(), true),
      new Field("s", new Utf8(), true),
      new Field("dec", new Decimal(2, 10, 128), true),
      new Field("day", new Date_(DateUnit.DAY), true),
      new Field("ts", new ArrowTimestamp(TimeUnit.MICROSECOND, "UTC"), true),
      new Field("ntz", new ArrowTimestamp(TimeUnit.MICROSECOND), true),
      new Field("list", new List(new Field("element", new Int32(), true)), true),
      new Field("map", new Map_(new Field("entries", entries, false)), true),
      new Field("st", new Struct([new Field("a", new Utf8()), new Field("b", new Int32())]), true),
    ]);
    const ts = new Timestamp(1_700_000_000_123_456n);
    const ntz = new LocalDateTime(1999, 12, 31, 23, 59, 59, 999_999);
    const rows = [
      [
        -2147483648,
        -(2n ** 63n),
        -0,
        true,
        "héllo 🙂",
        "-12345678.90",
        new LocalDate(1, 1, 1),
        ts,
        ntz,
        [1, null, 3],
        new Map([["k", 9n]]),
        { a: "x", b: 1 },
      ],
      [null, null, null, null, null, null, null, null, null, null, null, null],
    ];
    const [first, second] = roundTrip(rows, schema);
    expect(first.i).to.equal(-2147483648);
    expect(first.l).to.equal(-(2n ** 63n));
    expect(Object.is(first.d, -0)).to.equal(true);
    expect(first.s).to.equal("héllo 🙂");
    expect(first.dec).to.equal("-12345678.90");
    expect((first.day as LocalDate).toString()).to.equal("0001-01-01");
    expect((first.ts as Timestamp).epochMicros).to.equal(ts.epochMicros);
    expect((first.ntz as LocalDateTime).toString()).to.equal("1999-12-31 23:59:59.999999");
    expect(first.list).to.deep.equal([1, null, 3]);
    expect(first.map).to.deep.equal(new Map([["k", 9n]]));
    expect(first.st).to.deep.equal({ a: "x", b: 1 });
    expect(Object.values(second).every((v) => v === null)).to.equal(true);
  });

  it("cuts the rows into streams of at most the given size, and still writes a schema for no rows", () => {
    const schema = new Schema([new Field("n", new Int64())]);
    const rows = Array.from({ length: 25 }, (_, i) => [BigInt(i)]);
    const chunks = encodeRows(rows, schema, 10);
    expect(chunks).to.have.length(3);
    expect(tableToRows(decodeTable(chunks)).map((r) => r.n)).to.deep.equal(rows.map((r) => r[0]));
    const empty = encodeRows([], schema);
    expect(empty).to.have.length(1);
    expect(decodeTable(empty).schema.fields.map((f) => f.name)).to.deep.equal(["n"]);
  });

  it("names the column, row and element of a value that does not fit", () => {
    const schema = new Schema([new Field("xs", new List(new Field("element", new Int32(), true)))]);
    expect(() => encodeRows([[[1]], [[2, "three"]]], schema)).to.throw(
      LocalValueError,
      /column "xs", row 1, element 1: "three" \(string\) is not a valid Int32/,
    );
    const decimal = new Schema([new Field("d", new Decimal(2, 4, 128))]);
    expect(() => encodeRows([["123.45"]], decimal)).to.throw(LocalValueError, /"123.45"/);
    expect(() => encodeRows([["1.234"]], decimal)).to.throw(LocalValueError, /"1.234"/);
    expect(encodeRows([["1.230"]], decimal)).to.have.length(1);
  });
});
