// The text of a value of a result's column, as Spark's show() prints the same value: made from
// the Arrow data and the column's Spark type, which says what Arrow does not (an interval's start
// and end fields). One formatter per column, compiled from its type once, then run over the
// shown rows; nested values are read straight from the Arrow buffers, by position, so a struct's
// repeated field names cannot hide one another.
import { type Data, DataType, type Field, IntervalUnit, Precision } from "apache-arrow";
import {
  type CalendarInterval,
  type DayTimeInterval,
  type DayTimeIntervalField,
  formatDayTimeInterval,
  formatYearMonthInterval,
  valueReader,
  type YearMonthInterval,
  type YearMonthIntervalField,
} from "../../arrow";
import { javaDoubleToString, javaFloatToString } from "../../arrow/jsonText";
import { cellText, MAX_BYTES, MAX_DEPTH, MAX_ITEMS } from "./cells";
import { sparkTypeTree, type SparkTypeTree } from "./sparkTypeTree";
import { visibleText } from "./visible";

/** The text of the value at `index` of a column chunk, or `null` for a null. */
export type CellFormat = (data: Data, index: number) => string | null;

/** The text of a valid (non-null) slot. */
type Part = (data: Data, index: number) => string;

// What show() prints for a null inside an array, a map or a struct.
const NULL_TEXT = "NULL";

const DAY_TIME_FIELDS: readonly DayTimeIntervalField[] = ["DAY", "HOUR", "MINUTE", "SECOND"];
const YEAR_MONTH_FIELDS: readonly YearMonthIntervalField[] = ["YEAR", "MONTH"];

/** The start and end fields a Spark interval type name gives (`interval day to hour`), if it is one of `fields`. */
function intervalFields<F extends string>(name: string | undefined, fields: readonly F[]): [F, F] | undefined {
  const match = /^interval ([a-z]+)(?: to ([a-z]+))?$/i.exec(name?.trim() ?? "");
  if (!match) return undefined;
  const start = match[1].toUpperCase() as F;
  const end = (match[2] ?? match[1]).toUpperCase() as F;
  const [from, to] = [fields.indexOf(start), fields.indexOf(end)];
  return from >= 0 && from <= to ? [start, end] : undefined;
}

function isNullAt(data: Data, index: number): boolean {
  return data.nullCount > 0 && !data.getValid(index);
}

function offsetsOf(data: Data): Int32Array | BigInt64Array {
  return data.valueOffsets as Int32Array | BigInt64Array;
}

/** `count` items of a collection as show() joins them, at most {@link MAX_ITEMS}, then how many more. */
function joined(count: number, item: (i: number) => string): string {
  const shown = Math.min(count, MAX_ITEMS);
  const parts = new Array<string>(shown);
  for (let i = 0; i < shown; i++) parts[i] = item(i);
  if (count > shown) parts.push(`… ${count - shown} more`);
  return parts.join(", ");
}

/**
 * Bytes as Spark 4's show() prints a binary, `[01 02 FF]`: upper-case hex, a space between bytes;
 * after the first kilobyte, an ellipsis and the size.
 *
 * @example
 * ```ts
 * sparkBinaryText(Uint8Array.of(1, 2, 255)); // "[01 02 FF]"
 * ```
 */
export function sparkBinaryText(bytes: Uint8Array): string {
  const shown = bytes.length > MAX_BYTES ? bytes.subarray(0, MAX_BYTES) : bytes;
  const hex = Buffer.from(shown.buffer, shown.byteOffset, shown.byteLength).toString("hex").toUpperCase();
  const pairs = hex.replace(/(..)(?!$)/g, "$1 ");
  return bytes.length > MAX_BYTES ? `[${pairs} …] (${bytes.length} bytes)` : `[${pairs}]`;
}

/** A view of the bytes of one binary slot (no copy: only a kilobyte of it is shown). */
function bytesPart(type: DataType): Part {
  const text = (data: Data, start: number, end: number) => sparkBinaryText((data.values as Uint8Array).subarray(start, end));
  if (DataType.isFixedSizeBinary(type)) return (data, index) => text(data, index * data.stride, (index + 1) * data.stride);
  return (data, index) => {
    const offsets = offsetsOf(data);
    return text(data, Number(offsets[index]), Number(offsets[index + 1]));
  };
}

/** A slot of a nested value: its text, or NULL for a null. */
function nullable(part: Part): Part {
  return (data, index) => (isNullAt(data, index) ? NULL_TEXT : part(data, index));
}

function listPart(type: DataType, tree: SparkTypeTree | undefined, depth: number): Part {
  const element = nullable(partOf(type.children[0], tree?.children[0], depth + 1));
  if (DataType.isFixedSizeList(type)) {
    const size = type.listSize;
    return (data, index) => {
      const child = data.children[0];
      return `[${joined(size, (i) => element(child, index * size + i))}]`;
    };
  }
  return (data, index) => {
    const offsets = offsetsOf(data);
    const start = Number(offsets[index]);
    const child = data.children[0];
    return `[${joined(Number(offsets[index + 1]) - start, (i) => element(child, start + i))}]`;
  };
}

function mapPart(type: DataType, tree: SparkTypeTree | undefined, depth: number): Part {
  const [keyField, valueField] = (type.children[0].type as DataType).children;
  const key = nullable(partOf(keyField, tree?.children[0], depth + 1));
  const value = nullable(partOf(valueField, tree?.children[1], depth + 1));
  return (data, index) => {
    const offsets = offsetsOf(data);
    const start = Number(offsets[index]);
    const [keys, values] = data.children[0].children as [Data, Data];
    return `{${joined(Number(offsets[index + 1]) - start, (i) => `${key(keys, start + i)} -> ${value(values, start + i)}`)}}`;
  };
}

function structPart(type: DataType, tree: SparkTypeTree | undefined, depth: number): Part {
  const fields = type.children.map((field, i) => nullable(partOf(field, tree?.children[i], depth + 1)));
  return (data, index) => `{${joined(fields.length, (i) => fields[i](data.children[i], index))}}`;
}

// The Arrow shape of Spark's variant (see src/arrow/valueReaders.ts), which prints as its JSON.
function isVariant(type: DataType): boolean {
  const fields = type.children;
  return fields.length === 2 && fields[0].name === "value" && fields[1].name === "metadata" && fields[1].metadata.get("variant") === "true";
}

/** A leaf read as the client reads it, then printed. */
function valuePart(field: Field, text: (value: never) => string): Part {
  const read = valueReader(field);
  return (data, index) => text(read(data, index) as never);
}

function leafPart(field: Field, name: string | undefined): Part {
  const type = field.type as DataType;
  if (DataType.isFloat(type)) return valuePart(field, type.precision === Precision.DOUBLE ? javaDoubleToString : javaFloatToString);
  if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type)) return bytesPart(type);
  if (DataType.isDuration(type)) {
    const [start, end] = intervalFields(name, DAY_TIME_FIELDS) ?? ["DAY", "SECOND"];
    return valuePart(field, (value: DayTimeInterval) => formatDayTimeInterval(value.micros, start, end));
  }
  if (DataType.isInterval(type) && type.unit === IntervalUnit.YEAR_MONTH) {
    // Months, whatever the type's fields; the name says which to show.
    const [start, end] = intervalFields(name, YEAR_MONTH_FIELDS) ?? ["YEAR", "MONTH"];
    return valuePart(field, (value: YearMonthInterval) => formatYearMonthInterval(value.months, start, end));
  }
  if (DataType.isInterval(type)) return valuePart(field, (value: CalendarInterval) => value.toString());
  // Numbers, booleans, decimals (exact strings at their scale), strings, dates, times, timestamps
  // (in the zone Arrow carries, the session's) and variants print through their own text.
  if (
    DataType.isInt(type) ||
    DataType.isBool(type) ||
    DataType.isDecimal(type) ||
    DataType.isUtf8(type) ||
    DataType.isLargeUtf8(type) ||
    DataType.isDate(type) ||
    DataType.isTimestamp(type) ||
    DataType.isTime(type) ||
    (DataType.isStruct(type) && isVariant(type))
  ) {
    return valuePart(field, String);
  }
  // Types Spark does not send (unions, dictionaries, views): the client's value, written generally.
  return valuePart(field, (value: unknown) => cellText(value) ?? NULL_TEXT);
}

function partOf(field: Field, tree: SparkTypeTree | undefined, depth: number): Part {
  const type = field.type as DataType;
  if (DataType.isNull(type)) return () => NULL_TEXT;
  const list = DataType.isList(type) || DataType.isLargeList(type) || DataType.isFixedSizeList(type);
  const struct = DataType.isStruct(type) && !isVariant(type);
  if ((list || struct || DataType.isMap(type)) && depth >= MAX_DEPTH) return () => "…";
  if (list) return listPart(type, tree, depth);
  if (DataType.isMap(type)) return mapPart(type, tree, depth);
  if (struct) return structPart(type, tree, depth);
  return leafPart(field, tree?.name);
}

/**
 * The formatter of a column's values, each as Spark's `show()` prints it: doubles and floats as
 * Java prints them (`80.0`, `1.0E10`, `NaN`; the fewest digits that identify the value, as Java 19
 * and later print it: on Java 17 a server prints a few values with more digits, such as
 * `1.9999999999999998E23` for `2.0E23`), decimals at their scale, dates, timestamps in the
 * session time zone (which Arrow carries) and `timestamp_ntz` as Spark casts them to strings,
 * intervals in ANSI form with their type's own fields (`INTERVAL '3' DAY`, which only
 * `sparkType` can tell: Arrow sends every day-time interval alike), binaries as `[01 02 FF]`,
 * arrays `[1, 2, NULL]`, maps `{k -> v}`, structs `{1, a}`, variants as JSON. A null is `null`
 * (the table marks it); nested nulls are `NULL`. Control characters are escaped (see
 * {@link visibleText}); a collection shows its first {@link MAX_ITEMS} items, a binary its first
 * kilobyte, nesting its first {@link MAX_DEPTH} levels.
 *
 * `sparkType` is the column's Spark type as Spark's simpleString writes it (`array<interval
 * day>`); without it, or when it does not match the Arrow type, intervals show all their fields.
 *
 * @example
 * ```ts
 * const field = table.schema.fields[0]; // a duration column, of Spark type "interval day"
 * const format = sparkCellFormat(field, "interval day");
 * format(table.batches[0].data.children[0], 0); // "INTERVAL '3' DAY"
 * ```
 */
export function sparkCellFormat(field: Field, sparkType?: string): CellFormat {
  const tree = sparkType === undefined ? undefined : sparkTypeTree(field.type as DataType, sparkType);
  if (DataType.isNull(field.type)) return () => null;
  const part = partOf(field, tree, 0);
  return (data, index) => (isNullAt(data, index) ? null : visibleText(part(data, index)));
}
