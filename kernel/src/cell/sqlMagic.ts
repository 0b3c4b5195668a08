// `%%sql` cells: the body runs as Spark SQL through the preloaded `spark`, and its DataFrame shows
// as a table. The cell becomes ordinary TypeScript, so it is type-checked and run like any cell:
// the SQL text is one string literal and parameters are passed as values, never spliced into it.
import { parseArgs } from "node:util";

/** What a `%%sql` magic line asked for. */
export interface SqlMagic {
  /** The variable the DataFrame is bound to for later cells (`%%sql adults`). */
  readonly name?: string;
  /** Variables bound to the query's `:name` markers (`%%sql :min_age :country`). */
  readonly params: readonly string[];
  /** Rows to show instead of the kernel's setting (`--max-rows 50`). */
  readonly maxRows?: number;
  /** The SQL text. */
  readonly query: string;
}

/** A `%%sql` cell that cannot be run, with the reason. */
export class SqlMagicError extends Error {
  override readonly name = "SqlMagicError";
}

const MAGIC = /^%%sql(?=\s|$)/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Whether the cell is a `%%sql` cell. */
export function isSqlMagic(code: string): boolean {
  return MAGIC.test(code.trimStart());
}

/**
 * Reads a `%%sql` cell: `%%sql [name] [:param ...] [--max-rows N]` on the first line, SQL below.
 *
 * @example
 * ```ts
 * parseSqlMagic("%%sql adults :min_age\nSELECT * FROM people WHERE age >= :min_age");
 * // { name: "adults", params: ["min_age"], query: "SELECT * FROM people WHERE age >= :min_age" }
 * ```
 */
export function parseSqlMagic(code: string): SqlMagic {
  const text = code.trimStart();
  const newline = text.indexOf("\n");
  const line = (newline < 0 ? text : text.slice(0, newline)).replace(MAGIC, "").trim();
  const query = newline < 0 ? "" : text.slice(newline + 1).trim();
  if (!query) throw new SqlMagicError("%%sql needs a query on the lines below it");
  let parsed;
  try {
    parsed = parseArgs({
      args: line ? line.split(/\s+/) : [],
      allowPositionals: true,
      options: { "max-rows": { type: "string" } },
    });
  } catch (err) {
    throw new SqlMagicError(`%%sql: ${(err as Error).message}`);
  }
  const params: string[] = [];
  let name: string | undefined;
  for (const token of parsed.positionals) {
    const param = token.startsWith(":") ? token.slice(1) : undefined;
    const identifier = param ?? token;
    if (!IDENTIFIER.test(identifier)) throw new SqlMagicError(`%%sql: "${token}" is not a variable name`);
    if (param !== undefined) params.push(param);
    else if (name === undefined) name = token;
    else throw new SqlMagicError(`%%sql takes one result name, got "${name}" and "${token}" (parameters start with ":")`);
  }
  const maxRowsText = parsed.values["max-rows"];
  const maxRows = maxRowsText === undefined ? undefined : Number(maxRowsText);
  if (maxRows !== undefined && !(Number.isInteger(maxRows) && maxRows >= 0)) {
    throw new SqlMagicError(`%%sql: --max-rows takes a whole number, not "${maxRowsText}"`);
  }
  return { name, params, maxRows, query };
}

/**
 * The TypeScript a `%%sql` cell runs as. It awaits the eager `spark.sql`, binds the result when
 * asked, and leaves the DataFrame as the last expression (or displays it with its own row count).
 */
export function sqlMagicToTypeScript(magic: SqlMagic): string {
  return typeScriptOf(magic).text;
}

/** A `%%sql` cell as the TypeScript it runs as, with where each part of that came from in the cell. */
export interface SqlCellSource {
  readonly magic: SqlMagic;
  readonly typescript: string;
  /** The cell offset a TypeScript offset came from: the query's text, a `:param` or the result name, else the `%%sql`. */
  toCell(offset: number): number;
  /** The cell offset of an offset in the query (as Spark counts in its errors). */
  queryToCell(offset: number): number;
}

/**
 * Reads a `%%sql` cell and translates it, keeping track of positions, so that errors about the
 * TypeScript (a `:param` variable that does not exist) and about the SQL (Spark's line and position
 * in the query) point at the cell.
 *
 * @example
 * ```ts
 * const cell = sqlCellSource("%%sql :minAge\nSELECT * FROM people WHERE age >= :minAge");
 * cell.toCell(cell.typescript.lastIndexOf("minAge")); // 7: the `minAge` of `:minAge` on the magic line
 * cell.queryToCell(0); // 14: the `S` of SELECT
 * ```
 */
export function sqlCellSource(code: string): SqlCellSource {
  const magic = parseSqlMagic(code);
  const lead = code.length - code.trimStart().length;
  const text = code.slice(lead);
  const newline = text.indexOf("\n");
  const line = text.slice(0, newline);
  // parseArgs read the same tokens, split at white space, after `%%sql`.
  const tokens = [...line.matchAll(/\S+/g)].slice(1).map((m) => ({ text: m[0], at: lead + m.index }));
  const paramAt = new Map(tokens.filter((t) => t.text.startsWith(":")).map((t) => [t.text.slice(1), t.at + 1]));
  const nameAt = tokens.find((t) => t.text === magic.name)?.at;
  const rest = text.slice(newline + 1);
  const queryStart = lead + newline + 1 + (rest.length - rest.trimStart().length);
  const queryToCell = (offset: number) => queryStart + Math.max(0, Math.min(offset, magic.query.length));
  const { text: typescript, toCell } = typeScriptOf(magic, {
    magic: lead,
    name: nameAt,
    param: (name) => paramAt.get(name),
    query: queryToCell,
  });
  return { magic, typescript, toCell, queryToCell };
}

/** Where the parts of a magic are in its cell (offsets). */
interface MagicPlaces {
  readonly magic: number;
  readonly name: number | undefined;
  param(name: string): number | undefined;
  query(offset: number): number;
}

/** For each offset of `JSON.stringify(query)`, the query offset it spells (escapes spell one character). */
function literalOffsets(query: string): number[] {
  const offsets = [0];
  let at = 0;
  for (const ch of query) {
    const spelled = JSON.stringify(ch).length - 2;
    for (let i = 0; i < spelled; i++) offsets.push(at);
    at += ch.length;
  }
  offsets.push(query.length);
  return offsets;
}

function typeScriptOf(magic: SqlMagic, places?: MagicPlaces): { text: string; toCell: (offset: number) => number } {
  const spans: { start: number; end: number; toCell(inside: number): number | undefined }[] = [];
  let text = "";
  const put = (part: string, toCell?: (inside: number) => number | undefined) => {
    if (toCell) spans.push({ start: text.length, end: text.length + part.length, toCell });
    text += part;
  };
  const placed = (at: number | undefined) => (at === undefined ? undefined : (inside: number) => at + inside);
  const literal = JSON.stringify(magic.query);
  const offsets = literalOffsets(magic.query);
  const call = () => {
    put("await spark.sql(");
    put(literal, places && offsets.length === literal.length ? (inside) => places.query(offsets[inside]) : undefined);
    if (magic.params.length) {
      put(", { ");
      magic.params.forEach((p, i) => {
        if (i > 0) put(", ");
        put(p, placed(places?.param(p)));
        put(": ");
        put(p, placed(places?.param(p)));
      });
      put(" }");
    }
    put(")");
  };
  const value = () => (magic.name === undefined ? call() : put(magic.name, placed(places?.name)));
  if (magic.name !== undefined) {
    put("const ");
    put(magic.name, placed(places?.name));
    put(" = ");
    call();
    put(";\n");
  }
  if (magic.maxRows === undefined) {
    value();
    put(";\n");
  } else {
    put("await display(");
    value();
    put(`, { maxRows: ${magic.maxRows} });\n`);
  }
  return {
    text,
    toCell(offset) {
      const span = spans.find((s) => offset >= s.start && offset < s.end);
      return (span && span.toCell(offset - span.start)) ?? places?.magic ?? 0;
    },
  };
}
