import { expect } from "chai";
import { describe, it } from "mocha";
import { isSqlMagic, parseSqlMagic, SqlMagicError, sqlMagicToTypeScript } from "../../../kernel/src/cell/sqlMagic";

describe("%%sql cells", () => {
  it("are recognised by their first line only", () => {
    expect(isSqlMagic("%%sql\nSELECT 1")).to.equal(true);
    expect(isSqlMagic("  %%sql top\nSELECT 1")).to.equal(true);
    expect(isSqlMagic("%%sqlx\nSELECT 1")).to.equal(false);
    expect(isSqlMagic("const q = `%%sql`")).to.equal(false);
  });

  it("read a result name, :parameters and --max-rows from the magic line", () => {
    expect(parseSqlMagic("%%sql adults :min_age :country --max-rows 5\nSELECT * FROM people\nWHERE age >= :min_age")).to.deep.equal({
      name: "adults",
      params: ["min_age", "country"],
      maxRows: 5,
      query: "SELECT * FROM people\nWHERE age >= :min_age",
    });
  });

  it("pass the query as one string literal and parameters as values, never spliced into SQL", () => {
    const code = sqlMagicToTypeScript(parseSqlMagic("%%sql :name\nSELECT '`${x}`' AS s, \"q\" WHERE n = :name"));
    expect(code).to.equal('await spark.sql("SELECT \'`${x}`\' AS s, \\"q\\" WHERE n = :name", { name: name });\n');
  });

  it("bind the DataFrame to the given name and leave it as the cell's value", () => {
    expect(sqlMagicToTypeScript(parseSqlMagic("%%sql top\nSELECT 1"))).to.equal('const top = await spark.sql("SELECT 1");\ntop;\n');
    expect(sqlMagicToTypeScript(parseSqlMagic("%%sql --max-rows 3\nSELECT 1"))).to.equal(
      'await display(await spark.sql("SELECT 1"), { maxRows: 3 });\n',
    );
  });

  it("reject names that are not identifiers, two result names, a missing query and bad options", () => {
    expect(() => parseSqlMagic("%%sql a;process.exit()\nSELECT 1")).to.throw(SqlMagicError, /not a variable name/);
    expect(() => parseSqlMagic("%%sql :x-y\nSELECT 1")).to.throw(SqlMagicError);
    expect(() => parseSqlMagic("%%sql a b\nSELECT 1")).to.throw(SqlMagicError, /one result name/);
    expect(() => parseSqlMagic("%%sql a\n   ")).to.throw(SqlMagicError, /needs a query/);
    expect(() => parseSqlMagic("%%sql --max-rows many\nSELECT 1")).to.throw(SqlMagicError, /whole number/);
    expect(() => parseSqlMagic("%%sql --bogus\nSELECT 1")).to.throw(SqlMagicError);
  });
});
