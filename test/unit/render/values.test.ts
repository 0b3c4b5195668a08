import { expect } from "chai";
import { describe, it } from "mocha";
import { decodeTable, LocalDate, LocalDateTime, LocalTime, Timestamp } from "../../../src/arrow";
import { cellText, tableToHtml, tableToText } from "../../../src/render";
import { EVERY_KIND_STREAM, PRECISIONS_COLUMNS, PRECISIONS_SHOW, PRECISIONS_STREAM } from "../arrow/sparkBytes";
import { parseTable } from "./htmlTable";
import { showCells } from "../../support/showGrid";

describe("cell text: every kind of value a server sends", () => {
  // One row of every kind, as a Spark 4.3 server sent it (see sparkBytes.ts).
  const parsed = parseTable(tableToHtml(decodeTable([EVERY_KIND_STREAM]), { maxCellChars: 1000 }));
  const cells = Object.fromEntries(parsed.header.map((h, i) => [h.name, parsed.rows[0][i]]));
  const types = Object.fromEntries(parsed.header.map((h) => [h.name, h.type]));

  it("names every column's type from the Arrow type in Spark's words", () => {
    expect(types).to.deep.equal({
      i: "int",
      l: "bigint",
      d: "decimal(5,2)",
      s: "string",
      b: "binary",
      dt: "date",
      ts: "timestamp",
      ntz: "timestamp_ntz",
      ym: "interval year to month",
      dts: "interval day to second",
      a: "array<int>",
      m: "map<string,struct<x:int>>",
      st: "struct<a:int>",
      v: "variant",
      n: "void",
      nan: "double",
    });
  });

  it("shows scalars as Spark prints them: exact decimals, session-zone timestamps, intervals", () => {
    const text = (name: string) => cells[name].text;
    expect(["i", "l", "d", "s", "b", "dt", "ts", "ntz", "ym", "dts", "nan"].map(text)).to.deep.equal([
      "1",
      "2",
      "-1.50",
      "héllo",
      "[01 02]",
      "1969-12-31",
      "2024-03-01 12:34:56.123456",
      "0001-01-01 00:00:00.000001",
      "INTERVAL '-1-2' YEAR TO MONTH",
      "INTERVAL '1 02:03:04.5' DAY TO SECOND",
      "NaN",
    ]);
  });

  it("shows arrays, maps, structs and variants as Spark's show() does, nulls inside them as NULL", () => {
    expect(["a", "m", "st", "v"].map((name) => cells[name].text)).to.deep.equal(["[1, NULL]", "{k -> {1}}", "{NULL}", '{"a":[1]}']);
  });

  it("marks the void column's value as a null", () => {
    expect(cells.n).to.include({ text: "NULL", isNull: true });
    expect(Object.values(cells).filter((cell) => cell.isNull)).to.have.length(1);
  });

  it("right-aligns the numeric columns only", () => {
    const right = parsed.header.filter((h) => h.align === "right").map((h) => h.name);
    expect(right).to.deep.equal(["i", "l", "d", "nan"]);
  });

  it("prints the same texts in the text grid", () => {
    const grid = tableToText(decodeTable([EVERY_KIND_STREAM]), { maxCellChars: 1000 });
    for (const cell of Object.values(cells)) expect(grid).to.include(cell.isNull ? "NULL" : cell.text);
  });
});

describe("cell text: Spark 4.3's time(p) and nanosecond timestamps", () => {
  // time(0..9), timestamp_ntz(7..9), timestamp_ltz(7..9), nested ones, as a Spark 4.3 server sent them.
  const table = decodeTable([PRECISIONS_STREAM]);
  const parsed = parseTable(tableToHtml(table, { maxCellChars: 1000 }));
  const [sparkHeader, ...sparkRows] = showCells(PRECISIONS_SHOW);
  const columns = PRECISIONS_COLUMNS.map((_, c) => c);

  it("names each column's type with the precision Spark marks in the Arrow metadata", () => {
    expect(parsed.header.map((h) => h.type)).to.deep.equal([
      ...Array.from({ length: 10 }, (_, p) => `time(${p})`),
      "timestamp_ntz(7)",
      "timestamp_ntz(8)",
      "timestamp_ntz(9)",
      "timestamp_ltz(7)",
      "timestamp_ltz(8)",
      "timestamp_ltz(9)",
      "array<timestamp_ltz(9)>",
      "struct<t:time(9),n:timestamp_ntz(8)>",
    ]);
  });

  it("shows every digit in the HTML cells, exactly as Spark's show() prints the same values", () => {
    expect(sparkHeader).to.deep.equal([...PRECISIONS_COLUMNS]);
    const ours = parsed.rows.map((row) => columns.map((c) => (row[c].isNull ? "NULL" : row[c].text)));
    expect(ours).to.deep.equal(sparkRows);
  });

  it("shows the same in the text grid", () => {
    const ours = showCells(tableToText(table, { maxCellChars: 1000 })).slice(1);
    expect(ours).to.deep.equal(sparkRows);
  });

  it("shows the nanoseconds inside arrays and structs as well", () => {
    const [arr, st] = [PRECISIONS_COLUMNS.indexOf("arr"), PRECISIONS_COLUMNS.indexOf("st")];
    expect(parsed.rows.map((row) => row[arr].text)).to.deep.equal(sparkRows.map((row) => row[arr]));
    expect(parsed.rows[0][st].text).to.equal("{23:59:59.987654321, 2024-01-02 03:04:05.12345678}");
  });
});

describe("cellText", () => {
  it("returns null for null and undefined, and text for everything else", () => {
    expect([null, undefined].map(cellText)).to.deep.equal([null, null]);
    expect(cellText("")).to.equal("");
  });

  it("prints numbers as JS does, keeping the sign of -0, and bigints whole", () => {
    expect([1, 1.5, -0, NaN, -Infinity, 1e21, 12345678901234567890n].map(cellText)).to.deep.equal([
      "1",
      "1.5",
      "-0",
      "NaN",
      "-Infinity",
      "1e+21",
      "12345678901234567890",
    ]);
  });

  it("prints the client's date and time values as Spark does, and plain Dates in ISO 8601", () => {
    expect(cellText(new LocalDate(2024, 3, 1))).to.equal("2024-03-01");
    expect(cellText(new Timestamp(1709296496123400n, "Europe/Paris"))).to.equal("2024-03-01 13:34:56.1234");
    expect(cellText(new Date(Date.UTC(2024, 2, 1)))).to.equal("2024-03-01T00:00:00.000Z");
    expect(cellText(new Date(NaN))).to.equal("Invalid Date");
  });

  it("prints nanosecond times and timestamps with all their digits, trailing zeros dropped", () => {
    expect(cellText(Timestamp.fromEpochNanos(1709296496123456789n, "Europe/Paris"))).to.equal("2024-03-01 13:34:56.123456789");
    expect(cellText(LocalDateTime.fromEpochNanos(-10n))).to.equal("1969-12-31 23:59:59.99999999");
    expect(cellText(LocalTime.fromNanoOfDay(1n))).to.equal("00:00:00.000000001");
    expect(cellText([Timestamp.fromEpochNanos(1n, "UTC")])).to.equal("[1970-01-01 00:00:00.000000001]");
  });

  it("writes control and direction-changing characters of strings as escapes", () => {
    expect(cellText("a\tb\nc\u0007\u0000\u007f\u202e")).to.equal("a\\tb\\nc\\a\\u0000\\u007F\\u202E");
  });

  it("quotes strings inside nested values and names struct keys bare when they are identifiers", () => {
    expect(cellText({ id: 1, "two words": "x", nested: { list: ["a", null] } })).to.equal(
      '{id: 1, "two words": "x", nested: {list: ["a", null]}}',
    );
  });

  it("shows maps with their keys' own types, in their order", () => {
    expect(
      cellText(
        new Map<unknown, unknown>([
          [2, "b"],
          [1, null],
        ]),
      ),
    ).to.equal('{2 -> "b", 1 -> null}');
  });

  it("cuts very large collections and binaries short, saying how much is left", () => {
    expect(cellText(Array.from({ length: 1005 }, (_, i) => i))).to.match(/, 999, … 5 more\]$/);
    expect(cellText(new Uint8Array(2000))).to.match(/…' \(2000 bytes\)$/);
  });

  it("survives cycles and deep nesting", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(cellText(cyclic)).to.equal("{a: 1, self: [Circular]}");
    let deep: unknown = 0;
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(cellText(deep)).to.match(/^\[{16}…\]{16}$/);
  });

  it("prints sets and typed arrays as arrays, functions and symbols by name", () => {
    expect(cellText(new Set([1, 2]))).to.equal("[1, 2]");
    expect(cellText(Int32Array.of(3, 4))).to.equal("[3, 4]");
    expect(cellText([function named() {}, Symbol("s")])).to.equal("[[Function named], Symbol(s)]");
  });
});
