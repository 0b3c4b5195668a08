// The text of each value of a result's column, as Spark's show() prints it (the forms checked
// against a real server in test/integration/render/valuesAsShow.test.ts), from Arrow data made
// the way a Spark Connect server sends it, through real IPC bytes.
import { expect } from "chai";
import { describe, it } from "mocha";
import {
  Binary,
  Bool,
  type Data,
  type DataType,
  Duration,
  Field,
  Float32,
  Float64,
  Int32,
  Int64,
  List,
  Map_,
  Null,
  makeData,
  Struct,
  TimeUnit,
  Utf8,
} from "apache-arrow";
import { decodeTable, VariantValue } from "../../../src/arrow";
import { sparkBinaryText, sparkCellFormat } from "../../../src/render/table/sparkValueText";
import { sparkTypeTree } from "../../../src/render/table/sparkTypeTree";
import {
  built,
  column,
  dateDays,
  decimals,
  durationMicros,
  ipcStream,
  monthDayNanos,
  timestampMicros,
  timestampNanos,
  variantData,
  yearMonths,
} from "../arrow/arrowData";

/** Each value's text, the column having gone through IPC bytes and back as a result does. */
function texts(data: Data, sparkType?: string): (string | null)[] {
  const table = decodeTable([ipcStream(column("c", data))]);
  const format = sparkCellFormat(table.schema.fields[0], sparkType);
  return table.batches.flatMap((batch) => Array.from({ length: batch.numRows }, (_, i) => format(batch.data.children[0], i)));
}

const list = <T extends Data["type"]>(type: T) => new List(new Field("element", type, true));
const map = (key: DataType, value: DataType) => {
  const entries = new Struct<{ key: DataType; value: DataType }>([new Field("key", key, false), new Field("value", value, true)]);
  return new Map_(new Field("entries", entries, false));
};

describe("Spark values as show() prints them: numbers", () => {
  it("prints doubles as Java does: integral ones keep .0, exponents from 10^7 and below 10^-3", () => {
    const values = [80, -80, 1.5, 0.1 + 0.2, 9999999, 1e7, 1e10, 0.001, 1e-4, 123456789.125, 1.7976931348623157e308, 4.9e-324];
    expect(texts(built(new Float64(), values))).to.deep.equal([
      "80.0",
      "-80.0",
      "1.5",
      "0.30000000000000004",
      "9999999.0",
      "1.0E7",
      "1.0E10",
      "0.001",
      "1.0E-4",
      "1.23456789125E8",
      "1.7976931348623157E308",
      "4.9E-324",
    ]);
  });

  it("prints zeros with their sign, NaN and the infinities as Java names them", () => {
    expect(texts(built(new Float64(), [0, -0, NaN, Infinity, -Infinity]))).to.deep.equal(["0.0", "-0.0", "NaN", "Infinity", "-Infinity"]);
  });

  it("prints floats with a float's own shortest digits, not the double's", () => {
    const values = [0.1, 1.1, 80, 1e10, 123456.7, 16777216, 3.4028235e38, 1.4e-45].map(Math.fround);
    expect(texts(built(new Float32(), values))).to.deep.equal([
      "0.1",
      "1.1",
      "80.0",
      "1.0E10",
      "123456.7",
      "1.6777216E7",
      "3.4028235E38",
      "1.4E-45",
    ]);
  });

  it("prints integers whole, 64-bit ones beyond 2^53 too, and booleans as true and false", () => {
    expect(texts(built(new Int32(), [-2147483648, 0, 7]))).to.deep.equal(["-2147483648", "0", "7"]);
    expect(texts(built(new Int64(), [9223372036854775807n, -9223372036854775808n]))).to.deep.equal([
      "9223372036854775807",
      "-9223372036854775808",
    ]);
    expect(texts(built(new Bool(), [true, false]))).to.deep.equal(["true", "false"]);
  });

  it("prints decimals exactly, with every digit of their scale", () => {
    expect(texts(decimals(20, 10, [0n, -15n, 10n ** 19n]))).to.deep.equal(["0.0000000000", "-0.0000000015", "1000000000.0000000000"]);
    expect(texts(decimals(10, 0, [7n]))).to.deep.equal(["7"]);
  });
});

describe("Spark values as show() prints them: dates, times and intervals", () => {
  it("prints dates as yyyy-MM-dd, and timestamps in the zone Arrow carries (the session's), fraction zeros dropped", () => {
    expect(texts(dateDays([0, -1, -719162]))).to.deep.equal(["1970-01-01", "1969-12-31", "0001-01-01"]);
    const micros = [1709296496500000n, 1719792000000000n, -1n];
    expect(texts(timestampMicros("America/New_York", micros))).to.deep.equal([
      "2024-03-01 07:34:56.5",
      "2024-06-30 20:00:00",
      "1969-12-31 18:59:59.999999",
    ]);
    expect(texts(timestampMicros("Asia/Kolkata", micros.slice(0, 1)))).to.deep.equal(["2024-03-01 18:04:56.5"]);
  });

  it("prints timestamp_ntz as the wall-clock time it is, with no zone", () => {
    expect(texts(timestampMicros(null, [1709296496123456n, 0n]))).to.deep.equal(["2024-03-01 12:34:56.123456", "1970-01-01 00:00:00"]);
    expect(texts(timestampNanos(null, [1709296496123456789n]))).to.deep.equal(["2024-03-01 12:34:56.123456789"]);
  });

  it("prints a day-time interval with the fields of its Spark type, which Arrow does not carry", () => {
    const threeDays = durationMicros([3n * 86_400_000_000n]);
    const cases: [string, string][] = [
      ["interval day", "INTERVAL '3' DAY"],
      ["interval day to hour", "INTERVAL '3 00' DAY TO HOUR"],
      ["interval day to minute", "INTERVAL '3 00:00' DAY TO MINUTE"],
      ["interval day to second", "INTERVAL '3 00:00:00' DAY TO SECOND"],
      ["interval hour", "INTERVAL '72' HOUR"],
      ["interval hour to minute", "INTERVAL '72:00' HOUR TO MINUTE"],
      ["interval hour to second", "INTERVAL '72:00:00' HOUR TO SECOND"],
      ["interval minute", "INTERVAL '4320' MINUTE"],
      ["interval minute to second", "INTERVAL '4320:00' MINUTE TO SECOND"],
      ["interval second", "INTERVAL '259200' SECOND"],
    ];
    expect(cases.map(([type]) => [type, texts(threeDays, type)[0]])).to.deep.equal(cases);
  });

  it("pads hours, minutes and seconds as Spark does, signs and fractions included", () => {
    const values = durationMicros([-500_000n, 4_500_000n, 0n, -(86_400_000_000n + 3_723_000_001n)]);
    expect(texts(values, "interval second")).to.deep.equal([
      "INTERVAL '-00.5' SECOND",
      "INTERVAL '04.5' SECOND",
      "INTERVAL '00' SECOND",
      "INTERVAL '-90123.000001' SECOND",
    ]);
    const minutes = durationMicros([-60_000_000n, 300_000_000n, 0n, -90_120_000_000n]);
    expect(texts(minutes, "interval minute")).to.deep.equal([
      "INTERVAL '-01' MINUTE",
      "INTERVAL '05' MINUTE",
      "INTERVAL '00' MINUTE",
      "INTERVAL '-1502' MINUTE",
    ]);
  });

  it("prints a year-month interval with the fields of its Spark type", () => {
    const months = yearMonths([14, -14, 0]);
    expect(texts(months, "interval year to month")).to.deep.equal([
      "INTERVAL '1-2' YEAR TO MONTH",
      "INTERVAL '-1-2' YEAR TO MONTH",
      "INTERVAL '0-0' YEAR TO MONTH",
    ]);
    expect(texts(months, "interval year")).to.deep.equal(["INTERVAL '1' YEAR", "INTERVAL '-1' YEAR", "INTERVAL '0' YEAR"]);
    expect(texts(months, "interval month")).to.deep.equal(["INTERVAL '14' MONTH", "INTERVAL '-14' MONTH", "INTERVAL '0' MONTH"]);
  });

  it("prints intervals with all their fields when the Spark type is not known, or is not an interval's", () => {
    expect(texts(durationMicros([93_784_500_000n]))).to.deep.equal(["INTERVAL '1 02:03:04.5' DAY TO SECOND"]);
    expect(texts(durationMicros([93_784_500_000n]), "interval second to day")).to.deep.equal(["INTERVAL '1 02:03:04.5' DAY TO SECOND"]);
    expect(texts(yearMonths([14]), "interval day")).to.deep.equal(["INTERVAL '1-2' YEAR TO MONTH"]);
  });

  it("prints the legacy calendar interval as Spark casts it to a string", () => {
    expect(texts(monthDayNanos([{ months: 14, days: 25, nanos: 18_367_500_000_000n }]), "interval")).to.deep.equal([
      "1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds",
    ]);
  });
});

describe("Spark values as show() prints them: strings, binaries, variants", () => {
  it("prints strings as they are, control characters escaped as show() escapes them", () => {
    expect(texts(built(new Utf8(), ["plain", "", "null", "a\tb\nc"]))).to.deep.equal(["plain", "", "null", "a\\tb\\nc"]);
  });

  it("prints binaries as Spark 4 does: upper-case hex bytes in brackets", () => {
    expect(texts(built(new Binary(), [Uint8Array.of(1, 2, 255), new Uint8Array(0)]))).to.deep.equal(["[01 02 FF]", "[]"]);
  });

  it("shows the first kilobyte of a binary, then its size", () => {
    const text = sparkBinaryText(new Uint8Array(2000).fill(0xab));
    expect(text).to.equal(`[${Array(1024).fill("AB").join(" ")} …] (2000 bytes)`);
  });

  it("prints variants as their JSON", () => {
    const json = new VariantValue(Uint8Array.of(0x0c, 0x01), Uint8Array.of(0x01, 0x00, 0x00));
    expect(texts(variantData([{ value: json.value, metadata: json.metadata }])))
      .to.deep.equal([json.toJson()])
      .and.to.deep.equal(["1"]);
  });
});

describe("Spark values as show() prints them: arrays, maps, structs and nulls", () => {
  it("prints arrays as [a, b], strings bare, nulls inside them as NULL", () => {
    expect(texts(built(list(new Int32()), [[1, 2, null], [], null]))).to.deep.equal(["[1, 2, NULL]", "[]", null]);
    expect(texts(built(list(new Utf8()), [["x", null, "null", ""]]))).to.deep.equal(["[x, NULL, null, ]"]);
    expect(texts(built(list(new Float64()), [[1.5, 80, 1e10]]))).to.deep.equal(["[1.5, 80.0, 1.0E10]"]);
  });

  it("prints maps as {k -> v}, in their order", () => {
    const data = built(map(new Utf8(), new Int32()), [
      new Map([
        ["k", 1],
        ["n", null],
      ]),
      new Map(),
    ]);
    expect(texts(data)).to.deep.equal(["{k -> 1, n -> NULL}", "{}"]);
  });

  it("prints structs by position, without names, a repeated name's fields both", () => {
    const type = new Struct([new Field("a", new Int32(), true), new Field("a", new Utf8(), true)]);
    const data = makeData({ type, length: 2, nullCount: 0, children: [built(new Int32(), [1, null]), built(new Utf8(), ["x", "y"])] });
    expect(texts(data, "struct<a:int,a:string>")).to.deep.equal(["{1, x}", "{NULL, y}"]);
  });

  it("prints each nested value as show() prints it on its own, with its own Spark type", () => {
    const type = new Struct([
      new Field("d", new Duration(TimeUnit.MICROSECOND), true),
      new Field("xs", list(new Duration(TimeUnit.MICROSECOND)), true),
    ]);
    const day = 86_400_000_000n;
    const data = makeData({
      type,
      length: 1,
      nullCount: 0,
      children: [durationMicros([day]), built(list(new Duration(TimeUnit.MICROSECOND)), [[2n * day, null]])],
    });
    expect(texts(data, "struct<d:interval day,xs:array<interval hour>>")).to.deep.equal(["{INTERVAL '1' DAY, [INTERVAL '48' HOUR, NULL]}"]);
  });

  it("shows a top-level null as null (the table marks it) and a void column as nulls", () => {
    expect(texts(built(new Int32(), [null]))).to.deep.equal([null]);
    expect(texts(makeData({ type: new Null(), length: 2 }))).to.deep.equal([null, null]);
    expect(texts(built(list(new Null()), [[null, null]]))).to.deep.equal(["[NULL, NULL]"]);
  });

  it("shows the first thousand items of a collection, then how many more there are", () => {
    const [text] = texts(built(list(new Int32()), [Array.from({ length: 1005 }, (_, i) => i)]));
    expect(text).to.match(/^\[0, 1, .*, 999, … 5 more\]$/);
  });

  it("shows sixteen levels of nesting, deeper ones as an ellipsis", () => {
    let type: Data["type"] = new Int32();
    let value: unknown = 0;
    for (let i = 0; i < 20; i++) {
      type = list(type);
      value = [value];
    }
    expect(texts(built(type, [value]))[0]).to.equal(`${"[".repeat(16)}…${"]".repeat(16)}`);
  });
});

describe("Spark type names read along the Arrow type", () => {
  const duration = new Duration(TimeUnit.MICROSECOND);

  it("splits arrays, maps and structs into their parts, decimals and collations whole", () => {
    const type = new Struct([new Field("m", map(new Utf8(), list(duration)), true), new Field("d", new Float64(), true)]);
    const tree = sparkTypeTree(type, "struct<m:map<string collate UTF8_LCASE,array<interval day>>,d:decimal(10,2)>");
    expect(tree?.children.map((child) => child.name)).to.deep.equal([
      "map<string collate UTF8_LCASE,array<interval day>>",
      "decimal(10,2)",
    ]);
    expect(tree?.children[0]!.children.map((child) => child.name)).to.deep.equal(["string collate UTF8_LCASE", "array<interval day>"]);
    expect(tree?.children[0]!.children[1]!.children[0]!.name).to.equal("interval day");
  });

  it("matches a struct field's name whole, whatever characters it holds", () => {
    const type = new Struct([new Field("a,b>c:d", duration, true), new Field("e", duration, true)]);
    const tree = sparkTypeTree(type, "struct<a,b>c:d:interval hour,e:interval minute>");
    expect(tree?.children.map((child) => child.name)).to.deep.equal(["interval hour", "interval minute"]);
  });

  it("gives nothing when the name does not have the Arrow type's shape", () => {
    expect(sparkTypeTree(list(duration), "interval day")).to.equal(undefined);
    expect(sparkTypeTree(new Struct([new Field("a", duration, true)]), "struct<b:interval day>")).to.equal(undefined);
    expect(sparkTypeTree(duration, "interval day>")).to.equal(undefined);
  });
});
