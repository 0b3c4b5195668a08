import { expect } from "chai";
import { describe, it } from "mocha";
import { tableFromArrays } from "apache-arrow";
import {
  DecimalType,
  IntegerType,
  LocalDate,
  LocalDateTime,
  LocalValueError,
  StringType,
  StructField,
  StructType,
  Timestamp,
  type DataFrame,
} from "../../../src";
import { expectRejection } from "../../support/rejection";
import { serverAtLeast, useSession } from "../../support/spark";

async function plain(df: DataFrame): Promise<Record<string, unknown>[]> {
  return (await df.collect()).map((row) => ({ ...row }));
}

describe("spark.createDataFrame", () => {
  const spark = useSession();

  describe("inputs", () => {
    it("takes objects keyed by column name and infers the types as PySpark does", async () => {
      const df = await spark.createDataFrame([
        { name: "Ada", age: 36, height: 1.65, admin: true },
        { name: "Alan", age: 41, height: 1.8, admin: false },
      ]);
      expect(await df.dtypes).to.deep.equal([
        ["name", "string"],
        ["age", "bigint"],
        ["height", "double"],
        ["admin", "boolean"],
      ]);
      expect(await plain(df)).to.deep.equal([
        { name: "Ada", age: 36n, height: 1.65, admin: true },
        { name: "Alan", age: 41n, height: 1.8, admin: false },
      ]);
    });

    it("takes arrays in column order with column names", async () => {
      const df = await spark.createDataFrame(
        [
          ["a", 1],
          ["b", 2],
        ],
        ["letter", "n"],
      );
      expect(await plain(df)).to.deep.equal([
        { letter: "a", n: 1n },
        { letter: "b", n: 2n },
      ]);
    });

    it("names the columns of arrays _1, _2, ... without names", async () => {
      expect(await (await spark.createDataFrame([[1, "x"]])).columns).to.deep.equal(["_1", "_2"]);
    });

    it("takes a DDL schema, parsed by the server", async () => {
      const df = await spark.createDataFrame([["a", 1, "9.99"]], "letter STRING, n INT, price DECIMAL(5,2)");
      expect(await df.dtypes).to.deep.equal([
        ["letter", "string"],
        ["n", "int"],
        ["price", "decimal(5,2)"],
      ]);
      expect(await plain(df)).to.deep.equal([{ letter: "a", n: 1, price: "9.99" }]);
    });

    it("takes a StructType, with nullability kept", async () => {
      const schema = new StructType([new StructField("id", new IntegerType(), false), new StructField("tag", new StringType(), true)]);
      const df = await spark.createDataFrame([{ id: 1, tag: null }], schema);
      expect((await df.schema).fields.map((f) => [f.name, f.nullable])).to.deep.equal([
        ["id", false],
        ["tag", true],
      ]);
      expect(await plain(df)).to.deep.equal([{ id: 1, tag: null }]);
    });

    it("takes an Apache Arrow Table as it is", async () => {
      const table = tableFromArrays({ id: Int32Array.from([1, 2, 3]), score: Float64Array.from([0.5, 1.5, 2.5]) });
      const df = await spark.createDataFrame(table);
      expect(await df.dtypes).to.deep.equal([
        ["id", "int"],
        ["score", "double"],
      ]);
      expect(await df.count()).to.equal(3);
    });

    it("a mix of whole and fractional numbers is double; a missing key is null", async () => {
      const df = await spark.createDataFrame([{ x: 1, y: "a" }, { x: 2.5 }]);
      expect(await df.dtypes).to.deep.equal([
        ["x", "double"],
        ["y", "string"],
      ]);
      expect(await plain(df)).to.deep.equal([
        { x: 1, y: "a" },
        { x: 2.5, y: null },
      ]);
    });
  });

  describe("types", () => {
    it("dates, timestamps, timestamp_ntz, binary and bigints round-trip exactly", async () => {
      const ts = new Timestamp(1_709_296_496_123_456n);
      const ntz = new LocalDateTime(2024, 3, 1, 12, 34, 56, 789_012);
      const df = await spark.createDataFrame([
        { d: new LocalDate(1969, 12, 31), t: ts, n: ntz, b: new Uint8Array([0, 255]), big: 2n ** 62n },
      ]);
      expect(await df.dtypes).to.deep.equal([
        ["d", "date"],
        ["t", "timestamp"],
        ["n", "timestamp_ntz"],
        ["b", "binary"],
        ["big", "bigint"],
      ]);
      const [row] = await df.collect();
      expect((row.d as LocalDate).toString()).to.equal("1969-12-31");
      expect((row.t as Timestamp).epochMicros).to.equal(ts.epochMicros);
      expect((row.n as LocalDateTime).toString()).to.equal("2024-03-01 12:34:56.789012");
      expect([...(row.b as Uint8Array)]).to.deep.equal([0, 255]);
      expect(row.big).to.equal(2n ** 62n);
    });

    it("a JS Date is a timestamp of its millisecond", async () => {
      const [row] = await (await spark.createDataFrame([{ at: new Date("2024-01-02T03:04:05.678Z") }])).collect();
      expect((row.at as Timestamp).toISOString()).to.equal("2024-01-02T03:04:05.678Z");
    });

    it("nested arrays, maps and structs, with nulls inside", async () => {
      const df = await spark.createDataFrame([
        { tags: ["a", null], scores: new Map([["x", 1.5]]), address: { city: "Lyon", zip: null } },
        { tags: [], scores: new Map(), address: null },
      ]);
      expect(await df.dtypes).to.deep.equal([
        ["tags", "array<string>"],
        ["scores", "map<string,double>"],
        ["address", "struct<city:string,zip:string>"],
      ]);
      expect(await plain(df)).to.deep.equal([
        { tags: ["a", null], scores: new Map([["x", 1.5]]), address: { city: "Lyon", zip: null } },
        { tags: [], scores: new Map(), address: null },
      ]);
    });

    it("decimals from strings, exactly, with the schema's scale", async () => {
      const schema = new StructType([new StructField("amount", new DecimalType(38, 10))]);
      const df = await spark.createDataFrame([["12345678901234567890.0123456789"], ["-0.5"], [null]], schema);
      expect((await df.collect()).map((r) => r.amount)).to.deep.equal(["12345678901234567890.0123456789", "-0.5000000000", null]);
    });

    it("an empty list with a schema is an empty DataFrame with the columns", async () => {
      const df = await spark.createDataFrame([], "a INT, b STRING");
      expect(await df.columns).to.deep.equal(["a", "b"]);
      expect(await df.count()).to.equal(0);
    });
  });

  describe("large data", () => {
    // Spark 4.1 added chunked cached relations; older servers take the whole relation as one cached artifact.
    const cachedRelation = async () => ((await serverAtLeast("4.1")) ? "chunkedCachedLocalRelation" : "cachedLocalRelation");

    it("goes through the artifact cache above the threshold, in the form the server's line reads, and comes back intact", async function () {
      this.timeout(120_000);
      const other = spark.newSession();
      try {
        await other.conf.set("spark.sql.session.localRelationCacheThreshold", "65536");
        await other.conf.set("spark.sql.session.localRelationChunkSizeRows", "5000");
        const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: i, text: `row ${i} ${"x".repeat(i % 50)}` }));
        const df = await other.createDataFrame(rows);
        expect(df.plan.relType?.$case).to.equal(await cachedRelation());
        const back = await df.orderBy("id").collect();
        expect(back).to.have.length(20_000);
        expect(back.every((r, i) => r.id === BigInt(i) && r.text === rows[i].text)).to.equal(true);
      } finally {
        await other.stop();
      }
    });

    it("sends an Arrow table above the threshold through the artifact cache too", async function () {
      this.timeout(120_000);
      const other = spark.newSession();
      try {
        await other.conf.set("spark.sql.session.localRelationCacheThreshold", "65536");
        const ids = Int32Array.from({ length: 30_000 }, (_, i) => i);
        const df = await other.createDataFrame(tableFromArrays({ id: ids, half: Float64Array.from(ids, (i) => i / 2) }));
        expect(df.plan.relType?.$case).to.equal(await cachedRelation());
        const [sums] = await df.selectExpr("count(*) AS n", "sum(id) AS s", "max(half) AS m").collect();
        expect(sums).to.deep.include({ n: 30_000n, s: BigInt((29_999 * 30_000) / 2), m: 14_999.5 });
      } finally {
        await other.stop();
      }
    });
  });

  describe("at once, in order with the session's statements", () => {
    it("gives a DataFrame to use without await: show, filter and a temp view made from it", async () => {
      const people = spark.createDataFrame([
        { name: "Ada", age: 36 },
        { name: "Alan", age: 41 },
      ]);
      expect(await people.filter("age > 40").select("name").collect()).to.deep.equal([{ name: "Alan" }]);
      people.createOrReplaceTempView("people_at_once");
      expect(await plain(await spark.sql("SELECT count(*) AS n FROM people_at_once"))).to.deep.equal([{ n: 2n }]);
    });

    it("await gives a DataFrame of the same rows whose plan holds the data", async () => {
      const pending = spark.createDataFrame([["a", 1]], "k STRING, v INT");
      expect(pending.plan.relType?.$case).to.equal("localRelation");
      const df = await pending;
      expect(await plain(df)).to.deep.equal([{ k: "a", v: 1 }]);
      expect(df.plan.relType?.$case === "localRelation" && (df.plan.relType.localRelation.data?.length ?? 0) > 0).to.equal(true);
    });

    it("loses no error: a DataFrame nobody used throws its failure from the session's next request, once", async () => {
      const other = spark.newSession();
      try {
        other.createDataFrame([["two"]], "n INT");
        await expectRejection(other.range(1).collect(), /column "n", row 0: "two"/);
        expect(await other.range(2).count()).to.equal(2);
      } finally {
        await other.stop();
      }
    });
  });

  describe("bad inputs", () => {
    it("says which column and row hold a value that does not fit the schema", async () => {
      try {
        await spark.createDataFrame([[1], ["two"]], "n INT");
        expect.fail("a string is not an int");
      } catch (err) {
        expect(err).to.be.instanceOf(LocalValueError);
        expect((err as Error).message).to.match(/column "n", row 1: "two" \(string\) is not a valid Int32/);
      }
    });

    it("refuses an int out of range, a null in a non-nullable column, and a decimal that does not fit", async () => {
      await expectRejection(spark.createDataFrame([[2 ** 31]], "n INT"), /row 0: 2147483648/);
      const schema = new StructType([new StructField("id", new IntegerType(), false)]);
      expect(() => spark.createDataFrame([[null]], schema)).to.throw(LocalValueError, /null in a column that does not take nulls/);
      await expectRejection(spark.createDataFrame([["1.234"]], "d DECIMAL(4,2)"), /"1.234"/);
    });

    it("throws at the call what it can tell without the server: types it cannot infer, rows of the wrong shape", () => {
      expect(() => spark.createDataFrame([{ a: null }])).to.throw(/every value is null/);
      expect(() => spark.createDataFrame([{ a: 1 }, { a: "x" }])).to.throw(/a string value in a column of bigint values/);
      expect(() => spark.createDataFrame([{ f: () => 1 }])).to.throw(/cannot infer a Spark type/);
      expect(() => spark.createDataFrame([[1, 2]], ["a"])).to.throw(/1 column names for rows of 2 columns/);
      expect(() => spark.createDataFrame([])).to.throw(/no rows/);
    });

    it("throws rows that do not fit a DDL schema (parsed by the server) from await and from an action", async () => {
      await expectRejection(spark.createDataFrame([[1, 2]], "a INT"), /2 values for 1 columns/);
      await expectRejection(spark.createDataFrame([["two"]], "n INT").count(), /column "n", row 0: "two"/);
    });

    it("reports invalid DDL as the server's parse error", async () => {
      await expectRejection(spark.createDataFrame([[1]], "a INTEGRAL"), /INTEGRAL|UNSUPPORTED_DATATYPE|PARSE/);
    });
  });
});
