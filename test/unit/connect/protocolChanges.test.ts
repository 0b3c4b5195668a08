import { expect } from "chai";
import { after, describe, it } from "mocha";
import { adaptToServer, changesUsedBy } from "../../../src/connect/protocolChanges";
import { atLeastLine, parseSparkVersion } from "../../../src/connect/sparkVersion";
import { UnsupportedByServerError } from "../../../src/connect/errors";
import { parseConnectionString } from "../../../src/connect/connectionString";
import { SparkConnectClient } from "../../../src/connect/client";
import { col, functions as F, SparkSession } from "../../../src/index";

// Plans are built without a server: a session whose client is never asked to send anything.
const spark = new SparkSession(new SparkConnectClient(parseConnectionString("sc://127.0.0.1:1")));
after(() => spark.client.close());

describe("Spark versions as servers report them", () => {
  it("reads major, minor and patch, ignoring a build suffix", () => {
    expect(parseSparkVersion("4.0.5")).to.deep.equal({ major: 4, minor: 0, patch: 5, text: "4.0.5" });
    expect(parseSparkVersion("4.1.0-SNAPSHOT")).to.include({ major: 4, minor: 1, patch: 0 });
    expect(parseSparkVersion("3.5")).to.include({ major: 3, minor: 5, patch: 0 });
  });

  it("reads nothing from a version that does not start with major.minor", () => {
    expect(parseSparkVersion("")).to.equal(undefined);
    expect(parseSparkVersion("dbr-15")).to.equal(undefined);
  });

  it("compares against a release line by major, then minor", () => {
    const v405 = parseSparkVersion("4.0.5")!;
    expect(atLeastLine(v405, "4.0")).to.equal(true);
    expect(atLeastLine(v405, "4.1")).to.equal(false);
    expect(atLeastLine(v405, "3.5")).to.equal(true);
    expect(atLeastLine(parseSparkVersion("5.0.0")!, "4.3")).to.equal(true);
    expect(atLeastLine(parseSparkVersion("3.5.7")!, "4.0")).to.equal(false);
  });
});

describe("protocol changes a request uses", () => {
  const features = (plan: unknown) => changesUsedBy(plan).map((c) => `${c.feature}@${c.since}`);

  it("finds none in plans every supported line reads", () => {
    const df = spark.range(10).filter(col("id").gt(3)).groupBy("id").agg(F.sum("id")).orderBy("id");
    expect(features(df.plan)).to.deep.equal([]);
    expect(features(spark.range(1).select(F.lit([1, 2]), F.array()).plan)).to.deep.equal([]);
  });

  it("finds each newer part wherever it sits in the plan, once", () => {
    const zipped = spark.range(2).zip(spark.range(2));
    expect(features(zipped.filter(col("id").gt(0)).plan)).to.deep.equal(["DataFrame.zip@4.3"]);
    const both = spark
      .range(4)
      .repartitionById(2, col("id"))
      .select(F.lit([]).alias("e"))
      .union(spark.range(1).select(F.lit([]).alias("e")));
    expect(features(both.plan).sort()).to.deep.equal(["DataFrame.repartitionById@4.1", "an empty array literal (lit([]))@4.1"]);
    expect(features(spark.readStream.format("rate").name("events").load().plan)).to.deep.equal([
      "naming a streaming source (DataStreamReader.name)@4.2",
    ]);
    expect(features(spark.readStream.format("rate").load().plan)).to.deep.equal([]);
  });
});

describe("requests adapted to the server's line", () => {
  const v40 = parseSparkVersion("4.0.5");
  const v43 = parseSparkVersion("4.3.0");

  it("sends the request unchanged to a server of the line or later, and to one whose version it cannot read", () => {
    const plan = spark.range(2).zip(spark.range(2)).plan;
    expect(adaptToServer(plan, v43, changesUsedBy(plan))).to.equal(plan);
    expect(adaptToServer(plan, undefined, changesUsedBy(plan))).to.equal(plan);
  });

  it("refuses a part the server's line cannot read, naming the feature, the line and the server's version", () => {
    const plan = spark.range(2).zip(spark.range(2)).plan;
    expect(() => adaptToServer(plan, v40, changesUsedBy(plan)))
      .to.throw(UnsupportedByServerError, "DataFrame.zip needs a Spark Connect server of Spark 4.3 or later; this server runs Spark 4.0.5.")
      .with.property("since", "4.3");
  });

  it("writes array and map literals holding nulls as array() and map() calls for Spark 3.5, which reads those nulls as zeros", () => {
    const df = spark
      .range(1)
      .select(F.lit([[1, null], [2]]).alias("a"), F.lit(new Map([["k", null]])).alias("m"), F.lit([3]).alias("plain"));
    const v35 = parseSparkVersion("3.5.7");
    const used = changesUsedBy(df.plan);
    expect(used.map((c) => c.since)).to.deep.equal(["4.0"]);
    expect(adaptToServer(df.plan, v40, used)).to.equal(df.plan);
    const adapted = adaptToServer(df.plan, v35, used);
    const project = adapted.relType?.$case === "project" ? adapted.relType.project : undefined;
    const [a, m, plain] = project!.expressions.map((e) => (e.exprType?.$case === "alias" ? e.exprType.alias.expr! : undefined));
    const fn = (e: typeof a) => (e?.exprType?.$case === "unresolvedFunction" ? e.exprType.unresolvedFunction : undefined);
    expect(fn(a)?.functionName).to.equal("array");
    const [inner, whole] = fn(a)!.arguments;
    expect(fn(inner)?.functionName, "the inner array with the null is a call too").to.equal("array");
    expect(
      fn(inner)!.arguments.map((e) => (e.exprType?.$case === "literal" ? e.exprType.literal.literalType?.$case : undefined)),
    ).to.deep.equal(["integer", "null"]);
    expect(whole?.exprType?.$case, "the inner array without a null stays a literal").to.equal("literal");
    expect(fn(m)?.functionName).to.equal("map");
    expect(fn(m)!.arguments).to.have.length(2);
    expect(plain?.exprType?.$case).to.equal("literal");
  });

  it("writes lit([]) as array() for servers before 4.1, in a copy, leaving the rest of the plan as it was", () => {
    const df = spark.range(1).select(F.lit([]).alias("e"), F.lit([1]).alias("one"));
    const before = JSON.stringify(df.plan, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    const adapted = adaptToServer(df.plan, v40, changesUsedBy(df.plan));
    expect(adapted).to.not.equal(df.plan);
    expect(JSON.stringify(df.plan, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).to.equal(before);
    const project = adapted.relType?.$case === "project" ? adapted.relType.project : undefined;
    const [empty, one] = project!.expressions.map((e) => (e.exprType?.$case === "alias" ? e.exprType.alias.expr : undefined));
    expect(empty?.exprType).to.deep.equal({
      $case: "unresolvedFunction",
      unresolvedFunction: { functionName: "array", arguments: [], isDistinct: false, isUserDefinedFunction: false },
    });
    expect(one?.exprType?.$case).to.equal("literal");
    expect(project!.input).to.equal(df.plan.relType?.$case === "project" ? df.plan.relType.project.input : undefined);
  });
});
