import {
  type Data,
  DataType,
  DateUnit,
  type Field,
  IntervalUnit,
  isArrowVector,
  makeVector,
  MapRow,
  Precision,
  StructRow,
  TimeUnit,
  type Vector,
} from "apache-arrow";
import { floorDiv } from "./civil";
import { formatDecimal, formatDecimalSafe, wordsToBigInt, wordsToSafeInteger } from "./decimal";
import { CalendarInterval, DayTimeInterval, YearMonthInterval } from "./intervals";
import { LocalDate } from "./localDate";
import { LocalDateTime } from "./localDateTime";
import { LocalTime } from "./localTime";
import { Timestamp } from "./timestamp";
import type { SparkStruct, SparkValue } from "./values";
import { VariantValue } from "./variant";

/**
 * Reads the value at `index` of one Arrow column chunk (`Data`) as a {@link SparkValue}, null
 * included. Made once per field by {@link valueReader}, then called for every value.
 */
export type ValueReader = (data: Data, index: number) => SparkValue;

/** A reader for a valid (non-null) slot. */
type Read = (data: Data, index: number) => SparkValue;

/**
 * Makes the reader for a field's values. The type is examined here, once; the reader it returns
 * only reads. Readers work on the Arrow buffers directly: Arrow JS's own getters would turn
 * timestamps into float milliseconds and decimals into their own objects, losing exactness.
 *
 * @example
 * ```ts
 * const read = valueReader(batch.schema.fields[0]);
 * const column = batch.data.children[0];
 * const first = read(column, 0);
 * ```
 */
export function valueReader(field: Field): ValueReader {
  const type = field.type as DataType;
  if (DataType.isNull(type)) return () => null;
  // Arrow JS's getters resolve unions through their children, so validity is theirs to tell.
  if (DataType.isUnion(type)) return arrowJsRead();
  const read = validRead(field);
  return (data, index) => (data.nullCount > 0 && !data.getValid(index) ? null : read(data, index));
}

function validRead(field: Field): Read {
  const type = field.type as DataType;
  if (DataType.isBool(type)) return readBool;
  if (DataType.isInt(type)) return type.bitWidth === 64 ? readBigInt : readNumber;
  if (DataType.isFloat(type)) return type.precision === Precision.HALF ? arrowJsRead() : readNumber;
  if (DataType.isDecimal(type)) return decimalRead(type.scale);
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return readUtf8;
  if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return readBinary;
  if (DataType.isFixedSizeBinary(type)) return readFixedSizeBinary;
  if (DataType.isDate(type)) return type.unit === DateUnit.DAY ? readDateDay : readDateMillisecond;
  if (DataType.isTimestamp(type)) return timestampRead(type.unit, type.timezone);
  if (DataType.isTime(type)) return timeRead(type.unit);
  if (DataType.isDuration(type)) return durationRead(type.unit);
  if (DataType.isInterval(type)) return intervalRead(type.unit);
  if (DataType.isList(type) || DataType.isLargeList(type)) return listRead(valueReader(type.children[0]));
  if (DataType.isFixedSizeList(type)) return fixedSizeListRead(type.listSize, valueReader(type.children[0]));
  if (DataType.isMap(type)) return mapRead(type.children[0].type.children);
  if (DataType.isStruct(type)) return isVariant(type.children) ? readVariant : structRead(type.children);
  // Types Spark does not send (dictionaries, views, ...): Arrow JS's own value, made plain.
  return arrowJsRead();
}

const readBool: Read = (data, index) => {
  const bits = data.values as Uint8Array;
  const bit = data.offset + index;
  return (bits[bit >> 3] & (1 << (bit & 7))) !== 0;
};

const readNumber: Read = (data, index) => (data.values as ArrayLike<number>)[index];

const readBigInt: Read = (data, index) => (data.values as BigInt64Array | BigUint64Array)[index];

function decimalRead(scale: number): Read {
  return (data, index) => readDecimal(data.values as Uint32Array, index * data.stride, data.stride, scale);
}

function readDecimal(words: Uint32Array, offset: number, count: number, scale: number): string {
  const safe = wordsToSafeInteger(words, offset, count);
  return safe === undefined ? formatDecimal(wordsToBigInt(words, offset, count), scale) : formatDecimalSafe(safe, scale);
}

function offsetsOf(data: Data): Int32Array | BigInt64Array {
  return data.valueOffsets as Int32Array | BigInt64Array;
}

// Spark's strings are UTF-8; bytes that are not (Spark can hold them) become U+FFFD.
const utf8 = new TextDecoder();

const readUtf8: Read = (data, index) => {
  const offsets = offsetsOf(data);
  return utf8.decode((data.values as Uint8Array).subarray(Number(offsets[index]), Number(offsets[index + 1])));
};

/**
 * The bytes of a string column as a Buffer (a view, not a copy): Buffer's `toString` decodes a
 * range without the view per value that `TextDecoder` needs, and replaces bad UTF-8 with U+FFFD
 * as it does.
 */
function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// A copy: a view would keep the whole Arrow batch (all of its columns) alive as long as the value.
const readBinary: Read = (data, index) => {
  const offsets = offsetsOf(data);
  return (data.values as Uint8Array).slice(Number(offsets[index]), Number(offsets[index + 1]));
};

const readFixedSizeBinary: Read = (data, index) => (data.values as Uint8Array).slice(index * data.stride, (index + 1) * data.stride);

const readDateDay: Read = (data, index) => LocalDate.fromEpochDay((data.values as Int32Array)[index]);

const readDateMillisecond: Read = (data, index) =>
  LocalDate.fromEpochDay(Number(floorDiv((data.values as BigInt64Array)[index], 86_400_000n)));

/**
 * Turns a count of `unit` into microseconds (nanoseconds are rounded down to them: only for
 * durations, which Spark sends in microseconds; timestamps keep their nanoseconds).
 */
function toMicros(unit: TimeUnit): (value: bigint) => bigint {
  switch (unit) {
    case TimeUnit.SECOND:
      return (value) => value * 1_000_000n;
    case TimeUnit.MILLISECOND:
      return (value) => value * 1000n;
    case TimeUnit.MICROSECOND:
      return (value) => value;
    case TimeUnit.NANOSECOND:
      return (value) => floorDiv(value, 1000n);
  }
}

// An Arrow timestamp with a time zone is an instant (Spark's `timestamp`, the zone being the
// session's); one without is a wall-clock time (Spark's `timestamp_ntz`). Nanoseconds are Spark's
// `timestamp_ltz(7..9)` and `timestamp_ntz(7..9)`: their values keep every digit.
function timestampRead(unit: TimeUnit, timeZone: string | null | undefined): Read {
  if (unit === TimeUnit.NANOSECOND) {
    const nanos = (data: Data, index: number) => (data.values as BigInt64Array)[index];
    if (timeZone) return (data, index) => Timestamp.fromEpochNanos(nanos(data, index), timeZone);
    return (data, index) => LocalDateTime.fromEpochNanos(nanos(data, index));
  }
  const micros = toMicros(unit);
  const int64 = (data: Data, index: number) => micros((data.values as BigInt64Array)[index]);
  if (timeZone) return (data, index) => new Timestamp(int64(data, index), timeZone);
  return (data, index) => LocalDateTime.fromEpochMicros(int64(data, index));
}

function timeRead(unit: TimeUnit): Read {
  const nanosPerUnit = [1e9, 1e6, 1e3, 1][unit];
  // time32 (seconds, milliseconds) is an Int32Array, time64 a BigInt64Array.
  return (data, index) => LocalTime.fromNanoOfDay(Number((data.values as Int32Array | BigInt64Array)[index]) * nanosPerUnit);
}

function durationRead(unit: TimeUnit): Read {
  const micros = toMicros(unit);
  return (data, index) => new DayTimeInterval(micros((data.values as BigInt64Array)[index]));
}

function intervalRead(unit: IntervalUnit): Read {
  switch (unit) {
    case IntervalUnit.YEAR_MONTH:
      return (data, index) => new YearMonthInterval((data.values as Int32Array)[index]);
    case IntervalUnit.DAY_TIME:
      // Days and milliseconds: what Spark's calendar interval holds, without its months.
      return (data, index) => {
        const values = data.values as Int32Array;
        return new CalendarInterval(0, values[2 * index], BigInt(values[2 * index + 1]) * 1000n);
      };
    case IntervalUnit.MONTH_DAY_NANO:
      return (data, index) => {
        const values = data.values as Int32Array;
        const at = 4 * index;
        const nanos = (BigInt(values[at + 3]) << 32n) | BigInt(values[at + 2] >>> 0);
        return new CalendarInterval(values[at], values[at + 1], nanos / 1000n);
      };
  }
}

function listRead(element: ValueReader): Read {
  return (data, index) => {
    const offsets = offsetsOf(data);
    const child = data.children[0];
    const end = Number(offsets[index + 1]);
    const list: SparkValue[] = [];
    for (let i = Number(offsets[index]); i < end; i++) list.push(element(child, i));
    return list;
  };
}

function fixedSizeListRead(size: number, element: ValueReader): Read {
  return (data, index) => {
    const child = data.children[0];
    const list: SparkValue[] = [];
    for (let i = index * size; i < (index + 1) * size; i++) list.push(element(child, i));
    return list;
  };
}

function mapRead(entryFields: Field[]): Read {
  const key = valueReader(entryFields[0]);
  const value = valueReader(entryFields[1]);
  return (data, index) => {
    const offsets = offsetsOf(data);
    const [keys, values] = data.children[0].children as [Data, Data];
    const map = new Map<SparkValue, SparkValue>();
    const end = Number(offsets[index + 1]);
    for (let i = Number(offsets[index]); i < end; i++) map.set(key(keys, i), value(values, i));
    return map;
  };
}

/**
 * Makes a function that builds plain objects keyed by the given names, the first of a repeated name
 * winning. "__proto__" gets a real property instead of replacing the prototype.
 */
function objectBuilder(names: readonly string[]): (values: readonly SparkValue[]) => SparkStruct {
  const seen = new Set<string>();
  const kept: number[] = [];
  names.forEach((name, i) => {
    if (!seen.has(name)) kept.push(i);
    seen.add(name);
  });
  const protoAt = names.indexOf("__proto__");
  return (values) => {
    const object: SparkStruct = {};
    for (const i of kept) {
      if (i === protoAt) {
        Object.defineProperty(object, "__proto__", { value: values[i], enumerable: true, writable: true, configurable: true });
      } else {
        object[names[i]] = values[i]!;
      }
    }
    return object;
  };
}

function structRead(fields: Field[]): Read {
  const readers = fields.map((field) => valueReader(field));
  const build = objectBuilder(fields.map((field) => field.name));
  return (data, index) => build(readers.map((read, i) => read(data.children[i], index)));
}

// Spark sends a variant as struct<value: binary, metadata: binary> (large_binary with
// spark.sql.execution.arrow.useLargeVarTypes), marking the metadata field with variant = "true".
function isVariant(fields: Field[]): boolean {
  const binary = (field: Field) => DataType.isBinary(field.type) || DataType.isLargeBinary(field.type);
  return (
    fields.length === 2 &&
    fields[0].name === "value" &&
    fields[1].name === "metadata" &&
    binary(fields[0]) &&
    binary(fields[1]) &&
    fields[1].metadata.get("variant") === "true"
  );
}

const readVariant: Read = (data, index) => {
  const [value, metadata] = data.children as [Data, Data];
  return new VariantValue(readBinary(value, index) as Uint8Array, readBinary(metadata, index) as Uint8Array);
};

/** Reads through Arrow JS's own getter, for the types Spark never sends. */
function arrowJsRead(): Read {
  // One Vector per chunk, not one per value.
  let lastData: Data | undefined;
  let lastVector: Vector | undefined;
  return (data, index) => {
    if (data !== lastData) {
      lastData = data;
      lastVector = makeVector(data);
    }
    return plain(lastVector!.get(index));
  };
}

/** Arrow JS's values made into SparkValues: vectors and typed arrays to arrays, rows to objects. */
function plain(value: unknown): SparkValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "boolean":
    case "number":
    case "bigint":
    case "string":
      return value;
  }
  if (value instanceof Uint8Array) return value.slice();
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, plain);
  if (value instanceof MapRow) {
    return new Map(Array.from(value as Iterable<[unknown, unknown]>, ([k, v]) => [plain(k), plain(v)] as const));
  }
  if (value instanceof StructRow) {
    const object = value.toJSON() as Record<string, unknown>;
    const names = Object.keys(object);
    return objectBuilder(names)(names.map((name) => plain(object[name])));
  }
  if (isArrowVector(value)) return Array.from(value as Iterable<unknown>, plain);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the last resort for a value Arrow JS may add later: its own text, whatever that is.
  return String(value);
}

/**
 * A reader of one column chunk, made for that chunk: {@link ValueReader}'s work with what is the
 * same for every value of the chunk (its buffers, whether it has nulls) looked up once. For the
 * row converter, which reads every value of every chunk; the types it does not know here go
 * through {@link valueReader}.
 */
export type ChunkReader = (index: number) => SparkValue;

/** Makes, once per field, the function that makes a {@link ChunkReader} for each chunk. */
export function chunkReader(field: Field): (data: Data) => ChunkReader {
  const valid = validChunkRead(field);
  if (!valid) {
    const read = valueReader(field);
    return (data) => (index) => read(data, index);
  }
  return (data) => {
    const read = valid(data);
    const bitmap = data.nullBitmap;
    if (data.nullCount <= 0 || !bitmap || bitmap.length === 0) return read;
    const offset = data.offset;
    return (index) => {
      const bit = offset + index;
      return (bitmap[bit >> 3] & (1 << (bit & 7))) === 0 ? null : read(index);
    };
  };
}

/** Chunk readers of valid slots for the types results are mostly made of; `undefined` for the rest. */
function validChunkRead(field: Field): ((data: Data) => ChunkReader) | undefined {
  const type = field.type as DataType;
  if (DataType.isInt(type) || (DataType.isFloat(type) && type.precision !== Precision.HALF)) {
    // A 64-bit int is a BigInt64Array: its values are already bigints.
    return (data) => {
      const values = data.values as ArrayLike<number | bigint>;
      return (index) => values[index];
    };
  }
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
    return (data) => {
      const offsets = offsetsOf(data);
      const bytes = bufferOf(data.values as Uint8Array);
      if (offsets instanceof Int32Array) return (index) => bytes.toString("utf8", offsets[index], offsets[index + 1]);
      return (index) => bytes.toString("utf8", Number(offsets[index]), Number(offsets[index + 1]));
    };
  }
  if (DataType.isDecimal(type)) {
    const scale = type.scale;
    return (data) => {
      const words = data.values as Uint32Array;
      const stride = data.stride;
      return (index) => readDecimal(words, index * stride, stride, scale);
    };
  }
  if (DataType.isTimestamp(type)) {
    const timeZone = type.timezone;
    if (type.unit === TimeUnit.NANOSECOND) {
      return (data) => {
        const values = data.values as BigInt64Array;
        if (timeZone) return (index) => Timestamp.fromEpochNanos(values[index], timeZone);
        return (index) => LocalDateTime.fromEpochNanos(values[index]);
      };
    }
    const micros = toMicros(type.unit);
    return (data) => {
      const values = data.values as BigInt64Array;
      if (timeZone) return (index) => new Timestamp(micros(values[index]), timeZone);
      return (index) => LocalDateTime.fromEpochMicros(micros(values[index]));
    };
  }
  if (DataType.isDate(type) && type.unit === DateUnit.DAY) {
    return (data) => {
      const values = data.values as Int32Array;
      return (index) => LocalDate.fromEpochDay(values[index]);
    };
  }
  return undefined;
}
