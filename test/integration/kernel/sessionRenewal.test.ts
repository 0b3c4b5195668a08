// The notebook's `spark` always comes back: when the server has lost the session, the holder puts
// a new, active, working session in its place, whatever releasing the lost one does.
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { SparkSession } from "../../../src";
import { isLostSession, SessionHolder } from "../../../kernel/src/notebook/sessionRenewal";
import { GrpcRelay } from "../../support/grpcRelay";
import { requireSpark, sparkRemote } from "../../support/spark";

describe("the notebook's session after the server lost it", () => {
  // The real server; the relay in front of it refuses ReleaseSession when a test asks it to.
  let relay: GrpcRelay;
  const made: SparkSession[] = [];

  before(async function () {
    await requireSpark(this, "4.0", "ReleaseSession");
    relay = await GrpcRelay.start(sparkRemote());
  });

  after(async () => {
    relay?.passOn("releaseSession");
    for (const session of made.splice(0)) await session.stop().catch(() => undefined);
    await relay?.close();
  });

  /** The notebook's session, and the error of a cell that found the server no longer has it. */
  async function lostSession(): Promise<{ lost: SparkSession; error: unknown }> {
    const first = await SparkSession.builder.remote(relay.remote).create();
    await first.range(1).count();
    await first.stop();
    // The server refuses a session id it has released from then on, as it does after losing one.
    const lost = await SparkSession.builder.remote(`${relay.remote}/;session_id=${first.sessionId}`).getOrCreate();
    made.push(lost);
    const error = await lost
      .range(1)
      .count()
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(isLostSession(error), String(error)).to.equal(true);
    return { lost, error };
  }

  it("is a new, active, working session even when releasing the lost one fails", async () => {
    const { lost, error } = await lostSession();
    const holder = new SessionHolder(lost, relay.remote);
    const renewed: SparkSession[] = [];
    holder.onRenew((session) => renewed.push(session));
    relay.refuse("releaseSession");

    const note = await holder.recover(error);

    made.push(holder.current);
    expect(note).to.match(/`spark` is now a new session/);
    expect(holder.current).to.not.equal(lost);
    expect(holder.current.sessionId).to.not.equal(lost.sessionId);
    expect(renewed).to.deep.equal([holder.current]);
    expect(SparkSession.active()).to.equal(holder.current);
    expect(await holder.current.range(4).count()).to.equal(4);
    // The holder does not wait for the release; a bound only where a hang is the failure.
    for (let i = 0; i < 600 && relay.refusedCalls("releaseSession") === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(relay.refusedCalls("releaseSession"), "the holder tried to release the lost session").to.be.greaterThan(0);
    relay.passOn("releaseSession");
  });

  it("keeps the session after an error that does not mean the session is lost", async () => {
    const spark = await SparkSession.builder.remote(relay.remote).create();
    made.push(spark);
    const holder = new SessionHolder(spark, relay.remote);
    const error = await spark.sql("SELECT * FROM no_such_table_for_renewal").then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(await holder.recover(error)).to.equal(undefined);
    expect(holder.current).to.equal(spark);
    expect(spark.is_stopped).to.equal(false);
  });
});
