import { DataFrameReader } from "../io/reader";
import type { SparkSession } from "../session";

/**
 * Reads a stream into a streaming DataFrame (`spark.readStream`): the `rate` source, files that
 * arrive in a folder, tables, Kafka and other connectors. Settings as in {@link DataFrameReader}.
 *
 * @example
 * ```ts
 * const ticks = spark.readStream.format("rate").option("rowsPerSecond", 10).load();
 * const orders = spark.readStream.schema("id INT, amount DOUBLE").json("/incoming/orders");
 * ```
 */
export class DataStreamReader extends DataFrameReader {
  /** @internal Use `spark.readStream`. */
  constructor(sparkSession: SparkSession, state?: ConstructorParameters<typeof DataFrameReader>[1]) {
    super(sparkSession, state, true);
  }

  /** Names this source, so that a restarted query can match it to its checkpointed state when the sources change. */
  name(sourceName: string): this {
    return this.with({ ...this.state, sourceName });
  }
}
