// Reading Spark's variant binary encoding (common/variant/README.md in Apache Spark, now the
// Parquet Variant spec): a `metadata` buffer holding the dictionary of object keys, and a `value`
// buffer holding one self-describing value whose first byte is a header. Only reading is needed.

import { wordsToBigInt } from "./decimal";

// The two low bits of a value header.
const PRIMITIVE = 0;
const SHORT_STRING = 1;
const OBJECT = 2;
const ARRAY = 3;

/** A primitive variant value, decoded but not yet turned into JSON or JS. */
export type VariantScalar =
  | { readonly kind: "null" }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "integer"; readonly value: bigint }
  | { readonly kind: "double"; readonly value: number }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "decimal"; readonly unscaled: bigint; readonly scale: number }
  | { readonly kind: "date"; readonly epochDay: number }
  | { readonly kind: "timestamp"; readonly epochMicros: bigint }
  | { readonly kind: "timestamp_ntz"; readonly epochMicros: bigint }
  | { readonly kind: "timestamp_nanos"; readonly epochNanos: bigint }
  | { readonly kind: "timestamp_nanos_ntz"; readonly epochNanos: bigint }
  | { readonly kind: "time"; readonly microOfDay: bigint }
  | { readonly kind: "binary"; readonly bytes: Uint8Array }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "uuid"; readonly value: string };

/** Where an object's or array's parts are in the value buffer. */
interface Container {
  readonly size: number;
  readonly offsetSize: number;
  readonly offsetStart: number;
  readonly dataStart: number;
}

interface ObjectContainer extends Container {
  readonly idSize: number;
  readonly idStart: number;
}

const utf8 = new TextDecoder();

function malformed(detail: string): RangeError {
  return new RangeError(`Malformed variant: ${detail}`);
}

/** @throws RangeError unless `metadata` starts with the header of variant metadata version 1. */
export function checkVariantMetadata(metadata: Uint8Array): void {
  if (metadata.length < 1 || (metadata[0] & 0x0f) !== 1) {
    throw malformed(`unsupported metadata version ${metadata.length ? metadata[0] & 0x0f : "(empty)"}`);
  }
}

/** A cursor over one variant's `value` and `metadata` buffers. */
export class VariantBinary {
  private readonly view: DataView;
  private readonly keyCache: (string | undefined)[] = [];
  private readonly keyOffsetSize: number;
  private readonly keyCount: number;
  private readonly keyStringsStart: number;

  constructor(
    readonly value: Uint8Array,
    readonly metadata: Uint8Array,
  ) {
    this.view = new DataView(value.buffer, value.byteOffset, value.byteLength);
    checkVariantMetadata(metadata);
    this.keyOffsetSize = ((metadata[0] >> 6) & 0x3) + 1;
    this.keyCount = this.unsigned(metadata, 1, this.keyOffsetSize);
    this.keyStringsStart = 1 + (this.keyCount + 2) * this.keyOffsetSize;
  }

  /** The basic type of the value at `pos`. */
  basicType(pos: number): "primitive" | "object" | "array" {
    const basic = this.byte(pos) & 0x3;
    return basic === OBJECT ? "object" : basic === ARRAY ? "array" : "primitive";
  }

  /** The key with dictionary id `id`. */
  key(id: number): string {
    let key = this.keyCache[id];
    if (key === undefined) {
      if (id >= this.keyCount) throw malformed(`key id ${id} beyond the dictionary's ${this.keyCount} keys`);
      const size = this.keyOffsetSize;
      const start = this.unsigned(this.metadata, 1 + (id + 1) * size, size);
      const end = this.unsigned(this.metadata, 1 + (id + 2) * size, size);
      if (start > end || this.keyStringsStart + end > this.metadata.length) throw malformed(`key ${id} out of bounds`);
      key = utf8.decode(this.metadata.subarray(this.keyStringsStart + start, this.keyStringsStart + end));
      this.keyCache[id] = key;
    }
    return key;
  }

  /** The fields of the object at `pos`: each key with the position of its value, in stored (key) order. */
  objectFields(pos: number): { key: string; pos: number }[] {
    const layout = this.objectLayout(pos);
    const fields: { key: string; pos: number }[] = [];
    for (let i = 0; i < layout.size; i++) {
      const id = this.unsigned(this.value, layout.idStart + i * layout.idSize, layout.idSize);
      const offset = this.unsigned(this.value, layout.offsetStart + i * layout.offsetSize, layout.offsetSize);
      fields.push({ key: this.key(id), pos: layout.dataStart + offset });
    }
    return fields;
  }

  /** The positions of the elements of the array at `pos`. */
  arrayElements(pos: number): number[] {
    const layout = this.arrayLayout(pos);
    const elements: number[] = [];
    for (let i = 0; i < layout.size; i++) {
      elements.push(layout.dataStart + this.unsigned(this.value, layout.offsetStart + i * layout.offsetSize, layout.offsetSize));
    }
    return elements;
  }

  /** The primitive (or short string) at `pos`. */
  scalar(pos: number): VariantScalar {
    const header = this.byte(pos);
    const info = header >> 2;
    if ((header & 0x3) === SHORT_STRING) return { kind: "string", value: this.text(pos + 1, info) };
    if ((header & 0x3) !== PRIMITIVE) throw malformed(`no primitive at ${pos}`);
    const at = pos + 1;
    switch (info) {
      case 0:
        return { kind: "null" };
      case 1:
        return { kind: "boolean", value: true };
      case 2:
        return { kind: "boolean", value: false };
      case 3:
        return { kind: "integer", value: BigInt(this.view.getInt8(this.checked(at, 1))) };
      case 4:
        return { kind: "integer", value: BigInt(this.view.getInt16(this.checked(at, 2), true)) };
      case 5:
        return { kind: "integer", value: BigInt(this.view.getInt32(this.checked(at, 4), true)) };
      case 6:
        return { kind: "integer", value: this.int64(at) };
      case 7:
        return { kind: "double", value: this.view.getFloat64(this.checked(at, 8), true) };
      case 8:
        return this.decimal(at, 4);
      case 9:
        return this.decimal(at, 8);
      case 10:
        return this.decimal(at, 16);
      case 11:
        return { kind: "date", epochDay: this.view.getInt32(this.checked(at, 4), true) };
      case 12:
        return { kind: "timestamp", epochMicros: this.int64(at) };
      case 13:
        return { kind: "timestamp_ntz", epochMicros: this.int64(at) };
      case 14:
        return { kind: "float", value: this.view.getFloat32(this.checked(at, 4), true) };
      case 15: {
        const length = this.unsigned(this.value, at, 4);
        return { kind: "binary", bytes: this.value.slice(this.checked(at + 4, length), at + 4 + length) };
      }
      case 16:
        return { kind: "string", value: this.text(at + 4, this.unsigned(this.value, at, 4)) };
      case 17:
        return { kind: "time", microOfDay: this.int64(at) };
      case 18:
        return { kind: "timestamp_nanos", epochNanos: this.int64(at) };
      case 19:
        return { kind: "timestamp_nanos_ntz", epochNanos: this.int64(at) };
      case 20:
        return { kind: "uuid", value: uuidText(this.value.subarray(this.checked(at, 16), at + 16)) };
      default:
        throw malformed(`unknown primitive type ${info}`);
    }
  }

  private objectLayout(pos: number): ObjectContainer {
    const info = this.byte(pos) >> 2;
    const sizeBytes = (info >> 4) & 0x1 ? 4 : 1;
    const idSize = ((info >> 2) & 0x3) + 1;
    const offsetSize = (info & 0x3) + 1;
    const size = this.unsigned(this.value, pos + 1, sizeBytes);
    const idStart = pos + 1 + sizeBytes;
    const offsetStart = idStart + size * idSize;
    return { size, idSize, offsetSize, idStart, offsetStart, dataStart: offsetStart + (size + 1) * offsetSize };
  }

  private arrayLayout(pos: number): Container {
    const info = this.byte(pos) >> 2;
    const sizeBytes = (info >> 2) & 0x1 ? 4 : 1;
    const offsetSize = (info & 0x3) + 1;
    const size = this.unsigned(this.value, pos + 1, sizeBytes);
    const offsetStart = pos + 1 + sizeBytes;
    return { size, offsetSize, offsetStart, dataStart: offsetStart + (size + 1) * offsetSize };
  }

  private decimal(at: number, width: number): VariantScalar {
    const scale = this.byte(at);
    if (scale > 38) throw malformed(`decimal scale ${scale}`);
    this.checked(at + 1, width);
    let unscaled: bigint;
    if (width === 16) {
      // Four little-endian words; copied because the bytes need not be 4-byte aligned.
      const words = new Uint32Array(4);
      for (let i = 0; i < 4; i++) words[i] = this.view.getUint32(at + 1 + 4 * i, true);
      unscaled = wordsToBigInt(words, 0, 4);
    } else {
      unscaled = width === 8 ? this.view.getBigInt64(at + 1, true) : BigInt(this.view.getInt32(at + 1, true));
    }
    return { kind: "decimal", unscaled, scale };
  }

  private int64(at: number): bigint {
    return this.view.getBigInt64(this.checked(at, 8), true);
  }

  private text(at: number, length: number): string {
    return utf8.decode(this.value.subarray(this.checked(at, length), at + length));
  }

  private byte(pos: number): number {
    return this.value[this.checked(pos, 1)];
  }

  /** `at`, after checking that `length` bytes from it lie inside the value buffer. */
  private checked(at: number, length: number): number {
    if (at < 0 || at + length > this.value.length) throw malformed(`${length} bytes at ${at} beyond its ${this.value.length}`);
    return at;
  }

  private unsigned(bytes: Uint8Array, at: number, size: number): number {
    if (at < 0 || at + size > bytes.length) throw malformed(`${size} bytes at ${at} beyond its ${bytes.length}`);
    let result = 0;
    for (let i = size - 1; i >= 0; i--) result = result * 256 + bytes[at + i];
    return result;
  }
}

function uuidText(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
