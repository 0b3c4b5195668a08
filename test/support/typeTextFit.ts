// Whether JS values fit TypeScript type text, read with the TypeScript parser: the check of the
// interfaces rowInterface writes against the rows a real server sends. It knows the type forms
// rowInterface writes (keywords, null, unions, arrays, Map, Uint8Array, Record<string, never>,
// object types, this package's classes) and refuses any other, so a new form cannot pass unchecked.
import ts from "typescript";
import * as sparkTs from "../../src";

/** The properties of the interface `name` declared in `source`, each with its type node. */
export function interfaceProperties(source: string, name: string): Map<string, ts.TypeNode> {
  const file = ts.createSourceFile("generated.ts", source, ts.ScriptTarget.Latest, true);
  const declaration = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!declaration) throw new Error(`no interface ${name} in the text`);
  return properties(declaration.members);
}

function properties(members: ts.NodeArray<ts.TypeElement>): Map<string, ts.TypeNode> {
  const found = new Map<string, ts.TypeNode>();
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) throw new Error(`not a property with a type: ${member.getText()}`);
    if (!(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)))
      throw new Error(`a property name of an unknown form: ${member.name.getText()}`);
    found.set(member.name.text, member.type);
  }
  return found;
}

/** Why `value` does not fit the type `node`, or `undefined` when it does; `at` names where the value is. */
export function misfit(value: unknown, node: ts.TypeNode, at: string): string | undefined {
  const wrong = (expected: string) => `${at}: ${describe(value)} is not ${expected}`;
  if (ts.isParenthesizedTypeNode(node)) return misfit(value, node.type, at);
  if (ts.isUnionTypeNode(node)) {
    const reasons = node.types.map((member) => misfit(value, member, at));
    return reasons.includes(undefined) ? undefined : reasons.join("; and ");
  }
  if (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword) return value === null ? undefined : wrong("null");
  const keyword = KEYWORDS.get(node.kind);
  if (keyword) return typeof value === keyword ? undefined : wrong(keyword);
  if (ts.isArrayTypeNode(node)) {
    if (!Array.isArray(value)) return wrong("an array");
    return value.map((element, i) => misfit(element, node.elementType, `${at}[${i}]`)).find((reason) => reason !== undefined);
  }
  if (ts.isTypeLiteralNode(node)) {
    if (!isPlainObject(value)) return wrong("a plain object");
    const props = properties(node.members);
    const keys = Object.keys(value);
    if (keys.length !== props.size || !keys.every((key) => props.has(key)))
      return `${at}: keys ${JSON.stringify(keys)} are not ${JSON.stringify([...props.keys()])}`;
    return [...props].map(([key, type]) => misfit(value[key], type, `${at}.${key}`)).find((reason) => reason !== undefined);
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text;
    const args = node.typeArguments ?? [];
    if (name === "Map" && args.length === 2) {
      if (!(value instanceof Map)) return wrong("a Map");
      for (const [key, entry] of value) {
        const reason = misfit(key, args[0], `${at} key`) ?? misfit(entry, args[1], `${at}.get(${String(key)})`);
        if (reason) return reason;
      }
      return undefined;
    }
    if (name === "Record" && args.map((a) => a.getText()).join(",") === "string,never") {
      return isPlainObject(value) && Object.keys(value).length === 0 ? undefined : wrong("an empty plain object");
    }
    if (name === "Uint8Array") return value instanceof Uint8Array ? undefined : wrong("a Uint8Array");
    // Any value of the client's: the type of what the client cannot name more precisely.
    if (name === "SparkValue") return undefined;
    const exported = (sparkTs as Record<string, unknown>)[name];
    if (typeof exported === "function" && args.length === 0) return value instanceof exported ? undefined : wrong(`a ${name}`);
  }
  throw new Error(`${at}: a type form the check does not know: ${node.getText()}`);
}

const KEYWORDS = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.BooleanKeyword, "boolean"],
  [ts.SyntaxKind.NumberKeyword, "number"],
  [ts.SyntaxKind.StringKeyword, "string"],
  [ts.SyntaxKind.BigIntKeyword, "bigint"],
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
    case "number":
    case "bigint":
    case "boolean":
    case "undefined":
      return `${typeof value} ${String(value)}`;
    case "object":
      return value === null ? "null" : `a ${value.constructor?.name ?? "object"}`;
    default:
      return `a ${typeof value}`;
  }
}
