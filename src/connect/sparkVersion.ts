// The Spark release a server reports (AnalyzePlan's `spark_version`), read as numbers so lines
// compare: "4.0.5" is older than "4.1.0", and a build suffix ("4.1.0-SNAPSHOT") changes nothing.

/** A Spark release as its server reports it. */
export interface SparkVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** The text the server sent, e.g. `"4.0.5"`. */
  readonly text: string;
}

/**
 * The release in a server's version text, or `undefined` when the text does not start with
 * `major.minor` (a managed service's own scheme): such a server is taken to speak the newest
 * protocol this client knows, since refusing what it may well support helps nobody.
 *
 * @example
 * ```ts
 * parseSparkVersion("4.0.5");          // { major: 4, minor: 0, patch: 5, text: "4.0.5" }
 * parseSparkVersion("4.1.0-SNAPSHOT"); // { major: 4, minor: 1, patch: 0, ... }
 * parseSparkVersion("");               // undefined
 * ```
 */
export function parseSparkVersion(text: string): SparkVersion | undefined {
  const match = /^\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0), text: text.trim() };
}

/**
 * Whether `version` is the release line `line` (`"4.1"`) or a later one.
 *
 * @example
 * ```ts
 * atLeastLine(parseSparkVersion("4.0.5")!, "4.1"); // false
 * atLeastLine(parseSparkVersion("4.2.1")!, "4.1"); // true
 * ```
 */
export function atLeastLine(version: SparkVersion, line: string): boolean {
  const [major = 0, minor = 0] = line.split(".").map(Number);
  return version.major !== major ? version.major > major : version.minor >= minor;
}
