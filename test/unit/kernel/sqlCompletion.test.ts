import { expect } from "chai";
import { describe, it } from "mocha";
import { keywordInCase, quoteForSql, sqlCursor, sqlNameAt, sqlTokens, tableReferences } from "../../../kernel/src/completion/sqlCompletion";
import { sqlCellQuery } from "../../../kernel/src/completion/completer";

/** The SQL with `|` taken out, and where it was. */
function at(marked: string): [string, number] {
  const cursor = marked.indexOf("|");
  return [marked.slice(0, cursor) + marked.slice(cursor + 1), cursor];
}

describe("SQL tokens", () => {
  it("know strings, backticked names, comments, params and the :: cast", () => {
    const tokens = sqlTokens("SELECT 'it''s', `a``b`, x::int -- note\nFROM t WHERE n = :min /* c */");
    expect(tokens.map((t) => [t.kind, t.value])).to.deep.equal([
      ["word", "SELECT"],
      ["string", ""],
      ["punct", ","],
      ["quoted", "a`b"],
      ["punct", ","],
      ["word", "x"],
      ["punct", "::"],
      ["word", "int"],
      ["comment", ""],
      ["word", "FROM"],
      ["word", "t"],
      ["word", "WHERE"],
      ["word", "n"],
      ["punct", "="],
      ["param", "min"],
      ["comment", ""],
    ]);
  });
});

describe("what the cursor is on in SQL", () => {
  it("is a table name after FROM, JOIN and a comma in a FROM list", () => {
    expect(sqlCursor(...at("SELECT * FROM peo|"))).to.deep.equal({ kind: "table", partial: "peo", start: 14, end: 17, qualifier: [] });
    expect(sqlCursor(...at("SELECT * FROM a JOIN |"))).to.include({ kind: "table", partial: "" });
    expect(sqlCursor(...at("SELECT * FROM a, b|"))).to.include({ kind: "table", partial: "b" });
    expect(sqlCursor(...at("SELECT a, b|"))).to.include({ kind: "expression", partial: "b" });
    expect(sqlCursor(...at("SELECT * FROM (SELECT 1), x|"))).to.include({ kind: "table" });
  });

  it("has the names before a dot as its qualifier", () => {
    expect(sqlCursor(...at("SELECT p.addr.ci| FROM people p"))).to.deep.equal({
      kind: "expression",
      partial: "ci",
      start: 14,
      end: 16,
      qualifier: ["p", "addr"],
    });
    expect(sqlCursor(...at("SELECT * FROM db.|"))).to.deep.equal({ kind: "table", partial: "", start: 17, end: 17, qualifier: ["db"] });
  });

  it("is a :param after a colon, but not after ::", () => {
    expect(sqlCursor(...at("WHERE age >= :mi|"))).to.deep.equal({ kind: "param", partial: "mi", start: 14, end: 16, qualifier: [] });
    expect(sqlCursor(...at("WHERE age >= :|"))).to.deep.equal({ kind: "param", partial: "", start: 14, end: 14, qualifier: [] });
    expect(sqlCursor(...at("SELECT x::|"))).to.include({ kind: "expression" });
  });

  it("is nothing inside a string or a comment", () => {
    expect(sqlCursor(...at("SELECT 'ab|"))).to.equal(undefined);
    expect(sqlCursor(...at("SELECT 'a|b'"))).to.equal(undefined);
    expect(sqlCursor(...at("SELECT 1 -- FROM t|"))).to.equal(undefined);
    expect(sqlCursor(...at("SELECT /* x| */ 1"))).to.equal(undefined);
  });
});

describe("the tables a statement names", () => {
  it("are read after FROM, JOIN and in FROM lists, with their aliases, and not from subqueries or table functions", () => {
    expect(
      tableReferences("SELECT * FROM people p JOIN db.orders AS o ON p.id = o.pid, `my t` WHERE x IN (SELECT y FROM other)"),
    ).to.deep.equal([{ name: ["people"], alias: "p" }, { name: ["db", "orders"], alias: "o" }, { name: ["my t"] }, { name: ["other"] }]);
    expect(tableReferences("SELECT * FROM range(10) r")).to.deep.equal([]);
    expect(tableReferences("SELECT * FROM people WHERE age > 1")).to.deep.equal([{ name: ["people"] }]);
  });
});

describe("names in SQL for inspection", () => {
  it("are the name at or just before the cursor, with its qualifier and whether it is called", () => {
    expect(sqlNameAt(...at("SELECT upp|er(name) FROM t"))).to.deep.equal({ name: "upper", qualifier: [], called: true, start: 7, end: 12 });
    expect(sqlNameAt(...at("SELECT * FROM db.people|"))).to.deep.equal({
      name: "people",
      qualifier: ["db"],
      called: false,
      start: 17,
      end: 23,
    });
    expect(sqlNameAt(...at("SELECT 1 + | 2"))).to.equal(undefined);
  });
});

describe("SQL spelling of completions", () => {
  it("backticks names that are not plain identifiers, and types keywords in the partial name's case", () => {
    expect([quoteForSql("age"), quoteForSql("my col"), quoteForSql("a`b")]).to.deep.equal(["age", "`my col`", "`a``b`"]);
    expect([keywordInCase("SELECT", "sel"), keywordInCase("SELECT", "Sel"), keywordInCase("SELECT", "")]).to.deep.equal([
      "select",
      "SELECT",
      "SELECT",
    ]);
  });
});

describe("the parts of a %%sql cell", () => {
  it("are its magic line (the first that is not blank) and the SQL below it", () => {
    expect(sqlCellQuery("%%sql adults\nSELECT 1")).to.deep.equal({ magicEnd: 12, text: "SELECT 1", start: 13 });
    expect(sqlCellQuery("\n  %%sql\nSELECT 1")).to.deep.equal({ magicEnd: 8, text: "SELECT 1", start: 9 });
    expect(sqlCellQuery("%%sql :x")).to.deep.equal({ magicEnd: 8, text: "", start: 8 });
    expect(sqlCellQuery("SELECT 1")).to.equal(undefined);
  });
});
