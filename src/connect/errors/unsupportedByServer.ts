// The client's refusal to send what the server's Spark release cannot read (see
// ../protocolChanges.ts): raised before anything is sent, so nothing ran on the server.
import { SparkConnectError } from "./sparkConnectError";

/**
 * A request uses a part of the Spark Connect protocol that the server's release does not read.
 * Nothing was sent. The remedy is a server of {@link since} or later, or not using the feature.
 *
 * @example
 * ```ts
 * // Against a Spark 4.0 server:
 * await a.zip(b).collect();
 * // UnsupportedByServerError: DataFrame.zip needs a Spark Connect server of Spark 4.3 or later;
 * //   this server runs Spark 4.0.5. Nothing was sent to it.
 * ```
 */
export class UnsupportedByServerError extends SparkConnectError {
  /** The feature, in the API's words, e.g. `"DataFrame.zip"`. */
  readonly feature: string;
  /** The first release line whose servers read it, e.g. `"4.3"`. */
  readonly since: string;
  /** The release the server reported, e.g. `"4.0.5"`. */
  readonly serverVersion: string;

  constructor(feature: string, since: string, serverVersion: string) {
    super(
      `${feature} needs a Spark Connect server of Spark ${since} or later; this server runs Spark ${serverVersion}. Nothing was sent to it.`,
    );
    this.feature = feature;
    this.since = since;
    this.serverVersion = serverVersion;
  }
}
