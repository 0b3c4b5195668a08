import { lit, type Column, type ColumnOrName } from "../column";
import { StructType } from "../types";
import { invoke, withOptions, type FormatOptions } from "./invoke";

/** XML text parsed into a struct of `schema` (a StructType, a DDL string, or a Column). @example F.from_xml("x", "a INT") */
export function from_xml(col: ColumnOrName, schema: StructType | Column | string, options?: FormatOptions): Column {
  return invoke("from_xml", col, lit(schema instanceof StructType ? schema.json() : schema), ...withOptions(options));
}
/** The DDL schema Spark infers from XML text. @example F.schema_of_xml("<p><a>1</a></p>") */
export function schema_of_xml(xml: Column | string, options?: FormatOptions): Column {
  return invoke("schema_of_xml", lit(xml), ...withOptions(options));
}
/** A struct as XML text. @example F.to_xml(F.struct("a")) */
export function to_xml(col: ColumnOrName, options?: FormatOptions): Column {
  return invoke("to_xml", col, ...withOptions(options));
}
/** The texts an XPath selects, as an array. @example F.xpath("x", F.lit("a/b/text()")) */
export function xpath(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath", xml, path);
}
/** Whether an XPath matches. @example F.xpath_boolean("x", F.lit("a/b")) */
export function xpath_boolean(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath_boolean", xml, path);
}
/** An XPath's value as a double. @example F.xpath_double("x", F.lit("sum(a/b)")) */
export function xpath_double(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath_double", xml, path);
}
/** An XPath's value as a float. @example F.xpath_float("x", F.lit("sum(a/b)")) */
export function xpath_float(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath_float", xml, path);
}
/** An XPath's value as an int. @example F.xpath_int("x", F.lit("sum(a/b)")) */
export function xpath_int(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath_int", xml, path);
}
/** An XPath's value as a bigint. @example F.xpath_long("x", F.lit("sum(a/b)")) */
export function xpath_long(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath_long", xml, path);
}
/** An XPath's value as a double. @example F.xpath_number("x", F.lit("sum(a/b)")) */
export function xpath_number(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath_number", xml, path);
}
/** An XPath's value as a smallint. @example F.xpath_short("x", F.lit("sum(a/b)")) */
export function xpath_short(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath_short", xml, path);
}
/** The text of the first node an XPath selects. @example F.xpath_string("x", F.lit("a/b")) */
export function xpath_string(xml: ColumnOrName, path: ColumnOrName): Column {
  return invoke("xpath_string", xml, path);
}
