// What counts as a secret in connection options, and how secrets are kept out of sight: values
// shown as `<redacted>` in every rendering, and error messages scrubbed of any secret that ended up
// in them.
import { inspect } from "node:util";
import { InvalidConnectionStringError } from "./errors";
import { SECRET_PARAMETER_NAMES } from "./connectionParameters";

/** What a secret value is shown as. */
export const REDACTED = "<redacted>";

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

/** The names of the headers whose values are secrets, in the headers' order. */
export function secretHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  return Object.keys(headers).filter(isSecretHeaderName);
}

/** A copy of `headers` with the values of secret-looking ones replaced by `<redacted>`. */
export function redactedHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSecretHeaderName(name) ? REDACTED : value]));
}

/**
 * Makes JSON.stringify and util.inspect of `headers` show secret values redacted. The views are
 * not enumerable, so iterating the headers (to send them) and comparing them are unchanged; header
 * names are lower case, so no header can be called "toJSON".
 */
export function withRedactedViews(headers: Record<string, string>): Record<string, string> {
  Object.defineProperty(headers, "toJSON", { value: () => redactedHeaders(headers) });
  Object.defineProperty(headers, inspect.custom, {
    value: (_depth: number, options: object, show: typeof inspect) => show(redactedHeaders(headers), options),
  });
  return headers;
}

// Errors are built without secret values in the first place; what follows is the second line of
// defence, for a secret that ends up where something else was expected (e.g. "sc://token=abc",
// where the "host" quoted by the error is the token assignment).

/** A secret value and the name it was given under. */
export interface Secret {
  readonly name: string;
  readonly value: string;
}

const ASSIGNMENT = /([A-Za-z0-9_.-]*)=([^;/?#&'\s]*)/g;
// Shorter values cannot be told apart from ordinary words of a message; they are still scrubbed
// where they follow their own "name=".
const MIN_SCRUBBED_LENGTH = 4;

function isSecretName(name: string): boolean {
  return SECRET_PARAMETER_NAMES.includes(name.toLowerCase()) || isSecretHeaderName(name);
}

/** The secrets assigned in a connection string's text (`token=…`, `x-api-key=…`), raw and percent-decoded. */
export function secretsInText(text: unknown): Secret[] {
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

/** The secrets among options given in code: the token and the values of secret-looking headers. */
export function secretsOf(init: { readonly token?: unknown; readonly headers?: Readonly<Record<string, unknown>> }): Secret[] {
  const secrets: Secret[] = typeof init.token === "string" ? [{ name: "token", value: init.token }] : [];
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (isSecretName(name) && typeof value === "string") secrets.push({ name, value });
  }
  return secrets.filter((secret) => secret.value !== "");
}

/**
 * Runs `build`; an {@link InvalidConnectionStringError} it throws is thrown again with every one
 * of `secrets` replaced by `<redacted>` in its message.
 */
export function withSecretsScrubbed<T>(secrets: readonly Secret[], build: () => T): T {
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
