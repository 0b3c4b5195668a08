// A folder with a declaration file and a cell that references it, made afresh for each test, and
// the compiler tslab uses: what the tests of the kernel's startup snapshot and its served files
// compile.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "mocha";
import type * as ts from "@tslab/typescript-for-tslab";
import type { SnapshotSource } from "../../kernel/src/startup/snapshotManifest";

// The CommonJS module object itself, the one tslab gets (an import's namespace is a copy of it).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
export const compiler = require("@tslab/typescript-for-tslab") as typeof ts;

/** Options of a program of the cell alone: no libraries, nothing written. */
export const OPTIONS: ts.CompilerOptions = { noLib: true, types: [], target: compiler.ScriptTarget.ES2022, noEmit: true };

/** The files of the current test: `decl` declares `Answer`, `root` (the cell) uses it. */
export interface DeclarationFiles {
  readonly dir: string;
  readonly decl: string;
  readonly root: string;
}

/**
 * Makes the folder before each test of the calling suite and removes it after; the returned
 * object holds the current test's paths.
 */
export function useDeclarationFiles(prefix: string): DeclarationFiles {
  const files = { dir: "", decl: "", root: "" };
  beforeEach(() => {
    files.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    files.decl = path.join(files.dir, "answer.d.ts");
    files.root = path.join(files.dir, "cell.ts");
    fs.writeFileSync(files.decl, "type Answer = number;\n");
    fs.writeFileSync(files.root, '/// <reference path="./answer.d.ts" />\nconst x: Answer = 42;\n');
  });
  afterEach(() => fs.rmSync(files.dir, { recursive: true, force: true }));
  return files;
}

/** `file` parsed as the snapshot parses it (ES2022), with its size and time as it is now. */
export function parsed(file: string, languageVersion: ts.ScriptTarget = compiler.ScriptTarget.ES2022): SnapshotSource {
  const stat = fs.statSync(file);
  const sourceFile = compiler.createSourceFile(file, fs.readFileSync(file, "utf8"), { languageVersion });
  return { sourceFile, size: stat.size, mtimeMs: stat.mtimeMs };
}
