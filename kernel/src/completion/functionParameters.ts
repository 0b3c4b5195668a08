// Which arguments of the client's `functions` take a column name, read from the client's own
// declaration files with TypeScript's parser: a parameter typed with `ColumnOrName` (alone, in a
// union, or as the element of an array or rest parameter) takes one. So every function the client
// has, now or later, completes column names in the right places, and none in its format strings,
// patterns or separators (`F.date_format("d", "yyyy")`: only the first).
import fs from "node:fs";
import path from "node:path";
import * as ts from "@tslab/typescript-for-tslab";

/** The type name that marks a column-name parameter in the client's declarations. */
const COLUMN_OR_NAME = "ColumnOrName";

/** For each function, which arguments take column names. */
export interface ColumnParameters {
  /** The argument positions that take a column name. */
  readonly positions: ReadonlySet<number>;
  /** From this position on, every argument does (a rest parameter); absent when none. */
  readonly restFrom?: number;
}

/** Whether argument `index` of a function described by `params` takes a column name. */
export function takesColumnName(params: ColumnParameters | undefined, index: number): boolean {
  if (!params) return false;
  return params.positions.has(index) || (params.restFrom !== undefined && index >= params.restFrom);
}

/** Reads declaration files; `undefined` for a file that does not exist. */
export type DeclarationReader = (file: string) => string | undefined;

/** The declaration file a relative module specifier names from `from` (`./x` is `./x.d.ts` or `./x/index.d.ts`). */
function resolveDeclaration(read: DeclarationReader, from: string, specifier: string): { file: string; text: string } | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const file of [`${base}.d.ts`, path.join(base, "index.d.ts")]) {
    const text = read(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

/** The next token that is not trivia (the scanner skips white space and comments). */
type Scan = () => ts.SyntaxKind;

const OPENING = new Set([
  ts.SyntaxKind.OpenParenToken,
  ts.SyntaxKind.OpenBracketToken,
  ts.SyntaxKind.OpenBraceToken,
  ts.SyntaxKind.LessThanToken,
]);
const CLOSING = new Set([
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.GreaterThanToken,
]);

/**
 * Reads a parameter list, the scanner just past its `(`: for each parameter, whether its type
 * names `ColumnOrName` and whether it is a rest parameter.
 */
function readParameters(scanner: ts.Scanner, scan: Scan): { columnName: boolean; rest: boolean }[] {
  const params: { columnName: boolean; rest: boolean }[] = [];
  let current: { columnName: boolean; rest: boolean; empty: boolean } = { columnName: false, rest: false, empty: true };
  const finish = () => {
    if (!current.empty) params.push({ columnName: current.columnName, rest: current.rest });
    current = { columnName: false, rest: false, empty: true };
  };
  let depth = 1;
  for (let kind = scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scan()) {
    if (OPENING.has(kind)) depth++;
    else if (CLOSING.has(kind) && --depth === 0) break;
    if (depth === 1 && kind === ts.SyntaxKind.CommaToken) {
      finish();
      continue;
    }
    if (depth === 1 && kind === ts.SyntaxKind.DotDotDotToken && current.empty) current.rest = true;
    if (kind === ts.SyntaxKind.Identifier && scanner.getTokenValue() === COLUMN_OR_NAME) current.columnName = true;
    current.empty = false;
  }
  finish();
  return params;
}

/** Adds one declaration's column-name parameters to `table` (an overload adds to the others). */
function addDeclaration(
  table: Map<string, ColumnParameters>,
  name: string,
  params: readonly { columnName: boolean; rest: boolean }[],
): void {
  const known = table.get(name);
  const positions = new Set(known?.positions ?? []);
  let restFrom = known?.restFrom;
  params.forEach((param, index) => {
    if (!param.columnName) return;
    if (param.rest) restFrom = restFrom === undefined ? index : Math.min(restFrom, index);
    else positions.add(index);
  });
  table.set(name, { positions, ...(restFrom === undefined ? {} : { restFrom }) });
}

/**
 * The column-name parameters of every function a declaration module exports, following its
 * `export * from "./..."` re-exports (the client's `functions` namespace is such a module). Read
 * with TypeScript's scanner, token by token: a few dozen small files, at a fraction of a parse's
 * cost, on the first completion that needs them.
 *
 * @example
 * ```ts
 * const table = columnParameters("/.../spark-ts/dist/sql/functions/index.d.ts", (f) => fs.readFileSync(f, "utf8"));
 * takesColumnName(table.get("date_format"), 0); // true
 * takesColumnName(table.get("date_format"), 1); // false
 * ```
 */
export function columnParameters(entry: string, read: DeclarationReader): Map<string, ColumnParameters> {
  const table = new Map<string, ColumnParameters>();
  const seen = new Set<string>();
  const visit = (file: string, text: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
    const scan: Scan = () => scanner.scan();
    const reexports: string[] = [];
    let previous = ts.SyntaxKind.Unknown;
    for (let kind = scan(); kind !== ts.SyntaxKind.EndOfFileToken; previous = kind, kind = scan()) {
      if (kind === ts.SyntaxKind.FunctionKeyword && previous === ts.SyntaxKind.DeclareKeyword) {
        // A function may be named like a contextual keyword (`get`, `from`).
        const named = scan();
        if (named !== ts.SyntaxKind.Identifier && !(named >= ts.SyntaxKind.FirstKeyword && named <= ts.SyntaxKind.LastKeyword)) continue;
        const name = scanner.getTokenText();
        let next = scan();
        if (next === ts.SyntaxKind.LessThanToken) {
          // Type parameters: skipped to their closing `>`.
          for (let depth = 1; depth > 0 && next !== ts.SyntaxKind.EndOfFileToken;) {
            next = scan();
            if (next === ts.SyntaxKind.LessThanToken) depth++;
            else if (next === ts.SyntaxKind.GreaterThanToken) depth--;
          }
          next = scan();
        }
        if (next === ts.SyntaxKind.OpenParenToken) addDeclaration(table, name, readParameters(scanner, scan));
      } else if (kind === ts.SyntaxKind.AsteriskToken && previous === ts.SyntaxKind.ExportKeyword) {
        // `export * from "./x"` (not `export * as name from`).
        if (scan() === ts.SyntaxKind.FromKeyword && scan() === ts.SyntaxKind.StringLiteral) reexports.push(scanner.getTokenValue());
      }
    }
    for (const specifier of reexports) {
      if (!specifier.startsWith(".")) continue;
      const target = resolveDeclaration(read, file, specifier);
      if (target) visit(target.file, target.text);
    }
  };
  const text = read(entry);
  if (text !== undefined) visit(entry, text);
  return table;
}

/** The module a declaration file re-exports as `name` (`export * as functions from "./sql/functions"`). */
export function namespaceExport(text: string, name: string): string | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const pattern = [
    ts.SyntaxKind.ExportKeyword,
    ts.SyntaxKind.AsteriskToken,
    ts.SyntaxKind.AsKeyword,
    ts.SyntaxKind.Identifier,
    ts.SyntaxKind.FromKeyword,
    ts.SyntaxKind.StringLiteral,
  ];
  const recent: { kind: ts.SyntaxKind; value: string }[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    recent.push({ kind, value: scanner.getTokenValue() });
    if (recent.length > pattern.length) recent.shift();
    if (recent.length === pattern.length && pattern.every((k, i) => recent[i].kind === k) && recent[3].value === name)
      return recent[5].value;
  }
  return undefined;
}

/**
 * The client package's manifest, found as this module loads: the kernel loads it at start, before
 * it maps package names for the notebook's cells (packageImport.ts), so Node's own resolution
 * answers.
 */
const CLIENT_MANIFEST = ((): string | undefined => {
  try {
    return require.resolve("spark-ts/package.json");
  } catch {
    return undefined;
  }
})();

let installed: Map<string, ColumnParameters> | undefined;

/**
 * The table for the client package this kernel runs on (its `functions` declarations), read once.
 * Empty when the declarations cannot be found: then no function completes column names.
 */
export function clientColumnParameters(): Map<string, ColumnParameters> {
  if (installed) return installed;
  let entry: string | undefined;
  try {
    const manifest = CLIENT_MANIFEST;
    if (manifest === undefined) throw new Error("the client package is not installed");
    const types = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { types?: string }).types ?? "index.d.ts";
    const index = path.join(path.dirname(manifest), types);
    // The namespace is re-exported from the package's entry: `export * as functions from "./x"`.
    const specifier = namespaceExport(fs.readFileSync(index, "utf8"), "functions");
    entry = specifier === undefined ? undefined : resolveDeclaration(readIfExists, index, specifier)?.file;
  } catch {
    entry = undefined;
  }
  installed = entry ? columnParameters(entry, readIfExists) : new Map();
  return installed;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
