// Completion of what the data holds, for `complete_request`: column names in the strings of the
// calls that take them, SQL text in `filter("...")`, `expr("...")`, `spark.sql("...")` and `%%sql`
// cells, table names in `spark.table("...")`. The code is read with TypeScript's parser; which
// DataFrame a call is on is found from the kernel's live variables (the root of the call's
// receiver chain); the server is asked through the cached lookups of schemaCache.ts.
import { DataFrame, functions, SparkSession, StructType, Window, type Table } from "spark-ts";
import { isSqlMagic } from "../cell/sqlMagic";
import {
  dataFrameArgumentRole,
  functionArgumentRole,
  sessionArgumentRole,
  tableOfSessionChain,
  windowArgumentRole,
  type ArgumentRole,
} from "./callRoles";
import { columnNameCompletion, completes, fieldCandidates, fieldsAt, type Candidate, type Completion } from "./columnNames";
import { stringAtCursor, type CallSite, type ReceiverChain } from "./cursorContext";
import { clientColumnParameters } from "./functionParameters";
import { Deadline, type SparkLookups } from "./schemaCache";
import { keywordInCase, quoteForSql, sqlCursor, tableReferences, type SqlCursor } from "./sqlCompletion";
import { bindableValue, describeValue } from "./liveValues";
import { isDataFrame } from "../dataFrameValue";

/** The kernel's live variables by name (tslab's locals: `spark`, `F`, and what cells declared). */
export type Locals = () => Readonly<Record<string, unknown>>;

/** Where a DataFrame's columns come from: a live DataFrame, or a table a `spark.table("t")` chain reads. */
type Frame = { readonly df: DataFrame } | { readonly spark: SparkSession; readonly table: string };

let functionNames: Map<unknown, string> | undefined;

/** The name of the function of the functions namespace a value is (`col`, `F.sum`), if it is one. */
export function functionNameOf(value: unknown): string | undefined {
  if (typeof value !== "function") return undefined;
  if (!functionNames) {
    functionNames = new Map();
    for (const [name, fn] of Object.entries(functions)) if (!functionNames.has(fn)) functionNames.set(fn, name);
  }
  return functionNames.get(value);
}

/** A `%%sql` cell's parts: where its magic line ends, and its SQL text (everything after that line) and where that starts. */
export function sqlCellQuery(code: string): { readonly magicEnd: number; readonly text: string; readonly start: number } | undefined {
  if (!isSqlMagic(code)) return undefined;
  // The magic line is the first line that is not blank.
  const newline = code.indexOf("\n", code.length - code.trimStart().length);
  if (newline < 0) return { magicEnd: code.length, text: "", start: code.length };
  return { magicEnd: newline, text: code.slice(newline + 1), start: newline + 1 };
}

/**
 * Completes data names in a cell (see the top of this file); undefined when the cursor is not
 * where data names go, so TypeScript's completion answers instead.
 *
 * @example
 * ```ts
 * const completer = new DataCompleter(() => runner.tslab.locals, lookups);
 * await completer.complete('people.select("na', 18); // { start: 15, end: 17, candidates: [{ text: "name", ... }] }
 * ```
 */
export class DataCompleter {
  constructor(
    private readonly locals: Locals,
    private readonly lookups: SparkLookups,
    private readonly budgetMs = 300,
  ) {}

  /** The notebook's session (`spark`), when it is a live one. */
  session(): SparkSession | undefined {
    const spark = this.locals().spark;
    return spark instanceof SparkSession && !spark.is_stopped ? spark : undefined;
  }

  /** Asks for what SQL completion needs once per session, so it is there when SQL is typed. */
  warmUp(): void {
    const spark = this.session();
    if (!spark) return;
    const deadline = new Deadline(0);
    void this.lookups.functions(spark, deadline);
    void this.lookups.keywords(spark, deadline);
  }

  async complete(code: string, cursor: number): Promise<Completion | undefined> {
    const deadline = new Deadline(this.budgetMs);
    const query = sqlCellQuery(code);
    if (query) {
      if (cursor <= query.magicEnd) {
        // The magic line: `:param` names only.
        const line = code.slice(0, query.magicEnd);
        const at = sqlCursor(line, cursor);
        return at?.kind === "param" ? this.paramCompletion(at) : { start: cursor, end: cursor, candidates: [] };
      }
      const inQuery = await this.sqlCompletion(query.text, cursor - query.start, { statement: true }, deadline);
      return shifted(inQuery ?? { start: cursor - query.start, end: cursor - query.start, candidates: [] }, query.start);
    }
    const string = stringAtCursor(code, cursor);
    if (!string) return undefined;
    const role = this.roleOf(string.call, string.call.argIndex);
    if (!role) return undefined;
    const frame = [string.call, ...string.enclosing].map((site) => this.frameOf(site)).find((f) => f !== undefined);
    let completion: Completion | undefined;
    if (role === "column") {
      const schema = frame ? await this.frameSchema(frame, deadline) : undefined;
      completion = columnNameCompletion(schema ?? new StructType(), string.text, string.cursor);
    } else if (role === "table") {
      completion = await this.sqlCompletion(string.text, string.cursor, { statement: false, tableOnly: true }, deadline);
    } else {
      completion = await this.sqlCompletion(string.text, string.cursor, { statement: role === "statement", frame }, deadline);
    }
    return shifted(completion ?? { start: string.cursor, end: string.cursor, candidates: [] }, string.start);
  }

  /** What a string passed as argument `index` of `call` is to that call, judged by the live value the call is made on. */
  roleOf(call: CallSite, index: number): ArgumentRole | undefined {
    const locals = this.locals();
    const receiver = call.receiver;
    if (!receiver) {
      const name = functionNameOf(locals[call.name]);
      return name === undefined ? undefined : functionArgumentRole(clientColumnParameters(), name, index);
    }
    const root = locals[receiver.root];
    if (root instanceof DataFrame) return dataFrameArgumentRole(receiver.steps, call.name, index);
    if (root instanceof SparkSession) {
      const table = tableOfSessionChain(receiver.steps);
      if (table === undefined) return sessionArgumentRole(receiver.steps, call.name, index);
      return dataFrameArgumentRole(receiver.steps.slice(receiver.steps[0].called ? 1 : 2), call.name, index);
    }
    if (root === functions && receiver.steps.length === 0) return functionArgumentRole(clientColumnParameters(), call.name, index);
    if (root === Window) return windowArgumentRole(call.name);
    return undefined;
  }

  /** The DataFrame a call is made on, when its receiver chain starts at one (or at `spark.table("t")`). */
  private frameOf(site: CallSite): Frame | undefined {
    const receiver: ReceiverChain | undefined = site.receiver;
    if (!receiver) return undefined;
    const root = this.locals()[receiver.root];
    if (isDataFrame(root)) return { df: root };
    if (root instanceof SparkSession) {
      const table = tableOfSessionChain(receiver.steps);
      if (table !== undefined) return { spark: root, table };
    }
    return undefined;
  }

  private frameSchema(frame: Frame, deadline: Deadline): Promise<StructType | undefined> {
    return "df" in frame ? this.lookups.schema(frame.df, deadline) : this.lookups.tableSchema(frame.spark, frame.table, deadline);
  }

  /** `:param` names: the notebook's variables whose values `spark.sql` can bind. */
  private paramCompletion(at: SqlCursor): Completion {
    const candidates: Candidate[] = Object.entries(this.locals())
      .filter(([name, value]) => completes(name, at.partial) && bindableValue(value))
      .map(([name, value]) => ({ text: name, type: "param", signature: describeValue(value) }))
      .sort((a, b) => a.text.localeCompare(b.text));
    return { start: at.start, end: at.end, candidates };
  }

  /**
   * Completes SQL text (offsets in `sql`). A statement names its tables (their columns complete);
   * an expression string has the columns of its DataFrame (`frame`).
   */
  async sqlCompletion(
    sql: string,
    cursor: number,
    options: { statement: boolean; frame?: Frame | undefined; tableOnly?: boolean },
    deadline: Deadline,
  ): Promise<Completion | undefined> {
    const at = sqlCursor(sql, cursor);
    if (!at) return undefined;
    if (at.kind === "param") return this.paramCompletion(at);
    const spark = this.session();
    if (options.tableOnly || at.kind === "table") {
      return { start: at.start, end: at.end, candidates: spark ? await this.tableCandidates(spark, at, deadline) : [] };
    }
    const schemas = await this.schemasInScope(sql, options, deadline);
    if (at.qualifier.length > 0) {
      return { start: at.start, end: at.end, candidates: qualifiedCandidates(schemas, at) };
    }
    const [functionList, keywords] = spark
      ? await Promise.all([this.lookups.functions(spark, deadline), this.lookups.keywords(spark, deadline)])
      : [undefined, undefined];
    const columns: Candidate[] = [];
    for (const { schema } of schemas) {
      for (const candidate of fieldCandidates(schema.fields, at.partial, quoteForSql)) {
        if (!columns.some((c) => c.text === candidate.text)) columns.push(candidate);
      }
    }
    const functionCandidates: Candidate[] = (functionList ?? [])
      .filter((f) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(f.name) && completes(f.name, at.partial))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((f) => {
        const usage = firstLine(f.description ?? "");
        return { text: f.name, type: "function", ...(usage ? { signature: usage } : {}) };
      });
    const keywordCandidates: Candidate[] = (keywords ?? [])
      .filter((k) => completes(k, at.partial))
      .map((k) => ({ text: keywordInCase(k, at.partial), type: "keyword" }));
    // A name that is both a function and a keyword (`aggregate`, `if`) is offered once, as the function.
    return { start: at.start, end: at.end, candidates: dedupe([...columns, ...functionCandidates, ...keywordCandidates]) };
  }

  /** The schemas an expression can name columns of: its DataFrame's, or those of the tables the statement names (with their aliases). */
  private async schemasInScope(
    sql: string,
    options: { statement: boolean; frame?: Frame | undefined },
    deadline: Deadline,
  ): Promise<{ names: string[]; schema: StructType }[]> {
    if (!options.statement) {
      const schema = options.frame ? await this.frameSchema(options.frame, deadline) : undefined;
      return schema ? [{ names: [], schema }] : [];
    }
    const spark = this.session();
    if (!spark) return [];
    const references = tableReferences(sql);
    const schemas = await Promise.all(references.map((ref) => this.lookups.tableSchema(spark, ref.name, deadline)));
    return references.flatMap((ref, i) => {
      const schema = schemas[i];
      if (!schema) return [];
      const names = [ref.name.at(-1)!, ...(ref.alias ? [ref.alias] : [])];
      return [{ names, schema }];
    });
  }

  /** Table and view names (and databases) for a table position; after `db.`, the tables of `db`. */
  private async tableCandidates(spark: SparkSession, at: SqlCursor, deadline: Deadline): Promise<Candidate[]> {
    if (at.qualifier.length > 1) return [];
    const database = at.qualifier[0];
    const [tables, databases] = await Promise.all([
      this.lookups.tables(spark, database, deadline),
      database === undefined ? this.lookups.databases(spark, deadline) : Promise.resolve([]),
    ]);
    const tableCandidates = (tables ?? [])
      // The server lists temp views with every database's tables, but `db.view` does not name them.
      .filter((t) => database === undefined || !(t.isTemporary && (t.namespace ?? []).length === 0))
      .filter((t) => completes(t.name, at.partial))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => ({ text: quoteForSql(t.name), type: tableKind(t), signature: t.tableType }));
    const databaseCandidates = (databases ?? [])
      .filter((d) => completes(d, at.partial))
      .sort()
      .map((d) => ({ text: quoteForSql(d), type: "database" }));
    return [...tableCandidates, ...databaseCandidates];
  }
}

/** `view` for temp views and views, else `table`. */
function tableKind(table: Table): string {
  return table.isTemporary || table.tableType.toUpperCase() === "VIEW" || table.tableType.toUpperCase() === "TEMPORARY" ? "view" : "table";
}

/** After `q.`: the columns of the table aliased or named `q`, or the fields of struct column `q`. */
function qualifiedCandidates(schemas: readonly { names: string[]; schema: StructType }[], at: SqlCursor): Candidate[] {
  const [first, ...rest] = at.qualifier;
  const lower = first.toLowerCase();
  const table = schemas.find((s) => s.names.some((n) => n.toLowerCase() === lower));
  if (table) {
    const fields = fieldsAt(table.schema, rest);
    return fields ? fieldCandidates(fields, at.partial, quoteForSql) : [];
  }
  for (const { schema } of schemas) {
    const fields = fieldsAt(schema, at.qualifier);
    if (fields) return fieldCandidates(fields, at.partial, quoteForSql);
  }
  return [];
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.text.toLowerCase()) && seen.add(c.text.toLowerCase()));
}

function firstLine(text: string): string {
  return text.split("\n")[0].trim();
}

function shifted(completion: Completion, by: number): Completion {
  return { ...completion, start: completion.start + by, end: completion.end + by };
}
