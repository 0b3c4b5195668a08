import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "mocha";
import { SparkSession } from "../../../src";
import spark_json from "../../../proto/spark.json";
import { newSession, sparkRemote } from "../../support/spark";

describe("SparkSession", () => {
  let spark: SparkSession;
  before(async () => {
    spark = await newSession();
  });
  after(async () => {
    await spark.stop();
  });

  it("reports the server's Spark version, the one the project pins", async () => {
    expect(await spark.version).to.equal(spark_json.spark);
  });

  it("keeps the client session id it chose and learns the server-side one", async () => {
    expect(spark.sessionId).to.match(/^[0-9a-f-]{36}$/);
    await spark.version;
    expect(spark.client.observedServerSideSessionId).to.be.a("string").and.not.empty;
  });

  it("uses the session_id of the connection string when one is given", async () => {
    const id = randomUUID();
    const pinned = await SparkSession.builder.remote(`${sparkRemote()}/;session_id=${id}`).create();
    try {
      expect(pinned.sessionId).to.equal(id);
      expect(await pinned.version).to.equal(spark_json.spark);
    } finally {
      await pinned.stop();
    }
  });

  it("connects to SPARK_REMOTE when the builder names no server", async () => {
    const builder = SparkSession.builder;
    expect(builder.connectionString).to.equal(sparkRemote());
    const session = await builder.create();
    try {
      expect(await session.version).to.equal(spark_json.spark);
    } finally {
      await session.stop();
    }
  });

  it("getOrCreate returns the active session for the same server and applies new configs to it", async () => {
    const first = await SparkSession.builder.remote(sparkRemote()).getOrCreate();
    try {
      const second = await SparkSession.builder.remote(sparkRemote()).config("spark.sql.shuffle.partitions", 7).getOrCreate();
      expect(second).to.equal(first);
      expect(await first.conf.get("spark.sql.shuffle.partitions")).to.equal("7");
    } finally {
      await first.stop();
    }
  });

  it("applies builder configs to a new session before it is returned", async () => {
    const session = await SparkSession.builder
      .remote(sparkRemote())
      .config({ "spark.sql.session.timeZone": "Asia/Kolkata", "spark.sql.ansi.enabled": false })
      .create();
    try {
      expect(await session.conf.get("spark.sql.session.timeZone")).to.equal("Asia/Kolkata");
      expect(await session.conf.get("spark.sql.ansi.enabled")).to.equal("false");
    } finally {
      await session.stop();
    }
  });

  it("keeps sessions apart: a temp view of one is invisible to another", async () => {
    const other = await newSession();
    try {
      await spark.sql("CREATE OR REPLACE TEMP VIEW only_mine AS SELECT 1 AS x");
      expect(await spark.table("only_mine").count()).to.equal(1);
      const err = await other.table("only_mine").count().then(() => undefined, (e: unknown) => e);
      expect(err).to.be.instanceOf(Error).with.property("errorClass", "TABLE_OR_VIEW_NOT_FOUND");
    } finally {
      await other.stop();
    }
  });

  it("stop() releases the server session, so its id cannot be used again", async () => {
    const session = await newSession();
    await session.sql("CREATE TEMP VIEW gone_with_session AS SELECT 1 AS x");
    const id = session.sessionId;
    await session.stop();
    const err = await session.range(1).count().then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(Error).with.property("message").that.matches(/stopped/);
    // A new client with the released id is refused by the server rather than silently reusing it.
    const again = await SparkSession.builder.remote(`${sparkRemote()}/;session_id=${id}`).create();
    try {
      const reuse = await again.table("gone_with_session").count().then(() => undefined, (e: unknown) => e);
      expect(reuse).to.be.instanceOf(Error);
    } finally {
      await again.stop().catch(() => undefined);
    }
  });
});
