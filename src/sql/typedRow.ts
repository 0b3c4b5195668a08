import type { SparkValue } from "../arrow";

/**
 * A result row whose columns are `T`'s fields: what `collect()`, `first()` and the other actions give
 * for a DataFrame typed with `spark.sql<T>()`, `spark.table<T>()` or `df.as<T>()`. At run time it is
 * the same frozen {@link Row}; only its type differs. Unlike `Row`, it has no string index
 * signature, so a misspelt column name is a compile error rather than a `SparkValue`; its values
 * stay reachable by position through iteration (`const [a, b] = row`, `[...row]`).
 *
 * Nothing checks `T` against the schema at run time: write `T` with the JS types the README's
 * "Spark types as JS values" table gives (`bigint` for `bigint` columns, `string` for decimals,
 * `| null` for nullable columns), or let `npx spark-ts-kernel types` write it from the real schema.
 * A typed row is a `Row` to the compiler too (its fields are values of columns), so a DataFrame of
 * typed rows goes wherever a `DataFrame` does, and `Row.values(row)` takes one.
 *
 * @example
 * ```ts
 * interface Sales { region: string | null; total: bigint | null }
 * const [row] = await spark.sql<Sales>("SELECT 'EU' AS region, 10L AS total").collect();
 * row.region;        // "EU" (typed string | null)
 * row.regoin;        // compile error TS2551: Property 'regoin' does not exist ... Did you mean 'region'?
 * const [region, total] = row; // "EU", 10n, by position
 * ```
 */
// The iterator is written as a type literal, not `Iterable<SparkValue>`: an interface in the
// intersection would keep TypeScript from seeing the fields as an index of SparkValues, and a typed
// row would not be assignable to `Row`.
export type TypedRow<T extends object> = { readonly [K in keyof T]: T[K] } & { [Symbol.iterator](): Iterator<SparkValue> };
