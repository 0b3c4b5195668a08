// The active session is never a stopped one: stop() forgets it whatever the release on the server
// does, so the next getOrCreate() makes a working session (a notebook's `spark` always comes back).
import { expect } from "chai";
import { after, afterEach, before, describe, it } from "mocha";
import { SparkConnectError, SparkSession } from "../../../src";
import { GrpcRelay } from "../../support/grpcRelay";
import { sparkRemote } from "../../support/spark";

describe("the active session when its release fails", () => {
  // The real server releases sessions reliably; the relay in front of it refuses ReleaseSession.
  let relay: GrpcRelay;
  const made: SparkSession[] = [];

  before(async () => {
    relay = await GrpcRelay.start(sparkRemote());
  });

  afterEach(async () => {
    relay.passOn("releaseSession");
    for (const session of made.splice(0)) await session.stop().catch(() => undefined);
  });

  after(async () => {
    await relay?.close();
  });

  async function activeSession(): Promise<SparkSession> {
    const session = await SparkSession.builder.remote(relay.remote).getOrCreate();
    made.push(session);
    return session;
  }

  /** Releases, straight on the server, a session whose own release the relay refused. */
  async function releaseOnServer(session: SparkSession): Promise<void> {
    const again = await SparkSession.builder.remote(`${sparkRemote()}/;session_id=${session.sessionId}`).create();
    await again.stop();
  }

  it("is forgotten by stop() even when the release rejects", async () => {
    const session = await activeSession();
    expect(await session.range(3).count()).to.equal(3);
    expect(SparkSession.active()).to.equal(session);
    relay.refuse("releaseSession");
    const stopped = await session.stop().then(
      () => "released",
      (err: unknown) => err,
    );
    expect(relay.refusedCalls("releaseSession")).to.be.greaterThan(0);
    expect(stopped).to.be.instanceOf(SparkConnectError);
    expect((stopped as Error).message).to.include("refused by the test's relay");
    expect(session.is_stopped).to.equal(true);
    expect(SparkSession.getActiveSession()).to.equal(undefined);
    expect(() => SparkSession.active()).to.throw(/No active Spark session/);
    await releaseOnServer(session);
  });

  it("is a new, working session at the next getOrCreate, never the stopped one", async () => {
    const stopped = await activeSession();
    await stopped.range(1).count();
    relay.refuse("releaseSession");
    await stopped.stop().catch(() => undefined);
    relay.passOn("releaseSession");
    const next = await activeSession();
    expect(next).to.not.equal(stopped);
    expect(next.sessionId).to.not.equal(stopped.sessionId);
    expect(SparkSession.active()).to.equal(next);
    expect(await next.range(5).count()).to.equal(5);
    await releaseOnServer(stopped);
  });

  it("is never a session whose client was closed behind its back", async () => {
    const session = await activeSession();
    await session.client.close();
    const next = await activeSession();
    expect(next).to.not.equal(session);
    expect(await next.range(2).count()).to.equal(2);
  });

  it("can be set to a new session, and never to a stopped one", async () => {
    const stopped = await activeSession();
    await stopped.stop();
    expect(() => SparkSession.setActiveSession(stopped)).to.throw(/stopped Spark session cannot become the active one/);
    const fresh = await SparkSession.builder.remote(relay.remote).create();
    made.push(fresh);
    SparkSession.setActiveSession(fresh);
    expect(SparkSession.active()).to.equal(fresh);
    expect(await SparkSession.builder.remote(relay.remote).getOrCreate()).to.equal(fresh);
  });
});
