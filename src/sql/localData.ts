// spark.createDataFrame: JS rows or an Arrow table to a local relation of the plan, with the schema
// given or inferred as PySpark infers it; above Spark's size threshold the data travels as cached
// artifacts instead of inside the plan.
import {
  Binary,
  Bool,
  DataType as ArrowType,
  Date_,
  DateUnit,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Map_,
  Null,
  Schema,
  Struct,
  type Table,
  tableToIPC,
  TimeUnit,
  Timestamp as ArrowTimestamp,
  Utf8,
} from "apache-arrow";
import { encodeRows, LocalDate, LocalDateTime, Timestamp } from "../arrow";
import { cacheArtifact } from "../connect/artifacts";
import { atLeastLine, parseSparkVersion } from "../connect/sparkVersion";
import { LocalRelation, type Relation } from "../gen/spark/connect/relations";
import { PendingDataFrame } from "./pendingDataFrame";
import { cachedLocalRelation, chunkedCachedLocalRelation, localData, localRelation } from "./plan/sources";
import type { SparkSession } from "./session";
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  CharType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  VarcharType,
  dataTypeFromProto,
  type DataType,
} from "./types";

/** The rows `createDataFrame` takes: objects keyed by column name, arrays in column order, or an Arrow table. */
export type LocalRows = readonly Readonly<Record<string, unknown>>[] | readonly (readonly unknown[])[] | Table;

/** The schema `createDataFrame` takes: a StructType, Spark DDL (`"id INT, name STRING"`), or just the column names. */
export type LocalSchema = StructType | string | readonly string[];

const CONF = {
  threshold: "spark.sql.session.localRelationCacheThreshold",
  chunkRows: "spark.sql.session.localRelationChunkSizeRows",
  sizeLimit: "spark.sql.session.localRelationSizeLimit",
} as const;

/**
 * A DataFrame of local data (see `SparkSession.createDataFrame`), given at once: the rows are
 * checked and encoded here, and whatever needs the server (a DDL schema's parse, the size limits,
 * an upload of large data) runs as one of the session's eager statements, in order with the others.
 * Mistakes in the rows that need no server are thrown here; the others where the DataFrame is used.
 * @internal
 */
export function createDataFrame(session: SparkSession, data: LocalRows, schema?: LocalSchema): PendingDataFrame {
  if (!isArrowTable(data) && !Array.isArray(data)) throw new TypeError("createDataFrame takes an array of rows or an Arrow Table");
  if (isArrowTable(data)) {
    const ipc = tableToIPC(data, "stream");
    if (typeof schema === "string")
      return pending(session, localData(undefined, schema), async () => arrowStream(ipc, await parseDdl(session, schema)));
    return pending(session, localData(undefined, schema instanceof StructType ? schema.json() : undefined), () =>
      arrowStream(ipc, schema instanceof StructType ? schema : undefined),
    );
  }
  const rows = data as readonly unknown[];
  if (typeof schema === "string")
    return pending(session, localData(undefined, schema), async () => encodedRows(rows, await parseDdl(session, schema)));
  const names = Array.isArray(schema) ? (schema as readonly string[]) : undefined;
  const structType = schema instanceof StructType ? schema : inferSchema(rows, names);
  if (names && names.length !== structType.fields.length) {
    throw new TypeError(`createDataFrame got ${names.length} column names for rows of ${structType.fields.length} columns`);
  }
  const encoded = encodedRows(rows, structType);
  return pending(session, localData(undefined, structType.json()), () => encoded);

  /** The local relation's Arrow stream, and how to cut it into chunks when it is cached. */
  function arrowStream(ipc: Uint8Array, struct: StructType | undefined): Encoded {
    return { whole: ipc, schema: struct, chunks: () => [ipc] };
  }

  function encodedRows(rows: readonly unknown[], struct: StructType): Encoded {
    const arrowSchema = new Schema(struct.fields.map(arrowField));
    const positional = rows.map((row, i) => rowValues(row, struct, i));
    const [whole] = encodeRows(positional, arrowSchema);
    return { whole, schema: struct, chunks: (chunkRows) => encodeRows(positional, arrowSchema, chunkRows) };
  }
}

/** Local data as Arrow, ready to go in a plan or to be cut into cached chunks. */
interface Encoded {
  readonly whole: Uint8Array;
  readonly schema: StructType | undefined;
  readonly chunks: (chunkRows: number) => Uint8Array[];
}

/**
 * A DataFrame on a placeholder (the schema alone) for the relation the statement settles on: the
 * data inside the plan when it is small, else the cached artifacts it was uploaded as.
 */
function pending(session: SparkSession, placeholder: LocalRelation, encode: () => Encoded | Promise<Encoded>): PendingDataFrame {
  const input = localRelation(placeholder);
  session.client.statements.run(input, async () => send(session, await encode(), await limits(session)));
  return new PendingDataFrame(session, input);
}

interface Limits {
  readonly threshold: number;
  readonly chunkRows: number;
  readonly sizeLimit: number;
}

/** Read for each DataFrame, as PySpark does: the session's settings may have changed in between. */
async function limits(session: SparkSession): Promise<Limits> {
  const response = await session.client.config({ $case: "getOption", getOption: { keys: Object.values(CONF) } }, IN_TURN);
  const value = (key: string, fallback: number) => {
    const text = response.pairs.find((p) => p.key === key)?.value;
    const n = text === undefined ? NaN : Number.parseInt(text, 10);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    threshold: value(CONF.threshold, 64 * 1024 * 1024),
    chunkRows: value(CONF.chunkRows, 10_000),
    sizeLimit: value(CONF.sizeLimit, Number.MAX_SAFE_INTEGER),
  };
}

/** The calls of a createDataFrame statement run in its own turn among the session's statements. */
const IN_TURN = { statement: true } as const;

/**
 * The local relation: in the plan when small, else uploaded as cached artifacts the plan names.
 * Servers before Spark 4.1 know one cached artifact per relation (the whole LocalRelation message,
 * as PySpark 3.5 and 4.0 send it); later ones take the Arrow stream in chunks, each its own artifact.
 */
async function send(session: SparkSession, { whole, schema, chunks }: Encoded, conf: Limits): Promise<Relation> {
  const local = localData(whole, schema?.json());
  if (whole.byteLength < conf.threshold) return localRelation(local);
  if (whole.byteLength > conf.sizeLimit) {
    throw new RangeError(`The local data is ${whole.byteLength} bytes, above the server's limit of ${conf.sizeLimit} (${CONF.sizeLimit}).`);
  }
  const version = parseSparkVersion(await session.client.serverVersion());
  if (version && !atLeastLine(version, "4.1")) {
    const artifact = cacheArtifact(LocalRelation.encode(local).finish());
    await session.client.addArtifacts([artifact], IN_TURN);
    return cachedLocalRelation(artifact.hash);
  }
  const schemaArtifact = schema ? cacheArtifact(new TextEncoder().encode(schema.json())) : undefined;
  const dataArtifacts = chunks(conf.chunkRows).map(cacheArtifact);
  await session.client.addArtifacts(schemaArtifact ? [schemaArtifact, ...dataArtifacts] : dataArtifacts, IN_TURN);
  return chunkedCachedLocalRelation(
    dataArtifacts.map((a) => a.hash),
    schemaArtifact?.hash,
  );
}

async function parseDdl(session: SparkSession, ddlString: string): Promise<StructType> {
  const response = await session.client.analyze({ $case: "ddlParse", ddlParse: { ddlString } }, IN_TURN);
  const proto = response.result?.$case === "ddlParse" ? response.result.ddlParse.parsed : undefined;
  if (!proto) throw new TypeError(`The server could not parse the schema "${ddlString}".`);
  const parsed = dataTypeFromProto(proto);
  // A single type (`"int"`) is one column named `value`, as in PySpark.
  return parsed instanceof StructType ? parsed : new StructType([new StructField("value", parsed)]);
}

function isArrowTable(data: unknown): data is Table {
  return typeof data === "object" && data !== null && !Array.isArray(data) && "schema" in data && "batches" in data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** A row's values in the schema's order: by name for objects, by position for arrays. */
function rowValues(row: unknown, schema: StructType, i: number): unknown[] {
  if (Array.isArray(row)) {
    if (row.length !== schema.fields.length) throw new TypeError(`row ${i} has ${row.length} values for ${schema.fields.length} columns`);
    return row;
  }
  if (isRecord(row)) return schema.fields.map((f) => row[f.name]);
  throw new TypeError(`row ${i} is neither an object nor an array`);
}

/** The schema PySpark would infer for rows like these: columns in first-seen order, types merged over all rows. */
function inferSchema(rows: readonly unknown[], names?: readonly string[]): StructType {
  if (rows.length === 0) throw new TypeError("cannot infer a schema from no rows: give one");
  const columns = new Map<string, DataType>();
  rows.forEach((row, r) => {
    const entries: [string, unknown][] = Array.isArray(row)
      ? row.map((v, c) => [names?.[c] ?? `_${c + 1}`, v])
      : isRecord(row)
        ? Object.entries(row)
        : (() => {
            throw new TypeError(`row ${r} is neither an object nor an array`);
          })();
    for (const [name, value] of entries) {
      const where = `column "${name}", row ${r}`;
      const previous = columns.get(name) ?? new NullType();
      columns.set(name, mergeTypes(previous, inferType(value, where), where));
    }
  });
  const ordered = names && !Array.isArray(rows[0]) ? names.map((n) => [n, columns.get(n) ?? new NullType()] as const) : [...columns];
  return new StructType(
    ordered.map(([name, type]) => {
      if (type instanceof NullType) throw new TypeError(`cannot infer the type of column "${name}": every value is null; give a schema`);
      return new StructField(name, withoutNullParts(type), true);
    }),
  );
}

/** The Spark type of one JS value, as PySpark infers it for the matching Python value. */
function inferType(value: unknown, where: string): DataType {
  if (value === null || value === undefined) return new NullType();
  if (typeof value === "boolean") return new BooleanType();
  // Whole numbers are Python ints (bigint); a column with any fraction becomes double when merged.
  if (typeof value === "number") return Number.isInteger(value) ? new LongType() : new DoubleType();
  if (typeof value === "bigint") return new LongType();
  if (typeof value === "string") return new StringType();
  if (value instanceof Uint8Array) return new BinaryType();
  if (value instanceof LocalDate) return new DateType();
  if (value instanceof LocalDateTime) return new TimestampNTZType();
  if (value instanceof Timestamp || value instanceof Date) return new TimestampType();
  if (Array.isArray(value)) {
    const element = value.reduce<DataType>((t, v, i) => mergeTypes(t, inferType(v, `${where}, element ${i}`), where), new NullType());
    return new ArrayType(element, true);
  }
  if (value instanceof Map) {
    let key: DataType = new NullType();
    let val: DataType = new NullType();
    for (const [k, v] of value) {
      key = mergeTypes(key, inferType(k, `${where}, a key`), where);
      val = mergeTypes(val, inferType(v, `${where}, a value`), where);
    }
    return new MapType(key, val, true);
  }
  if (isRecord(value)) {
    return new StructType(Object.entries(value).map(([k, v]) => new StructField(k, inferType(v, `${where}, field "${k}"`), true)));
  }
  throw new TypeError(
    `${where}: cannot infer a Spark type for ${typeof value === "object" ? (value.constructor?.name ?? "an object") : typeof value}`,
  );
}

function mergeTypes(a: DataType, b: DataType, where: string): DataType {
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  if ((a instanceof LongType && b instanceof DoubleType) || (a instanceof DoubleType && b instanceof LongType)) return new DoubleType();
  if (a instanceof ArrayType && b instanceof ArrayType) return new ArrayType(mergeTypes(a.elementType, b.elementType, where), true);
  if (a instanceof MapType && b instanceof MapType) {
    return new MapType(mergeTypes(a.keyType, b.keyType, where), mergeTypes(a.valueType, b.valueType, where), true);
  }
  if (a instanceof StructType && b instanceof StructType) {
    const fields = new Map(a.fields.map((f) => [f.name, f.dataType]));
    for (const f of b.fields) fields.set(f.name, mergeTypes(fields.get(f.name) ?? new NullType(), f.dataType, where));
    return new StructType([...fields].map(([name, type]) => new StructField(name, type, true)));
  }
  if (a.simpleString() === b.simpleString()) return a;
  throw new TypeError(`${where}: a ${b.simpleString()} value in a column of ${a.simpleString()} values`);
}

/** Nested parts whose values were all null (an empty array's elements) become strings, as PySpark does. */
function withoutNullParts(type: DataType): DataType {
  if (type instanceof NullType) return new StringType();
  if (type instanceof ArrayType) return new ArrayType(withoutNullParts(type.elementType), true);
  if (type instanceof MapType) return new MapType(withoutNullParts(type.keyType), withoutNullParts(type.valueType), true);
  if (type instanceof StructType)
    return new StructType(type.fields.map((f) => new StructField(f.name, withoutNullParts(f.dataType), true)));
  return type;
}

function arrowField(field: StructField): Field {
  return new Field(field.name, arrowType(field.dataType, field.name), field.nullable);
}

/** The Arrow type Spark reads a Spark type's local values from. */
function arrowType(type: DataType, name: string): ArrowType {
  if (type instanceof BooleanType) return new Bool();
  if (type instanceof ByteType) return new Int8();
  if (type instanceof ShortType) return new Int16();
  if (type instanceof IntegerType) return new Int32();
  if (type instanceof LongType) return new Int64();
  if (type instanceof FloatType) return new Float32();
  if (type instanceof DoubleType) return new Float64();
  if (type instanceof DecimalType) return new Decimal(type.scale, type.precision, 128);
  if (type instanceof StringType || type instanceof CharType || type instanceof VarcharType) return new Utf8();
  if (type instanceof BinaryType) return new Binary();
  if (type instanceof DateType) return new Date_(DateUnit.DAY);
  if (type instanceof TimestampNTZType) return new ArrowTimestamp(TimeUnit.MICROSECOND);
  if (type instanceof TimestampType) return new ArrowTimestamp(TimeUnit.MICROSECOND, "UTC");
  if (type instanceof NullType) return new Null();
  if (type instanceof ArrayType) return new List(new Field("element", arrowType(type.elementType, name), type.containsNull));
  if (type instanceof MapType) {
    const entries = new Struct<{ key: ArrowType; value: ArrowType }>([
      new Field("key", arrowType(type.keyType, name), false),
      new Field("value", arrowType(type.valueType, name), type.valueContainsNull),
    ]);
    return new Map_(new Field("entries", entries, false));
  }
  if (type instanceof StructType) return new Struct(type.fields.map(arrowField));
  throw new TypeError(`column "${name}": createDataFrame does not take local values of type ${type.simpleString()}`);
}
