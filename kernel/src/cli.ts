// The `spark-ts-kernel` command: installs and runs the Jupyter kernel, and runs SQL against a Spark
// Connect server from a shell or a CI job (no JVM, no Spark on the machine), or prints the
// TypeScript interface of a table's rows for a service's code.
import { parseArgs } from "node:util";
import {
  clientVersion,
  DEFAULT_REMOTE,
  InvalidConnectionStringError,
  parseConnectionString,
  Row,
  rowInterface,
  SparkConnectError,
  SparkSession,
  StructType,
} from "spark-ts";
import { kernelVersion } from "./kernelVersion";
import { DEFAULT_DISPLAY_NAME, DEFAULT_KERNEL_NAME, install, list, uninstall, type InstallLocation } from "./install/commands";
import { InvalidKernelNameError, isEnvironmentVariableName, kernelName, REMOTE_ENV } from "./install/kernelspec";
import { NotOursError } from "./install/ownedFolder";
import { InvalidSparkUiError, sparkUiAddress, type SparkUiAddress } from "./cell/sparkUi";

/** The environment variable every command reads the server from when --remote is not given. */
const SPARK_REMOTE = "SPARK_REMOTE";

const USAGE = `Usage: spark-ts-kernel <command> [options]

Commands:
  install                 register the Jupyter kernel (a notebook starts with a ready \`spark\`)
  uninstall               remove a kernel this package installed
  list                    list the kernels this package installed, wherever Jupyter looks
  kernel                  run the kernel (what kernel.json starts; Jupyter passes the connection file)
  sql [options] <query>   run one SQL statement; print its result as Spark's show() does
  types [options] (--table <name> | <query>)
                          print the TypeScript interface of a table's or a query's rows, as
                          collect() gives them (for spark.sql<T>(), spark.table<T>(), df.as<T>())
  version                 print this client's version (and the server's, when --remote or
                          $SPARK_REMOTE names one)

Options:
  --remote <sc://...>     sql, types, version: the Spark Connect server (default: $SPARK_REMOTE, then
                          ${DEFAULT_REMOTE}); prefer SPARK_REMOTE for a string with a token or a
                          key, since other users of the machine can read command lines (ps)
                          install: the server written into kernel.json (owner-only when it holds a
                          secret); left out, the kernel reads $SPARK_REMOTE when Jupyter starts it
  --remote-from-env <VAR> install: kernel.json names VAR (e.g. SPARK_REMOTE) instead of holding a
                          connection string; the kernel reads VAR when Jupyter starts it, and does
                          not start without it
  --user                  install/uninstall in the per-user Jupyter data dir (default)
  --sys-prefix            ... in the active Python environment (VIRTUAL_ENV or CONDA_PREFIX)
  --prefix <dir>          ... in <dir>/share/jupyter
  --name <name>           the kernel's name (default ${DEFAULT_KERNEL_NAME}): letters, digits, ".", "_", "-",
                          kept in lower case as Jupyter does; install several with different remotes
                          types: the interface's name (default: the table's, in PascalCase; Result
                          for a query)
  --table <name>          types: the table or view whose rows to describe (db.table, catalog.db.table)
  --display-name <text>   the name Jupyter shows (default "${DEFAULT_DISPLAY_NAME}")
  --interrupt-mode <m>    signal (default; also stops synchronous loops) or message
  --spark-ui <url>        install, kernel: the Spark UI (e.g. http://driver:4040) that progress
                          displays link to; user info, query and fragment are left out
  --copy                  install a copy of the package into the Jupyter data dir (automatic under npx)
  --no-snapshot           install without the startup snapshot (kernels then start about a second slower)
  --connection-file <f>   the kernel's Jupyter connection file (kernel)
  --startup-snapshot <f>  the startup snapshot to start from when usable (kernel; kernel.json passes it)
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

const OPTIONS = {
  remote: { type: "string" },
  table: { type: "string" },
  "max-rows": { type: "string", default: "20" },
  truncate: { type: "string", default: "20" },
  vertical: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  user: { type: "boolean", default: false },
  "sys-prefix": { type: "boolean", default: false },
  prefix: { type: "string" },
  name: { type: "string" },
  "display-name": { type: "string" },
  "interrupt-mode": { type: "string" },
  "remote-from-env": { type: "string" },
  "spark-ui": { type: "string" },
  copy: { type: "boolean", default: false },
  "no-snapshot": { type: "boolean", default: false },
  "connection-file": { type: "string" },
  "startup-snapshot": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

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
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    if (values.help) io.out(USAGE);
    else io.err(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    if (values["remote-from-env"] !== undefined && command !== "install" && command !== "kernel") {
      throw new UsageError("--remote-from-env is an option of install");
    }
    if (values["spark-ui"] !== undefined && command !== "install" && command !== "kernel") {
      throw new UsageError("--spark-ui is an option of install and kernel");
    }
    if (values.table !== undefined && command !== "types") throw new UsageError("--table is an option of types");
    switch (command) {
      case "version":
        return await version(serverRemote(values, io), io);
      case "sql": {
        if (rest.length !== 1) throw new UsageError("sql takes one query (quote it)");
        const truncate: number | false = values.truncate === "false" ? false : wholeNumber(values.truncate, "--truncate");
        const options = { maxRows: wholeNumber(values["max-rows"], "--max-rows"), truncate, vertical: values.vertical, json: values.json };
        return await sql(rest[0], { ...options, remote: serverRemote(values, io) }, io);
      }
      case "types": {
        const source = typesSource(values.table, rest);
        const name = values.name ?? defaultInterfaceName(source);
        if (!isInterfaceName(name)) throw new UsageError(`--name takes a TypeScript identifier for the interface, not "${name}"`);
        return await types(source, name, serverRemote(values, io), io);
      }
      case "install":
        return installCommand(values, io);
      case "uninstall":
        return uninstallCommand(values, io);
      case "list":
        return listCommand(io);
      case "kernel":
        return await kernelCommand(values);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof NotOursError) {
      io.err(`${err.message}; nothing was changed. Choose another --name, or remove that folder yourself if it should go.`);
      return 1;
    }
    // Spark's own words: the error class, message and SQLSTATE, never a token.
    io.err(err instanceof SparkConnectError ? `${err.name}: ${err.message}` : String(err instanceof Error ? err.message : err));
    return 1;
  }
}

function location(values: Values, defaultToUser: boolean): InstallLocation | undefined {
  const chosen = [values.user, values["sys-prefix"], values.prefix !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new UsageError("choose one of --user, --sys-prefix and --prefix");
  if (values["sys-prefix"]) return { kind: "sys-prefix" };
  if (values.prefix !== undefined) return { kind: "prefix", prefix: values.prefix };
  return values.user || defaultToUser ? { kind: "user" } : undefined;
}

/**
 * The server of `sql` and `version`: --remote, else $SPARK_REMOTE, else undefined (the session
 * builder's default). Checked here, so a bad string is a usage error; a --remote holding a secret
 * is run, with a warning that the command line showed it.
 */
function serverRemote(values: Values, io: CliIo): string | undefined {
  if (values.remote !== undefined) {
    const secrets = checkedRemote(values.remote, "--remote").secretNames;
    if (secrets.length > 0) {
      io.err(
        `Warning: --remote holds ${secrets.join(", ")} (not shown), which other users of this machine can read in the process list; set ${SPARK_REMOTE} instead, which this command reads when --remote is not given.`,
      );
    }
    return values.remote;
  }
  const fromEnv = process.env[SPARK_REMOTE] || undefined;
  if (fromEnv !== undefined) checkedRemote(fromEnv, `$${SPARK_REMOTE}`);
  return fromEnv;
}

function checkedRemote(remote: string, where: string) {
  try {
    return parseConnectionString(remote);
  } catch (err) {
    // The parser's message names the problem and never a secret's value.
    if (err instanceof InvalidConnectionStringError) throw new UsageError(`${where}: ${err.message}`);
    throw err;
  }
}

function checkedSparkUi(address: string): SparkUiAddress {
  try {
    return sparkUiAddress(address);
  } catch (err) {
    // The message names the problem, never the address (it may hold a secret).
    if (err instanceof InvalidSparkUiError) throw new UsageError(`--spark-ui: ${err.message}`);
    throw err;
  }
}

function checkedKernelName(name: string): string {
  try {
    return kernelName(name);
  } catch (err) {
    if (err instanceof InvalidKernelNameError) throw new UsageError(`--name: ${err.message}`);
    throw err;
  }
}

function installCommand(values: Values, io: CliIo): number {
  const mode = values["interrupt-mode"];
  if (mode !== undefined && mode !== "signal" && mode !== "message") {
    throw new UsageError(`--interrupt-mode is signal or message, not "${mode}"`);
  }
  const fromEnv = values["remote-from-env"];
  if (fromEnv !== undefined && values.remote !== undefined) throw new UsageError("give --remote or --remote-from-env, not both");
  if (fromEnv !== undefined && !isEnvironmentVariableName(fromEnv)) {
    throw new UsageError(
      `--remote-from-env takes an environment variable's name (letters, digits, "_"), such as ${SPARK_REMOTE}, not "${fromEnv}"`,
    );
  }
  // Bad input fails here, before anything is written, not when a notebook starts.
  const name = checkedKernelName(values.name ?? DEFAULT_KERNEL_NAME);
  if (values.remote !== undefined) checkedRemote(values.remote, "--remote");
  const sparkUi = values["spark-ui"] === undefined ? undefined : checkedSparkUi(values["spark-ui"]);
  const result = install({
    location: location(values, true)!,
    name,
    displayName: values["display-name"],
    remote: values.remote,
    remoteFromEnv: fromEnv,
    interruptMode: mode,
    sparkUi: sparkUi?.url,
    copy: values.copy,
    snapshot: !values["no-snapshot"],
  });
  io.out(`Installed the kernel "${result.name}" in ${result.dir}`);
  io.out(`It runs spark-ts-kernel from ${result.runtime}`);
  if (sparkUi) {
    io.out(`Its progress displays link to the Spark UI at ${sparkUi.url}`);
    // The parts left out are named, never shown: a token in them reaches no file, log or notebook.
    if (sparkUi.dropped.length > 0)
      io.err(`Note: the Spark UI address was kept without its ${sparkUi.dropped.join(", ")} (not shown), which may hold secrets.`);
  }
  if (fromEnv !== undefined) {
    io.out(
      `It reads its Spark Connect server from $${fromEnv} in the environment Jupyter starts it with; kernel.json holds no connection string`,
    );
    if (!process.env[fromEnv]) io.err(`Note: ${fromEnv} is not set here; set it where Jupyter starts, or the kernel will not start.`);
  }
  if (result.secrets.length > 0) {
    io.err(
      `Note: kernel.json now holds the remote's ${result.secrets.join(", ")} (not shown), so it is readable by its owner only. ` +
        `To keep secrets out of kernel.json (and off command lines), install with --remote-from-env ${SPARK_REMOTE} and set ${SPARK_REMOTE} in the environment Jupyter starts in.`,
    );
  }
  if (result.snapshot && "built" in result.snapshot) {
    io.out(
      `Built its startup snapshot (${result.snapshot.built.files} declaration files ready) in ${result.snapshot.seconds.toFixed(1)} s`,
    );
  } else if (result.snapshot) {
    io.err(`The kernel will start without a startup snapshot: ${result.snapshot.failed}`);
  }
  return 0;
}

function uninstallCommand(values: Values, io: CliIo): number {
  const name = checkedKernelName(values.name ?? DEFAULT_KERNEL_NAME);
  const { removed, leftAlone } = uninstall(name, location(values, false));
  for (const dir of removed) io.out(`Removed ${dir}`);
  // Another kernel of the name is news (Jupyter still lists it), not a failure when ours went.
  for (const refusal of leftAlone) io.err(`${refusal.message}; remove it yourself if it should go`);
  if (removed.length === 0 && leftAlone.length === 0) io.err(`No spark-ts-kernel kernel named "${name}" is installed`);
  return removed.length > 0 ? 0 : 1;
}

function listCommand(io: CliIo): number {
  const kernels = list();
  if (kernels.length === 0) io.out("No spark-ts-kernel kernels are installed (run: spark-ts-kernel install)");
  for (const k of kernels) {
    const remote = k.remote ?? (k.remoteFromEnv !== undefined ? `$${k.remoteFromEnv}` : `(${SPARK_REMOTE} or ${DEFAULT_REMOTE})`);
    io.out(`${k.name}\t${k.displayName}\t${remote}\t${k.version}\t${k.dir}`);
  }
  return 0;
}

async function kernelCommand(values: Values): Promise<number> {
  const connectionFile = values["connection-file"];
  if (!connectionFile) throw new UsageError("kernel needs --connection-file (Jupyter passes it)");
  const remote = kernelRemote(values);
  const sparkUi = values["spark-ui"] === undefined ? undefined : checkedSparkUi(values["spark-ui"]).url;
  // Loaded only here: the kernel brings tslab and its TypeScript compiler.
  const { startKernel } = await import("./start");
  await startKernel({ connectionFile, remote, sparkUi });
  return new Promise<number>(() => undefined); // runs until Jupyter shuts it down
}

/**
 * The kernel's server: --remote, else what kernel.json passed in its env, else (with
 * --remote-from-env VAR) the variable VAR of the environment Jupyter gave the kernel; undefined
 * leaves it to the kernel ($SPARK_REMOTE, then the default).
 */
function kernelRemote(values: Values): string | undefined {
  const fromEnv = values["remote-from-env"];
  if (values.remote !== undefined || fromEnv === undefined) return values.remote ?? process.env[REMOTE_ENV];
  if (!isEnvironmentVariableName(fromEnv)) throw new UsageError(`--remote-from-env takes an environment variable's name, not "${fromEnv}"`);
  const remote = process.env[fromEnv];
  if (!remote) {
    throw new Error(
      `spark-ts-kernel: this kernel reads its Spark Connect server from $${fromEnv} (it was installed with --remote-from-env ${fromEnv}), ` +
        `but ${fromEnv} is not set in the environment Jupyter started it in. Set ${fromEnv} to an sc:// connection string before starting Jupyter.`,
    );
  }
  try {
    parseConnectionString(remote);
  } catch (err) {
    if (err instanceof InvalidConnectionStringError) throw new Error(`spark-ts-kernel: $${fromEnv}: ${err.message}`, { cause: err });
    throw err;
  }
  return remote;
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

/** Prints this client's version, and the server's when `remote` (--remote or $SPARK_REMOTE) names one. */
async function version(remote: string | undefined, io: CliIo): Promise<number> {
  io.out(`spark-ts-kernel ${kernelVersion()} (spark-ts ${clientVersion()})`);
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

/** What `types` describes: a table (read lazily) or a query (run as `sql` runs it). */
type TypesSource = { readonly table: string } | { readonly query: string };

function typesSource(table: string | undefined, positionals: readonly string[]): TypesSource {
  if (table !== undefined && positionals.length === 0) {
    if (table.trim() === "") throw new UsageError("--table takes a table's name");
    return { table };
  }
  if (table === undefined && positionals.length === 1) return { query: positionals[0] };
  throw new UsageError("types takes either --table <name> or one query (quote it)");
}

/** The table's last name part in PascalCase (`db.daily_sales` -> `DailySales`); `Result` for a query. */
function defaultInterfaceName(source: TypesSource): string {
  if (!("table" in source)) return "Result";
  const last = source.table.split(".").pop()!.replace(/`/g, "");
  const words = last.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
  const name = words.map((word) => word[0].toUpperCase() + word.slice(1)).join("");
  return name === "" ? "Result" : /^[0-9]/.test(name) ? `T${name}` : name;
}

// Whether rowInterface takes the name (an identifier, neither a reserved word nor one of
// TypeScript's own types): asked before connecting, so that a bad --name is a usage error.
function isInterfaceName(name: string): boolean {
  try {
    rowInterface(new StructType(), name);
    return true;
  } catch {
    return false;
  }
}

/** Prints the interface of the rows of a table or a query, as a module a service can import it from. */
async function types(source: TypesSource, name: string, remote: string | undefined, io: CliIo): Promise<number> {
  const spark = await connect(remote);
  try {
    const df = "table" in source ? spark.table(source.table) : await spark.sql(source.query);
    io.out(rowInterface(await df.schema, name, { exported: true, importFrom: "spark-ts" }));
    return 0;
  } finally {
    await spark.stop();
  }
}
