import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Expression } from "../../../src/gen/spark/connect/expressions";
import type { Relation } from "../../../src/gen/spark/connect/relations";
import { SparkSession, type DataFrame } from "../../../src";
import { binaryBytes, boundedPreviewPlan, canCut, elementBudget, elementsWithin } from "../../../src/sql/display/boundedColumns";
import {
  ArrayType,
  BinaryType,
  type DataType,
  DoubleType,
  IntegerType,
  LongType,
  MapType,
  StringType,
  StructField,
  StructType,
  TimestampType,
  VariantType,
} from "../../../src/sql/types";
import { show } from "./columnText";

/** The most characters (bytes for binaries) one cell of `type` can bring, as the budgets allow. */
function worstCase(type: DataType, budget: number): number {
  if (type instanceof StringType) return budget;
  if (type instanceof BinaryType) return binaryBytes(budget) as number;
  const kept = elementsWithin(budget) as number;
  let sum = 0;
  if (type instanceof ArrayType) {
    for (let i = 0; i < kept; i++) sum += 1 + worstCase(type.elementType, elementBudget(budget, i) as number);
  } else if (type instanceof MapType) {
    for (let i = 0; i < kept; i++) {
      const b = elementBudget(budget, i) as number;
      sum += 1 + worstCase(type.keyType, b) + worstCase(type.valueType, Math.max(0, b - 5));
    }
  } else if (type instanceof StructType) {
    type.fields.forEach((field, k) => (sum += worstCase(field.dataType, elementBudget(budget, k) as number)));
  } else {
    sum = 1;
  }
  return sum;
}

const string = new StringType();
const array = (t: DataType) => new ArrayType(t);
const map = (k: DataType, v: DataType) => new MapType(k, v);
const struct = (...fields: [string, DataType][]) => new StructType(fields.map(([name, t]) => new StructField(name, t)));

function projectOf(df: DataFrame): { expressions: Expression[]; input: Relation } {
  const rel = df.plan.relType;
  if (rel?.$case !== "project") throw new Error(`expected a projection, got ${rel?.$case}`);
  return { expressions: rel.project.expressions, input: rel.project.input! };
}

describe("the budgets of a bounded preview", () => {
  it("keep the elements of a collection that could start within a cell: ceil((budget - 1) / 3)", () => {
    expect([201, 4, 2, 1, 0].map((b) => elementsWithin(b))).to.deep.equal([67, 1, 1, 0, 0]);
  });

  it("give the first element the whole budget and each later one less", () => {
    expect([0, 1, 2, 10, 49, 66].map((i) => elementBudget(201, i))).to.deep.equal([200, 98, 64, 15, 1, 0]);
  });

  it("fetch half as many bytes of a binary as characters (two hex digits a byte), a kilobyte at most", () => {
    expect([binaryBytes(201), binaryBytes(5), binaryBytes(100_001)]).to.deep.equal([101, 3, 1024]);
  });

  it("bound a cell to a few thousand characters at the default cell width, four levels deep too", () => {
    // Each element counts one more for its place, so collections of fixed-size values count too.
    const cases: [DataType, number][] = [
      [string, 201],
      [array(string), 1_000],
      [array(array(string)), 2_500],
      [array(array(array(array(string)))), 10_000],
      [map(string, map(string, array(string))), 6_000],
      [struct(...Array.from({ length: 500 }, (_, k): [string, DataType] => [`f${k}`, string])), 1_000],
      [array(struct(["a", string], ["b", array(new BinaryType())], ["c", map(new IntegerType(), string)])), 2_000],
    ];
    for (const [type, bound] of cases) expect(worstCase(type, 201), type.simpleString()).to.be.at.most(bound);
  });

  it("cut only the types that can grow and can be cut without changing their type", () => {
    expect([string, new BinaryType(), array(new IntegerType()), map(new IntegerType(), new DoubleType())].map(canCut)).to.deep.equal([
      true,
      true,
      true,
      true,
    ]);
    expect([new LongType(), new TimestampType(), new VariantType(), struct(["n", new LongType()])].map(canCut)).to.deep.equal([
      false,
      false,
      false,
      false,
    ]);
    expect(canCut(struct(["n", new LongType()], ["s", string]))).to.equal(true);
  });
});

describe("the query of a bounded preview", () => {
  let spark: SparkSession;
  before(async () => {
    // Plans are built on the client; nothing here reaches the (absent) server.
    spark = await SparkSession.builder.remote("sc://127.0.0.1:1").create();
  });
  after(async () => {
    await spark.stop().catch(() => undefined);
  });

  it("is the plain limit when no column can be cut", () => {
    const df = spark.range(10);
    const { df: query, cutFlags } = boundedPreviewPlan(df, struct(["id", new LongType()], ["x", new DoubleType()]), 101, 200);
    expect(query.plan.relType?.$case).to.equal("limit");
    expect(cutFlags).to.deep.equal([undefined, undefined]);
  });

  it("renames the columns by position, cuts each one that can grow, keeps the names, and adds a flag per cut column", () => {
    const df = spark.range(10);
    const schema = struct(["id", new LongType()], ["a.b `odd`", string], ["id", new BinaryType()]);
    const { df: query, cutFlags } = boundedPreviewPlan(df, schema, 101, 200);
    const { expressions, input } = projectOf(query);
    expect(input.relType?.$case).to.equal("toDf");
    const toDf = (input.relType as { toDf: { columnNames: string[]; input: Relation } }).toDf;
    expect(toDf.columnNames).to.deep.equal(["c0", "c1", "c2"]);
    expect(toDf.input.relType?.$case).to.equal("limit");
    expect(expressions.map(show)).to.deep.equal([
      "c0 AS id",
      "substring(c1, 1, 201) AS a.b `odd`",
      "substring(c2, 1, 101) AS id",
      "coalesce(>(length(c1), 201), false) AS c1_cut",
      "coalesce(>(length(c2), 101), false) AS c2_cut",
    ]);
    expect(cutFlags).to.deep.equal([undefined, 3, 4]);
  });

  it("slices arrays and maps and cuts their elements inside lambdas, with a budget that shrinks with the index", () => {
    const df = spark.range(1);
    const { df: query } = boundedPreviewPlan(df, struct(["xs", array(string)], ["m", map(new IntegerType(), new LongType())]), 101, 200);
    const [xs, m] = projectOf(query).expressions.map(show);
    expect(xs).to.match(/^transform\(slice\(c0, 1, 67\), \((x_\d+), (y_\d+)\) -> substring\(\1, 1, greatest\(0, <cast>\)\)\) AS xs$/);
    expect(m).to.equal("map_from_entries(slice(map_entries(c1), 1, 67)) AS m");
  });

  it("rebuilds structs field by field, keeping a null struct null", () => {
    const df = spark.range(1);
    const { df: query } = boundedPreviewPlan(df, struct(["st", struct(["n", new LongType()], ["s", string])]), 101, 200);
    expect(show(projectOf(query).expressions[0])).to.equal(
      "when(isNotNull(c0), named_struct('n', c0['n'], 's', substring(c0['s'], 1, 98))) AS st",
    );
  });

  it("reads fields whose names clash (case aside) by position, through a cast", () => {
    const df = spark.range(1);
    const { df: query } = boundedPreviewPlan(df, struct(["st", struct(["a", string], ["A", string])]), 101, 200);
    expect(show(projectOf(query).expressions[0])).to.equal(
      "when(isNotNull(c0), named_struct('a', substring(<cast>['_0'], 1, 200), 'A', substring(<cast>['_1'], 1, 98))) AS st",
    );
  });

  it("keeps a map's keys whole when cutting them would make two keys one", () => {
    const df = spark.range(1);
    const { df: query } = boundedPreviewPlan(df, struct(["m", map(string, new LongType())]), 101, 200);
    const [m, flag] = projectOf(query).expressions.map(show);
    // One map, each key chosen whole or cut by whether cut keys would collide.
    expect(m).to.match(/^map_from_entries\(transform\(/);
    expect(m).to.include("when(<(size(array_distinct(transform(");
    expect(flag).to.include("not(<(size(array_distinct(");
  });
});
