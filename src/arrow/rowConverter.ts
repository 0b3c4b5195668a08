import { type Data, type RecordBatch, type Schema, type Table, util } from "apache-arrow";
import { Row } from "./row";
import { chunkReader, type ChunkReader } from "./valueReaders";
import type { SparkValue } from "./values";

/**
 * Makes the function that turns record batches of `schema` into {@link Row}s. The readers for the
 * columns are made here, once for the schema (one per field and nested type, as PySpark's
 * conversion does), and only run per value afterwards.
 *
 * @throws RangeError (from the returned function) for a batch with a different number of columns.
 *
 * @example
 * ```ts
 * const toRows = rowConverter(table.schema);
 * const rows = table.batches.flatMap((batch) => toRows(batch));
 * ```
 */
export function rowConverter(schema: Schema): (batch: RecordBatch) => Row[] {
  const convertInto = rowWriter(schema);
  return (batch) => {
    const rows: Row[] = new Array<Row>(batch.numRows);
    convertInto(batch, rows, 0);
    return rows;
  };
}

/**
 * The work of {@link rowConverter}, writing each batch's rows into `out` from `at` on: a whole
 * table then fills one array, with no array per batch to concatenate afterwards.
 */
function rowWriter(schema: Schema): (batch: RecordBatch, out: Row[], at: number) => void {
  const columns = Object.freeze(schema.fields.map((field) => field.name));
  const readerMakers = schema.fields.map((field) => chunkReader(field));
  const width = readerMakers.length;
  // A row with distinct column names keeps its values only as properties (see Row), so one
  // scratch array can carry every row's values into its constructor.
  const distinct = new Set(columns).size === width;
  return (batch, out, at) => {
    const children: readonly Data[] = batch.data.children;
    if (children.length !== width) {
      throw new RangeError(`The batch has ${children.length} columns; the schema has ${width}`);
    }
    // Readers bound to this batch's columns: per value, only the read itself is left.
    const readers: ChunkReader[] = readerMakers.map((make, c) => make(children[c]));
    const numRows = batch.numRows;
    const scratch: SparkValue[] = new Array<SparkValue>(width);
    for (let r = 0; r < numRows; r++) {
      const values: SparkValue[] = distinct ? scratch : new Array<SparkValue>(width);
      for (let c = 0; c < width; c++) values[c] = readers[c](r);
      out[at + r] = new Row(columns, values);
    }
  };
}

/**
 * Every row of a table, converted (see {@link rowConverter}).
 *
 * @example
 * ```ts
 * const rows = tableToRows(decodeTable(chunks));
 * ```
 */
export function tableToRows(table: Table): Row[] {
  const convertInto = rowWriter(table.schema);
  const rows: Row[] = new Array<Row>(table.numRows);
  let at = 0;
  for (const batch of table.batches) {
    convertInto(batch, rows, at);
    at += batch.numRows;
  }
  return rows;
}

/**
 * Converts record batches to rows as they come, one batch held at a time. One converter serves all
 * the batches while their schema stays the same (as {@link decodeChunks} ensures).
 *
 * @example
 * ```ts
 * for await (const row of rowsFromBatches(decodeChunks(chunks))) console.log(row);
 * ```
 */
export async function* rowsFromBatches(batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>): AsyncGenerator<Row, void, undefined> {
  let schema: Schema | undefined;
  let convert: ((batch: RecordBatch) => Row[]) | undefined;
  for await (const batch of batches) {
    const same: boolean = schema !== undefined && (batch.schema === schema || util.compareSchemas(schema, batch.schema));
    if (!same) {
      schema = batch.schema;
      convert = rowConverter(schema);
    }
    yield* convert!(batch);
  }
}
