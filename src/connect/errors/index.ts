// The error model of the Spark Connect layer: one base class, a class per Spark exception a
// client tells apart, the client's own errors, and the conversion from a failed gRPC call.
export {
  SparkConnectError,
  type BreakingChangeInfo,
  type QueryContext,
  type SparkConnectErrorClass,
  type SparkConnectErrorFields,
} from "./sparkConnectError";
export {
  AnalysisException,
  ArithmeticException,
  ArrayIndexOutOfBoundsException,
  DateTimeException,
  IllegalArgumentException,
  InvalidPlanInput,
  NumberFormatException,
  ParseException,
  PythonException,
  QueryExecutionException,
  SparkException,
  SparkNoSuchElementException,
  SparkRuntimeException,
  SparkUpgradeException,
  StreamingQueryException,
  TempTableAlreadyExistsException,
  UnknownException,
  UnsupportedOperationException,
} from "./serverExceptions";
export {
  InvalidConnectionStringError,
  SparkAuthenticationError,
  SparkConnectionError,
  type ConnectionErrorFields,
} from "./connectionErrors";
export {
  OPERATION_CANCELED_ERROR_CLASS,
  OPERATION_GONE_ERROR_CLASSES,
  OperationCanceledError,
  OperationLostError,
  SESSION_CHANGED_ERROR_CLASS,
  SESSION_GONE_ERROR_CLASSES,
  SessionChangedError,
  SessionClosedError,
} from "./sessionErrors";
export { UnsupportedByServerError } from "./unsupportedByServer";
// How a failed gRPC call's status is read stays inside the layer (./statusDetails): its types are
// grpc-js's, which the package bundles and its users do not have.
export { errorFromErrorChain, toSparkError, toSparkErrorWithDetails, type ErrorContext, type ErrorDetailsFetcher } from "./convert";
