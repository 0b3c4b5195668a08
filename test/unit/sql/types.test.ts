import { expect } from "chai";
import { describe, it } from "mocha";
import { inspect } from "node:util";
import { DataType as ProtoDataType } from "../../../src/gen/spark/connect/types";
import {
  AnsiIntervalType,
  ArrayType,
  AtomicType,
  BinaryType,
  BooleanType,
  ByteType,
  CalendarIntervalType,
  CharType,
  DataType,
  DateType,
  DatetimeType,
  DayTimeIntervalType,
  DecimalType,
  DoubleType,
  FloatType,
  FractionalType,
  GeographyType,
  GeometryType,
  IntegerType,
  IntegralType,
  LongType,
  MapType,
  NullType,
  NumericType,
  ShortType,
  SpatialType,
  StringType,
  StructField,
  StructType,
  TimeType,
  TimestampLTZNanosType,
  TimestampNTZNanosType,
  TimestampNTZType,
  TimestampType,
  UnknownType,
  UnparsedDataType,
  UserDefinedType,
  VarcharType,
  VariantType,
  YearMonthIntervalType,
  dataTypeFromJson,
  dataTypeFromJsonValue,
  dataTypeFromProto,
  dataTypeToProto,
  dtypes,
  structTypeFromProto,
  type AnyDataType,
} from "../../../src/sql/types";

/** What PySpark prints for one type: typeName(), simpleString(), json(). */
interface Printed {
  typeName: string;
  simpleString: string;
  json: string;
}

/** A type of ours, and what PySpark prints for the same type. */
type Case = [label: string, make: () => DataType, printed: Printed];

const p = (typeName: string, simpleString: string, json: string): Printed => ({ typeName, simpleString, json });

// The struct below, as PySpark 4.3.0 builds it (see PYSPARK_CASES).
const richStruct = () =>
  new StructType([
    new StructField("a", new IntegerType(), false),
    new StructField("b", new StringType()),
    new StructField("c", new StructType([new StructField("d", new DecimalType(10, 2))]), true, {
      comment: "nested",
      z: [1, 2.5, null],
      a: { b: true },
    }),
    new StructField("café", new ArrayType(new StringType("UTF8_LCASE"))),
    new StructField("m", new MapType(new StringType("UNICODE"), new StringType("UTF8_LCASE"), false)),
  ]);

/**
 * The expected strings were printed by PySpark 4.3.0 (the project's .venv) for the same types,
 * `t.typeName()`, `t.simpleString()`, `t.json()`, with the PySpark constructor call shown as the
 * label; they are literals here so the unit tests need neither Python nor a server.
 */
const PYSPARK_CASES: Case[] = [
  ["NullType()", () => new NullType(), p("void", "void", '"void"')],
  ["BooleanType()", () => new BooleanType(), p("boolean", "boolean", '"boolean"')],
  ["BinaryType()", () => new BinaryType(), p("binary", "binary", '"binary"')],
  ["ByteType()", () => new ByteType(), p("byte", "tinyint", '"byte"')],
  ["ShortType()", () => new ShortType(), p("short", "smallint", '"short"')],
  ["IntegerType()", () => new IntegerType(), p("integer", "int", '"integer"')],
  ["LongType()", () => new LongType(), p("long", "bigint", '"long"')],
  ["FloatType()", () => new FloatType(), p("float", "float", '"float"')],
  ["DoubleType()", () => new DoubleType(), p("double", "double", '"double"')],
  ["DecimalType()", () => new DecimalType(), p("decimal", "decimal(10,0)", '"decimal(10,0)"')],
  ["DecimalType(38, 18)", () => new DecimalType(38, 18), p("decimal", "decimal(38,18)", '"decimal(38,18)"')],
  ["StringType()", () => new StringType(), p("string", "string", '"string"')],
  ["StringType('UTF8_LCASE')", () => new StringType("UTF8_LCASE"), p("string", "string collate UTF8_LCASE", '"string collate UTF8_LCASE"')],
  ["StringType('UNICODE_CI')", () => new StringType("UNICODE_CI"), p("string", "string collate UNICODE_CI", '"string collate UNICODE_CI"')],
  ["CharType(3)", () => new CharType(3), p("char", "char(3)", '"char(3)"')],
  ["VarcharType(10)", () => new VarcharType(10), p("varchar", "varchar(10)", '"varchar(10)"')],
  ["DateType()", () => new DateType(), p("date", "date", '"date"')],
  ["TimestampType()", () => new TimestampType(), p("timestamp", "timestamp", '"timestamp"')],
  ["TimestampNTZType()", () => new TimestampNTZType(), p("timestamp_ntz", "timestamp_ntz", '"timestamp_ntz"')],
  ["TimeType()", () => new TimeType(), p("time", "time(6)", '"time(6)"')],
  ["TimeType(0)", () => new TimeType(0), p("time", "time(0)", '"time(0)"')],
  ["TimeType(9)", () => new TimeType(9), p("time", "time(9)", '"time(9)"')],
  ["CalendarIntervalType()", () => new CalendarIntervalType(), p("interval", "interval", '"interval"')],
  ["DayTimeIntervalType()", () => new DayTimeIntervalType(), p("daytimeinterval", "interval day to second", '"interval day to second"')],
  ["DayTimeIntervalType(1)", () => new DayTimeIntervalType(1), p("daytimeinterval", "interval hour", '"interval hour"')],
  [
    "DayTimeIntervalType(2, 3)",
    () => new DayTimeIntervalType(2, 3),
    p("daytimeinterval", "interval minute to second", '"interval minute to second"'),
  ],
  [
    "YearMonthIntervalType()",
    () => new YearMonthIntervalType(),
    p("yearmonthinterval", "interval year to month", '"interval year to month"'),
  ],
  ["YearMonthIntervalType(1)", () => new YearMonthIntervalType(1), p("yearmonthinterval", "interval month", '"interval month"')],
  ["VariantType()", () => new VariantType(), p("variant", "variant", '"variant"')],
  ["GeometryType(4326)", () => new GeometryType(4326), p("geometry", "geometry(4326)", '"geometry(OGC:CRS84)"')],
  ["GeometryType(0)", () => new GeometryType(0), p("geometry", "geometry(0)", '"geometry(SRID:0)"')],
  ["GeometryType(3857)", () => new GeometryType(3857), p("geometry", "geometry(3857)", '"geometry(EPSG:3857)"')],
  ["GeometryType('ANY')", () => new GeometryType("ANY"), p("geometry", "geometry(any)", '"geometry(SRID:ANY)"')],
  ["GeographyType(4326)", () => new GeographyType(4326), p("geography", "geography(4326)", '"geography(OGC:CRS84, SPHERICAL)"')],
  ["GeographyType('ANY')", () => new GeographyType("ANY"), p("geography", "geography(any)", '"geography(SRID:ANY, SPHERICAL)"')],
  [
    "ArrayType(IntegerType())",
    () => new ArrayType(new IntegerType()),
    p("array", "array<int>", '{"containsNull":true,"elementType":"integer","type":"array"}'),
  ],
  [
    "ArrayType(StringType('UNICODE_CI'), False)",
    () => new ArrayType(new StringType("UNICODE_CI"), false),
    p("array", "array<string collate UNICODE_CI>", '{"containsNull":false,"elementType":"string collate UNICODE_CI","type":"array"}'),
  ],
  [
    "MapType(StringType(), IntegerType())",
    () => new MapType(new StringType(), new IntegerType()),
    p("map", "map<string,int>", '{"keyType":"string","type":"map","valueContainsNull":true,"valueType":"integer"}'),
  ],
  [
    "MapType(StringType(), ArrayType(DoubleType(), False), False)",
    () => new MapType(new StringType(), new ArrayType(new DoubleType(), false), false),
    p(
      "map",
      "map<string,array<double>>",
      '{"keyType":"string","type":"map","valueContainsNull":false,"valueType":{"containsNull":false,"elementType":"double","type":"array"}}',
    ),
  ],
  ["StructType()", () => new StructType(), p("struct", "struct<>", '{"fields":[],"type":"struct"}')],
  [
    "StructType([a int not null, b string, c struct<d decimal(10,2)> with metadata, café array<string collate UTF8_LCASE>, m map<string collate UNICODE, string collate UTF8_LCASE>])",
    richStruct,
    p(
      "struct",
      "struct<a:int,b:string,c:struct<d:decimal(10,2)>,café:array<string collate UTF8_LCASE>,m:map<string collate UNICODE,string collate UTF8_LCASE>>",
      '{"fields":[{"metadata":{},"name":"a","nullable":false,"type":"integer"},' +
        '{"metadata":{},"name":"b","nullable":true,"type":"string"},' +
        '{"metadata":{"a":{"b":true},"comment":"nested","z":[1,2.5,null]},"name":"c","nullable":true,"type":{"fields":[{"metadata":{},"name":"d","nullable":true,"type":"decimal(10,2)"}],"type":"struct"}},' +
        '{"metadata":{"__COLLATIONS":{"caf\\u00e9.element":"spark.UTF8_LCASE"}},"name":"caf\\u00e9","nullable":true,"type":{"containsNull":true,"elementType":"string","type":"array"}},' +
        '{"metadata":{"__COLLATIONS":{"m.key":"icu.UNICODE","m.value":"spark.UTF8_LCASE"}},"name":"m","nullable":true,"type":{"keyType":"string","type":"map","valueContainsNull":false,"valueType":"string"}}],' +
        '"type":"struct"}',
    ),
  ],
  [
    // PySpark's pyspark.ml.linalg.VectorUDT(): typeName "vectorudt", simpleString "vector".
    "VectorUDT()",
    () => vectorUdt(),
    p(
      "vectorudt",
      "vector",
      '{"class":"org.apache.spark.ml.linalg.VectorUDT","pyClass":"pyspark.ml.linalg.VectorUDT","sqlType":{"fields":[' +
        '{"metadata":{},"name":"type","nullable":false,"type":"byte"},' +
        '{"metadata":{},"name":"size","nullable":true,"type":"integer"},' +
        '{"metadata":{},"name":"indices","nullable":true,"type":{"containsNull":false,"elementType":"integer","type":"array"}},' +
        '{"metadata":{},"name":"values","nullable":true,"type":{"containsNull":false,"elementType":"double","type":"array"}}' +
        '],"type":"struct"},"type":"udt"}',
    ),
  ],
];

function vectorUdt(): UserDefinedType {
  return new UserDefinedType({
    jvmClass: "org.apache.spark.ml.linalg.VectorUDT",
    pythonClass: "pyspark.ml.linalg.VectorUDT",
    sqlType: new StructType()
      .add("type", new ByteType(), false)
      .add("size", new IntegerType())
      .add("indices", new ArrayType(new IntegerType(), false))
      .add("values", new ArrayType(new DoubleType(), false)),
  });
}

/**
 * Types PySpark 4.3 has no class for. Their simple strings are what the Spark 4.3.0 server's
 * `typeof()` returns for the same SQL types; their JSON is Spark's (Scala) `typeName`, which is
 * what Spark's JSON writes for them.
 */
const SERVER_ONLY_CASES: Case[] = [
  ["timestamp_ntz(9)", () => new TimestampNTZNanosType(), p("timestamp_ntz", "timestamp_ntz(9)", '"timestamp_ntz(9)"')],
  ["timestamp_ltz(7)", () => new TimestampLTZNanosType(7), p("timestamp_ltz", "timestamp_ltz(7)", '"timestamp_ltz(7)"')],
];

const ALL_CASES = [...PYSPARK_CASES, ...SERVER_ONLY_CASES];

/** One type of every kind this client knows (the JSON-less ones included). */
const ONE_OF_EVERY_KIND: DataType[] = [...ALL_CASES.map(([, make]) => make()), new UnparsedDataType("a INT, b STRING"), new UnknownType()];

/**
 * The schema a Spark 4.3.0 server returned (AnalyzePlan, schema) for a query with a column of
 * every kind it can produce, with `spark.sql.timeType.enabled`, `spark.sql.timestampNanosTypes.enabled`
 * and `spark.sql.preserveCharVarcharTypeInfo` set and metadata on `i`: the message's bytes, base64.
 */
const SERVER_SCHEMA =
  "qgGhBAoJCgF2EgIKABgBCgkKA2JpbhICEgAKCAoCYm8SAhoACgcKAWISAiIACgcKAXMSAioACiUKAWkSAjIAIhx7ImNvbW1lbnQiOiJhbiBpbnQiLCJuIjoxLjV9CgcKAWwSAjoACgcKAWYSAkIACgcKAWQSAkoACg0KA2RlYxIGUgQIAhADCgkKA3N0chICWgAKFAoCbGMSDloMEgpVVEY4X0xDQVNFCgkKAWMSBGICCAMKCgoCdmMSBGoCCAUKCAoCZHQSAnIACggKAnRzEgJ6AAoKCgN0c24SA4IBAAoKCgF0EgXiAQIIBgoLCgJ0MxIF4gECCAMKDQoEbnR6ORIF6gECCAkKDQoEbHR6NxIF8gECCAcKCQoCY2kSA4oBAAoNCgJ5bRIHkgEECAAQAQoNCgJtbxIHkgEECAEQAQoNCgJkaBIHmgEECAAQAQoOCgNzZWMSB5oBBAgDEAMKEAoDYXJyEgmiAQYKAjIAEAEKFQoBbRIQsgENCgJaABIHogEECgJaAAolCgJzdBIfqgEcCgcKAXgSAjIAChEKAXkSDKoBCQoHCgF6EgJaAAoKCgN2YXISA8oBAAoLCgRnZW9tEgPSAQAKEgoIZ2VvbTM4NTcSBtIBAwiRHgobCgdnZW9tYW55Eg7SAQsI////////////ARgBCg4KBGdlb2cSBtoBAwjmIQobCgdnZW9nYW55Eg7aAQsI////////////ARgB";

/** `typeof()` of each column of that query, as the same server returned it. */
const SERVER_SCHEMA_TYPES: [string, string][] = [
  ["v", "void"],
  ["bin", "binary"],
  ["bo", "boolean"],
  ["b", "tinyint"],
  ["s", "smallint"],
  ["i", "int"],
  ["l", "bigint"],
  ["f", "float"],
  ["d", "double"],
  ["dec", "decimal(3,2)"],
  ["str", "string"],
  ["lc", "string collate UTF8_LCASE"],
  ["c", "char(3)"],
  ["vc", "varchar(5)"],
  ["dt", "date"],
  ["ts", "timestamp"],
  ["tsn", "timestamp_ntz"],
  ["t", "time(6)"],
  ["t3", "time(3)"],
  ["ntz9", "timestamp_ntz(9)"],
  ["ltz7", "timestamp_ltz(7)"],
  ["ci", "interval"],
  ["ym", "interval year to month"],
  ["mo", "interval month"],
  ["dh", "interval day to hour"],
  ["sec", "interval second"],
  ["arr", "array<int>"],
  ["m", "map<string,array<string>>"],
  ["st", "struct<x:int,y:struct<z:string>>"],
  ["var", "variant"],
  ["geom", "geometry(0)"],
  ["geom3857", "geometry(3857)"],
  ["geomany", "geometry(any)"],
  ["geog", "geography(4326)"],
  ["geogany", "geography(any)"],
];

/** pyspark.sql.connect.types.pyspark_types_to_proto_types(VectorUDT()), serialized, base64. */
const PYSPARK_VECTOR_UDT =
  "ugGSAQoDdWR0EiRvcmcuYXBhY2hlLnNwYXJrLm1sLmxpbmFsZy5WZWN0b3JVRFQaG3B5c3BhcmsubWwubGluYWxnLlZlY3RvclVEVCpIqgFFCgoKBHR5cGUSAiIACgwKBHNpemUSAjIAGAEKFAoHaW5kaWNlcxIHogEECgIyABgBChMKBnZhbHVlcxIHogEECgJKABgB";

const decode = (base64: string) => ProtoDataType.decode(Buffer.from(base64, "base64"));
const encode = (proto: ProtoDataType) => Buffer.from(ProtoDataType.encode(proto).finish()).toString("base64");
const roundTrip = (type: DataType) => dataTypeFromProto(ProtoDataType.decode(ProtoDataType.encode(dataTypeToProto(type)).finish()));

describe("data types: construction", () => {
  it("takes PySpark's defaults for the parameters left out", () => {
    expect(new DecimalType()).to.include({ precision: 10, scale: 0 });
    expect(new StringType().collation).to.equal("UTF8_BINARY");
    expect(new ArrayType(new IntegerType()).containsNull).to.equal(true);
    expect(new MapType(new StringType(), new IntegerType()).valueContainsNull).to.equal(true);
    const field = new StructField("a", new IntegerType());
    expect(field.nullable).to.equal(true);
    expect(field.metadata).to.deep.equal({});
    expect(new TimeType().precision).to.equal(6);
    expect(new TimestampNTZNanosType().precision).to.equal(9);
    expect(new TimestampLTZNanosType().precision).to.equal(9);
    expect(new StructType().fields).to.deep.equal([]);
  });

  it("fills the interval fields as PySpark does: all units, or one when only the start is given", () => {
    expect(new DayTimeIntervalType()).to.include({ startField: DayTimeIntervalType.DAY, endField: DayTimeIntervalType.SECOND });
    expect(new DayTimeIntervalType(DayTimeIntervalType.MINUTE)).to.include({ startField: 2, endField: 2 });
    expect(new YearMonthIntervalType()).to.include({ startField: YearMonthIntervalType.YEAR, endField: YearMonthIntervalType.MONTH });
    expect(new YearMonthIntervalType(YearMonthIntervalType.MONTH)).to.include({ startField: 1, endField: 1 });
  });

  it("shares one instance of each type without parameters, as PySpark's singletons", () => {
    expect(new IntegerType()).to.equal(new IntegerType());
    expect(new NullType()).to.equal(new NullType());
    expect(new CalendarIntervalType()).to.equal(new CalendarIntervalType());
    expect(new UnknownType()).to.equal(new UnknownType());
    expect(new IntegerType()).not.to.equal(new LongType());
    expect(new DecimalType(10, 2)).not.to.equal(new DecimalType(10, 2));
  });

  it("sorts the types into PySpark's families", () => {
    expect(new IntegerType()).to.be.instanceOf(IntegralType).and.instanceOf(NumericType).and.instanceOf(AtomicType);
    expect(new DecimalType()).to.be.instanceOf(FractionalType);
    expect(new TimestampNTZNanosType()).to.be.instanceOf(DatetimeType);
    expect(new DayTimeIntervalType()).to.be.instanceOf(AnsiIntervalType);
    expect(new GeometryType(0)).to.be.instanceOf(SpatialType);
    expect(new CalendarIntervalType()).not.to.be.instanceOf(AtomicType);
    expect(new NullType()).not.to.be.instanceOf(AtomicType);
    expect(new StructType()).to.be.instanceOf(DataType);
  });

  it("refuses parameters Spark does not accept", () => {
    expect(() => new DecimalType(39, 0)).to.throw(RangeError, /precision/);
    expect(() => new DecimalType(0)).to.throw(RangeError, /precision/);
    expect(() => new DecimalType(5, 6)).to.throw(RangeError, /scale/);
    expect(() => new DecimalType(10.5)).to.throw(RangeError);
    expect(() => new CharType(-1)).to.throw(RangeError, /length/);
    expect(() => new VarcharType(1.5)).to.throw(RangeError, /length/);
    expect(() => new TimeType(10)).to.throw(RangeError, /precision/);
    expect(() => new TimestampNTZNanosType(6)).to.throw(RangeError, /precision/);
    expect(() => new TimestampLTZNanosType(10)).to.throw(RangeError, /precision/);
    expect(() => new DayTimeIntervalType(4)).to.throw(RangeError, /startField/);
    expect(() => new DayTimeIntervalType(3, 0)).to.throw(RangeError, /start must come first/);
    expect(() => new DayTimeIntervalType(undefined, 2)).to.throw(RangeError, /startField/);
    expect(() => new YearMonthIntervalType(0, 2)).to.throw(RangeError, /endField/);
    expect(() => new StringType("")).to.throw(RangeError, /collation/);
    expect(() => new GeometryType(-2)).to.throw(RangeError, /SRID/);
    expect(() => new GeographyType(1.5)).to.throw(RangeError, /SRID/);
    expect(() => new GeometryType(4326, "EPSG:3857")).to.throw(RangeError, /does not name SRID 4326/);
  });

  it("refuses a nested type that is not a DataType", () => {
    const notAType = "integer" as unknown as DataType;
    expect(() => new ArrayType(notAType)).to.throw(TypeError, /elementType/);
    expect(() => new MapType(new StringType(), notAType)).to.throw(TypeError, /valueType/);
    expect(() => new StructField("a", notAType)).to.throw(TypeError, /dataType/);
    expect(() => new StructType([notAType as unknown as StructField])).to.throw(TypeError, /StructField/);
  });

  it('accepts any SRID the server may send, and -1 or "ANY" for mixed SRIDs', () => {
    expect(new GeometryType(32633).simpleString()).to.equal("geometry(32633)");
    expect(new GeographyType(4267).simpleString()).to.equal("geography(4267)");
    expect(new GeometryType(-1).equals(new GeometryType("ANY"))).to.equal(true);
    expect(new GeometryType("ANY").isMixedSrid()).to.equal(true);
  });
});

describe("data types: names, simple strings and JSON as PySpark 4.3 prints them", () => {
  for (const [label, make, printed] of ALL_CASES) {
    it(`${label} prints ${printed.simpleString}`, () => {
      const type = make();
      expect({ typeName: type.typeName(), simpleString: type.simpleString(), json: type.json() }).to.deep.equal(printed);
    });
  }

  it("gives jsonValue as the parsed form of json", () => {
    for (const [, make, printed] of ALL_CASES) {
      expect(make().jsonValue()).to.deep.equal(JSON.parse(printed.json));
    }
  });

  it("writes a field's simple string as name:type, its name as it is", () => {
    expect(new StructField("a b", new IntegerType()).simpleString()).to.equal("a b:int");
    expect(new StructType().add("x:y", new StructType().add("c.d", new IntegerType())).simpleString()).to.equal(
      "struct<x:y:struct<c.d:int>>",
    );
  });

  it("shows an unparsed type's text as PySpark's repr does", () => {
    expect(new UnparsedDataType("int ").simpleString()).to.equal("unparsed('int ')");
    expect(new UnparsedDataType("a 'b'").simpleString()).to.equal(`unparsed("a 'b'")`);
  });

  it("refuses to write JSON for an unparsed type, which only the server can resolve", () => {
    expect(() => new UnparsedDataType("int").json()).to.throw(TypeError, /no JSON form/);
  });

  it("names an unknown type 'unknown'", () => {
    expect(new UnknownType().simpleString()).to.equal("unknown");
  });
});

describe("data types: toString", () => {
  it("reads like the TypeScript that builds the type, as PySpark's repr reads like Python", () => {
    expect(String(new IntegerType())).to.equal("IntegerType()");
    expect(String(new DecimalType(10, 2))).to.equal("DecimalType(10,2)");
    expect(String(new StringType())).to.equal("StringType()");
    expect(String(new StringType("UTF8_LCASE"))).to.equal('StringType("UTF8_LCASE")');
    expect(String(new DayTimeIntervalType())).to.equal("DayTimeIntervalType(0, 3)");
    expect(String(new GeometryType("ANY"))).to.equal("GeometryType(ANY)");
    expect(String(new MapType(new StringType(), new ArrayType(new DoubleType(), false), false))).to.equal(
      "MapType(StringType(), ArrayType(DoubleType(), false), false)",
    );
    expect(String(new StructType().add("a", new IntegerType(), false))).to.equal('StructType([StructField("a", IntegerType(), false)])');
  });

  it("is what Node's console shows", () => {
    expect(inspect(new ArrayType(new IntegerType()))).to.equal("ArrayType(IntegerType(), true)");
    expect(inspect(new StructField("a", new LongType()))).to.equal('StructField("a", LongType(), true)');
  });
});

describe("data types: equality", () => {
  it("holds between separately built types with the same parameters", () => {
    for (const [, make] of ALL_CASES) expect(make().equals(make())).to.equal(true);
    expect(new UnparsedDataType("int").equals(new UnparsedDataType("int"))).to.equal(true);
  });

  it("tells apart types of different kinds, including those that print alike", () => {
    for (const [i, a] of ONE_OF_EVERY_KIND.entries()) {
      for (const [j, b] of ONE_OF_EVERY_KIND.entries()) {
        if (i !== j) expect(a.equals(b), `${a.toString()} vs ${b.toString()}`).to.equal(false);
      }
    }
    expect(new TimestampNTZNanosType(9).equals(new TimestampNTZType())).to.equal(false);
  });

  it("compares every parameter", () => {
    expect(new DecimalType(10, 2).equals(new DecimalType(10, 3))).to.equal(false);
    expect(new StringType("UTF8_LCASE").equals(new StringType())).to.equal(false);
    expect(new CharType(3).equals(new VarcharType(3))).to.equal(false);
    expect(new ArrayType(new IntegerType()).equals(new ArrayType(new IntegerType(), false))).to.equal(false);
    expect(new MapType(new StringType(), new IntegerType()).equals(new MapType(new StringType(), new LongType()))).to.equal(false);
    expect(new DayTimeIntervalType(0, 1).equals(new DayTimeIntervalType(0, 2))).to.equal(false);
    expect(new TimeType(3).equals(new TimeType(6))).to.equal(false);
    expect(new GeometryType(0).equals(new GeometryType(4326))).to.equal(false);
    expect(new GeometryType(4326).equals(new GeographyType(4326))).to.equal(false);
  });

  it("compares a struct's field names, types, nullability and metadata, metadata key order aside", () => {
    const a = new StructType().add("x", new IntegerType(), true, { p: 1, q: [true] });
    expect(a.equals(new StructType().add("x", new IntegerType(), true, { q: [true], p: 1 }))).to.equal(true);
    expect(a.equals(new StructType().add("y", new IntegerType(), true, { p: 1, q: [true] }))).to.equal(false);
    expect(a.equals(new StructType().add("x", new IntegerType(), false, { p: 1, q: [true] }))).to.equal(false);
    expect(a.equals(new StructType().add("x", new IntegerType(), true, { p: 2, q: [true] }))).to.equal(false);
    expect(a.equals(new StructType().add("x", new IntegerType()))).to.equal(false);
    expect(a.equals(a.add("z", new StringType()))).to.equal(false);
  });

  it("is false for anything that is not a data type", () => {
    expect(new IntegerType().equals("int")).to.equal(false);
    expect(new IntegerType().equals(undefined)).to.equal(false);
    expect(new StructField("a", new IntegerType()).equals(new IntegerType())).to.equal(false);
  });

  it("takes a geometry's SRID alone as its identity, as Spark does", () => {
    expect(GeometryType.fromCrs("ESRI:102003").equals(new GeometryType(102003))).to.equal(true);
  });
});

describe("data types: immutability", () => {
  it("freezes every type, field and field list", () => {
    for (const type of ONE_OF_EVERY_KIND) expect(Object.isFrozen(type), String(type)).to.equal(true);
    const schema = richStruct();
    expect(Object.isFrozen(schema.fields)).to.equal(true);
    expect(Object.isFrozen(schema.fields[0])).to.equal(true);
  });

  it("keeps a frozen copy of the metadata and fields it is given", () => {
    const metadata = { comment: "x", tags: ["a"] };
    const field = new StructField("a", new IntegerType(), true, metadata);
    metadata.tags.push("b");
    expect(field.metadata).to.deep.equal({ comment: "x", tags: ["a"] });
    expect(Object.isFrozen(field.metadata["tags"])).to.equal(true);
    const fields = [field];
    const schema = new StructType(fields);
    fields.push(new StructField("b", new IntegerType()));
    expect(schema.length).to.equal(1);
  });

  it("rejects assignments in strict mode", () => {
    const decimal = new DecimalType(10, 2);
    expect(() => ((decimal as { precision: number }).precision = 5)).to.throw(TypeError);
    const schema = new StructType().add("a", new IntegerType());
    expect(() => (schema.fields as StructField[]).push(new StructField("b", new IntegerType()))).to.throw(TypeError);
  });
});

describe("StructType: building and reading a schema", () => {
  const base = new StructType().add("name", new StringType()).add("age", new IntegerType(), false);

  it("add returns a new struct and leaves the original as it was", () => {
    const more = base.add(new StructField("tags", new ArrayType(new StringType())));
    expect(more).not.to.equal(base);
    expect(base.fieldNames()).to.deep.equal(["name", "age"]);
    expect(more.fieldNames()).to.deep.equal(["name", "age", "tags"]);
  });

  it("add builds the field from its parts, defaulting to nullable with no metadata", () => {
    const schema = new StructType().add("a", new LongType()).add("b", new LongType(), false, { comment: "c" });
    expect(schema.get("a").equals(new StructField("a", new LongType(), true, {}))).to.equal(true);
    expect(schema.get("b").equals(new StructField("b", new LongType(), false, { comment: "c" }))).to.equal(true);
  });

  it("add takes a type by its JSON name, as PySpark does", () => {
    const schema = new StructType().add("a", "integer").add("b", "decimal(10,2)").add("c", "string collate UTF8_LCASE");
    expect(schema.simpleString()).to.equal("struct<a:int,b:decimal(10,2),c:string collate UTF8_LCASE>");
    expect(() => new StructType().add("a", "int")).to.throw(TypeError, /"int" is not a data type name/);
  });

  it("looks a field up by name, or by position counting from either end", () => {
    expect(base.get("age").dataType.equals(new IntegerType())).to.equal(true);
    expect(base.get(0).name).to.equal("name");
    expect(base.get(-1).name).to.equal("age");
  });

  it("finds the first of several fields with one name, as PySpark does", () => {
    const schema = new StructType().add("a", new IntegerType()).add("a", new StringType());
    expect(schema.get("a").dataType.equals(new IntegerType())).to.equal(true);
  });

  it("fails for a missing name or position", () => {
    expect(() => base.get("height")).to.throw(RangeError, /no field "height"/);
    expect(() => base.get(2)).to.throw(RangeError);
    expect(() => base.get(-3)).to.throw(RangeError);
  });

  it("iterates its fields and counts them", () => {
    expect([...base].map((field) => field.name)).to.deep.equal(["name", "age"]);
    expect(base.length).to.equal(2);
  });

  it("dtypes gives [name, simple string] pairs, as PySpark's df.dtypes", () => {
    expect(dtypes(richStruct())).to.deep.equal([
      ["a", "int"],
      ["b", "string"],
      ["c", "struct<d:decimal(10,2)>"],
      ["café", "array<string collate UTF8_LCASE>"],
      ["m", "map<string collate UNICODE,string collate UTF8_LCASE>"],
    ]);
  });
});

describe("data types: the Spark Connect protocol", () => {
  it("round-trips a type of every kind, nested in arrays, maps and structs too", () => {
    for (const type of ONE_OF_EVERY_KIND) {
      expect(roundTrip(type).equals(type), String(type)).to.equal(true);
      const nested = new StructType()
        .add("a", new ArrayType(type, false))
        .add("m", new MapType(new StringType(), type), false, { comment: "c" });
      expect(roundTrip(nested).equals(nested), String(nested)).to.equal(true);
    }
  });

  it("reads the schema a Spark 4.3 server sent and writes back the same bytes", () => {
    const proto = decode(SERVER_SCHEMA);
    const schema = structTypeFromProto(proto);
    expect(dtypes(schema)).to.deep.equal(SERVER_SCHEMA_TYPES);
    expect(dataTypeToProto(schema)).to.deep.equal(proto);
    expect(encode(dataTypeToProto(schema))).to.equal(SERVER_SCHEMA);
  });

  it("reads the server's nullability and metadata", () => {
    const schema = structTypeFromProto(decode(SERVER_SCHEMA));
    expect(schema.get("v").nullable).to.equal(true);
    expect(schema.get("i").nullable).to.equal(false);
    expect(schema.get("i").metadata).to.deep.equal({ comment: "an int", n: 1.5 });
    expect(schema.get("lc").dataType.equals(new StringType("UTF8_LCASE"))).to.equal(true);
  });

  it("keeps every metadata key a server may send as a plain key, __proto__ included", () => {
    const metadata = '{"__proto__":{"polluted":true},"comment":"c"}';
    const proto: ProtoDataType = dataTypeToProto(new StructType().add("a", new IntegerType()));
    if (proto.kind?.$case !== "struct") throw new Error("expected a struct");
    const field = structTypeFromProto({
      kind: { ...proto.kind, struct: { ...proto.kind.struct, fields: [{ ...proto.kind.struct.fields[0], metadata }] } },
    }).get("a");
    expect(Object.keys(field.metadata)).to.deep.equal(["__proto__", "comment"]);
    expect(Object.getPrototypeOf(field.metadata)).to.equal(Object.prototype);
    expect(field.json()).to.equal('{"metadata":{"__proto__":{"polluted":true},"comment":"c"},"name":"a","nullable":true,"type":"integer"}');
  });

  it("refuses field metadata that is not a JSON object", () => {
    const proto = dataTypeToProto(new StructType().add("a", new IntegerType()));
    if (proto.kind?.$case !== "struct") throw new Error("expected a struct");
    const broken = {
      kind: { ...proto.kind, struct: { ...proto.kind.struct, fields: [{ ...proto.kind.struct.fields[0], metadata: "[1]" }] } },
    };
    expect(() => dataTypeFromProto(broken)).to.throw(TypeError, /not a JSON object/);
  });

  it("reads and writes PySpark's message for a UDT byte for byte", () => {
    const type = dataTypeFromProto(decode(PYSPARK_VECTOR_UDT));
    expect(type.equals(vectorUdt())).to.equal(true);
    expect(encode(dataTypeToProto(type))).to.equal(PYSPARK_VECTOR_UDT);
  });

  it("writes every optional parameter, and the default collation as the server does, empty", () => {
    expect(dataTypeToProto(new DecimalType())).to.deep.equal({
      kind: { $case: "decimal", decimal: { precision: 10, scale: 0, typeVariationReference: 0 } },
    });
    expect(dataTypeToProto(new StringType())).to.deep.equal({
      kind: { $case: "string", string: { collation: "", typeVariationReference: 0 } },
    });
    expect(dataTypeToProto(new DayTimeIntervalType(1))).to.deep.equal({
      kind: { $case: "dayTimeInterval", dayTimeInterval: { startField: 1, endField: 1, typeVariationReference: 0 } },
    });
    expect(dataTypeToProto(new GeometryType("ANY"))).to.deep.equal({
      kind: { $case: "geometry", geometry: { srid: -1, typeVariationReference: 0 } },
    });
  });

  it("fills what a message leaves out with the server's defaults", () => {
    const read = (kind: ProtoDataType["kind"]) => dataTypeFromProto({ kind });
    expect(read({ $case: "decimal", decimal: { typeVariationReference: 0 } }).equals(new DecimalType(10, 0))).to.equal(true);
    expect(read({ $case: "decimal", decimal: { precision: 5, typeVariationReference: 0 } }).equals(new DecimalType(5, 0))).to.equal(true);
    expect(read({ $case: "string", string: { collation: "", typeVariationReference: 0 } }).equals(new StringType())).to.equal(true);
    expect(read({ $case: "time", time: { typeVariationReference: 0 } }).equals(new TimeType(6))).to.equal(true);
    expect(
      read({ $case: "timestampNtzNanos", timestampNtzNanos: { typeVariationReference: 0 } }).equals(new TimestampNTZNanosType(9)),
    ).to.equal(true);
    expect(
      read({ $case: "dayTimeInterval", dayTimeInterval: { typeVariationReference: 0 } }).equals(new DayTimeIntervalType(0, 3)),
    ).to.equal(true);
    expect(
      read({ $case: "yearMonthInterval", yearMonthInterval: { startField: 1, typeVariationReference: 0 } }).equals(
        new YearMonthIntervalType(1, 1),
      ),
    ).to.equal(true);
  });

  it("keeps a message of a kind it does not know as UnknownType, and writes it back as it came", () => {
    // What the protocol decoder leaves when the server sends a kind newer than these stubs.
    const unknown = ProtoDataType.decode(Buffer.from([0xfa, 0x3e, 0x00]));
    expect(unknown.kind).to.equal(undefined);
    const type = dataTypeFromProto(unknown);
    expect(type).to.be.instanceOf(UnknownType);
    expect(dataTypeToProto(type)).to.deep.equal({ kind: undefined });
  });

  it("refuses a message whose nested type is missing", () => {
    const broken: ProtoDataType = { kind: { $case: "array", array: { containsNull: true, typeVariationReference: 0 } } };
    expect(() => dataTypeFromProto(broken)).to.throw(TypeError, /array element/);
  });

  it("structTypeFromProto refuses a type that is not a struct", () => {
    expect(() => structTypeFromProto(dataTypeToProto(new IntegerType()))).to.throw(TypeError, /expected a struct type, got int/);
  });
});

describe("data types: reading Spark's JSON schema format", () => {
  it("reads back every type's JSON as an equal type", () => {
    for (const [label, make] of ALL_CASES) {
      const type = make();
      expect(dataTypeFromJson(type.json()).equals(type), label).to.equal(true);
    }
  });

  it("turns a field's __COLLATIONS metadata back into collated strings, and drops the key", () => {
    const schema = dataTypeFromJson(richStruct().json()) as StructType;
    expect(schema.get("café").dataType.equals(new ArrayType(new StringType("UTF8_LCASE")))).to.equal(true);
    expect(schema.get("café").metadata).to.deep.equal({});
  });

  it("reads Scala's key order and fields without nullable or metadata", () => {
    const schema = dataTypeFromJson(
      '{"type":"struct","fields":[{"name":"a","type":"integer","nullable":false,"metadata":{"k":1}},{"name":"b","type":"long"}]}',
    );
    expect(schema.equals(new StructType().add("a", new IntegerType(), false, { k: 1 }).add("b", new LongType()))).to.equal(true);
  });

  it("reads the older and alternative names Spark's reader accepts", () => {
    const read = (name: string) => dataTypeFromJsonValue(name);
    expect(read("null").equals(new NullType())).to.equal(true);
    expect(read("timestamp_ltz").equals(new TimestampType())).to.equal(true);
    expect(read("decimal").equals(new DecimalType(10, 0))).to.equal(true);
    expect(read("decimal( 5 , -2 )").equals(new DecimalType(5, -2))).to.equal(true);
    expect(read("geometry").equals(new GeometryType(4326))).to.equal(true);
    expect(read("geography(SPHERICAL)").equals(new GeographyType(4326))).to.equal(true);
    expect(read("geography(SRID:ANY, SPHERICAL)").equals(new GeographyType("ANY"))).to.equal(true);
  });

  it("keeps a CRS name it read, for writing the same JSON back", () => {
    expect(dataTypeFromJsonValue("geometry(ESRI:102003)").json()).to.equal('"geometry(ESRI:102003)"');
    expect(new GeometryType(32633).json()).to.equal('"geometry(EPSG:32633)"');
  });

  it("refuses names, shapes and algorithms it does not know", () => {
    expect(() => dataTypeFromJsonValue("int")).to.throw(TypeError, /"int"/);
    expect(() => dataTypeFromJsonValue("decimal(10,2) trailing")).to.throw(TypeError);
    expect(() => dataTypeFromJsonValue({ type: "set", elementType: "integer" })).to.throw(TypeError, /unknown data type/);
    expect(() => dataTypeFromJsonValue({ type: "array", elementType: "integer" })).to.throw(TypeError, /containsNull/);
    expect(() => dataTypeFromJsonValue("geography(OGC:CRS84, KARNEY)")).to.throw(RangeError, /SPHERICAL/);
    expect(() =>
      dataTypeFromJsonValue({
        type: "struct",
        fields: [{ name: "a", type: "integer", nullable: true, metadata: { __COLLATIONS: { a: "spark.UTF8_LCASE" } } }],
      }),
    ).to.throw(TypeError, /collation/);
  });
});

describe("data types: kind", () => {
  it("names each class by its protocol case, so a switch over AnyDataType narrows", () => {
    const width = (type: AnyDataType): number | undefined => {
      switch (type.kind) {
        case "decimal":
          return type.precision;
        case "char":
        case "varChar":
          return type.length;
        default:
          return undefined;
      }
    };
    expect(width(new DecimalType(12, 2))).to.equal(12);
    expect(width(new VarcharType(7))).to.equal(7);
    expect(width(new IntegerType())).to.equal(undefined);
    const kinds = ONE_OF_EVERY_KIND.map((type) => type.kind);
    expect(new Set(kinds).size).to.equal(31);
    for (const type of ONE_OF_EVERY_KIND.filter((t) => !(t instanceof UnknownType))) {
      expect(dataTypeToProto(type).kind?.$case).to.equal(type.kind);
    }
  });
});
