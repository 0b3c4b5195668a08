import type { SparkValue } from "./values";

// Which positions own a name (the first of each), worked out once per (frozen) column list.
const firstOccurrences = new WeakMap<readonly string[], readonly number[]>();

function ownersOf(columns: readonly string[]): readonly number[] {
  let owners = firstOccurrences.get(columns);
  if (!owners) {
    const seen = new Set<string>();
    owners = columns.flatMap((name, i) => (seen.has(name) ? [] : (seen.add(name), [i])));
    firstOccurrences.set(columns, owners);
  }
  return owners;
}

/**
 * One row of a result. Its own enumerable properties are its columns, so it reads, spreads, prints
 * (`Row { id: 1n, name: 'a' }`) and serializes like a plain object. When a name repeats (as in
 * `SELECT 1 AS a, 2 AS a`) the property holds the first such column; every value stays reachable
 * by position through `Row.values(row)`, `Row.at(row, i)` and iteration (`const [x, y] = row`).
 *
 * Positional access is static or symbol-keyed, never a string-keyed method: a column may be called
 * anything (`values`, `get`, `toJSON`), and no column name can hide it. Rows are frozen: a
 * property changed in place would no longer agree with the row's positional values.
 *
 * @example
 * ```ts
 * const [row] = await (await spark.sql("SELECT 1 AS a, 2 AS a, 'x' AS b")).collect();
 * row.a;            // 1
 * row.b;            // "x"
 * Row.values(row);  // [1, 2, "x"]
 * Row.columns(row); // ["a", "a", "b"]
 * const [first, second] = row; // 1, 2
 * ```
 */
export class Row implements Iterable<SparkValue> {
  readonly [column: string]: SparkValue;
  readonly #columns: readonly string[];
  readonly #values: readonly SparkValue[];

  /**
   * A row with these column names and values (same length). The row keeps `values` as is: do not
   * change the array afterwards.
   */
  constructor(columns: readonly string[], values: readonly SparkValue[]) {
    if (columns.length !== values.length) {
      throw new RangeError(`A row needs one value per column: ${columns.length} columns, ${values.length} values`);
    }
    this.#columns = Object.isFrozen(columns) ? columns : Object.freeze([...columns]);
    this.#values = values;
    const self = this as unknown as Record<string, SparkValue>;
    for (const i of ownersOf(this.#columns)) {
      const name = this.#columns[i]!;
      // Assigning "__proto__" would replace the prototype instead of adding a column.
      if (name === "__proto__") {
        Object.defineProperty(self, name, { value: values[i], enumerable: true, writable: true, configurable: true });
      } else {
        self[name] = values[i]!;
      }
    }
    Object.freeze(this);
  }

  /** Every value of the row, in column order (a new array). */
  static values(row: Row): SparkValue[] {
    return [...row.#values];
  }

  /** The column names of the row, in order, repeats included. */
  static columns(row: Row): readonly string[] {
    return row.#columns;
  }

  /**
   * The value at position `index` (negative counts from the end, as `Array.prototype.at`).
   * @throws RangeError when there is no such column.
   */
  static at(row: Row, index: number): SparkValue {
    const values = row.#values;
    const at = index < 0 ? values.length + index : index;
    if (!Number.isInteger(at) || at < 0 || at >= values.length) {
      throw new RangeError(`No column at position ${index}: the row has ${values.length}`);
    }
    return values[at]!;
  }

  /** The values in column order. */
  [Symbol.iterator](): Iterator<SparkValue> {
    return this.#values[Symbol.iterator]();
  }
}
