import { Buffer } from "node:buffer";
import { inspect } from "node:util";
import { civilFromEpochDay, floorDiv, formatDate, formatLocalNanos, formatTimeOfDay } from "./civil";
import { formatDecimalStripped } from "./decimal";
import { javaDoubleToString, javaFloatToString, jsonQuote } from "./jsonText";
import { LocalDate } from "./localDate";
import { LocalDateTime } from "./localDateTime";
import { LocalTime } from "./localTime";
import { formatTimestamp, Timestamp } from "./timestamp";
import { formatOffset, zoneOffsetSeconds } from "./timeZone";
import { checkVariantMetadata, VariantBinary, type VariantScalar } from "./variantBinary";

/**
 * What {@link VariantValue.toJS} gives: JSON-like JS values, with the types JSON lacks kept exact.
 * Integers are numbers, or bigints beyond ±(2^53 - 1); decimals are strings; dates and timestamps
 * are {@link LocalDate}, {@link Timestamp}, {@link LocalDateTime}; times {@link LocalTime}; binaries
 * `Uint8Array`; UUIDs strings.
 */
export type VariantJsValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | LocalDate
  | LocalDateTime
  | LocalTime
  | Timestamp
  | VariantJsValue[]
  | VariantJsObject;

/** A variant object as {@link VariantValue.toJS} gives it. */
export interface VariantJsObject {
  [key: string]: VariantJsValue;
}

/**
 * A value of Spark's `variant` type: semi-structured data in Spark's variant binary encoding, as
 * the server sent it (`value` and `metadata` bytes). Immutable (the bytes are the instance's own
 * copy; do not change them).
 *
 * @example
 * ```ts
 * // SELECT parse_json('{"b": [1, 2.5], "a": "x"}') AS v
 * row.v.toString();  // '{"a":"x","b":[1,2.5]}'  (Spark's to_json(v): keys sorted)
 * row.v.toJS();      // { a: "x", b: [1, "2.5"] }  (2.5 is a decimal in a variant: a string)
 * JSON.stringify({ v: row.v }); // '{"v":"{\"a\":\"x\",\"b\":[1,2.5]}"}'
 * ```
 */
export class VariantValue {
  /** The encoded value (header byte first). */
  readonly value: Uint8Array;
  /** The encoded metadata: version and the dictionary of object keys. */
  readonly metadata: Uint8Array;

  /** @throws RangeError when the metadata is not variant metadata of version 1. */
  constructor(value: Uint8Array, metadata: Uint8Array) {
    checkVariantMetadata(metadata);
    this.value = value;
    this.metadata = metadata;
    Object.freeze(this);
  }

  /**
   * The value as JSON text, exactly as Spark's `to_json(v)` writes it in a session whose time zone
   * is `timeZone`: object keys in sorted order, decimals in full, doubles as Java prints them,
   * dates and timestamps as quoted strings ("2024-03-01 12:34:56.5+00:00"), binaries in base64,
   * NaN and infinities as quoted strings.
   * @throws RangeError when the bytes are malformed or the time zone is unknown.
   */
  toJson(timeZone = "UTC"): string {
    const binary = new VariantBinary(this.value, this.metadata);
    return jsonAt(binary, 0, timeZone);
  }

  /** {@link VariantValue.toJson} in UTC. */
  toJSON(): string {
    return this.toJson();
  }

  /** {@link VariantValue.toJson} in UTC. */
  toString(): string {
    return this.toJson();
  }

  /**
   * The value as JS values: objects (keys in sorted order), arrays, strings, numbers, booleans and
   * null, with the rest as {@link VariantJsValue} describes.
   * @throws RangeError when the bytes are malformed.
   */
  toJS(): VariantJsValue {
    return jsAt(new VariantBinary(this.value, this.metadata), 0);
  }

  /** How Node's console shows the value. */
  [inspect.custom](): string {
    return `VariantValue(${this.toJson()})`;
  }
}

function jsonAt(binary: VariantBinary, pos: number, timeZone: string): string {
  switch (binary.basicType(pos)) {
    case "object":
      return `{${binary
        .objectFields(pos)
        .map((field) => `${jsonQuote(field.key)}:${jsonAt(binary, field.pos, timeZone)}`)
        .join(",")}}`;
    case "array":
      return `[${binary
        .arrayElements(pos)
        .map((element) => jsonAt(binary, element, timeZone))
        .join(",")}]`;
    default:
      return scalarJson(binary.scalar(pos), timeZone);
  }
}

function scalarJson(scalar: VariantScalar, timeZone: string): string {
  switch (scalar.kind) {
    case "null":
      return "null";
    case "boolean":
    case "integer":
      return String(scalar.value);
    case "double":
    case "float": {
      const text = scalar.kind === "double" ? javaDoubleToString(scalar.value) : javaFloatToString(scalar.value);
      // JSON has no NaN or infinities; Spark quotes them.
      return Number.isFinite(scalar.value) ? text : jsonQuote(text);
    }
    case "decimal":
      return formatDecimalStripped(scalar.unscaled, scalar.scale);
    case "date":
      return jsonQuote(formatDate(civilFromEpochDay(scalar.epochDay)));
    case "timestamp":
      return jsonQuote(formatTimestamp(scalar.epochMicros, timeZone, { offset: true }));
    case "timestamp_ntz":
      return jsonQuote(LocalDateTime.fromEpochMicros(scalar.epochMicros).toString());
    case "timestamp_nanos": {
      const offset = zoneOffsetSeconds(Number(floorDiv(scalar.epochNanos, 1_000_000_000n)), timeZone);
      return jsonQuote(formatLocalNanos(scalar.epochNanos + BigInt(offset) * 1_000_000_000n) + formatOffset(offset));
    }
    case "timestamp_nanos_ntz":
      return jsonQuote(formatLocalNanos(scalar.epochNanos));
    case "time":
      return jsonQuote(formatTimeOfDay(Number(scalar.microOfDay), 6));
    case "binary":
      return jsonQuote(Buffer.from(scalar.bytes).toString("base64"));
    case "string":
    case "uuid":
      return jsonQuote(scalar.value);
  }
}

function jsAt(binary: VariantBinary, pos: number): VariantJsValue {
  switch (binary.basicType(pos)) {
    case "object": {
      const object: VariantJsObject = {};
      for (const field of binary.objectFields(pos)) {
        const value = jsAt(binary, field.pos);
        // Assigning "__proto__" would replace the prototype instead of adding a key.
        if (field.key === "__proto__") {
          Object.defineProperty(object, field.key, { value, enumerable: true, writable: true, configurable: true });
        } else {
          object[field.key] = value;
        }
      }
      return object;
    }
    case "array":
      return binary.arrayElements(pos).map((element) => jsAt(binary, element));
    default:
      return scalarJs(binary.scalar(pos));
  }
}

function scalarJs(scalar: VariantScalar): VariantJsValue {
  switch (scalar.kind) {
    case "null":
      return null;
    case "integer":
      return scalar.value >= Number.MIN_SAFE_INTEGER && scalar.value <= Number.MAX_SAFE_INTEGER ? Number(scalar.value) : scalar.value;
    case "boolean":
    case "double":
    case "float":
    case "string":
    case "uuid":
      return scalar.value;
    case "decimal":
      return formatDecimalStripped(scalar.unscaled, scalar.scale);
    case "date":
      return LocalDate.fromEpochDay(scalar.epochDay);
    case "timestamp":
      return new Timestamp(scalar.epochMicros);
    case "timestamp_ntz":
      return LocalDateTime.fromEpochMicros(scalar.epochMicros);
    case "timestamp_nanos":
      return Timestamp.fromEpochNanos(scalar.epochNanos);
    case "timestamp_nanos_ntz":
      return LocalDateTime.fromEpochNanos(scalar.epochNanos);
    case "time":
      return LocalTime.fromNanoOfDay(scalar.microOfDay * 1000n);
    case "binary":
      return scalar.bytes;
  }
}
