import type { Relation } from "../gen/spark/connect/relations";
import { DataFrame } from "./dataframe";
import type { LiteralValue } from "./plan/literal";
import { dropNa, fillNa, replace } from "./plan/statNodes";
import { checkedWholeNumber, INT32_MAX } from "./validation";

/** A value `na.fill` and `na.replace` work with: a number, a string or a boolean (or null, for replace). */
export type NaValue = number | bigint | string | boolean;

/** When `na.drop` drops a row: when any of the columns is null (or NaN), or only when all are. */
export type DropHow = "any" | "all";

/** Options of {@link DataFrameNaFunctions.drop}. */
export interface DropOptions {
  /** `"any"` (the default) or `"all"`. */
  readonly how?: DropHow;
  /** Keep rows with at least this many non-null, non-NaN values (overrides `how`). */
  readonly thresh?: number;
  /** Only look at these columns. */
  readonly subset?: string | readonly string[];
}

/**
 * Dealing with nulls and NaNs (PySpark's `df.na`): drop the rows that have them, fill them in,
 * or replace values.
 *
 * In the examples, `spark`, `people` and `guests` are as in {@link Column}'s: `guests` holds
 * `{ name: "Ada", age: 36 }`, `{ name: "Grace", age: null }` and `{ name: null, age: 41 }`, `age` a
 * LongType column.
 *
 * @example
 * ```ts
 * await guests.na.drop().collect(); // [{ name: "Ada", age: 36n }]
 * await guests.na.fill({ name: "?", age: 0 }).collect();
 * // [{ name: "Ada", age: 36n }, { name: "Grace", age: 0n }, { name: "?", age: 41n }]
 * await people.na.replace("Ada", "Ada L.").collect(); // [{ name: "Ada L.", age: 36n }, { name: "Alan", age: 41n }]
 * ```
 */
export class DataFrameNaFunctions {
  /** @internal Use `df.na`. */
  constructor(private readonly df: DataFrame) {}

  /**
   * Without the rows that have nulls or NaNs: PySpark's positional `(how, thresh, subset)`, or
   * {@link DropOptions}.
   *
   * @example
   * ```ts
   * await guests.na.drop().collect(); // [{ name: "Ada", age: 36n }]
   * await guests.na.drop({ subset: ["age"] }).collect(); // [{ name: "Ada", age: 36n }, { name: null, age: 41n }]
   * await guests.na.drop("any", undefined, "name").collect(); // [{ name: "Ada", age: 36n }, { name: "Grace", age: null }]
   * await guests.na.drop({ how: "all" }).count(); // 3
   * await guests.na.drop({ thresh: 2 }).count(); // 1
   * ```
   */
  drop(how?: DropHow | DropOptions, thresh?: number, subset?: string | readonly string[]): DataFrame {
    const options: DropOptions = how !== null && typeof how === "object" ? how : { how, thresh, subset };
    return this.dropWith(options);
  }

  private dropWith(options: DropOptions): DataFrame {
    const { how = "any", thresh, subset } = options;
    if (how !== "any" && how !== "all") throw new RangeError(`how must be "any" or "all", got "${String(how)}"`);
    const cols = subset === undefined ? [] : typeof subset === "string" ? [subset] : [...subset];
    // A threshold of non-null values says it all: "any" is as many as there are columns, "all" is one.
    const minNonNulls = thresh ?? (how === "all" ? 1 : undefined);
    if (minNonNulls !== undefined) checkedWholeNumber(minNonNulls, "thresh", { min: 0, max: INT32_MAX });
    return this.derive(dropNa(this.df.plan, cols, minNonNulls));
  }

  /**
   * Nulls (and NaNs) replaced: by one value in every column of its type (or in `subset`), or by a
   * value per column given as a record.
   *
   * @example
   * ```ts
   * await guests.na.fill(0).collect(); // [{ name: "Ada", age: 36n }, { name: "Grace", age: 0n }, { name: null, age: 41n }]
   * await guests.na.fill("?", "name").collect(); // [{ name: "Ada", age: 36n }, { name: "Grace", age: null }, { name: "?", age: 41n }]
   * await guests.na.fill({ name: "?", age: 0 }).collect();
   * // [{ name: "Ada", age: 36n }, { name: "Grace", age: 0n }, { name: "?", age: 41n }]
   * ```
   */
  fill(value: NaValue, subset?: string | readonly string[]): DataFrame;
  fill(values: Readonly<Record<string, NaValue>>): DataFrame;
  fill(value: NaValue | Readonly<Record<string, NaValue>>, subset?: string | readonly string[]): DataFrame {
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      if (entries.length === 0) throw new TypeError("fill needs at least one column");
      return this.derive(
        fillNa(
          this.df.plan,
          entries.map(([name]) => name),
          entries.map(([, v]) => fillValue(v)),
        ),
      );
    }
    const cols = subset === undefined ? [] : typeof subset === "string" ? [subset] : [...subset];
    return this.derive(fillNa(this.df.plan, cols, [fillValue(value)]));
  }

  /**
   * Values replaced: `toReplace` by `value` (or each of a list by the matching one of a list), or
   * by a record of old to new values; in every column of a matching type, or in `subset`.
   *
   * @example
   * ```ts
   * await people.na.replace("Ada", null).collect(); // [{ name: null, age: 36n }, { name: "Alan", age: 41n }]
   * await people.na.replace([36, 41], [37, 42], "age").collect(); // [{ name: "Ada", age: 37n }, { name: "Alan", age: 42n }]
   * await people.na.replace({ Ada: "A", Alan: "B" }).collect(); // [{ name: "A", age: 36n }, { name: "B", age: 41n }]
   * ```
   */
  replace(toReplace: Readonly<Record<string, NaValue | null>>, subset?: string | readonly string[]): DataFrame;
  replace(
    toReplace: NaValue | readonly NaValue[],
    value: NaValue | null | readonly (NaValue | null)[],
    subset?: string | readonly string[],
  ): DataFrame;
  replace(
    toReplace: NaValue | readonly NaValue[] | Readonly<Record<string, NaValue | null>>,
    valueOrSubset?: NaValue | null | readonly (NaValue | null)[] | string,
    maybeSubset?: string | readonly string[],
  ): DataFrame {
    let pairs: [NaValue, NaValue | null][];
    let subset: string | readonly string[] | undefined;
    if (toReplace !== null && typeof toReplace === "object" && !Array.isArray(toReplace)) {
      pairs = Object.entries(toReplace as Record<string, NaValue | null>);
      subset = valueOrSubset as string | readonly string[] | undefined;
    } else {
      const olds = Array.isArray(toReplace) ? (toReplace as readonly NaValue[]) : [toReplace];
      const news = Array.isArray(valueOrSubset)
        ? (valueOrSubset as readonly (NaValue | null)[])
        : olds.map(() => valueOrSubset as NaValue | null);
      if (news.length !== olds.length) throw new RangeError(`replace has ${olds.length} values to replace and ${news.length} replacements`);
      pairs = olds.map((old, i) => [old, news[i]!]);
      subset = maybeSubset;
    }
    const cols = subset === undefined ? [] : typeof subset === "string" ? [subset] : [...subset];
    const replacements = pairs.map(([oldValue, newValue]): [LiteralValue, LiteralValue] => [
      checkedNaValue(oldValue),
      newValue === null ? null : checkedNaValue(newValue),
    ]);
    return this.derive(replace(this.df.plan, cols, replacements));
  }

  private derive(plan: Relation): DataFrame {
    return new DataFrame(this.df.sparkSession, plan);
  }
}

/** Spark fills with a long, a double, a string or a boolean: a whole JS number is sent as a long. */
function fillValue(value: unknown): LiteralValue {
  const checked = checkedNaValue(value);
  return typeof checked === "number" && Number.isSafeInteger(checked) ? BigInt(checked) : checked;
}

function checkedNaValue(value: unknown): LiteralValue {
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "string" || typeof value === "boolean") return value;
  throw new TypeError(`expected a number, bigint, string or boolean, got ${value === null ? "null" : typeof value}`);
}
