import { expect } from "chai";
import { describe, it } from "mocha";
import { col, lit } from "../../../src/sql/column";
import * as F from "../../../src/sql/functions";
import { StructType, StructField, IntegerType } from "../../../src/sql/types";
import { show } from "./columnText";

const sql = (c: { expr: Parameters<typeof show>[0] }): string => show(c.expr);

describe("functions: the generic call of a Spark function by name", () => {
  it("takes strings as column names and Columns as they are", () => {
    expect(sql(F.upper("name"))).to.equal("upper(name)");
    expect(sql(F.coalesce("a", col("b"), lit(0)))).to.equal("coalesce(a, b, 0)");
    expect(sql(F.current_date())).to.equal("current_date()");
  });

  it("takes JS values as literals where PySpark takes Python values", () => {
    expect(sql(F.lpad("s", 5, "*"))).to.equal("lpad(s, 5, '*')");
    expect(sql(F.date_format("d", "yyyy"))).to.equal("date_format(d, 'yyyy')");
    expect(sql(F.concat_ws("-", "a", "b"))).to.equal("concat_ws('-', a, b)");
    expect(sql(F.array_contains("xs", "a"))).to.equal("array_contains(xs, 'a')");
    expect(sql(F.date_add("d", 1))).to.equal("date_add(d, 1)");
    expect(sql(F.date_add("d", "n"))).to.equal("date_add(d, n)");
    expect(sql(F.split("s", ","))).to.equal("split(s, ',', -1)");
    expect(sql(F.first("x"))).to.equal("first(x, false)");
  });

  it("leaves out an absent optional argument instead of sending null", () => {
    expect(sql(F.round("x"))).to.equal("round(x)");
    expect(sql(F.round("x", 2))).to.equal("round(x, 2)");
    expect(sql(F.btrim("s"))).to.equal("btrim(s)");
    expect(sql(F.lag("x"))).to.equal("lag(x, 1)");
    expect(sql(F.lag("x", 2, 0))).to.equal("lag(x, 2, 0)");
  });
});

describe("functions whose Spark name or arguments differ from PySpark's call", () => {
  it("sends distinct aggregates as the plain function with DISTINCT", () => {
    expect(sql(F.count_distinct("a", "b"))).to.equal("count(DISTINCT a, b)");
    expect(sql(F.countDistinct("a"))).to.equal("count(DISTINCT a)");
    expect(sql(F.sum_distinct("a"))).to.equal("sum(DISTINCT a)");
    expect(sql(F.listagg_distinct("s", ","))).to.equal("listagg(DISTINCT s, ',')");
    expect(sql(F.string_agg_distinct("s"))).to.equal("string_agg(DISTINCT s)");
  });

  it("counts rows for count('*') with count(1)", () => {
    expect(sql(F.count("*"))).to.equal("count(1)");
    expect(sql(F.count(col("*")))).to.equal("count(1)");
    expect(sql(F.count("x"))).to.equal("count(x)");
  });

  it("renames where Spark's function has another name", () => {
    expect(sql(F.create_map(lit("a"), "x"))).to.equal("map('a', x)");
    expect(sql(F.bitwise_not("n"))).to.equal("~(n)");
    expect(sql(F.pow("x", 2))).to.equal("power(x, 2)");
    expect(sql(F.log("x"))).to.equal("ln(x)");
    expect(sql(F.log(2, "x"))).to.equal("log(2, x)");
    expect(sql(F.timestamp_add("DAY", lit(1), "ts"))).to.equal("timestampadd('DAY', 1, ts)");
    expect(sql(F.timestamp_diff("DAY", "a", "b"))).to.equal("timestampdiff('DAY', a, b)");
    expect(sql(F.mean("x"))).to.equal("avg(x)");
    expect(sql(F.negate("x"))).to.equal("negative(x)");
  });

  it("puts the trim characters first for trim, ltrim and rtrim", () => {
    expect(sql(F.trim("s", lit("x")))).to.equal("trim('x', s)");
    expect(sql(F.ltrim("s"))).to.equal("ltrim(s)");
  });

  it("sends a time window's slide as its length when only a start time is given", () => {
    expect(sql(F.window("ts", "10 minutes"))).to.equal("window(ts, '10 minutes')");
    expect(sql(F.window("ts", "10 minutes", undefined, "2 minutes"))).to.equal("window(ts, '10 minutes', '10 minutes', '2 minutes')");
    expect(sql(F.session_window("ts", "5 minutes"))).to.equal("session_window(ts, '5 minutes')");
  });

  it("fills PySpark's defaults for optional arguments Spark requires", () => {
    expect(sql(F.mask("s"))).to.equal("mask(s, 'X', 'x', 'n', NULL)");
    expect(sql(F.str_to_map("s"))).to.equal("str_to_map(s, ',', ':')");
    expect(sql(F.make_ym_interval())).to.equal("make_ym_interval(0, 0)");
    expect(F.make_dt_interval().expr.exprType).to.have.deep.nested.property(
      "unresolvedFunction.arguments[3].exprType.literal.literalType",
      {
        $case: "decimal",
        decimal: { value: "0", precision: 10, scale: 0 },
      },
    );
    expect(sql(F.aes_encrypt("d", "k"))).to.equal("aes_encrypt(d, k, 'GCM', 'DEFAULT', '', '')");
  });

  it("sends a random seed when none is given, so that each call is reproducible on retry", () => {
    const seed = F.rand().expr.exprType;
    expect(seed).to.have.nested.property("unresolvedFunction.arguments[0].exprType.literal.literalType.$case", "long");
    expect(sql(F.rand(7))).to.equal("rand(7)");
  });

  it("turns options into a map and a schema DataType into its JSON", () => {
    expect(sql(F.to_json("s", { pretty: true }))).to.equal("to_json(s, map('pretty', 'true'))");
    const schema = new StructType([new StructField("a", new IntegerType())]);
    expect(sql(F.from_json("js", schema))).to.equal(`from_json(js, '${schema.json()}')`);
    expect(sql(F.from_json("js", "a INT"))).to.equal("from_json(js, 'a INT')");
  });

  it("sends percentages given as a list as an array literal", () => {
    const e = F.percentile_approx("x", [0.25, 0.75]).expr.exprType;
    expect(e).to.have.nested.property("unresolvedFunction.arguments[1].exprType.literal.literalType.$case", "array");
    expect(sql(F.percentile_approx("x", 0.5))).to.equal("percentile_approx(x, 0.5, 10000)");
  });

  it("sends call_function as a CallFunction and checks its arguments", () => {
    expect(F.call_function("upper", "s").expr.exprType).to.deep.equal({
      $case: "callFunction",
      callFunction: { functionName: "upper", arguments: [col("s").expr] },
    });
    expect(() => F.greatest("a")).to.throw(RangeError);
    expect(() => F.sha2("s", 1 as never)).to.throw(RangeError);
    expect(() => F.json_tuple("js")).to.throw(RangeError);
  });

  it("make_timestamp takes its parts or, as PySpark's keywords, a date and a time", () => {
    expect(sql(F.make_timestamp("y", "mo", "d", "h", "mi", "s"))).to.equal("make_timestamp(y, mo, d, h, mi, s)");
    expect(sql(F.make_timestamp("y", "mo", "d", "h", "mi", "s", "tz"))).to.equal("make_timestamp(y, mo, d, h, mi, s, tz)");
    expect(sql(F.make_timestamp({ date: "d", time: "t" }))).to.equal("make_timestamp(d, t)");
    expect(sql(F.make_timestamp_ntz({ date: "d", time: "t" }))).to.equal("make_timestamp_ntz(d, t)");
  });

  it("exports typeof under its SQL name, a reserved word in JS", () => {
    expect(sql(F.typeof("x"))).to.equal("typeof(x)");
  });
});

describe("higher-order functions", () => {
  it("turn a JS arrow function into a Spark lambda over fresh variables", () => {
    const text = sql(F.transform("xs", (x) => x.plus(1)));
    expect(text).to.match(/^transform\(xs, \((x_\d+)\) -> \+\(\1, 1\)\)$/);
  });

  it("give the lambda as many variables as the JS function declares", () => {
    expect(sql(F.transform("xs", (x, i) => x.plus(i)))).to.match(/^transform\(xs, \((x_\d+), (y_\d+)\) -> \+\(\1, \2\)\)$/);
    expect(sql(F.map_zip_with("a", "b", (_k, v1, v2) => v1.plus(v2)))).to.match(/\(x_\d+, y_\d+, z_\d+\) ->/);
  });

  it("give a fixed-arity lambda all the variables Spark passes, even where the JS function declares fewer", () => {
    expect(sql(F.transform_keys("m", (k) => F.upper(k)))).to.match(/^transform_keys\(m, \((x_\d+), y_\d+\) -> upper\(\1\)\)$/);
  });

  it("never reuse a variable name, so nested lambdas do not capture each other", () => {
    const text = sql(F.transform("xss", (xs) => F.transform(xs, (x) => x.multiply(2))));
    const names = text.match(/x_\d+/g) ?? [];
    expect(new Set(names).size).to.equal(2);
  });

  it("put aggregate's merge and finish lambdas after its columns", () => {
    const text = sql(
      F.aggregate(
        "xs",
        lit(0),
        (acc, x) => acc.plus(x),
        (acc) => acc.multiply(10),
      ),
    );
    expect(text).to.match(/^aggregate\(xs, 0, \(x_\d+, y_\d+\) -> .*, \(x_\d+\) -> \*\(x_\d+, 10\)\)$/);
    expect(sql(F.array_sort("xs"))).to.equal("array_sort(xs)");
  });

  it("refuse a lambda without parameters or one that returns no Column", () => {
    expect(() => F.transform("xs", () => lit(1))).to.throw(RangeError, /1 to 3/);
    expect(() => F.exists("xs", ((a: never, b: never) => a ?? b) as never)).to.throw(RangeError, /takes 1 parameters/);
    expect(() => F.exists("xs", ((x: unknown) => x && 1) as never)).to.throw(TypeError, /return a Column/);
  });
});
