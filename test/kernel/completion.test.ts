// Completion and inspection as JupyterLab asks for them (`complete_request` as you type,
// `inspect_request` for Shift+Tab and a selected completion), through a real Jupyter server, the
// installed kernel and the real Spark Connect server: exact matches, exact replaced ranges and the
// kinds JupyterLab reads from `_jupyter_types_experimental`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

interface Completion {
  readonly matches: string[];
  readonly cursor_start: number;
  readonly cursor_end: number;
  readonly metadata: { _jupyter_types_experimental?: { start: number; end: number; text: string; type: string; signature?: string }[] };
}

/** The cell with `|` taken out, and where it was. */
function at(marked: string): { code: string; cursor_pos: number } {
  const cursor = marked.indexOf("|");
  return { code: marked.slice(0, cursor) + marked.slice(cursor + 1), cursor_pos: cursor };
}

/** The offset of `part` in the cell `marked` (after the `|` is taken out). */
function offsetOf(marked: string, part: string): number {
  return at(marked).code.indexOf(part);
}

describe("completion and inspection that know the data", function () {
  this.timeout(180_000);
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;
  const globalView = `kc_${process.pid}_orders`;
  const flag = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stk-completion-")), "release");

  async function complete(marked: string): Promise<Completion> {
    return (await kernel.requestComplete(at(marked))).content as unknown as Completion;
  }

  /**
   * Completes until the answer has matches, a bounded number of times: the first request of a
   * kind starts its server lookups (the function list takes about a second), which answer later
   * requests from the cache. What is asserted is the settled answer. `ready` says when an answer is
   * settled (by default: when it has matches; columns can come before the function list does).
   */
  async function settled(marked: string, ready = (reply: Completion) => reply.matches.length > 0): Promise<Completion> {
    let reply = await complete(marked);
    for (let i = 0; i < 40 && !ready(reply); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      reply = await complete(marked);
    }
    return reply;
  }

  async function inspect(marked: string): Promise<KernelMessage.IInspectReplyMsg["content"]> {
    return (await kernel.requestInspect({ ...at(marked), detail_level: 0 })).content;
  }

  /** Inspects until Spark's part is there (see {@link settled}). */
  async function inspected(marked: string, part: string): Promise<string> {
    let text = "";
    for (let i = 0; i < 40 && !text.includes(part); i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      const reply = await inspect(marked);
      const plain = reply.status === "ok" && reply.found ? reply.data["text/plain"] : undefined;
      text = typeof plain === "string" ? plain : "";
    }
    return text;
  }

  async function run(code: string): Promise<string> {
    const cell = await runCell(kernel, code);
    expect(cell.reply.content.status, JSON.stringify(cell.ofType("error").map((m) => m.content))).to.equal("ok");
    return cell
      .ofType("stream")
      .map((m) => (m.content as { text: string }).text)
      .join("");
  }

  before(async () => {
    installed = installTestKernel({ name: `spark-ts-completion-${process.pid}` });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-notebooks-")));
    kernel = await server.kernels.startNew({ name: installed.name });
    await run(
      [
        `await spark.sql("CREATE OR REPLACE TEMP VIEW people AS SELECT * FROM VALUES ('ann', 30, 'north', named_struct('city', 'Oslo', 'zip', '0150')) AS t(name, age, region, address)");`,
        `const people = spark.table("people");`,
        `const sales = await spark.sql("SELECT region, amount, CAST(day AS DATE) AS day FROM VALUES ('north', 10.5D, '2024-01-01') AS s(region, amount, day)");`,
        `const minAge = 18;`,
        `const country = "NO";`,
      ].join("\n"),
    );
  });

  after(async () => {
    if (kernel) await runCell(kernel, `await spark.sql("DROP VIEW IF EXISTS global_temp.${globalView}")`).catch(() => undefined);
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
    fs.rmSync(path.dirname(flag), { recursive: true, force: true });
  });

  describe("column names inside the strings of calls that take them", () => {
    it("complete in select, replacing only the partial name, with each column's Spark type", async () => {
      const marked = 'people.select("na|';
      const reply = await settled(marked);
      expect(reply).to.deep.include({ matches: ["name"], cursor_start: offsetOf(marked, "na"), cursor_end: at(marked).cursor_pos });
      expect(reply.metadata._jupyter_types_experimental).to.deep.equal([
        { start: 15, end: 17, text: "name", type: "column", signature: "string" },
      ]);
      expect((await settled('people.select("name", "|')).matches).to.deep.equal(["name", "age", "region", "address"]);
    });

    it("complete in groupBy, orderBy, sort, drop, withColumnRenamed and the arrays of dropDuplicates", async () => {
      expect((await settled('people.groupBy("re|')).matches).to.deep.equal(["region"]);
      expect((await settled('people.orderBy("a|')).matches).to.deep.equal(["age", "address"]);
      expect((await settled('people.sort("n|')).matches).to.deep.equal(["name"]);
      expect((await settled('people.drop("ag|')).matches).to.deep.equal(["age"]);
      expect((await settled('people.withColumnRenamed("reg|", "area")')).matches).to.deep.equal(["region"]);
      expect((await complete('people.withColumnRenamed("region", "ar|")')).matches).to.deep.equal([]);
      expect((await settled('people.dropDuplicates(["name", "re|"])')).matches).to.deep.equal(["region"]);
    });

    it("complete in col, F.col and df.col inside a call on a DataFrame, from that DataFrame", async () => {
      expect((await settled('people.select(col("ag|')).matches).to.deep.equal(["age"]);
      expect((await settled('people.select(F.col("ag|')).matches).to.deep.equal(["age"]);
      expect((await settled('sales.select(people.col("ag|')).matches).to.deep.equal(["age"]);
      expect((await settled('sales.select(col("am|')).matches).to.deep.equal(["amount"]);
    });

    it("complete in the column arguments of functions, and not in their other arguments", async () => {
      expect((await settled('people.groupBy("region").agg(F.sum("a|')).matches).to.deep.equal(["age", "address"]);
      expect((await settled('sales.select(F.date_format("d|')).matches).to.deep.equal(["day"]);
      expect((await settled('people.select(F.concat_ws(",", "na|')).matches).to.deep.equal(["name"]);
      const format = await complete('sales.select(F.date_format("day", "y|")');
      expect(format.matches).to.deep.equal([]);
      expect((await settled('people.withColumn("r", F.rank().over(Window.partitionBy("re|')).matches).to.deep.equal(["region"]);
    });

    it("complete the fields of a struct after its name and a dot", async () => {
      const marked = 'people.select(col("address.|';
      expect(await settled(marked)).to.deep.include({
        matches: ["city", "zip"],
        cursor_start: at(marked).cursor_pos,
        cursor_end: at(marked).cursor_pos,
      });
      expect((await settled('people.select("address.z|")')).matches).to.deep.equal(["zip"]);
    });

    it("complete on a chain that starts at spark.table(...)", async () => {
      expect((await settled('spark.table("people").select("a|')).matches).to.deep.equal(["age", "address"]);
    });
  });

  describe("SQL text inside strings", () => {
    it("completes columns, Spark's function names and keywords in filter, where, selectExpr and expr", async () => {
      const marked = 'people.filter("ag|';
      expect(await settled(marked, (reply) => reply.matches.length > 1)).to.deep.include({
        matches: ["age", "aggregate"],
        cursor_start: 15,
        cursor_end: 17,
      });
      expect((await settled('people.where("age > 1 AND regi|')).matches).to.deep.equal(["region"]);
      expect((await settled('people.filter("upp|')).matches).to.deep.equal(["upper"]);
      expect((await settled('people.selectExpr("address.ci|')).matches).to.deep.equal(["city"]);
      expect((await settled('people.select(expr("upper(nam|', (reply) => reply.matches.length >= 4)).matches).to.deep.equal([
        "name",
        "named_struct",
        "namespace",
        "namespaces",
      ]);
      const upper = (await settled('people.filter("upp|')).metadata._jupyter_types_experimental;
      expect(upper).to.deep.equal([
        {
          start: 15,
          end: 18,
          text: "upper",
          type: "function",
          signature: "upper(str) - Returns `str` with all characters changed to uppercase.",
        },
      ]);
    });

    it("completes tables in spark.table(...) and whole statements in spark.sql(...)", async () => {
      expect(await settled('spark.table("peo|')).to.deep.include({ matches: ["people"], cursor_start: 13, cursor_end: 16 });
      expect((await settled('spark.sql("SELECT * FROM peo|')).matches).to.deep.equal(["people"]);
      expect((await settled('spark.sql("SELECT p.na| FROM people p")')).matches).to.deep.equal(["name"]);
    });

    it("completes nothing inside an SQL string literal", async () => {
      expect((await complete("people.filter(\"name = 'an|")).matches).to.deep.equal([]);
    });
  });

  describe("%%sql cells", () => {
    it("complete table and view names after FROM and JOIN", async () => {
      const marked = "%%sql\nSELECT * FROM peo|";
      const reply = await settled(marked);
      expect(reply).to.deep.include({ matches: ["people"], cursor_start: 20, cursor_end: 23 });
      expect(reply.metadata._jupyter_types_experimental).to.deep.equal([
        { start: 20, end: 23, text: "people", type: "view", signature: "TEMPORARY" },
      ]);
      expect((await settled("%%sql\nSELECT * FROM sales s JOIN peo|")).matches).to.deep.equal(["people"]);
    });

    it("complete the tables of a database after its name and a dot", async () => {
      await run(`await spark.sql("CREATE OR REPLACE GLOBAL TEMP VIEW ${globalView} AS SELECT 1 AS id")`);
      const marked = `%%sql\nSELECT * FROM global_temp.kc_${process.pid}_|`;
      expect(await settled(marked)).to.deep.include({
        matches: [globalView],
        cursor_start: offsetOf(marked, `kc_`),
        cursor_end: at(marked).cursor_pos,
      });
      // A session's temp views belong to no database.
      expect((await complete("%%sql\nSELECT * FROM default.peo|")).matches).to.deep.equal([]);
    });

    it("complete the columns of the tables the statement names, by alias too, and struct fields", async () => {
      expect((await settled("%%sql\nSELECT ag| FROM people", (reply) => reply.matches.length > 1)).matches).to.deep.equal([
        "age",
        "aggregate",
      ]);
      expect(await settled("%%sql\nSELECT p.na| FROM people p")).to.deep.include({ matches: ["name"], cursor_start: 15, cursor_end: 17 });
      expect((await settled("%%sql\nSELECT p.address.| FROM people AS p")).matches).to.deep.equal(["city", "zip"]);
      expect((await settled("%%sql\nSELECT * FROM people WHERE regi|")).matches).to.deep.equal(["region"]);
    });

    it("complete Spark's function names and keywords, keywords in the case they are typed in", async () => {
      expect((await settled("%%sql\nSELECT upp|")).matches).to.deep.equal(["upper"]);
      expect((await settled("%%sql\nSELECT * FROM people ORD|")).matches).to.deep.equal(["ORDER", "ORDINALITY"]);
      expect((await settled("%%sql\nsel|")).matches).to.deep.equal(["select"]);
    });

    it("complete :param names from the notebook's variables, in the query and on the magic line", async () => {
      const marked = "%%sql :minAge\nSELECT * FROM people WHERE age >= :mi|";
      const reply = await settled(marked);
      expect(reply).to.deep.include({ matches: ["minAge"], cursor_start: at(marked).cursor_pos - 2, cursor_end: at(marked).cursor_pos });
      expect(reply.metadata._jupyter_types_experimental).to.deep.equal([
        { start: at(marked).cursor_pos - 2, end: at(marked).cursor_pos, text: "minAge", type: "param", signature: "number" },
      ]);
      expect((await settled("%%sql adults :c|")).matches).to.deep.equal(["country"]);
      // Values spark.sql cannot bind (the session, DataFrames, functions) are not offered.
      expect((await complete("%%sql\nSELECT :s|")).matches).to.deep.equal([]);
    });
  });

  describe("inspection", () => {
    it("shows the server's description, usage and examples of a function of F after its TypeScript signature", async () => {
      const text = await inspected("F.sum|", "DESCRIBE FUNCTION EXTENDED");
      const [typescript, spark] = text.split("\n\nSpark SQL function sum (DESCRIBE FUNCTION EXTENDED):\n");
      expect(typescript).to.match(/^function sum\(col: ColumnOrName\): Column\n/);
      expect(spark.split("\n").slice(0, 4)).to.deep.equal([
        "Function: sum",
        "Class: org.apache.spark.sql.catalyst.expressions.aggregate.Sum",
        "Usage: sum(expr) - Returns the sum calculated from values of a group.",
        "Extended Usage:",
      ]);
      expect(spark).to.include("      > SELECT sum(col) FROM VALUES (5), (10), (15) AS tab(col);\n       30\n");
    });

    it("shows a method's TSDoc example with the result it gives", async () => {
      const text = await inspected("people.filt|er", "count(); // 1");
      expect(text).to.match(/^\(method\) DataFrame<[\s\S]*?>\.filter\(condition: string \| Column\): DataFrame/);
      expect(text).to.include("The rows for which `condition` (a boolean Column or a SQL expression) is true.");
      expect(text).to.include('await people.filter("age > 40").count(); // 1');
    });

    it("shows a function's description in SQL text too, and none for a name Spark has no function for", async () => {
      const text = await inspected("people.filter(\"upp|er(name) = 'ANN'\")", "Spark SQL function upper");
      expect(text.split("\n").slice(0, 4)).to.deep.equal([
        "Spark SQL function upper (DESCRIBE FUNCTION EXTENDED):",
        "Function: upper",
        "Class: org.apache.spark.sql.catalyst.expressions.Upper",
        "Usage: upper(str) - Returns `str` with all characters changed to uppercase.",
      ]);
      expect(await inspected("%%sql\nSELECT low|er(name) FROM people", "Function: lower")).to.include("Usage: lower(str)");
      const col = await inspect("col|");
      expect(col).to.deep.include({ found: true, data: { "text/plain": "const col: (name: string) => Column" } });
    });

    it("shows a DataFrame variable's schema as printSchema prints it, and that it comes from a table", async () => {
      const printed = await run("await people.printSchema()");
      const text = await inspected("people|", "Comes from");
      expect(text).to.equal(
        [
          // Typed from its schema (see "DataFrames of earlier cells" below).
          "const people: DataFrame<TypedRow<{",
          "    name: string;",
          "    age: number;",
          "    region: string;",
          "    address: {",
          "        city: string;",
          "        zip: string;",
          "    };",
          "}>>",
          "",
          "DataFrame people",
          "Schema:",
          printed.trimEnd(),
          "Comes from: table people",
          "Defined in cell [1]:",
          '  spark.table("people")',
          "Plan (as Spark parsed it):",
          "  'UnresolvedRelation [people], [], false",
        ].join("\n"),
      );
    });

    it("shows the SQL a %%sql result was made from, and the operators Spark parsed", async () => {
      await run("%%sql adults :minAge\nSELECT name, age FROM people WHERE age >= :minAge");
      const text = await inspected("adults|", "Comes from");
      expect(text).to.match(
        /^const adults: DataFrame<TypedRow<\{\n {4}name: string;\n {4}age: number;\n\}>>\n\nDataFrame adults\nSchema:\nroot\n \|-- name: string \(nullable = false\)\n \|-- age: integer \(nullable = false\)\nComes from: SQL\n {2}SELECT name, age FROM people WHERE age >= :minAge\nDefined in cell \[\d+\]:\n {2}%%sql adults :minAge\n {2}SELECT name, age FROM people WHERE age >= :minAge\nPlan \(as Spark parsed it\):\n {2}'Project \['name, 'age\]\n {2}\+- 'Filter \('age >= 18\)\n {5}\+- 'UnresolvedRelation \[people\], \[\], false$/,
      );
    });

    it("is the result of a `name?` cell, as Shift+Tab shows it; a name nothing is known about says so", async () => {
      const shown = await inspected("people|", "Comes from");
      const cell = await runCell(kernel, "people?");
      expect(cell.reply.content.status).to.equal("ok");
      const results = cell.ofType("execute_result").map((m) => (m.content as KernelMessage.IExecuteResultMsg["content"]).data);
      expect(results).to.deep.equal([{ "text/plain": shown }]);
      expect(await run("noSuchName?")).to.equal("Nothing is known about noSuchName.\n");
    });

    it("shows a table's schema on its name in SQL, for every type family as printSchema prints it", async () => {
      await run(
        `await spark.sql("CREATE OR REPLACE TEMP VIEW typed AS SELECT CAST(1.5 AS DECIMAL(10,2)) AS price, array(1, 2) AS xs, map('a', 1L) AS m, TIMESTAMP'2024-01-01 00:00:00' AS ts, named_struct('k', array(named_struct('v', 1.0D))) AS deep, X'01' AS bytes, DATE'2024-01-01' AS d")`,
      );
      const printed = await run('await spark.table("typed").printSchema()');
      expect(await inspected("%%sql\nSELECT * FROM typ|ed", "Table typed")).to.equal(`Table typed:\n${printed.trimEnd()}`);
      expect(await inspected('spark.table("typed|")', "Table typed")).to.equal(`Table typed:\n${printed.trimEnd()}`);
    });
  });

  describe("DataFrames of earlier cells, typed from their schemas", () => {
    /** The traceback lines of a cell that must fail to compile, without colour. */
    async function compileError(code: string): Promise<string[]> {
      const cell = await runCell(kernel, code);
      expect(cell.reply.content.status, `the cell compiled: ${code}`).to.equal("error");
      const shown = cell.ofType("error")[0].content as KernelMessage.IErrorMsg["content"];
      expect(shown.ename).to.equal("TypeScriptError");
      const escape = String.fromCharCode(27);
      return shown.traceback
        .join("\n")
        .replace(new RegExp(`${escape}\\[[0-9;]*m`, "g"), "")
        .split("\n");
    }

    it("give rows whose fields complete: the real columns' names", async () => {
      const reply = await complete("(await sales.first())!.|");
      expect(reply.matches).to.deep.equal(["amount", "day", "region"]);
      expect(reply.metadata._jupyter_types_experimental!.map((c) => c.type)).to.deep.equal(["property", "property", "property"]);
    });

    it("make a misspelt field a type error at its line:column, with TypeScript's suggestion", async () => {
      const lines = await compileError("const [first] = await sales.collect();\nfirst.regoin;");
      expect(lines[0]).to.equal(
        "2:7 - error TS2551: Property 'regoin' does not exist on type 'TypedRow<{ region: string; amount: number; day: LocalDate; }>'. " +
          "Did you mean 'region'?",
      );
    });

    it("type the DataFrame a %%sql cell binds by name, and an unawaited spark.sql's", async () => {
      await run("%%sql adults\nSELECT name, age FROM people WHERE age >= 18");
      await run('const pending = spark.sql("SELECT 1L AS id, current_date() AS today");');
      expect((await compileError("(await adults.first())!.agee;"))[0]).to.match(/^1:25 - error TS2551: .*Did you mean 'age'\?$/);
      // As a Row, its id would be a SparkValue, which is no bigint.
      expect(await run("const id: bigint = (await pending.first())!.id;\nconsole.log(id + 1n);")).to.equal("2n\n");
    });

    it("show the row type on inspect", async () => {
      const text = await inspected("sales|", "Comes from");
      expect(text.split("\n\n")[0]).to.equal(
        ["const sales: DataFrame<TypedRow<{", "    region: string;", "    amount: number;", "    day: LocalDate;", "}>>"].join("\n"),
      );
    });

    it("leave a let, a DataFrame with a written type and a DataFrame made from a typed one's columns as Row", async () => {
      await run(
        [
          'import type { DataFrame } from "spark-ts";',
          "let loose = spark.range(2);",
          "const written: DataFrame = spark.range(2);",
          'const picked = sales.select("region");',
        ].join("\n"),
      );
      expect(
        await run("console.log([(await loose.first())!.anything, (await written.first())!.id, (await picked.first())!.anything]);"),
      ).to.equal("[ undefined, 0n, undefined ]\n");
    });

    it("go wherever a DataFrame goes: functions written for DataFrame, transform pipelines", async () => {
      const cell = [
        'import type { DataFrame } from "spark-ts";',
        "const size = (df: DataFrame) => df.count();",
        'const regions = (df: DataFrame) => df.select("region");',
        "console.log(await size(sales), await sales.transform(regions).columns);",
      ].join("\n");
      expect(await run(cell)).to.equal("1 [ 'region' ]\n");
    });
  });

  describe("TypeScript's own completion", () => {
    it("still completes members, now with the kinds JupyterLab shows", async () => {
      const reply = await complete("spark.ra|");
      expect(reply).to.deep.include({ cursor_start: 6, cursor_end: 8 });
      expect(reply.matches[0]).to.equal("range");
      expect(reply.metadata._jupyter_types_experimental![0]).to.deep.equal({ start: 6, end: 8, text: "range", type: "function" });
    });
  });

  describe("while a cell runs", () => {
    it("answers from the cache and asks the server nothing; once the cell is done, it asks", async () => {
      expect((await settled('people.select("na|')).matches).to.deep.equal(["name"]);
      // A `let`: the kernel asks the schema of a const's DataFrame as soon as its cell is done (to type it).
      await run('let fresh = people.select("name", "age");');
      // The cell runs until the test lets it go (bounded: 60 s); it has started once its input is echoed.
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const cell = runCell(
        kernel,
        `for (let i = 0; i < 600 && !require("node:fs").existsSync(${JSON.stringify(flag)}); i++) await new Promise((r) => setTimeout(r, 100));`,
        (msg) => {
          if (msg.header.msg_type === "execute_input") started();
        },
      );
      await running;
      const during = await complete('fresh.select("n|');
      const cached = await complete('people.select("na|');
      fs.writeFileSync(flag, "");
      expect((await cell).reply.content.status).to.equal("ok");
      expect(during).to.deep.include({ matches: [], cursor_start: 14, cursor_end: 15 });
      expect(cached.matches).to.deep.equal(["name"]);
      expect((await settled('fresh.select("n|')).matches).to.deep.equal(["name"]);
    });
  });
});
