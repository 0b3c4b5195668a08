import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "mocha";
import ts from "typescript";

// Every public method, getter and static of the user API's classes documents itself with an
// `@example` whose code shows what it produces (the rows, show()'s table, the SQL it means) in a
// `//` comment, as Kysely's docs do: an editor's hover and the kernel's inspect show that example.

const root = path.resolve(__dirname, "..", "..", "..");

const FILES = [
  "src/sql/dataframe.ts",
  "src/sql/column.ts",
  "src/sql/grouping.ts",
  "src/sql/na.ts",
  "src/sql/stat.ts",
  "src/sql/window.ts",
  "src/sql/session.ts",
  "src/sql/catalog.ts",
  "src/sql/conf.ts",
  "src/sql/io/reader.ts",
  "src/sql/io/writer.ts",
  "src/sql/io/mergeIntoWriter.ts",
  "src/sql/streaming/reader.ts",
  "src/sql/streaming/writer.ts",
  "src/sql/streaming/query.ts",
];

type Member = ts.MethodDeclaration | ts.AccessorDeclaration;

/** The text of the doc comment closest to a declaration, without its `/**`, `*\/` and leading `*`s; `undefined` without one. */
function docText(node: ts.Node, source: ts.SourceFile): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  if (!doc) return undefined;
  return source.text
    .slice(doc.getStart(source), doc.end)
    .replace(/^\/\*\*/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((line) => line.replace(/^\s*\*( |$)/, ""))
    .join("\n");
}

/** A doc comment's block tags, each with its text; a `@` inside a code fence starts no tag. */
function blockTags(doc: string): { name: string; text: string }[] {
  const tags: { name: string; text: string }[] = [];
  let inFence = false;
  for (const line of doc.split("\n")) {
    const tag = inFence ? null : /^\s*@(\w+)(.*)$/.exec(line);
    if (tag) tags.push({ name: tag[1], text: tag[2] });
    else if (tags.length > 0) tags[tags.length - 1].text += `\n${line}`;
    if (/^\s*```/.test(line)) inFence = !inFence;
  }
  return tags;
}

/**
 * Whether some fenced code block of an example holds a `//` comment (a real one: not `sc://` in a
 * string, nor `//` in a template literal's text): the comments the parser attaches to the code's nodes.
 */
function showsResult(example: string): boolean {
  const blocks = [...example.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map(([, code]) => code);
  return blocks.some((code) => {
    const file = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, true);
    const lineComment = (ranges: ts.CommentRange[] | undefined) =>
      ranges?.some((r) => r.kind === ts.SyntaxKind.SingleLineCommentTrivia) ?? false;
    const visit = (node: ts.Node): boolean =>
      lineComment(ts.getLeadingCommentRanges(code, node.getFullStart())) ||
      lineComment(ts.getTrailingCommentRanges(code, node.getEnd())) ||
      (ts.forEachChild(node, (child) => visit(child) || undefined) ?? false);
    return visit(file);
  });
}

function isExported(node: ts.ClassDeclaration): boolean {
  return (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isPublic(member: Member): boolean {
  if (ts.isPrivateIdentifier(member.name)) return false;
  const flags = ts.getCombinedModifierFlags(member);
  return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
}

const isStatic = (member: Member) => (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;

/**
 * What is missing from the docs of one source file's exported classes: one line per public
 * method, getter or static without an `@example`, or with an example that shows no result,
 * as `file:line Class.member: problem`. Overloads are one member, documented on their first
 * signature (the one an editor shows); a getter and its setter are one member too.
 */
function missingExamples(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name || !isExported(statement)) continue;
    const classDoc = docText(statement, source);
    if (classDoc && blockTags(classDoc).some((t) => t.name === "internal")) continue;
    const groups = new Map<string, Member[]>();
    for (const member of statement.members) {
      if (!(ts.isMethodDeclaration(member) || ts.isGetAccessor(member) || ts.isSetAccessor(member)) || !isPublic(member)) continue;
      const key = `${isStatic(member) ? "static " : ""}${member.name.getText(source)}`;
      groups.set(key, [...(groups.get(key) ?? []), member]);
    }
    for (const declarations of groups.values()) {
      const [first] = declarations;
      // An accessor pair may carry its doc on either half; overloads carry it on the first signature.
      const documented = ts.isMethodDeclaration(first) ? first : (declarations.find((d) => docText(d, source)) ?? first);
      const tags = blockTags(docText(documented, source) ?? "");
      if (declarations.some((d) => blockTags(docText(d, source) ?? "").some((t) => t.name === "internal"))) continue;
      const line = source.getLineAndCharacterOfPosition(documented.getStart(source)).line + 1;
      const where = `${fileName}:${line} ${statement.name.text}.${first.name.getText(source)}`;
      const examples = tags.filter((t) => t.name === "example");
      const problem =
        examples.length === 0
          ? "no @example"
          : examples.every((e) => showsResult(e.text))
            ? undefined
            : "an @example whose code shows no result in a // comment";
      if (problem) problems.push(`${where}: ${problem}`);
    }
  }
  return problems;
}

describe("TSDoc examples of the public API", () => {
  for (const file of FILES) {
    it(`${file}: every public method, getter and static has an @example whose code shows its result`, () => {
      const problems = missingExamples(file, fs.readFileSync(path.join(root, file), "utf8"));
      expect(problems, `${problems.length} member(s) of ${file} without a shown example:\n${problems.join("\n")}\n`).to.deep.equal([]);
    });
  }

  describe("the check itself", () => {
    const planted = [
      "/** A class. */",
      "export class Planted {", // line 2
      "  constructor(readonly x: number) {}",
      "  bare(): number { return 1; }", // line 4
      "  /** Documented, without an example. */",
      "  described(): number { return 1; }", // line 6
      "  /**",
      "   * An example without a result.",
      "   *",
      "   * @example",
      "   * ```ts",
      '   * planted.silent("sc://host");',
      "   * ```",
      "   */",
      "  silent(url: string): string { return url; }", // line 15: the `//` in a string does not count
      "  /**",
      "   * Shows its result.",
      "   *",
      "   * @example",
      "   * ```ts",
      "   * planted.shown(); // 1",
      "   * ```",
      "   */",
      "  shown(): number { return 1; }",
      "  static make(): Planted { return new Planted(1); }", // line 25
      "  get size(): number { return 1; }", // line 26
      "  set size(_: number) {}",
      "  /**",
      "   * Overloads documented on the first signature.",
      "   *",
      "   * @example",
      "   * ```ts",
      "   * planted.over(1); // 1",
      "   * ```",
      "   */",
      "  over(a: number): number;",
      "  over(a: string): string;",
      "  over(a: number | string): number | string { return a; }",
      "  plain(a: number): number;", // line 39: overloads without examples fail once
      "  plain(a: string): string;",
      "  plain(a: number | string): number | string { return a; }",
      "  /**",
      "   * A code block whose only `//` is inside a fence of prose, not code.",
      "   * @example",
      "   * planted.prose(); // not in a code block",
      "   */",
      "  prose(): number { return 1; }", // line 47
      "  /** @internal */",
      "  hidden(): number { return 1; }",
      "  private secret(): number { return 1; }",
      "  protected inherited(): number { return 1; }",
      "  #own(): number { return 1; }",
      "  [Symbol.iterator](): Iterator<number> { return [1][Symbol.iterator](); }", // line 53
      "}",
      "class NotExported { bare(): number { return 1; } }",
      "/** @internal */",
      "export class Hidden { bare(): number { return 1; } }",
    ].join("\n");

    it("names every public member without an example, and every example without a result, by file, line, class and member", () => {
      expect(missingExamples("planted.ts", planted)).to.deep.equal([
        "planted.ts:4 Planted.bare: no @example",
        "planted.ts:6 Planted.described: no @example",
        "planted.ts:15 Planted.silent: an @example whose code shows no result in a // comment",
        "planted.ts:25 Planted.make: no @example",
        "planted.ts:26 Planted.size: no @example",
        "planted.ts:39 Planted.plain: no @example",
        "planted.ts:47 Planted.prose: an @example whose code shows no result in a // comment",
        "planted.ts:53 Planted.[Symbol.iterator]: no @example",
      ]);
    });

    it("counts a result comment after a template literal, and no `//` inside one", () => {
      const templated = (code: string) =>
        ["export class T {", "  /**", "   * @example", "   * ```ts", `   * ${code}`, "   * ```", "   */", "  t(): void {}", "}"].join("\n");
      expect(missingExamples("t.ts", templated('const url = `sc://${host}:15002`; // "sc://h:15002"'))).to.deep.equal([]);
      expect(missingExamples("t.ts", templated("const url = `sc://${host}:15002 // not a comment`;"))).to.deep.equal([
        "t.ts:8 T.t: an @example whose code shows no result in a // comment",
      ]);
    });

    it("passes a class whose every public member shows its result", () => {
      const documented = [
        "export class Good {",
        "  /**",
        "   * @example",
        "   * ```ts",
        "   * good.one(); // 1",
        "   * ```",
        "   */",
        "  one(): number { return 1; }",
        "  /**",
        "   * Two examples, both with results.",
        "   *",
        "   * @example",
        "   * ```ts",
        "   * await good.size; // 2",
        "   * ```",
        "   * @example",
        "   * ```ts",
        "   * @sealed class Sized {} // a line of code that starts with @ starts no tag",
        "   * ```",
        "   */",
        "  get size(): number { return 2; }",
        "}",
      ].join("\n");
      expect(missingExamples("good.ts", documented)).to.deep.equal([]);
    });
  });
});
