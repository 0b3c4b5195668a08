// The parameters of a connection string that this client understands, as one table. Parsing turns
// a parameter's text into its value through its row, ConnectionOptions checks a value given in
// code through the same row, rendering writes back what differs from the row's default (a secret
// as `<redacted>`), and a unit test holds parseConnectionString's documentation to the table.
// Any other parameter is a gRPC header.
import { InvalidConnectionStringError } from "./errors";

/** The port Spark Connect listens on unless told otherwise. */
export const DEFAULT_PORT = 15002;

/** gRPC message size limit both ways, Spark's clients' default (grpc-js's own is 4 MiB). */
export const DEFAULT_MAX_MESSAGE_SIZE = 128 * 1024 * 1024;

/**
 * How long the first connection to the server may take before the client gives up, unless
 * `connect_timeout_ms` says otherwise: long enough for a TLS handshake through a slow proxy, short
 * enough that an unreachable address is reported while someone still waits for it.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;

/** How the client detects a silently dead connection with HTTP/2 PINGs. */
export interface KeepaliveOptions {
  readonly enabled: boolean;
  /** Idle time before a PING is sent. */
  readonly timeMs: number;
  /** How long to wait for the PING's answer before the connection counts as dead. */
  readonly timeoutMs: number;
  /** Whether to PING while no call is in flight too. */
  readonly withoutCalls: boolean;
}

/**
 * PySpark 4.3's defaults (and the JVM client's): a PING after a minute of silence, dead after 20 s
 * without an answer. A Spark 4.3 server accepts client PINGs down to every 10 s, with or without
 * calls, so these never earn a `too_many_pings` GOAWAY.
 */
export const DEFAULT_KEEPALIVE: KeepaliveOptions = Object.freeze({
  enabled: true,
  timeMs: 60_000,
  timeoutMs: 20_000,
  withoutCalls: true,
});

/** The largest value of the integer parameters (gRPC and Spark hold them in 32 bits). */
export const MAX_INT32 = 2 ** 31 - 1;
const MAX_USER_AGENT = 2048;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/**
 * What grpc-js accepts in a text header value. Checked here because grpc-js's own error for a bad
 * value quotes the value, and that value may be the token.
 */
export const HEADER_VALUE = /^[\x20-\x7e]*$/;

/** Throws the connection string error for `problem`, which must quote no secret value. */
export function fail(problem: string): never {
  throw new InvalidConnectionStringError(problem);
}

/** The options a parameter can set: a property of `ConnectionOptionsInit`, or `keepalive.<property>` of it. */
export type ParameterOption =
  | "token"
  | "useSsl"
  | "userId"
  | "userAgent"
  | "sessionId"
  | "grpcMaxMessageSize"
  | "connectTimeoutMs"
  | `keepalive.${keyof KeepaliveOptions}`;

interface ParameterBase {
  /** As written in a connection string (case-sensitive). */
  readonly name: string;
  /** The option it sets. */
  readonly option: ParameterOption;
  /** Whether its value is a secret: implies TLS, redacted wherever the options are shown. */
  readonly secret: boolean;
  /** One line on what it means, for the docs. */
  readonly doc: string;
}

/** A parameter whose value is text, checked as a whole. */
export interface TextParameter extends ParameterBase {
  readonly type: "text";
  readonly defaultValue: undefined;
  /** Throws naming the parameter (never quoting a secret value) when `value` cannot be used. */
  readonly check: (value: string) => void;
}

/** A parameter written `true` or `false`. */
export interface BooleanParameter extends ParameterBase {
  readonly type: "boolean";
  readonly defaultValue: boolean;
}

/** A parameter holding a whole number from `min` to `max`. */
export interface IntegerParameter extends ParameterBase {
  readonly type: "integer";
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
}

/** One row of the table of known parameters. */
export type ConnectionParameter = TextParameter | BooleanParameter | IntegerParameter;

/**
 * The parameters Spark's clients understand, plus this client's own `connect_timeout_ms`, in the
 * order a rendered connection string lists them.
 */
export const CONNECTION_PARAMETERS = [
  {
    name: "use_ssl",
    option: "useSsl",
    type: "boolean",
    defaultValue: false,
    secret: false,
    doc: "`true` for TLS; a token or a secret-looking header turns it on unless the host is loopback",
  },
  {
    name: "token",
    option: "token",
    type: "text",
    defaultValue: undefined,
    secret: true,
    doc: "bearer token, sent as `authorization: Bearer <token>`",
    check: validToken,
  },
  {
    name: "user_id",
    option: "userId",
    type: "text",
    defaultValue: undefined,
    secret: false,
    doc: "the user the session belongs to on the server",
    check: (value: string) => nonEmpty("user_id", value),
  },
  {
    name: "user_agent",
    option: "userAgent",
    type: "text",
    defaultValue: undefined,
    secret: false,
    doc: "added to the client type the server sees (printable ASCII, at most 2048 characters URL-escaped)",
    check: validUserAgent,
  },
  {
    name: "session_id",
    option: "sessionId",
    type: "text",
    defaultValue: undefined,
    secret: false,
    doc: "the session to use, a UUID; a random one when left out",
    check: validSessionId,
  },
  {
    name: "grpc_max_message_size",
    option: "grpcMaxMessageSize",
    type: "integer",
    defaultValue: DEFAULT_MAX_MESSAGE_SIZE,
    min: 1,
    max: MAX_INT32,
    secret: false,
    doc: "gRPC message size limit both ways, in bytes (default 128 MiB)",
  },
  // This client's own (PySpark sends it as a header, which servers ignore).
  {
    name: "connect_timeout_ms",
    option: "connectTimeoutMs",
    type: "integer",
    defaultValue: DEFAULT_CONNECT_TIMEOUT_MS,
    min: 1,
    max: MAX_INT32,
    secret: false,
    doc: "how long the first connection may take, in milliseconds (default 20000)",
  },
  // PySpark 4.3's keepalive parameters: understood here too, so that one string means the same
  // thing to both clients instead of turning into headers here.
  {
    name: "grpc_keepalive_enabled",
    option: "keepalive.enabled",
    type: "boolean",
    defaultValue: DEFAULT_KEEPALIVE.enabled,
    secret: false,
    doc: "whether to detect dead connections with HTTP/2 PINGs (default true)",
  },
  {
    name: "grpc_keepalive_time_ms",
    option: "keepalive.timeMs",
    type: "integer",
    defaultValue: DEFAULT_KEEPALIVE.timeMs,
    min: 1,
    max: MAX_INT32,
    secret: false,
    doc: "idle time before a PING, in milliseconds (default 60000)",
  },
  {
    name: "grpc_keepalive_timeout_ms",
    option: "keepalive.timeoutMs",
    type: "integer",
    defaultValue: DEFAULT_KEEPALIVE.timeoutMs,
    min: 1,
    max: MAX_INT32,
    secret: false,
    doc: "how long a PING may go unanswered before the connection counts as dead, in milliseconds (default 20000)",
  },
  {
    name: "grpc_keepalive_without_calls",
    option: "keepalive.withoutCalls",
    type: "boolean",
    defaultValue: DEFAULT_KEEPALIVE.withoutCalls,
    secret: false,
    doc: "whether to PING while no call is in flight too (default true)",
  },
] as const satisfies readonly ConnectionParameter[];

type Row = (typeof CONNECTION_PARAMETERS)[number];
/** The name of a known parameter. */
export type ParameterName = Row["name"];
type NameOf<Type extends ConnectionParameter["type"]> = Extract<Row, { type: Type }>["name"];

/** The names of the parameters whose values are secrets. */
export const SECRET_PARAMETER_NAMES: readonly string[] = CONNECTION_PARAMETERS.filter((p) => p.secret).map((p) => p.name);

/** The known parameter called `name` (exactly), if any. */
export function parameterNamed(name: string): ConnectionParameter | undefined {
  return CONNECTION_PARAMETERS.find((p) => p.name === name);
}

function row(name: ParameterName): ConnectionParameter {
  return parameterNamed(name)!;
}

/** A parameter's value from its text in a connection string: typed, and range-checked if a number. */
export function valueFromText(parameter: ConnectionParameter, text: string): string | boolean | number {
  switch (parameter.type) {
    case "text":
      // Checked with the options as a whole, in the same order as options given in code.
      return text;
    case "boolean": {
      // Spark's clients compare in lower case; anything else is a typo rather than "false".
      const lower = text.toLowerCase();
      if (lower === "true") return true;
      if (lower === "false") return false;
      return fail(`${parameter.name} must be 'true' or 'false', not '${text}'`);
    }
    case "integer":
      if (!/^\d+$/.test(text)) fail(integerProblem(parameter, text));
      return checkedIntegerOf(parameter, Number(text));
  }
}

/** Puts a parameter's value where its row says, into options being built from a connection string. */
export function setOption(init: Record<string, unknown>, parameter: ConnectionParameter, value: string | boolean | number): void {
  const [option, inner] = parameter.option.split(".") as [string, string | undefined];
  if (inner === undefined) init[option] = value;
  else init[option] = { ...(init[option] as object | undefined), [inner]: value };
}

/** What an option set by a parameter holds: text, a whole number or a flag; `undefined` when unset. */
export type ParameterValue = string | number | boolean | undefined;

/** The value of the option a parameter sets, read from finished options. */
export function optionValue(
  options: Readonly<Record<Exclude<ParameterOption, `keepalive.${string}`>, unknown>> & { readonly keepalive: KeepaliveOptions },
  parameter: ConnectionParameter,
): ParameterValue {
  const [option, inner] = parameter.option.split(".") as [keyof typeof options, keyof KeepaliveOptions | undefined];
  // Each option holds its row's type: ConnectionOptions checks every value through the row.
  return (inner === undefined ? options[option] : options.keepalive[inner]) as ParameterValue;
}

/** A text parameter's value, checked; throws naming the parameter. */
export function checkedText(name: NameOf<"text">, value: string): string {
  const parameter = row(name);
  if (parameter.type === "text") parameter.check(value);
  return value;
}

/** An integer parameter's value, checked against its range; throws naming the parameter. */
export function checkedInteger(name: NameOf<"integer">, value: number): number {
  const parameter = row(name);
  return parameter.type === "integer" ? checkedIntegerOf(parameter, value) : value;
}

function checkedIntegerOf(parameter: IntegerParameter, value: number): number {
  if (!Number.isInteger(value) || value < parameter.min || value > parameter.max) fail(integerProblem(parameter, String(value)));
  return value;
}

function integerProblem(parameter: IntegerParameter, asWritten: string): string {
  return `${parameter.name} must be a whole number from ${parameter.min} to ${parameter.max}, not '${asWritten}'`;
}

/** Keepalive settings: the defaults, overridden by the given ones, checked. */
export function checkedKeepalive(overrides: Partial<KeepaliveOptions> | undefined): KeepaliveOptions {
  const merged = { ...DEFAULT_KEEPALIVE, ...definedOnly(overrides ?? {}) };
  checkedInteger("grpc_keepalive_time_ms", merged.timeMs);
  checkedInteger("grpc_keepalive_timeout_ms", merged.timeoutMs);
  return Object.freeze(merged);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A port number, 1 to 65535; `asWritten` is how the connection string wrote it. */
export function validPort(port: number, asWritten: string = String(port)): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`the port '${asWritten}' is not a number from 1 to 65535`);
  return port;
}

function validToken(token: string): void {
  if (token === "") fail("the token is empty; give a token or leave the parameter out");
  if (!HEADER_VALUE.test(token)) {
    fail("the token has characters that cannot be sent in a gRPC header (only printable ASCII can)");
  }
}

function nonEmpty(name: string, value: string): void {
  if (value === "") fail(`${name} is empty; give a value or leave it out`);
}

function validUserAgent(userAgent: string): void {
  nonEmpty("user_agent", userAgent);
  // Sent in the user-agent header, so it has to be a valid header value.
  if (!HEADER_VALUE.test(userAgent)) fail("user_agent may only have printable ASCII characters");
  const escaped = encodeURIComponent(userAgent).length;
  // PySpark's limit, so one connection string works with both clients.
  if (escaped > MAX_USER_AGENT) {
    fail(`user_agent must not be longer than ${MAX_USER_AGENT} characters after URL escaping; it has ${escaped}`);
  }
}

function validSessionId(sessionId: string): void {
  if (!UUID.test(sessionId)) {
    fail(`session_id '${sessionId}' is not a UUID; it must look like 00112233-4455-6677-8899-aabbccddeeff`);
  }
}
