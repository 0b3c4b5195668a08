// What inspection shows beyond TypeScript's own signature: a schema as the tree Spark's
// printSchema prints, where a DataFrame comes from (the table it reads, the SQL it was made from,
// or the operator at its top, as Spark parsed its plan), and the server's description of a
// function. Pure text: the lookups are in schemaCache.ts.
import { ArrayType, MapType, StructType, type DataType } from "spark-ts";

/** A type's name in the tree: the family for nested types, else as Spark writes it in JSON (`integer`, `decimal(10,2)`). */
function treeTypeName(type: DataType): string {
  if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) return type.typeName();
  const json = type.jsonValue();
  return typeof json === "string" ? json : type.typeName();
}

function nestedLines(type: DataType, prefix: string, lines: string[]): void {
  if (type instanceof StructType) {
    for (const field of type.fields) {
      lines.push(`${prefix}-- ${field.name}: ${treeTypeName(field.dataType)} (nullable = ${field.nullable})`);
      nestedLines(field.dataType, `${prefix}    |`, lines);
    }
  } else if (type instanceof ArrayType) {
    lines.push(`${prefix}-- element: ${treeTypeName(type.elementType)} (containsNull = ${type.containsNull})`);
    nestedLines(type.elementType, `${prefix}    |`, lines);
  } else if (type instanceof MapType) {
    lines.push(`${prefix}-- key: ${treeTypeName(type.keyType)}`);
    nestedLines(type.keyType, `${prefix}    |`, lines);
    lines.push(`${prefix}-- value: ${treeTypeName(type.valueType)} (valueContainsNull = ${type.valueContainsNull})`);
    nestedLines(type.valueType, `${prefix}    |`, lines);
  }
}

/**
 * A schema as the tree `printSchema()` prints.
 *
 * @example
 * ```ts
 * schemaTree(new StructType().add("id", new LongType(), false));
 * // "root\n |-- id: long (nullable = false)"
 * ```
 */
export function schemaTree(schema: StructType): string {
  const lines = ["root"];
  nestedLines(schema, " |", lines);
  return lines.join("\n");
}

/** Where a DataFrame comes from, as far as the kernel can tell. */
export interface Origin {
  /** The cell and code that made it, when a cell the kernel ran assigned it. */
  readonly definition?: { readonly cell: number; readonly code: string; readonly sql?: string };
  /** The plan Spark parsed for it (`'Project ...`), when the server gave it. */
  readonly parsedPlan?: string;
}

/** The tables a parsed plan reads (`'UnresolvedRelation [db, people], [], false`). */
export function tablesOfParsedPlan(plan: string): string[] {
  const tables: string[] = [];
  for (const match of plan.matchAll(/'UnresolvedRelation \[([^\]]*)\]/g)) {
    const name = match[1].split(", ").join(".");
    if (!tables.includes(name)) tables.push(name);
  }
  return tables;
}

/** The operator at the top of a parsed plan, without Spark's unresolved mark: `Project`, `Aggregate`. */
export function rootOperator(plan: string): string | undefined {
  return /^'?(\w+)/.exec(plan)?.[1];
}

/** The longest plan shown (in lines): deeper plans end with a line saying how many were left out. */
const PLAN_LINES = 12;

/**
 * The "comes from" part of a DataFrame's inspection: its SQL, else the table it reads, else the
 * operator at its top and the tables under it; then the cell that made it and Spark's parsed plan.
 *
 * @example
 * ```ts
 * originText({ parsedPlan: "'UnresolvedRelation [people], [], false" }); // "Comes from: table people\n..."
 * ```
 */
export function originText(origin: Origin): string {
  const lines: string[] = [];
  const plan = origin.parsedPlan;
  const sql = origin.definition?.sql;
  if (sql !== undefined) {
    lines.push(`Comes from: SQL\n${indent(sql)}`);
  } else if (plan) {
    const tables = tablesOfParsedPlan(plan);
    const operator = rootOperator(plan);
    if (operator === "UnresolvedRelation" && tables.length === 1) lines.push(`Comes from: table ${tables[0]}`);
    else if (operator)
      lines.push(`Comes from: ${operator}${tables.length ? ` over ${tables.length === 1 ? "table" : "tables"} ${tables.join(", ")}` : ""}`);
  }
  if (origin.definition) lines.push(`Defined in cell [${origin.definition.cell}]:\n${indent(origin.definition.code)}`);
  if (plan) {
    const planLines = plan.split("\n");
    const shown = planLines.slice(0, PLAN_LINES);
    if (planLines.length > PLAN_LINES) shown.push(`... ${planLines.length - PLAN_LINES} more lines`);
    lines.push(`Plan (as Spark parsed it):\n${indent(shown.join("\n"))}`);
  }
  return lines.join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

/** A function's section: the server's description, under a heading that says where it is from. */
export function functionDocsText(name: string, described: string): string {
  return `Spark SQL function ${name} (DESCRIBE FUNCTION EXTENDED):\n${described}`;
}

/** `sumDistinct` as Spark spells function names: `sum_distinct`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}
