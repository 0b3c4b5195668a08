import { type RecordBatch, RecordBatchReader, type Schema, Table, util } from "apache-arrow";

/**
 * One Arrow IPC stream as a Spark Connect server sends it (the `data` of an
 * `ExecutePlanResponse.arrow_batch`), with the row count the server declared for it when known.
 */
export interface ArrowIpcChunk {
  readonly data: Uint8Array;
  readonly rowCount?: bigint | number;
}

/** Arrow data that could not be decoded, or that disagrees with what the server declared. */
export class ArrowDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ArrowDecodeError";
  }
}

type ChunkInput = Uint8Array | ArrowIpcChunk;

interface DecodedChunk {
  readonly schema: Schema;
  readonly batches: RecordBatch[];
}

function readChunk(input: ChunkInput, position: number, expectedRows?: bigint | number): DecodedChunk {
  const data = input instanceof Uint8Array ? input : input.data;
  const declared = expectedRows ?? (input instanceof Uint8Array ? undefined : input.rowCount);
  const where = `Arrow chunk ${position}`;
  if (data.byteLength === 0) throw new ArrowDecodeError(`${where} is empty: an Arrow IPC stream starts with its schema.`);
  let decoded: DecodedChunk;
  try {
    const reader = RecordBatchReader.from(data);
    reader.open();
    // The schema is read before the batches: an empty result still has one.
    const schema = reader.schema;
    decoded = { schema, batches: reader.readAll().map((batch) => withStreamSchema(batch, schema)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const hint = /compress/i.test(detail)
      ? " The server compressed it (spark.sql.execution.arrow.compression.codec); set that to none, or register" +
        " a codec in apache-arrow's compressionRegistry."
      : "";
    throw new ArrowDecodeError(`${where} is not a readable Arrow IPC stream: ${detail}.${hint}`, { cause: error });
  }
  if (!decoded.schema) throw new ArrowDecodeError(`${where} has no schema.`);
  if (declared !== undefined) {
    const rows = decoded.batches.reduce((sum, batch) => sum + batch.numRows, 0);
    if (BigInt(rows) !== BigInt(declared)) {
      throw new ArrowDecodeError(`${where} holds ${rows} rows, but the server declared ${declared}.`);
    }
  }
  return decoded;
}

/**
 * Decodes one Arrow IPC stream (one `arrow_batch` of Spark Connect) into its record batches.
 *
 * @param expectedRowCount the row count the server declared; a mismatch throws.
 * @throws ArrowDecodeError when the bytes are not an Arrow IPC stream (or are compressed with a
 *   codec Arrow JS lacks), or hold another number of rows than declared.
 *
 * @example
 * ```ts
 * for (const batch of decodeChunk(response.arrowBatch.data, response.arrowBatch.rowCount)) {
 *   console.log(batch.numRows);
 * }
 * ```
 */
export function decodeChunk(data: Uint8Array, expectedRowCount?: bigint | number): RecordBatch[] {
  return readChunk(data, 0, expectedRowCount).batches;
}

/**
 * The batch with the schema of its stream. Arrow JS rebuilds a batch's schema by merging fields by
 * name, so when a name repeats (a join's two `id` columns) the first field takes the last one's type
 * and nullability, and the batch no longer matches the stream's own, correct schema. The batch's
 * data keeps the right types; only its `schema` property is put right.
 */
function withStreamSchema(batch: RecordBatch, schema: Schema): RecordBatch {
  if (batch.schema === schema) return batch;
  return Object.defineProperty(batch, "schema", { value: schema, enumerable: true });
}

/** The chunk's batches, after checking that the chunk has the result's schema (the first chunk's). */
function batchesOf(schema: Schema, chunk: DecodedChunk, position: number): RecordBatch[] {
  const same: boolean = chunk.schema === schema || util.compareSchemas(schema, chunk.schema);
  if (!same) {
    throw new ArrowDecodeError(
      `Arrow chunk ${position} has the schema ${chunk.schema.toString()}, unlike the first chunk's ${schema.toString()}.`,
    );
  }
  return chunk.batches;
}

/** A result's table, chunk by chunk: the first chunk's schema, every later chunk checked against it. */
class TableAssembly {
  #schema: Schema | undefined;
  readonly #batches: RecordBatch[] = [];
  #position = 0;

  add(input: ChunkInput, expectedRows?: bigint | number): void {
    const chunk = readChunk(input, this.#position, expectedRows);
    this.#schema ??= chunk.schema;
    this.#batches.push(...batchesOf(this.#schema, chunk, this.#position));
    this.#position++;
  }

  table(): Table {
    return this.#schema ? new Table(this.#schema, this.#batches) : new Table();
  }
}

/**
 * Decodes the Arrow IPC streams of a whole result into one `Table`. The schema is the first
 * stream's (an empty result still has one); every other stream must have the same.
 * No streams at all make an empty table without columns.
 *
 * @param chunks the IPC streams, or chunks carrying each stream with its declared row count.
 * @param expectedRowCounts the declared row count of each stream, when `chunks` are bare bytes.
 * @throws ArrowDecodeError as {@link decodeChunk} does, or when the streams' schemas differ.
 *
 * @example
 * ```ts
 * const table = decodeTable(responses.map((r) => ({ data: r.data, rowCount: r.rowCount })));
 * table.numRows;
 * ```
 */
export function decodeTable(chunks: Iterable<Uint8Array | ArrowIpcChunk>, expectedRowCounts?: ArrayLike<bigint | number>): Table {
  const assembly = new TableAssembly();
  let position = 0;
  for (const input of chunks) assembly.add(input, expectedRowCounts?.[position++]);
  return assembly.table();
}

/**
 * {@link decodeTable} for streams still arriving: each is decoded as it comes, while the next ones
 * are on their way, rather than all of them after the last.
 *
 * @throws ArrowDecodeError as {@link decodeTable} does, when the bad chunk is reached.
 *
 * @example
 * ```ts
 * const table = await decodeTableAsItArrives(arrowChunks(client, plan));
 * ```
 */
export async function decodeTableAsItArrives(chunks: AsyncIterable<Uint8Array | ArrowIpcChunk>): Promise<Table> {
  const assembly = new TableAssembly();
  for await (const input of chunks) assembly.add(input);
  return assembly.table();
}

/**
 * Decodes Arrow IPC streams as they arrive and yields their record batches one at a time: only the
 * chunk being decoded is held, never the result. Every chunk must have the first chunk's schema, so
 * one converter (see {@link rowConverter}) serves all the batches.
 *
 * @throws ArrowDecodeError as {@link decodeTable} does, when the bad chunk is reached.
 *
 * @example
 * ```ts
 * for await (const batch of decodeChunks(arrowChunks(client, plan))) {
 *   process(batch);
 * }
 * ```
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array | ArrowIpcChunk> | Iterable<Uint8Array | ArrowIpcChunk>,
): AsyncGenerator<RecordBatch, void, undefined> {
  let schema: Schema | undefined;
  let position = 0;
  for await (const input of chunks) {
    const chunk = readChunk(input, position);
    schema ??= chunk.schema;
    yield* batchesOf(schema, chunk, position);
    position++;
  }
}
