import { col, functions as F, lit } from "../../../src";
import { FREQ_ITEMS_SUPPORT, REPLACE_NUMBERS } from "./differences";
import { plan, type PlanCase } from "./planCase";

/** GroupedData: groupings and their aggregations. */
export const GROUPING_CASES: PlanCase[] = [
  plan(
    "groupBy agg",
    ({ people }) => people.groupBy("dept").agg(F.sum("age"), F.max("score").alias("best")),
    "people.groupBy('dept').agg(F.sum('age'), F.max('score').alias('best'))",
  ),
  plan(
    "groupBy Columns",
    ({ people }) => people.groupBy(col("dept"), F.year("hired")).agg(F.count(lit(1))),
    "people.groupBy(col('dept'), F.year('hired')).agg(F.count(lit(1)))",
  ),
  plan(
    "groupBy a list",
    ({ people }) => people.groupBy(["dept", "site"]).agg(F.min("age")),
    "people.groupBy(['dept', 'site']).agg(F.min('age'))",
  ),
  plan("groupby", ({ people }) => people.groupby("dept").agg(F.avg("age")), "people.groupby('dept').agg(F.avg('age'))"),
  plan(
    "agg of a record",
    ({ people }) => people.groupBy("dept").agg({ age: "max", score: "avg" }),
    "people.groupBy('dept').agg({'age': 'max', 'score': 'avg'})",
  ),
  plan(
    "agg of a record over star",
    ({ people }) => people.groupBy("dept").agg({ "*": "count" }),
    "people.groupBy('dept').agg({'*': 'count'})",
  ),
  plan("count", ({ people }) => people.groupBy("dept").count(), "people.groupBy('dept').count()"),
  plan("sum", ({ people }) => people.groupBy("dept").sum("age", "score"), "people.groupBy('dept').sum('age', 'score')", {
    needsServer: "it asks for the schema, to check that the columns are numeric",
  }),
  plan("avg", ({ people }) => people.groupBy("dept").avg("age"), "people.groupBy('dept').avg('age')", {
    needsServer: "it asks for the schema, to check that the columns are numeric",
  }),
  plan("mean", ({ people }) => people.groupBy("dept").mean("age"), "people.groupBy('dept').mean('age')", {
    needsServer: "it asks for the schema, to check that the columns are numeric",
  }),
  plan("min", ({ people }) => people.groupBy("dept").min("age"), "people.groupBy('dept').min('age')", {
    needsServer: "it asks for the schema, to check that the columns are numeric",
  }),
  plan("max", ({ people }) => people.groupBy("dept").max("age"), "people.groupBy('dept').max('age')", {
    needsServer: "it asks for the schema, to check that the columns are numeric",
  }),
  plan("sum of every numeric column asks for the schema", ({ people }) => people.groupBy("dept").sum(), "people.groupBy('dept').sum()"),
  plan(
    "pivot",
    ({ people }) => people.groupBy("year").pivot("course").agg(F.sum("earnings")),
    "people.groupBy('year').pivot('course').agg(F.sum('earnings'))",
    {
      differs:
        "the pivot column is not bound to the DataFrame by plan id as PySpark's df[name] is (it names a column of the input either way)",
    },
  ),
  plan(
    "pivot sum asks for the schema",
    ({ people }) => people.groupBy("year").pivot("course").sum("earnings"),
    "people.groupBy('year').pivot('course').sum('earnings')",
    {
      needsServer: "it asks for the schema, to check that the columns are numeric",
    },
  ),
  plan(
    "pivot with values",
    ({ people }) => people.groupBy("year").pivot("course", ["dotNET", "Java"]).agg(F.sum("earnings")),
    "people.groupBy('year').pivot('course', ['dotNET', 'Java']).agg(F.sum('earnings'))",
    {
      differs:
        "the pivot column is not bound to the DataFrame by plan id as PySpark's df[name] is (it names a column of the input either way)",
    },
  ),
  plan(
    "pivot with numeric values",
    ({ people }) => people.groupBy("dept").pivot("q", [1, 2]).count(),
    "people.groupBy('dept').pivot('q', [1, 2]).count()",
    {
      differs:
        "the pivot column is not bound to the DataFrame by plan id as PySpark's df[name] is (it names a column of the input either way)",
    },
  ),
  plan("rollup", ({ people }) => people.rollup("dept", "site").agg(F.sum("age")), "people.rollup('dept', 'site').agg(F.sum('age'))"),
  plan("rollup count", ({ people }) => people.rollup("dept").count(), "people.rollup('dept').count()"),
  plan(
    "cube",
    ({ people }) => people.cube("dept", col("site")).agg(F.grouping_id()),
    "people.cube('dept', col('site')).agg(F.grouping_id())",
  ),
  plan(
    "groupingSets",
    ({ people }) => people.groupingSets([["dept", "site"], ["dept"], []], "dept", "site").agg(F.sum("age")),
    "people.groupingSets([['dept', 'site'], ['dept'], []], 'dept', 'site').agg(F.sum('age'))",
  ),
  plan("df.agg", ({ people }) => people.agg(F.max("age"), F.min("age")), "people.agg(F.max('age'), F.min('age'))"),
  plan("df.agg of a record", ({ people }) => people.agg({ age: "max" }), "people.agg({'age': 'max'})"),
];

/** DataFrameNaFunctions and the DataFrame aliases of them. */
export const NA_CASES: PlanCase[] = [
  plan("na.drop", ({ people }) => people.na.drop(), "people.na.drop()"),
  plan("na.drop all", ({ people }) => people.na.drop("all"), "people.na.drop('all')"),
  plan("na.drop with a threshold", ({ people }) => people.na.drop({ thresh: 2 }), "people.na.drop(thresh=2)"),
  plan(
    "na.drop of a subset",
    ({ people }) => people.na.drop("any", undefined, ["name", "age"]),
    "people.na.drop('any', None, ['name', 'age'])",
  ),
  plan("na.drop of one column", ({ people }) => people.na.drop({ subset: "name" }), "people.na.drop(subset='name')"),
  plan("dropna", ({ people }) => people.dropna("all", undefined, "name"), "people.dropna('all', None, 'name')"),
  plan("na.fill a whole number", ({ people }) => people.na.fill(0), "people.na.fill(0)"),
  plan("na.fill a double", ({ people }) => people.na.fill(1.5), "people.na.fill(1.5)"),
  plan("na.fill a string in a subset", ({ people }) => people.na.fill("?", ["name"]), "people.na.fill('?', ['name'])"),
  plan("na.fill a boolean", ({ people }) => people.na.fill(false), "people.na.fill(False)"),
  plan("na.fill per column", ({ people }) => people.na.fill({ age: 0, name: "?" }), "people.na.fill({'age': 0, 'name': '?'})"),
  plan("fillna", ({ people }) => people.fillna(0, "age"), "people.fillna(0, 'age')"),
  plan("fillna per column", ({ people }) => people.fillna({ score: 0.5 }), "people.fillna({'score': 0.5})"),
  plan("na.replace a value", ({ people }) => people.na.replace("N/A", "unknown"), "people.na.replace('N/A', 'unknown')"),
  plan("na.replace by null", ({ people }) => people.na.replace("N/A", null, "name"), "people.na.replace('N/A', None, 'name')"),
  plan(
    "na.replace lists",
    ({ people }) => people.na.replace([1, 2], [10, 20], ["a", "b"]),
    "people.na.replace([1, 2], [10, 20], ['a', 'b'])",
    { differs: REPLACE_NUMBERS },
  ),
  plan("na.replace a record", ({ people }) => people.na.replace({ yes: "y", no: "n" }), "people.na.replace({'yes': 'y', 'no': 'n'})"),
  plan("replace", ({ people }) => people.replace(0, 100), "people.replace(0, 100)", { differs: REPLACE_NUMBERS }),
  plan("replace doubles", ({ people }) => people.replace(0.5, 1.5), "people.replace(0.5, 1.5)"),
];

/** DataFrameStatFunctions: the ones that give DataFrames (the others are actions, see the action cases). */
export const STAT_CASES: PlanCase[] = [
  plan("stat.crosstab", ({ people }) => people.stat.crosstab("dept", "site"), "people.stat.crosstab('dept', 'site')"),
  plan("crosstab", ({ people }) => people.crosstab("a", "b"), "people.crosstab('a', 'b')"),
  plan("stat.freqItems", ({ people }) => people.stat.freqItems(["dept", "site"]), "people.stat.freqItems(['dept', 'site'])", {
    differs: FREQ_ITEMS_SUPPORT,
  }),
  plan("freqItems with a support", ({ people }) => people.freqItems(["dept"], 0.4), "people.freqItems(['dept'], 0.4)"),
  plan(
    "stat.sampleBy of string strata",
    ({ people }) => people.stat.sampleBy("dept", { a: 0.1, b: 0.5 }, 7),
    "people.stat.sampleBy('dept', {'a': 0.1, 'b': 0.5}, 7)",
  ),
  plan(
    "sampleBy of numeric strata",
    ({ people }) => people.sampleBy(col("label"), { 0: 0.1, 1: 0.5 }, 3),
    "people.sampleBy(col('label'), {0: 0.1, 1: 0.5}, 3)",
  ),
];
