// The `spark-ts-kernel` command. Today it runs SQL against a Spark Connect server from a shell or a
// CI job (no JVM, no Spark on the machine); the Jupyter kernel's commands join it as they land.
import { parseArgs } from "node:util";
import { clientVersion } from "../connect/credentials";
import { SparkConnectError } from "../connect/errors";
import { Row } from "../arrow";
import { DEFAULT_REMOTE, SparkSession } from "../sql/session";

const USAGE = `Usage: spark-ts-kernel <command> [options]

Commands:
  sql [options] <query>   run one SQL statement; print its result as Spark's show() does
  version                 print this client's version (and the server's, with --remote)

Options:
  --remote <sc://...>     the Spark Connect server (default: $SPARK_REMOTE, then ${DEFAULT_REMOTE})
  --max-rows <n>          rows to print (sql; default 20)
  --truncate <n|false>    cut cells to n characters, or not at all (sql; default 20)
  --vertical              one block per row (sql)
  --json                  print the rows as JSON lines instead (sql; bigint as string)
  -h, --help              this text`;

/** Where the command writes; the process's own streams unless a caller (a test) passes others. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
};

/**
 * Runs the command line `argv` (without node and the script) and resolves to the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(["sql", "--remote", "sc://localhost:15002", "SELECT 1 AS one"]);
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        remote: { type: "string" },
        "max-rows": { type: "string", default: "20" },
        truncate: { type: "string", default: "20" },
        vertical: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    if (command === "version") return await version(values.remote, io);
    if (command === "sql") {
      if (rest.length !== 1) throw new UsageError("sql takes one query (quote it)");
      const truncate = values.truncate === "false" ? false : wholeNumber(values.truncate, "--truncate");
      return await sql(rest[0]!, { remote: values.remote, maxRows: wholeNumber(values["max-rows"], "--max-rows"), truncate, vertical: values.vertical, json: values.json }, io);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    // Spark's own words: the error class, message and SQLSTATE, never a token.
    io.err(err instanceof SparkConnectError ? `${err.name}: ${err.message}` : String(err));
    return 1;
  }
}

class UsageError extends Error {}

function wholeNumber(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${option} takes a whole number, not "${text}"`);
  return n;
}

async function connect(remote: string | undefined): Promise<SparkSession> {
  const builder = SparkSession.builder;
  return (remote === undefined ? builder : builder.remote(remote)).create();
}

async function version(remote: string | undefined, io: CliIo): Promise<number> {
  io.out(`spark-ts-kernel ${clientVersion()}`);
  if (remote !== undefined) {
    const spark = await connect(remote);
    try {
      io.out(`Spark ${await spark.version}`);
    } finally {
      await spark.stop();
    }
  }
  return 0;
}

interface SqlOptions {
  remote: string | undefined;
  maxRows: number;
  truncate: number | false;
  vertical: boolean;
  json: boolean;
}

async function sql(query: string, options: SqlOptions, io: CliIo): Promise<number> {
  const spark = await connect(options.remote);
  try {
    const df = await spark.sql(query);
    if (options.json) {
      for (const row of await df.limit(options.maxRows).collect()) io.out(JSON.stringify(rowObject(row), jsonValue));
    } else {
      io.out(await df.showString(options.maxRows, options.truncate, options.vertical));
    }
    return 0;
  } finally {
    await spark.stop();
  }
}

/** A row as an object for JSON; a repeated column name keeps every value under `name`, `name_2`, .... */
function rowObject(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Row.columns(row).forEach((name, i) => {
    let key = name;
    for (let n = 2; key in out; n++) key = `${name}_${n}`;
    out[key] = Row.at(row, i);
  });
  return out;
}

/** JSON has no bigint, Map or bytes: exact strings, entry objects and hex keep their values. */
function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), v]));
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  return value;
}
