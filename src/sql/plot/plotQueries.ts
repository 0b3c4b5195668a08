// Runs a plot's DataFrames and turns their small results into chart data.
import { Row, tableToRows } from "../../arrow";
import { ChartValueConverter, type ChartColumn, type ChartData, type ChartValue } from "../../render";
import { col, type Column } from "../column";
import type { DataFrame } from "../dataframe";
import { executeToTable } from "../execution";
import { rootPlan } from "../plan/commands";
import { structTypeFromProto } from "../types";

/** A small result: its columns with Spark types, and its rows as JS values. */
export interface SmallResult {
  readonly columns: readonly ChartColumn[];
  readonly rows: readonly Row[];
}

/** A column by its exact name (a "." in it is part of the name, not a nested field). */
export function column(name: string): Column {
  return col("`" + name.replace(/`/g, "``") + "`");
}

/**
 * Runs `df` (already bounded by its caller) and returns its rows, with the Spark types the server
 * sent along with them (Arrow's own types cannot tell a decimal's or a date's Spark type apart).
 */
export async function run(df: DataFrame): Promise<SmallResult> {
  const { table, summary } = await executeToTable(df.sparkSession.client, rootPlan(df.plan));
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
      // Decimals arrive as exact strings (see arrow's readers); the converter says when a number rounds them.
      out[column.name] = column.type.startsWith("decimal")
        ? convert.decimal(column.name, typeof v === "string" ? v : null)
        : convert.convert(column.name, v);
    });
    return out;
  });
  const precision = convert.note;
  return { columns: result.columns, rows, notes: precision ? [...notes, precision] : notes };
}
