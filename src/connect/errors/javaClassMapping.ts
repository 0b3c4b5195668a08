// Which error class stands for which server exception. The server names the Java class of its
// exception and every superclass, most specific first; the first of them found here decides, so a
// SparkNumberFormatException (…, NumberFormatException, IllegalArgumentException, …) becomes a
// NumberFormatException. Some error classes of Spark's SparkSQLException (a changed, closed or
// unknown session; a canceled or lost operation) have classes of their own because a client has
// to react to them, not just report them.
import {
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
import {
  OPERATION_CANCELED_ERROR_CLASS,
  OPERATION_GONE_ERROR_CLASSES,
  OperationCanceledError,
  OperationLostError,
  SESSION_CHANGED_ERROR_CLASS,
  SESSION_GONE_ERROR_CLASSES,
  SessionChangedError,
  SessionClosedError,
} from "./sessionErrors";
import type { SparkConnectErrorClass } from "./sparkConnectError";

const BY_JAVA_CLASS: ReadonlyMap<string, SparkConnectErrorClass> = new Map<string, SparkConnectErrorClass>([
  ["org.apache.spark.sql.catalyst.parser.ParseException", ParseException],
  ["org.apache.spark.sql.catalyst.analysis.TempTableAlreadyExistsException", TempTableAlreadyExistsException],
  ["org.apache.spark.sql.AnalysisException", AnalysisException],
  ["org.apache.spark.sql.streaming.StreamingQueryException", StreamingQueryException],
  ["org.apache.spark.sql.execution.QueryExecutionException", QueryExecutionException],
  ["java.lang.NumberFormatException", NumberFormatException],
  ["java.lang.IllegalArgumentException", IllegalArgumentException],
  ["java.lang.ArithmeticException", ArithmeticException],
  ["java.lang.UnsupportedOperationException", UnsupportedOperationException],
  ["java.lang.ArrayIndexOutOfBoundsException", ArrayIndexOutOfBoundsException],
  ["java.time.DateTimeException", DateTimeException],
  ["org.apache.spark.SparkRuntimeException", SparkRuntimeException],
  ["org.apache.spark.SparkUpgradeException", SparkUpgradeException],
  ["org.apache.spark.SparkNoSuchElementException", SparkNoSuchElementException],
  ["org.apache.spark.api.python.PythonException", PythonException],
  ["org.apache.spark.sql.connect.common.InvalidPlanInput", InvalidPlanInput],
  ["org.apache.spark.SparkException", SparkException],
]);

const BY_ERROR_CLASS: ReadonlyMap<string, SparkConnectErrorClass> = new Map<string, SparkConnectErrorClass>([
  [SESSION_CHANGED_ERROR_CLASS, SessionChangedError],
  [OPERATION_CANCELED_ERROR_CLASS, OperationCanceledError],
  ...SESSION_GONE_ERROR_CLASSES.map((c) => [c, SessionClosedError] as const),
  ...OPERATION_GONE_ERROR_CLASSES.map((c) => [c, OperationLostError] as const),
]);

/** The class for a server error, from its Spark error class and its Java class hierarchy. */
export function errorClassFor(errorClass: string | undefined, javaClasses: readonly string[]): SparkConnectErrorClass {
  const byCondition = errorClass === undefined ? undefined : BY_ERROR_CLASS.get(errorClass);
  if (byCondition !== undefined) return byCondition;
  for (const javaClass of javaClasses) {
    const mapped = BY_JAVA_CLASS.get(javaClass);
    if (mapped !== undefined) return mapped;
  }
  return UnknownException;
}
