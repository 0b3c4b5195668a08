import { editAll, type Json } from "../capture";
import type { Difference } from "./planCase";

// The deliberate differences that several cases share, each with the edit that undoes it.

type JsonObject = { [key: string]: Json };

function isObject(json: Json | undefined): json is JsonObject {
  return json !== null && typeof json === "object" && !Array.isArray(json);
}

/** `json` with `edit` applied to every object under property `key` (other values left alone). */
function editObjects(json: Json, key: string, edit: (value: JsonObject) => JsonObject): Json {
  return editAll(json, key, (value) => (isObject(value) ? edit(value) : value));
}

/** An expression node of the canonical form: `{ exprType: { $case, [case]: ... } }`. */
function exprCase(expression: Json | undefined): [string, Json] | undefined {
  const exprType = isObject(expression) ? expression.exprType : undefined;
  if (!isObject(exprType) || typeof exprType.$case !== "string") return undefined;
  return [exprType.$case, exprType[exprType.$case] ?? null];
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
  );
}

/** Python's `json.dumps` spacing: `{"a": 1, "b": [1, 2]}`. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value);
}

export const RENAMES_MAP: Difference = {
  reason: "this client also fills rename_columns_map, the field Spark 3.5 servers read (Spark 4 reads renames)",
  undo: (ours) => editAll(ours, "renameColumnsMap", () => ({})),
};

export const SQL_LEGACY_FIELDS: Difference = {
  reason: "this client also fills SqlCommand's sql, args and pos_args, the fields Spark 3.5 servers read (Spark 4 reads input)",
  undo: (ours) => editObjects(ours, "sqlCommand", (command) => ({ ...command, sql: "", args: {}, posArgs: [] })),
};

export const DEFAULT_SAVE_MODE: Difference = {
  reason:
    "this client sends the default save mode, ERROR_IF_EXISTS, where PySpark leaves it UNSPECIFIED, which the server reads as that default",
  undo: (ours) => editObjects(ours, "writeOperation", (write) => (write.mode === 3 ? { ...write, mode: 0 } : write)),
};

export const DEFAULT_COLLATION: Difference = {
  reason: 'this client sends the default collation as "", as the server itself does and reads it; PySpark names it UTF8_BINARY',
  undo: (ours) => editAll(ours, "collation", (collation) => (collation === "" ? "UTF8_BINARY" : collation)),
};

export const METADATA_JSON: Difference = {
  reason: "metadata JSON is written without spaces (Python's json.dumps puts them after ':' and ','); the server parses the JSON",
  undo: (ours) => editAll(ours, "metadata", (text) => (typeof text === "string" && text !== "" ? pythonJson(JSON.parse(text)) : text)),
};

export const SCHEMA_JSON: Difference = {
  reason: "a schema's JSON keeps Spark's key order (type, fields); PySpark sorts the keys. The server parses the JSON",
  undo: (ours) =>
    editAll(ours, "schema", (text) =>
      typeof text === "string" && text.startsWith("{") ? JSON.stringify(sortedKeys(JSON.parse(text))) : text,
    ),
};

export const ARRAY_LITERAL =
  "a JS array becomes one typed array literal (as Scala's typedLit makes); PySpark calls array() on a literal per element. Both give the same array";

export const COUNT_STAR: Difference = {
  reason: 'count("*") is sent as count(1), what Spark computes for count(*) and names count(1); PySpark sends the string "*" as a star',
  undo: (ours) =>
    editObjects(ours, "unresolvedFunction", (call) => {
      const [only, ...rest] = Array.isArray(call.arguments) ? call.arguments : [];
      const literal = exprCase(only);
      const one =
        literal?.[0] === "literal" && isObject(literal[1]) && isObject(literal[1].literalType) && literal[1].literalType.integer === 1;
      return call.functionName === "count" && rest.length === 0 && one
        ? { ...call, arguments: [{ exprType: { $case: "unresolvedStar", unresolvedStar: {} } }] }
        : call;
    }),
};

export const REPLACE_NUMBERS: Difference = {
  reason:
    "whole numbers are replaced as int literals, where PySpark makes every number a double; Spark's na.replace converts numbers to double itself",
  undo: (ours) =>
    editAll(ours, "literalType", (literal) =>
      isObject(literal) && literal.$case === "integer" ? { $case: "double", double: literal.integer ?? 0 } : literal,
    ),
};

export const FREQ_ITEMS_SUPPORT: Difference = {
  reason: "without a support this client leaves it unset, which the server reads as 1%; PySpark sends 0.01",
  undo: (ours) => editObjects(ours, "freqItems", (freqItems) => ({ support: 0.01, ...freqItems })),
};

export const MERGE_ASSIGNMENT_KEYS: Difference = {
  reason:
    "assignment keys are column references (col), where PySpark sends SQL text (expr); the server resolves both to the same target column",
  undo: (ours) =>
    editAll(ours, "assignments", (assignments) =>
      Array.isArray(assignments)
        ? assignments.map((assignment) => {
            const keyCase = isObject(assignment) ? exprCase(assignment.key) : undefined;
            if (!isObject(assignment) || keyCase?.[0] !== "unresolvedAttribute" || !isObject(keyCase[1])) return assignment;
            const expression = keyCase[1].unparsedIdentifier ?? "";
            return { ...assignment, key: { exprType: { $case: "expressionString", expressionString: { expression } } } };
          })
        : assignments,
    ),
};

export const DECLARED_DECIMAL: Difference = {
  reason:
    "JS has no decimal values, so a decimal literal is given with its type, decimal(4,2) here; PySpark declares decimal(10,0) for a Python Decimal whatever its digits",
  undo: (ours) => editObjects(ours, "decimal", (decimal) => ({ ...decimal, precision: 10, scale: 0 })),
};
