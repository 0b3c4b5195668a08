// The one door through which the client reaches @grpc/grpc-js. The published package carries
// grpc-js bundled into this module's compiled file (scripts/bundleGrpc.mjs, run by `npm run
// build`), so installing spark-ts brings no gRPC dependency tree: grpc-js's own dependencies
// (@grpc/proto-loader, protobufjs and its CLI's yargs) add 30 packages and an install script for
// code a client never runs. Nothing in a declaration reachable from the package's entry points may
// name these types (test/unit/packageTypes.test.ts): consumers have no @grpc/grpc-js to resolve.
export {
  Client,
  connectivityState,
  credentials,
  makeGenericClientConstructor,
  Metadata,
  status,
  type CallCredentials,
  type CallOptions,
  type Channel,
  type ChannelCredentials,
  type ChannelOptions,
  type ClientOptions,
  type ClientReadableStream,
  type ClientUnaryCall,
  type ClientWritableStream,
  type MethodDefinition,
  type ServiceDefinition,
  type ServiceError,
} from "@grpc/grpc-js";
