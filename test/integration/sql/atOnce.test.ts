import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import { AnalysisException, StorageLevel } from "../../../src";
import { requireSpark, useSession } from "../../support/spark";

/** What `promise` throws, as its Spark error class (or message), or "no error". */
function failureOf(promise: PromiseLike<unknown>): Promise<string> {
  return Promise.resolve(promise).then(
    () => "no error",
    (err: Error) => (err instanceof AnalysisException ? (err.errorClass ?? err.message) : err.message),
  );
}

// PySpark makes these calls at once: the program's next line sees their effect. Here they are
// sent when they are called, every later request of the session waits for them, and a failure is
// thrown by `await` or else by the session's next request, never lost.
describe("calls that take effect at once, without an await", () => {
  const spark = useSession();

  describe("spark.conf.set and unset", () => {
    it("the next query runs with the setting", async () => {
      void spark.conf.set("spark.sql.shuffle.partitions", 3);
      const [row] = await spark.sql("SET spark.sql.shuffle.partitions").collect();
      expect(row?.value).to.equal("3");
      void spark.conf.unset("spark.sql.shuffle.partitions");
      expect(await spark.conf.get("spark.sql.shuffle.partitions")).to.not.equal("3");
    });

    it("a refused change is thrown by await, and by the next request when nobody awaited it", async () => {
      // A static configuration: Spark 4's error class (4.0 names it without STATIC), or Spark 3.5's
      // message (it sends no class for it).
      const refused = /^CANNOT_MODIFY_(STATIC_)?CONFIG$|^Cannot modify the value of a static config: spark\.sql\.warehouse\.dir/;
      expect(await failureOf(spark.conf.set("spark.sql.warehouse.dir", "/elsewhere"))).to.match(refused);
      void spark.conf.set("spark.sql.warehouse.dir", "/elsewhere");
      expect(await failureOf(spark.range(1).count())).to.match(refused);
      expect(await spark.range(2).count()).to.equal(2, "once only");
    });
  });

  describe("persist, cache and unpersist", () => {
    it("the storage level is set for the next request, and await gives a DataFrame of the same rows", async () => {
      const df = spark.range(10).where("id % 2 = 0");
      const cached = df.persist(StorageLevel.DISK_ONLY);
      expect((await df.storageLevel).equals(StorageLevel.DISK_ONLY)).to.equal(true);
      expect(await (await cached).count()).to.equal(5);
      void df.unpersist();
      expect(String(await df.storageLevel)).to.equal(String(StorageLevel.NONE));
    });
  });

  describe("spark.catalog.createTable", () => {
    before(async function () {
      await requireSpark(this, "4.2", "the catalog commands Spark 4.2 added (createTable among them)");
    });

    it("gives the table at once, usable before the creation was awaited; a second creation's failure is thrown by await", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spark-ts-at-once-"));
      fs.writeFileSync(path.join(dir, "people.csv"), "name,age\nAda,36\nAlan,41\n");
      const name = `at_once_${process.pid}`;
      try {
        const table = spark.catalog.createTable(name, { path: dir, source: "csv", options: { header: true } });
        expect(await table.orderBy("name").collect()).to.deep.equal([
          { name: "Ada", age: "36" },
          { name: "Alan", age: "41" },
        ]);
        expect(await failureOf(spark.catalog.createTable(name, { path: dir, source: "csv" }))).to.equal("TABLE_OR_VIEW_ALREADY_EXISTS");
      } finally {
        await spark.catalog.dropTable(name, true);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
