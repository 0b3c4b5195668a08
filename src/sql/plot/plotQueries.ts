// Runs a plot's plans and turns their small results into chart data.
import type { Relation } from "../../gen/spark/connect/relations";
import { Row, tableToRows } from "../../arrow";
import { ChartValueConverter, type ChartColumn, type ChartData, type ChartValue } from "../../render";
import { executeToTable } from "../execution";
import type { SparkSession } from "../session";
import { structTypeFromProto } from "../types";

/** A small result: its columns with Spark types, and its rows as JS values. */
export interface SmallResult {
  readonly columns: readonly ChartColumn[];
  readonly rows: readonly Row[];
}

/** Runs `plan` (already bounded by its caller) and returns its rows. */
export async function run(spark: SparkSession, plan: Relation): Promise<SmallResult> {
  const { table, summary } = await executeToTable(spark.client, { opType: { $case: "root", root: plan } });
  const types = summary.schema ? structTypeFromProto(summary.schema).fields.map((f) => f.dataType.simpleString()) : [];
  const columns = table.schema.fields.map((f, i) => ({ name: f.name, type: types[i] ?? "string" }));
  return { columns, rows: tableToRows(table) };
}

/** The one number of a one-row, one-column result (a count, a min, ...). */
export function scalar(result: SmallResult, at = 0): number | null {
  const row = result.rows[0];
  const v = row === undefined ? null : Row.at(row, at);
  return v === null || v === undefined ? null : Number(v);
}

/** Chart data from a small result, numbers converted with a note when precision is reduced. */
export function chartData(result: SmallResult, notes: readonly string[]): ChartData {
  const convert = new ChartValueConverter();
  const rows = result.rows.map((row) => {
    const out: Record<string, ChartValue> = {};
    result.columns.forEach((column, i) => {
      const v = Row.at(row, i);
      out[column.name] = column.type.startsWith("decimal")
        ? convert.decimal(column.name, v === null ? null : String(v))
        : convert.convert(column.name, v);
    });
    return out;
  });
  const precision = convert.note;
  return { columns: result.columns, rows, notes: precision ? [...notes, precision] : notes };
}
