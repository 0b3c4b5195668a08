import { expect } from "chai";
import { describe, it } from "mocha";
import type * as ts from "@tslab/typescript-for-tslab";
import { useCellPrograms } from "../../../kernel/src/cell/cellPrograms";
import { compilerView } from "../../../kernel/src/startup/compilerModule";
import { serveSourceFiles } from "../../../kernel/src/startup/sourceFileCache";
import { compiler, OPTIONS, parsed, useDeclarationFiles } from "../../support/declarationFiles";

describe("declaration files served from the startup snapshot to the kernel's cell programs", () => {
  const files = useDeclarationFiles("stk-served-");
  /**
   * How many files a watch program asks the cache for: once when it starts, then again after
   * its cell is notified as changed (as tslab does at each cell) though its text is the same.
   */
  function requestsOverAnUnchangedCell(versions: boolean | undefined): { first: number; again: number } {
    const view = compilerView(compiler);
    useCellPrograms(view);
    const { decl, root } = files;
    const stats = serveSourceFiles(view, new Map([[decl, parsed(decl)]]), (file) => file, { versions });
    let timer: (() => void) | undefined;
    let notify: ts.FileWatcherCallback | undefined;
    const system: ts.System = Object.assign(Object.create(compiler.sys) as ts.System, {
      setTimeout: (callback: () => void) => (timer = callback),
      clearTimeout: () => (timer = undefined),
      watchFile: (file: string, callback: ts.FileWatcherCallback) => {
        if (file === root) notify = callback;
        return { close: () => undefined };
      },
    });
    const watch = view.module.createWatchProgram(
      view.module.createWatchCompilerHost(
        [root],
        OPTIONS,
        system,
        undefined,
        () => undefined,
        () => undefined,
      ),
    );
    try {
      const first = stats.served + stats.parsed;
      notify!(root, compiler.FileWatcherEventKind.Changed);
      timer!();
      return { first, again: stats.served + stats.parsed - first };
    } finally {
      watch.close();
    }
  }

  it("are taken as up to date without a version: a cell that changed nothing makes no new program", () => {
    const { first, again } = requestsOverAnUnchangedCell(false);
    expect(first).to.be.greaterThan(0);
    expect(again).to.equal(0);
  });

  it("carry a version by default, as the compiler's builder programs need, and are then asked for again", () => {
    const { again } = requestsOverAnUnchangedCell(undefined);
    expect(again).to.be.greaterThan(0);
  });
});
