import { expect } from "chai";
import { describe, it } from "mocha";
import { nameAtCursor, stringAtCursor } from "../../../kernel/src/completion/cursorContext";

/** The cell with `|` taken out, and where it was. */
function at(marked: string): [string, number] {
  const cursor = marked.indexOf("|");
  return [marked.slice(0, cursor) + marked.slice(cursor + 1), cursor];
}

describe("the string literal at the cursor", () => {
  it("is found in an unterminated string at the end of the cell, with the call and its receiver", () => {
    expect(stringAtCursor(...at('people.select("na|'))).to.deep.equal({
      text: "na",
      start: 15,
      cursor: 2,
      call: { name: "select", receiver: { root: "people", steps: [] }, argIndex: 0, inArray: false },
      enclosing: [],
    });
  });

  it("is found in a closed string, where the cursor may be anywhere between the quotes", () => {
    const found = stringAtCursor(...at('df.select("id", "re|gion")'));
    expect(found).to.include({ text: "region", start: 17, cursor: 2 });
    expect(found?.call).to.include({ name: "select", argIndex: 1 });
    expect(stringAtCursor(...at('df.select("id"|)'))).to.equal(undefined);
    expect(stringAtCursor(...at('df.select(|"id")'))).to.equal(undefined);
  });

  it("knows an element of an array literal passed as an argument", () => {
    expect(stringAtCursor(...at('df.dropDuplicates(["a", "|'))?.call).to.deep.equal({
      name: "dropDuplicates",
      receiver: { root: "df", steps: [] },
      argIndex: 0,
      inArray: true,
    });
  });

  it("reads the receiver chain, with each called step's first string, and the calls around the string", () => {
    const found = stringAtCursor(...at('df.groupBy("region").agg(F.sum("am|'));
    expect(found?.call).to.deep.equal({ name: "sum", receiver: { root: "F", steps: [] }, argIndex: 0, inArray: false });
    expect(found?.enclosing).to.deep.equal([
      { name: "agg", receiver: { root: "df", steps: [{ name: "groupBy", called: true, firstString: "region" }] } },
    ]);
    expect(stringAtCursor(...at('spark.read.table("t").select(col("|'))).to.deep.include({
      call: { name: "col", argIndex: 0, inArray: false },
      enclosing: [
        {
          name: "select",
          receiver: {
            root: "spark",
            steps: [
              { name: "read", called: false },
              { name: "table", called: true, firstString: "t" },
            ],
          },
        },
      ],
    });
  });

  it("is not found in a string that is no call's argument, or a template with substitutions", () => {
    expect(stringAtCursor(...at('const s = "ab|'))).to.equal(undefined);
    expect(stringAtCursor(...at("df.filter(`${x} > |`)"))).to.equal(undefined);
  });

  it("has no receiver chain when the receiver is not member reads and calls on a name", () => {
    expect(stringAtCursor(...at('(await spark.sql("q")).select("|'))).to.equal(undefined);
  });
});

describe("the name at the cursor", () => {
  it("is the identifier the cursor is in or just after, with the chain it is read on", () => {
    expect(nameAtCursor(...at("F.su|m"))).to.deep.equal({ name: "sum", start: 2, end: 5, receiver: { root: "F", steps: [] } });
    expect(nameAtCursor(...at('F.sum|("x")'))).to.deep.equal({ name: "sum", start: 2, end: 5, receiver: { root: "F", steps: [] } });
    expect(nameAtCursor(...at("sales|"))).to.deep.equal({ name: "sales", start: 0, end: 5 });
    expect(nameAtCursor(...at("|sales.count()"))).to.deep.equal({ name: "sales", start: 0, end: 5 });
  });

  it("is nothing in white space or punctuation", () => {
    expect(nameAtCursor(...at("f( | )"))).to.equal(undefined);
  });
});
