import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { afterEach, beforeEach, describe, it } from "mocha";
import * as ts from "@tslab/typescript-for-tslab";
import { cellProgramMaker, sharedTimers, useCellPrograms } from "../../../kernel/src/cell/cellPrograms";
import { compilerView } from "../../../kernel/src/startup/compilerModule";

// The CommonJS module object itself, the one tslab gets (an import's namespace is a copy of it).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const compiler = require("@tslab/typescript-for-tslab") as typeof ts;
const OPTIONS: ts.CompilerOptions = { noLib: true, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, noEmit: true };

type Timers = Pick<ts.WatchHost, "setTimeout" | "clearTimeout">;

/** Timers as tslab's converter keeps them: one at a time, run by hand, a second one an error. */
function tslabTimers(): Timers & { fire(): void; pending(): boolean } {
  let timer: { callback: () => void } | undefined;
  return {
    setTimeout(callback: () => void) {
      if (timer) throw new Error("Unexpected pending rebuildTimer");
      timer = { callback };
      return timer;
    },
    clearTimeout(handle: unknown) {
      if (handle !== timer) throw new Error("clearing unexpected timer");
      timer = undefined;
    },
    fire() {
      const due = timer;
      timer = undefined;
      due?.callback();
    },
    pending: () => timer !== undefined,
  };
}

describe("the programs cells are compiled in", () => {
  let dir: string;
  let cell: string;
  let helper: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "stk-programs-")));
    cell = path.join(dir, "cell.ts");
    helper = path.join(dir, "helper.ts");
    fs.writeFileSync(helper, "export const h = 1;\n");
    fs.writeFileSync(path.join(dir, "types.d.ts"), "export type Answer = number;\n");
    fs.writeFileSync(cell, 'import { h } from "./helper";\nimport type { Answer } from "./types";\nexport const y: Answer = h + 1;\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A host that hands out each file parsed once, as the watch's host does, until `touch`ed. */
  function cachingHost(): ts.CompilerHost & { touch(file: string): void } {
    const host = compiler.createCompilerHost(OPTIONS);
    const parsed = new Map<string, ts.SourceFile | undefined>();
    const read = host.getSourceFile.bind(host);
    return Object.assign(host, {
      getSourceFile: (fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions) => {
        if (!parsed.has(fileName)) parsed.set(fileName, read(fileName, languageVersion));
        return parsed.get(fileName);
      },
      touch: (file: string) => void parsed.delete(file),
    });
  }

  it("follows a cell's dependencies from the cell: its own modules, and the declaration files it names", () => {
    const make = cellProgramMaker(compiler);
    const builder = make([cell], OPTIONS, cachingHost());
    const file = builder.getSourceFile(cell)!;
    expect(builder.getAllDependencies(file)).to.deep.equal([cell, helper, path.join(dir, "types.d.ts")]);
  });

  it("binds the cell's file when it is asked for, so the names it declares can be read before any check", () => {
    const make = cellProgramMaker(compiler);
    const builder = make([cell], OPTIONS, cachingHost());
    const locals = (builder.getSourceFile(cell) as ts.SourceFile & { locals?: Map<string, unknown> }).locals;
    expect([...(locals?.keys() ?? [])]).to.include.members(["h", "y"]);
  });

  it("keeps the last program, and what its checker found, while none of its files changed", () => {
    const make = cellProgramMaker(compiler);
    const host = cachingHost();
    const first = make([cell], OPTIONS, host);
    expect(make([cell], OPTIONS, host, first)).to.equal(first);
    fs.writeFileSync(cell, 'import { h } from "./helper";\nexport const y = h + 2;\n');
    host.touch(cell);
    const changed = make([cell], OPTIONS, host, first);
    expect(changed).not.to.equal(first);
    expect(changed.getSourceFile(cell)!.text).to.include("h + 2");
    // The file that did not change is the very one parsed before.
    expect(changed.getProgram().getSourceFile(helper)).to.equal(first.getProgram().getSourceFile(helper));
  });

  it("gives the watch's failed-lookup check and its program update tslab's single timer, so a folder changing beside a failed import breaks nothing", () => {
    fs.writeFileSync(cell, 'import { later } from "./later";\nexport const y = later;\n');
    const view = compilerView(compiler);
    useCellPrograms(view);
    const timers = tslabTimers();
    const watchers = { files: new Map<string, ts.FileWatcherCallback>(), dirs: new Map<string, ts.DirectoryWatcherCallback>() };
    // As tslab's converter does: the notebook's folder is the current directory.
    const system: ts.System = Object.assign(Object.create(compiler.sys) as ts.System, {
      getCurrentDirectory: () => dir,
      ...timers,
      watchFile: (file: string, callback: ts.FileWatcherCallback) => {
        watchers.files.set(file, callback);
        return { close: () => undefined };
      },
      watchDirectory: (dir: string, callback: ts.DirectoryWatcherCallback) => {
        watchers.dirs.set(dir, callback);
        return { close: () => undefined };
      },
    });
    const host = view.module.createWatchCompilerHost(
      [cell],
      OPTIONS,
      system,
      undefined,
      () => undefined,
      () => undefined,
    );
    const watch = view.module.createWatchProgram(host);
    // The program as the watch holds it now (getProgram() would bring it up to date first).
    const current = () => (watch as unknown as { getCurrentProgram(): ts.BuilderProgram }).getCurrentProgram().getProgram();
    try {
      const unresolved = current();
      expect(unresolved.getSourceFile(path.join(dir, "later.ts"))).to.equal(undefined);
      // The module appears in the folder the failed import looked in; then the cell changes.
      fs.writeFileSync(path.join(dir, "later.ts"), "export const later = 1;\n");
      const folder = watchers.dirs.get(dir);
      expect(folder, "the watch watches the folder of the failed import").to.be.a("function");
      folder!(path.join(dir, "later.ts"));
      expect(timers.pending()).to.equal(true);
      fs.writeFileSync(cell, 'import { later } from "./later";\nexport const y = later + 1;\n');
      watchers.files.get(cell)!(cell, compiler.FileWatcherEventKind.Changed);
      timers.fire();
      const updated = current();
      expect(updated.getSourceFile(path.join(dir, "later.ts"))?.text).to.equal("export const later = 1;\n");
      expect(updated.getSourceFile(cell)?.text).to.include("later + 1");
      expect(timers.pending()).to.equal(false);
    } finally {
      watch.close();
    }
  });
});

describe("timers shared on one of the host's own", () => {
  it("takes many timers on a host that allows one, and runs all that are due when it fires", () => {
    const host = tslabTimers();
    sharedTimers(host);
    const ran: string[] = [];
    host.setTimeout!(() => ran.push("a"), 250);
    const b: unknown = host.setTimeout!(() => ran.push("b"), 250);
    host.setTimeout!((x: string) => ran.push(x), 250, "c");
    host.clearTimeout!(b);
    host.fire();
    expect(ran).to.deep.equal(["a", "c"]);
    expect(host.pending()).to.equal(false);
  });

  it("runs a timer set by a running callback in the same turn, and leaves the host's timer off once none is due", () => {
    const host = tslabTimers();
    sharedTimers(host);
    const ran: string[] = [];
    host.setTimeout!(() => {
      ran.push("first");
      host.setTimeout!(() => ran.push("second"), 250);
    }, 250);
    host.fire();
    expect(ran).to.deep.equal(["first", "second"]);
    const lone: unknown = host.setTimeout!(() => ran.push("never"), 250);
    host.clearTimeout!(lone);
    expect(host.pending()).to.equal(false);
  });
});
