// A typed grpc-js client for the Spark Connect service. The protocol stubs (src/gen) describe the
// service as plain data (ts-proto's generic definitions: each method's name, streaming kinds and
// message codecs) and import no gRPC library; this module is where that description meets grpc-js.
import { SparkConnectServiceDefinition } from "../gen/spark/connect/base";
import {
  makeGenericClientConstructor,
  type CallOptions,
  type ChannelCredentials,
  type Client,
  type ClientOptions,
  type ClientReadableStream,
  type ClientUnaryCall,
  type ClientWritableStream,
  type Metadata,
  type MethodDefinition,
  type ServiceDefinition,
  type ServiceError,
} from "./grpc";

/** A message type's binary codec, as the generated stubs give it. */
interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

/** One method of a generic service definition. */
interface MethodDescription {
  readonly name: string;
  readonly requestType: Codec<unknown>;
  readonly responseType: Codec<unknown>;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
}

/** A generic service definition: its full protobuf name and its methods by (camel-case) name. */
interface ServiceDescription {
  readonly fullName: string;
  readonly methods: { readonly [method: string]: MethodDescription };
}

type RequestOf<M> = M extends { readonly requestType: Codec<infer Q> } ? Q : never;
type ResponseOf<M> = M extends { readonly responseType: Codec<infer R> } ? R : never;
type Callback<R> = (error: ServiceError | null, response: R) => void;

/** The grpc-js call signature of a method, by its streaming kinds (the forms this client uses). */
type CallOf<M> = M extends { readonly requestStream: true }
  ? (metadata: Metadata, callback: Callback<ResponseOf<M>>) => ClientWritableStream<RequestOf<M>>
  : M extends { readonly responseStream: true }
    ? (request: RequestOf<M>, metadata: Metadata, options?: Partial<CallOptions>) => ClientReadableStream<ResponseOf<M>>
    : (request: RequestOf<M>, metadata: Metadata, options: Partial<CallOptions>, callback: Callback<ResponseOf<M>>) => ClientUnaryCall;

/** A grpc-js client with one typed method per method of the service. */
export type ServiceClient<S extends ServiceDescription> = Client & { readonly [K in keyof S["methods"]]: CallOf<S["methods"][K]> };

/**
 * The grpc-js service definition of a generic one: each method's path
 * (`/package.Service/Method`) and its messages' serializers. Servers (test relays) take it as is.
 *
 * @example
 * ```ts
 * grpcServiceDefinition(SparkConnectServiceDefinition).executePlan.path;
 * // "/spark.connect.SparkConnectService/ExecutePlan"
 * ```
 */
export function grpcServiceDefinition(service: ServiceDescription): ServiceDefinition {
  const methods: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const [key, method] of Object.entries(service.methods)) {
    const { requestType, responseType } = method;
    methods[key] = {
      path: `/${service.fullName}/${method.name}`,
      requestStream: method.requestStream,
      responseStream: method.responseStream,
      // grpc-js writes Buffers; a protobuf writer's bytes are a plain Uint8Array view.
      requestSerialize: (value: unknown) => Buffer.from(requestType.encode(value).finish()),
      requestDeserialize: (bytes: Buffer) => requestType.decode(bytes),
      responseSerialize: (value: unknown) => Buffer.from(responseType.encode(value).finish()),
      responseDeserialize: (bytes: Buffer) => responseType.decode(bytes),
    };
  }
  return methods;
}

/** The Spark Connect service as grpc-js serves and calls it. */
export const sparkConnectService = grpcServiceDefinition(SparkConnectServiceDefinition);

/** A grpc-js client of the Spark Connect service; one channel per instance. */
export type SparkConnectStub = ServiceClient<typeof SparkConnectServiceDefinition>;

const SparkConnectStubClass = makeGenericClientConstructor(sparkConnectService, SparkConnectServiceDefinition.fullName);

/**
 * A client of the Spark Connect service at `address`, on a channel of its own.
 *
 * @example
 * ```ts
 * const stub = sparkConnectStub("localhost:15002", credentials.createInsecure(), {});
 * stub.executePlan(request, new Metadata()).on("data", (response) => ...);
 * ```
 */
export function sparkConnectStub(
  address: string,
  channelCredentials: ChannelCredentials,
  options: Partial<ClientOptions>,
): SparkConnectStub {
  // grpc-js builds the methods at run time from the definition; their types are the mapping above.
  return new SparkConnectStubClass(address, channelCredentials, options) as unknown as SparkConnectStub;
}
