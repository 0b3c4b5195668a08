// Where the cursor is in a cell, read with TypeScript's parser and never run: the string literal
// it is in, the call that string is an argument of, the receiver chain of that call, and the
// calls around it. Which of these names a DataFrame (or the functions namespace) is decided
// later, from the kernel's live variables (see completer.ts).
import * as ts from "@tslab/typescript-for-tslab";

/** One step of a receiver chain after its root: a member read, or a member called (with its first argument when that is a string literal). */
export interface ChainStep {
  readonly name: string;
  readonly called: boolean;
  readonly firstString?: string;
}

/** What a call is made on: `df.groupBy("a")` is the root `df` and the step `groupBy("a")`. */
export interface ReceiverChain {
  /** The identifier the chain starts from. */
  readonly root: string;
  readonly steps: readonly ChainStep[];
}

/** A call, as the code writes it. */
export interface CallSite {
  /** The function or method called: `select`, `sum`, `col`. */
  readonly name: string;
  /** What the method is called on; absent for a plain function call (`col("x")`). */
  readonly receiver?: ReceiverChain;
}

/** A call one of whose arguments holds the cursor. */
export interface CallAtCursor extends CallSite {
  /** The argument's position. */
  readonly argIndex: number;
  /** The string is an element of an array literal passed as that argument (`dropDuplicates(["a", "b"])`). */
  readonly inArray: boolean;
}

/** A string literal holding the cursor, and the calls it stands in. */
export interface StringAtCursor {
  /** The literal's text as written, without its quotes. */
  readonly text: string;
  /** The cell offset of the text's first character (just after the opening quote). */
  readonly start: number;
  /** The cursor's offset in `text`. */
  readonly cursor: number;
  /** The call the literal is an argument of. */
  readonly call: CallAtCursor;
  /** The calls that call is itself an argument of, innermost first (`df.agg(F.sum("x"))`: `agg`). */
  readonly enclosing: readonly CallSite[];
}

/** An identifier at the cursor: a name alone, or the member read on a receiver (`F.sum`). */
export interface NameAtCursor {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** For `a.b.name`, the chain `a.b`. */
  readonly receiver?: ReceiverChain;
}

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/**
 * The deepest node whose text holds `position`: one that starts before it and ends at or after
 * it, else one that starts right at it (the end-of-file token must not win over a string the
 * cursor ends).
 */
function nodeAt(file: ts.SourceFile, position: number): ts.Node {
  let node: ts.Node = file;
  for (;;) {
    let inside: ts.Node | undefined;
    let startingHere: ts.Node | undefined;
    ts.forEachChild(node, (child) => {
      const start = child.getStart(file);
      if (start < position && position <= child.end) inside ??= child;
      else if (start === position && position <= child.end) startingHere ??= child;
    });
    const next = inside ?? startingHere;
    if (!next) return node;
    node = next;
  }
}

function isStringLike(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** The receiver chain of an expression, when it is made of member reads and calls on an identifier. */
export function receiverChain(expression: ts.Expression): ReceiverChain | undefined {
  const steps: ChainStep[] = [];
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) {
      node = node.expression;
    } else if (ts.isIdentifier(node)) {
      return { root: node.text, steps: steps.reverse() };
    } else if (ts.isPropertyAccessExpression(node)) {
      steps.push({ name: node.name.text, called: false });
      node = node.expression;
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const first = node.arguments[0];
      const firstString = first && isStringLike(first) ? first.text : undefined;
      steps.push({ name: node.expression.name.text, called: true, ...(firstString === undefined ? {} : { firstString }) });
      node = node.expression.expression;
    } else {
      return undefined;
    }
  }
}

/** The call `node` is the callee-side of, as a {@link CallSite} (a method on a chain, or a plain function). */
function callSite(call: ts.CallExpression): CallSite | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return { name: callee.text };
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = receiverChain(callee.expression);
    return receiver ? { name: callee.name.text, receiver } : undefined;
  }
  return undefined;
}

/** Whether `node` is one of `call`'s arguments (or inside one), rather than inside its callee. */
function inArguments(call: ts.CallExpression, node: ts.Node): boolean {
  return call.arguments.some((arg) => arg.getStart() <= node.getStart() && node.end <= arg.end);
}

/** The calls around `node` whose arguments hold it, innermost first. */
function enclosingCalls(node: ts.Node): CallSite[] {
  const calls: CallSite[] = [];
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isCallExpression(parent) && inArguments(parent, node)) {
      const site = callSite(parent);
      if (site) calls.push(site);
    }
  }
  return calls;
}

/**
 * The string literal holding the cursor, when it is an argument of a call (or an element of an
 * array literal that is one). The cursor must be inside the quotes; in an unterminated literal
 * (`df.select("re`) the end of the line counts as inside.
 *
 * @example
 * ```ts
 * stringAtCursor('df.groupBy("region").agg(F.sum("am', 34);
 * // { text: "am", start: 32, cursor: 2, call: { name: "sum", receiver: { root: "F", steps: [] }, argIndex: 0, inArray: false },
 * //   enclosing: [{ name: "agg", receiver: { root: "df", steps: [{ name: "groupBy", called: true, firstString: "region" }] } }] }
 * ```
 */
export function stringAtCursor(code: string, cursor: number): StringAtCursor | undefined {
  const file = parse(code);
  const literal = nodeAt(file, cursor);
  if (!isStringLike(literal)) return undefined;
  const start = literal.getStart(file) + 1;
  const unterminated = (literal as ts.LiteralLikeNode).isUnterminated === true;
  const end = unterminated ? literal.end : literal.end - 1;
  if (cursor < start || cursor > end) return undefined;
  let argument: ts.Node = literal;
  let inArray = false;
  if (ts.isArrayLiteralExpression(literal.parent)) {
    argument = literal.parent;
    inArray = true;
  }
  const call = argument.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const argIndex = call.arguments.indexOf(argument as ts.Expression);
  const site = argIndex < 0 ? undefined : callSite(call);
  if (!site) return undefined;
  return {
    text: code.slice(start, end),
    start,
    cursor: cursor - start,
    call: { ...site, argIndex, inArray },
    enclosing: enclosingCalls(call),
  };
}

/**
 * The identifier at the cursor (the cursor in it or just after it), with the chain it is read
 * on, for inspection: `F.su|m` and `F.sum|` are both `sum` on `F`.
 *
 * @example
 * ```ts
 * nameAtCursor("F.sum(\"x\")", 5); // { name: "sum", start: 2, end: 5, receiver: { root: "F", steps: [] } }
 * ```
 */
export function nameAtCursor(code: string, cursor: number): NameAtCursor | undefined {
  const file = parse(code);
  let node: ts.Node = nodeAt(file, cursor);
  if (!ts.isIdentifier(node)) {
    // Just after a name, the deepest node may be the expression the name ends.
    const before = cursor > 0 ? nodeAt(file, cursor - 1) : undefined;
    if (!before || !ts.isIdentifier(before)) return undefined;
    node = before;
  }
  const identifier = node as ts.Identifier;
  const start = identifier.getStart(file);
  const parent = identifier.parent;
  const receiver =
    parent && ts.isPropertyAccessExpression(parent) && parent.name === identifier ? receiverChain(parent.expression) : undefined;
  return { name: identifier.text, start, end: identifier.end, ...(receiver ? { receiver } : {}) };
}
