import {
  Client,
  Metadata,
  Server,
  ServerCredentials,
  credentials,
  status,
  type MethodDefinition,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceError,
  type sendUnaryData,
} from "@grpc/grpc-js";
import { sparkConnectService } from "../../src/connect/serviceStub";
import type { SparkConnectServiceDefinition } from "../../src/gen/spark/connect/base";
import { parseConnectionString } from "../../src/connect/connectionString";

/** A Spark Connect call, by its name in the generated service (`releaseSession`, `executePlan`, ...). */
export type SparkConnectMethod = keyof SparkConnectServiceDefinition["methods"];

/** Messages pass through as the bytes they are: the relay never decodes them. */
const bytes = (message: Buffer): Buffer => message;

/** Headers gRPC sets itself on each call; the relay passes the others on. */
const RESERVED = new Set(["content-type", "te", "user-agent", "host", "accept-encoding"]);

function passedOn(metadata: Metadata | undefined): Metadata {
  const out = new Metadata();
  for (const [key, values] of Object.entries(metadata?.getMap() ?? {})) {
    if (RESERVED.has(key) || (key.startsWith("grpc-") && key !== "grpc-status-details-bin")) continue;
    for (const value of [values].flat()) out.add(key, value);
  }
  return out;
}

function relayedError(error: ServiceError): ServiceError {
  return Object.assign(new Error(error.details), { code: error.code, details: error.details, metadata: passedOn(error.metadata) });
}

/**
 * A gRPC relay on 127.0.0.1 in front of a real Spark Connect server: it passes every call on
 * untouched (messages, metadata, errors with their details), except the methods it was told to
 * refuse, which it answers with an error of its own, or to hold, which it takes and never answers.
 * It stands in for faults a real server cannot be made to produce on demand, such as a
 * ReleaseSession that fails, or a server that takes a call and goes quiet.
 *
 * @example
 * ```ts
 * const relay = await GrpcRelay.start("sc://127.0.0.1:15002");
 * relay.refuse("releaseSession", status.INTERNAL);
 * // … a session on relay.remote fails to release …
 * relay.refusedCalls("releaseSession"); // 1
 * await relay.close();
 * ```
 */
export class GrpcRelay {
  readonly #server: Server;
  readonly #upstream: Client;
  readonly #port: number;
  readonly #refused = new Map<SparkConnectMethod, status>();
  readonly #refusals = new Map<SparkConnectMethod, number>();
  readonly #held = new Set<SparkConnectMethod>();
  readonly #holdings = new Map<SparkConnectMethod, number>();
  readonly #taken = new Map<SparkConnectMethod, number>();

  private constructor(server: Server, upstream: Client, port: number) {
    this.#server = server;
    this.#upstream = upstream;
    this.#port = port;
  }

  /** A relay to the server at `remote` (an sc:// connection string without TLS). */
  static async start(remote: string): Promise<GrpcRelay> {
    // Reconnects soon after the server behind it comes back (a restart under a test).
    const upstream = new Client(parseConnectionString(remote).address, credentials.createInsecure(), {
      "grpc.initial_reconnect_backoff_ms": 100,
      "grpc.max_reconnect_backoff_ms": 1000,
    });
    const server = new Server();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    const relay = new GrpcRelay(server, upstream, port);
    const definition: Record<string, MethodDefinition<Buffer, Buffer>> = {};
    const handlers: Record<string, unknown> = {};
    for (const [name, method] of Object.entries(sparkConnectService) as [SparkConnectMethod, MethodDefinition<unknown, unknown>][]) {
      definition[name] = {
        path: method.path,
        requestStream: method.requestStream,
        responseStream: method.responseStream,
        requestSerialize: bytes,
        requestDeserialize: bytes,
        responseSerialize: bytes,
        responseDeserialize: bytes,
      };
      handlers[name] = relay.#handler(name, method);
    }
    server.addService(definition, handlers as Parameters<Server["addService"]>[1]);
    return relay;
  }

  /** The relay's address as a Spark Connect connection string. */
  get remote(): string {
    return `sc://127.0.0.1:${this.#port}`;
  }

  /** Answers every later call of `method` with `code` instead of passing it on. */
  refuse(method: SparkConnectMethod, code: status = status.INTERNAL): void {
    this.#refused.set(method, code);
  }

  /** Passes calls of `method` on again. */
  passOn(method: SparkConnectMethod): void {
    this.#refused.delete(method);
    this.#held.delete(method);
  }

  /** Takes every later unary call of `method` and never answers it (until the relay closes). */
  hold(method: SparkConnectMethod): void {
    this.#held.add(method);
  }

  /** How many calls of `method` the relay took and left unanswered. */
  heldCalls(method: SparkConnectMethod): number {
    return this.#holdings.get(method) ?? 0;
  }

  /** How many calls of `method` the relay took, whatever it did with them. */
  calls(method: SparkConnectMethod): number {
    return this.#taken.get(method) ?? 0;
  }

  /** How many calls of `method` the relay refused. */
  refusedCalls(method: SparkConnectMethod): number {
    return this.#refusals.get(method) ?? 0;
  }

  // Returns a promise, as the other test servers' close() do, so that callers await them all alike.
  close(): Promise<void> {
    this.#server.forceShutdown();
    this.#upstream.close();
    return Promise.resolve();
  }

  /** The error of a refused call, or undefined when the call is to be passed on. */
  #refusal(name: SparkConnectMethod): ServiceError | undefined {
    const code = this.#refused.get(name);
    if (code === undefined) return undefined;
    this.#refusals.set(name, this.refusedCalls(name) + 1);
    const details = `${name} refused by the test's relay`;
    return Object.assign(new Error(details), { code, details, metadata: new Metadata() });
  }

  #handler(name: SparkConnectMethod, method: MethodDefinition<unknown, unknown>): unknown {
    const handle = this.#handlerOf(name, method) as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      this.#taken.set(name, this.calls(name) + 1);
      return handle(...args);
    };
  }

  #handlerOf(name: SparkConnectMethod, method: MethodDefinition<unknown, unknown>): unknown {
    const upstream = this.#upstream;
    const path = method.path;
    if (!method.requestStream && !method.responseStream) {
      return (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
        if (this.#held.has(name)) return void this.#holdings.set(name, this.heldCalls(name) + 1);
        const refusal = this.#refusal(name);
        if (refusal) return callback(refusal);
        upstream.makeUnaryRequest(path, bytes, bytes, call.request, passedOn(call.metadata), (error, response) =>
          error ? callback(relayedError(error)) : callback(null, response),
        );
      };
    }
    if (!method.requestStream) {
      return (call: ServerWritableStream<Buffer, Buffer>) => {
        const refusal = this.#refusal(name);
        if (refusal) return void call.emit("error", refusal);
        const stream = upstream.makeServerStreamRequest(path, bytes, bytes, call.request, passedOn(call.metadata));
        let ended = false;
        call.on("cancelled", () => stream.cancel());
        stream.on("data", (message: Buffer) => call.write(message));
        stream.on("error", (error: ServiceError) => {
          if (ended) return;
          ended = true;
          call.emit("error", relayedError(error));
        });
        stream.on("end", () => {
          if (ended) return;
          ended = true;
          call.end();
        });
      };
    }
    if (!method.responseStream) {
      return (call: ServerReadableStream<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
        const refusal = this.#refusal(name);
        if (refusal) return callback(refusal);
        const stream = upstream.makeClientStreamRequest(path, bytes, bytes, passedOn(call.metadata), (error, response) =>
          error ? callback(relayedError(error)) : callback(null, response),
        );
        call.on("data", (message: Buffer) => stream.write(message));
        call.on("end", () => stream.end());
        call.on("cancelled", () => stream.cancel());
      };
    }
    throw new Error(`the relay does not pass on bidirectional streams (${name})`);
  }
}
