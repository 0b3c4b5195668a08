// A notebook's table shows every value as Spark's own show() prints it: for one query per family
// of types, each cell of the HTML table and of the text grid is compared with the cell of the
// server's showString (truncate = false) for the same rows, in a session whose time zone is not UTC.
import { expect } from "chai";
import { before, describe, it } from "mocha";
import type { DataFrame } from "../../../src";
import { dataFrameBundle } from "../../../src/sql/display/dataFrameBundle";
import { newSession, requireSpark, useSession } from "../../support/spark";
import { parseTable } from "../../unit/render/htmlTable";
import { showCells } from "../../support/showGrid";

// A zone with daylight saving time, and a local mean time before 1883 that is not whole minutes.
const ZONE = "America/New_York";

interface Shown {
  /** Spark's show(truncate = false): header, then rows. */
  readonly spark: string[][];
  /** The notebook's HTML table, a null written NULL: header, then rows. */
  readonly html: string[][];
  /** The notebook's text table: header, then rows. */
  readonly text: string[][];
  /** The Spark types the HTML table names under the column names. */
  readonly types: (string | undefined)[];
}

async function shown(df: DataFrame): Promise<Shown> {
  const [bundle, sparkGrid] = await Promise.all([dataFrameBundle(df, { maxCellChars: 1000 }), df.showString(100, false)]);
  const parsed = parseTable(bundle["text/html"]);
  return {
    spark: showCells(sparkGrid),
    html: [parsed.header.map((h) => h.name), ...parsed.rows.map((row) => row.map((cell) => (cell.isNull ? "NULL" : cell.text)))],
    text: showCells(bundle["text/plain"]),
    types: parsed.header.map((h) => h.type),
  };
}

/** Rows of `[column, Spark's cell, ours]` where the two differ: none, when the table shows each value as show() does. */
function differences(spark: string[][], ours: string[][]): string[][] {
  const header = spark[0] ?? [];
  const out: string[][] = [];
  spark.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (ours[r]?.[c] !== cell) out.push([`row ${r} ${header[c]}`, cell, String(ours[r]?.[c])]);
    }),
  );
  if (ours.length !== spark.length) out.push(["rows", String(spark.length), String(ours.length)]);
  return out;
}

describe("notebook tables show each value as Spark's show() prints it", function () {
  const spark = useSession();

  before(async function () {
    await requireSpark(this, "4.0", "show()'s Spark 4 forms (NULL inside nested values, binaries as [01 02])");
    // This session's setting alone: the shared server's other sessions keep theirs.
    await spark.conf.set("spark.sql.session.timeZone", ZONE);
  });

  /** Checks every cell of both tables of the query against show(), and that the query covered `rows` rows. */
  async function expectAsShow(sql: string, rows: number): Promise<Shown> {
    const result = await shown(await spark.sql(sql));
    expect(result.spark.length, "rows shown by Spark (header included)").to.equal(rows + 1);
    expect(differences(result.spark, result.html), "HTML table").to.deep.equal([]);
    expect(differences(result.spark, result.text), "text table").to.deep.equal([]);
    return result;
  }

  /** One column `v` of the given values, one a row (in order, with a NULL last). */
  function column(values: readonly string[], type?: string): string {
    const cast = (v: string) => (type ? `CAST(${v} AS ${type})` : v);
    return `SELECT v FROM (SELECT posexplode(array(${[...values.map(cast), cast("NULL")].join(", ")})) AS (i, v)) ORDER BY i`;
  }

  it("integers and booleans", async () => {
    await expectAsShow(
      `SELECT * FROM VALUES
         (CAST(-128 AS TINYINT), CAST(32767 AS SMALLINT), -2147483648, 9223372036854775807L, true),
         (CAST(0 AS TINYINT), CAST(-1 AS SMALLINT), 0, -9223372036854775808L, false),
         (NULL, NULL, NULL, NULL, NULL) AS t(b, s, i, l, flag)`,
      3,
    );
  });

  it("doubles: integral values keep .0, large and small ones take Java's exponent, NaN and the infinities", async () => {
    const values = [
      "80.0D",
      "-80.0D",
      "0.0D",
      "-0.0D",
      "1.5D",
      "0.1D + 0.2D",
      "9999999.0D",
      "1e7D",
      "1e10D",
      "-1.2345678e7D",
      "123456789.125D",
      "0.001D",
      "0.000999D",
      "1e-4D",
      "1.0E-5D",
      "4.35D",
      "1e22D",
      "1.7976931348623157E308D",
      "4.9E-324D",
      "2.2250738585072014E-308D",
      "double('NaN')",
      "double('Infinity')",
      "double('-Infinity')",
      "1e16D",
      "123456789012345.6D",
    ];
    const result = await expectAsShow(column(values), values.length + 1);
    expect(result.types).to.deep.equal(["double"]);
    // The forms the review found wrong, spelled out.
    expect(result.html.slice(1, 2)).to.deep.equal([["80.0"]]);
    expect(result.html[9]).to.deep.equal(["1.0E10"]);
  });

  it("floats, printed with a float's own shortest digits", async () => {
    const values = [
      "80",
      "0.1",
      "1.1",
      "-3.3333333",
      "123456.7",
      "1e7",
      "1e10",
      "1.0E-5",
      "0.001",
      "3.4028235E38",
      "1.4E-45",
      "16777216",
      "-0.0",
      "'NaN'",
      "'-Infinity'",
      "1234.5",
    ];
    await expectAsShow(column(values, "FLOAT"), values.length + 1);
  });

  it("decimals at their scale, however small or large", async () => {
    await expectAsShow(
      `SELECT * FROM VALUES
         (CAST(0 AS DECIMAL(20,10)), CAST(1.5 AS DECIMAL(5,2)), CAST(-0.00001 AS DECIMAL(38,18)), CAST(12345678901234567890.123 AS DECIMAL(38,3)), CAST(7 AS DECIMAL(10,0))),
         (CAST(-1 AS DECIMAL(20,10)), CAST(-999.99 AS DECIMAL(5,2)), CAST(0.000000000000000001 AS DECIMAL(38,18)), CAST(-99999999999999999999999999999999999.999 AS DECIMAL(38,3)), CAST(0 AS DECIMAL(10,0))),
         (NULL, NULL, NULL, NULL, NULL) AS t(a, b, c, d, e)`,
      3,
    );
  });

  it("dates, and timestamps in the session time zone, daylight saving and local mean time included", async () => {
    await expectAsShow(
      `SELECT * FROM VALUES
         (DATE'2024-03-01', TIMESTAMP'2024-03-01 12:34:56.5', TIMESTAMP_NTZ'2024-03-01 12:34:56.5'),
         (DATE'0001-01-01', TIMESTAMP'2024-07-01 00:00:00', TIMESTAMP_NTZ'0001-01-01 00:00:00'),
         (DATE'9999-12-31', TIMESTAMP'2024-03-10 02:30:00', TIMESTAMP_NTZ'9999-12-31 23:59:59.999999'),
         (DATE'1969-12-31', TIMESTAMP'1969-12-31 23:59:59.999999', TIMESTAMP_NTZ'1969-12-31 23:59:59.000001'),
         (DATE'1582-10-04', TIMESTAMP'1800-01-01 00:00:00', TIMESTAMP_NTZ'1582-10-15 00:00:00.1'),
         (DATE'2000-02-29', TIMESTAMP'0001-01-01 00:00:00.123', TIMESTAMP_NTZ'2000-02-29 12:00:00'),
         (NULL, NULL, NULL) AS t(d, ts, ntz)`,
      7,
    );
  });

  it("a timestamp's text follows the session time zone it was fetched in", async () => {
    const other = await newSession();
    try {
      await other.conf.set("spark.sql.session.timeZone", "Asia/Kolkata");
      const sql = "SELECT TIMESTAMP'2024-03-01 12:34:56Z' AS ts, array(TIMESTAMP'2024-07-01 00:00:00Z') AS a";
      const here = await shown(await spark.sql(sql));
      const there = await shown(await other.sql(sql));
      expect(here.html[1]).to.deep.equal(here.spark[1]).and.to.deep.equal(["2024-03-01 07:34:56", "[2024-06-30 20:00:00]"]);
      expect(there.html[1]).to.deep.equal(there.spark[1]).and.to.deep.equal(["2024-03-01 18:04:56", "[2024-07-01 05:30:00]"]);
    } finally {
      await other.stop();
    }
  });

  it("year-month intervals of every unit combination, in ANSI form with their own fields", async () => {
    const result = await expectAsShow(
      `SELECT * FROM VALUES
         (INTERVAL '3' YEAR, INTERVAL '1-2' YEAR TO MONTH, INTERVAL '3' MONTH),
         (INTERVAL '-3' YEAR, INTERVAL '-1-2' YEAR TO MONTH, INTERVAL '-14' MONTH),
         (INTERVAL '0' YEAR, INTERVAL '0-0' YEAR TO MONTH, INTERVAL '0' MONTH),
         (INTERVAL '178956970' YEAR, INTERVAL '178956970-7' YEAR TO MONTH, INTERVAL '2147483647' MONTH),
         (NULL, NULL, NULL) AS t(y, ym, m)`,
      5,
    );
    expect(result.types).to.deep.equal(["interval year", "interval year to month", "interval month"]);
  });

  it("day-time intervals of every unit combination, in ANSI form with their own fields", async () => {
    const result = await expectAsShow(
      `SELECT * FROM VALUES
         (INTERVAL '3' DAY, INTERVAL '1 02' DAY TO HOUR, INTERVAL '1 02:03' DAY TO MINUTE, INTERVAL '1 02:03:04.5' DAY TO SECOND,
          INTERVAL '26' HOUR, INTERVAL '26:03' HOUR TO MINUTE, INTERVAL '26:03:04.000001' HOUR TO SECOND,
          INTERVAL '5' MINUTE, INTERVAL '65:04' MINUTE TO SECOND, INTERVAL '4.5' SECOND),
         (INTERVAL '-3' DAY, INTERVAL '-1 02' DAY TO HOUR, INTERVAL '-1 02:03' DAY TO MINUTE, INTERVAL '-1 02:03:04.5' DAY TO SECOND,
          INTERVAL '-26' HOUR, INTERVAL '-26:03' HOUR TO MINUTE, INTERVAL '-26:03:04.000001' HOUR TO SECOND,
          INTERVAL '-5' MINUTE, INTERVAL '-65:04' MINUTE TO SECOND, INTERVAL '-0.5' SECOND),
         (INTERVAL '0' DAY, INTERVAL '0 00' DAY TO HOUR, INTERVAL '0 00:00' DAY TO MINUTE, INTERVAL '0 00:00:00' DAY TO SECOND,
          INTERVAL '0' HOUR, INTERVAL '0:00' HOUR TO MINUTE, INTERVAL '0:00:00' HOUR TO SECOND,
          INTERVAL '0' MINUTE, INTERVAL '0:00' MINUTE TO SECOND, INTERVAL '0' SECOND),
         (INTERVAL '106751991' DAY, INTERVAL '106751991 04' DAY TO HOUR, INTERVAL '106751991 04:00' DAY TO MINUTE, INTERVAL '106751991 04:00:54.775807' DAY TO SECOND,
          INTERVAL '2562047788' HOUR, INTERVAL '2562047788:00' HOUR TO MINUTE, INTERVAL '2562047788:00:54.775807' HOUR TO SECOND,
          INTERVAL '153722867280' MINUTE, INTERVAL '153722867280:54.775807' MINUTE TO SECOND, INTERVAL '9223372036854.775807' SECOND),
         (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL) AS t(d, dh, dm, ds, h, hm, hs, m, ms, s)`,
      5,
    );
    expect(result.types).to.deep.equal([
      "interval day",
      "interval day to hour",
      "interval day to minute",
      "interval day to second",
      "interval hour",
      "interval hour to minute",
      "interval hour to second",
      "interval minute",
      "interval minute to second",
      "interval second",
    ]);
    // The form the review found wrong, spelled out.
    expect(result.html[1][0]).to.equal("INTERVAL '3' DAY");
  });

  it("day-time intervals that arithmetic makes, and the legacy calendar interval", async () => {
    await expectAsShow(
      `SELECT TIMESTAMP'2024-03-02 00:00:00' - TIMESTAMP'2024-03-01 12:00:00' AS diff, INTERVAL '3' DAY * 1.5 AS scaled,
              make_interval(1, 2, 3, 4, 5, 6, 7.5) AS legacy, make_interval(0, 0, 0, 0, 0, 0, 0) AS zero`,
      1,
    );
  });

  it("strings, escapes and all, and binaries as Spark 4 prints them", async () => {
    await expectAsShow(
      `SELECT * FROM VALUES
         ('plain', X'0102FF', CAST('x' AS CHAR(3))),
         ('', X'', CAST('' AS CHAR(3))),
         ('null', CAST('hello' AS BINARY), CAST('abc' AS CHAR(3))),
         ('a\\tb\\nc', X'000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F', CAST('y' AS VARCHAR(5))),
         ('é😀 ∑', X'7F80', NULL),
         (NULL, NULL, NULL) AS t(s, b, c)`,
      6,
    );
  });

  it("arrays of every kind of element, NULL inside them", async () => {
    await expectAsShow(
      `SELECT array(1, 2, NULL) AS ints, array('x', NULL, 'null', '') AS strs, array(1.5D, 80D, 1e10D, double('NaN')) AS doubles,
              array(CAST(1 AS DECIMAL(5,2)), NULL) AS decs, array(TIMESTAMP'2024-03-01 12:00:00', NULL) AS tss, array(DATE'2024-01-01') AS dates,
              array(INTERVAL '3' DAY, INTERVAL '-1' DAY) AS days, array(INTERVAL '1-2' YEAR TO MONTH) AS yms, array(X'01', NULL, X'') AS bins,
              array(array(1), NULL, array()) AS nested, array() AS empty, CAST(NULL AS ARRAY<INT>) AS none, array(CAST(0.1 AS FLOAT)) AS floats,
              array(true, NULL) AS flags, array(named_struct('a', 1, 'b', NULL)) AS structs, array('a\\tb', 'c\\nd') AS escaped`,
      1,
    );
  });

  it("maps, with nested and NULL values and keys of every kind", async () => {
    await expectAsShow(
      `SELECT map('k', 1, 'n', NULL) AS m, map(1, array(1.5D, NULL)) AS arrays, map(INTERVAL '1' MONTH, DATE'2024-01-01') AS ym,
              map(INTERVAL '2' HOUR, INTERVAL '3' MINUTE) AS hm, map(X'CD', named_struct('x', 'b c')) AS bins, map() AS empty,
              CAST(NULL AS MAP<STRING, INT>) AS none, map(TIMESTAMP'2024-03-01 12:00:00', 1.0D) AS ts, map('a', map('b', NULL)) AS deep,
              map('k\\tk', 'v') AS escaped`,
      1,
    );
  });

  it("structs: positional fields, nested and NULL ones, repeated names", async () => {
    await expectAsShow(
      `SELECT named_struct('x', 1, 'y', 'a') AS st, named_struct('x', NULL, 'y', array(NULL)) AS nulls,
              named_struct('a', named_struct('b', NULL, 'c', 80.0D)) AS nested, CAST(NULL AS STRUCT<a: INT>) AS none,
              named_struct('a', 1, 'a', 2) AS twice, named_struct('d', INTERVAL '3' DAY, 'h', INTERVAL '4' HOUR, 'ym', INTERVAL '5' MONTH) AS intervals,
              named_struct('a,b', 1, 'c:d', INTERVAL '2' DAY, 'e>f', array(INTERVAL '1' MINUTE)) AS odd_names,
              named_struct('bin', X'AB', 'dec', CAST(2 AS DECIMAL(4,1)), 'f', CAST(1e10 AS FLOAT)) AS mixed`,
      1,
    );
  });

  it("variants, as their JSON", async () => {
    await expectAsShow(
      `SELECT parse_json('{"b":[1,2.5,"x",null],"a":1.0E10,"c":{"d":true}}') AS obj, parse_json('null') AS json_null,
              parse_json('"s"') AS str, array(parse_json('1'), NULL) AS arr,
              to_variant_object(named_struct('d', DATE'2024-01-01', 'ts', TIMESTAMP'2024-03-01 12:34:56', 'b', X'01', 'f', 1.5D)) AS typed`,
      1,
    );
  });

  it("many rows of every family at once: the cells line up row by row", async () => {
    await expectAsShow(
      `SELECT id, id * 1.5D AS x, CAST(id AS FLOAT) / 3 AS f, make_dt_interval(id, id, id, id / 7.0) AS dt,
              make_ym_interval(CAST(id AS INT), CAST(id AS INT)) AS ym, array(id, NULL) AS a, IF(id % 3 = 0, NULL, named_struct('i', id)) AS s
       FROM range(30)`,
      30,
    );
  });
});
