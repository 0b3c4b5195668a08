import type { SparkConnectClient } from "../connect/client";

/** Values a configuration can be set to; Spark stores them as strings. */
export type ConfValue = string | number | boolean | bigint;

/**
 * The session's runtime configuration on the server (PySpark's `spark.conf`). Every call is one
 * round trip; nothing is cached, so what it returns is what the server uses.
 *
 * @example
 * ```ts
 * await spark.conf.set("spark.sql.shuffle.partitions", 8);
 * await spark.conf.get("spark.sql.shuffle.partitions"); // "8"
 * ```
 */
export class RuntimeConfig {
  /** @internal */
  constructor(private readonly client: SparkConnectClient) {}

  /**
   * The value of `key`. Without a default, a key that has no value and no default of its own
   * fails with the server's error; with one, the default is returned instead.
   */
  async get(key: string, defaultValue?: ConfValue): Promise<string> {
    const response =
      defaultValue === undefined
        ? await this.client.config({ $case: "get", get: { keys: [key] } })
        : await this.client.config({
            $case: "getWithDefault",
            getWithDefault: { pairs: [{ key, value: String(defaultValue) }] },
          });
    this.warn(response.warnings);
    return response.pairs[0]?.value ?? "";
  }

  /** The value of `key`, or `undefined` when it has none. */
  async getOption(key: string): Promise<string | undefined> {
    const response = await this.client.config({ $case: "getOption", getOption: { keys: [key] } });
    this.warn(response.warnings);
    return response.pairs[0]?.value;
  }

  /** Sets `key` for this session. */
  async set(key: string, value: ConfValue): Promise<void> {
    const response = await this.client.config({ $case: "set", set: { pairs: [{ key, value: String(value) }] } });
    this.warn(response.warnings);
  }

  /** Resets `key` to its default. */
  async unset(key: string): Promise<void> {
    const response = await this.client.config({ $case: "unset", unset: { keys: [key] } });
    this.warn(response.warnings);
  }

  /** Every configuration the session has a value for, as PySpark's `spark.conf.getAll`. */
  get getAll(): Promise<Record<string, string>> {
    return this.client.config({ $case: "getAll", getAll: {} }).then((response) => {
      this.warn(response.warnings);
      return Object.fromEntries(response.pairs.map((pair) => [pair.key, pair.value ?? ""]));
    });
  }

  /** Whether `key` can be changed in a running session (static configurations cannot). */
  async isModifiable(key: string): Promise<boolean> {
    const response = await this.client.config({ $case: "isModifiable", isModifiable: { keys: [key] } });
    this.warn(response.warnings);
    return response.pairs[0]?.value === "true";
  }

  private warn(warnings: readonly string[]): void {
    for (const warning of warnings) console.warn(`Spark: ${warning}`);
  }
}
