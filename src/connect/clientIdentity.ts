// How the client names itself to the server: its name and version, and the `client_type` string
// every request carries.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConnectionOptions } from "./connectionString";

/** How this client names itself in `client_type` and in the user-agent header. */
export const CLIENT_NAME = "spark-ts";

let version: string | undefined;

/**
 * This package's version, from its package.json (`"unknown"` if that cannot be read).
 *
 * @example
 * ```ts
 * clientVersion(); // "0.1.0"
 * ```
 */
export function clientVersion(): string {
  version ??= readVersion();
  return version;
}

function readVersion(): string {
  // package.json is two levels up both from src/connect (run from source) and dist/connect
  // (built); reading it at run time keeps it out of the compiled tree.
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    if (typeof manifest === "object" && manifest !== null) {
      const { name, version: found } = manifest as { name?: unknown; version?: unknown };
      if (name === CLIENT_NAME && typeof found === "string") return found;
    }
  } catch {
    // Fall through: a missing version must not stop a connection.
  }
  return "unknown";
}

/**
 * The `client_type` of every request: the connection's `user_agent` (if any), then this client,
 * Node and the OS, the way Spark's own clients put it (`<user_agent> spark/<v> os/<os> python/<v>`).
 * The server only logs it.
 *
 * @example
 * ```ts
 * clientTypeOf(parseConnectionString("sc://localhost/;user_agent=notebooks"));
 * // "notebooks spark-ts/0.1.0 node/20.20.2 os/linux"
 * ```
 */
export function clientTypeOf(options: ConnectionOptions): string {
  const self = [`${CLIENT_NAME}/${clientVersion()}`, `node/${process.versions.node}`, `os/${process.platform}`];
  return (options.userAgent === undefined ? self : [options.userAgent, ...self]).join(" ");
}
