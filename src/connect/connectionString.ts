// Spark Connect's connection string, `sc://host:port/;param=value;…`, as Spark documents it
// (sql/connect/docs/client-connection-string.md), parsed into validated, immutable options. This
// module is the public entry; the known parameters are one table in connectionParameters.ts, the
// text form is read and written in connectionText.ts, and secrets are told apart and redacted in
// secretRedaction.ts.
//
// Secrets stay out of sight: the token lives in a private field (so util.inspect, JSON.stringify,
// spreading and structuredClone never see it), renderings redact it, and every error message is
// built without values that could be secret and scrubbed once more before it is thrown.
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { inspect } from "node:util";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_MESSAGE_SIZE,
  DEFAULT_PORT,
  HEADER_VALUE,
  checkedInteger,
  checkedKeepalive,
  checkedText,
  fail,
  parameterNamed,
  validPort,
  type KeepaliveOptions,
} from "./connectionParameters";
import { parseText, renderText } from "./connectionText";
import {
  REDACTED,
  isSecretHeaderName,
  redactedHeaders,
  secretHeaderNames,
  secretsInText,
  secretsOf,
  withRedactedViews,
  withSecretsScrubbed,
} from "./secretRedaction";

export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_KEEPALIVE,
  DEFAULT_MAX_MESSAGE_SIZE,
  DEFAULT_PORT,
  type KeepaliveOptions,
} from "./connectionParameters";
export { isSecretHeaderName };

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

const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

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
    this.#token = init.token === undefined ? undefined : checkedText("token", init.token);
    this.headers = validHeaders(init.headers ?? {}, this.#token !== undefined);
    this.useSsl = tlsMode(host, init.useSsl, this.#token !== undefined ? "token" : secretHeaderNames(this.headers)[0]);
    this.userId = init.userId === undefined ? undefined : checkedText("user_id", init.userId);
    this.userAgent = init.userAgent === undefined ? undefined : checkedText("user_agent", init.userAgent);
    this.sessionId = init.sessionId === undefined ? undefined : checkedText("session_id", init.sessionId);
    this.grpcMaxMessageSize =
      init.grpcMaxMessageSize === undefined ? DEFAULT_MAX_MESSAGE_SIZE : checkedInteger("grpc_max_message_size", init.grpcMaxMessageSize);
    this.keepalive = checkedKeepalive(init.keepalive);
    this.connectTimeoutMs =
      init.connectTimeoutMs === undefined ? DEFAULT_CONNECT_TIMEOUT_MS : checkedInteger("connect_timeout_ms", init.connectTimeoutMs);
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
    return renderText(this);
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
    return `ConnectionOptions <${renderText(this)}>`;
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
  return renderText(options);
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
  const address = bare.split("%")[0];
  return isIPv6(address) && LOOPBACK.check(address, "ipv6");
}

// ---------------------------------------------------------------------------------------------
// Validation of the options as a whole (each parameter's own checks are in its table row).

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

function validHeaders(headers: Readonly<Record<string, string>>, hasToken: boolean): Readonly<Record<string, string>> {
  const valid: Record<string, string> = {};
  const givenAs = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    const parameter = parameterNamed(lower);
    if (parameter !== undefined) {
      fail(`parameter names are case-sensitive: write '${parameter.name}', not '${name}'`);
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
  return Object.freeze(withRedactedViews(valid));
}
