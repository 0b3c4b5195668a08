import { expect } from "chai";
import { describe, it } from "mocha";
import { col, lit } from "../../../src/sql/column";
import * as F from "../../../src/sql/functions";
import { ArrayType, DecimalType, LongType } from "../../../src/sql/types";
import { useSession } from "../../support/spark";

describe("Column and literals on the server", () => {
  const spark = useSession();

  it("keeps alias metadata in the resulting schema", async () => {
    const df = spark.range(1).select(col("id").alias("n", { metadata: { unit: "cm", max: 3 } }));
    const [field] = (await df.schema).fields;
    expect(field.name).to.equal("n");
    expect(field.metadata).to.deep.equal({ unit: "cm", max: 3 });
  });

  it("casts to a DataType as to its DDL name", async () => {
    const df = spark
      .range(1)
      .select(lit([1, 2]).cast(new ArrayType(new LongType())).alias("a"), lit("1.5").cast(new DecimalType(4, 2)).alias("d"));
    expect(await df.dtypes).to.deep.equal([
      ["a", "array<bigint>"],
      ["d", "decimal(4,2)"],
    ]);
  });

  it("sends array, map and typed literals the server reads as their inferred types", async function () {
    // Spark 4.0 refuses the array<void> literal of lit([]) ("Unsupported Literal Type: null"), so
    // the client sends array() to servers before 4.1: the same type and value.
    const df = spark.range(1).select(
      lit([[1, null], [2 ** 40]]).alias("nested"),
      lit(
        new Map([
          ["a", 1.5],
          ["b", null],
        ]),
      ).alias("m"),
      lit(7, new LongType()).alias("l"),
      lit([]).alias("empty"),
    );
    expect(await df.dtypes).to.deep.equal([
      ["nested", "array<array<bigint>>"],
      ["m", "map<string,double>"],
      ["l", "bigint"],
      ["empty", "array<void>"],
    ]);
    const [row] = await df.collect();
    expect(row.nested).to.deep.equal([[1n, null], [2n ** 40n]]);
    expect(row.l).to.equal(7n);
  });

  it("F.broadcast marks the DataFrame with a broadcast hint and keeps its rows", async () => {
    const small = spark.range(3);
    const hinted = F.broadcast(small);
    expect(await hinted.collect()).to.deep.equal(await small.collect());
    expect(await hinted.explainString("extended")).to.match(/ResolvedHint.*broadcast/i);
  });
});
