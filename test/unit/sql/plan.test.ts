import { expect } from "chai";
import { describe, it } from "mocha";
import { literalOf } from "../../../src/sql/plan/literal";
import { relation } from "../../../src/sql/plan/relation";
import { SparkSession } from "../../../src/sql/session";

describe("literals from JS values", () => {
  it("makes whole numbers int when they fit in 32 bits and bigint beyond", () => {
    expect(literalOf(42).literalType).to.deep.equal({ $case: "integer", integer: 42 });
    expect(literalOf(-(2 ** 31)).literalType).to.deep.equal({ $case: "integer", integer: -(2 ** 31) });
    expect(literalOf(2 ** 31).literalType).to.deep.equal({ $case: "long", long: 2n ** 31n });
  });

  it("makes other numbers double, NaN and infinities included", () => {
    expect(literalOf(2.5).literalType).to.deep.equal({ $case: "double", double: 2.5 });
    expect(literalOf(2 ** 60).literalType).to.deep.equal({ $case: "double", double: 2 ** 60 });
    expect(literalOf(Number.NaN).literalType).to.have.property("double").that.satisfies(Number.isNaN);
    expect(literalOf(-Infinity).literalType).to.deep.equal({ $case: "double", double: -Infinity });
  });

  it("makes bigint a Spark bigint and refuses one beyond 64 bits", () => {
    expect(literalOf(-(2n ** 63n)).literalType).to.deep.equal({ $case: "long", long: -(2n ** 63n) });
    expect(() => literalOf(2n ** 63n)).to.throw(RangeError, /64-bit/);
  });

  it("makes a Date a timestamp in microseconds since the epoch", () => {
    expect(literalOf(new Date("2024-01-02T03:04:05.678Z")).literalType).to.deep.equal({
      $case: "timestamp",
      timestamp: 1704164645678000n,
    });
    expect(() => literalOf(new Date("nope"))).to.throw(RangeError);
  });

  it("makes strings, booleans, bytes and null what they are", () => {
    expect(literalOf("héllo").literalType).to.deep.equal({ $case: "string", string: "héllo" });
    expect(literalOf(false).literalType).to.deep.equal({ $case: "boolean", boolean: false });
    const bytes = literalOf(new Uint8Array([0, 255])).literalType;
    expect(bytes?.$case).to.equal("binary");
    expect([...(bytes as { binary: Buffer }).binary]).to.deep.equal([0, 255]);
    expect(literalOf(null).literalType?.$case).to.equal("null");
  });

  it("refuses values Spark has no literal for", () => {
    expect(() => literalOf({} as never)).to.throw(TypeError, /Object cannot be a Spark literal/);
  });
});

describe("plan nodes", () => {
  it("are frozen, so no DataFrame can change a plan another one shares", () => {
    const node = relation({ $case: "range", range: { start: 0n, end: 3n, step: 1n } });
    expect(Object.isFrozen(node)).to.equal(true);
    expect(Object.isFrozen(node.relType)).to.equal(true);
    expect(() => {
      (node as { relType: unknown }).relType = undefined;
    }).to.throw(TypeError);
  });

  it("each get a new plan id", () => {
    const a = relation({ $case: "range", range: { start: 0n, end: 3n, step: 1n } });
    const b = relation({ $case: "range", range: { start: 0n, end: 3n, step: 1n } });
    expect(a.common?.planId).to.be.a("bigint");
    expect(b.common!.planId! > a.common!.planId!).to.equal(true);
  });

  it("can hold bytes without freezing them", () => {
    const node = relation({ $case: "localRelation", localRelation: { data: Buffer.from([1, 2]) } });
    expect(Object.isFrozen(node)).to.equal(true);
  });
});

describe("SparkSession.builder", () => {
  it("returns a new builder from every call and leaves the old one as it was", () => {
    const base = SparkSession.builder.remote("sc://one:1");
    const changed = base.remote("sc://two:2");
    expect(base.connectionString).to.equal("sc://one:1");
    expect(changed.connectionString).to.equal("sc://two:2");
  });

  it("defaults to SPARK_REMOTE, then to sc://localhost:15002", () => {
    const saved = process.env.SPARK_REMOTE;
    try {
      process.env.SPARK_REMOTE = "sc://from-env:1234";
      expect(SparkSession.builder.connectionString).to.equal("sc://from-env:1234");
      delete process.env.SPARK_REMOTE;
      expect(SparkSession.builder.connectionString).to.equal("sc://localhost:15002");
    } finally {
      if (saved === undefined) delete process.env.SPARK_REMOTE;
      else process.env.SPARK_REMOTE = saved;
    }
  });
});
