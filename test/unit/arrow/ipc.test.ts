import { expect } from "chai";
import { describe, it } from "mocha";
import { Int64, Utf8, type RecordBatch } from "apache-arrow";
import {
  ArrowDecodeError,
  DayTimeInterval,
  decodeChunk,
  decodeChunks,
  decodeTable,
  LocalDate,
  LocalDateTime,
  Row,
  tableToRows,
  Timestamp,
  VariantValue,
  YearMonthInterval,
} from "../../../src/arrow";
import { built, column, ipcStream } from "./arrowData";
import { EMPTY_RESULT_STREAM, EVERY_KIND_STREAM, RANGE_FIRST_STREAM, RANGE_SECOND_STREAM, ZSTD_STREAM } from "./sparkBytes";

function idStream(ids: bigint[]): Uint8Array {
  return ipcStream(column("id", built(new Int64(), ids)));
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("decodeChunk: one Arrow IPC stream", () => {
  it("returns the stream's record batches", () => {
    const [batch, ...rest] = decodeChunk(idStream([1n, 2n, 3n]));
    expect(rest).to.have.length(0);
    expect(batch.numRows).to.equal(3);
    expect([...batch.getChild("id")!]).to.deep.equal([1n, 2n, 3n]);
  });

  it("accepts the row count the server declared, as bigint or number", () => {
    expect(decodeChunk(idStream([1n, 2n]), 2n)).to.have.length(1);
    expect(decodeChunk(idStream([1n, 2n]), 2)).to.have.length(1);
  });

  it("rejects a stream holding another number of rows than declared", () => {
    const error = thrown(() => decodeChunk(idStream([1n, 2n]), 3n));
    expect(error).to.be.instanceOf(ArrowDecodeError);
    expect((error as Error).message).to.equal("Arrow chunk 0 holds 2 rows, but the server declared 3.");
  });

  it("rejects bytes that are not an Arrow IPC stream, and empty bytes", () => {
    expect(thrown(() => decodeChunk(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])))).to.be.instanceOf(ArrowDecodeError);
    expect(thrown(() => decodeChunk(new Uint8Array(0))))
      .to.be.instanceOf(ArrowDecodeError)
      .with.property("message")
      .that.matches(/empty/);
  });

  it("explains a stream Spark compressed (arrow compression codec zstd) instead of failing obscurely", () => {
    const error = thrown(() => decodeChunk(ZSTD_STREAM));
    expect(error).to.be.instanceOf(ArrowDecodeError);
    expect((error as Error).message).to.match(/spark\.sql\.execution\.arrow\.compression\.codec/);
    expect((error as Error).cause).to.be.instanceOf(Error);
  });
});

describe("decodeTable: the streams of a whole result", () => {
  it("joins the streams' batches in order into one table", () => {
    const table = decodeTable([idStream([0n, 1n]), idStream([2n]), idStream([3n, 4n])]);
    expect(table.numRows).to.equal(5);
    expect(table.batches).to.have.length(3);
    expect([...table.getChild("id")!]).to.deep.equal([0n, 1n, 2n, 3n, 4n]);
  });

  it("keeps the schema of an empty result", () => {
    const table = decodeTable([ipcStream(column("id", built(new Int64(), [])), column("s", built(new Utf8(), [])))]);
    expect(table.numRows).to.equal(0);
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).to.deep.equal([
      ["id", "Int64"],
      ["s", "Utf8"],
    ]);
  });

  it("makes an empty table without columns from no streams at all", () => {
    const table = decodeTable([]);
    expect(table.numRows).to.equal(0);
    expect(table.schema.fields).to.deep.equal([]);
  });

  it("rejects a stream whose schema differs from the first's", () => {
    const other = ipcStream(column("name", built(new Utf8(), ["a"])));
    const error = thrown(() => decodeTable([idStream([1n]), other]));
    expect(error).to.be.instanceOf(ArrowDecodeError);
    expect((error as Error).message).to.match(/^Arrow chunk 1 has the schema/);
  });

  it("checks declared row counts given with each chunk or beside the chunks", () => {
    const streams = [idStream([1n]), idStream([2n, 3n])];
    expect(decodeTable(streams.map((data, i) => ({ data, rowCount: BigInt(i + 1) }))).numRows).to.equal(3);
    expect(decodeTable(streams, [1n, 2n]).numRows).to.equal(3);
    expect((thrown(() => decodeTable(streams, [1n, 1n])) as Error).message).to.equal(
      "Arrow chunk 1 holds 2 rows, but the server declared 1.",
    );
  });
});

describe("decodeChunks: batches as the streams arrive", () => {
  it("decodes one stream at a time, pulling the next only when asked", async () => {
    let pulled = 0;
    // eslint-disable-next-line @typescript-eslint/require-await -- decodeChunks reads an async source; this one has its chunks at hand.
    async function* source() {
      for (const ids of [[1n], [2n, 3n], [4n]]) {
        pulled++;
        yield { data: idStream(ids), rowCount: ids.length };
      }
    }
    const batches = decodeChunks(source());
    const first = await batches.next();
    expect((first.value as RecordBatch).numRows).to.equal(1);
    expect(pulled).to.equal(1);
    const rest: RecordBatch[] = [];
    for await (const batch of batches) rest.push(batch);
    expect(rest.map((b) => b.numRows)).to.deep.equal([2, 1]);
    expect(pulled).to.equal(3);
  });

  it("rejects a stream whose schema differs from the first's", async () => {
    const other = ipcStream(column("name", built(new Utf8(), ["a"])));
    const ids: unknown[] = [];
    const error = await (async () => {
      for await (const batch of decodeChunks([idStream([1n]), other])) ids.push(...batch.getChild("id")!);
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(ids).to.deep.equal([1n]);
    expect(error).to.be.instanceOf(ArrowDecodeError);
    expect((error as Error).message).to.match(/^Arrow chunk 1 has the schema/);
  });

  it("yields the good batches before failing at a bad stream", async () => {
    const seen: bigint[] = [];
    let error: unknown;
    try {
      for await (const batch of decodeChunks([idStream([7n]), new Uint8Array([9, 9, 9, 9])])) {
        seen.push(...(batch.getChild("id")! as Iterable<bigint>));
      }
    } catch (e) {
      error = e;
    }
    expect(seen).to.deep.equal([7n]);
    expect(error).to.be.instanceOf(ArrowDecodeError);
    expect((error as Error).message).to.match(/^Arrow chunk 1 /);
  });
});

describe("Streams exactly as a Spark 4.3 server sent them", () => {
  it("decodes a result of every kind of column into Spark's values", () => {
    const [row] = tableToRows(decodeTable([EVERY_KIND_STREAM]));
    expect(row.i).to.equal(1);
    expect(row.l).to.equal(2n);
    expect(row.d).to.equal("-1.50");
    expect(row.s).to.equal("héllo");
    expect(row.b).to.deep.equal(new Uint8Array([1, 2]));
    expect(row.dt).to.deep.equal(new LocalDate(1969, 12, 31));
    expect(row.ts).to.be.instanceOf(Timestamp);
    expect((row.ts as Timestamp).epochMicros).to.equal(1709314496123456n);
    expect((row.ts as Timestamp).timeZone).to.equal("America/New_York");
    expect((row.ts as Timestamp).toString()).to.equal("2024-03-01 12:34:56.123456");
    expect(row.ntz).to.deep.equal(new LocalDateTime(1, 1, 1, 0, 0, 0, 1));
    expect((row.ym as YearMonthInterval).toString()).to.equal("INTERVAL '-1-2' YEAR TO MONTH");
    expect((row.dts as DayTimeInterval).toString()).to.equal("INTERVAL '1 02:03:04.5' DAY TO SECOND");
    expect(row.a).to.deep.equal([1, null]);
    expect(row.m).to.deep.equal(new Map([["k", { x: 1 }]]));
    expect(row.st).to.deep.equal({ a: null });
    expect(row.v).to.be.instanceOf(VariantValue);
    expect((row.v as VariantValue).toString()).to.equal('{"a":[1]}');
    expect(row.n).to.equal(null);
    expect(row.nan).to.satisfy(Number.isNaN);
    expect(Row.columns(row)).to.deep.equal(["i", "l", "d", "s", "b", "dt", "ts", "ntz", "ym", "dts", "a", "m", "st", "v", "n", "nan"]);
  });

  it("reads the schema of an empty result from its stream of no rows", () => {
    const table = decodeTable([EMPTY_RESULT_STREAM]);
    expect(table.numRows).to.equal(0);
    expect(table.schema.fields.map((f) => f.name)).to.deep.equal(["id", "s"]);
  });

  it("joins a result sent as several streams", () => {
    const rows = tableToRows(decodeTable([RANGE_FIRST_STREAM, RANGE_SECOND_STREAM], [2n, 3n]));
    expect(rows.map((row) => row.id)).to.deep.equal([0n, 1n, 2n, 3n, 4n]);
  });
});
