// The Spark exceptions a Spark Connect client tells apart, one class each, shaped like PySpark's
// connect client: the server reports the Java class of its exception with all its superclasses,
// and the most specific one that has a class here decides (see `javaClassMapping.ts`).
import { SparkConnectError } from "./sparkConnectError";

/**
 * The query is invalid: an unknown table or column, a type mismatch, … (Java
 * `org.apache.spark.sql.AnalysisException`).
 *
 * @example
 * ```ts
 * // spark.sql("SELECT * FROM nope") rejects with:
 * // AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found. … SQLSTATE: 42P01; line 1 pos 14
 * ```
 */
export class AnalysisException extends SparkConnectError {}

/** The SQL text does not parse (Java `org.apache.spark.sql.catalyst.parser.ParseException`). */
export class ParseException extends AnalysisException {}

/**
 * A temporary view of that name exists already (Java
 * `org.apache.spark.sql.catalyst.analysis.TempTableAlreadyExistsException`).
 */
export class TempTableAlreadyExistsException extends AnalysisException {}

/** An argument was invalid, e.g. a config value of the wrong type (Java `java.lang.IllegalArgumentException`). */
export class IllegalArgumentException extends SparkConnectError {}

/** A string is not a number, e.g. an ANSI cast of `'abc'` to INT (Java `java.lang.NumberFormatException`). */
export class NumberFormatException extends IllegalArgumentException {}

/** Division by zero or an overflow under ANSI mode (Java `java.lang.ArithmeticException`). */
export class ArithmeticException extends SparkConnectError {}

/** An array index outside the array under ANSI mode (Java `java.lang.ArrayIndexOutOfBoundsException`). */
export class ArrayIndexOutOfBoundsException extends SparkConnectError {}

/** A date or timestamp could not be parsed or built (Java `java.time.DateTimeException`). */
export class DateTimeException extends SparkConnectError {}

/** The server does not support the operation (Java `java.lang.UnsupportedOperationException`). */
export class UnsupportedOperationException extends SparkConnectError {}

/** A runtime failure with an error class, e.g. `raise_error` (Java `org.apache.spark.SparkRuntimeException`). */
export class SparkRuntimeException extends SparkConnectError {}

/**
 * A result would differ from an older Spark version's, and Spark asks you to choose (Java
 * `org.apache.spark.SparkUpgradeException`).
 */
export class SparkUpgradeException extends SparkConnectError {}

/** A looked-up element does not exist, e.g. an unknown SQL config (Java `org.apache.spark.SparkNoSuchElementException`). */
export class SparkNoSuchElementException extends SparkConnectError {}

/** A streaming query stopped with an error (Java `org.apache.spark.sql.streaming.StreamingQueryException`). */
export class StreamingQueryException extends SparkConnectError {}

/** Executing a query failed (Java `org.apache.spark.sql.execution.QueryExecutionException`). */
export class QueryExecutionException extends SparkConnectError {}

/** A Python worker of the server failed, e.g. in a Python UDF (Java `org.apache.spark.api.python.PythonException`). */
export class PythonException extends SparkConnectError {}

/** The server could not make sense of the plan this client sent (Java `org.apache.spark.sql.connect.common.InvalidPlanInput`). */
export class InvalidPlanInput extends SparkConnectError {}

/**
 * Any other Spark error, e.g. a job that failed on an executor (Java `org.apache.spark.SparkException`).
 */
export class SparkException extends SparkConnectError {}

/**
 * A server error of a Java class no other class here stands for; its message starts with that
 * Java class in parentheses, as PySpark's does.
 */
export class UnknownException extends SparkConnectError {}
