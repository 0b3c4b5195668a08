// A column's Spark type name (`array<interval day>`, as Spark's simpleString writes it) split
// along its Arrow type: Arrow carries the shape of a value but not all of its Spark type (a
// day-time interval is an Arrow duration whatever its start and end fields), and a value's text
// depends on the rest. The Arrow type guides the reading, so a struct field's name is matched
// whole, whatever characters it holds.
import { DataType, type Field } from "apache-arrow";

/** A Spark type name split along its Arrow type: a node per Arrow node, its text and its children's. */
export interface SparkTypeTree {
  /** The Spark type name of this node, as written (`interval day`, `array<int>`, `decimal(10,2)`). */
  readonly name: string;
  /** An array's element; a map's key and value; a struct's fields in order; none for the rest. */
  readonly children: readonly SparkTypeTree[];
}

/** Where reading stopped, or `undefined` where the text does not follow the Arrow type. */
type Read = { readonly tree: SparkTypeTree; readonly end: number } | undefined;

// Leaf type names hold no `,` or `>` outside parentheses (`decimal(10,2)`, `string collate UTF8_LCASE`).
function readLeaf(text: string, start: number): Read {
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && (c === "," || c === ">")) break;
  }
  return end === start ? undefined : { tree: { name: text.slice(start, end), children: [] }, end };
}

/** Where `literal` ends when the text has it at `at`, else `undefined`. */
function past(text: string, at: number | undefined, literal: string): number | undefined {
  return at !== undefined && text.startsWith(literal, at) ? at + literal.length : undefined;
}

/** Reads `children` one after the other, each after `before(i)`; the children's trees and where they end. */
function readChildren(
  text: string,
  at: number | undefined,
  children: readonly Field[],
  before: (i: number) => string,
): { trees: SparkTypeTree[]; end: number } | undefined {
  const trees: SparkTypeTree[] = [];
  for (let i = 0; i < children.length; i++) {
    const read = readType(children[i].type as DataType, text, past(text, at, before(i)));
    if (read === undefined) return undefined;
    trees.push(read.tree);
    at = read.end;
  }
  return at === undefined ? undefined : { trees, end: at };
}

function readType(type: DataType, text: string, start: number | undefined): Read {
  if (start === undefined) return undefined;
  let opened: { prefix: string; children: readonly Field[]; before: (i: number) => string } | undefined;
  if (DataType.isList(type) || DataType.isLargeList(type) || DataType.isFixedSizeList(type)) {
    opened = { prefix: "array<", children: type.children, before: () => "" };
  } else if (DataType.isMap(type)) {
    opened = { prefix: "map<", children: type.children[0].type.children, before: (i) => (i === 0 ? "" : ",") };
  } else if (DataType.isStruct(type) && text.startsWith("struct<", start)) {
    // A variant is an Arrow struct too; it reads as the leaf `variant`.
    const fields = type.children;
    opened = { prefix: "struct<", children: fields, before: (i) => `${i === 0 ? "" : ","}${fields[i].name}:` };
  }
  if (opened === undefined) return readLeaf(text, start);
  const read = readChildren(text, past(text, start, opened.prefix), opened.children, opened.before);
  const end = past(text, read?.end, ">");
  if (read === undefined || end === undefined) return undefined;
  return { tree: { name: text.slice(start, end), children: read.trees }, end };
}

/**
 * The Spark type name `name` split along the Arrow type `type`, or `undefined` when the name does
 * not have the type's shape (a user-defined type, say): the caller then knows only the Arrow type.
 *
 * @example
 * ```ts
 * sparkTypeTree(new List(new Field("element", new Duration(TimeUnit.MICROSECOND))), "array<interval day>");
 * // { name: "array<interval day>", children: [{ name: "interval day", children: [] }] }
 * ```
 */
export function sparkTypeTree(type: DataType, name: string): SparkTypeTree | undefined {
  const read = readType(type, name, 0);
  return read !== undefined && read.end === name.length ? read.tree : undefined;
}
