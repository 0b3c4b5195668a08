import { expect } from "chai";
import { describe, it } from "mocha";
import { inspect } from "node:util";
import {
  ConnectionOptions,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_KEEPALIVE,
  DEFAULT_MAX_MESSAGE_SIZE,
  isLoopbackHost,
  isSecretHeaderName,
  parseConnectionString,
  redactedConnectionString,
} from "../../../src/connect/connectionString";
import { InvalidConnectionStringError, SparkConnectError } from "../../../src/connect/errors";

const TOKEN = "tok-9f8e7d6c5b4a";

/** Everything a ConnectionOptions says, as a plain object to compare. */
function view(options: ConnectionOptions) {
  return {
    host: options.host,
    port: options.port,
    address: options.address,
    useSsl: options.useSsl,
    token: options.token,
    userId: options.userId,
    userAgent: options.userAgent,
    sessionId: options.sessionId,
    grpcMaxMessageSize: options.grpcMaxMessageSize,
    keepalive: { ...options.keepalive },
    connectTimeoutMs: options.connectTimeoutMs,
    headers: { ...options.headers },
  };
}

const DEFAULTS = {
  port: 15002,
  useSsl: false,
  token: undefined,
  userId: undefined,
  userAgent: undefined,
  sessionId: undefined,
  grpcMaxMessageSize: 128 * 1024 * 1024,
  keepalive: { enabled: true, timeMs: 60_000, timeoutMs: 20_000, withoutCalls: true },
  connectTimeoutMs: 20_000,
  headers: {},
};

/** Fails without quoting `text`, so that a failure does not print the secret it found. */
function expectNoSecret(text: string, secret: string, what: string): void {
  expect(text.includes(secret), `${what} shows the secret`).to.equal(false);
}

function parseError(text: string): InvalidConnectionStringError {
  try {
    parseConnectionString(text);
  } catch (e) {
    expect(e).to.be.instanceOf(InvalidConnectionStringError);
    return e as InvalidConnectionStringError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("parsing a valid connection string", () => {
  const valid: Array<[string, Partial<ReturnType<typeof view>>]> = [
    ["sc://localhost", { host: "localhost", address: "localhost:15002" }],
    ["sc://localhost/", { host: "localhost", address: "localhost:15002" }],
    ["sc://myhost.com:443/;use_ssl=true", { host: "myhost.com", port: 443, address: "myhost.com:443", useSsl: true }],
    ["  sc://spark-driver_1:7077  ", { host: "spark-driver_1", port: 7077, address: "spark-driver_1:7077" }],
    ["sc://10.0.0.7:15003", { host: "10.0.0.7", port: 15003, address: "10.0.0.7:15003" }],
    ["sc://[::1]", { host: "::1", address: "[::1]:15002" }],
    ["sc://[2001:db8::17]:443/;use_ssl=true", { host: "2001:db8::17", port: 443, address: "[2001:db8::17]:443", useSsl: true }],
    ["sc://h/;use_ssl=TRUE", { host: "h", address: "h:15002", useSsl: true }],
    ["sc://h/;use_ssl=false", { host: "h", address: "h:15002" }],
    [
      "sc://h/;user_id=Martin;user_agent=my_data_query_app;session_id=550e8400-e29b-41d4-a716-446655440000",
      {
        host: "h",
        address: "h:15002",
        userId: "Martin",
        userAgent: "my_data_query_app",
        sessionId: "550e8400-e29b-41d4-a716-446655440000",
      },
    ],
    [
      "sc://h/;user_id=Ada%20Lovelace;user_agent=nb%2F1.0%20(lab)",
      { host: "h", address: "h:15002", userId: "Ada Lovelace", userAgent: "nb/1.0 (lab)" },
    ],
    ["sc://h/;grpc_max_message_size=268435456", { host: "h", address: "h:15002", grpcMaxMessageSize: 268435456 }],
    ["sc://h/;connect_timeout_ms=2500", { host: "h", address: "h:15002", connectTimeoutMs: 2500 }],
    [
      "sc://h/;grpc_keepalive_enabled=false;grpc_keepalive_time_ms=30000;grpc_keepalive_timeout_ms=5000;grpc_keepalive_without_calls=false",
      { host: "h", address: "h:15002", keepalive: { enabled: false, timeMs: 30000, timeoutMs: 5000, withoutCalls: false } },
    ],
    [
      "sc://h/;x-workspace-id=42;X-Team=data%20eng%3Bops;trace.id=a_b-c",
      { host: "h", address: "h:15002", headers: { "x-workspace-id": "42", "x-team": "data eng;ops", "trace.id": "a_b-c" } },
    ],
    ["sc://h/;a=1;;b=2;", { host: "h", address: "h:15002", headers: { a: "1", b: "2" } }],
  ];
  for (const [text, expected] of valid) {
    it(`reads ${text.trim()}`, () => {
      expect(view(parseConnectionString(text))).to.deep.equal({ ...DEFAULTS, ...expected });
    });
  }

  it("gives the documented defaults: port 15002, no TLS, 128 MiB messages, PySpark's keepalive, 20 s to connect", () => {
    const options = parseConnectionString("sc://localhost");
    expect(options.port).to.equal(15002);
    expect(options.useSsl).to.equal(false);
    expect(options.grpcMaxMessageSize).to.equal(DEFAULT_MAX_MESSAGE_SIZE).and.to.equal(134217728);
    expect(options.keepalive).to.deep.equal(DEFAULT_KEEPALIVE);
    expect(options.connectTimeoutMs).to.equal(DEFAULT_CONNECT_TIMEOUT_MS).and.to.equal(20_000);
  });

  it("keeps everything after the first '=' as the value, so base64 padding needs no escaping", () => {
    expect(parseConnectionString("sc://localhost/;token=YWJjZA==").token).to.equal("YWJjZA==");
  });

  it("percent-decodes values but leaves '+' alone (it is not a space in a URI)", () => {
    const options = parseConnectionString("sc://localhost/;token=a%2Fb%3Dc+d;x-note=100%25");
    expect(options.token).to.equal("a/b=c+d");
    expect(options.headers).to.deep.equal({ "x-note": "100%" });
  });
});

describe("a token and TLS", () => {
  it("turns TLS on for a remote host, as Spark documents", () => {
    const options = parseConnectionString(`sc://spark.example.com/;token=${TOKEN}`);
    expect(options.useSsl).to.equal(true);
    expect(options.token).to.equal(TOKEN);
  });

  it("keeps plain text towards a loopback host, where Spark's local server expects it", () => {
    for (const host of ["localhost", "LocalHost", "127.0.0.1", "127.3.2.1", "[::1]"]) {
      const options = parseConnectionString(`sc://${host}:15002/;token=${TOKEN}`);
      expect(options.useSsl, host).to.equal(false);
      expect(options.token, host).to.equal(TOKEN);
    }
  });

  it("uses TLS towards a loopback host when use_ssl=true asks for it", () => {
    expect(parseConnectionString(`sc://localhost/;use_ssl=true;token=${TOKEN}`).useSsl).to.equal(true);
  });

  it("refuses use_ssl=false with a token for a remote host instead of sending the token in plain text", () => {
    const error = parseError(`sc://spark.example.com/;use_ssl=false;token=${TOKEN}`);
    expect(error.message).to.include("use_ssl=false").and.to.include("spark.example.com");
    expect(error.message).not.to.include(TOKEN);
  });

  it("tells loopback hosts from others", () => {
    for (const host of ["localhost", "127.0.0.1", "127.255.0.9", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"]) {
      expect(isLoopbackHost(host), host).to.equal(true);
    }
    for (const host of ["example.com", "10.0.0.1", "128.0.0.1", "::2", "localhost.example.com", "::ffff:10.0.0.1"]) {
      expect(isLoopbackHost(host), host).to.equal(false);
    }
  });
});

describe("headers named like credentials, and TLS", () => {
  const SECRET = "s3cr3t-h34der-v4lue";
  const secretHeaders = [
    "x-api-key",
    "authorization",
    "cookie",
    "x-auth",
    "x-session-token",
    "x-client-secret",
    "db-password",
    "x-passwd",
    "x-pwd",
    "x-credential",
  ];

  it("turn TLS on for a remote host, as a token does", () => {
    for (const name of secretHeaders) {
      const options = parseConnectionString(`sc://10.1.2.3:15002/;${name}=${SECRET}`);
      expect(options.useSsl, name).to.equal(true);
      expect(options.headers[name], name).to.equal(SECRET);
    }
    expect(parseConnectionString("sc://10.1.2.3:15002/;authorization=Bearer%20abc").useSsl).to.equal(true);
  });

  it("refuse use_ssl=false for a remote host, naming the header and never its value", () => {
    for (const name of secretHeaders) {
      const text = `sc://10.1.2.3:15002/;use_ssl=false;${name}=${SECRET}`;
      const error = parseError(text);
      expect(error.message, name)
        .to.include(`the header '${name}' looks like a credential`)
        .and.to.include("use_ssl=false")
        .and.to.include("10.1.2.3");
      for (const rendering of [error.message, String(error.stack), inspect(error), JSON.stringify(error)])
        expectNoSecret(rendering, SECRET, name);
    }
  });

  it("are refused with use_ssl=false in code too, without their value", () => {
    try {
      ConnectionOptions.from({ host: "spark.example.com", useSsl: false, headers: { "X-Api-Key": SECRET } });
      expect.fail("expected the options to be refused");
    } catch (e) {
      expect(e).to.be.instanceOf(InvalidConnectionStringError);
      expect((e as Error).message).to.include("the header 'x-api-key'");
      expectNoSecret((e as Error).message, SECRET, "the error");
    }
    expect(ConnectionOptions.from({ host: "spark.example.com", headers: { cookie: SECRET } }).useSsl).to.equal(true);
  });

  it("keep plain text towards a loopback host, use_ssl=false included", () => {
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) {
      expect(parseConnectionString(`sc://${host}/;x-api-key=${SECRET}`).useSsl, host).to.equal(false);
      expect(parseConnectionString(`sc://${host}/;use_ssl=false;authorization=Bearer%20x`).useSsl, host).to.equal(false);
    }
  });

  it("leave ordinary headers to plain text, as before", () => {
    expect(parseConnectionString("sc://10.1.2.3/;x-team=data;x-workspace-id=7").useSsl).to.equal(false);
    expect(parseConnectionString("sc://10.1.2.3/;use_ssl=false;x-team=data").useSsl).to.equal(false);
  });

  it("are listed by name among the secrets the options hold, with the token", () => {
    expect(parseConnectionString(`sc://h/;token=${TOKEN};x-api-key=${SECRET};x-team=data`).secretNames).to.deep.equal([
      "token",
      "x-api-key",
    ]);
    expect(parseConnectionString("sc://h/;x-team=data").secretNames).to.deep.equal([]);
  });

  it("are redacted in toString, toJSON, util.inspect and JSON, of the options, their headers and copies of both", () => {
    const options = parseConnectionString(`sc://10.1.2.3:15002/;authorization=Bearer%20${SECRET};x-team=data`);
    const renderings = [
      String(options),
      redactedConnectionString(options),
      JSON.stringify(options),
      JSON.stringify(options.toJSON()),
      inspect(options),
      inspect(options, { showHidden: true, depth: 10 }),
      inspect(options.headers),
      JSON.stringify(options.headers),
      inspect({ ...options }),
      JSON.stringify({ ...options }),
    ];
    renderings.forEach((rendering, i) => {
      expectNoSecret(rendering, SECRET, `rendering ${i}`);
      expect(rendering).to.include("data");
    });
    expect(String(options)).to.equal("sc://10.1.2.3:15002/;use_ssl=true;authorization=<redacted>;x-team=data");
    expect(JSON.parse(JSON.stringify(options.headers))).to.deep.equal({ authorization: "<redacted>", "x-team": "data" });
  });

  it("still give their values to whoever iterates the headers to send them", () => {
    const options = parseConnectionString(`sc://10.1.2.3:15002/;x-api-key=${SECRET}`);
    expect(Object.entries(options.headers)).to.deep.equal([["x-api-key", SECRET]]);
    expect(options.headers["x-api-key"]).to.equal(SECRET);
  });
});

describe("connect_timeout_ms", () => {
  it("is read as whole milliseconds", () => {
    expect(parseConnectionString("sc://h/;connect_timeout_ms=1").connectTimeoutMs).to.equal(1);
    expect(parseConnectionString("sc://h/;connect_timeout_ms=2147483647").connectTimeoutMs).to.equal(2 ** 31 - 1);
  });

  it("is taken in code, and validated there the same way", () => {
    expect(ConnectionOptions.from({ host: "h", connectTimeoutMs: 750 }).connectTimeoutMs).to.equal(750);
    expect(ConnectionOptions.from({ host: "h" }).connectTimeoutMs).to.equal(DEFAULT_CONNECT_TIMEOUT_MS);
    for (const bad of [0, -5, 1.5, 2 ** 31, Number.NaN]) {
      expect(() => ConnectionOptions.from({ host: "h", connectTimeoutMs: bad }), String(bad)).to.throw(
        InvalidConnectionStringError,
        "connect_timeout_ms must be a whole number from 1 to 2147483647",
      );
    }
  });

  it("is rendered by toString and toJSON only when it is not the default", () => {
    const plain = parseConnectionString("sc://h");
    expect(String(plain)).to.equal("sc://h:15002");
    expect(plain.toJSON()).not.to.have.property("connectTimeoutMs");
    const set = parseConnectionString("sc://h/;connect_timeout_ms=5000");
    expect(String(set)).to.equal("sc://h:15002/;connect_timeout_ms=5000");
    expect(set.toJSON()).to.include({ connectTimeoutMs: 5000 });
    expect(String(parseConnectionString("sc://h/;connect_timeout_ms=20000"))).to.equal("sc://h:15002");
  });

  it("survives a round trip through its rendering", () => {
    const once = parseConnectionString("sc://h/;connect_timeout_ms=1234;x-team=a");
    expect(view(parseConnectionString(String(once)))).to.deep.equal(view(once));
  });

  it("is not sent as a header", () => {
    expect(parseConnectionString("sc://h/;connect_timeout_ms=1234").headers).to.deep.equal({});
  });
});

describe("rejecting a bad connection string", () => {
  // Each bad string and what its error must say. Every one carries TOKEN somewhere it could leak.
  const bad: Array<[string, string | RegExp]> = [
    ["", /it is empty; write sc:\/\/host:port/],
    [`localhost:15002/;token=${TOKEN}`, "it must start with 'sc://', e.g. sc://localhost:15002"],
    [`http://localhost:15002/;token=${TOKEN}`, "the scheme 'http://' is not supported; it must start with 'sc://'"],
    [`grpc://localhost/;token=${TOKEN}`, "the scheme 'grpc://' is not supported"],
    [`SC://localhost/;token=${TOKEN}`, "the scheme must be in lower case: write 'sc://', not 'SC://'"],
    [`sc://`, "the host is missing; write sc://host:port"],
    [`sc:///;token=${TOKEN}`, "the host is missing"],
    [`sc://:15002/;token=${TOKEN}`, "the host is missing before ':'"],
    [`sc://local host/;token=${TOKEN}`, "the host 'local host' is not a valid host name"],
    [`sc://h$st/;token=${TOKEN}`, "the host 'h$st' is not a valid host name"],
    [`sc://localhost:/;token=${TOKEN}`, "the port after ':' is missing; leave out the ':' to use the default port 15002"],
    [`sc://localhost:http/;token=${TOKEN}`, "the port 'http' is not a number from 1 to 65535"],
    [`sc://localhost:0/;token=${TOKEN}`, "the port '0' is not a number from 1 to 65535"],
    [`sc://localhost:65536/;token=${TOKEN}`, "the port '65536' is not a number from 1 to 65535"],
    [`sc://::1:15002/;token=${TOKEN}`, "an IPv6 address must be in brackets, e.g. sc://[::1]:15002"],
    [`sc://[::1/;token=${TOKEN}`, "has no closing ']'"],
    [`sc://[::1]x/;token=${TOKEN}`, "unexpected 'x' after '[::1]'"],
    [`sc://[localhost]/;token=${TOKEN}`, "'[localhost]' is not an IPv6 address; brackets are only for IPv6 addresses"],
    [`sc://[1:2:3]/;token=${TOKEN}`, "'[1:2:3]' is not an IPv6 address"],
    [`sc://me:${TOKEN}@localhost/`, "user information before the host ('…@host')"],
    [`sc://myhost.com:443/mypathprefix/;token=${TOKEN}`, "the path '/mypathprefix/' must be empty"],
    [`sc://localhost/x;token=${TOKEN}`, "the path '/x' must be empty"],
    [`sc://localhost;token=${TOKEN}`, "parameters must come after a '/': write sc://localhost/;key=value"],
    [`sc://localhost/?token=${TOKEN}`, "it contains '?', but the sc:// format has no query string"],
    [`sc://localhost/;token=${TOKEN}#frag`, "it contains '#', but the sc:// format has no fragment"],
    [`sc://localhost/;token=${TOKEN};use_ssl`, "the parameter 'use_ssl' has no value; write use_ssl=<value>"],
    [`sc://localhost/;token=${TOKEN};${TOKEN}`, "parameter 2 after '/;' is not a key=value pair"],
    [`sc://localhost/;token=${TOKEN};=1`, "parameter 2 after '/;' has no name before '='"],
    [`sc://localhost/;token=${TOKEN};user id=1`, "the parameter name 'user id' may only have letters, digits, '-', '_' and '.'"],
    [`sc://localhost/;token=${TOKEN};user_id=`, "the parameter 'user_id' has no value"],
    [`sc://localhost/;token=`, "the parameter 'token' has no value"],
    [`sc://localhost/;token=${TOKEN};token=${TOKEN}x`, "the parameter 'token' is given more than once; keep one"],
    [`sc://localhost/;token=${TOKEN};x-a=1;x-a=2`, "the parameter 'x-a' is given more than once"],
    [`sc://localhost/;token=${TOKEN};X-A=1;x-a=2`, "'X-A' and 'x-a' name the same header (case does not matter); keep one"],
    [
      `sc://localhost/;token=${TOKEN};session_id=abc`,
      "session_id 'abc' is not a UUID; it must look like 00112233-4455-6677-8899-aabbccddeeff",
    ],
    [`sc://localhost/;token=${TOKEN};use_ssl=yes`, "use_ssl must be 'true' or 'false', not 'yes'"],
    [
      `sc://localhost/;token=${TOKEN};grpc_max_message_size=big`,
      "grpc_max_message_size must be a whole number from 1 to 2147483647, not 'big'",
    ],
    [`sc://localhost/;token=${TOKEN};grpc_max_message_size=0`, "grpc_max_message_size must be a whole number from 1"],
    [`sc://localhost/;token=${TOKEN};grpc_keepalive_time_ms=-5`, "grpc_keepalive_time_ms must be a whole number"],
    [`sc://localhost/;token=${TOKEN};grpc_keepalive_enabled=1`, "grpc_keepalive_enabled must be 'true' or 'false', not '1'"],
    [`sc://localhost/;token=${TOKEN};connect_timeout_ms=0`, "connect_timeout_ms must be a whole number from 1 to 2147483647, not '0'"],
    [`sc://localhost/;token=${TOKEN};connect_timeout_ms=-1`, "connect_timeout_ms must be a whole number from 1 to 2147483647, not '-1'"],
    [`sc://localhost/;token=${TOKEN};connect_timeout_ms=1.5`, "connect_timeout_ms must be a whole number from 1 to 2147483647, not '1.5'"],
    [
      `sc://localhost/;token=${TOKEN};connect_timeout_ms=2147483648`,
      "connect_timeout_ms must be a whole number from 1 to 2147483647, not '2147483648'",
    ],
    [
      `sc://localhost/;token=${TOKEN};connect_timeout_ms=soon`,
      "connect_timeout_ms must be a whole number from 1 to 2147483647, not 'soon'",
    ],
    [`sc://localhost/;Token=${TOKEN}`, "parameter names are case-sensitive: write 'token', not 'Token'"],
    [`sc://localhost/;token=${TOKEN};USE_SSL=true`, "write 'use_ssl', not 'USE_SSL'"],
    [`sc://localhost/;token=${TOKEN};x-trace-bin=AAEC`, "'x-trace-bin' names a binary header ('-bin')"],
    [`sc://localhost/;token=${TOKEN};grpc-timeout=1S`, "'grpc-timeout' is reserved: headers starting with 'grpc-' belong to gRPC itself"],
    [`sc://localhost/;token=${TOKEN};user-agent=x`, "the user-agent header is set by the client; use user_agent=… instead"],
    [`sc://localhost/;token=${TOKEN};content-type=text%2Fplain`, "'content-type' is a header that HTTP/2 or gRPC sets itself"],
    [`sc://localhost/;token=${TOKEN};authorization=Bearer%20x`, "give either token=… or an authorization header, not both"],
    [`sc://localhost/;token=${TOKEN};x-note=a%0Ab`, "the value of header 'x-note' has characters that cannot be sent in a gRPC header"],
    [`sc://localhost/;token=${TOKEN};x-note=%E2%9C%93`, "only printable ASCII"],
    [`sc://localhost/;token=${TOKEN};x-note=50%`, "the value of 'x-note' has a malformed percent-escape"],
    [`sc://localhost/;token=${TOKEN}%zz`, "the value of 'token' has a malformed percent-escape"],
    [`sc://localhost/;token=${TOKEN}%0A`, "the token has characters that cannot be sent in a gRPC header"],
    [`sc://localhost/;token=${TOKEN};user_agent=caf%C3%A9`, "user_agent may only have printable ASCII characters"],
    [
      `sc://localhost/;token=${TOKEN};user_agent=${"a".repeat(2049)}`,
      "user_agent must not be longer than 2048 characters after URL escaping; it has 2049",
    ],
    [`sc://token=${TOKEN}/`, "the host 'token=<redacted>' is not a valid host name"],
  ];

  for (const [text, expected] of bad) {
    const shown = text.length > 90 ? `${text.slice(0, 87)}...` : text;
    it(`rejects ${JSON.stringify(shown)}`, () => {
      const error = parseError(text);
      if (typeof expected === "string") expect(error.message).to.include(expected);
      else expect(error.message).to.match(expected);
    });
  }

  it("never shows the token: not in the message, the stack, util.inspect or JSON", () => {
    for (const [text] of bad) {
      const error = parseError(text);
      for (const rendering of [error.message, String(error.stack), inspect(error), JSON.stringify(error), error.problem]) {
        expect(rendering, text).not.to.include(TOKEN);
      }
    }
  });

  it("never shows a short token either where it follows its own name", () => {
    const error = parseError("sc://token=ab1/");
    expect(error.message).not.to.include("ab1");
  });

  it("hides the values of secret-looking headers the same way", () => {
    const error = parseError("sc://x-api-key=k3y-v4lue-123/");
    expect(error.message).not.to.include("k3y-v4lue-123");
  });

  it("says it is a connection string problem, in Spark's error style", () => {
    const error = parseError("http://localhost");
    expect(error).to.be.instanceOf(SparkConnectError);
    expect(error.name).to.equal("InvalidConnectionStringError");
    expect(error.errorClass).to.equal("INVALID_CONNECT_URL");
    expect(error.message).to.match(/^\[INVALID_CONNECT_URL\] Invalid Spark Connect connection string: /);
  });
});

describe("options built in code", () => {
  it("are validated like a connection string", () => {
    expect(() => ConnectionOptions.from({ host: "" })).to.throw(InvalidConnectionStringError, "the host is missing");
    expect(() => ConnectionOptions.from({ host: "h", port: 70000 })).to.throw(
      InvalidConnectionStringError,
      "the port '70000' is not a number from 1 to 65535",
    );
    expect(() => ConnectionOptions.from({ host: "h", sessionId: "x" })).to.throw(InvalidConnectionStringError, "not a UUID");
    expect(() => ConnectionOptions.from({ host: "h", headers: { "grpc-x": "1" } })).to.throw(InvalidConnectionStringError, "reserved");
  });

  it("accept an IPv6 host with or without brackets", () => {
    expect(ConnectionOptions.from({ host: "::1" }).address).to.equal("[::1]:15002");
    expect(ConnectionOptions.from({ host: "[::1]", port: 443 }).address).to.equal("[::1]:443");
  });

  it("keep a token given in code out of their errors too", () => {
    try {
      ConnectionOptions.from({ host: "spark.example.com", token: TOKEN, useSsl: false });
      expect.fail("expected the options to be refused");
    } catch (e) {
      expect((e as Error).message)
        .to.include("use_ssl=false")
        .and.not.to.include(TOKEN);
    }
  });

  it("lower-case header names, as gRPC sends them", () => {
    expect(ConnectionOptions.from({ host: "h", headers: { "X-Team": "data" } }).headers).to.deep.equal({ "x-team": "data" });
  });
});

describe("the parsed options as a value", () => {
  const options = parseConnectionString(`sc://spark.example.com:443/;token=${TOKEN};user_id=ada;x-team=data%20eng;x-api-key=k3y-v4lue-123`);

  it("cannot be changed", () => {
    expect(Object.isFrozen(options)).to.equal(true);
    expect(Object.isFrozen(options.headers)).to.equal(true);
    expect(Object.isFrozen(options.keepalive)).to.equal(true);
    expect(() => {
      (options as { port: number }).port = 1;
    }).to.throw(TypeError);
  });

  it("renders back as a connection string with the token and secret-looking headers redacted", () => {
    const expected = "sc://spark.example.com:443/;use_ssl=true;token=<redacted>;user_id=ada;x-team=data%20eng;x-api-key=<redacted>";
    expect(redactedConnectionString(options)).to.equal(expected);
    expect(String(options)).to.equal(expected);
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the options in a template literal are what is tested.
    expect(`${options}`).to.equal(expected);
  });

  it("renders without parameters when it has none", () => {
    expect(String(parseConnectionString("sc://[::1]"))).to.equal("sc://[::1]:15002");
  });

  it("renders a string that parses back to the same options when it holds no secret", () => {
    const text =
      "sc://h:1234/;use_ssl=true;user_id=A%20B;user_agent=nb;session_id=550e8400-e29b-41d4-a716-446655440000;" +
      "grpc_max_message_size=1024;grpc_keepalive_enabled=false;x-team=a%3Bb";
    const once = parseConnectionString(text);
    expect(view(parseConnectionString(String(once)))).to.deep.equal(view(once));
  });

  it("keeps the token out of util.inspect, JSON, spreading and structured cloning", () => {
    const renderings = [
      inspect(options),
      inspect(options, { showHidden: true, depth: 10 }),
      JSON.stringify(options),
      JSON.stringify({ ...options }),
      inspect({ ...options }),
      inspect(structuredClone({ ...options })),
    ];
    for (const rendering of renderings) expect(rendering).not.to.include(TOKEN);
    expect(inspect(options)).to.include("token=<redacted>");
    expect(JSON.parse(JSON.stringify(options))).to.include({ token: "<redacted>", host: "spark.example.com", port: 443 });
  });

  it("counts headers named like credentials as secret-looking", () => {
    for (const name of ["authorization", "x-api-key", "x-auth-token", "cookie", "x-client-secret", "db-password"]) {
      expect(isSecretHeaderName(name), name).to.equal(true);
    }
    for (const name of ["x-team", "x-workspace-id", "trace.id"]) expect(isSecretHeaderName(name), name).to.equal(false);
  });

  it("keeps the values of secret-looking headers out of util.inspect and JSON", () => {
    for (const rendering of [inspect(options), JSON.stringify(options)]) {
      expect(rendering).not.to.include("k3y-v4lue-123");
      expect(rendering).to.include("data");
    }
  });

  it("still hands the token to whoever asks for it by name", () => {
    expect(options.token).to.equal(TOKEN);
  });
});
