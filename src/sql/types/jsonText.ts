/** A JSON value: what Spark's schema JSON and a field's metadata are made of. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * JSON text written as PySpark's `json.dumps(value, separators=(",", ":"), sort_keys=True)`
 * writes it: compact, object keys sorted at every level, everything beyond ASCII as `\uXXXX`.
 * Matching it byte for byte makes `json()` comparable with what PySpark prints for the same type.
 */
export function canonicalJson(value: JsonValue): string {
  return write(value).replace(/[^\x20-\x7e]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function write(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (isArray(value)) return "[" + value.map(write).join(",") + "]";
  const keys = Object.keys(value).sort();
  return "{" + keys.map((key) => JSON.stringify(key) + ":" + write(value[key])).join(",") + "}";
}

/** A deep copy of a JSON value, frozen at every level. */
export function frozenJsonCopy<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (isArray(value)) return Object.freeze(value.map(frozenJsonCopy)) as unknown as T;
  // fromEntries defines each key as data, so a "__proto__" key from JSON stays a plain key.
  return Object.freeze(Object.fromEntries(Object.entries(value).map(([key, item]) => [key, frozenJsonCopy(item)]))) as T;
}

/** Whether two JSON values are equal, the order of object keys aside (as Python compares dicts). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Whether a JSON value is an object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !isArray(value);
}

// Array.isArray does not narrow a readonly array out of a union.
function isArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}
