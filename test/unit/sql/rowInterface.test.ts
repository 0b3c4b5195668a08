// The TypeScript text written for a schema, family by family: what each Spark type's values are in
// JS (the README's "Spark types as JS values" table). That the text compiles against the package is
// test/unit/sql/typedRows.test.ts's to show; that real values fit it, the integration test's
// (test/integration/sql/typedRows.test.ts).
import { expect } from "chai";
import { describe, it } from "mocha";
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  CalendarIntervalType,
  CharType,
  DataType,
  DateType,
  DayTimeIntervalType,
  DecimalType,
  DoubleType,
  FloatType,
  GeographyType,
  GeometryType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  rowInterface,
  ShortType,
  StringType,
  StructField,
  StructType,
  TimeType,
  TimestampLTZNanosType,
  TimestampNTZNanosType,
  TimestampNTZType,
  TimestampType,
  typeScriptType,
  UnknownType,
  UnparsedDataType,
  UserDefinedType,
  VarcharType,
  VariantType,
  YearMonthIntervalType,
} from "../../../src";

describe("typeScriptType: the JS type of a Spark type's values", () => {
  const cases: [string, () => DataType, string][] = [
    ["boolean", () => new BooleanType(), "boolean"],
    ["tinyint", () => new ByteType(), "number"],
    ["smallint", () => new ShortType(), "number"],
    ["int", () => new IntegerType(), "number"],
    ["float", () => new FloatType(), "number"],
    ["double", () => new DoubleType(), "number"],
    ["bigint", () => new LongType(), "bigint"],
    ["decimal(38,18)", () => new DecimalType(38, 18), "string"],
    ["string", () => new StringType(), "string"],
    ["a collated string", () => new StringType("UTF8_LCASE"), "string"],
    ["char(3)", () => new CharType(3), "string"],
    ["varchar(10)", () => new VarcharType(10), "string"],
    ["binary", () => new BinaryType(), "Uint8Array"],
    ["date", () => new DateType(), "LocalDate"],
    ["timestamp", () => new TimestampType(), "Timestamp"],
    ["timestamp_ltz(9)", () => new TimestampLTZNanosType(9), "Timestamp"],
    ["timestamp_ntz", () => new TimestampNTZType(), "LocalDateTime"],
    ["timestamp_ntz(7)", () => new TimestampNTZNanosType(7), "LocalDateTime"],
    ["time(3)", () => new TimeType(3), "LocalTime"],
    ["interval day to second", () => new DayTimeIntervalType(), "DayTimeInterval"],
    ["interval year to month", () => new YearMonthIntervalType(), "YearMonthInterval"],
    ["interval (calendar)", () => new CalendarIntervalType(), "CalendarInterval"],
    ["variant", () => new VariantType(), "VariantValue"],
    ["geometry", () => new GeometryType(0), "{ srid: number; wkb: Uint8Array }"],
    ["geography", () => new GeographyType(4326), "{ srid: number; wkb: Uint8Array }"],
    ["void", () => new NullType(), "null"],
    ["array<int> with nulls", () => new ArrayType(new IntegerType()), "(number | null)[]"],
    ["array<int> without nulls", () => new ArrayType(new IntegerType(), false), "number[]"],
    ["array<array<string>>", () => new ArrayType(new ArrayType(new StringType(), false)), "(string[] | null)[]"],
    ["array<void>", () => new ArrayType(new NullType()), "null[]"],
    ["map<string,date>", () => new MapType(new StringType(), new DateType()), "Map<string, LocalDate | null>"],
    ["map<bigint,double> without null values", () => new MapType(new LongType(), new DoubleType(), false), "Map<bigint, number>"],
    [
      "struct<a:int,b:string not null>",
      () => new StructType().add("a", new IntegerType()).add("b", new StringType(), false),
      "{ a: number | null; b: string }",
    ],
    ["struct<>", () => new StructType(), "Record<string, never>"],
    ["array<struct<x:double>>", () => new ArrayType(new StructType().add("x", new DoubleType())), "({ x: number | null } | null)[]"],
    [
      "a UDT, as the type it is stored as",
      () => new UserDefinedType({ jvmClass: "org.example.PointUDT", sqlType: new ArrayType(new DoubleType(), false) }),
      "number[]",
    ],
    ["a UDT without its storage type", () => new UserDefinedType({ jvmClass: "org.example.PointUDT" }), "SparkValue"],
    ["a type the client does not know", () => new UnknownType(), "SparkValue"],
    ["an unparsed type", () => new UnparsedDataType("int"), "SparkValue"],
  ];
  for (const [name, type, expected] of cases) {
    it(`${name} is ${expected}`, () => {
      expect(typeScriptType(type())).to.equal(expected);
    });
  }

  it("names the package's classes through import(...) when asked, for text nothing imports for", () => {
    const schema = new StructType()
      .add("LocalDate", new DateType(), false)
      .add("seen", new MapType(new StringType(), new TimestampType()))
      .add("n", new LongType());
    expect(typeScriptType(schema, { importFrom: "spark-ts" })).to.equal(
      '{ LocalDate: import("spark-ts").LocalDate; seen: Map<string, import("spark-ts").Timestamp | null> | null; n: bigint | null }',
    );
    expect(typeScriptType(new LongType(), { importFrom: "spark-ts" })).to.equal("bigint");
  });
});

describe("rowInterface: the interface of a schema's rows", () => {
  it("has a property per column, `| null` on the nullable ones, imports the classes it names once and in order", () => {
    const schema = new StructType()
      .add("region", new StringType())
      .add("day", new DateType(), false)
      .add("total", new DecimalType(12, 2))
      .add("orders", new LongType(), false)
      .add("seen", new ArrayType(new TimestampType()))
      .add("first", new TimestampType());
    expect(rowInterface(schema, "Sales", { exported: true, importFrom: "spark-ts" })).to.equal(
      [
        'import type { LocalDate, Timestamp } from "spark-ts";',
        "",
        "export interface Sales {",
        "  region: string | null;",
        "  day: LocalDate;",
        "  total: string | null;",
        "  orders: bigint;",
        "  seen: (Timestamp | null)[] | null;",
        "  first: Timestamp | null;",
        "}",
      ].join("\n"),
    );
  });

  it("writes no import line when it names no class, and `interface` without export by default", () => {
    const schema = new StructType().add("id", new LongType(), false);
    expect(rowInterface(schema, "Ids", { importFrom: "spark-ts" })).to.equal("interface Ids {\n  id: bigint;\n}");
  });

  it("quotes names that are not identifiers, and __proto__, and keeps identifiers (reserved words too) bare", () => {
    const names = ["my col", "1st", "a-b", "", "café", "__proto__", "class", "_ok$", '"quoted"'];
    const schema = new StructType(names.map((n) => new StructField(n, new IntegerType(), false)));
    expect(rowInterface(schema, "Names").split("\n").slice(1, -1)).to.deep.equal([
      '  "my col": number;',
      '  "1st": number;',
      '  "a-b": number;',
      '  "": number;',
      '  "café": number;',
      '  "__proto__": number;',
      "  class: number;",
      "  _ok$: number;",
      '  "\\"quoted\\"": number;',
    ]);
  });

  it("nests structs as indented object types, inside arrays and maps too", () => {
    const point = new StructType().add("x", new DoubleType(), false).add("y", new DoubleType());
    const schema = new StructType()
      .add("id", new LongType(), false)
      .add("where", point)
      .add("path", new ArrayType(point, false), false)
      .add("named", new MapType(new StringType(), point, false), false);
    expect(rowInterface(schema, "Trip")).to.equal(
      [
        "interface Trip {",
        "  id: bigint;",
        "  where: {",
        "    x: number;",
        "    y: number | null;",
        "  } | null;",
        "  path: {",
        "    x: number;",
        "    y: number | null;",
        "  }[];",
        "  named: Map<string, {",
        "    x: number;",
        "    y: number | null;",
        "  }>;",
        "}",
      ].join("\n"),
    );
  });

  it("gives a repeated name one property, the first column's, and says so", () => {
    const schema = new StructType([
      new StructField("a", new IntegerType(), false),
      new StructField("b", new StringType()),
      new StructField("a", new StringType()),
    ]);
    expect(rowInterface(schema, "Twice")).to.equal(
      ["interface Twice {", '  // "a" names 2 columns: the property is the first\'s', "  a: number;", "  b: string | null;", "}"].join(
        "\n",
      ),
    );
  });

  it("makes a column's comment its doc comment, on one line, unable to end the comment early", () => {
    const schema = new StructType()
      .add("total", new DecimalType(10, 2), true, { comment: "Sum of orders\nin EUR */ not code" })
      .add("plain", new StringType(), true, { comment: "" });
    expect(rowInterface(schema, "Doc")).to.equal(
      ["interface Doc {", "  /** Sum of orders in EUR *\\/ not code */", "  total: string | null;", "  plain: string | null;", "}"].join(
        "\n",
      ),
    );
  });

  it("refuses a name that cannot name an interface, and writes an empty schema's as {}", () => {
    for (const bad of ["", "my type", "1st", "class", "string", "never", "a-b"]) {
      expect(() => rowInterface(new StructType(), bad), bad).to.throw(TypeError, "cannot name a TypeScript interface");
    }
    expect(rowInterface(new StructType(), "Empty")).to.equal("interface Empty {}");
  });
});
