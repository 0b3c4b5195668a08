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
 * @example
 * ```ts
 * df.na.drop({ subset: ["email"] });
 * df.na.fill({ city: "unknown", score: 0 });
 * df.na.replace(["N/A", "-"], null, "city");
 * ```
 */
export class DataFrameNaFunctions {
  /** @internal Use `df.na`. */
  constructor(private readonly df: DataFrame) {}

  /**
   * Without the rows that have nulls or NaNs: PySpark's positional `(how, thresh, subset)`, or
   * {@link DropOptions}.
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
   * df.na.replace("N/A", null);  df.na.replace([1, 2], [10, 20], ["a", "b"]);  df.na.replace({ yes: "y", no: "n" });
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
