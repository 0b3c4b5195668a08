import { expect } from "chai";
import { describe, it } from "mocha";
import { SessionChangedError, SessionClosedError, SparkSession } from "../../../src";
import { newSession, sparkRemote, requireSpark } from "../../support/spark";

describe("a session the server has released", () => {
  it("is refused with a SessionClosedError naming INVALID_HANDLE.SESSION_CLOSED", async function () {
    await requireSpark(this, "4.0", "ReleaseSession");
    const first = await newSession();
    await first.range(1).count();
    const id = first.sessionId;
    await first.stop();
    const again = await SparkSession.builder.remote(`${sparkRemote()}/;session_id=${id}`).create();
    try {
      const err = await again
        .range(1)
        .count()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).to.be.instanceOf(SessionClosedError);
      expect(err).to.be.instanceOf(SessionChangedError);
      expect((err as SessionClosedError).errorClass).to.equal("INVALID_HANDLE.SESSION_CLOSED");
    } finally {
      await again.stop().catch(() => undefined);
    }
  });
});
