// The row converter reads through per-chunk readers (valueReaders.ts, chunkReader) made for speed;
// they must agree with valueReader, the one-value-at-a-time reader, on every slot: nulls, sliced
// chunks (a non-zero offset into the validity bitmap) and values beyond a safe integer included.
import { expect } from "chai";
import { describe, it } from "mocha";
import { Field, Float64, Int32, Int64, type Data, Utf8 } from "apache-arrow";
import { formatDecimal, valueReader } from "../../../src/arrow";
import { chunkReader } from "../../../src/arrow/valueReaders";
import { built, dateDays, decimals, timestampMicros } from "./arrowData";

function agree(data: Data): unknown[] {
  const field = new Field("c", data.type, true);
  const one = valueReader(field);
  const make = chunkReader(field);
  const seen: unknown[] = [];
  for (const chunk of [data, data.slice(3, data.length - 3)]) {
    const read = make(chunk);
    for (let i = 0; i < chunk.length; i++) {
      expect(read(i), `slot ${i} of a chunk at offset ${chunk.offset}`).to.deep.equal(one(chunk, i));
      if (chunk === data) seen.push(read(i));
    }
  }
  return seen;
}

const pattern = <T>(n: number, f: (i: number) => T): (T | null)[] => Array.from({ length: n }, (_, i) => (i % 5 === 2 ? null : f(i)));

describe("per-chunk readers", () => {
  it("agree with valueReader on numbers, bigints and strings, nulls and slices included", () => {
    agree(
      built(
        new Int32(),
        pattern(40, (i) => i * 7 - 100),
      ),
    );
    agree(
      built(
        new Int64(),
        pattern(40, (i) => BigInt(i) ** 20n),
      ),
    );
    agree(
      built(
        new Float64(),
        pattern(40, (i) => i / 3),
      ),
    );
    expect(
      agree(
        built(
          new Utf8(),
          pattern(40, (i) => `ä-${i}-😀`),
        ),
      )[1],
    ).to.equal("ä-1-😀");
  });

  it("agree on decimals inside and beyond a safe integer", () => {
    const unscaled = pattern(40, (i) => (i % 2 ? -1n : 1n) * (BigInt(i) * 10n ** BigInt(i % 30)));
    const seen = agree(decimals(38, 4, unscaled));
    expect(seen).to.deep.equal(unscaled.map((u) => (u === null ? null : formatDecimal(u, 4))));
    agree(
      decimals(
        38,
        0,
        pattern(40, (i) => 2n ** 53n - 20n + BigInt(i)),
      ),
    );
    agree(
      decimals(
        38,
        0,
        pattern(40, (i) => -(2n ** 53n) + 20n - BigInt(i)),
      ),
    );
  });

  it("agree on timestamps, both kinds, and dates", () => {
    const micros = pattern(40, (i) => (BigInt(i) - 20n) * 1_234_567_891n - 1n);
    agree(timestampMicros("America/New_York", micros));
    agree(timestampMicros(null, micros));
    agree(dateDays(pattern(40, (i) => i * 1000 - 20000)));
  });
});
