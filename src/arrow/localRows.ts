// JS values to Arrow IPC streams, column by column, for the local data a client sends to Spark
// (`spark.createDataFrame`). The Arrow types say how each value is stored; a value that does not
// fit its type is a TypeError naming the column and the row, raised before anything is sent.
import {
  Binary,
  Bool,
  DataType,
  Date_,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  makeData,
  Map_,
  Null,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Time as ArrowTime,
  TimeUnit,
  Timestamp as ArrowTimestamp,
  Utf8,
  type Data,
} from "apache-arrow";
import { LocalDate } from "./localDate";
import { LocalDateTime } from "./localDateTime";
import { LocalTime } from "./localTime";
import { Timestamp } from "./timestamp";

/** A value that does not fit the Arrow type of its column. */
export class LocalValueError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = "LocalValueError";
  }
}

/**
 * Encodes rows (each an array of values in the schema's field order) as Arrow IPC streams of at
 * most `rowsPerChunk` rows each: the bytes of Spark Connect's local relations.
 *
 * @throws LocalValueError when a value does not fit its field's type (the message names them).
 *
 * @example
 * ```ts
 * const schema = new Schema([new Field("id", new Int64(), false), new Field("name", new Utf8(), true)]);
 * const [ipc] = encodeRows([[1n, "a"], [2n, null]], schema);
 * ```
 */
export function encodeRows(rows: readonly (readonly unknown[])[], schema: Schema, rowsPerChunk = Number.POSITIVE_INFINITY): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += rowsPerChunk) {
    const slice = rows.slice(start, Math.min(rows.length, start + rowsPerChunk));
    const children = schema.fields.map((field, i) =>
      columnData(
        field,
        slice.map((row) => row[i]),
        (row) => `column "${field.name}", row ${start + row}`,
      ),
    );
    const struct = makeData({ type: new Struct(schema.fields), length: slice.length, nullCount: 0, children });
    const writer = RecordBatchStreamWriter.writeAll([new RecordBatch(schema, struct)]);
    chunks.push(writer.toUint8Array(true));
    if (rows.length === 0) break;
  }
  return chunks;
}

function columnData(field: Field, values: readonly unknown[], where: (row: number) => string): Data {
  if (!field.nullable) {
    const i = values.findIndex((v) => v === null || v === undefined);
    if (i >= 0) throw new LocalValueError(`${where(i)}: null in a column that does not take nulls`);
  }
  return data(field.type as DataType, values, where);
}

function nullBitmap(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  });
  return { nullBitmap: bitmap, nullCount };
}

function fail(where: string, type: DataType, value: unknown): never {
  const shown =
    typeof value === "string"
      ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)
      : typeof value === "bigint"
        ? `${value}n`
        : String(value);
  throw new LocalValueError(
    `${where}: ${shown} (${value === null ? "null" : Array.isArray(value) ? "array" : typeof value}) is not a valid ${arrowTypeName(type)}`,
  );
}

/** Arrow's name of a type ("Timestamp<MICROSECOND, UTC>"): each concrete type defines it, the declared base does not. */
function arrowTypeName(type: DataType): string {
  return (type as DataType & { toString(): string }).toString();
}

/** The range of a signed integer type, by its width in bits. */
const INT_RANGES: Readonly<Record<number, readonly [number, number]>> = {
  8: [-128, 127],
  16: [-32768, 32767],
  32: [-2147483648, 2147483647],
};

const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;

function data(type: DataType, values: readonly unknown[], where: (row: number) => string): Data {
  const length = values.length;
  const { nullBitmap: bitmap, nullCount } = nullBitmap(values);
  const base = { type, length, nullCount, nullBitmap: bitmap };
  const present = (f: (value: unknown, i: number) => void) => values.forEach((v, i) => v !== null && v !== undefined && f(v, i));

  if (type instanceof Null) return makeData({ type, length, nullCount: length });
  if (type instanceof Bool) {
    const bits = new Uint8Array(Math.ceil(length / 8));
    present((v, i) => {
      if (typeof v !== "boolean") fail(where(i), type, v);
      if (v) bits[i >> 3] |= 1 << (i & 7);
    });
    return makeData({ ...base, type, data: bits });
  }
  if (type instanceof Int8 || type instanceof Int16 || type instanceof Int32) {
    const [min, max] = INT_RANGES[type.bitWidth];
    const out = new type.ArrayType(length);
    present((v, i) => {
      const n = typeof v === "bigint" ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) fail(where(i), type, v);
      out[i] = n;
    });
    return makeData({ ...base, type, data: out } as Parameters<typeof makeData>[0]);
  }
  if (type instanceof Int64) {
    const out = new BigInt64Array(length);
    present((v, i) => {
      const n = typeof v === "number" && Number.isSafeInteger(v) ? BigInt(v) : v;
      if (typeof n !== "bigint" || n < MIN_LONG || n > MAX_LONG) fail(where(i), type, v);
      out[i] = n;
    });
    return makeData({ ...base, type, data: out });
  }
  if (type instanceof Float32 || type instanceof Float64) {
    const out = type instanceof Float32 ? new Float32Array(length) : new Float64Array(length);
    present((v, i) => {
      if (typeof v !== "number") fail(where(i), type, v);
      out[i] = v;
    });
    return makeData({ ...base, type, data: out } as Parameters<typeof makeData>[0]);
  }
  if (type instanceof Decimal) return decimalData(type, values, base, where);
  if (type instanceof Utf8 || type instanceof Binary) {
    const encoder = new TextEncoder();
    const parts: Uint8Array[] = [];
    const offsets = new Int32Array(length + 1);
    let total = 0;
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) {
        let bytes: Uint8Array;
        if (type instanceof Utf8) {
          if (typeof v !== "string") fail(where(i), type, v);
          bytes = encoder.encode(v);
        } else {
          if (!(v instanceof Uint8Array)) fail(where(i), type, v);
          bytes = v;
        }
        parts.push(bytes);
        total += bytes.length;
      }
      offsets[i + 1] = total;
    });
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return makeData({ ...base, type, valueOffsets: offsets, data: bytes } as Parameters<typeof makeData>[0]);
  }
  if (type instanceof Date_) {
    const out = new Int32Array(length);
    present((v, i) => {
      if (v instanceof LocalDate) out[i] = v.epochDay;
      else if (v instanceof Date && !Number.isNaN(v.getTime()) && !(v instanceof Timestamp)) out[i] = Math.floor(v.getTime() / 86_400_000);
      else fail(where(i), type, v);
    });
    return makeData({ ...base, type, data: out });
  }
  if (type instanceof ArrowTimestamp) return timestampData(type as ArrowTimestamp, values, base, where);
  if (type instanceof ArrowTime) return timeData(type as ArrowTime, values, base, where);
  if (type instanceof List) {
    const offsets = new Int32Array(length + 1);
    const items: unknown[] = [];
    const itemRow: number[] = [];
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) {
        if (!Array.isArray(v)) fail(where(i), type, v);
        for (const item of v as unknown[]) {
          items.push(item);
          itemRow.push(i);
        }
      }
      offsets[i + 1] = items.length;
    });
    const child = columnData(type.children[0], items, (k) => `${where(itemRow[k])}, element ${k - offsets[itemRow[k]]}`);
    return makeData({ ...base, type, valueOffsets: offsets, child });
  }
  if (type instanceof Map_) {
    const offsets = new Int32Array(length + 1);
    const keys: unknown[] = [];
    const vals: unknown[] = [];
    const entryRow: number[] = [];
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) {
        const entries =
          v instanceof Map ? [...v.entries()] : typeof v === "object" && !Array.isArray(v) ? Object.entries(v) : fail(where(i), type, v);
        for (const [k, value] of entries) {
          keys.push(k);
          vals.push(value);
          entryRow.push(i);
        }
      }
      offsets[i + 1] = keys.length;
    });
    const entriesType = type.children[0].type as Struct;
    const [keyField, valueField] = entriesType.children as [Field, Field];
    const child = makeData({
      type: entriesType,
      length: keys.length,
      nullCount: 0,
      children: [
        columnData(keyField, keys, (k) => `${where(entryRow[k])}, a key`),
        columnData(valueField, vals, (k) => `${where(entryRow[k])}, the value of key ${String(keys[k])}`),
      ],
    });
    return makeData({ ...base, type, valueOffsets: offsets, child });
  }
  if (type instanceof Struct) {
    const children = type.children.map((field, f) => {
      const fieldValues = values.map((v, i) => {
        if (v === null || v === undefined) return null;
        if (Array.isArray(v)) return (v as readonly unknown[])[f];
        if (typeof v !== "object") fail(where(i), type, v);
        return (v as Record<string, unknown>)[field.name];
      });
      const fieldWhere = (i: number) => `${where(i)}, field "${field.name}"`;
      // Under a null struct the field's slot holds nothing: only a present struct needs the field.
      if (!field.nullable) {
        const i = fieldValues.findIndex((v, row) => (v === null || v === undefined) && values[row] !== null && values[row] !== undefined);
        if (i >= 0) throw new LocalValueError(`${fieldWhere(i)}: null in a field that does not take nulls`);
      }
      return data(field.type as DataType, fieldValues, fieldWhere);
    });
    return makeData({ ...base, type, children });
  }
  throw new LocalValueError(`${where(0)}: local data of Arrow type ${arrowTypeName(type)} is not supported`);
}

/**
 * Timestamps in microseconds (Spark's `timestamp`, `timestamp_ntz`) or nanoseconds (the types of
 * precision 7 to 9). A value with more digits than its column keeps is refused, not rounded:
 * nanoseconds in a microsecond column would be lost without a word.
 */
function timestampData(type: ArrowTimestamp, values: readonly unknown[], base: object, where: (row: number) => string): Data {
  const zoned = type.timezone !== null && type.timezone !== undefined;
  const nanos = type.unit === TimeUnit.NANOSECOND;
  if (type.unit !== TimeUnit.MICROSECOND && !nanos)
    throw new LocalValueError(`${where(0)}: local data of Arrow type ${type.toString()} is not supported`);
  const out = new BigInt64Array(values.length);
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    let micros: bigint;
    let extra = 0;
    if (zoned && v instanceof Timestamp) [micros, extra] = [v.epochMicros, v.nanosWithinMicro];
    else if (zoned && v instanceof Date && !Number.isNaN(v.getTime())) micros = BigInt(v.getTime()) * 1000n;
    else if (!zoned && v instanceof LocalDateTime) [micros, extra] = [v.epochMicros, v.nanosWithinMicro];
    else return fail(where(i), type, v);
    if (!nanos) {
      if (extra !== 0)
        throw new LocalValueError(
          `${where(i)}: ${String(v)} has nanoseconds, which a column of microseconds (${type.toString()}) cannot hold`,
        );
      out[i] = micros;
      return;
    }
    const epochNanos = micros * 1000n + BigInt(extra);
    // Arrow's int64 of nanoseconds spans 1677-09-21 to 2262-04-11 only.
    if (epochNanos < MIN_LONG || epochNanos > MAX_LONG)
      throw new LocalValueError(`${where(i)}: ${String(v)} is outside the range of ${type.toString()} (years 1677 to 2262)`);
    out[i] = epochNanos;
  });
  return makeData({ ...(base as { type: ArrowTimestamp; length: number }), type, data: out });
}

/** Times of day from LocalTimes, in the column's unit; digits below the unit are refused, not dropped. */
function timeData(type: ArrowTime, values: readonly unknown[], base: object, where: (row: number) => string): Data {
  const nanosPerUnit = [1e9, 1e6, 1e3, 1][type.unit];
  const units = values.map((v, i) => {
    if (v === null || v === undefined) return 0;
    if (!(v instanceof LocalTime)) return fail(where(i), type, v);
    const nanoOfDay = v.nanoOfDay;
    if (nanoOfDay % nanosPerUnit !== 0)
      throw new LocalValueError(`${where(i)}: ${String(v)} has more digits than a column of ${type.toString()} holds`);
    return nanoOfDay / nanosPerUnit;
  });
  // time32 (seconds, milliseconds) holds 32-bit values, time64 64-bit ones.
  const data = type.bitWidth === 64 ? BigInt64Array.from(units, BigInt) : Int32Array.from(units);
  return makeData({ ...(base as { type: ArrowTime; length: number }), type, data } as Parameters<typeof makeData>[0]);
}

function decimalData(type: Decimal, values: readonly unknown[], base: object, where: (row: number) => string): Data {
  const words = new Uint32Array(values.length * 4);
  const limit = 10n ** BigInt(type.precision);
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const unscaled = unscaledDecimal(v, type.scale);
    if (unscaled === undefined || unscaled >= limit || unscaled <= -limit) fail(where(i), type, v);
    let n = BigInt.asUintN(128, unscaled);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(n & 0xffffffffn);
      n >>= 32n;
    }
  });
  return makeData({ ...(base as { type: Decimal; length: number }), type, data: words });
}

/** The decimal's digits at `scale` as an integer: from a string (`"-12.50"`), a bigint or an exact number. */
function unscaledDecimal(value: unknown, scale: number): bigint | undefined {
  const text =
    typeof value === "string"
      ? value.trim()
      : typeof value === "bigint"
        ? String(value)
        : typeof value === "number" && Number.isFinite(value)
          ? String(value)
          : undefined;
  const match = text === undefined ? null : /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return undefined;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) return undefined;
  const digits = BigInt((whole || "0") + fraction.slice(0, scale).padEnd(scale, "0"));
  return sign === "-" ? -digits : digits;
}
