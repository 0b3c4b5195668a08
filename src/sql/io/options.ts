import { checkedNumber } from "../validation";

/** A data source option's value; Spark reads them all as strings, so booleans and numbers are turned into them. */
export type OptionValue = string | number | boolean | bigint;

/** Options of a data source, by name; `undefined` and `null` entries are left out, as PySpark's `None` is. */
export type OptionsRecord = Readonly<Record<string, OptionValue | null | undefined>>;

/** The options as Spark takes them: strings, with JS `true`/`false` as `"true"`/`"false"`. */
export function optionStrings(options: OptionsRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    // Spark takes strings only: an object would go as "[object Object]" and be misread silently.
    if (typeof value === "object") throw new TypeError(`option ${key} must be a string, number, boolean or bigint`);
    if (typeof value === "number") checkedNumber(value, `option ${key}`);
    out[key] = String(value);
  }
  return out;
}

/** One path or several, as the file sources take them. */
export type Paths = string | readonly string[];

export function pathList(paths: Paths | undefined): string[] {
  if (paths === undefined) return [];
  const list = typeof paths === "string" ? [paths] : [...paths];
  if (list.some((p) => typeof p !== "string" || p === "")) throw new TypeError("paths must be non-empty strings");
  return list;
}
