// Builds Arrow data the way a Spark Connect server sends it (the same Arrow types, nested the same
// way, variant fields marked the same way) and sends it through real IPC stream bytes.

import {
  Binary,
  type Data,
  type DataType,
  DateDay,
  Decimal,
  DurationMicrosecond,
  Field,
  IntervalMonthDayNano,
  IntervalYearMonth,
  LargeBinary,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  TimeNanosecond,
  TimestampMicrosecond,
  TimestampNanosecond,
  vectorFromArray,
} from "apache-arrow";
import { decodeTable, type Row, tableToRows } from "../../../src/arrow";

/** A column: its field (name, type, nullability, metadata) and its values. */
export interface Column {
  readonly field: Field;
  readonly data: Data;
}

export function column(name: string, data: Data, metadata?: Map<string, string>): Column {
  return { field: new Field(name, data.type, true, metadata), data };
}

/** The bytes of one Arrow IPC stream (schema, then one record batch) holding the columns. */
export function ipcStream(...columns: Column[]): Uint8Array {
  const schema = new Schema(columns.map((c) => c.field));
  const length = columns[0]?.data.length ?? 0;
  const struct = makeData({ type: new Struct(schema.fields), length, children: columns.map((c) => c.data) });
  return tableToIPC(new Table(schema, [new RecordBatch(schema, struct)]), "stream");
}

/** The rows of the columns after a trip through IPC bytes and back. */
export function rowsOf(...columns: Column[]): Row[] {
  return tableToRows(decodeTable([ipcStream(...columns)]));
}

/** The values of one column after a trip through IPC bytes and back. */
export function valuesOf(data: Data): unknown[] {
  return rowsOf(column("c", data)).map((row) => row.c);
}

/** Arrow data of `type` from JS values, through Arrow JS's builders (null for a null slot). */
export function built<T extends DataType>(type: T, values: readonly unknown[]): Data<T> {
  return vectorFromArray(values as unknown[], type).data[0];
}

/** A validity bitmap: bit i is set when values[i] is not null. */
export function validity(values: readonly unknown[]): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value !== null) bitmap[i >> 3] |= 1 << (i & 7);
  });
  return bitmap;
}

function nullsOf(values: readonly unknown[]): { nullCount: number; nullBitmap?: Uint8Array } {
  const nullCount = values.filter((value) => value === null).length;
  return nullCount ? { nullCount, nullBitmap: validity(values) } : { nullCount };
}

/** Spark's `date`: Arrow date32, days since 1970-01-01. */
export function dateDays(days: readonly (number | null)[]): Data<DateDay> {
  return makeData({ type: new DateDay(), length: days.length, ...nullsOf(days), data: Int32Array.from(days, (d) => d ?? 0) });
}

/** Spark's `timestamp` (with the session time zone) or, without a zone, `timestamp_ntz`: microseconds. */
export function timestampMicros(timeZone: string | null, micros: readonly (bigint | null)[]): Data<TimestampMicrosecond> {
  return makeData({
    type: new TimestampMicrosecond(timeZone),
    length: micros.length,
    ...nullsOf(micros),
    data: BigInt64Array.from(micros, (m) => m ?? 0n),
  });
}

/** Spark's `timestamp_ltz(p)` (with the session time zone) or `timestamp_ntz(p)`, p from 7 to 9: nanoseconds. */
export function timestampNanos(timeZone: string | null, nanos: readonly (bigint | null)[]): Data<TimestampNanosecond> {
  return makeData({
    type: new TimestampNanosecond(timeZone),
    length: nanos.length,
    ...nullsOf(nanos),
    data: BigInt64Array.from(nanos, (n) => n ?? 0n),
  });
}

/** The field metadata in which Spark 4.3 marks a `time(p)` column's precision. */
export function timePrecision(precision: number): Map<string, string> {
  return new Map([["SPARK::time::precision", String(precision)]]);
}

/** The field metadata in which Spark 4.3 marks a `timestamp_ltz(p)` or `timestamp_ntz(p)` column's precision. */
export function timestampNanosPrecision(precision: number): Map<string, string> {
  return new Map([["SPARK::timestampNanos::precision", String(precision)]]);
}

/** Spark's `interval day to second`: Arrow duration in microseconds. */
export function durationMicros(micros: readonly (bigint | null)[]): Data<DurationMicrosecond> {
  return makeData({
    type: new DurationMicrosecond(),
    length: micros.length,
    ...nullsOf(micros),
    data: BigInt64Array.from(micros, (m) => m ?? 0n),
  });
}

/** Spark's `interval year to month`: Arrow interval(YEAR_MONTH), a number of months. */
export function yearMonths(months: readonly (number | null)[]): Data<IntervalYearMonth> {
  return makeData({
    type: new IntervalYearMonth(),
    length: months.length,
    ...nullsOf(months),
    data: Int32Array.from(months, (m) => m ?? 0),
  });
}

/** Spark's calendar `interval`: Arrow interval(MONTH_DAY_NANO). */
export function monthDayNanos(values: readonly ({ months: number; days: number; nanos: bigint } | null)[]): Data<IntervalMonthDayNano> {
  const words = new Int32Array(values.length * 4);
  values.forEach((value, i) => {
    if (!value) return;
    const nanos = BigInt.asUintN(64, value.nanos);
    words.set([value.months, value.days, Number(nanos & 0xffff_ffffn) | 0, Number(nanos >> 32n) | 0], i * 4);
  });
  return makeData({ type: new IntervalMonthDayNano(), length: values.length, ...nullsOf(values), data: words });
}

/** Spark's `time(p)`: Arrow time64 in nanoseconds. */
export function timeNanos(nanos: readonly (bigint | null)[]): Data<TimeNanosecond> {
  return makeData({
    type: new TimeNanosecond(),
    length: nanos.length,
    ...nullsOf(nanos),
    data: BigInt64Array.from(nanos, (n) => n ?? 0n),
  });
}

/** Spark's `decimal(precision, scale)`: Arrow decimal128 of the unscaled values. */
export function decimals(precision: number, scale: number, unscaled: readonly (bigint | null)[]): Data<Decimal> {
  return makeData({
    type: new Decimal(scale, precision, 128),
    length: unscaled.length,
    ...nullsOf(unscaled),
    data: decimalWords(unscaled),
  });
}

/** The four little-endian 32-bit words of a 128-bit two's complement integer, per value. */
function decimalWords(values: readonly (bigint | null)[]): Uint32Array {
  const words = new Uint32Array(values.length * 4);
  values.forEach((value, i) => {
    let bits = BigInt.asUintN(128, value ?? 0n);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(bits & 0xffff_ffffn);
      bits >>= 32n;
    }
  });
  return words;
}

/** Spark's field metadata marking the `metadata` child of a variant struct. */
export const VARIANT_MARKER = new Map([["variant", "true"]]);

/**
 * A variant column as Spark sends it: struct<value: binary, metadata: binary>, marked; with
 * `large`, large_binary, as with spark.sql.execution.arrow.useLargeVarTypes.
 */
export function variantData(
  values: readonly ({ value: Uint8Array; metadata: Uint8Array } | null)[],
  options: { large?: boolean } = {},
): Data<Struct> {
  const binary = () => (options.large ? new LargeBinary() : new Binary());
  const type = new Struct([new Field("value", binary(), false), new Field("metadata", binary(), false, VARIANT_MARKER)]);
  const empty = new Uint8Array(0);
  return makeData({
    type,
    length: values.length,
    ...nullsOf(values),
    children: [
      built(
        binary(),
        values.map((v) => v?.value ?? empty),
      ),
      built(
        binary(),
        values.map((v) => v?.metadata ?? empty),
      ),
    ],
  });
}
