// Spark SQL text read just enough to complete it: a tokenizer that knows Spark's strings, comments,
// backticked names and `:param` markers; what the cursor is on (a table name after FROM or JOIN, a
// name after `qualifier.`, a `:param`, or an expression); and the tables a statement names, with
// their aliases. No grammar: a statement being typed is rarely valid SQL.

/** A token of SQL text. */
export interface SqlToken {
  readonly kind: "word" | "quoted" | "string" | "number" | "param" | "punct" | "comment";
  /** The text as written. */
  readonly text: string;
  /** A name's value: a word as written, a backticked name without its backticks, a param without its colon. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** A string, backticked name or block comment with no closing mark. */
  readonly open?: boolean;
}

const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_]/;

/** Splits SQL text into tokens (white space dropped). */
export function sqlTokens(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlToken["kind"], start: number, end: number, value: string, open = false) =>
    tokens.push({ kind, text: sql.slice(start, end), value, start, end, ...(open ? { open } : {}) });
  while (i < sql.length) {
    const ch = sql[i];
    const start = i;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      // Open when the text ends in it: the cursor at its end is still in the comment.
      push("comment", start, i, "", i >= sql.length);
    } else if (ch === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? sql.length : close + 2;
      push("comment", start, i, "", close < 0);
    } else if (ch === "'" || ch === '"') {
      i++;
      let closed = false;
      while (i < sql.length) {
        if (sql[i] === "\\") i += 2;
        else if (sql[i] === ch && sql[i + 1] === ch) i += 2;
        else if (sql[i] === ch) {
          i++;
          closed = true;
          break;
        } else i++;
      }
      i = Math.min(i, sql.length);
      push("string", start, i, "", !closed);
    } else if (ch === "`") {
      i++;
      let value = "";
      let closed = false;
      while (i < sql.length) {
        if (sql[i] === "`" && sql[i + 1] === "`") {
          value += "`";
          i += 2;
        } else if (sql[i] === "`") {
          i++;
          closed = true;
          break;
        } else value += sql[i++];
      }
      push("quoted", start, i, value, !closed);
    } else if (WORD_START.test(ch)) {
      while (i < sql.length && WORD_PART.test(sql[i])) i++;
      push("word", start, i, sql.slice(start, i));
    } else if (/[0-9]/.test(ch)) {
      while (i < sql.length && /[0-9A-Za-z_.]/.test(sql[i])) i++;
      push("number", start, i, "");
    } else if (ch === ":" && sql[i + 1] === ":") {
      i += 2;
      push("punct", start, i, "::");
    } else if (ch === ":" && sql[i + 1] !== undefined && WORD_START.test(sql[i + 1])) {
      i++;
      while (i < sql.length && WORD_PART.test(sql[i])) i++;
      push("param", start, i, sql.slice(start + 1, i));
    } else {
      i++;
      push("punct", start, i, ch);
    }
  }
  return tokens;
}

/** What the cursor is on in SQL text. */
export interface SqlCursor {
  /** `table`: a table name goes here; `expression`: a column, function or keyword; `param`: a `:name`. */
  readonly kind: "table" | "expression" | "param";
  /** The partial name before the cursor (a backticked name without its backticks). */
  readonly partial: string;
  /** The part of the text a completion replaces. */
  readonly start: number;
  readonly end: number;
  /** The names before the partial one and its dot: `p.na` has `["p"]`, `db.peo` `["db"]`. */
  readonly qualifier: readonly string[];
}

/** Keywords after which a table name comes. */
const TABLE_KEYWORDS = new Set(["FROM", "JOIN", "INTO", "TABLE", "UPDATE", "DESCRIBE"]);

/** Keywords that start a clause (the clause decides what a comma continues; a join condition continues the FROM list). */
const CLAUSE_KEYWORDS = new Set([
  "SELECT",
  "FROM",
  "WHERE",
  "GROUP",
  "HAVING",
  "ORDER",
  "LIMIT",
  "SET",
  "VALUES",
  "WINDOW",
  "UNION",
  "EXCEPT",
  "INTERSECT",
  "SORT",
  "CLUSTER",
  "DISTRIBUTE",
]);

function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === "word" || token.kind === "quoted");
}

function isDot(token: SqlToken | undefined): boolean {
  return token !== undefined && token.kind === "punct" && token.value === ".";
}

/**
 * What the cursor at `cursor` is on in `sql`; undefined inside a string literal or a comment,
 * where nothing is completed.
 *
 * @example
 * ```ts
 * sqlCursor("SELECT p.na FROM people p", 11);
 * // { kind: "expression", partial: "na", start: 9, end: 11, qualifier: ["p"] }
 * sqlCursor("SELECT * FROM peo", 17); // { kind: "table", partial: "peo", start: 14, end: 17, qualifier: [] }
 * ```
 */
export function sqlCursor(sql: string, cursor: number): SqlCursor | undefined {
  const tokens = sqlTokens(sql);
  const inside = tokens.find((t) => t.start < cursor && (cursor < t.end || (t.open === true && cursor === t.end)));
  if (inside && (inside.kind === "string" || inside.kind === "comment")) return undefined;
  // The name being typed: the token that ends at the cursor or holds it.
  let index = tokens.findIndex(
    (t) => t.start < cursor && cursor <= t.end && (t.kind === "word" || t.kind === "quoted" || t.kind === "param"),
  );
  const current = index >= 0 ? tokens[index] : undefined;
  if (current?.kind === "param") {
    return {
      kind: "param",
      partial: current.value.slice(0, cursor - current.start - 1),
      start: current.start + 1,
      end: current.end,
      qualifier: [],
    };
  }
  if (!current && sql[cursor - 1] === ":" && sql[cursor - 2] !== ":") {
    return { kind: "param", partial: "", start: cursor, end: cursor, qualifier: [] };
  }
  if (index < 0) index = tokens.findIndex((t) => t.start >= cursor);
  if (index < 0) index = tokens.length;
  const partial = current
    ? current.kind === "quoted"
      ? current.value.slice(0, Math.max(0, cursor - current.start - 1))
      : current.value.slice(0, cursor - current.start)
    : "";
  const start = current ? current.start : cursor;
  const end = current ? current.end : cursor;
  // The qualifier: `name . name . <partial>`, read backwards.
  const qualifier: string[] = [];
  let before = index - 1;
  while (isDot(tokens[before]) && isName(tokens[before - 1])) {
    qualifier.unshift(tokens[before - 1].value);
    before -= 2;
  }
  const previous = tokens.slice(0, before + 1).filter((t) => t.kind !== "comment");
  const kind = followsTableKeyword(previous) ? "table" : "expression";
  return { kind, partial, start, end, qualifier };
}

/** Whether the next name after `tokens` is a table: right after FROM, JOIN, ..., or after a comma in a FROM list. */
function followsTableKeyword(tokens: readonly SqlToken[]): boolean {
  const last = tokens.at(-1);
  if (!last) return false;
  if (last.kind === "word" && TABLE_KEYWORDS.has(last.value.toUpperCase())) return true;
  if (last.kind !== "punct" || last.value !== ",") return false;
  // A comma continues the clause it is in: find that clause's keyword at the same depth.
  let depth = 0;
  for (let i = tokens.length - 2; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === "punct" && t.value === ")") depth++;
    else if (t.kind === "punct" && t.value === "(") {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0 && t.kind === "word") {
      const word = t.value.toUpperCase();
      if (word === "FROM") return true;
      if (CLAUSE_KEYWORDS.has(word)) return false;
    }
  }
  return false;
}

/** A table a statement names, with its alias. */
export interface TableReference {
  /** The name's parts: `db.people` is `["db", "people"]`. */
  readonly name: readonly string[];
  readonly alias?: string;
}

/** Words that end a table reference rather than alias it. */
const NOT_ALIASES = new Set([
  "WHERE",
  "JOIN",
  "INNER",
  "LEFT",
  "RIGHT",
  "FULL",
  "OUTER",
  "CROSS",
  "ON",
  "GROUP",
  "ORDER",
  "LIMIT",
  "HAVING",
  "UNION",
  "LATERAL",
  "NATURAL",
  "SEMI",
  "ANTI",
  "USING",
  "WINDOW",
  "CLUSTER",
  "DISTRIBUTE",
  "SORT",
  "EXCEPT",
  "INTERSECT",
  "MINUS",
  "TABLESAMPLE",
  "PIVOT",
  "UNPIVOT",
  "SELECT",
  "VALUES",
  "SET",
  "OFFSET",
  "QUALIFY",
]);

/**
 * The tables `sql` names after FROM, JOIN, INTO, TABLE and UPDATE (and in FROM lists), each with
 * its alias. Subqueries and table-valued functions (`range(10)`) are not tables.
 *
 * @example
 * ```ts
 * tableReferences("SELECT * FROM people p JOIN db.orders AS o ON p.id = o.pid");
 * // [{ name: ["people"], alias: "p" }, { name: ["db", "orders"], alias: "o" }]
 * ```
 */
export function tableReferences(sql: string): TableReference[] {
  const tokens = sqlTokens(sql).filter((t) => t.kind !== "comment");
  const found: TableReference[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!followsTableKeyword(tokens.slice(0, i))) continue;
    if (!isName(tokens[i])) continue;
    const name = [tokens[i].value];
    let j = i + 1;
    while (isDot(tokens[j]) && isName(tokens[j + 1])) {
      name.push(tokens[j + 1].value);
      j += 2;
    }
    if (tokens[j]?.kind === "punct" && tokens[j].value === "(") continue;
    if (tokens[j]?.kind === "word" && tokens[j].value.toUpperCase() === "AS") j++;
    const alias = tokens[j];
    const aliased = isName(alias) && !(alias.kind === "word" && NOT_ALIASES.has(alias.value.toUpperCase()));
    found.push({ name, ...(aliased ? { alias: alias.value } : {}) });
    i = j - 1;
  }
  return found;
}

/** A name at the cursor in SQL text, for inspection. */
export interface SqlName {
  readonly name: string;
  readonly qualifier: readonly string[];
  /** A `(` follows it: a function call. */
  readonly called: boolean;
  readonly start: number;
  readonly end: number;
}

/** The name the cursor is in or just after, with its qualifier; undefined elsewhere. */
export function sqlNameAt(sql: string, cursor: number): SqlName | undefined {
  const tokens = sqlTokens(sql);
  const index = tokens.findIndex((t) => isName(t) && t.start <= cursor && cursor <= t.end);
  if (index < 0) return undefined;
  const token = tokens[index];
  const qualifier: string[] = [];
  for (let i = index - 1; isDot(tokens[i]) && isName(tokens[i - 1]); i -= 2) qualifier.unshift(tokens[i - 1].value);
  const next = tokens[index + 1];
  return { name: token.value, qualifier, called: next?.kind === "punct" && next.value === "(", start: token.start, end: token.end };
}

/** A name as SQL text spells it: backticked unless it is a plain identifier. */
export function quoteForSql(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "`" + name.replace(/`/g, "``") + "`";
}

/** A keyword in the letter case the partial name is typed in (lower case when it is all lower case). */
export function keywordInCase(keyword: string, partial: string): string {
  return partial !== "" && partial === partial.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}
