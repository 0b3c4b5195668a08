import { expect } from "chai";
import { describe, it } from "mocha";
import { requireSpark, useSession } from "../../support/spark";

describe("spark.conf", () => {
  const spark = useSession();

  it("sets a value that get then returns as a string", async () => {
    await spark.conf.set("spark.sql.shuffle.partitions", 11);
    expect(await spark.conf.get("spark.sql.shuffle.partitions")).to.equal("11");
  });

  it("unset restores the default", async function () {
    await requireSpark(this, "4.0", "ANSI mode on by default");
    await spark.conf.set("spark.sql.ansi.enabled", false);
    await spark.conf.unset("spark.sql.ansi.enabled");
    expect(await spark.conf.get("spark.sql.ansi.enabled")).to.equal("true");
  });

  it("returns the given default for a key that has no value", async () => {
    expect(await spark.conf.get("spark.ts.kernel.not.set", "fallback")).to.equal("fallback");
    expect(await spark.conf.getOption("spark.ts.kernel.not.set")).to.equal(undefined);
  });

  it("fails with Spark's error for a key that has no value and no default", async () => {
    const err = await spark.conf.get("spark.ts.kernel.not.set").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.have.property("errorClass", "SQL_CONF_NOT_FOUND");
  });

  it("getAll lists every value the session has, set ones included", async () => {
    await spark.conf.set("spark.ts.kernel.a", "1");
    await spark.conf.set("spark.ts.kernel.b", "two");
    const all = await spark.conf.getAll;
    expect(all).to.include({ "spark.ts.kernel.a": "1", "spark.ts.kernel.b": "two" });
    expect(all).to.have.property("spark.sql.shuffle.partitions");
  });

  it("tells runtime configurations from static ones", async () => {
    expect(await spark.conf.isModifiable("spark.sql.shuffle.partitions")).to.equal(true);
    expect(await spark.conf.isModifiable("spark.sql.warehouse.dir")).to.equal(false);
  });
});
