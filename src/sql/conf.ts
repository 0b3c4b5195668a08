import type { SparkConnectClient } from "../connect/client";
import type { ConfigRequest_Operation } from "../gen/spark/connect/base";
import { PendingStatement } from "./pendingStatement";

/** Values a configuration can be set to; Spark stores them as strings. */
export type ConfValue = string | number | boolean | bigint;

/**
 * The session's runtime configuration on the server (PySpark's `spark.conf`). Every call is one
 * round trip; nothing is cached, so what it returns is what the server uses.
 *
 * @example
 * ```ts
 * spark.conf.set("spark.sql.shuffle.partitions", 8);
 * await spark.conf.get("spark.sql.shuffle.partitions"); // "8"
 * ```
 */
export class RuntimeConfig {
  /** @internal */
  constructor(private readonly client: SparkConnectClient) {}

  /**
   * The value of `key`. Without a default, a key that has no value and no default of its own
   * fails with the server's error; with one, the default is returned instead.
   *
   * @example
   * ```ts
   * await spark.conf.get("spark.sql.ansi.enabled"); // "true"
   * await spark.conf.get("spark.example.unset", "fallback"); // "fallback"
   * await spark.conf.get("spark.example.unset"); // throws [SQL_CONF_NOT_FOUND] The SQL config "spark.example.unset" cannot be found. ...
   * ```
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

  /**
   * The value of `key`, or `undefined` when it has none.
   *
   * @example
   * ```ts
   * await spark.conf.getOption("spark.sql.ansi.enabled"); // "true"
   * await spark.conf.getOption("spark.example.unset"); // undefined
   * ```
   */
  async getOption(key: string): Promise<string | undefined> {
    const response = await this.client.config({ $case: "getOption", getOption: { keys: [key] } });
    this.warn(response.warnings);
    return response.pairs[0]?.value;
  }

  /**
   * Sets `key` for this session, at once: the next request of the session runs with it, no `await`
   * needed; `await` throws a refusal (a static configuration), else the next request does.
   *
   * @example
   * ```ts
   * spark.conf.set("spark.sql.shuffle.partitions", 8);
   * await spark.conf.get("spark.sql.shuffle.partitions"); // "8"
   * await spark.conf.set("spark.sql.warehouse.dir", "elsewhere"); // throws [CANNOT_MODIFY_STATIC_CONFIG] ...
   * ```
   */
  set(key: string, value: ConfValue): PendingStatement {
    return this.change({ $case: "set", set: { pairs: [{ key, value: String(value) }] } });
  }

  /**
   * Resets `key` to its default; sent at once, as {@link RuntimeConfig.set}.
   *
   * @example
   * ```ts
   * spark.conf.set("spark.sql.shuffle.partitions", 8);
   * spark.conf.unset("spark.sql.shuffle.partitions");
   * await spark.conf.get("spark.sql.shuffle.partitions"); // "200"
   * ```
   */
  unset(key: string): PendingStatement {
    return this.change({ $case: "unset", unset: { keys: [key] } });
  }

  /**
   * Sent at once, as PySpark changes a setting: the next request already runs with it, and a
   * refused change (a static configuration) is thrown by `await` or else by the next request.
   */
  private change(opType: NonNullable<ConfigRequest_Operation["opType"]>): PendingStatement {
    return new PendingStatement(
      this.client.statements.command(async () => {
        const response = await this.client.config(opType, { statement: true });
        this.warn(response.warnings);
      }),
    );
  }

  /**
   * Every configuration the session has a value for, as PySpark's `spark.conf.getAll`.
   *
   * @example
   * ```ts
   * spark.conf.set("spark.sql.shuffle.partitions", 8);
   * (await spark.conf.getAll)["spark.sql.shuffle.partitions"]; // "8"
   * ```
   */
  get getAll(): Promise<Record<string, string>> {
    return this.client.config({ $case: "getAll", getAll: {} }).then((response) => {
      this.warn(response.warnings);
      return Object.fromEntries(response.pairs.map((pair) => [pair.key, pair.value ?? ""]));
    });
  }

  /**
   * Whether `key` can be changed in a running session (static configurations cannot).
   *
   * @example
   * ```ts
   * await spark.conf.isModifiable("spark.sql.shuffle.partitions"); // true
   * await spark.conf.isModifiable("spark.sql.warehouse.dir"); // false
   * ```
   */
  async isModifiable(key: string): Promise<boolean> {
    const response = await this.client.config({ $case: "isModifiable", isModifiable: { keys: [key] } });
    this.warn(response.warnings);
    return response.pairs[0]?.value === "true";
  }

  private warn(warnings: readonly string[]): void {
    for (const warning of warnings) console.warn(`Spark: ${warning}`);
  }
}
