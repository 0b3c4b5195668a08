import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

describe("spark.sql in notebook cells, as PySpark users write it", function () {
  this.timeout(180_000);
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;

  before(async () => {
    installed = installTestKernel({ name: `spark-ts-eager-sql-${process.pid}` });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-eager-sql-")));
    kernel = await server.kernels.startNew({ name: installed.name });
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
  });

  const stdout = (run: Awaited<ReturnType<typeof runCell>>) =>
    run
      .ofType("stream")
      .map((m) => String((m.content as { text?: string }).text ?? ""))
      .join("");

  it("type-checks and runs spark.sql(q).show() and a transformation on spark.sql(q), with no await on sql()", async () => {
    const run = await runCell(
      kernel,
      'spark.sql("CREATE OR REPLACE TEMP VIEW kv AS SELECT id, id * 3 AS y FROM range(4)");\nawait spark.sql("SELECT * FROM kv").filter(col("id").gt(1)).show();',
    );
    expect(run.reply.content.status).to.equal("ok");
    expect(stdout(run)).to.equal("+---+---+\n| id|  y|\n+---+---+\n|  2|  6|\n|  3|  9|\n+---+---+\n");
  });

  it("shows spark.sql(q) left last as a table", async () => {
    const run = await runCell(kernel, 'spark.sql("SELECT y FROM kv WHERE id = 3")');
    expect(run.reply.content.status).to.equal("ok");
    const data = (run.ofType("execute_result")[0].content as { data: Record<string, string> }).data;
    expect(data["text/plain"]).to.match(/\|\s*y\s*\|[\s\S]*\|\s*9\s*\|/);
  });

  it("fails the cell that wrote a statement nobody used, with Spark's error, and leaves the next cell clean", async () => {
    const failed = await runCell(kernel, 'spark.sql("SELECT * FROM no_such_view_here");\nconst after = 1;');
    expect(failed.reply.content).to.include({ status: "error", ename: "AnalysisException" });
    expect(String((failed.reply.content as { evalue?: string }).evalue)).to.match(/TABLE_OR_VIEW_NOT_FOUND/);
    const next = await runCell(kernel, "(await spark.range(2).count()) + after");
    expect(next.reply.content.status).to.equal("ok");
    expect((next.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal("3");
  });

  it("runs createDataFrame, a temp view and a setting written without await, in the order written", async () => {
    const run = await runCell(
      kernel,
      [
        'const people = spark.createDataFrame([{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]);',
        'people.createOrReplaceTempView("people_nb");',
        'spark.conf.set("spark.sql.shuffle.partitions", 3);',
        'await spark.sql("SELECT name FROM people_nb WHERE age > 40").show();',
        'await spark.sql("SET spark.sql.shuffle.partitions").select("value").show();',
      ].join("\n"),
    );
    expect(run.reply.content.status).to.equal("ok");
    expect(stdout(run)).to.equal("+----+\n|name|\n+----+\n|Alan|\n+----+\n+-----+\n|value|\n+-----+\n|    3|\n+-----+\n");
  });

  it("fails the cell whose temp view could not be made, though nobody awaited it", async () => {
    const failed = await runCell(kernel, 'people.createTempView("people_nb");');
    expect(failed.reply.content).to.include({ status: "error", ename: "TempTableAlreadyExistsException" });
    expect(String((failed.reply.content as { evalue?: string }).evalue)).to.match(/TEMP_TABLE_OR_VIEW_ALREADY_EXISTS/);
  });
});
