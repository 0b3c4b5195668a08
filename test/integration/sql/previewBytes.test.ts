import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { SparkSession, tableBundle } from "../../../src";
import { dataFrameBundle } from "../../../src/sql/display/dataFrameBundle";
import { preview } from "../../../src/sql/display/preview";
import { tableToRows } from "../../../src/arrow";
import { CuttingProxy } from "../../support/cuttingProxy";
import { requireSpark, sparkRemote } from "../../support/spark";

const MB = 1_000_000;
const MARK = "✂";
const SERVER_CUT_TITLE = 'title="cut on the server: the full value is not in the notebook"';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe("a table preview moves a bounded number of bytes", function () {
  let proxy: CuttingProxy;
  let spark: SparkSession;

  before(async () => {
    // Every byte the server sends passes through the proxy, which counts them.
    proxy = await CuttingProxy.start(Number(new URL(sparkRemote().replace(/^sc:/, "http:")).port));
    spark = await SparkSession.builder.remote(proxy.remote).create();
  });

  after(async () => {
    await spark?.stop().catch(() => undefined);
    await proxy?.close();
  });

  /** What `f` returns, and how many bytes came from the server while it ran. */
  async function counted<T>(f: () => Promise<T>): Promise<{ value: T; bytes: number }> {
    const start = proxy.bytesFromServer;
    const value = await f();
    return { value, bytes: proxy.bytesFromServer - start };
  }

  it("shows SELECT repeat('x', 20000000) AS s FROM range(101) (2 GB in full) with under 1 MB from the server, every cell marked", async () => {
    const df = await spark.sql("SELECT repeat('x', 20000000) AS s FROM range(101)");
    const { value: bundle, bytes } = await counted(() => dataFrameBundle(df));
    expect(bytes).to.be.below(1 * MB);
    const html = bundle["text/html"];
    expect(count(html, SERVER_CUT_TITLE)).to.equal(100);
    expect(count(html, `> ${MARK}</span></td>`)).to.equal(100);
    expect(html).to.include(`>${"x".repeat(199)}…<span`);
    expect(html).to.include("showing first 100 rows; more exist");
    expect(html).to.include(`${MARK} 100 cells cut on the server to keep this preview small; their full values are not in the notebook`);
    const text = bundle["text/plain"].split("\n");
    expect(text[3]).to.equal(`|${"x".repeat(197)}...${MARK}|`);
    expect(text.at(-1)).to.equal(
      `${MARK} 100 cells cut on the server to keep this preview small; their full values are not in the notebook`,
    );
  });

  it("cuts large binaries, arrays, maps, nested structs and arrays of arrays on the server too (700 MB in full, under 2 MB moved)", async () => {
    const df = await spark.sql(`
      SELECT unhex(repeat('ab', 2000000)) AS bin,
             sequence(id, id + 300000) AS nums,
             map_from_arrays(sequence(id, id + 9999), array_repeat(repeat('v', 100), 10000)) AS m,
             named_struct('id', id, 'doc', named_struct('body', repeat(CAST(id % 10 AS STRING), 1000000),
                                                    'tags', array_repeat(repeat('t', 1000), 1000))) AS st,
             array_repeat(array_repeat(repeat(CAST(id AS STRING), 1000), 100), 10) AS nested
      FROM range(101)`);
    const dtypes = await df.dtypes;
    const { value: shown, bytes } = await counted(() => preview(df, 100));
    expect(bytes).to.be.below(2 * MB);
    expect(shown.columnTypes).to.deep.equal(dtypes.map(([, type]) => type));
    expect(shown.table.schema.fields.map((f) => f.name)).to.deep.equal(["bin", "nums", "m", "st", "nested"]);
    expect(shown.table.numRows).to.equal(100);
    expect(shown.more).to.equal(true);
    expect(shown.cutCells.map((flags) => flags?.filter(Boolean).length)).to.deep.equal([100, 100, 100, 100, 100]);
    // What is kept is the values' beginning, exactly.
    const row = tableToRows(shown.table)[7] as unknown as {
      bin: Uint8Array;
      nums: number[];
      m: Map<number, string>;
      st: { id: bigint; doc: { body: string; tags: string[] } };
      nested: string[][];
    };
    expect(Buffer.from(row.bin).toString("hex")).to.equal("ab".repeat(101));
    expect(row.nums.slice(0, 3)).to.deep.equal([7n, 8n, 9n]);
    expect([...row.m.keys()].slice(0, 3)).to.deep.equal([7n, 8n, 9n]);
    expect(row.st.id).to.equal(7n);
    // Of a cell's 201 characters, st's second field (doc) gets (201 - 4) / 2 = 98 and doc's first
    // field (body) 98 - 1 = 97; the first string of nested's first array gets 201 - 2 = 199.
    expect(row.st.doc.body).to.equal("7".repeat(97));
    expect(row.nested[0][0]).to.equal("7".repeat(199));
    const bundle = tableBundle(shown.table, { columnTypes: shown.columnTypes, moreRows: shown.more, cutCells: shown.cutCells });
    expect(count(bundle["text/html"], SERVER_CUT_TITLE)).to.equal(500);
    expect(bundle["text/plain"]).to.include(`${MARK} 500 cells cut on the server`);
  });

  it("leaves short values untouched: the same table, byte for byte, as the rows fetched whole", async function () {
    await requireSpark(this, "4.0", "collations (COLLATE UTF8_LCASE)");
    const df = await spark.sql(`
      SELECT id, CAST(id AS STRING) AS s, repeat('é', 201) AS exactly_fits, 'a😀b' AS emoji, X'00FF' AS bin,
             array(1, NULL, 3) AS xs, map('k', named_struct('a', 1, 'b', 'x')) AS m,
             named_struct('x', 1.5D, 'y', CAST(NULL AS STRING)) AS st, CAST(NULL AS struct<a:string>) AS nul,
             CAST(array() AS array<string>) AS empty, map(CAST(id AS STRING), array(id)) AS keyed,
             'a' COLLATE UTF8_LCASE AS collated, 1 AS \`a.b\`, 2 AS id
      FROM range(3)`);
    const [bundle, whole, dtypes] = await Promise.all([dataFrameBundle(df), df.limit(101).toArrow(), df.dtypes]);
    const expected = tableBundle(whole, { columnTypes: dtypes.map(([, type]) => type) });
    expect(bundle).to.deep.equal(expected);
    expect(bundle["text/html"]).not.to.include(MARK);
    expect(bundle["text/html"]).to.include(">string collate UTF8_LCASE<");
  });

  it("marks exactly the cells whose values were longer than the cell allows, at the edge too", async () => {
    // With 10 characters a cell, the server keeps 11: a value of 11 is whole, one of 12 is cut.
    const df = await spark.sql(`
      SELECT * FROM VALUES (0, repeat('a', 11)), (1, repeat('b', 12)), (2, NULL), (3, 'short'), (4, repeat('😀', 12)) AS t(n, s)`);
    const shown = await preview(df, 100, 10);
    expect(shown.cutCells).to.deep.equal([undefined, [false, true, false, false, true]]);
    const s = shown.table.getChild("s")!.toArray() as (string | null)[];
    expect(s).to.deep.equal(["a".repeat(11), "b".repeat(11), null, "short", "😀".repeat(11)]);
    const bundle = tableBundle(shown.table, { columnTypes: shown.columnTypes, cutCells: shown.cutCells, maxCellChars: 10 });
    const cells = bundle["text/plain"]
      .split("\n")
      .slice(3, 8)
      .map((line) => line.split("|")[2].trim());
    expect(cells).to.deep.equal(["aaaaaaa...", `bbbbbbb...${MARK}`, "NULL", "short", `😀😀😀...${MARK}`]);
  });

  it("cuts to the display's own width: display(df, { maxCellChars: 1000 }) shows 999 characters of a long value", async () => {
    const df = await spark.sql("SELECT repeat('z', 100000) AS s");
    const bundle = await dataFrameBundle(df, { maxCellChars: 1000 });
    expect(bundle["text/html"]).to.include(`>${"z".repeat(999)}…<span`);
    expect(bundle["text/html"]).not.to.include("z".repeat(1000));
  });

  it("keeps a map's keys whole where cut keys would collide, and marks only what was cut", async () => {
    // At 20 characters a cell the second entry's key budget is 8: 'kkkkkkkkX' would become 'kkkkkkkk'.
    const df = await spark.sql("SELECT map('kkkkkkkk', 1, 'kkkkkkkkX', 2) AS m, map('kkkkkkkk', repeat('v', 50), 'kkkkkkkkX', 'w') AS n");
    const shown = await preview(df, 100, 20);
    const row = tableToRows(shown.table)[0] as unknown as { m: Map<string, number>; n: Map<string, string> };
    expect([...row.m.keys()]).to.deep.equal(["kkkkkkkk", "kkkkkkkkX"]);
    expect([...row.n.keys()]).to.deep.equal(["kkkkkkkk", "kkkkkkkkX"]);
    expect(row.n.get("kkkkkkkk")).to.equal("v".repeat(15));
    expect(shown.cutCells).to.deep.equal([[false], [true]]);
  });

  it("shows repeated and odd column names as the DataFrame has them", async () => {
    const df = await spark.sql("SELECT repeat('a', 500) AS `x`, repeat('b', 500) AS `x`, 'c' AS `a.b`, 1 AS `` FROM range(2)");
    const shown = await preview(df, 100);
    expect(shown.table.schema.fields.map((f) => f.name)).to.deep.equal(["x", "x", "a.b", ""]);
    expect(shown.columnTypes).to.deep.equal(["string", "string", "string", "int"]);
    expect((shown.table.getChildAt(1)!.get(0) as string).startsWith("bbb")).to.equal(true);
    expect(shown.cutCells).to.deep.equal([[true, true], [true, true], [false, false], undefined]);
  });
});
