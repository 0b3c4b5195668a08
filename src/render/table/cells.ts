// The text of one JS value in a table cell, for tables of JS rows (results read from Arrow print
// as Spark's show() does, see sparkValueText.ts). Dates, times and intervals read as Spark prints
// them; nested values (arrays, maps, structs) in a compact JSON-like form in which strings are
// quoted, so the string "null" and a null, or "1" and 1, stay apart inside them.
import { Timestamp } from "../../arrow";
import { visibleText } from "./visible";

// Bounds on what one cell's text is made of, for JS rows and Arrow results alike: a cell shows a
// few hundred characters at most, and its tooltip some thousands, so a million-element array is
// not worth formatting in full.
/** The items of one array, map or struct a cell shows; then how many more there are. */
export const MAX_ITEMS = 1000;
/** The bytes of one binary a cell shows; then how many there are. */
export const MAX_BYTES = 1024;
/** The levels of nesting a cell shows; deeper ones are an ellipsis. */
export const MAX_DEPTH = 16;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A number as a cell shows it: `String(n)`, but `-0` keeps its sign.
 *
 * @example
 * ```ts
 * numberText(1.5); // "1.5"
 * numberText(-0);  // "-0"
 * ```
 */
export function numberText(value: number): string {
  return value === 0 && 1 / value < 0 ? "-0" : String(value);
}

/**
 * Bytes as Spark's SQL writes a binary literal, `X'01FF'`, cut after the first kilobyte.
 *
 * @example
 * ```ts
 * binaryText(Uint8Array.of(1, 255)); // "X'01FF'"
 * ```
 */
export function binaryText(bytes: Uint8Array): string {
  const shown = bytes.length > MAX_BYTES ? bytes.subarray(0, MAX_BYTES) : bytes;
  const hex = Buffer.from(shown.buffer, shown.byteOffset, shown.byteLength).toString("hex").toUpperCase();
  return bytes.length > MAX_BYTES ? `X'${hex}…' (${bytes.length} bytes)` : `X'${hex}'`;
}

function dateText(date: Date): string {
  if (date instanceof Timestamp) return date.toString();
  return Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString();
}

/** Whether the object prints through a `toString` of its own class (LocalDate, VariantValue, intervals, Error...). */
function hasOwnText(value: object): boolean {
  const toString = (value as { toString?: unknown }).toString;
  return typeof toString === "function" && toString !== Object.prototype.toString;
}

function items(values: Iterable<unknown>, size: number, format: (value: unknown) => string): string {
  const parts: string[] = [];
  for (const value of values) {
    if (parts.length === MAX_ITEMS) {
      parts.push(`… ${size - MAX_ITEMS} more`);
      break;
    }
    parts.push(format(value));
  }
  return parts.join(", ");
}

function nested(value: unknown, depth: number, seen: Set<object>): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return numberText(value);
    case "bigint":
    case "boolean":
    case "symbol":
      return value.toString();
    case "function":
      return `[Function ${value.name || "(anonymous)"}]`;
  }
  const object = value;
  if (object instanceof Uint8Array) return binaryText(object);
  if (object instanceof Date) return dateText(object);
  if (depth >= MAX_DEPTH) return "…";
  if (seen.has(object)) return "[Circular]";
  seen.add(object);
  const inner = (v: unknown) => nested(v, depth + 1, seen);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${items(object, object.length, inner)}]`;
  } else if (object instanceof Set) {
    text = `[${items(object, object.size, inner)}]`;
  } else if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
    const array = object as unknown as ArrayLike<unknown>;
    text = `[${items(Array.from(array), array.length, inner)}]`;
  } else if (object instanceof Map) {
    text = `{${items(object, object.size, (entry) => {
      const [k, v] = entry as [unknown, unknown];
      return `${inner(k)} -> ${inner(v)}`;
    })}}`;
  } else if (hasOwnText(object)) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- hasOwnText found a toString other than Object's
    text = String(object);
  } else {
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record);
    text = `{${items(keys, keys.length, (key) => {
      const name = key as string;
      return `${IDENTIFIER.test(name) ? name : JSON.stringify(name)}: ${inner(record[name])}`;
    })}}`;
  }
  seen.delete(object);
  return text;
}

/**
 * The text a table shows for a value, or `null` for a null (or `undefined`): a top-level string as
 * is, numbers as JS prints them, dates and times as Spark does (`2024-03-01 12:34:56.5`), decimals
 * (exact strings) as sent, binary as `X'0102'`, variants as JSON, and arrays, maps and structs
 * compactly: `[1, null]`, `{"k" -> 1}`, `{a: 1, b: "x"}`. Control characters are escaped
 * (see {@link visibleText}).
 *
 * @example
 * ```ts
 * cellText("a\tb");                       // "a\\tb"
 * cellText([1, null, "null"]);            // '[1, null, "null"]'
 * cellText(new Map([["k", { x: 1 }]]));  // '{"k" -> {x: 1}}'
 * cellText(null);                         // null
 * ```
 */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return visibleText(value);
    case "number":
      return numberText(value);
    case "bigint":
    case "boolean":
      return value.toString();
  }
  return visibleText(nested(value, 0, new Set()));
}
