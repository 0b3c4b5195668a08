import { expect } from "chai";
import { describe, it } from "mocha";
import { inspect } from "node:util";
import { LocalDate, LocalDateTime, LocalTime, Timestamp, VariantValue, type VariantJsValue } from "../../../src/arrow";
import { valuesOf, variantData } from "./arrowData";
import { SPARK_VARIANTS, type SparkVariant } from "./sparkBytes";

function sparkVariant(sql: string): SparkVariant {
  const found = SPARK_VARIANTS.find((v) => v.sql === sql);
  if (!found) throw new Error(`no captured variant for ${sql}`);
  return found;
}

function variant(sql: string): VariantValue {
  const { value, metadata } = sparkVariant(sql);
  return new VariantValue(value, metadata);
}

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, "hex"));
}

/** A variant without object keys, built by hand from the encoding spec. */
function primitive(valueHex: string): VariantValue {
  return new VariantValue(hex(valueHex), hex("010000"));
}

describe("variant: reading Spark's variant columns", () => {
  it("reads a struct<value, metadata> whose metadata field is marked variant as a VariantValue", () => {
    const { value, metadata } = sparkVariant(`parse_json('{"a":1,"b":[true,null,"x"],"c":1.5}')`);
    const [v, nul] = valuesOf(variantData([{ value, metadata }, null]));
    expect(v).to.be.instanceOf(VariantValue);
    expect((v as VariantValue).value).to.deep.equal(value);
    expect((v as VariantValue).metadata).to.deep.equal(metadata);
    expect(nul).to.equal(null);
  });

  it("reads a variant sent as large binaries (spark.sql.execution.arrow.useLargeVarTypes)", () => {
    const { value, metadata } = sparkVariant(`parse_json('[1, "a", null, [true], {"k": 2.5}]')`);
    const [v] = valuesOf(variantData([{ value, metadata }], { large: true }));
    expect(String(v)).to.equal('[1,"a",null,[true],{"k":2.5}]');
  });

  it("tells a variant holding JSON null from a null variant", () => {
    const { value, metadata } = sparkVariant("parse_json('null')");
    const [jsonNull, sqlNull] = valuesOf(variantData([{ value, metadata }, null]));
    expect((jsonNull as VariantValue).toJS()).to.equal(null);
    expect(String(jsonNull)).to.equal("null");
    expect(sqlNull).to.equal(null);
  });
});

describe("variant: JSON text exactly as Spark's to_json writes it", () => {
  for (const captured of SPARK_VARIANTS) {
    it(`writes ${captured.sql.length > 90 ? captured.sql.slice(0, 90) + "…" : captured.sql} as Spark does`, () => {
      expect(new VariantValue(captured.value, captured.metadata).toJson(captured.timeZone)).to.equal(captured.json);
    });
  }

  it("writes timestamps in UTC unless given a time zone", () => {
    const v = variant("cast(timestamp'2024-03-01 12:34:56.123456' as variant)");
    expect(v.toJson()).to.equal('"2024-03-01 20:34:56.123456+00:00"');
    expect(v.toJson("Asia/Kolkata")).to.equal('"2024-03-02 02:04:56.123456+05:30"');
  });

  it("gives the same JSON text from toString() and toJSON(), so JSON.stringify embeds it as a string", () => {
    const v = variant(`parse_json('{"a":1,"b":[true,null,"x"],"c":1.5}')`);
    expect(v.toString()).to.equal('{"a":1,"b":[true,null,"x"],"c":1.5}');
    expect(JSON.stringify({ v })).to.equal(JSON.stringify({ v: '{"a":1,"b":[true,null,"x"],"c":1.5}' }));
    expect(inspect(v)).to.equal('VariantValue({"a":1,"b":[true,null,"x"],"c":1.5})');
  });
});

describe("variant: JS values (toJS)", () => {
  const cases: [string, VariantJsValue][] = [
    ["cast(true as variant)", true],
    ["cast(false as variant)", false],
    ["cast(cast(-2 as tinyint) as variant)", -2],
    ["cast(cast(300 as smallint) as variant)", 300],
    ["cast(-300000 as variant)", -300000],
    ["cast(9007199254740991L as variant)", 9007199254740991],
    ["cast(-9007199254740993L as variant)", -9007199254740993n],
    ["cast(1.5D as variant)", 1.5],
    ["cast(1e20D as variant)", 1e20],
    ["cast(double('-Infinity') as variant)", -Infinity],
    ["cast(cast(0.1 as float) as variant)", Math.fround(0.1)],
    ["cast(cast(1.50 as decimal(5,2)) as variant)", "1.5"],
    ["cast(cast(-123456789012.3400 as decimal(18,4)) as variant)", "-123456789012.34"],
    ["cast(cast('-99999999999999999999999999999999999999' as decimal(38,0)) as variant)", "-99999999999999999999999999999999999999"],
    ["cast(cast('0.00000000000000000000000000000000000001' as decimal(38,38)) as variant)", "0.00000000000000000000000000000000000001"],
    ["cast(date'1969-12-31' as variant)", new LocalDate(1969, 12, 31)],
    ["cast(date'0001-01-01' as variant)", new LocalDate(1, 1, 1)],
    ["cast(timestamp_ntz'1969-12-31 23:59:59.5' as variant)", new LocalDateTime(1969, 12, 31, 23, 59, 59, 500000)],
    ["cast(X'00ff10' as variant)", new Uint8Array([0, 255, 16])],
    ["cast('héllo 😀 e' || '\\u0301' as variant)", "héllo 😀 e\u0301"],
    ["cast(repeat('x', 70) as variant)", "x".repeat(70)],
    [`parse_json('"tab\\\\tquote\\\\"nl\\\\n\\\\u0001\\\\u001f/"')`, 'tab\tquote"nl\n\u0001\u001f/'],
    [`parse_json('[1, "a", null, [true], {"k": 2.5}]')`, [1, "a", null, [true], { k: "2.5" }]],
    [`parse_json('{"a":1,"b":[true,null,"x"],"c":1.5}')`, { a: 1, b: [true, null, "x"], c: "1.5" }],
    ["to_variant_object(named_struct('s', repeat('y', 300), 'n', 1))", { n: 1, s: "y".repeat(300) }],
    ["parse_json('[' || repeat('null,', 299) || 'null]')", new Array(300).fill(null)],
  ];
  for (const [sql, expected] of cases) {
    it(`gives ${sql} as ${inspect(expected, { maxStringLength: 20, maxArrayLength: 3, breakLength: Infinity })}`, () => {
      expect(variant(sql).toJS()).to.deep.equal(expected);
    });
  }

  it("keeps NaN and negative zero", () => {
    expect(variant("cast(double('NaN') as variant)").toJS()).to.satisfy(Number.isNaN);
    expect(Object.is(variant("cast(-0.0D as variant)").toJS(), -0)).to.equal(true);
  });

  it("gives timestamps as Timestamps of the exact instant", () => {
    const ts = variant("cast(timestamp'2024-03-01 12:34:56.123456' as variant)").toJS() as Timestamp;
    expect(ts).to.be.instanceOf(Timestamp);
    // Spark's session was in America/Los_Angeles (UTC-8 in March) when it made the value.
    expect(ts.epochMicros).to.equal(1709325296123456n);
    expect(ts.toString("America/Los_Angeles")).to.equal("2024-03-01 12:34:56.123456");
  });

  it("gives objects with their keys in Spark's (sorted) order, __proto__ as a key", () => {
    const object = variant(`parse_json('{"b":1,"a":{"c":[]},"A":{}}')`).toJS() as Record<string, unknown>;
    expect(Object.keys(object)).to.deep.equal(["A", "a", "b"]);
    const special = variant(`parse_json('{"__proto__":1,"k\\\\"ey":2}')`).toJS() as Record<string, unknown>;
    expect(Object.getPrototypeOf(special)).to.equal(Object.prototype);
    expect(Object.keys(special)).to.deep.equal(["__proto__", 'k"ey']);
    expect(Object.getOwnPropertyDescriptor(special, "__proto__")!.value).to.equal(1);
  });

  it("reads wide objects: 4-byte sizes, 2-byte ids and offsets, 2-byte metadata offsets", () => {
    const object = variant(
      `parse_json('{' || array_join(transform(sequence(0, 299), i -> '"k' || i || '":' || i), ',') || '}')`,
    ).toJS() as Record<string, number>;
    expect(Object.keys(object)).to.have.length(300);
    expect(object.k0).to.equal(0);
    expect(object.k299).to.equal(299);
  });
});

describe("variant: the primitive types Spark reads but does not write", () => {
  // Built by hand from the variant spec: header byte (type << 2), then the little-endian payload.
  it("reads a time (type 17, microseconds of the day)", () => {
    const v = primitive("44" + "20bde18b0a000000"); // 45296500000 µs
    expect(v.toJS()).to.deep.equal(new LocalTime(12, 34, 56, 500000000));
    expect(v.toJson()).to.equal('"12:34:56.5"');
  });

  it("reads timestamps in nanoseconds (types 18 and 19), keeping all nine digits in JSON and in JS", () => {
    const nanos = "152d42631ba4b817"; // 1709296496123456789 ns
    const instant = primitive("48" + nanos);
    expect(instant.toJson("UTC")).to.equal('"2024-03-01 12:34:56.123456789+00:00"');
    const ts = instant.toJS() as Timestamp;
    expect([ts.epochMicros, ts.nanosWithinMicro, ts.epochNanos]).to.deep.equal([1709296496123456n, 789, 1709296496123456789n]);
    const wallClock = primitive("4c" + nanos);
    expect(wallClock.toJson()).to.equal('"2024-03-01 12:34:56.123456789"');
    expect(wallClock.toJS()).to.deep.equal(new LocalDateTime(2024, 3, 1, 12, 34, 56, 123456, 789));
    expect((wallClock.toJS() as LocalDateTime).toString()).to.equal("2024-03-01 12:34:56.123456789");
  });

  it("reads a UUID (type 20, 16 bytes big-endian) as its canonical text", () => {
    const v = primitive("50" + "123e4567e89b12d3a456426614174000");
    expect(v.toJS()).to.equal("123e4567-e89b-12d3-a456-426614174000");
    expect(v.toJson()).to.equal('"123e4567-e89b-12d3-a456-426614174000"');
  });
});

describe("variant: malformed bytes", () => {
  it("refuses metadata of another version when constructed", () => {
    expect(() => new VariantValue(hex("00"), hex("020000"))).to.throw(RangeError, /Malformed variant/);
    expect(() => new VariantValue(hex("00"), new Uint8Array(0))).to.throw(RangeError);
  });

  it("refuses a value cut short, an unknown type and a key beyond the dictionary when read", () => {
    expect(() => primitive("18ffff").toJson()).to.throw(RangeError, /Malformed variant/);
    expect(() => primitive("54").toJS()).to.throw(RangeError, /unknown primitive type 21/);
    expect(() => new VariantValue(hex("0201050000"), hex("010000")).toJS()).to.throw(RangeError, /key id 5/);
  });
});
