import type { Table } from "apache-arrow";
import { AnalyzePlanRequest_Explain_ExplainMode as ExplainMode, type Plan } from "../gen/spark/connect/base";
import { Aggregate_GroupType } from "../gen/spark/connect/relations";
import type { Relation } from "../gen/spark/connect/relations";
import { SparkConnectError } from "../connect/errors";
import { decodeChunks, decodeTable, Row, rowConverter, rowsFromBatches } from "../arrow";
import { arrowChunks, executeToChunks } from "./execution";
import { relation } from "./plan/relation";
import { attribute, sqlExpression } from "./plan/expression";
import { Column, columnExpression, type ColumnOrName } from "./column";
import { DataFramePlot } from "./plot/dataFramePlot";
import { dataFrameBundle } from "./display/dataFrameBundle";
import type { TableMimeBundle } from "../render";
import type { SparkSession } from "./session";
import { dtypes, structTypeFromProto, type StructType } from "./types";

/** How `explain` shows a plan; `true` is "extended", `false` "simple", as in PySpark. */
export type ExplainModeName = "simple" | "extended" | "codegen" | "cost" | "formatted";

const EXPLAIN_MODES: Readonly<Record<ExplainModeName, ExplainMode>> = {
  simple: ExplainMode.EXPLAIN_MODE_SIMPLE,
  extended: ExplainMode.EXPLAIN_MODE_EXTENDED,
  codegen: ExplainMode.EXPLAIN_MODE_CODEGEN,
  cost: ExplainMode.EXPLAIN_MODE_COST,
  formatted: ExplainMode.EXPLAIN_MODE_FORMATTED,
};

/**
 * A distributed collection of rows, as a logical plan that runs on the Spark Connect server.
 * Transformations are synchronous and return new DataFrames (the plan is an immutable value);
 * actions are async and run the plan.
 *
 * @example
 * ```ts
 * const df = spark.range(10).limit(3);
 * await df.count();   // 3
 * await df.collect(); // [{ id: 0n }, { id: 1n }, { id: 2n }]
 * ```
 */
export class DataFrame {
  #schema: Promise<StructType> | undefined;

  /** @internal DataFrames come from a session or from another DataFrame. */
  constructor(
    /** The session this DataFrame runs in. */
    readonly sparkSession: SparkSession,
    /** @internal The logical plan (frozen). */
    readonly plan: Relation,
  ) {}

  private derive(relType: Parameters<typeof relation>[0]): DataFrame {
    return new DataFrame(this.sparkSession, relation(relType));
  }

  private get root(): Plan {
    return { opType: { $case: "root", root: this.plan } };
  }

  private get client() {
    return this.sparkSession.client;
  }

  // ---- transformations ----

  /**
   * This DataFrame's column of that name (PySpark's `df["x"]`): bound to this DataFrame by its plan
   * id, so it stays unambiguous in a join of the DataFrame with itself.
   */
  col(name: string): Column {
    return new Column(attribute(name, this.plan.common?.planId));
  }

  /** The given columns (Columns, names, or `"*"`). */
  select(...cols: ColumnOrName[]): DataFrame {
    return this.derive({ $case: "project", project: { input: this.plan, expressions: cols.map(columnExpression) } });
  }

  /** The rows for which `condition` (a boolean Column or a SQL expression) is true. */
  filter(condition: Column | string): DataFrame {
    const expr = typeof condition === "string" ? sqlExpression(condition) : condition.expr;
    return this.derive({ $case: "filter", filter: { input: this.plan, condition: expr } });
  }

  /** Alias of {@link DataFrame.filter}. */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** Adds a column, or replaces the one of that name. */
  withColumn(name: string, column: Column): DataFrame {
    return this.derive({
      $case: "withColumns",
      withColumns: { input: this.plan, aliases: [{ expr: column.expr, name: [name] }] },
    });
  }

  /** The first `n` rows. */
  limit(n: number): DataFrame {
    return this.derive({ $case: "limit", limit: { input: this.plan, limit: checkedCount(n, "limit") } });
  }

  /**
   * Charts of this DataFrame, computed by Spark (PySpark's `df.plot`).
   *
   * @example
   * ```ts
   * df.plot.bar({ x: "region", y: "amount", agg: "sum" });
   * ```
   */
  get plot(): DataFramePlot {
    return new DataFramePlot(this);
  }

  // ---- actions ----

  /**
   * Jupyter's display protocol: the first rows as a table (HTML and text). Deno's Jupyter kernel
   * and this package's kernel show a DataFrame through it.
   */
  [Symbol.for("Jupyter.display")](): Promise<TableMimeBundle> {
    return dataFrameBundle(this);
  }

  /** All rows, keyed by column name (a repeated name stays reachable by position: {@link Row}). */
  async collect(): Promise<Row[]> {
    const table = await this.toArrow();
    const convert = rowConverter(table.schema);
    return table.batches.flatMap((batch) => convert(batch));
  }

  /** The result as an Apache Arrow `Table`, exactly as the server encoded it. */
  async toArrow(): Promise<Table> {
    const { chunks } = await executeToChunks(this.client, this.root);
    return decodeTable(chunks.map((chunk) => chunk.data), chunks.map((chunk) => chunk.rowCount));
  }

  /** The number of rows. */
  async count(): Promise<number> {
    const counted = this.derive({
      $case: "aggregate",
      aggregate: {
        input: this.plan,
        groupType: Aggregate_GroupType.GROUP_TYPE_GROUPBY,
        groupingExpressions: [],
        aggregateExpressions: [
          {
            exprType: {
              $case: "unresolvedFunction",
              unresolvedFunction: {
                functionName: "count",
                arguments: [{ exprType: { $case: "literal", literal: { literalType: { $case: "integer", integer: 1 } } } }],
                isDistinct: false,
                isUserDefinedFunction: false,
              },
            },
          },
        ],
        groupingSets: [],
      },
    });
    const [row] = await counted.collect();
    return Number(row ? Row.at(row, 0) : 0);
  }

  /** The first `n` rows (PySpark's `head(n)`); see {@link DataFrame.first} for one row. */
  async head(n: number): Promise<Row[]> {
    return this.limit(n).collect();
  }

  /** The first `n` rows. */
  async take(n: number): Promise<Row[]> {
    return this.limit(n).collect();
  }

  /** The first row, or `undefined` when there is none. */
  async first(): Promise<Row | undefined> {
    const [row] = await this.limit(1).collect();
    return row;
  }

  /** Whether the DataFrame has no rows (computes at most one). */
  async isEmpty(): Promise<boolean> {
    return (await this.limit(1).count()) === 0;
  }

  /**
   * Prints the first `n` rows as Spark's own `showString` formats them.
   *
   * @param truncate `true` cuts strings to 20 characters, a number to that many, `false` not at all.
   * @param vertical one block per row instead of a grid.
   */
  async show(n = 20, truncate: boolean | number = true, vertical = false): Promise<void> {
    console.log(await this.showString(n, truncate, vertical));
  }

  /** The text {@link DataFrame.show} prints, without its final newline. */
  async showString(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const width = truncate === true ? 20 : truncate === false ? 0 : checkedCount(truncate, "truncate");
    const shown = this.derive({
      $case: "showString",
      showString: { input: this.plan, numRows: checkedCount(n, "n"), truncate: width, vertical },
    });
    const [row] = await shown.collect();
    const text = row ? Row.at(row, 0) : undefined;
    if (typeof text !== "string") throw new SparkConnectError("The server sent no text for show().");
    return text.replace(/\n$/, "");
  }

  /** The schema (resolved by the server once, then kept: the plan cannot change). */
  get schema(): Promise<StructType> {
    this.#schema ??= this.client.analyze({ $case: "schema", schema: { plan: this.root } }).then((response) => {
      const proto = response.result?.$case === "schema" ? response.result.schema.schema : undefined;
      if (!proto) throw new SparkConnectError("The server sent no schema for the DataFrame.");
      return structTypeFromProto(proto);
    });
    // A failed analysis is not kept, so a later call asks again (the table may exist by then).
    this.#schema.catch(() => (this.#schema = undefined));
    return this.#schema;
  }

  /** The column names, in order. */
  get columns(): Promise<string[]> {
    return this.schema.then((schema) => schema.fields.map((field) => field.name));
  }

  /** `[name, type]` pairs, the type as Spark's simple string (`"int"`, `"array<string>"`). */
  get dtypes(): Promise<[string, string][]> {
    return this.schema.then(dtypes);
  }

  /** Prints the schema as a tree, as Spark prints it. */
  async printSchema(level?: number): Promise<void> {
    const response = await this.client.analyze({ $case: "treeString", treeString: { plan: this.root, level } });
    console.log(response.result?.$case === "treeString" ? response.result.treeString.treeString.replace(/\n$/, "") : "");
  }

  /** Prints the plans Spark made for this DataFrame (`true`: extended; default: the physical plan). */
  async explain(mode: boolean | ExplainModeName = false): Promise<void> {
    console.log(await this.explainString(mode));
  }

  /** The text {@link DataFrame.explain} prints. */
  async explainString(mode: boolean | ExplainModeName = false): Promise<string> {
    const name: ExplainModeName = mode === true ? "extended" : mode === false ? "simple" : mode;
    const explainMode = EXPLAIN_MODES[name];
    if (explainMode === undefined) throw new RangeError(`unknown explain mode "${String(mode)}"`);
    const response = await this.client.analyze({ $case: "explain", explain: { plan: this.root, explainMode } });
    return response.result?.$case === "explain" ? response.result.explain.explainString.replace(/\n$/, "") : "";
  }

  /**
   * The rows one at a time, as they arrive: at most one Arrow batch is decoded and held at a time,
   * whatever the size of the result. Leaving the loop early cancels the rest of the stream.
   *
   * @example
   * ```ts
   * for await (const row of spark.range(1e9).toLocalIterator()) if (row.id > 5n) break;
   * ```
   */
  async *toLocalIterator(): AsyncGenerator<Row, void, undefined> {
    yield* rowsFromBatches(decodeChunks(arrowChunks(this.client, this.root)));
  }

}

function checkedCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) {
    throw new RangeError(`${what} must be a whole number from 0 to 2147483647, got ${n}`);
  }
  return n;
}
