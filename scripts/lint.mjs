#!/usr/bin/env node
// The house style as a test suite: ESLint (eslint.config.mjs: typescript-eslint's type-aware
// rules) and Prettier (.prettierrc.json) over every source, test and script file. Each file is
// one test of each: it passes when ESLint reports nothing in it, and when Prettier would leave it
// as it is. Ends with `N passed, N failed`.
//
//   node scripts/lint.mjs          check (what `npm test` runs as its lint suite)
//   node scripts/lint.mjs --fix    apply ESLint's fixes and Prettier's formatting first
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import * as prettier from "prettier";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The files Prettier formats: code, not prose, notebooks or generated stubs. */
const FORMATTED = [
  { dir: "src", ext: /\.ts$/ },
  { dir: "kernel/src", ext: /\.ts$/ },
  { dir: "test", ext: /\.ts$/ },
  { dir: "scripts", ext: /\.mjs$/ },
  { dir: "bench", ext: /\.(ts|mjs)$/ },
  { dir: "examples", ext: /\.ts$/ },
];
const SKIPPED = new Set(["node_modules", "dist", "gen"]);

function* walk(dir) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(relative);
    else yield relative;
  }
}

function formattedFiles() {
  const files = FORMATTED.flatMap(({ dir, ext }) => [...walk(dir)].filter((file) => ext.test(file)));
  const topLevel = fs.readdirSync(root).filter((name) => name.endsWith(".mjs"));
  return [...files, ...topLevel].sort();
}

/** Lints and format-checks the house; resolves to `{ passes, failures, pending }`. */
export async function lintSuite({ fix = false } = {}) {
  let passes = 0;
  let failures = 0;
  const files = formattedFiles();

  const eslint = new ESLint({ cwd: root, fix });
  const results = await eslint.lintFiles(["."]);
  if (fix) await ESLint.outputFixes(results);
  for (const result of results) {
    const problems = result.messages;
    if (problems.length === 0) {
      passes += 1;
      continue;
    }
    failures += 1;
    for (const m of problems)
      console.log(`eslint: ${path.relative(root, result.filePath)}:${m.line ?? 0}:${m.column ?? 0} ${m.message} (${m.ruleId ?? "parse"})`);
  }

  for (const file of files) {
    const full = path.join(root, file);
    const text = fs.readFileSync(full, "utf8");
    const options = { ...(await prettier.resolveConfig(full)), filepath: full };
    if (await prettier.check(text, options)) {
      passes += 1;
    } else if (fix) {
      fs.writeFileSync(full, await prettier.format(text, options));
      passes += 1;
    } else {
      failures += 1;
      console.log(`prettier: ${file} is not formatted (node scripts/lint.mjs --fix)`);
    }
  }
  console.log(`lint: ${results.length} files through ESLint, ${files.length} through Prettier`);
  return { passes, failures, pending: 0 };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stats = await lintSuite({ fix: process.argv.includes("--fix") });
  console.log(`${stats.passes} passed, ${stats.failures} failed`);
  process.exitCode = stats.failures ? 1 : 0;
}
