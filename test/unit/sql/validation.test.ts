import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DecimalType, SparkSession, VarcharType, type DataFrame } from "../../../src";
import {
  checkedCount,
  checkedNumber,
  checkedPositiveCount,
  checkedWholeNumber,
  INT32_MAX,
  isWholeNumber,
  seedOf,
} from "../../../src/sql/validation";

describe("numeric argument checks", () => {
  it("accepts whole numbers within the bounds and returns them", () => {
    expect(checkedWholeNumber(5, "n", { min: 1, max: 5 })).to.equal(5);
    expect(checkedWholeNumber(-3, "n")).to.equal(-3);
    expect(isWholeNumber(2, { min: 2 })).to.equal(true);
    expect(isWholeNumber("2", { min: 2 })).to.equal(false);
  });

  it("names the argument, its range and the value it got", () => {
    expect(() => checkedWholeNumber(0, "numPartitions", { min: 1, max: INT32_MAX })).to.throw(
      RangeError,
      "numPartitions must be a whole number from 1 to 2147483647, got 0",
    );
    expect(() => checkedWholeNumber(-1, "timeoutMs", { min: 0 })).to.throw(RangeError, "timeoutMs must be a whole number >= 0, got -1");
    expect(() => checkedWholeNumber(1.5, "seed")).to.throw(RangeError, "seed must be a whole number, got 1.5");
    expect(() => checkedWholeNumber(Number.NaN, "n", { max: 3 })).to.throw(RangeError, "n must be a whole number <= 3, got NaN");
  });

  it("holds counts to 0..2^31-1 and positive counts to 1..2^31-1, what the protocol's int32 fields hold", () => {
    expect(checkedCount(0, "limit")).to.equal(0);
    expect(checkedCount(INT32_MAX, "limit")).to.equal(INT32_MAX);
    expect(() => checkedCount(INT32_MAX + 1, "limit")).to.throw(
      RangeError,
      "limit must be a whole number from 0 to 2147483647, got 2147483648",
    );
    expect(checkedPositiveCount(1, "numBuckets")).to.equal(1);
    expect(() => checkedPositiveCount(0, "numBuckets")).to.throw(
      RangeError,
      "numBuckets must be a whole number from 1 to 2147483647, got 0",
    );
  });

  it("checks numbers for finiteness and bounds, an exclusive lower bound included", () => {
    expect(checkedNumber(0.5, "support", { above: 0, max: 1 })).to.equal(0.5);
    expect(() => checkedNumber(0, "support", { above: 0, max: 1 })).to.throw(
      RangeError,
      "support must be a number above 0 and at most 1, got 0",
    );
    expect(() => checkedNumber(-1, "fraction", { min: 0 })).to.throw(RangeError, "fraction must be a number >= 0, got -1");
    expect(() => checkedNumber(2, "fractions", { min: 0, max: 1 })).to.throw(RangeError, "fractions must be a number from 0 to 1, got 2");
    expect(() => checkedNumber(Infinity, "option x")).to.throw(RangeError, "option x must be a finite number, got Infinity");
  });

  it("makes a seed a 64-bit integer: whole numbers as they are, bigints wrapped as Java's long, none a random one", () => {
    expect(seedOf(42)).to.equal(42n);
    expect(seedOf(-7n)).to.equal(-7n);
    expect(seedOf(2n ** 63n)).to.equal(-(2n ** 63n));
    expect(() => seedOf(0.5)).to.throw(RangeError, "seed must be a whole number, got 0.5");
    const random = seedOf(undefined);
    expect(random >= 0n && random < 2n ** 63n).to.equal(true);
  });
});

describe("the user API's numeric arguments, checked before anything is sent", () => {
  let spark: SparkSession;
  let df: DataFrame;

  before(async () => {
    // Nothing listens there: these checks run before any call.
    spark = await SparkSession.builder.remote("sc://127.0.0.1:1").create();
    df = spark.range(10);
  });

  after(async () => {
    await spark.stop().catch(() => undefined);
  });

  it("refuses partition and bucket counts outside 1 to 2^31-1, naming the argument", () => {
    for (const make of [
      () => df.repartition(0),
      () => df.coalesce(1.5),
      () => df.repartitionByRange(-1, "id"),
      () => df.repartitionById(0, "id"),
    ]) {
      expect(make).to.throw(RangeError, /^numPartitions must be a whole number from 1 to 2147483647, got /);
    }
    expect(() => df.write.bucketBy(2 ** 31, "id")).to.throw(
      RangeError,
      "numBuckets must be a whole number from 1 to 2147483647, got 2147483648",
    );
  });

  it("refuses row counts outside 0 to 2^31-1, naming the argument", () => {
    expect(() => df.limit(-1)).to.throw(RangeError, "limit must be a whole number from 0 to 2147483647, got -1");
    expect(() => df.offset(0.5)).to.throw(RangeError, "offset must be a whole number from 0 to 2147483647, got 0.5");
    expect(() => df.na.drop({ thresh: -1 })).to.throw(RangeError, "thresh must be a whole number from 0 to 2147483647, got -1");
  });

  it("checks and wraps seeds the same way in every method that samples", () => {
    expect(() => df.sample(0.5, 1.5)).to.throw(RangeError, "seed must be a whole number, got 1.5");
    expect(() => df.randomSplit([1, 1], 1.5)).to.throw(RangeError, "seed must be a whole number, got 1.5");
    expect(() => df.stat.sampleBy("id", { 1: 0.5 }, 1.5)).to.throw(RangeError, "seed must be a whole number, got 1.5");
    const plan = df.stat.sampleBy("id", { 1: 0.5 }, 2n ** 64n + 3n).plan.relType;
    expect(plan?.$case === "sampleBy" ? plan.sampleBy.seed : undefined).to.equal(3n);
  });

  it("refuses fractions, weights and support outside their ranges, naming which", () => {
    expect(() => df.sample(-0.1)).to.throw(RangeError, "fraction must be a number >= 0, got -0.1");
    expect(() => df.randomSplit([1, -1])).to.throw(RangeError, "weights[1] must be a number >= 0, got -1");
    expect(() => df.stat.freqItems(["id"], 0)).to.throw(RangeError, "support must be a number above 0 and at most 1, got 0");
    expect(() => df.stat.sampleBy("id", { 1: 2 })).to.throw(RangeError, "fractions must be a number from 0 to 1, got 2");
  });

  it("refuses type parameters outside their ranges with the same wording", () => {
    expect(() => new DecimalType(39, 0)).to.throw(RangeError, "DecimalType precision must be a whole number from 1 to 38, got 39");
    expect(() => new VarcharType(-1)).to.throw(RangeError, "VarcharType length must be a whole number from 0 to 2147483647, got -1");
  });
});
