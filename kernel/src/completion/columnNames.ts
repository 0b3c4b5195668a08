// Column names out of a schema, for a partial name: top-level columns, and the fields of a struct
// after its name and a dot (`addr.ci` -> `city`), through arrays of structs as Spark resolves
// them (`items.name` is the `name` of every element).
import { ArrayType, StructType, type DataType, type StructField } from "spark-ts";

/** One completion candidate, with what JupyterLab shows beside it. */
export interface Candidate {
  /** The text that replaces the partial name. */
  readonly text: string;
  /** Its kind: `column`, `table`, `view`, `database`, `function`, `keyword`, `param`. */
  readonly type: string;
  /** A short description: a column's Spark type, a table's type. */
  readonly signature?: string;
}

/** Candidates and the part of the text they replace (offsets in that text). */
export interface Completion {
  readonly start: number;
  readonly end: number;
  readonly candidates: readonly Candidate[];
}

/** Whether `candidate` completes `partial`: it starts with it, letter case aside (Spark's names are case-insensitive). */
export function completes(candidate: string, partial: string): boolean {
  return candidate.toLowerCase().startsWith(partial.toLowerCase());
}

/** Splits a column path at its dots, keeping dots inside backticks (`` `a.b`.c `` is two parts). */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === "`") {
      if (quoted && path[i + 1] === "`") {
        current += "`";
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (ch === "." && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** The struct a field's values are, seen through arrays (Spark reads `arr.f` as the `f` of each element). */
function structOf(type: DataType): StructType | undefined {
  let inner = type;
  while (inner instanceof ArrayType) inner = inner.elementType;
  return inner instanceof StructType ? inner : undefined;
}

/** The field of `struct` named `name`: the exact name first, then letter case aside. */
export function fieldNamed(struct: StructType, name: string): StructField | undefined {
  return struct.fields.find((f) => f.name === name) ?? struct.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
}

/** The fields reached by following `path` (names of structs) from `schema`; undefined when it leads nowhere. */
export function fieldsAt(schema: StructType, path: readonly string[]): readonly StructField[] | undefined {
  let struct: StructType | undefined = schema;
  for (const name of path) {
    const field: StructField | undefined = struct && fieldNamed(struct, name);
    struct = field && structOf(field.dataType);
    if (!struct) return undefined;
  }
  return struct.fields;
}

/** A name as a column string spells it: backticks only when it holds a dot (or a backtick), which would split it. */
export function quoteForPath(name: string): string {
  return /[.`]/.test(name) ? "`" + name.replace(/`/g, "``") + "`" : name;
}

/** The candidates for the fields in `fields` that complete `partial`, in schema order. */
export function fieldCandidates(fields: readonly StructField[], partial: string, quote: (name: string) => string): Candidate[] {
  return fields
    .filter((f) => completes(f.name, partial))
    .map((f) => ({ text: quote(f.name), type: "column", signature: f.dataType.simpleString() }));
}

/**
 * Completes a column-name string (`col("addr.ci`): `text` is the string's text, `cursor` the
 * cursor in it. The name under the cursor is replaced (up to the next dot), never the quotes.
 *
 * @example
 * ```ts
 * columnNameCompletion(schema, "addr.ci", 7);
 * // { start: 5, end: 7, candidates: [{ text: "city", type: "column", signature: "string" }] }
 * ```
 */
export function columnNameCompletion(schema: StructType, text: string, cursor: number): Completion {
  const before = text.slice(0, cursor);
  const path = splitPath(before);
  const partial = path.pop()!;
  // The partial name starts after the last dot outside backticks (an opening backtick is replaced too).
  const start = lastUnquotedDot(before) + 1;
  const after = text.slice(cursor);
  const nextDot = after.indexOf(".");
  const end = cursor + (nextDot < 0 ? after.length : nextDot);
  const fields = fieldsAt(schema, path);
  return { start, end, candidates: fields ? fieldCandidates(fields, partial, quoteForPath) : [] };
}

function lastUnquotedDot(text: string): number {
  let quoted = false;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "`") quoted = !quoted;
    else if (text[i] === "." && !quoted) last = i;
  }
  return last;
}
