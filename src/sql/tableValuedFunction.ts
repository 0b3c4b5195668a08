import type { Column } from "./column";
import { DataFrame } from "./dataframe";
import { tableValuedFunction } from "./plan/sources";
import type { SparkSession } from "./session";

/**
 * Spark's table-valued functions (`spark.tvf`): each gives a DataFrame whose rows the function
 * generates, as `SELECT * FROM explode(...)` does in SQL.
 *
 * @example
 * ```ts
 * await spark.tvf.explode(F.array(lit(1), lit(2))).collect(); // [{ col: 1 }, { col: 2 }]
 * await spark.tvf.stack(lit(2), lit("a"), lit(1), lit("b"), lit(2)).show();
 * ```
 */
export class TableValuedFunction {
  /** @internal Use `spark.tvf`. */
  constructor(private readonly sparkSession: SparkSession) {}

  /** The same as `spark.range`. */
  range(start: number | bigint, end?: number | bigint, step: number | bigint = 1, numPartitions?: number): DataFrame {
    return this.sparkSession.range(start, end, step, numPartitions);
  }

  /** One row per element of an array (column `col`), or per entry of a map (`key`, `value`). */
  explode(collection: Column): DataFrame {
    return this.call("explode", collection);
  }

  /** {@link TableValuedFunction.explode}, with one row of nulls for a null or empty collection. */
  explode_outer(collection: Column): DataFrame {
    return this.call("explode_outer", collection);
  }

  /** One row per struct of an array of structs, a column per field. */
  inline(input: Column): DataFrame {
    return this.call("inline", input);
  }

  /** {@link TableValuedFunction.inline}, with one row of nulls for a null or empty array. */
  inline_outer(input: Column): DataFrame {
    return this.call("inline_outer", input);
  }

  /** The given fields of a JSON object string, one column each (`c0`, `c1`, ...). */
  json_tuple(input: Column, ...fields: Column[]): DataFrame {
    if (fields.length === 0) throw new TypeError("json_tuple needs at least one field");
    return this.call("json_tuple", input, ...fields);
  }

  /** {@link TableValuedFunction.explode} with the position of each element (`pos`). */
  posexplode(collection: Column): DataFrame {
    return this.call("posexplode", collection);
  }

  /** {@link TableValuedFunction.posexplode}, with one row of nulls for a null or empty collection. */
  posexplode_outer(collection: Column): DataFrame {
    return this.call("posexplode_outer", collection);
  }

  /** `fields` laid out in `n` rows (`col0`, `col1`, ...). */
  stack(n: Column, ...fields: Column[]): DataFrame {
    return this.call("stack", n, ...fields);
  }

  /** The collations the server supports, with their properties. */
  collations(): DataFrame {
    return this.call("collations");
  }

  /** Spark SQL's keywords, and whether each is reserved. */
  sql_keywords(): DataFrame {
    return this.call("sql_keywords");
  }

  /** One row per element of a variant array or field of a variant object (`pos`, `key`, `value`). */
  variant_explode(input: Column): DataFrame {
    return this.call("variant_explode", input);
  }

  /** {@link TableValuedFunction.variant_explode}, with one row of nulls when there is nothing to explode. */
  variant_explode_outer(input: Column): DataFrame {
    return this.call("variant_explode_outer", input);
  }

  /** The logs of the server's Python workers (Python UDFs); empty where none ran. */
  python_worker_logs(): DataFrame {
    return this.call("python_worker_logs");
  }

  private call(functionName: string, ...args: Column[]): DataFrame {
    return new DataFrame(
      this.sparkSession,
      tableValuedFunction(
        functionName,
        args.map((a) => a.expr),
      ),
    );
  }
}
