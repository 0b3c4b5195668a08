import { expect } from "chai";
import { describe, it } from "mocha";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { EagerStatements } from "../../../src/connect/eagerStatements";
import type { Relation } from "../../../src/gen/spark/connect/relations";
import { localData, localRelation, range, sql } from "../../../src/sql/plan/sources";

const query = (text: string): Relation => sql(text, {}, []);
const answer = (rows: number): Relation => localRelation(localData(new Uint8Array(rows)));
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("eager statements: order, answers in place of placeholders, no lost failure", () => {
  it("sends each statement only after the ones written before it have run", async () => {
    const statements = new EagerStatements();
    const log: string[] = [];
    const slow = async (name: string, ms: number) => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      return undefined;
    };
    statements.run(query("a"), () => slow("a", 30));
    statements.run(query("b"), () => slow("b", 1));
    await statements.settled();
    expect(log).to.deep.equal(["start a", "end a", "start b", "end b"]);
  });

  it("puts a statement's answer where its placeholder is, in requests made after it ran, under the placeholder's plan id", async () => {
    const statements = new EagerStatements();
    const placeholder = localRelation(localData(undefined, "n INT"));
    statements.run(placeholder, () => Promise.resolve(answer(3)));
    const request = { root: { relType: { $case: "limit", limit: { input: placeholder, limit: 1 } } } };
    const sent = await statements.before(request);
    const input = sent.root.relType.limit.input;
    expect(input.relType?.$case === "localRelation" && input.relType.localRelation.data?.length).to.equal(3);
    expect(input.common?.planId).to.equal(placeholder.common?.planId);
    expect(request.root.relType.limit.input).to.equal(placeholder, "the request it was given is left as it was");
  });

  it("throws a failure nobody has seen from the next request, once, and sends nothing written after it", async () => {
    const statements = new EagerStatements();
    let sentAfter = false;
    statements.run(query("bad"), () => Promise.reject(new Error("TABLE_OR_VIEW_NOT_FOUND")));
    statements.run(query("after"), () => {
      sentAfter = true;
      return Promise.resolve(undefined);
    });
    const first = await statements.before({}).then(
      () => "no error",
      (err: Error) => err.message,
    );
    expect(first).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    expect(await statements.before({ ok: true })).to.deep.equal({ ok: true });
    expect(sentAfter).to.equal(false);
  });

  it("gives a command's failure to whoever awaits its outcome, after which it counts as seen", async () => {
    const statements = new EagerStatements();
    const outcome = statements.command(() => Promise.reject(new Error("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS")));
    const thrown = await outcome().then(
      () => "no error",
      (err: Error) => err.message,
    );
    expect(thrown).to.equal("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS");
    await statements.settled(); // nothing left unseen: resolves
    const again = await outcome().then(
      () => "no error",
      (err: Error) => err.message,
    );
    expect(again).to.equal("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "awaiting it again throws it again");
  });

  it("forgets a statement's answer once no plan can name its placeholder", async () => {
    // Collection is observed through V8's gc(), which Node exposes only behind a flag.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const statements = new EagerStatements();
    const kept = range(0n, 1n, 1n, undefined);
    statements.run(kept, () => Promise.resolve(answer(8)));
    const droppedId = ((): bigint => {
      const dropped = localRelation(localData(undefined, "n INT"));
      statements.run(dropped, () => Promise.resolve(answer(8)));
      return dropped.common!.planId!;
    })();
    expect(await statements.outcome(droppedId)).to.not.equal(undefined, "the answer is there while its placeholder may be used");
    // Finalizers run in a later turn after the collection; a bounded number of tries.
    for (let i = 0; i < 50 && (await statements.outcome(droppedId)) !== undefined; i++) {
      gc();
      await tick();
    }
    expect(await statements.outcome(droppedId)).to.equal(undefined);
    expect(await statements.outcome(kept.common!.planId!)).to.not.equal(undefined, "a placeholder still held keeps its answer");
  });
});
