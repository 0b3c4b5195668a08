// Errors that point at the cell, as a notebook shows them: cells run through a real Jupyter server
// and kernel, and the `error` message's traceback is read as the front end draws it (ANSI colour
// taken out). Runtime errors name the cell's line and column with the line and a caret under the
// place; TypeScript errors show the line with a caret once each, with TypeScript's hints; `%%sql`
// errors point at the cell's own lines.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

interface CellError {
  readonly ename: string;
  readonly evalue: string;
  /** The traceback as the notebook shows it: its lines joined, without colour. */
  readonly text: string;
  readonly lines: readonly string[];
  readonly count: number;
}

/** Runs a cell that must fail, and returns its error as shown (the IOPub error and the reply agree). */
async function failing(kernel: Kernel.IKernelConnection, code: string): Promise<CellError> {
  const run = await runCell(kernel, code);
  const reply = run.reply.content as KernelMessage.IReplyErrorContent & { status: string; execution_count: number };
  expect(reply.status, `the cell ran without error: ${code}`).to.equal("error");
  const shown = run.ofType("error")[0].content as KernelMessage.IErrorMsg["content"];
  expect(shown.traceback).to.deep.equal(reply.traceback);
  const lines = shown.traceback.join("\n").replace(ANSI, "").split("\n");
  return { ename: shown.ename, evalue: shown.evalue, text: lines.join("\n"), lines, count: reply.execution_count };
}

async function ok(kernel: Kernel.IKernelConnection, code: string): Promise<number> {
  const run = await runCell(kernel, code);
  expect(run.reply.content.status, JSON.stringify(run.ofType("error").map((m) => m.content))).to.equal("ok");
  return (run.reply.content as { execution_count: number }).execution_count;
}

/** The code frame lines for `line` of a cell: the marked line and the caret line under it. */
function markedLine(error: CellError, line: number): { text: string; caret: string } {
  const at = error.lines.findIndex((l) => new RegExp(`^\\s*>\\s+${line} \\| `).test(l));
  expect(at, `no marked line ${line} in:\n${error.text}`).to.be.greaterThan(-1);
  return { text: error.lines[at], caret: error.lines[at + 1] };
}

/** The column (1-based, in the cell's line) the caret line points at, and how many carets it has. */
function caretOf(frame: { text: string; caret: string }): { column: number; width: number } {
  const gutter = frame.text.indexOf(" | ") + 3;
  const carets = /\^+/.exec(frame.caret)!;
  expect(frame.caret.slice(gutter - 3, gutter)).to.equal(" | ");
  return { column: carets.index - gutter + 1, width: carets[0].length };
}

function describeKernel(title: string, extraArgs: string[], cases: (kernel: () => Kernel.IKernelConnection) => void): void {
  describe(title, function () {
    this.timeout(240_000);
    let installed: InstalledTestKernel;
    let server: JupyterServer;
    let kernel: Kernel.IKernelConnection;

    before(async () => {
      installed = installTestKernel({ name: `spark-ts-errors-${extraArgs.length}-${process.pid}`, extraArgs });
      server = await startJupyterServer(installed.env, fs.mkdtempSync(path.join(os.tmpdir(), "stk-errors-")));
      kernel = await server.kernels.startNew({ name: installed.name });
    });

    after(async () => {
      await kernel?.shutdown().catch(() => undefined);
      await server?.stop();
      installed?.remove();
    });

    cases(() => kernel);
  });
}

describeKernel("errors that point at the cell", [], (kernel) => {
  describe("a runtime error", () => {
    it("names the function, the cell's line and column, and shows the line with a caret under the failing access", async () => {
      const error = await failing(
        kernel(),
        [
          "const orders = [{ amount: 3 }, { x: 1 }] as any[];",
          "function total(r: any): number {",
          "  return r.x.amount;",
          "}",
          "total(orders[0]);",
        ].join("\n"),
      );
      expect(error.ename).to.equal("TypeError");
      expect(error.evalue).to.equal("Cannot read properties of undefined (reading 'amount')");
      expect(error.lines[0]).to.equal("TypeError: Cannot read properties of undefined (reading 'amount')");
      expect(error.lines[1]).to.equal("  at total (cell 3:14)");
      const frame = markedLine(error, 3);
      expect(frame.text).to.match(/\|\s+return r\.x\.amount;$/);
      expect(caretOf(frame)).to.deep.equal({ column: 14, width: 1 }); // under `amount`
      expect(error.text).to.include("  at cell 5:1");
    });

    it("hides the frames of the kernel, the client package and Node.js", async () => {
      const error = await failing(kernel(), "[1, 2].map((n) => (null as any).at(n));");
      const frames = error.lines.filter((l) => /^\s+at /.test(l));
      expect(frames).to.deep.equal(["  at cell 1:33", "  at cell 1:8"]);
      expect(error.text).not.to.match(/node_modules|dist\/|node:internal|evalmachine|Array\.map/);
    });

    it("in a function defined in an earlier cell points at that cell's line, names the cell, and shows the calling line too", async () => {
      const defined = await ok(
        kernel(),
        ["// helpers", "function price(item: { cost?: { value: number } }): number {", "  return item.cost!.value * 2;", "}"].join("\n"),
      );
      const error = await failing(kernel(), "const items = [{}];\nconst p = price(items[0]!);");
      expect(error.lines[1]).to.equal(`  at price (cell In[${defined}] 3:21)`);
      const there = markedLine(error, 3);
      expect(there.text).to.match(/return item\.cost!\.value \* 2;$/);
      expect(caretOf(there).column).to.equal(21); // under `value`
      expect(error.text).to.include("  at cell 2:11");
      const here = markedLine(error, 2);
      expect(here.text).to.match(/const p = price\(items\[0\]!\);$/);
      expect(caretOf(here).column).to.equal(11);
    });

    it("after an await still points at the cell's line", async () => {
      const error = await failing(
        kernel(),
        ["const n = await spark.range(3).count();", "const found: any = undefined;", "", "found.rows.length + n;"].join("\n"),
      );
      expect(error.ename).to.equal("TypeError");
      expect(error.lines[1]).to.equal("  at cell 4:7");
      expect(caretOf(markedLine(error, 4)).column).to.equal(7); // under `rows`
    });

    it("in a loop counts the repeated frames instead of listing them", async () => {
      const error = await failing(
        kernel(),
        'function down(n: number): number {\n  if (n === 0) throw new RangeError("bottom");\n  return down(n - 1);\n}\ndown(40);',
      );
      expect(error.lines.slice(0, 2)).to.deep.equal(["RangeError: bottom", "  at down (cell 2:22)"]);
      expect(error.text).to.include("  at down (cell 3:10)\n  [the frame above repeats 39 more times]\n  at cell 5:1");
    });

    it("keeps a token written in the cell out of the lines it shows", async () => {
      const error = await failing(kernel(), 'const url = "sc://127.0.0.1:1/;token=s3cr3t-in-cell";\n(null as any).connect(url);');
      expect(error.lines[1]).to.equal("  at cell 2:15");
      expect(error.text).to.include("token=<redacted>").and.not.to.include("s3cr3t");
    });
  });

  describe("a Spark error", () => {
    it("keeps Spark's class and SQLSTATE and adds the cell line that ran the failing action", async () => {
      const error = await failing(kernel(), 'const df = spark.range(3).selectExpr("nope");\n\nconst rows = await df.collect();');
      expect(error.ename).to.equal("AnalysisException");
      expect(error.evalue).to.include("UNRESOLVED_COLUMN").and.to.include("42703");
      expect(error.text).to.match(/^ {2}at cell 3:\d+$/m);
      expect(markedLine(error, 3).text).to.match(/await df\.collect\(\);$/);
      expect(error.text).not.to.match(/node_modules|dist\/|connect\//);
    });
  });

  describe("a TypeScript error", () => {
    it("shows the line once with a caret under the span", async () => {
      const error = await failing(kernel(), 'const total = 1;\nconst label: number = "three";');
      expect(error.ename).to.equal("TypeScriptError");
      expect(error.evalue).to.equal("2:7 - Type 'string' is not assignable to type 'number'.");
      expect(error.lines[0]).to.equal("2:7 - error TS2322: Type 'string' is not assignable to type 'number'.");
      const frame = markedLine(error, 2);
      expect(caretOf(frame)).to.deep.equal({ column: 7, width: 5 }); // under `label`
      expect(error.lines.filter((l) => /\| *\^+$/.test(l))).to.have.length(1);
    });

    it("of a missing await on a Promise<DataFrame> carries TypeScript's hint", async () => {
      const error = await failing(kernel(), "const df = spark.range(3).localCheckpoint();\ndf.show();");
      expect(error.lines[0]).to.equal("2:4 - error TS2339: Property 'show' does not exist on type 'Promise<DataFrame<Row>>'.");
      expect(caretOf(markedLine(error, 2))).to.deep.equal({ column: 4, width: 4 });
      expect(error.text).to.include("Did you forget to use 'await'?");
    });

    it("lists each diagnostic once, a message chain as indented lines under its first message", async () => {
      const error = await failing(kernel(), "const f: (x: number) => string = (x: string) => x;\nconst g: number = f;");
      const heads = error.lines.filter((l) => / - error TS\d+: /.test(l));
      expect(heads).to.deep.equal([
        "1:7 - error TS2322: Type '(x: string) => string' is not assignable to type '(x: number) => string'.",
        "2:7 - error TS2322: Type '(x: number) => string' is not assignable to type 'number'.",
      ]);
      expect(error.lines[1]).to.equal("  Types of parameters 'x' and 'x' are incompatible.");
      expect(error.lines[2]).to.equal("    Type 'number' is not assignable to type 'string'.");
      expect(error.text.split("Types of parameters 'x' and 'x' are incompatible.")).to.have.length(2);
    });

    it("points at the cell as written when the kernel rewrote an await of a parenthesized value", async () => {
      const error = await failing(kernel(), 'const n = await (await spark.sql("SELECT 1")).count();\nconst s: string = n;');
      expect(error.lines[0]).to.equal("2:7 - error TS2322: Type 'number' is not assignable to type 'string'.");
      expect(caretOf(markedLine(error, 2))).to.deep.equal({ column: 7, width: 1 });
    });
  });

  describe("a %%sql cell", () => {
    it("with a :param that is no variable points at the parameter on the magic line", async () => {
      const error = await failing(
        kernel(),
        "%%sql :minId :noSuchVariable\nSELECT id FROM range(10)\nWHERE id >= :minId AND id < :noSuchVariable",
      );
      expect(error.ename).to.equal("TypeScriptError");
      // minId is not defined either in this kernel (it is this cell's first use): both point at the magic line.
      const heads = error.lines.filter((l) => / - error TS\d+: /.test(l));
      expect(heads).to.deep.equal([
        "1:8 - error TS2304: Cannot find name 'minId'.",
        "1:15 - error TS2304: Cannot find name 'noSuchVariable'.",
      ]);
      const frames = error.lines.filter((l) => /^\s*>\s+1 \| %%sql :minId :noSuchVariable$/.test(l));
      expect(frames).to.have.length(2);
      const second = error.lines.lastIndexOf(frames[1]);
      expect(caretOf({ text: error.lines[second], caret: error.lines[second + 1] })).to.deep.equal({ column: 15, width: 14 });
    });

    it("with bad SQL points at the cell's SQL line and place", async () => {
      const error = await failing(kernel(), "%%sql\nSELECT id,\n  FROM range(3)\nWHERE");
      expect(error.ename).to.equal("ParseException");
      expect(error.evalue).to.include("PARSE_SYNTAX_ERROR").and.to.include("42601");
      // Spark counts lines and positions in the query, which starts on the cell's second line.
      const [, line, pos] = /\(line (\d+), pos (\d+)\)/.exec(error.evalue)!.map(Number);
      expect(line).to.equal(2);
      expect(error.text).to.include(`  in the SQL (cell 3:${pos + 1})`);
      const frame = markedLine(error, 3);
      expect(frame.text).to.match(/\| {3}FROM range\(3\)$/);
      expect(caretOf(frame).column).to.equal(pos + 1);
    });

    it("whose query fails in analysis underlines the failing part in the cell", async () => {
      const error = await failing(kernel(), "%%sql\n\n  SELECT id,\n         no_such_column\n  FROM range(3)");
      expect(error.ename).to.equal("AnalysisException");
      expect(error.text).to.include("  in the SQL (cell 4:10)");
      expect(caretOf(markedLine(error, 4))).to.deep.equal({ column: 10, width: "no_such_column".length });
    });
  });
});

describeKernel("errors that point at the cell, in a kernel started without its startup snapshot", ["--no-snapshot"], (kernel) => {
  it("show TypeScript's hints and trace frames to earlier cells as well", async () => {
    const hint = await failing(kernel(), "const df = spark.range(3).localCheckpoint();\ndf.show();");
    expect(hint.text).to.include("Did you forget to use 'await'?");
    const defined = await ok(kernel(), "function boom(): never {\n  throw new Error('boom');\n}");
    const error = await failing(kernel(), "boom();");
    expect(error.lines.slice(0, 3)).to.deep.equal([
      "Error: boom",
      `  at boom (cell In[${defined}] 2:9)`,
      "    1 | function boom(): never {",
    ]);
  });
});
