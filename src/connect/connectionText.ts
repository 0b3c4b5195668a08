// The text form of connection options, `sc://host[:port][/;key=value…]`, both ways: parsed into
// what ConnectionOptions is built from, and rendered back with secrets redacted.
import { isIPv6 } from "node:net";
import {
  CONNECTION_PARAMETERS,
  DEFAULT_PORT,
  fail,
  optionValue,
  parameterNamed,
  setOption,
  validPort,
  valueFromText,
} from "./connectionParameters";
import type { ConnectionOptions, ConnectionOptionsInit } from "./connectionString";
import { REDACTED, redactedHeaders } from "./secretRedaction";

const SCHEME = "sc://";
const PARAMETER_NAME = /^[A-Za-z0-9_.-]+$/;

/** The options a connection string gives, not yet validated as a whole. */
export function parseText(text: string): ConnectionOptionsInit {
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
    fail(
      "it contains '?', but the sc:// format has no query string: put parameters after '/;' as key=value (write a '?' inside a value as %3F)",
    );
  }
  if (rest.includes("#")) {
    fail("it contains '#', but the sc:// format has no fragment (write a '#' inside a value as %23)");
  }

  const authorityEnd = rest.search(/[/;]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
  // Said without quoting the part before '@': it is where a password would be.
  if (authority.includes("@")) {
    fail(
      "it has user information before the host ('…@host'), which Spark Connect does not use; pass token=… or user_id=… as parameters after '/;'",
    );
  }
  const { host, port } = parseAuthority(authority);
  if (tail.startsWith(";")) fail(`parameters must come after a '/': write sc://${authority}/;key=value`);
  const semicolon = tail.indexOf(";");
  const path = semicolon < 0 ? tail : tail.slice(0, semicolon);
  if (path !== "" && path !== "/") {
    fail(
      `the path '${path}' must be empty: Spark Connect serves gRPC at the root of host:port, so write sc://${authority}/ and put parameters after '/;'`,
    );
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
      const known = parameterNamed(segment.toLowerCase());
      if (known !== undefined) fail(`the parameter '${known.name}' has no value; write ${known.name}=<value>`);
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

function initFromParameters(parameters: readonly RawParameter[]): Omit<ConnectionOptionsInit, "host"> {
  const init: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const { name, value } of parameters) {
    if (seen.has(name)) fail(`the parameter '${name}' is given more than once; keep one`);
    seen.add(name);
    const parameter = parameterNamed(name);
    if (parameter === undefined) headers[name] = value;
    else setOption(init, parameter, valueFromText(parameter, value));
  }
  if (Object.keys(headers).length > 0) init["headers"] = headers;
  // setOption put each value where its parameter's row says, with the type the row converts to.
  return init;
}

/**
 * The options as a connection string: every known parameter that differs from its default, then
 * the headers; secret values as `<redacted>`. It parses back to the same options, secrets aside.
 */
export function renderText(options: ConnectionOptions): string {
  const parameters: string[] = [];
  for (const parameter of CONNECTION_PARAMETERS) {
    const value = optionValue(options, parameter);
    if (value === undefined || value === parameter.defaultValue) continue;
    parameters.push(`${parameter.name}=${parameter.secret ? REDACTED : encodeURIComponent(String(value))}`);
  }
  for (const [name, value] of Object.entries(redactedHeaders(options.headers))) {
    parameters.push(`${name}=${value === REDACTED ? value : encodeURIComponent(value)}`);
  }
  // A zone id's '%' ("[fe80::1%eth0]") has to be escaped for the string to parse again.
  const address = options.address.replace(/%/g, "%25");
  return `${SCHEME}${address}${parameters.length === 0 ? "" : `/;${parameters.join(";")}`}`;
}
