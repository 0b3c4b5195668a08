import vm from "node:vm";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { createConverter, type Converter } from "tslab/dist/converter";
import { CompiledCells, withCellScripts } from "../../../kernel/src/cell/compiledCells";
import { withTopLevelAwaitFix } from "../../../kernel/src/cell/topLevelAwait";

/** Runs converted cell code as tslab's executor does, and returns the stack it threw with. */
function thrownStack(output: string, async = false): string {
  const exports = {};
  const wrapped = `${async ? "(async function" : "(function"}(exports, require) { ${output}\n})(__tslab__.exports, __tslab__.require)`;
  (globalThis as Record<string, unknown>).__tslab__ = { exports, require };
  try {
    vm.runInThisContext(wrapped);
  } catch (err) {
    return (err as Error).stack ?? "";
  } finally {
    delete (globalThis as Record<string, unknown>).__tslab__;
  }
  return expect.fail("the cell did not throw");
}

describe("cells as the kernel's converter notes them", function () {
  this.timeout(60_000);
  let converter: Converter;
  let cells: CompiledCells;

  before(() => {
    cells = new CompiledCells();
    converter = withCellScripts(withTopLevelAwaitFix(createConverter({ isJS: false, isBrowser: false })), cells);
  });
  after(() => converter?.close());

  it("end their JavaScript with the cell's name, which V8 then names its frames by", () => {
    const record = cells.begin("function f(o: any) {\n  return o.a.b;\n}\nf({});", 4);
    const result = converter.convert("", record.source);
    expect(result.output).to.match(/\n\/\/# sourceURL=In\[4\]$/);
    expect(cells.find("In[4]")).to.equal(record);
    const stack = thrownStack(result.output!);
    const frame = /at f \(In\[4\]:(\d+):(\d+)\)/.exec(stack)!;
    expect(record.place(Number(frame[1]), Number(frame[2]))).to.deep.equal({ line: 2, column: 14 });
  });

  it("give a second run with the same count a name of its own", () => {
    expect(cells.begin("1", 9).name).to.equal("In[9]");
    expect(cells.begin("2", 9).name).to.equal("In[9]#2");
    expect(cells.begin("3", 9).label).to.equal("In[9]");
  });

  it("tell tslab's wrapper around the cell's code from the code", () => {
    const record = cells.begin("(null as any).x;", 5);
    const result = converter.convert("", record.source);
    const frames = [...thrownStack(result.output!).matchAll(/In\[5\]:(\d+):(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(frames.map(([l, c]) => record.inWrapper(l, c))).to.deep.equal([false, true]);
  });

  it("keep the diagnostics of a cell that did not compile, at the places the user wrote", () => {
    const record = cells.begin("const n = await (await Promise.resolve(1));\nconst s: string = n;", 6);
    const result = converter.convert("", record.source);
    expect(result.output).to.equal(undefined);
    expect(record.diagnostics!.map((d) => [d.start.line, d.start.character, d.messageText])).to.deep.equal([
      [1, 6, "Type 'number' is not assignable to type 'string'."],
    ]);
    expect(cells.find(record.name)).to.equal(undefined);
  });

  it("trace a %%sql cell's TypeScript back to its magic line and query", () => {
    const record = cells.begin("%%sql top :minId\nSELECT id FROM t WHERE id > :minId", 7);
    expect(record.source).to.equal('const top = await spark.sql("SELECT id FROM t WHERE id > :minId", { minId: minId });\ntop;\n');
    const value = record.source.lastIndexOf("minId");
    expect(record.lines.position(record.toCell(value))).to.deep.equal({ line: 1, column: 12 });
    expect(record.lines.position(record.toCell(record.source.indexOf("FROM")))).to.deep.equal({ line: 2, column: 11 });
  });

  it("hide frames of code that is no cell's, and name the cell of frames of earlier cells", () => {
    const earlier = cells.begin("function g(): never {\n  throw new Error('g');\n}", 10);
    converter.convert("", earlier.source);
    const running = cells.begin("g();", 11);
    const sources = cells.sources(running);
    expect(sources.framePlace("node:internal/process/task_queues", 95, 5)).to.equal(undefined);
    expect(sources.framePlace("evalmachine.<anonymous>", 1, 1)).to.equal(undefined);
    const place = sources.framePlace("In[10]", 1, 200);
    expect(place?.cell).to.equal("In[10]");
  });
});
