// The Spark UI the progress display links to (`install --spark-ui <url>`). The address is kept
// without user info, query or fragment, where proxies and gateways put credentials, so the link
// that a saved notebook keeps never carries a secret.

/** A Spark UI address that is not an http(s) URL. */
export class InvalidSparkUiError extends RangeError {
  override readonly name = "InvalidSparkUiError";
}

/** A Spark UI address as the kernel keeps it, and what was left out of the one given. */
export interface SparkUiAddress {
  /** The UI's root: scheme, host, port and path, without a trailing slash. */
  readonly url: string;
  /** The parts of the given address that were dropped (`"user info"`, `"query"`, `"fragment"`). */
  readonly dropped: readonly string[];
}

/**
 * Checks a Spark UI address and keeps only what locates the UI: a user name or password, a query
 * (`?token=...`) and a fragment are dropped, since they may hold secrets. Messages never quote
 * the address, for the same reason.
 *
 * @example
 * ```ts
 * sparkUiAddress("https://alice:pw@gateway.example/spark/?token=abc");
 * // { url: "https://gateway.example/spark", dropped: ["user info", "query"] }
 * ```
 */
export function sparkUiAddress(text: string): SparkUiAddress {
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    throw new InvalidSparkUiError("the Spark UI address is not a URL (give it as http://host:4040)");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new InvalidSparkUiError("the Spark UI address must be an http or https URL (such as http://driver:4040)");
  }
  const dropped = [
    ...(parsed.username || parsed.password ? ["user info"] : []),
    ...(parsed.search ? ["query"] : []),
    ...(parsed.hash ? ["fragment"] : []),
  ];
  const root = `${parsed.protocol}//${parsed.host}${parsed.pathname}`.replace(/\/+$/, "");
  return { url: root, dropped };
}

/**
 * The page of the Spark UI's Connect tab for one Spark Connect session: it lists the session's
 * operations with their tags (a cell's tag among them) and links each to its Spark jobs. The
 * protocol reports no job ids, so no job page can be named; this is the nearest page to a cell's
 * work. Spark 4 finds the session by id and user id (the user id base64url-encoded, as the UI's own
 * links do); earlier versions read the id alone.
 *
 * @example
 * ```ts
 * sessionPage("http://driver:4040", "0f6e…", undefined);
 * // "http://driver:4040/connect/session/?id=0f6e…&userId="
 * ```
 */
export function sessionPage(uiRoot: string, sessionId: string, userId: string | undefined): string {
  const user = Buffer.from(userId ?? "", "utf8").toString("base64url");
  return `${uiRoot}/connect/session/?id=${encodeURIComponent(sessionId)}&userId=${encodeURIComponent(user)}`;
}
