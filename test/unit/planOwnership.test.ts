// src/sql/plan/ is the one place that builds plan nodes (ARCHITECTURE.md, "src/sql/plan/"): the
// rest of the client calls its factories. Every source file of src/ is read here with TypeScript's
// parser, and code outside src/sql/plan/ that writes a plan node fails the test, named by file and
// line. What a plan node is comes from the generated protocol code (src/gen/): the oneofs of the
// messages plans are made of (relations, expressions, commands, the catalog, ML and pipelines),
// and, of the plan itself, the choice between a relation and a command.
import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "mocha";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const SRC = path.join(ROOT, "src");
const PROTOCOL = path.join(SRC, "gen", "spark", "connect");
const OWNER = "src/sql/plan/";

/** The generated files whose messages make up plans; their oneofs' cases are plan nodes. */
const PLAN_FILES = ["relations.ts", "expressions.ts", "commands.ts", "catalog.ts", "ml.ts", "ml_common.ts", "pipelines.ts"];

/** Of the other files' messages, the one that is part of a plan: a plan is a relation or a command. */
const PLAN_MESSAGES_ELSEWHERE = ["Plan"];

/**
 * The fields that hold a node's kind (a relation's, an expression's, a literal's, a command's, a
 * catalog call's): an object literal with one of them is a node's body, whatever its value.
 */
const NODE_FIELDS = ["relType", "exprType", "literalType", "commandType", "catType"];

/** Files outside src/sql/plan/ that may write plan nodes, and why. Each must still need it. */
const EXEMPT: Readonly<Record<string, string>> = {
  "src/connect/protocolChanges.ts":
    "the wire rewrites a request's node in the older words a server before 4.1 reads (lit([]) as array()); connect may not import sql",
};

/** A oneof field of a generated message: where it is, and its cases. */
interface Oneof {
  readonly message: string;
  readonly field: string;
  readonly cases: readonly string[];
  readonly partOfPlans: boolean;
}

/** Responses and results come from the server: the client reads them and never writes one. */
const isResponse = (message: string) => /(Response|Result)(_|$)/.test(message);

function oneofsOf(file: string): Oneof[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(PROTOCOL, file), "utf8"), ts.ScriptTarget.Latest, true);
  const oneofs: Oneof[] = [];
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || isResponse(statement.name.text)) continue;
    const message = statement.name.text;
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const cases: string[] = [];
      const visit = (node: ts.Node): void => {
        if (
          ts.isPropertySignature(node) &&
          node.name.getText(source) === "$case" &&
          node.type &&
          ts.isLiteralTypeNode(node.type) &&
          ts.isStringLiteral(node.type.literal)
        ) {
          cases.push(node.type.literal.text);
        }
        node.forEachChild(visit);
      };
      visit(member.type);
      const partOfPlans = PLAN_FILES.includes(file) || PLAN_MESSAGES_ELSEWHERE.includes(message);
      if (cases.length > 0) oneofs.push({ message, field: member.name.getText(source), cases, partOfPlans });
    }
  }
  return oneofs;
}

/** What the protocol says a plan node is, as the checks below use it. */
interface PlanVocabulary {
  /** Each case of a plan oneof, with the oneofs (`Relation.relType`) it is a case of. */
  readonly planCases: ReadonlyMap<string, readonly string[]>;
  /** Cases that are also cases of another oneof (a DataType's `integer`, AnalyzePlan's `explain`). */
  readonly ambiguous: ReadonlySet<string>;
  /** Oneof fields only plan messages have (`relType`, `literalType`, `castToType`, ...). */
  readonly planFields: ReadonlySet<string>;
}

function planVocabulary(): PlanVocabulary {
  const oneofs = fs
    .readdirSync(PROTOCOL)
    .filter((f) => f.endsWith(".ts"))
    .flatMap(oneofsOf);
  const planCases = new Map<string, string[]>();
  const otherCases = new Set<string>();
  const otherFields = new Set<string>();
  for (const { message, field, cases, partOfPlans } of oneofs) {
    if (!partOfPlans) {
      cases.forEach((c) => otherCases.add(c));
      otherFields.add(field);
      continue;
    }
    for (const c of cases) planCases.set(c, [...(planCases.get(c) ?? []), `${message}.${field}`]);
  }
  const planFields = new Set(oneofs.filter((o) => o.partOfPlans && !otherFields.has(o.field)).map((o) => o.field));
  return { planCases, ambiguous: new Set([...planCases.keys()].filter((c) => otherCases.has(c))), planFields };
}

const VOCABULARY = planVocabulary();

/**
 * Where `text` (the source of `file`, a path relative to the repository) writes a plan node, as
 * `file:line: what`: an object literal whose `$case` is a plan oneof's case (a case other oneofs
 * have too counts when the literal is the value of a field only plan messages have), or an object
 * literal that holds a node's kind field ({@link NODE_FIELDS}).
 */
function planNodesIn(file: string, text: string, vocabulary: PlanVocabulary = VOCABULARY): string[] {
  // Most files name none of these: they are not parsed (parsing every file takes seconds).
  if (!text.includes("$case") && !NODE_FIELDS.some((field) => text.includes(field))) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const propertyName = (p: ts.ObjectLiteralElementLike) =>
    p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        const name = propertyName(property);
        if (name === "$case" && ts.isPropertyAssignment(property) && ts.isStringLiteralLike(property.initializer)) {
          const kind = property.initializer.text;
          const oneofs = vocabulary.planCases.get(kind);
          const parent = node.parent;
          const fieldOfPlan = ts.isPropertyAssignment(parent) && vocabulary.planFields.has(propertyName(parent) ?? "");
          if (oneofs && (!vocabulary.ambiguous.has(kind) || fieldOfPlan))
            found.push(`${at(property)}: $case "${kind}" (${oneofs.join(", ")})`);
        } else if (name !== undefined && NODE_FIELDS.includes(name)) {
          found.push(`${at(property)}: a node's ${name}`);
        }
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "gen" && dir === SRC ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

let outsideOwner: Map<string, string[]> | undefined;

/** Every plan node written outside src/sql/plan/, by file (relative, with forward slashes); read once. */
function planNodesOutsideOwner(): Map<string, string[]> {
  if (outsideOwner) return outsideOwner;
  const byFile = new Map<string, string[]>();
  for (const file of sourceFiles(SRC).map(relative)) {
    if (file.startsWith(OWNER)) continue;
    const found = planNodesIn(file, fs.readFileSync(path.join(ROOT, file), "utf8"));
    if (found.length > 0) byFile.set(file, found);
  }
  outsideOwner = byFile;
  return byFile;
}

describe("plan nodes are built in src/sql/plan/ only", () => {
  it("reads what a plan node is from the generated protocol code", () => {
    expect(VOCABULARY.planCases.get("filter")).to.deep.equal(["Relation.relType"]);
    expect(VOCABULARY.planCases.get("unresolvedFunction")).to.deep.equal(["Expression.exprType"]);
    expect(VOCABULARY.planCases.get("writeOperation")).to.deep.equal(["Command.commandType"]);
    expect(VOCABULARY.planCases.get("listTables")).to.deep.equal(["Catalog.catType"]);
    expect(VOCABULARY.planCases.get("root")).to.deep.equal(["Plan.opType"]);
    // A DataType's kinds and the AnalyzePlan request's cases are not plan nodes, but share names with some.
    expect([...VOCABULARY.ambiguous]).to.include.members(["integer", "string", "explain"]);
    expect(VOCABULARY.planCases.has("getOption"), "a Config operation").to.equal(false);
    expect([...VOCABULARY.planFields]).to.include.members(["relType", "exprType", "literalType", "castToType"]);
  });

  it("finds none written outside src/sql/plan/, but in the exempted files", () => {
    const outside = planNodesOutsideOwner();
    const unexpected = [...outside].filter(([file]) => !(file in EXEMPT)).flatMap(([, found]) => found);
    expect(unexpected, "plan nodes built outside src/sql/plan/: call a factory of src/sql/plan/ (or add one there)").to.deep.equal([]);
  });

  it("exempts only files that exist and still write a plan node", () => {
    const outside = planNodesOutsideOwner();
    const stale = Object.keys(EXEMPT).filter((file) => !outside.has(file));
    expect(stale, "exemptions to remove from EXEMPT").to.deep.equal([]);
  });

  it("catches a relation, an expression, a literal and a command planted in a file outside it, by file and line", () => {
    const planted = [
      'import { relation } from "./plan/relation";',
      "export const filtered = (input: Relation, condition: Expression) =>",
      '  relation({ $case: "filter", filter: { input, condition } });',
      'export const one = { exprType: { $case: "literal", literal: { literalType: { $case: "integer", integer: 1 } } } };',
      'export const run = (input: Relation) => ({ $case: "createDataframeView", createDataframeView: { input, name: "v", isGlobal: false, replace: true } });',
    ].join("\n");
    expect(planNodesIn("src/sql/planted.ts", planted)).to.deep.equal([
      'src/sql/planted.ts:3: $case "filter" (Relation.relType)',
      "src/sql/planted.ts:4: a node's exprType",
      'src/sql/planted.ts:4: $case "literal" (Expression.exprType)',
      "src/sql/planted.ts:4: a node's literalType",
      'src/sql/planted.ts:4: $case "integer" (Expression_Literal.literalType)',
      'src/sql/planted.ts:5: $case "createDataframeView" (Command.commandType)',
    ]);
  });

  it("leaves data types, requests and comments alone", () => {
    const other = [
      '/** e.g. relation({ $case: "filter", filter: {} }) in a comment */',
      'export const type = () => ({ $case: "integer", integer: { typeVariationReference: 0 } });',
      'export const explain = (client: Client, plan: Plan) => client.analyze({ $case: "explain", explain: { plan, explainMode: 1 } });',
      'export const conf = (client: Client) => client.config({ $case: "getOption", getOption: { keys: ["a"] } });',
      'export const isFilter = (r: Relation) => r.relType?.$case === "filter";',
    ].join("\n");
    expect(planNodesIn("src/sql/other.ts", other)).to.deep.equal([]);
  });
});
