// Spark Connect's connection string, `sc://host:port/;param=value;…`, as Spark documents it
// (sql/connect/docs/client-connection-string.md), parsed into validated, immutable options.
//
// Secrets stay out of sight: the token lives in a private field (so util.inspect, JSON.stringify,
// spreading and structuredClone never see it), renderings redact it, and every error message is
// built without values that could be secret and scrubbed once more before it is thrown.
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { inspect } from "node:util";
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

/** What {@link ConnectionOptions.from} takes: the options in code rather than in a string. */
export interface ConnectionOptionsInit {
  /** Host name or IP address; an IPv6 address with or without brackets. */
  readonly host: string;
  /** Defaults to {@link DEFAULT_PORT}. */
  readonly port?: number;
  /** Sent as `authorization: Bearer <token>`; turns TLS on unless the host is loopback. */
  readonly token?: string;
  /** `true` for TLS; leave it unset to let a token (or a secret-looking header) decide. */
  readonly useSsl?: boolean;
  readonly userId?: string;
  readonly userAgent?: string;
  /** The session to use, a UUID; a random one when unset. */
  readonly sessionId?: string;
  readonly grpcMaxMessageSize?: number;
  readonly keepalive?: Partial<KeepaliveOptions>;
  /** How long the first connection may take, in milliseconds; {@link DEFAULT_CONNECT_TIMEOUT_MS} when unset. */
  readonly connectTimeoutMs?: number;
  /**
   * Extra gRPC headers sent with every call. One whose name looks like a credential (see
   * {@link isSecretHeaderName}) is treated like the token: TLS unless the host is loopback, and never shown.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

const MAX_INT32 = 2 ** 31 - 1;
const MAX_USER_AGENT = 2048;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const PARAMETER_NAME = /^[A-Za-z0-9_.-]+$/;
// What grpc-js accepts in a text header value. Checked here because grpc-js's own error for a bad
// value quotes the value, and that value may be the token.
const HEADER_VALUE = /^[\x20-\x7e]*$/;
const REDACTED = "<redacted>";
// Header names that usually carry secrets: `authorization`, `cookie`, and any name with token,
// key, secret, password (passw, pwd), credential or auth in it. Generous on purpose: a header
// wrongly taken for a secret costs a hidden value and TLS; a secret taken for an ordinary header
// would travel in plain text and show up in logs.
const SENSITIVE_NAME = /token|secret|passw|pwd|auth|key|cookie|credential/i;

/**
 * Whether a header's name suggests its value is a secret (`authorization`, `x-api-key`, …). Such a
 * header follows the token's rules: it implies TLS to any host but a loopback one, and its value
 * is hidden in every rendering of the options and never quoted by an error.
 *
 * @example
 * ```ts
 * isSecretHeaderName("x-api-key"); // true
 * isSecretHeaderName("x-team");    // false
 * ```
 */
export function isSecretHeaderName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** The parameters Spark's clients understand; any other parameter becomes a gRPC header. */
const PARAMETERS = [
  "token",
  "use_ssl",
  "user_id",
  "user_agent",
  "session_id",
  "grpc_max_message_size",
  // This client's own (PySpark sends it as a header, which servers ignore).
  "connect_timeout_ms",
  // PySpark 4.3's keepalive parameters: understood here too, so that one string means the same
  // thing to both clients instead of turning into headers here.
  "grpc_keepalive_enabled",
  "grpc_keepalive_time_ms",
  "grpc_keepalive_timeout_ms",
  "grpc_keepalive_without_calls",
] as const;
type Parameter = (typeof PARAMETERS)[number];

// Headers that grpc-js or HTTP/2 set themselves.
const RESERVED_HEADERS = new Set(["content-type", "te", "host", "connection", "user-agent"]);

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * Validated, immutable options for a connection to a Spark Connect server.
 *
 * The token is not a visible property: `util.inspect`, `JSON.stringify`, `toString()` and spreading
 * never show it; read it with {@link ConnectionOptions.token}. The values of secret-looking headers
 * are in {@link ConnectionOptions.headers} (gRPC has to send them), but every rendering of the
 * options, or of the headers object, shows them as `<redacted>`.
 *
 * @example
 * ```ts
 * const options = parseConnectionString("sc://spark.example.com/;token=abc123;x-workspace=42");
 * options.address;     // "spark.example.com:15002"
 * options.useSsl;      // true: a token to a remote host is only sent over TLS
 * options.headers;     // { "x-workspace": "42" }
 * String(options);     // "sc://spark.example.com:15002/;use_ssl=true;token=<redacted>;x-workspace=42"
 * ```
 */
export class ConnectionOptions {
  /** Host name or IP address, IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
  /** `host:port` as gRPC takes it, IPv6 in brackets. */
  readonly address: string;
  /** Whether the connection uses TLS: asked for with `use_ssl=true`, or implied by a token or a secret-looking header. */
  readonly useSsl: boolean;
  readonly userId: string | undefined;
  readonly userAgent: string | undefined;
  readonly sessionId: string | undefined;
  readonly grpcMaxMessageSize: number;
  readonly keepalive: KeepaliveOptions;
  /** How long the first connection may take, in milliseconds (`connect_timeout_ms`). */
  readonly connectTimeoutMs: number;
  /**
   * Extra gRPC headers for every call, names in lower case. util.inspect and JSON.stringify of this
   * object show the values of secret-looking headers as `<redacted>`; iterating it gives them.
   */
  readonly headers: Readonly<Record<string, string>>;
  readonly #token: string | undefined;

  private constructor(init: ConnectionOptionsInit) {
    const host = validHost(init.host);
    this.host = host;
    this.port = init.port === undefined ? DEFAULT_PORT : validPort(init.port);
    this.address = `${host.includes(":") ? `[${host}]` : host}:${this.port}`;
    this.#token = init.token === undefined ? undefined : validToken(init.token);
    this.headers = validHeaders(init.headers ?? {}, this.#token !== undefined);
    this.useSsl = tlsMode(host, init.useSsl, this.#token !== undefined ? "token" : secretHeaderNames(this.headers)[0]);
    this.userId = init.userId === undefined ? undefined : nonEmpty("user_id", init.userId);
    this.userAgent = init.userAgent === undefined ? undefined : validUserAgent(init.userAgent);
    this.sessionId = init.sessionId === undefined ? undefined : validSessionId(init.sessionId);
    this.grpcMaxMessageSize =
      init.grpcMaxMessageSize === undefined
        ? DEFAULT_MAX_MESSAGE_SIZE
        : validInteger("grpc_max_message_size", init.grpcMaxMessageSize);
    this.keepalive = validKeepalive(init.keepalive);
    this.connectTimeoutMs =
      init.connectTimeoutMs === undefined ? DEFAULT_CONNECT_TIMEOUT_MS : validInteger("connect_timeout_ms", init.connectTimeoutMs);
    Object.freeze(this);
  }

  /**
   * Options from values in code, validated like a connection string's.
   *
   * @example
   * ```ts
   * const options = ConnectionOptions.from({ host: "localhost", token: process.env.SPARK_TOKEN });
   * ```
   */
  static from(init: ConnectionOptionsInit): ConnectionOptions {
    return withSecretsScrubbed(secretsOf(init), () => new ConnectionOptions(init));
  }

  /** Options from a connection string; see {@link parseConnectionString}. */
  static parse(connectionString: string): ConnectionOptions {
    return withSecretsScrubbed(secretsInText(connectionString), () => new ConnectionOptions(parseText(connectionString)));
  }

  /** The bearer token, if any. Keep it out of logs: print the options themselves instead. */
  get token(): string | undefined {
    return this.#token;
  }

  /**
   * The names of the parameters that hold secrets: `token` and the secret-looking headers. Empty
   * when the options could be written down anywhere; the names themselves are safe to print.
   *
   * @example
   * ```ts
   * parseConnectionString("sc://h/;use_ssl=true;x-api-key=abc;x-team=data").secretNames; // ["x-api-key"]
   * ```
   */
  get secretNames(): readonly string[] {
    return [...(this.#token === undefined ? [] : ["token"]), ...secretHeaderNames(this.headers)];
  }

  /** Whether the host is this machine (`localhost`, 127.0.0.0/8, `::1`). */
  get isLoopback(): boolean {
    return isLoopbackHost(this.host);
  }

  /** The options as a connection string with the token (and secret-looking headers) redacted. */
  toString(): string {
    return render(this);
  }

  /** A JSON-friendly view with the token redacted, for structured logs. */
  toJSON(): Record<string, unknown> {
    return {
      host: this.host,
      port: this.port,
      useSsl: this.useSsl,
      ...(this.#token === undefined ? {} : { token: REDACTED }),
      ...(this.userId === undefined ? {} : { userId: this.userId }),
      ...(this.userAgent === undefined ? {} : { userAgent: this.userAgent }),
      ...(this.sessionId === undefined ? {} : { sessionId: this.sessionId }),
      grpcMaxMessageSize: this.grpcMaxMessageSize,
      keepalive: { ...this.keepalive },
      ...(this.connectTimeoutMs === DEFAULT_CONNECT_TIMEOUT_MS ? {} : { connectTimeoutMs: this.connectTimeoutMs }),
      headers: redactedHeaders(this.headers),
    };
  }

  [inspect.custom](): string {
    return `ConnectionOptions <${render(this)}>`;
  }
}

/**
 * Parses a Spark Connect connection string, `sc://host[:port][/;key=value[;key=value…]]`.
 *
 * - `host` is required; IPv6 addresses go in brackets (`sc://[::1]:15002`). `port` defaults to 15002.
 * - Parameters (names are case-sensitive, values percent-decoded): `token` (bearer token; turns TLS
 *   on unless the host is loopback), `use_ssl` (`true`/`false`), `user_id`, `user_agent`,
 *   `session_id` (a UUID), `grpc_max_message_size` (bytes, default 128 MiB), `connect_timeout_ms`
 *   (how long the first connection may take, default 20000), and PySpark's
 *   `grpc_keepalive_enabled`, `grpc_keepalive_time_ms`, `grpc_keepalive_timeout_ms`,
 *   `grpc_keepalive_without_calls`. Any other parameter is sent as a gRPC header with every call;
 *   one whose name looks like a credential ({@link isSecretHeaderName}) is treated like the token.
 *
 * @throws {InvalidConnectionStringError} naming what is wrong and how to fix it; the message never
 *   contains the token or the value of a secret-looking header.
 *
 * @example
 * ```ts
 * const options = parseConnectionString("sc://[::1]:443/;use_ssl=true;user_id=ada;x-team=data%20eng");
 * options.address;   // "[::1]:443"
 * options.headers;   // { "x-team": "data eng" }
 * ```
 */
export function parseConnectionString(connectionString: string): ConnectionOptions {
  return ConnectionOptions.parse(connectionString);
}

/**
 * The options as a connection string with the token and secret-looking header values replaced by
 * `<redacted>`, for logs and error messages.
 *
 * @example
 * ```ts
 * redactedConnectionString(parseConnectionString("sc://localhost/;token=abc"));
 * // "sc://localhost:15002/;token=<redacted>"
 * ```
 */
export function redactedConnectionString(options: ConnectionOptions): string {
  return render(options);
}

/**
 * Whether `host` names this machine: `localhost`, an address in 127.0.0.0/8, or `::1`.
 *
 * @example
 * ```ts
 * isLoopbackHost("127.0.0.1"); // true
 * isLoopbackHost("[::1]");     // true
 * isLoopbackHost("10.0.0.1");  // false
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === "localhost") return true;
  if (isIPv4(bare)) return LOOPBACK.check(bare, "ipv4");
  // A zone id ("%eth0") names an interface; BlockList wants the address alone.
  const address = bare.split("%")[0]!;
  return isIPv6(address) && LOOPBACK.check(address, "ipv6");
}

function fail(problem: string): never {
  throw new InvalidConnectionStringError(problem);
}

// ---------------------------------------------------------------------------------------------
// The text form.

const SCHEME = "sc://";

function parseText(text: string): ConnectionOptionsInit {
  if (typeof text !== "string") fail(`expected a string, got ${text === null ? "null" : typeof text}`);
  const input = text.trim();
  if (input === "") fail(`it is empty; write ${SCHEME}host:port, e.g. sc://localhost:15002`);
  if (!input.startsWith(SCHEME)) {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(input)?.[1];
    if (scheme?.toLowerCase() === "sc") fail(`the scheme must be in lower case: write '${SCHEME}', not '${scheme}://'`);
    if (scheme !== undefined) {
      fail(`the scheme '${scheme}://' is not supported; it must start with '${SCHEME}', e.g. sc://localhost:15002`);
    }
    fail(`it must start with '${SCHEME}', e.g. sc://localhost:15002`);
  }
  const rest = input.slice(SCHEME.length);
  if (rest.includes("?")) {
    fail("it contains '?', but the sc:// format has no query string: put parameters after '/;' as key=value (write a '?' inside a value as %3F)");
  }
  if (rest.includes("#")) {
    fail("it contains '#', but the sc:// format has no fragment (write a '#' inside a value as %23)");
  }

  const authorityEnd = rest.search(/[/;]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
  // Said without quoting the part before '@': it is where a password would be.
  if (authority.includes("@")) {
    fail("it has user information before the host ('…@host'), which Spark Connect does not use; pass token=… or user_id=… as parameters after '/;'");
  }
  const { host, port } = parseAuthority(authority);
  if (tail.startsWith(";")) fail(`parameters must come after a '/': write sc://${authority}/;key=value`);
  const semicolon = tail.indexOf(";");
  const path = semicolon < 0 ? tail : tail.slice(0, semicolon);
  if (path !== "" && path !== "/") {
    fail(`the path '${path}' must be empty: Spark Connect serves gRPC at the root of host:port, so write sc://${authority}/ and put parameters after '/;'`);
  }
  const parameters = semicolon < 0 ? [] : splitParameters(tail.slice(semicolon + 1));
  return { host, ...(port === undefined ? {} : { port }), ...initFromParameters(parameters) };
}

function parseAuthority(authority: string): { host: string; port: number | undefined } {
  if (authority === "") fail("the host is missing; write sc://host:port, e.g. sc://localhost:15002");
  let host: string;
  let portText: string | undefined;
  if (authority.startsWith("[")) {
    const close = authority.indexOf("]");
    if (close < 0) fail(`the IPv6 address '${authority}' has no closing ']'`);
    host = percentDecode("the IPv6 address", authority.slice(1, close));
    if (!isIPv6(host)) {
      fail(`'[${host}]' is not an IPv6 address; brackets are only for IPv6 addresses, e.g. sc://[::1]:15002`);
    }
    const after = authority.slice(close + 1);
    if (after !== "" && !after.startsWith(":")) fail(`unexpected '${after}' after '[${host}]'; write [${host}]:port`);
    portText = after === "" ? undefined : after.slice(1);
  } else {
    const colon = authority.indexOf(":");
    if (colon >= 0 && authority.indexOf(":", colon + 1) >= 0) {
      fail("an IPv6 address must be in brackets, e.g. sc://[::1]:15002");
    }
    host = colon < 0 ? authority : authority.slice(0, colon);
    portText = colon < 0 ? undefined : authority.slice(colon + 1);
    if (host === "") fail(`the host is missing before ':'; write sc://host:port, e.g. sc://localhost:15002`);
  }
  if (portText === undefined) return { host, port: undefined };
  if (portText === "") fail(`the port after ':' is missing; leave out the ':' to use the default port ${DEFAULT_PORT}`);
  if (!/^\d+$/.test(portText)) fail(`the port '${portText}' is not a number from 1 to 65535`);
  return { host, port: validPort(Number(portText), portText) };
}

interface RawParameter {
  readonly name: string;
  readonly value: string;
}

function splitParameters(text: string): RawParameter[] {
  const parameters: RawParameter[] = [];
  const segments = text.split(";");
  segments.forEach((segment, i) => {
    // A stray ';' (sc://host/;a=b;) is a harmless slip, not worth an error.
    if (segment === "") return;
    const position = `parameter ${i + 1} after '/;'`;
    const equals = segment.indexOf("=");
    if (equals < 0) {
      // The segment itself is only quoted when it is a known name: anything else may be a
      // secret pasted into the wrong place.
      const known = PARAMETERS.find((p) => p === segment.toLowerCase());
      if (known !== undefined) fail(`the parameter '${known}' has no value; write ${known}=<value>`);
      fail(`${position} is not a key=value pair`);
    }
    const name = segment.slice(0, equals);
    // Everything after the first '=' is the value, so a base64 token's padding needs no escaping.
    const rawValue = segment.slice(equals + 1);
    if (name === "") fail(`${position} has no name before '='`);
    if (!PARAMETER_NAME.test(name)) {
      fail(`the parameter name '${name}' may only have letters, digits, '-', '_' and '.'`);
    }
    if (rawValue === "") fail(`the parameter '${name}' has no value; write ${name}=<value> or leave it out`);
    parameters.push({ name, value: percentDecode(`the value of '${name}'`, rawValue) });
  });
  return parameters;
}

function percentDecode(what: string, text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fail(`${what} has a malformed percent-escape: '%' must be followed by two hex digits (write a literal '%' as %25)`);
  }
}

type MutableInit = { -readonly [K in keyof ConnectionOptionsInit]: ConnectionOptionsInit[K] };

function initFromParameters(parameters: readonly RawParameter[]): Omit<MutableInit, "host"> {
  const init: Omit<MutableInit, "host"> = {};
  const keepalive: { -readonly [K in keyof KeepaliveOptions]?: KeepaliveOptions[K] } = {};
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const { name, value } of parameters) {
    if (seen.has(name)) fail(`the parameter '${name}' is given more than once; keep one`);
    seen.add(name);
    if (!isParameter(name)) {
      headers[name] = value;
      continue;
    }
    switch (name) {
      case "token":
        init.token = value;
        break;
      case "use_ssl":
        init.useSsl = parseBoolean(name, value);
        break;
      case "user_id":
        init.userId = value;
        break;
      case "user_agent":
        init.userAgent = value;
        break;
      case "session_id":
        init.sessionId = value;
        break;
      case "grpc_max_message_size":
        init.grpcMaxMessageSize = parseInteger(name, value);
        break;
      case "connect_timeout_ms":
        init.connectTimeoutMs = parseInteger(name, value);
        break;
      case "grpc_keepalive_enabled":
        keepalive.enabled = parseBoolean(name, value);
        break;
      case "grpc_keepalive_time_ms":
        keepalive.timeMs = parseInteger(name, value);
        break;
      case "grpc_keepalive_timeout_ms":
        keepalive.timeoutMs = parseInteger(name, value);
        break;
      case "grpc_keepalive_without_calls":
        keepalive.withoutCalls = parseBoolean(name, value);
        break;
    }
  }
  if (Object.keys(keepalive).length > 0) init.keepalive = keepalive;
  if (Object.keys(headers).length > 0) init.headers = headers;
  return init;
}

function isParameter(name: string): name is Parameter {
  return (PARAMETERS as readonly string[]).includes(name);
}

function parseBoolean(name: Parameter, value: string): boolean {
  // Spark's clients compare in lower case; anything else is a typo rather than "false".
  const lower = value.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  return fail(`${name} must be 'true' or 'false', not '${value}'`);
}

function parseInteger(name: Parameter, value: string): number {
  if (!/^\d+$/.test(value)) fail(`${name} must be a whole number from 1 to ${MAX_INT32}, not '${value}'`);
  return validInteger(name, Number(value));
}

// ---------------------------------------------------------------------------------------------
// Validation shared by the text form and ConnectionOptions.from.

function validHost(host: string): string {
  if (typeof host !== "string" || host === "") fail("the host is missing; write sc://host:port, e.g. sc://localhost:15002");
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (bare.includes(":")) {
    if (!isIPv6(bare)) fail(`'${bare}' is not a valid IPv6 address`);
    return bare;
  }
  if (!HOST_NAME.test(bare)) {
    fail(`the host '${bare}' is not a valid host name (letters, digits, '-', '_' and '.' only) or IP address`);
  }
  return bare;
}

function validPort(port: number, asWritten: string = String(port)): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`the port '${asWritten}' is not a number from 1 to 65535`);
  return port;
}

function validToken(token: string): string {
  if (token === "") fail("the token is empty; give a token or leave the parameter out");
  if (!HEADER_VALUE.test(token)) {
    fail("the token has characters that cannot be sent in a gRPC header (only printable ASCII can)");
  }
  return token;
}

function nonEmpty(name: Parameter, value: string): string {
  if (value === "") fail(`${name} is empty; give a value or leave it out`);
  return value;
}

function validUserAgent(userAgent: string): string {
  nonEmpty("user_agent", userAgent);
  // Sent in the user-agent header, so it has to be a valid header value.
  if (!HEADER_VALUE.test(userAgent)) fail("user_agent may only have printable ASCII characters");
  const escaped = encodeURIComponent(userAgent).length;
  // PySpark's limit, so one connection string works with both clients.
  if (escaped > MAX_USER_AGENT) {
    fail(`user_agent must not be longer than ${MAX_USER_AGENT} characters after URL escaping; it has ${escaped}`);
  }
  return userAgent;
}

function validSessionId(sessionId: string): string {
  if (!UUID.test(sessionId)) {
    fail(`session_id '${sessionId}' is not a UUID; it must look like 00112233-4455-6677-8899-aabbccddeeff`);
  }
  return sessionId;
}

function validInteger(name: Parameter, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_INT32) {
    fail(`${name} must be a whole number from 1 to ${MAX_INT32}, not '${value}'`);
  }
  return value;
}

function validKeepalive(overrides: Partial<KeepaliveOptions> | undefined): KeepaliveOptions {
  const merged = { ...DEFAULT_KEEPALIVE, ...definedOnly(overrides ?? {}) };
  validInteger("grpc_keepalive_time_ms", merged.timeMs);
  validInteger("grpc_keepalive_timeout_ms", merged.timeoutMs);
  return Object.freeze(merged);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Whether to use TLS. A token implies it, as Spark documents, except towards a loopback host:
 * Spark's own local server with `spark.connect.authenticate.token` speaks plain text on localhost,
 * and PySpark sends a token without TLS only over local credentials (which never leave the
 * machine). To a remote host a token never travels in plain text, so `use_ssl=false` with a token
 * is refused rather than silently overridden. A header named like a credential (an API key, an
 * `authorization` or `cookie` header) is a bearer secret just the same, and follows the same rule.
 * `secret` names the parameter holding a secret, if any (a name is safe to quote, a value is not).
 */
function tlsMode(host: string, useSsl: boolean | undefined, secret: string | undefined): boolean {
  if (useSsl === true) return true;
  if (secret === undefined || isLoopbackHost(host)) return false;
  if (useSsl === false) {
    const what = secret === "token" ? "a token is" : `the header '${secret}' looks like a credential, and credentials are`;
    fail(`${what} only sent over TLS to a host other than this machine, but use_ssl=false was given for '${host}'; remove use_ssl=false`);
  }
  return true;
}

function secretHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  return Object.keys(headers).filter(isSecretHeaderName);
}

function validHeaders(headers: Readonly<Record<string, string>>, hasToken: boolean): Readonly<Record<string, string>> {
  const valid: Record<string, string> = {};
  const givenAs = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    const parameter = PARAMETERS.find((p) => p === lower);
    if (parameter !== undefined) {
      fail(`parameter names are case-sensitive: write '${parameter}', not '${name}'`);
    }
    if (!/^[0-9a-z_.-]+$/.test(lower)) {
      fail(`'${name}' cannot be a gRPC header name (letters, digits, '-', '_' and '.' only)`);
    }
    if (lower.endsWith("-bin")) fail(`'${name}' names a binary header ('-bin'), which a connection string cannot set`);
    if (lower.startsWith("grpc-")) fail(`'${name}' is reserved: headers starting with 'grpc-' belong to gRPC itself`);
    if (lower === "user-agent") fail("the user-agent header is set by the client; use user_agent=… instead");
    if (RESERVED_HEADERS.has(lower)) fail(`'${name}' is a header that HTTP/2 or gRPC sets itself`);
    if (lower === "authorization" && hasToken) {
      fail("give either token=… or an authorization header, not both");
    }
    const earlier = givenAs.get(lower);
    if (earlier !== undefined) fail(`'${earlier}' and '${name}' name the same header (case does not matter); keep one`);
    givenAs.set(lower, name);
    if (typeof value !== "string" || !HEADER_VALUE.test(value)) {
      fail(`the value of header '${name}' has characters that cannot be sent in a gRPC header (only printable ASCII can)`);
    }
    valid[lower] = value;
  }
  // Not enumerable, so iterating the headers (to send them) and comparing them are unchanged;
  // header names are lower case, so no header can be called "toJSON".
  Object.defineProperty(valid, "toJSON", { value: () => redactedHeaders(valid) });
  Object.defineProperty(valid, inspect.custom, {
    value: (_depth: number, options: object, show: typeof inspect) => show(redactedHeaders(valid), options),
  });
  return Object.freeze(valid);
}

// ---------------------------------------------------------------------------------------------
// Rendering and redaction.

function render(options: ConnectionOptions): string {
  const parameters: string[] = [];
  const add = (name: string, value: string) => parameters.push(`${name}=${value}`);
  if (options.useSsl) add("use_ssl", "true");
  if (options.token !== undefined) add("token", REDACTED);
  if (options.userId !== undefined) add("user_id", encodeURIComponent(options.userId));
  if (options.userAgent !== undefined) add("user_agent", encodeURIComponent(options.userAgent));
  if (options.sessionId !== undefined) add("session_id", options.sessionId);
  if (options.grpcMaxMessageSize !== DEFAULT_MAX_MESSAGE_SIZE) add("grpc_max_message_size", String(options.grpcMaxMessageSize));
  if (options.connectTimeoutMs !== DEFAULT_CONNECT_TIMEOUT_MS) add("connect_timeout_ms", String(options.connectTimeoutMs));
  const keepalive = options.keepalive;
  if (keepalive.enabled !== DEFAULT_KEEPALIVE.enabled) add("grpc_keepalive_enabled", String(keepalive.enabled));
  if (keepalive.timeMs !== DEFAULT_KEEPALIVE.timeMs) add("grpc_keepalive_time_ms", String(keepalive.timeMs));
  if (keepalive.timeoutMs !== DEFAULT_KEEPALIVE.timeoutMs) add("grpc_keepalive_timeout_ms", String(keepalive.timeoutMs));
  if (keepalive.withoutCalls !== DEFAULT_KEEPALIVE.withoutCalls) {
    add("grpc_keepalive_without_calls", String(keepalive.withoutCalls));
  }
  for (const [name, value] of Object.entries(redactedHeaders(options.headers))) {
    add(name, value === REDACTED ? value : encodeURIComponent(value));
  }
  // A zone id's '%' ("[fe80::1%eth0]") has to be escaped for the string to parse again.
  const address = options.address.replace(/%/g, "%25");
  return `${SCHEME}${address}${parameters.length === 0 ? "" : `/;${parameters.join(";")}`}`;
}

function redactedHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSecretHeaderName(name) ? REDACTED : value]));
}

// Errors are built without secret values in the first place; this is the second line of defence,
// for a secret that ends up where something else was expected (e.g. "sc://token=abc", where the
// "host" quoted by the error is the token assignment).
interface Secret {
  readonly name: string;
  readonly value: string;
}

const ASSIGNMENT = /([A-Za-z0-9_.-]*)=([^;/?#&'\s]*)/g;
// Shorter values cannot be told apart from ordinary words of a message; they are still scrubbed
// where they follow their own "name=".
const MIN_SCRUBBED_LENGTH = 4;

function isSecretName(name: string): boolean {
  return name.toLowerCase() === "token" || isSecretHeaderName(name);
}

function secretsInText(text: unknown): Secret[] {
  if (typeof text !== "string") return [];
  const secrets: Secret[] = [];
  for (const [, name = "", value = ""] of text.matchAll(ASSIGNMENT)) {
    if (value === "" || !isSecretName(name)) continue;
    secrets.push({ name, value });
    try {
      secrets.push({ name, value: decodeURIComponent(value) });
    } catch {
      // Only the raw form can appear then.
    }
  }
  return secrets;
}

function secretsOf(init: ConnectionOptionsInit): Secret[] {
  const secrets: Secret[] = typeof init.token === "string" ? [{ name: "token", value: init.token }] : [];
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (isSecretName(name) && typeof value === "string") secrets.push({ name, value });
  }
  return secrets.filter((secret) => secret.value !== "");
}

function withSecretsScrubbed<T>(secrets: readonly Secret[], build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof InvalidConnectionStringError)) throw error;
    let problem = error.problem;
    for (const { name, value } of secrets) {
      problem = problem.split(`${name}=${value}`).join(`${name}=${REDACTED}`);
      if (value.length >= MIN_SCRUBBED_LENGTH) problem = problem.split(value).join(REDACTED);
    }
    if (problem === error.problem) throw error;
    throw new InvalidConnectionStringError(problem);
  }
}
