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
  const args = magic.params.length ? `, { ${magic.params.map((p) => `${p}: ${p}`).join(", ")} }` : "";
  const call = `await spark.sql(${JSON.stringify(magic.query)}${args})`;
  const bind = magic.name === undefined ? "" : `const ${magic.name} = ${call};\n`;
  const value = magic.name ?? call;
  return magic.maxRows === undefined
    ? `${bind}${value};\n`
    : `${bind}await display(${value}, { maxRows: ${magic.maxRows} });\n`;
}
