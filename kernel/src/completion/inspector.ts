// What inspection adds to TypeScript's signature, for `inspect_request` (Shift+Tab, the completer's
// documentation, the Contextual Help panel): on a function of the functions namespace, or a
// function name in SQL text, the server's own description with usage and examples; on a DataFrame
// variable, its schema as a tree and where it comes from; on a table name in SQL (or in
// `spark.table("...")`), its schema.
import { functions, type DataFrame } from "spark-ts";
import type { CellDefinitions } from "./cellDefinitions";
import { functionNameOf, sqlCellQuery, type DataCompleter, type Locals } from "./completer";
import { nameAtCursor, stringAtCursor } from "./cursorContext";
import { Deadline, type SparkLookups } from "./schemaCache";
import { functionDocsText, originText, schemaTree, snakeCase } from "./sparkDocs";
import { sqlNameAt, tableReferences } from "./sqlCompletion";
import { isDataFrame } from "../dataFrameValue";

/**
 * The Spark side of inspection (see the top of this file): text to show after TypeScript's, or
 * undefined when the cursor is on nothing Spark knows of (or the server did not answer in time).
 *
 * @example
 * ```ts
 * const inspector = new SparkInspector(() => runner.tslab.locals, lookups, definitions, completer);
 * await inspector.inspect("F.sum", 5); // "Spark SQL function sum (DESCRIBE FUNCTION EXTENDED):\nFunction: sum\n..."
 * ```
 */
export class SparkInspector {
  constructor(
    private readonly locals: Locals,
    private readonly lookups: SparkLookups,
    private readonly definitions: CellDefinitions,
    private readonly completer: DataCompleter,
    private readonly budgetMs = 1000,
  ) {}

  /** `budgetMs`: how long the server may take, by default the budget the inspector was made with. */
  async inspect(code: string, cursor: number, budgetMs = this.budgetMs): Promise<string | undefined> {
    const deadline = new Deadline(budgetMs);
    const query = sqlCellQuery(code);
    if (query) return cursor <= query.magicEnd ? undefined : this.inSql(query.text, cursor - query.start, true, deadline);
    const string = stringAtCursor(code, cursor);
    if (string) {
      const role = this.completer.roleOf(string.call, string.call.argIndex);
      if (role === "sql" || role === "statement") return this.inSql(string.text, string.cursor, role === "statement", deadline);
      if (role === "table") return this.tableSection(string.text, deadline);
      return undefined;
    }
    const name = nameAtCursor(code, cursor);
    if (!name) return undefined;
    const locals = this.locals();
    if (name.receiver) {
      const root = locals[name.receiver.root];
      return root === functions && name.receiver.steps.length === 0 ? this.functionSection(name.name, deadline) : undefined;
    }
    const value = locals[name.name];
    if (isDataFrame(value)) return this.dataFrameSection(name.name, value, deadline);
    const fn = functionNameOf(value);
    return fn === undefined ? undefined : this.functionSection(fn, deadline);
  }

  /** On a name in SQL text: a table's schema, or a function's description. */
  private async inSql(sql: string, cursor: number, statement: boolean, deadline: Deadline): Promise<string | undefined> {
    const name = sqlNameAt(sql, cursor);
    if (!name) return undefined;
    if (name.called) return this.functionSection(name.name, deadline);
    if (!statement) return undefined;
    const parts = [...name.qualifier, name.name];
    const references = tableReferences(sql);
    const named = references.find(
      (ref) => ref.name.length === parts.length && ref.name.every((p, i) => p.toLowerCase() === parts[i].toLowerCase()),
    );
    const aliased = parts.length === 1 ? references.find((ref) => ref.alias?.toLowerCase() === name.name.toLowerCase()) : undefined;
    const table = named ?? aliased;
    return table ? this.tableSection(table.name, deadline) : undefined;
  }

  private async tableSection(name: readonly string[] | string, deadline: Deadline): Promise<string | undefined> {
    const spark = this.completer.session();
    const schema = spark && (await this.lookups.tableSchema(spark, name, deadline));
    return schema ? `Table ${typeof name === "string" ? name : name.join(".")}:\n${schemaTree(schema)}` : undefined;
  }

  /** The server's description of a function of the functions namespace (by its name, or its snake_case spelling). */
  private async functionSection(name: string, deadline: Deadline): Promise<string | undefined> {
    const spark = this.completer.session();
    if (!spark) return undefined;
    for (const candidate of new Set([name.toLowerCase(), snakeCase(name)])) {
      const docs = await this.lookups.functionDocs(spark, candidate, deadline);
      if (docs) return functionDocsText(docs.name, docs.text);
      if (docs === undefined) return undefined;
    }
    return undefined;
  }

  private async dataFrameSection(name: string, df: DataFrame, deadline: Deadline): Promise<string> {
    const [schema, parsedPlan] = await Promise.all([this.lookups.schema(df, deadline), this.lookups.parsedPlan(df, deadline)]);
    const definition = this.definitions.of(name);
    const sections = [`DataFrame ${name}`];
    if (schema) sections.push(`Schema:\n${schemaTree(schema)}`);
    const origin = originText({ ...(definition ? { definition } : {}), ...(parsedPlan ? { parsedPlan } : {}) });
    if (origin) sections.push(origin);
    return sections.join("\n");
  }
}
