import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, withOptions, type FormatOptions } from "./invoke";

export type { FormatOptions } from "./invoke";

/** A CSV line parsed into a struct of DDL `schema`. @example F.from_csv("line", "a INT, b STRING") */
export function from_csv(col: ColumnOrName, schema: Column | string, options?: FormatOptions): Column {
  return invoke("from_csv", col, lit(schema), ...withOptions(options));
}
/** The DDL schema Spark infers from a CSV line. @example F.schema_of_csv("1,abc") */
export function schema_of_csv(csv: Column | string, options?: FormatOptions): Column {
  return invoke("schema_of_csv", lit(csv), ...withOptions(options));
}
/** A struct as a CSV line. @example F.to_csv(F.struct("a", "b")) */
export function to_csv(col: ColumnOrName, options?: FormatOptions): Column {
  return invoke("to_csv", col, ...withOptions(options));
}
