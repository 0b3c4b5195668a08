// What a table preview asks the server for, column by column: every string, binary, array and map
// cut on the server to what a table cell can show, so that a preview of huge values moves
// kilobytes, not gigabytes; and beside each column that can be cut, a flag per row saying whether
// anything in that cell was.
//
// A value's budget is how many characters of its text a cell could show. A string keeps that many
// characters; a binary half as many bytes (a byte is two hex digits); an array or a map keeps the
// elements that could start within it (each takes at least 3 characters with its ", "), and its
// i-th element gets (budget - 1 - 3i) / (i + 1): the whole budget for the first, less for each one
// after, so the sum over the elements grows as budget × log(budget) rather than budget², and
// nesting does not multiply a cell's size out of bounds. Struct fields share their struct's
// budget the same way. Types that cannot grow (numbers, dates...) and those that cannot be cut
// without changing their type (variants, spatial values, UDTs) are sent as they are.
import { Column, col, lit } from "../column";
import type { DataFrame } from "../dataframe";
import { array_contains, array_distinct, slice } from "../functions/array";
import { size } from "../functions/collection";
import { coalesce, when } from "../functions/conditional";
import { transform } from "../functions/higherOrder";
import { invoke } from "../functions/invoke";
import { map_entries, map_from_entries } from "../functions/map";
import { greatest, least } from "../functions/math";
import { length, substring } from "../functions/string";
import { named_struct } from "../functions/struct";
import { ArrayType, BinaryType, CharType, type DataType, MapType, StringType, StructField, StructType, VarcharType } from "../types";

/** How much of a value a cell could show, in characters: a number, or a Column inside a lambda. */
export type Budget = number | Column;

/** A value as the preview fetches it, and whether anything in it was cut (null for a null value). */
export interface Bounded {
  readonly value: Column;
  readonly cut: Column;
}

// The most bytes of a binary worth fetching: a cell writes no more than a kilobyte of one.
const MAX_BINARY_BYTES = 1024;

const column = (b: Budget): Column => (typeof b === "number" ? lit(b) : b);

/** `floor(a / d)` as an int (Spark's `div` gives a bigint, and `slice` and `substring` take ints). */
function intDiv(a: Budget, d: Budget): Budget {
  if (typeof a === "number" && typeof d === "number") return Math.floor(a / d);
  return invoke("div", column(a), column(d)).cast("int");
}

function subtract(b: Budget, n: number): Budget {
  return typeof b === "number" ? b - n : b.minus(n);
}

function atLeastZero(b: Budget): Budget {
  return typeof b === "number" ? Math.max(0, b) : greatest(lit(0), b);
}

/** How many elements of an array (or entries of a map) could start within budget `b`: ceil((b - 1) / 3). */
export function elementsWithin(b: Budget): Budget {
  return atLeastZero(intDiv(typeof b === "number" ? b + 1 : b.plus(1), 3));
}

/** The budget of the element at 0-based `index` of a collection (or field of a struct) within budget `b`. */
export function elementBudget(b: Budget, index: number | Column): Budget {
  if (typeof b === "number" && typeof index === "number") return atLeastZero(Math.floor((b - 1 - 3 * index) / (index + 1)));
  const start = typeof index === "number" ? column(b).minus(1 + 3 * index) : column(b).minus(1).minus(index.multiply(3));
  return atLeastZero(intDiv(start, typeof index === "number" ? index + 1 : index.plus(1)));
}

/** The bytes of a binary worth fetching within budget `b`. */
export function binaryBytes(b: Budget): Budget {
  return typeof b === "number" ? Math.min(MAX_BINARY_BYTES, Math.ceil(b / 2)) : least(lit(MAX_BINARY_BYTES), column(intDiv(b.plus(1), 2)));
}

function isText(type: DataType): boolean {
  return type instanceof StringType || type instanceof CharType || type instanceof VarcharType;
}

/**
 * Whether values of `type` can be cut: strings, binaries, arrays and maps, and structs holding
 * any of them.
 *
 * @example
 * ```ts
 * canCut(new ArrayType(new IntegerType())); // true
 * canCut(new StructType([new StructField("n", new LongType())])); // false
 * ```
 */
export function canCut(type: DataType): boolean {
  if (isText(type) || type instanceof BinaryType || type instanceof ArrayType || type instanceof MapType) return true;
  return type instanceof StructType && type.fields.some((field) => canCut(field.dataType));
}

const anyTrue = (flags: Column): Column => array_contains(flags, true);

function either(a: Column | undefined, b: Column | undefined): Column | undefined {
  return a === undefined ? b : b === undefined ? a : a.or(b);
}

function boundedArray(x: Column, type: ArrayType, b: Budget): Bounded {
  const kept = elementsWithin(b);
  const sliced = slice(x, 1, column(kept));
  const more = size(x).gt(kept);
  if (!canCut(type.elementType)) return { value: sliced, cut: more };
  const element = (e: Column, i: Column) => bounded(e, type.elementType, elementBudget(b, i))!;
  return {
    value: transform(sliced, (e, i) => element(e, i).value),
    cut: more.or(anyTrue(transform(sliced, (e, i) => element(e, i).cut))),
  };
}

function boundedMap(x: Column, type: MapType, b: Budget): Bounded {
  const kept = elementsWithin(b);
  const entries = slice(map_entries(x), 1, column(kept));
  const more = size(x).gt(kept);
  const cutKeys = canCut(type.keyType);
  const cutValues = canCut(type.valueType);
  const key = (e: Column, i: Column) => bounded(e.getField("key"), type.keyType, elementBudget(b, i))!;
  // A value starts at least 5 characters after its key's start (`k -> `).
  const value = (e: Column, i: Column) => bounded(e.getField("value"), type.valueType, atLeastZero(subtract(elementBudget(b, i), 5)))!;
  const valuesCut = cutValues ? anyTrue(transform(entries, (e, i) => value(e, i).cut)) : undefined;
  const rebuilt = (keyOf: (e: Column, i: Column) => Column) =>
    map_from_entries(
      transform(entries, (e, i) =>
        named_struct(lit("key"), keyOf(e, i), lit("value"), cutValues ? value(e, i).value : e.getField("value")),
      ),
    );
  if (!cutKeys) return { value: cutValues ? rebuilt((e) => e.getField("key")) : map_from_entries(entries), cut: either(more, valuesCut)! };
  // Two keys cut to the same text would make the map invalid: such a map keeps its keys whole.
  // One map is built, the choice made per key, rather than two under a `when`: planning the
  // expression is most of a small preview's time (100 rows of a map column: 114 -> 101 ms). A
  // key's lambda reads `collide` again per entry, at most (kept entries)^2 work per row.
  const keys = transform(entries, (e, i) => key(e, i).value);
  const collide = size(array_distinct(keys)).lt(size(keys));
  const keysCut = anyTrue(transform(entries, (e, i) => key(e, i).cut)).and(collide.not());
  return {
    value: rebuilt((e, i) => when(collide, e.getField("key")).otherwise(key(e, i).value)),
    cut: either(either(more, valuesCut), keysCut)!,
  };
}

/** Whether two field names would be one to Spark's case-insensitive resolution. */
function namesClash(fields: readonly StructField[]): boolean {
  const names = new Set(fields.map((field) => field.name.toLowerCase()));
  return names.size < fields.length;
}

function boundedStruct(x: Column, type: StructType, b: Budget): Bounded {
  // Fields are read by name; where two names clash, by position through a cast that renames them.
  const byPosition = namesClash(type.fields);
  const source = byPosition ? x.cast(new StructType(type.fields.map((f, k) => new StructField(`_${k}`, f.dataType, f.nullable)))) : x;
  const parts: Column[] = [];
  let cut: Column | undefined;
  type.fields.forEach((field, k) => {
    const value = source.getField(byPosition ? `_${k}` : field.name);
    const inner = bounded(value, field.dataType, elementBudget(b, k));
    parts.push(lit(field.name), inner?.value ?? value);
    cut = either(cut, inner?.cut);
  });
  // named_struct of a null struct's fields would be a struct of nulls: a null stays null.
  return { value: when(x.isNotNull(), named_struct(...parts)), cut: cut! };
}

/**
 * `x` (of Spark type `type`) cut to what a cell could show within budget `b`, with a flag that
 * says whether anything was cut; `undefined` for a type that is never cut (see {@link canCut}).
 *
 * @example
 * ```ts
 * bounded(col("s"), new StringType(), 201); // value substring(s, 1, 201), cut length(s) > 201
 * ```
 */
export function bounded(x: Column, type: DataType, b: Budget): Bounded | undefined {
  if (!canCut(type)) return undefined;
  if (isText(type)) return { value: substring(x, 1, column(b)), cut: length(x).gt(column(b)) };
  if (type instanceof BinaryType) {
    const bytes = binaryBytes(b);
    return { value: substring(x, 1, column(bytes)), cut: length(x).gt(column(bytes)) };
  }
  if (type instanceof ArrayType) return boundedArray(x, type, b);
  if (type instanceof MapType) return boundedMap(x, type, b);
  return boundedStruct(x, type as StructType, b);
}

/** A preview's query: the DataFrame's first rows, its long values cut, and where they were. */
export interface BoundedPreviewPlan {
  /** The query: the DataFrame's columns (names as they are), then one flag column per column that can be cut. */
  readonly df: DataFrame;
  /** For each of the DataFrame's columns, the position of its flag column in the result, if it can be cut. */
  readonly cutFlags: readonly (number | undefined)[];
}

/**
 * The query behind a table preview of `df`: at most `rows` rows, each string, binary, array and
 * map (inside structs, arrays and maps too) cut on the server to what a cell of `maxCellChars`
 * characters could show and a little more, each column keeping its name and Spark type; for
 * each column that can be cut, a boolean column saying, per row, whether the value was.
 *
 * @example
 * ```ts
 * const { df: query, cutFlags } = boundedPreviewPlan(df, await df.schema, 101, 200);
 * // for a string column s: SELECT substring(s, 1, 201) AS s, coalesce(length(s) > 201, false) … LIMIT 101
 * ```
 */
export function boundedPreviewPlan(df: DataFrame, schema: StructType, rows: number, maxCellChars: number): BoundedPreviewPlan {
  const limited = df.limit(rows);
  // One character more than a cell shows, so a value cut here is also cut, with its "…", in the cell.
  const budget = maxCellChars + 1;
  if (!schema.fields.some((field) => canCut(field.dataType))) return { df: limited, cutFlags: schema.fields.map(() => undefined) };
  // Columns are renamed by position first, so that repeated or odd names are never resolved by name.
  const positional = schema.fields.map((_, k) => `c${k}`);
  const values: Column[] = [];
  const flags: Column[] = [];
  const cutFlags = schema.fields.map((field, k) => {
    const x = col(positional[k]);
    const cut = bounded(x, field.dataType, budget);
    values.push((cut?.value ?? x).alias(field.name));
    if (cut === undefined) return undefined;
    flags.push(coalesce(cut.cut, lit(false)).alias(`${positional[k]}_cut`));
    return schema.fields.length + flags.length - 1;
  });
  return { df: limited.toDF(...positional).select(...values, ...flags), cutFlags };
}
