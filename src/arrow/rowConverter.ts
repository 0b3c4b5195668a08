import { type Data, type RecordBatch, type Schema, type Table, util } from "apache-arrow";
import { Row } from "./row";
import { valueReader } from "./valueReaders";
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
  const columns = Object.freeze(schema.fields.map((field) => field.name));
  const readers = schema.fields.map((field) => valueReader(field));
  return (batch) => {
    const children: readonly Data[] = batch.data.children;
    if (children.length !== readers.length) {
      throw new RangeError(`The batch has ${children.length} columns; the schema has ${readers.length}`);
    }
    const rows: Row[] = new Array(batch.numRows);
    for (let r = 0; r < batch.numRows; r++) {
      const values: SparkValue[] = new Array(readers.length);
      for (let c = 0; c < readers.length; c++) values[c] = readers[c]!(children[c]!, r);
      rows[r] = new Row(columns, values);
    }
    return rows;
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
  const convert = rowConverter(table.schema);
  return table.batches.flatMap((batch) => convert(batch));
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
export async function* rowsFromBatches(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
): AsyncGenerator<Row, void, undefined> {
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
