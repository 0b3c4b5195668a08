import { expect } from "chai";
import { describe, it } from "mocha";
import { ArrayType, IntegerType, LongType, StringType, StructType } from "spark-ts";
import { columnNameCompletion, splitPath } from "../../../kernel/src/completion/columnNames";

const address = new StructType().add("city", new StringType()).add("zip", new StringType());
const schema = new StructType()
  .add("name", new StringType())
  .add("age", new IntegerType())
  .add("Address", address)
  .add("items", new ArrayType(new StructType().add("sku", new StringType()).add("qty", new LongType())))
  .add("a.b", new LongType());

const texts = (completion: { candidates: readonly { text: string }[] }) => completion.candidates.map((c) => c.text);

describe("column names in a column string", () => {
  it("are the schema's columns that start with the partial name, in schema order, letter case aside", () => {
    expect(texts(columnNameCompletion(schema, "a", 1))).to.deep.equal(["age", "Address", "`a.b`"]);
    expect(texts(columnNameCompletion(schema, "", 0))).to.deep.equal(["name", "age", "Address", "items", "`a.b`"]);
  });

  it("come with their Spark type, and replace the partial name only (never the quotes)", () => {
    expect(columnNameCompletion(schema, "na", 2)).to.deep.equal({
      start: 0,
      end: 2,
      candidates: [{ text: "name", type: "column", signature: "string" }],
    });
    // The cursor inside a name: the whole name is replaced.
    expect(columnNameCompletion(schema, "nam", 1)).to.include({ start: 0, end: 3 });
  });

  it("are a struct's fields after its name and a dot, and the element fields of an array of structs", () => {
    expect(columnNameCompletion(schema, "address.ci", 10)).to.deep.equal({
      start: 8,
      end: 10,
      candidates: [{ text: "city", type: "column", signature: "string" }],
    });
    expect(texts(columnNameCompletion(schema, "items.", 6))).to.deep.equal(["sku", "qty"]);
    expect(texts(columnNameCompletion(schema, "name.", 5))).to.deep.equal([]);
    expect(texts(columnNameCompletion(schema, "nope.", 5))).to.deep.equal([]);
  });

  it("replace only the part between the dots around the cursor", () => {
    expect(columnNameCompletion(schema, "address.city", 9)).to.include({ start: 8, end: 12 });
    expect(columnNameCompletion(schema, "address.city", 3)).to.include({ start: 0, end: 7 });
  });

  it("split at dots outside backticks", () => {
    expect(splitPath("`a.b`.c")).to.deep.equal(["a.b", "c"]);
    expect(splitPath("x.`y``z`")).to.deep.equal(["x", "y`z"]);
  });
});
