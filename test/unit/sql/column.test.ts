import { expect } from "chai";
import { describe, it } from "mocha";
import { show } from "./columnText";
import { col, lit, type Column } from "../../../src/sql/column";
import * as F from "../../../src/sql/functions";
import { ArrayType, IntegerType, dataTypeToProto } from "../../../src/sql/types";

const sql = (c: Column): string => show(c.expr);

describe("Column operators", () => {
  it("compile to Spark's operator functions, values becoming literals", () => {
    const x = col("x");
    expect(sql(x.equalTo(1))).to.equal("==(x, 1)");
    expect(sql(x.notEqual(1))).to.equal("not(==(x, 1))");
    expect(sql(x.gt(1).and(x.lt(5)).or(x.geq(9)))).to.equal("or(and(>(x, 1), <(x, 5)), >=(x, 9))");
    expect(sql(x.leq(2))).to.equal("<=(x, 2)");
    expect(sql(x.eqNullSafe(null))).to.equal("<=>(x, NULL)");
    expect(sql(x.plus(1).minus(2).multiply(3).divide(4).mod(5))).to.equal("%(/(*(-(+(x, 1), 2), 3), 4), 5)");
    expect(sql(x.negate())).to.equal("negative(x)");
    expect(sql(x.not())).to.equal("not(x)");
    expect(sql(x.bitwiseAND(1).bitwiseOR(2).bitwiseXOR(3))).to.equal("^(|(&(x, 1), 2), 3)");
    expect(sql(x.between(1, 3))).to.equal("and(>=(x, 1), <=(x, 3))");
  });

  it("isin takes values or one list of them", () => {
    expect(sql(col("x").isin(1, 2))).to.equal("in(x, 1, 2)");
    expect(sql(col("x").isin([1, 2]))).to.equal("in(x, 1, 2)");
  });

  it("string predicates use Spark's names, with PySpark's and Scala's spellings", () => {
    const s = col("s");
    expect(sql(s.startswith("a"))).to.equal("startsWith(s, 'a')");
    expect(sql(s.startsWith("a"))).to.equal("startsWith(s, 'a')");
    expect(sql(s.endswith("a"))).to.equal("endsWith(s, 'a')");
    expect(sql(s.endsWith("a"))).to.equal("endsWith(s, 'a')");
    expect(sql(s.contains("a"))).to.equal("contains(s, 'a')");
    expect(sql(s.like("a%"))).to.equal("like(s, 'a%')");
    expect(sql(s.ilike("a%"))).to.equal("ilike(s, 'a%')");
    expect(sql(s.rlike("^a"))).to.equal("rlike(s, '^a')");
    expect(sql(s.substr(1, 2))).to.equal("substr(s, 1, 2)");
    expect(() => s.substr(1, col("n"))).to.throw(TypeError);
  });

  it("null tests are Spark's isNull, isNotNull and isNaN", () => {
    expect(sql(col("x").isNull())).to.equal("isNull(x)");
    expect(sql(col("x").isNotNull())).to.equal("isNotNull(x)");
    expect(sql(col("x").isNaN())).to.equal("isNaN(x)");
  });

  it("alias, name and as rename, with field metadata as JSON", () => {
    expect(sql(col("x").alias("y"))).to.equal("x AS y");
    expect(sql(col("x").name("y"))).to.equal("x AS y");
    expect(sql(col("x").as("a", "b"))).to.equal("x AS a,b");
    const withMeta = col("x").alias("y", { metadata: { unit: "cm" } }).expr.exprType;
    expect(withMeta).to.have.nested.property("alias.metadata", '{"unit":"cm"}');
    expect(() => col("x").alias("a", "b", { metadata: {} } as never)).to.throw(RangeError);
  });

  it("cast takes a DataType or a DDL string; try_cast asks for the TRY mode", () => {
    expect(col("x").cast("int").expr.exprType).to.deep.equal({
      $case: "cast",
      cast: { expr: col("x").expr, castToType: { $case: "typeStr", typeStr: "int" }, evalMode: 0 },
    });
    expect(col("x").astype(new ArrayType(new IntegerType())).expr.exprType).to.have.deep.nested.property("cast.castToType", {
      $case: "type",
      type: dataTypeToProto(new ArrayType(new IntegerType())),
    });
    expect(col("x").try_cast("int").expr.exprType).to.have.nested.property("cast.evalMode", 3);
  });

  it("reaches into nested values with extract-value and update-fields expressions", () => {
    expect(sql(col("xs").getItem(0))).to.equal("xs[0]");
    expect(sql(col("m").getItem("k"))).to.equal("m['k']");
    expect(sql(col("s").getField("a"))).to.equal("s['a']");
    expect(sql(col("s").withField("a", lit(1)))).to.equal("withField(s, a, 1)");
    expect(sql(col("s").dropFields("a", "b"))).to.equal("dropField(dropField(s, a), b)");
    expect(() => col("s").dropFields()).to.throw(RangeError);
  });

  it("builds CASE WHEN as Spark's when(cond, value, ..., else) from F.when, .when and .otherwise", () => {
    const x = col("x");
    const c = F.when(x.lt(0), "neg").when(x.equalTo(0), "zero").otherwise("pos");
    expect(sql(c)).to.equal("when(<(x, 0), 'neg', ==(x, 0), 'zero', 'pos')");
    expect(sql(F.when(x.lt(0), lit(null)))).to.equal("when(<(x, 0), NULL)");
    expect(() => x.when(x.lt(0), 1)).to.throw(TypeError, /F\.when/);
    expect(() => c.otherwise(1)).to.throw(TypeError);
    expect(() => c.when(x.gt(1), 1)).to.throw(TypeError);
  });

  it("sort keys follow Spark's defaults: ascending nulls first, descending nulls last", () => {
    expect(sql(col("x").asc())).to.equal("x ASC NULLS FIRST");
    expect(sql(col("x").desc())).to.equal("x DESC NULLS LAST");
    expect(sql(col("x").asc_nulls_last())).to.equal("x ASC NULLS LAST");
    expect(sql(col("x").desc_nulls_first())).to.equal("x DESC NULLS FIRST");
    expect(sql(F.desc_nulls_first("x"))).to.equal("x DESC NULLS FIRST");
  });

  it("are immutable: an operator returns a new Column and leaves its operands frozen", () => {
    const x = col("x");
    const y = x.plus(1);
    expect(y).to.not.equal(x);
    expect(Object.isFrozen(x.expr)).to.equal(true);
    expect(Object.isFrozen(y.expr)).to.equal(true);
    expect(sql(x)).to.equal("x");
  });

  it("transform applies a function; outer keeps the expression", () => {
    expect(sql(col("x").transform((c) => c.plus(1)))).to.equal("+(x, 1)");
    expect(sql(col("x").outer())).to.equal("x");
  });
});
