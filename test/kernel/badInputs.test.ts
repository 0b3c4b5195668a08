// Bad input of every kind, sent through a real kernel: each gives a typed error that says what
// is wrong, and the kernel process lives through all of them.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

const connect = (url: string) => `await (await SparkSession.builder.remote(${JSON.stringify(url)}).create()).version`;

/**
 * [what, cell, expected ename, expected words in evalue]. `HTTP` stands for a non-Spark HTTP
 * server's port, in the cell and in the expected words.
 */
const CASES: [string, string, RegExp, RegExp][] = [
  ["a connection string without sc://", connect("http://localhost:15002"), /InvalidConnectionStringError/, /sc:\/\//],
  ["an empty connection string", connect(""), /^InvalidConnectionStringError$/, /connection string: it is empty; write sc:\/\/host:port/],
  ["a port that is not a number", connect("sc://localhost:port"), /InvalidConnectionStringError/, /port/i],
  ["a port out of range", connect("sc://localhost:70000"), /InvalidConnectionStringError/, /port/i],
  ["a parameter without a value", connect("sc://localhost/;use_ssl"), /InvalidConnectionStringError/, /use_ssl/],
  ["use_ssl that is not a boolean", connect("sc://localhost/;use_ssl=maybe"), /InvalidConnectionStringError/, /use_ssl/],
  ["a session_id that is not a UUID", connect("sc://localhost/;session_id=abc"), /InvalidConnectionStringError/, /session_id/],
  [
    "a host with a path",
    connect("sc://localhost:15002/extra/path"),
    /^InvalidConnectionStringError$/,
    /the path '\/extra\/path' must be empty/,
  ],
  ["a closed port", connect("sc://127.0.0.1:9"), /SparkConnectionError/, /127\.0\.0\.1:9/],
  [
    "a non-Spark HTTP server on the port",
    connect("sc://127.0.0.1:HTTP"),
    /^SparkConnectionError$/,
    /Spark Connect server at 127\.0\.0\.1:HTTP\b/,
  ],
  ["a SQL typo", 'await spark.sql("SELEC 1")', /ParseException/, /PARSE_SYNTAX_ERROR/],
  ["an unclosed string", 'await spark.sql("SELECT \'open")', /ParseException/, /PARSE_SYNTAX_ERROR|UNCLOSED/],
  ["an unknown table", 'await spark.sql("SELECT * FROM nowhere_at_all")', /AnalysisException/, /TABLE_OR_VIEW_NOT_FOUND/],
  ["an unknown column", 'await spark.sql("SELECT missing_col FROM range(1)")', /AnalysisException/, /UNRESOLVED_COLUMN/],
  ["an unknown column through the API", 'await spark.range(1).select("missing_col").collect()', /AnalysisException/, /UNRESOLVED_COLUMN/],
  ["an unknown function", 'await spark.sql("SELECT no_such_fn(1)")', /AnalysisException/, /UNRESOLVED_ROUTINE/],
  [
    "a type mismatch",
    "await (await spark.sql(\"SELECT 'a' + date'2024-01-01'\")).collect()",
    /AnalysisException/,
    /DATATYPE_MISMATCH|CAST/,
  ],
  ["invalid DDL", 'await spark.sql("CREATE TABLE (x INT)")', /ParseException/, /PARSE_SYNTAX_ERROR/],
  [
    "an invalid DDL type",
    'await spark.sql("CREATE TEMP VIEW v AS SELECT CAST(1 AS notatype) AS x")',
    /ParseException|AnalysisException/,
    /notatype|UNSUPPORTED_DATATYPE/i,
  ],
  ["an unbound parameter", 'await spark.sql("SELECT :x")', /AnalysisException/, /UNBOUND_SQL_PARAMETER/],
  ["a parameter of an unsupported JS type", 'await spark.sql("SELECT :x", { x: { a: 1 } as never })', /TypeError/, /literal/],
  ["a bigint beyond 64 bits", "lit(2n ** 70n)", /RangeError/, /bigint/],
  ["an invalid Date", 'lit(new Date("not a date"))', /RangeError/, /Date/],
  ["a function as a literal", "lit((() => 1) as never)", /TypeError/, /literal/],
  ["a negative limit", "spark.range(3).limit(-1)", /RangeError/, /limit/],
  ["a zero range step", "spark.range(0, 10, 0)", /RangeError/, /step/],
  [
    "a division by zero at run time",
    'await (await spark.sql("SELECT 1 / (id - id) FROM range(2)")).collect()',
    /ArithmeticException/,
    /DIVIDE_BY_ZERO/,
  ],
  [
    "an invalid cast at run time",
    "await (await spark.sql(\"SELECT CAST('x' AS INT)\")).collect()",
    /^NumberFormatException$/,
    /CAST_INVALID_INPUT/,
  ],
  [
    "a bad conf value",
    'await spark.conf.set("spark.sql.shuffle.partitions", "many")',
    /^IllegalArgumentException$/,
    /INVALID_CONF_VALUE\.TYPE_MISMATCH.*'many'.*spark\.sql\.shuffle\.partitions/,
  ],
  ["a %%sql line with a bad name", "%%sql 1bad\nSELECT 1", /SqlMagicError/, /variable name/],
  ["a %%sql cell without a query", "%%sql", /SqlMagicError/, /needs a query/],
  ["a TypeScript error", 'const n: number = "three";', /TypeScriptError/, /not assignable/],
  ["a thrown non-Error", "throw 42", /Error/, /42/],
];

/** Odd but valid strings: they must come back exactly. */
const ODD_STRINGS = [
  "emoji 👩🏽‍🚀🎉",
  "NUL\u0000inside",
  "quotes ' \" ` and \\ backslash",
  "<script>alert(1)</script>",
  "x".repeat(200_000),
  "\u202Eright-to-left",
];

describe("bad inputs through the kernel", function () {
  this.timeout(300_000);
  let installed: InstalledTestKernel;
  let server: JupyterServer;
  let kernel: Kernel.IKernelConnection;
  let http404: http.Server;
  let httpPort = 0;

  before(async () => {
    http404 = http.createServer((_req, res) => res.writeHead(404).end("not spark")).listen(0, "127.0.0.1");
    await new Promise((resolve) => http404.once("listening", resolve));
    httpPort = (http404.address() as AddressInfo).port;
    installed = installTestKernel({ name: `spark-ts-bad-${process.pid}` });
    server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-bad-")));
    kernel = await server.kernels.startNew({ name: installed.name });
    const ok = await runCell(kernel, 'import { SparkSession } from "spark-ts-kernel";');
    expect(ok.reply.content.status).to.equal("ok");
  });

  after(async () => {
    await kernel?.shutdown().catch(() => undefined);
    await server?.stop();
    installed?.remove();
    http404?.close();
  });

  it(`has at least 30 cases`, () => expect(CASES.length).to.be.at.least(30));

  for (const [what, code, ename, evalue] of CASES) {
    it(`gives a clear, typed error for ${what}`, async () => {
      const run = await runCell(kernel, code.replace("HTTP", String(httpPort)));
      const words = new RegExp(evalue.source.replace("HTTP", String(httpPort)), evalue.flags);
      const content = run.reply.content as KernelMessage.IReplyErrorContent & { status: string };
      expect(content.status, `cell ran without error`).to.equal("error");
      expect(content.ename).to.match(ename);
      expect(content.evalue).to.match(words);
    });
  }

  it("sends odd and huge strings through Spark and back unchanged", async () => {
    const run = await runCell(
      kernel,
      `const odd = ${JSON.stringify(ODD_STRINGS)};\nconst back = (await (await spark.sql("SELECT explode(:xs) AS s", { xs: odd })).collect()).map((r) => r.s);\nJSON.stringify(back) === JSON.stringify(odd)`,
    );
    expect(run.reply.content.status, JSON.stringify(run.ofType("error").map((m) => m.content))).to.equal("ok");
    expect((run.ofType("execute_result")[0].content as { data: Record<string, string> }).data["text/plain"]).to.equal("true");
  });

  it("is still alive and well after all of them", async () => {
    const run = await runCell(kernel, 'await (await spark.sql("SELECT 40 + 2 AS answer")).first()');
    expect(run.reply.content.status).to.equal("ok");
  });
});
