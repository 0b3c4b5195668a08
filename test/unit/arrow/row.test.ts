import { expect } from "chai";
import { describe, it } from "mocha";
import { inspect } from "node:util";
import { Int32, Int64, Utf8 } from "apache-arrow";
import { decodeChunks, decodeTable, Row, rowConverter, rowsFromBatches, tableToRows } from "../../../src/arrow";
import { built, column, ipcStream, rowsOf } from "./arrowData";

describe("Row: one row of a result", () => {
  it("has its columns as own enumerable properties, in column order", () => {
    const row = new Row(["id", "name"], [1, "a"]);
    expect(row.id).to.equal(1);
    expect(row.name).to.equal("a");
    expect(Object.keys(row)).to.deep.equal(["id", "name"]);
    expect({ ...row }).to.deep.equal({ id: 1, name: "a" });
    expect(JSON.stringify(row)).to.equal('{"id":1,"name":"a"}');
  });

  it("prints in Node's console as its columns", () => {
    expect(inspect(new Row(["id", "name"], [1n, "a"]))).to.equal("Row { id: 1n, name: 'a' }");
  });

  it("keeps every value of a repeated column name reachable by position, the first owning the name", () => {
    const row = new Row(["a", "a", "b"], [1, 2, 3]);
    expect(row.a).to.equal(1);
    expect(Object.keys(row)).to.deep.equal(["a", "b"]);
    expect(Row.values(row)).to.deep.equal([1, 2, 3]);
    expect(Row.columns(row)).to.deep.equal(["a", "a", "b"]);
    expect(Row.at(row, 1)).to.equal(2);
    expect(Row.at(row, -1)).to.equal(3);
    const [first, second, third] = row;
    expect([first, second, third]).to.deep.equal([1, 2, 3]);
    expect([...row]).to.deep.equal([1, 2, 3]);
  });

  it("lets a column be called anything: values, at, constructor, toJSON, __proto__", () => {
    const names = ["values", "at", "constructor", "toJSON", "__proto__"];
    const row = new Row(names, [1, 2, 3, 4, 5]);
    expect(Object.getPrototypeOf(row)).to.equal(Row.prototype);
    expect(Object.keys(row)).to.deep.equal(names);
    expect([row.values, row.at, row.constructor, row.toJSON]).to.deep.equal([1, 2, 3, 4]);
    expect(Object.getOwnPropertyDescriptor(row, "__proto__")!.value).to.equal(5);
    expect(Row.values(row)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(JSON.stringify(row)).to.equal('{"values":1,"at":2,"constructor":3,"toJSON":4,"__proto__":5}');
  });

  it("is frozen, and Row.values hands out a copy", () => {
    const row = new Row(["a"], [1]);
    expect(Object.isFrozen(row)).to.equal(true);
    expect(() => {
      (row as unknown as Record<string, unknown>).a = 2;
    }).to.throw(TypeError);
    Row.values(row).push(99);
    expect(Row.values(row)).to.deep.equal([1]);
  });

  it("refuses a value count that differs from the column count, and positions beyond the row", () => {
    expect(() => new Row(["a", "b"], [1])).to.throw(RangeError);
    expect(() => Row.at(new Row(["a"], [1]), 1)).to.throw(RangeError);
    expect(() => Row.at(new Row(["a"], [1]), -2)).to.throw(RangeError);
  });
});

describe("rowConverter and friends: record batches to rows", () => {
  it("turns a result's batches into rows keyed by column name", () => {
    const rows = rowsOf(column("id", built(new Int64(), [1n, 2n])), column("s", built(new Utf8(), ["a", null])));
    expect(rows.map((row) => ({ ...row }))).to.deep.equal([
      { id: 1n, s: "a" },
      { id: 2n, s: null },
    ]);
    expect(rows[0]).to.be.instanceOf(Row);
  });

  it("keeps both columns of a result with a repeated name (SELECT 1 a, 2 a)", () => {
    const [row] = rowsOf(column("a", built(new Int32(), [1])), column("a", built(new Int32(), [2])));
    expect(row.a).to.equal(1);
    expect(Row.values(row)).to.deep.equal([1, 2]);
  });

  it("serves every batch of its schema with one converter", () => {
    const table = decodeTable([ipcStream(column("id", built(new Int64(), [1n]))), ipcStream(column("id", built(new Int64(), [2n, 3n])))]);
    const convert = rowConverter(table.schema);
    expect(table.batches.flatMap((batch) => convert(batch)).map((row) => row.id)).to.deep.equal([1n, 2n, 3n]);
  });

  it("refuses a batch with another number of columns than its schema", () => {
    const one = decodeTable([ipcStream(column("id", built(new Int64(), [1n])))]);
    const two = decodeTable([ipcStream(column("id", built(new Int64(), [1n])), column("x", built(new Int64(), [1n])))]);
    expect(() => rowConverter(one.schema)(two.batches[0])).to.throw(RangeError);
  });

  it("gives no rows for an empty result", () => {
    expect(tableToRows(decodeTable([ipcStream(column("id", built(new Int64(), [])))]))).to.deep.equal([]);
    expect(tableToRows(decodeTable([]))).to.deep.equal([]);
  });

  it("streams rows from batches as they are decoded (rowsFromBatches)", async () => {
    const streams = [ipcStream(column("id", built(new Int64(), [1n, 2n]))), ipcStream(column("id", built(new Int64(), [3n])))];
    const ids: unknown[] = [];
    for await (const row of rowsFromBatches(decodeChunks(streams))) ids.push(row.id);
    expect(ids).to.deep.equal([1n, 2n, 3n]);
  });

  it("follows a change of schema between batches when streaming rows", async () => {
    const streams = [
      decodeTable([ipcStream(column("id", built(new Int64(), [1n])))]).batches[0],
      decodeTable([ipcStream(column("name", built(new Utf8(), ["x"])))]).batches[0],
    ];
    const rows: Row[] = [];
    for await (const row of rowsFromBatches(streams)) rows.push(row);
    expect(rows.map((row) => ({ ...row }))).to.deep.equal([{ id: 1n }, { name: "x" }]);
  });
});
