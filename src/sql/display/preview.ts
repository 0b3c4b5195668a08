import type { Table } from "apache-arrow";
import type { DataFrame } from "../dataframe";
import { executeToTable } from "../execution";
import { structTypeFromProto } from "../types";

/** The first rows of a DataFrame, as much as a table view needs and no more. */
export interface Preview {
  /** At most `maxRows` rows, as the server encoded them. */
  readonly table: Table;
  /** Each column's Spark type, as Spark writes it (`"int"`, `"array<string>"`, `"decimal(10,2)"`). */
  readonly columnTypes: readonly string[];
  /** Whether the DataFrame has more rows than were fetched. */
  readonly more: boolean;
}

/**
 * Fetches `maxRows + 1` rows in one call (the extra row only tells whether more exist) with the
 * Spark schema the server sends beside them, so a display knows column types without a second
 * round trip.
 *
 * @example
 * ```ts
 * const { table, columnTypes, more } = await preview(spark.range(1000), 20);
 * // table.numRows === 20, columnTypes == ["bigint"], more === true
 * ```
 */
export async function preview(df: DataFrame, maxRows: number): Promise<Preview> {
  const limited = df.limit(maxRows + 1);
  const { table: full, summary } = await executeToTable(df.sparkSession.client, {
    opType: { $case: "root", root: limited.plan },
  });
  const more = full.numRows > maxRows;
  const table = more ? full.slice(0, maxRows) : full;
  const columnTypes = summary.schema
    ? structTypeFromProto(summary.schema).fields.map((f) => f.dataType.simpleString())
    : [];
  return { table, columnTypes, more };
}
