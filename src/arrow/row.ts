import type { SparkValue } from "./values";

/** How a column list becomes properties, worked out once per (frozen) column list. */
interface Layout {
  /** The positions that own a name (the first of each). */
  readonly owners: readonly number[];
  /** The names of those positions, in the same order. */
  readonly names: readonly string[];
  /** Whether a column is called "__proto__" (it needs defineProperty). */
  readonly hasProto: boolean;
}

const layouts = new WeakMap<readonly string[], Layout>();
// The last list asked about: a converter makes all its rows with one list, so a million rows
// cost one WeakMap lookup, not a million.
let lastColumns: readonly string[] | undefined;
let lastLayout: Layout | undefined;

function layoutOf(columns: readonly string[]): Layout {
  if (columns === lastColumns) return lastLayout!;
  let layout = layouts.get(columns);
  if (!layout) {
    const seen = new Set<string>();
    const owners = columns.flatMap((name, i) => (seen.has(name) ? [] : (seen.add(name), [i])));
    const names = owners.map((i) => columns[i]);
    layout = { owners, names, hasProto: names.includes("__proto__") };
    layouts.set(columns, layout);
  }
  lastColumns = columns;
  lastLayout = layout;
  return layout;
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
 * The type is structural (any column name, values that are {@link SparkValue}s), so the rows of a
 * typed DataFrame ({@link TypedRow}) are `Row`s to the compiler too, and a function written for
 * `DataFrame` takes a typed one. The value `Row` is the class every row the client makes is an
 * instance of (`row instanceof Row`).
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
export interface Row {
  readonly [column: string]: SparkValue;
  /** The values in column order. */
  [Symbol.iterator](): Iterator<SparkValue>;
}

/** The class of rows, and the positional access to them (see {@link Row}). */
export interface RowConstructor {
  /**
   * A row with these column names and values (same length). The row may keep `values` as is: do
   * not change the array afterwards.
   * @throws RangeError when the lengths differ.
   */
  new (columns: readonly string[], values: readonly SparkValue[]): Row;
  readonly prototype: Row;
  /**
   * Every value of a row the client made, in column order (a new array).
   * @example
   * ```ts
   * Row.values(new Row(["a", "a"], [1, 2])); // [1, 2]
   * ```
   */
  values(row: Row): SparkValue[];
  /**
   * The column names of a row the client made, in order, repeats included.
   * @example
   * ```ts
   * Row.columns(new Row(["a", "a"], [1, 2])); // ["a", "a"]
   * ```
   */
  columns(row: Row): readonly string[];
  /**
   * The value at position `index` of a row the client made (negative counts from the end, as
   * `Array.prototype.at`).
   * @throws RangeError when there is no such column.
   * @example
   * ```ts
   * Row.at(new Row(["a", "b"], [1, 2]), -1); // 2
   * ```
   */
  at(row: Row, index: number): SparkValue;
}

// Inside the class, `Row` is the class itself: its statics read the private fields of the rows
// given to them, which are always its instances (the structural type is for the compiler only).
export const Row: RowConstructor = class Row {
  readonly [column: string]: SparkValue;
  readonly #columns: readonly string[];
  // Only when a name repeats: otherwise the properties hold every value, and a second copy of
  // them per row would be a million more arrays for the garbage collector in a large collect().
  readonly #values: readonly SparkValue[] | undefined;

  /**
   * A row with these column names and values (same length). The row may keep `values` as is: do
   * not change the array afterwards.
   */
  constructor(columns: readonly string[], values: readonly SparkValue[]) {
    if (columns.length !== values.length) {
      throw new RangeError(`A row needs one value per column: ${columns.length} columns, ${values.length} values`);
    }
    this.#columns = Object.isFrozen(columns) ? columns : Object.freeze([...columns]);
    const { owners, names, hasProto } = layoutOf(this.#columns);
    this.#values = owners.length === values.length ? undefined : values;
    const self = this as unknown as Record<string, SparkValue>;
    for (let k = 0; k < owners.length; k++) {
      const name = names[k];
      // Assigning "__proto__" would replace the prototype instead of adding a column.
      if (hasProto && name === "__proto__") {
        Object.defineProperty(self, name, { value: values[owners[k]], enumerable: true, writable: true, configurable: true });
      } else {
        self[name] = values[owners[k]]!;
      }
    }
    Object.freeze(this);
  }

  /** Every value of the row, in column order (a new array). */
  static values(row: Row): SparkValue[] {
    if (row.#values) return [...row.#values];
    const self = row as unknown as Record<string, SparkValue>;
    return row.#columns.map((name) => self[name]!);
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
    const width = row.#columns.length;
    const at = index < 0 ? width + index : index;
    if (!Number.isInteger(at) || at < 0 || at >= width) {
      throw new RangeError(`No column at position ${index}: the row has ${width}`);
    }
    return row.#values ? row.#values[at]! : (row as unknown as Record<string, SparkValue>)[row.#columns[at]]!;
  }

  /** The values in column order. */
  [Symbol.iterator](): Iterator<SparkValue> {
    return Row.values(this)[Symbol.iterator]();
  }
};
