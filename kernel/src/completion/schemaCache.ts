// What completion and inspection ask the Spark server, each asked once and kept: a DataFrame's
// schema (AnalyzePlan, never a job) per DataFrame, which holds one immutable plan; a table's schema,
// the tables and databases per catalog state (a cell may create or drop views, so these are asked
// again after each cell); the function list, the SQL keywords and the function docs once per
// session. A request waits for the server only until its deadline: whatever is not back by then
// is answered without, and the lookup goes on and fills the cache for the next keystroke.
//
// Lookups use the notebook's own session (temp views and the current database are per session),
// so they ask only while no cell runs: a request on the session waits behind the statements a
// running cell sent and could take over the report of one that failed unseen. While a cell runs,
// answers come from what is cached.
import type { CatalogFunction, DataFrame, SparkSession, StructType, Table } from "spark-ts";

/** The time a request may wait for the server, shared by its lookups. */
export class Deadline {
  readonly #at: number;

  constructor(budgetMs: number) {
    this.#at = Date.now() + budgetMs;
  }

  /** `promise`'s value, or undefined when it is not there before the deadline (or fails). */
  async within<T>(promise: Promise<T>): Promise<T | undefined> {
    const left = this.#at - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, left))));
    try {
      return await Promise.race([promise.catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** One value asked of the server: kept once it came, not asked again for a while after a failure. */
interface Entry<T> {
  value?: T;
  pending?: Promise<T>;
  failedAt?: number;
}

/** How long a failed lookup is not repeated (the server may be down; the table may not exist yet). */
const RETRY_AFTER_MS = 10_000;

/** Keyed entries: `get` gives the value, or waits for it within the deadline, asking at most once. */
class EntryMap<K> {
  readonly #entries = new Map<K, Entry<unknown>>();

  constructor(private readonly canAsk: () => boolean) {}

  async get<T>(key: K, deadline: Deadline, load: () => Promise<T>): Promise<T | undefined> {
    return lookup(this.#entries, key, deadline, this.canAsk, load) as Promise<T | undefined>;
  }

  clear(): void {
    this.#entries.clear();
  }
}

function lookup<K, T>(
  entries: { get(key: K): Entry<T> | undefined; set(key: K, entry: Entry<T>): unknown },
  key: K,
  deadline: Deadline,
  canAsk: () => boolean,
  load: () => Promise<T>,
): Promise<T | undefined> {
  let entry = entries.get(key);
  if (entry && "value" in entry) return Promise.resolve(entry.value);
  if (!entry?.pending) {
    if (entry?.failedAt !== undefined && Date.now() - entry.failedAt < RETRY_AFTER_MS) return Promise.resolve(undefined);
    if (!canAsk()) return Promise.resolve(undefined);
    const fresh: Entry<T> = {};
    fresh.pending = load().then(
      (value) => {
        fresh.value = value;
        fresh.pending = undefined;
        return value;
      },
      (error: unknown) => {
        fresh.failedAt = Date.now();
        fresh.pending = undefined;
        throw error;
      },
    );
    // Nobody may be waiting when it fails (the deadline passed): not an unhandled rejection.
    fresh.pending.catch(() => undefined);
    entries.set(key, fresh);
    entry = fresh;
  }
  return deadline.within(entry.pending!);
}

/** What is kept per session. */
interface SessionEntries {
  /** Asked once per session. */
  readonly once: EntryMap<string>;
  /** Asked again after each cell. */
  readonly catalog: EntryMap<string>;
}

/** A function's docs as the server describes it. */
export interface FunctionDocs {
  /** The name the server knows it by. */
  readonly name: string;
  /** The rows of `DESCRIBE FUNCTION EXTENDED`, as text. */
  readonly text: string;
}

/**
 * The server lookups of completion and inspection, cached (see the top of this file).
 *
 * @example
 * ```ts
 * const lookups = new SparkLookups(() => !cellRunning);
 * const schema = await lookups.schema(df, new Deadline(300)); // undefined if not back in 300 ms
 * ```
 */
export class SparkLookups {
  readonly #schemas = new WeakMap<DataFrame, Entry<StructType>>();
  readonly #plans = new WeakMap<DataFrame, Entry<string>>();
  readonly #sessions = new WeakMap<SparkSession, SessionEntries>();

  /** `canAsk`: whether the server may be asked now (else only cached values are given). */
  constructor(private readonly canAsk: () => boolean) {}

  /** Forgets what a cell may have changed: tables, views, databases, table schemas. */
  catalogChanged(): void {
    // Sessions are weakly held: each one's catalog entries are cleared as it is next used.
    this.#generation++;
  }

  #generation = 0;
  readonly #seenGeneration = new WeakMap<SparkSession, number>();

  private entries(spark: SparkSession): SessionEntries {
    let entries = this.#sessions.get(spark);
    if (!entries) {
      entries = { once: new EntryMap(this.canAsk), catalog: new EntryMap(this.canAsk) };
      this.#sessions.set(spark, entries);
    }
    if (this.#seenGeneration.get(spark) !== this.#generation) {
      entries.catalog.clear();
      this.#seenGeneration.set(spark, this.#generation);
    }
    return entries;
  }

  /** The schema of a DataFrame (AnalyzePlan, once per DataFrame). */
  schema(df: DataFrame, deadline: Deadline): Promise<StructType | undefined> {
    return lookup(this.#schemas, df, deadline, this.canAsk, () => df.schema);
  }

  /** The plan Spark parsed for a DataFrame (the first part of `explain("extended")`), once per DataFrame. */
  parsedPlan(df: DataFrame, deadline: Deadline): Promise<string | undefined> {
    return lookup(this.#plans, df, deadline, this.canAsk, async () => parsedPlanOf(await df.explainString("extended")));
  }

  /** The schema of a table or view: by its name's parts (`["db", "people"]`), or by a name as Spark reads it (`"db.people"`). */
  tableSchema(spark: SparkSession, name: readonly string[] | string, deadline: Deadline): Promise<StructType | undefined> {
    const qualified = typeof name === "string" ? name : name.map(quoteName).join(".");
    return this.entries(spark).catalog.get(`schema:${qualified}`, deadline, () => spark.table(qualified).schema);
  }

  /** The tables and views of a database (the current one, and temp views, when none is named). */
  tables(spark: SparkSession, database: string | undefined, deadline: Deadline): Promise<Table[] | undefined> {
    return this.entries(spark).catalog.get(`tables:${database ?? ""}`, deadline, () => spark.catalog.listTables(database));
  }

  /** The databases of the current catalog. */
  databases(spark: SparkSession, deadline: Deadline): Promise<string[] | undefined> {
    return this.entries(spark).catalog.get("databases", deadline, async () => (await spark.catalog.listDatabases()).map((d) => d.name));
  }

  /** The functions the session knows (`spark.catalog.listFunctions()`), once per session. */
  functions(spark: SparkSession, deadline: Deadline): Promise<CatalogFunction[] | undefined> {
    return this.entries(spark).once.get("functions", deadline, () => spark.catalog.listFunctions());
  }

  /** Spark's SQL keywords (`sql_keywords()`), once per session. */
  keywords(spark: SparkSession, deadline: Deadline): Promise<string[] | undefined> {
    return this.entries(spark).once.get("keywords", deadline, async () =>
      (await spark.tvf.sql_keywords().collect()).map((row) => textOf(row.keyword)).filter((keyword) => keyword !== ""),
    );
  }

  /**
   * The server's description of function `name` (`DESCRIBE FUNCTION EXTENDED`), once per session;
   * null when the catalog has no such function. Only a function the catalog has is described, so
   * the statement cannot fail for a wrong name.
   */
  functionDocs(spark: SparkSession, name: string, deadline: Deadline): Promise<FunctionDocs | null | undefined> {
    return this.entries(spark).once.get(`docs:${name}`, deadline, async (): Promise<FunctionDocs | null> => {
      if (!(await spark.catalog.functionExists(name))) return null;
      const rows = await (await spark.sql(`DESCRIBE FUNCTION EXTENDED ${quoteName(name)}`)).collect();
      return { name, text: rows.map((row) => textOf(row.function_desc).replace(/\s+$/, "")).join("\n") };
    });
  }
}

/** A string column's value, or "" for anything else. */
function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A name part as Spark SQL quotes it. */
function quoteName(name: string): string {
  return "`" + name.replace(/`/g, "``") + "`";
}

/** The "Parsed Logical Plan" section of an extended explain. */
export function parsedPlanOf(explained: string): string {
  const match = /== Parsed Logical Plan ==\n([\s\S]*?)(?:\n== |$)/.exec(explained);
  return (match ? match[1] : "").replace(/\s+$/, "");
}
