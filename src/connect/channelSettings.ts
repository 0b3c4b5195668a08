// The settings of the gRPC channel a client opens from its ConnectionOptions: channel credentials,
// the metadata of every call, and channel options.
import { inspect } from "node:util";
import { credentials, Metadata, type CallCredentials, type ChannelCredentials, type ChannelOptions } from "./grpc";
import { CLIENT_NAME, clientVersion } from "./clientIdentity";
import { isSecretHeaderName, type ConnectionOptions } from "./connectionString";

/** Certificates to trust for TLS instead of the system's roots. */
export interface TlsTrust {
  /** PEM root certificates, e.g. a private CA's. */
  readonly rootCertificates?: Buffer;
}

/**
 * The channel credentials: TLS with the system's root certificates when `options.useSsl`, plain
 * text otherwise. Over TLS the token rides on call credentials, which grpc-js only ever applies to
 * secure channels; without TLS (loopback only) {@link callMetadata} carries it instead.
 *
 * @example
 * ```ts
 * const options = parseConnectionString("sc://spark.example.com/;token=abc");
 * sparkConnectStub(options.address, channelCredentials(options), channelOptions(options));
 * ```
 */
export function channelCredentials(options: ConnectionOptions, trust: TlsTrust = {}): ChannelCredentials {
  if (!options.useSsl) return credentials.createInsecure();
  const tls = credentials.createSsl(trust.rootCertificates ?? null);
  const token = options.token;
  return token === undefined ? tls : tls.compose(bearerToken(token));
}

function bearerToken(token: string): CallCredentials {
  return credentials.createFromMetadataGenerator((_call, callback) => {
    const metadata = new Metadata();
    metadata.set("authorization", `Bearer ${token}`);
    callback(null, metadata);
  });
}

/**
 * The metadata to send with every call: the connection string's extra parameters as headers and,
 * on a plain-text loopback connection, `authorization: Bearer <token>`. grpc-js refuses call
 * credentials on an insecure channel, so there the token has to travel as ordinary metadata; Spark's
 * local server reads it from there all the same. The returned object redacts secret values when
 * inspected or turned into JSON. Make one per call: grpc-js metadata is mutable.
 *
 * @example
 * ```ts
 * const metadata = callMetadata(parseConnectionString("sc://localhost/;token=abc;x-team=data"));
 * metadata.get("authorization"); // ["Bearer abc"]
 * metadata.get("x-team");        // ["data"]
 * ```
 */
export function callMetadata(options: ConnectionOptions): Metadata {
  const metadata = new RedactedMetadata();
  for (const [name, value] of Object.entries(options.headers)) metadata.set(name, value);
  const token = options.token;
  if (token !== undefined && !options.useSsl) metadata.set("authorization", `Bearer ${token}`);
  return metadata;
}

/** Metadata whose secret values stay out of util.inspect and JSON.stringify (and so out of logs). */
class RedactedMetadata extends Metadata {
  override clone(): Metadata {
    const copy = new RedactedMetadata(this.getOptions());
    copy.merge(this);
    return copy;
  }

  override toJSON(): { [key: string]: string[] } {
    const shown: { [key: string]: string[] } = {};
    for (const [name, values] of Object.entries(super.toJSON())) {
      shown[name] = values.map((value) =>
        isSecretHeaderName(name) ? "<redacted>" : Buffer.isBuffer(value) ? `<${value.length} bytes>` : value,
      );
    }
    return shown;
  }

  [inspect.custom](): string {
    return `Metadata ${JSON.stringify(this.toJSON())}`;
  }
}

/**
 * The HTTP/2 flow-control window this client grants the server, per stream and per connection.
 * grpc-js keeps HTTP/2's 64 KiB unless told, so every Arrow batch (up to 4 MiB, Spark's
 * `spark.connect.grpc.arrow.maxBatchSize`; 200 KB for 10,000 rows of three numbers) crosses in
 * several waits for a WINDOW_UPDATE from this event loop. On loopback that made reading a 10M-row
 * result take 1.3 s instead of 1.0 s (bench/, issue 8). Two of the largest batches let the server
 * send on while one is read; it is also the most a slow reader leaves buffered.
 */
export const FLOW_CONTROL_WINDOW_BYTES = 8 * 1024 * 1024;

/**
 * The channel options: a message size limit of `options.grpcMaxMessageSize` both ways (128 MiB
 * unless set; grpc-js's own default of 4 MiB is too small for Arrow batches and large plans), an
 * HTTP/2 flow-control window sized for Arrow batches ({@link FLOW_CONTROL_WINDOW_BYTES}), the
 * user agent, and keepalive PINGs that notice a silently dead connection.
 *
 * @example
 * ```ts
 * channelOptions(parseConnectionString("sc://localhost"))["grpc.max_receive_message_length"]; // 134217728
 * ```
 */
export function channelOptions(options: ConnectionOptions): ChannelOptions {
  const self = `${CLIENT_NAME}/${clientVersion()}`;
  const keepalive = options.keepalive;
  return {
    "grpc.max_send_message_length": options.grpcMaxMessageSize,
    "grpc.max_receive_message_length": options.grpcMaxMessageSize,
    "grpc-node.flow_control_window": FLOW_CONTROL_WINDOW_BYTES,
    // grpc-js puts this in front of its own "grpc-node-js/<version>".
    "grpc.primary_user_agent": options.userAgent === undefined ? self : `${options.userAgent} ${self}`,
    ...(keepalive.enabled
      ? {
          "grpc.keepalive_time_ms": keepalive.timeMs,
          "grpc.keepalive_timeout_ms": keepalive.timeoutMs,
          "grpc.keepalive_permit_without_calls": keepalive.withoutCalls ? 1 : 0,
        }
      : {}),
  };
}
