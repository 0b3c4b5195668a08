import { SourceReader } from "../io/reader";
import type { SparkSession } from "../session";

/**
 * Reads a stream into a streaming DataFrame (`spark.readStream`): the `rate` source, files that
 * arrive in a folder, tables, Kafka and other connectors. Format, schema, options and the file
 * sources are those of {@link SourceReader}, shared with `spark.read`; JDBC is batch only, so a
 * stream reader has no `jdbc`. File sources need a schema (`schema(...)`), as Spark infers none
 * for streams by default.
 *
 * @example
 * ```ts
 * const ticks = spark.readStream.format("rate").option("rowsPerSecond", 10).load();
 * await ticks.columns;       // ["timestamp", "value"]
 * const people = spark.readStream.schema("name STRING, age INT").json("people.json");
 * await people.isStreaming;  // true
 * ```
 */
export class DataStreamReader extends SourceReader {
  /** @internal Use `spark.readStream`. */
  constructor(sparkSession: SparkSession, state?: ConstructorParameters<typeof SourceReader>[1]) {
    super(sparkSession, state, true);
  }

  /**
   * Names this source, so that a restarted query can match it to its checkpointed state when the
   * sources change (the server needs `spark.sql.streaming.queryEvolution.enableSourceEvolution`).
   *
   * @example
   * ```ts
   * await spark.conf.set("spark.sql.streaming.queryEvolution.enableSourceEvolution", true);
   * const people = spark.readStream.schema("name STRING, age INT").name("people_files").json("people.json");
   * const query = await people.writeStream.format("memory").queryName("named").option("checkpointLocation", "ckpt").start();
   * // ckpt/sources/people_files/0   (the source's state, kept under its name, where it is ckpt/sources/0/0 otherwise)
   * ```
   */
  name(sourceName: string): this {
    return this.with({ ...this.state, sourceName });
  }
}
