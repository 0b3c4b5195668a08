import { expect } from "chai";
import { describe, it } from "mocha";
import { ParseException, AnalysisException } from "spark-ts";
import { errorContent, type ErrorSources, type FramePlace } from "../../../kernel/src/cell/errorContent";
import { frameName, keepStackFrames, stackFrames } from "../../../kernel/src/cell/stackFrames";
import { sqlCellSource } from "../../../kernel/src/cell/sqlMagic";
import { TextLines } from "../../../kernel/src/cell/textLines";

// eslint-disable-next-line no-control-regex
const plain = (lines: readonly string[]) => lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ""));

/** Sources in which script `In[n]` is cell n, traced line for line (its frames are at the cell's own places). */
function cells(texts: Record<string, string>, running: string): ErrorSources {
  return {
    framePlace(script, line, column): FramePlace | undefined {
      const text = texts[script];
      if (text === undefined) return undefined;
      return { cell: script === running ? "" : script, lines: new TextLines(text), line, column };
    },
  };
}

function withStack<E extends Error>(error: E, frames: string[]): E {
  error.stack = `${error.name}: ${error.message}\n${frames.map((f) => `    at ${f}`).join("\n")}`;
  return error;
}

describe("the frames of a stack", () => {
  it("are read into name, script, line and column, async ones marked", () => {
    expect(stackFrames("TypeError: x\n    at total (In[4]:2:13)\n    at async In[5]:1:7\n    at Array.map (<anonymous>)")).to.deep.equal([
      { name: "total", async: false, script: "In[4]", line: 2, column: 13 },
      { name: undefined, async: true, script: "In[5]", line: 1, column: 7 },
      { name: "Array.map", async: false, script: "<anonymous>" },
    ]);
  });

  it("name a function of an earlier cell as the user wrote it, not as called through tslab's exports", () => {
    expect(frameName({ name: "Proxy.price", async: false, script: "In[1]" })).to.equal("price");
    expect(frameName({ name: "Object.price", async: false, script: "In[1]" })).to.equal("price");
    expect(frameName({ name: "Order.total", async: false, script: "In[1]" })).to.equal("Order.total");
  });

  it("are kept deep enough, also where no limit was set at all (a process started from a snapshot)", () => {
    const before = Error.stackTraceLimit;
    try {
      (Error as { stackTraceLimit: number | undefined }).stackTraceLimit = undefined;
      keepStackFrames(64);
      expect(Error.stackTraceLimit).to.equal(64);
      Error.stackTraceLimit = 100;
      keepStackFrames(64);
      expect(Error.stackTraceLimit).to.equal(100);
    } finally {
      Error.stackTraceLimit = before;
    }
  });
});

describe("a runtime error's traceback", () => {
  const defining = "// helpers\nfunction price(item) {\n  return item.cost.value * 2;\n}";
  const running = "const items = [{}];\nconst p = price(items[0]);";

  it("lists only the frames of cells, at their places, with the lines of the innermost and of the running cell", () => {
    const error = withStack(new TypeError("Cannot read properties of undefined (reading 'value')"), [
      "Proxy.price (In[3]:3:20)",
      "In[4]:2:11",
      "Script.runInThisContext (node:vm:137:12)",
      "Object.execute (/somewhere/node_modules/tslab/dist/executor.js:180:38)",
    ]);
    expect(plain(errorContent(error, cells({ "In[3]": defining, "In[4]": running }, "In[4]")).traceback)).to.deep.equal([
      "TypeError: Cannot read properties of undefined (reading 'value')",
      "  at price (cell In[3] 3:20)",
      "    2 | function price(item) {",
      "  > 3 |   return item.cost.value * 2;",
      "      |                    ^",
      "    4 | }",
      "  at cell 2:11",
      "    1 | const items = [{}];",
      "  > 2 | const p = price(items[0]);",
      "      |           ^",
    ]);
  });

  it("counts a frame repeated by recursion once, and cuts very deep stacks", () => {
    const text = "function down(n) {\n  return down(n - 1);\n}\ndown(1);";
    const frames = [...Array.from({ length: 30 }, () => "down (In[1]:2:10)"), "In[1]:4:1"];
    const lines = plain(errorContent(withStack(new RangeError("deep"), frames), cells({ "In[1]": text }, "In[1]")).traceback);
    expect(lines.filter((l) => l.startsWith("  at "))).to.deep.equal(["  at down (cell 2:10)", "  at cell 4:1"]);
    expect(lines).to.include("  [the frame above repeats 29 more times]");
    const distinct = Array.from({ length: 20 }, (_, i) => `f${i} (In[1]:1:1)`);
    const cut = plain(errorContent(withStack(new Error("x"), distinct), cells({ "In[1]": text }, "In[1]")).traceback);
    expect(cut.filter((l) => l.startsWith("  at "))).to.have.length(12);
    expect(cut.at(-1)).to.equal("  ... 8 more frames");
  });

  it("names the cell of a frame it cannot place, and hides every frame that is no cell's", () => {
    const sources: ErrorSources = {
      framePlace: (script) => (script === "In[2]" ? { cell: "In[2]", lines: new TextLines("x") } : undefined),
    };
    const error = withStack(new Error("boom"), [
      "boom (In[2]:9:9)",
      "evalmachine.<anonymous>:1:1",
      "node:internal/process/task_queues:95:5",
    ]);
    expect(plain(errorContent(error, sources).traceback)).to.deep.equal(["Error: boom", "  at boom (cell In[2])"]);
  });
});

describe("a Spark error of a %%sql cell", () => {
  const code = "%%sql top\n\n  SELECT id,\n         no_such_column\n  FROM range(3)";
  const sql = sqlCellSource(code);
  const lines = new TextLines(code);
  const sources: ErrorSources = {
    framePlace: () => undefined,
    query: { text: sql.magic.query, place: (offset) => ({ cell: "", lines, ...lines.position(sql.queryToCell(offset)) }) },
  };

  it("points at the cell's SQL line and underlines what Spark's query context names", () => {
    const start = sql.magic.query.indexOf("no_such_column");
    const error = new AnalysisException("[UNRESOLVED_COLUMN.WITH_SUGGESTION] ... SQLSTATE: 42703", {
      errorClass: "UNRESOLVED_COLUMN.WITH_SUGGESTION",
      sqlState: "42703",
      queryContexts: [
        {
          contextType: "SQL",
          objectType: "",
          objectName: "",
          startIndex: start,
          stopIndex: start + 13,
          fragment: "no_such_column",
          callSite: "",
          summary: "",
        },
      ],
    });
    expect(plain(errorContent(error, sources).traceback).slice(1)).to.deep.equal([
      "  in the SQL (cell 4:10)",
      "    3 |   SELECT id,",
      "  > 4 |          no_such_column",
      "      |          ^^^^^^^^^^^^^^",
      "    5 |   FROM range(3)",
    ]);
  });

  it("points at the place of a parse error's (line, pos), lines counted in the query", () => {
    const error = new ParseException(
      "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601 (line 3, pos 2)\n\n== SQL ==\n...",
      {
        errorClass: "PARSE_SYNTAX_ERROR",
        sqlState: "42601",
      },
    );
    const lines = plain(errorContent(error, sources).traceback);
    expect(lines).to.include("  in the SQL (cell 5:3)");
    expect(lines).to.include("  > 5 |   FROM range(3)");
  });

  it("keeps Spark's words in the header, and adds the error class when the message lacks it", () => {
    const error = new ParseException("Syntax error somewhere (line 1, pos 0)", { errorClass: "PARSE_SYNTAX_ERROR", sqlState: "42601" });
    const content = errorContent(error, sources);
    expect(content.ename).to.equal("ParseException");
    expect(plain(content.traceback).slice(0, 3)).to.deep.equal([
      "ParseException: Syntax error somewhere (line 1, pos 0)",
      "  error class: PARSE_SYNTAX_ERROR",
      "  SQLSTATE: 42601",
    ]);
  });
});

describe("the positions of a %%sql cell", () => {
  it("trace its TypeScript's parameters and result name to the magic line", () => {
    const cell = sqlCellSource("%%sql  adults :minAge --max-rows 5\nSELECT * FROM people WHERE age >= :minAge");
    const ts = cell.typescript;
    expect(cell.toCell(ts.indexOf("adults"))).to.equal(7);
    expect(cell.toCell(ts.lastIndexOf("minAge"))).to.equal(15);
    expect(cell.toCell(ts.lastIndexOf("minAge") + 3)).to.equal(18);
    expect(cell.toCell(ts.indexOf("display"))).to.equal(0);
  });

  it("trace the query's string literal, escapes included, to the cell's SQL", () => {
    const code = "  %%sql\n\n SELECT \"a\\b\",\n\t'é😀' AS x";
    const cell = sqlCellSource(code);
    expect(cell.magic.query).to.equal("SELECT \"a\\b\",\n\t'é😀' AS x");
    for (const part of ["SELECT", '"a', 'b"', "\t", "é", "😀", "AS"]) {
      const inQuery = cell.magic.query.indexOf(part);
      const literal = JSON.stringify(cell.magic.query);
      const inLiteral = cell.typescript.indexOf(literal) + JSON.stringify(cell.magic.query.slice(0, inQuery)).length - 1;
      expect(cell.toCell(inLiteral), part).to.equal(code.indexOf(part));
      expect(cell.queryToCell(inQuery), part).to.equal(code.indexOf(part));
    }
  });
});
