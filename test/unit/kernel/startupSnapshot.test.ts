import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { afterEach, beforeEach, describe, it } from "mocha";
import type * as ts from "@tslab/typescript-for-tslab";
import { compilerView } from "../../../kernel/src/startup/compilerModule";
import { runFromSnapshot, snapshotUnusable } from "../../../kernel/src/startup/launch";
import { serveSourceFiles } from "../../../kernel/src/startup/sourceFileCache";
import { descriptionPath, stampOf, type SnapshotDescription } from "../../../kernel/src/startup/startupSnapshot";
import { compiler, OPTIONS, parsed, useDeclarationFiles } from "../../support/declarationFiles";

describe("serving parsed declaration files to tslab's compiler", () => {
  const files = useDeclarationFiles("stk-sources-");

  /** A watch program as tslab makes one, through the view; its program and diagnostics. */
  function watch(view: ReturnType<typeof compilerView>): { program: ts.Program; errors: string[] } {
    const host = view.module.createWatchCompilerHost(
      [files.root],
      OPTIONS,
      compiler.sys,
      undefined,
      () => undefined,
      () => undefined,
    );
    const program = view.module.createWatchProgram(host);
    try {
      const current = program.getProgram().getProgram();
      // No lib files (noLib), so no global types: only what the test's files say is of interest.
      const errors = compiler
        .getPreEmitDiagnostics(current)
        .map((d) => compiler.flattenDiagnosticMessageText(d.messageText, "\n"))
        .filter((message) => !message.startsWith("Cannot find global type"));
      return { program: current, errors };
    } finally {
      program.close();
    }
  }

  it("hands the watch program the file parsed before while it is unchanged on disk", () => {
    const view = compilerView(compiler);
    const { decl } = files;
    const cached = parsed(decl);
    const stats = serveSourceFiles(view, new Map([[decl, cached]]), (file) => file);
    const { program, errors } = watch(view);
    expect(program.getSourceFile(decl)).to.equal(cached.sourceFile);
    expect(stats.served).to.be.greaterThan(0);
    expect(errors).to.deep.equal([]);
  });

  it("parses a file again once it has changed on disk, and checks against what it says now", () => {
    const view = compilerView(compiler);
    const { decl } = files;
    const cached = parsed(decl);
    serveSourceFiles(view, new Map([[decl, cached]]), (file) => file);
    fs.writeFileSync(decl, "type Answer = string;\n");
    const { program, errors } = watch(view);
    expect(program.getSourceFile(decl)).not.to.equal(cached.sourceFile);
    expect(errors.join("\n")).to.match(/not assignable to type 'string'/);
  });

  it("parses anew a file asked for under another language version", () => {
    const view = compilerView(compiler);
    const { decl } = files;
    const es5 = parsed(decl, compiler.ScriptTarget.ES5);
    serveSourceFiles(view, new Map([[decl, es5]]), (file) => file);
    expect(watch(view).program.getSourceFile(decl)).not.to.equal(es5.sourceFile);
  });

  it("leaves programs made after stop() to parse their own files", () => {
    const view = compilerView(compiler);
    const { decl } = files;
    const cached = parsed(decl);
    serveSourceFiles(view, new Map([[decl, cached]]), (file) => file).stop();
    expect(watch(view).program.getSourceFile(decl)).not.to.equal(cached.sourceFile);
  });
});

describe("whether a startup snapshot can be used", () => {
  let dir: string;
  let blob: string;
  let description: SnapshotDescription;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "stk-snapshot-"));
    blob = path.join(dir, "startup-snapshot.blob");
    fs.writeFileSync(blob, Buffer.alloc(4096, 7));
    const compilerFile = require.resolve("@tslab/typescript-for-tslab");
    description = { nodeVersion: process.version, compiler: stampOf(compilerFile)!, size: 4096, files: 1 };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const describeAs = (d: SnapshotDescription) => fs.writeFileSync(descriptionPath(blob), JSON.stringify(d));

  it("is used when it was built by this Node.js with the compiler as it is", () => {
    describeAs(description);
    expect(snapshotUnusable(blob)).to.equal(undefined);
  });

  it("is not used without its description, from another Node.js, when incomplete, or after the compiler changed", () => {
    expect(snapshotUnusable(blob)).to.equal("there is none");
    describeAs({ ...description, nodeVersion: "v18.0.0" });
    expect(snapshotUnusable(blob)).to.match(/Node\.js v18\.0\.0/);
    describeAs({ ...description, size: 8192 });
    expect(snapshotUnusable(blob)).to.match(/incomplete/);
    describeAs({ ...description, compiler: { ...description.compiler, mtimeMs: 1 } });
    expect(snapshotUnusable(blob)).to.match(/compiler has changed/);
  });

  it("starts the kernel the ordinary way when the snapshot's process dies before the kernel runs", async function () {
    this.timeout(20_000);
    // A real snapshot whose process ends at once, without a word to its parent.
    const entry = path.join(dir, "exits.js");
    fs.writeFileSync(entry, 'require("node:v8").startupSnapshot.setDeserializeMainFunction(() => process.exit(3));\n');
    execFileSync(process.execPath, ["--snapshot-blob", blob, "--build-snapshot", entry], { cwd: dir });
    describeAs({ ...description, size: fs.statSync(blob).size });
    const lines: string[] = [];
    const script = path.join(dir, "never-run.js");
    const code = await runFromSnapshot(["kernel", "--connection-file", "x.json", "--startup-snapshot", blob], script, (line) =>
      lines.push(line),
    );
    expect(code).to.equal(undefined);
    expect(lines.join("\n")).to.match(/did not start from the startup snapshot/);
  });

  it("is only for the kernel command, and only when kernel.json names a snapshot", async () => {
    describeAs(description);
    expect(await runFromSnapshot(["sql", "SELECT 1", "--startup-snapshot", blob], "x.js", () => undefined)).to.equal(undefined);
    expect(await runFromSnapshot(["kernel", "--connection-file", "x.json"], "x.js", () => undefined)).to.equal(undefined);
  });
});
