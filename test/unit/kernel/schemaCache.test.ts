// The lookups' timing and caching, with stand-ins for the session and DataFrames: a server that is
// slow on demand, or fails on demand, is not something the real one can be made to be. What the
// lookups ask is checked against the real server in test/kernel/completion.test.ts.
import { expect } from "chai";
import { describe, it } from "mocha";
import { LongType, StructType, type DataFrame, type SparkSession } from "spark-ts";
import { Deadline, SparkLookups } from "../../../kernel/src/completion/schemaCache";

/** A promise settled from outside. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A DataFrame stand-in whose schema comes when the test says, counting the asks. */
function slowFrame(): { df: DataFrame; asked: () => number; answer: ReturnType<typeof deferred<StructType>> } {
  const answer = deferred<StructType>();
  let asks = 0;
  const df = {
    get schema() {
      asks++;
      return answer.promise;
    },
  } as unknown as DataFrame;
  return { df, asked: () => asks, answer };
}

const schema = new StructType().add("id", new LongType());

describe("the lookups of completion", () => {
  it("answer without a schema that is not back by the deadline, and from the cache once it is, asking once", async () => {
    const lookups = new SparkLookups(() => true);
    const { df, asked, answer } = slowFrame();
    expect(await lookups.schema(df, new Deadline(0))).to.equal(undefined);
    answer.resolve(schema);
    expect(await lookups.schema(df, new Deadline(0))).to.equal(schema);
    expect(await lookups.schema(df, new Deadline(0))).to.equal(schema);
    expect(asked()).to.equal(1);
  });

  it("wait for a lookup in flight within the deadline", async () => {
    const lookups = new SparkLookups(() => true);
    const { df, answer } = slowFrame();
    // A generous deadline: the answer comes on the next turn of the event loop.
    const waiting = lookups.schema(df, new Deadline(60_000));
    setImmediate(() => answer.resolve(schema));
    expect(await waiting).to.equal(schema);
  });

  it("ask the server nothing while it may not be asked (a cell runs), and still give what is cached", async () => {
    let idle = true;
    const lookups = new SparkLookups(() => idle);
    const known = slowFrame();
    known.answer.resolve(schema);
    await lookups.schema(known.df, new Deadline(60_000));
    idle = false;
    const unknown = slowFrame();
    expect(await lookups.schema(unknown.df, new Deadline(0))).to.equal(undefined);
    expect(unknown.asked()).to.equal(0);
    expect(await lookups.schema(known.df, new Deadline(0))).to.equal(schema);
  });

  it("do not repeat a failed lookup at once", async () => {
    const lookups = new SparkLookups(() => true);
    const { df, asked, answer } = slowFrame();
    answer.reject(new Error("TABLE_OR_VIEW_NOT_FOUND"));
    expect(await lookups.schema(df, new Deadline(60_000))).to.equal(undefined);
    expect(await lookups.schema(df, new Deadline(60_000))).to.equal(undefined);
    expect(asked()).to.equal(1);
  });

  it("ask for tables again after a cell ran, and for the function list once per session", async () => {
    const asks = { tables: 0, functions: 0 };
    const spark = {
      catalog: {
        listTables: () => {
          asks.tables++;
          return Promise.resolve([
            { name: "people", catalog: null, namespace: [], description: null, tableType: "TEMPORARY", isTemporary: true },
          ]);
        },
        listFunctions: () => {
          asks.functions++;
          return Promise.resolve([{ name: "sum", catalog: null, namespace: null, description: "", className: "Sum", isTemporary: true }]);
        },
      },
    } as unknown as SparkSession;
    const lookups = new SparkLookups(() => true);
    const ask = async () => {
      await lookups.tables(spark, undefined, new Deadline(60_000));
      await lookups.functions(spark, new Deadline(60_000));
    };
    await ask();
    await ask();
    expect(asks).to.deep.equal({ tables: 1, functions: 1 });
    lookups.catalogChanged();
    await ask();
    expect(asks).to.deep.equal({ tables: 2, functions: 1 });
  });
});
