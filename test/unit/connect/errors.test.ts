import { expect } from "chai";
import { describe, it } from "mocha";
import { inspect } from "node:util";
import { Metadata, status as GrpcStatus, type ServiceError } from "@grpc/grpc-js";
import { parseConnectionString } from "../../../src/connect/connectionString";
import {
  AnalysisException,
  ArithmeticException,
  ArrayIndexOutOfBoundsException,
  DateTimeException,
  errorFromErrorChain,
  IllegalArgumentException,
  InvalidConnectionStringError,
  InvalidPlanInput,
  NumberFormatException,
  OperationCanceledError,
  ParseException,
  PythonException,
  QueryExecutionException,
  SessionChangedError,
  SparkAuthenticationError,
  SparkConnectError,
  SparkConnectionError,
  SparkException,
  SparkNoSuchElementException,
  SparkRuntimeException,
  SparkUpgradeException,
  StreamingQueryException,
  TempTableAlreadyExistsException,
  toSparkError,
  toSparkErrorWithDetails,
  UnknownException,
  UnsupportedOperationException,
  type SparkConnectErrorClass,
} from "../../../src/connect/errors";
import { ErrorInfo } from "../../../src/gen/google/rpc/error_details";
import { Status } from "../../../src/gen/google/rpc/status";
import {
  FetchErrorDetailsResponse,
  FetchErrorDetailsResponse_QueryContext_ContextType as ContextType,
  type FetchErrorDetailsResponse_Error,
} from "../../../src/gen/spark/connect/base";

// ------------------------------------------------------------------------------------------------
// What a Spark 4.3.0 server sends, captured from the server this project runs (messages, ErrorInfo
// metadata and FetchErrorDetails answers verbatim; stack traces cut to their first frames).

/** One server error as it arrives: the status message and the ErrorInfo of the trailer. */
interface Captured {
  readonly message: string;
  readonly reason: string;
  readonly metadata: Readonly<Record<string, string>>;
}

const hierarchy = (...classes: string[]) => JSON.stringify([...classes, "java.lang.Object"]);
const ANALYSIS = ["org.apache.spark.sql.AnalysisException", "java.lang.Exception", "java.lang.Throwable"];
const RUNTIME = ["java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable"];
const SQL_EXCEPTION = ["org.apache.spark.SparkSQLException", "java.sql.SQLException", "java.lang.Exception", "java.lang.Throwable"];

const TABLE_NOT_FOUND_MESSAGE =
  "[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found. Verify the spelling and correctness of the schema and catalog.\n" +
  "Search path: [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].\n" +
  "If you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\n" +
  "To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS. SQLSTATE: 42P01; line 1 pos 14;\n" +
  "'Project [*]\n+- 'UnresolvedRelation [nope], [], false\n";

const TABLE_NOT_FOUND: Captured = {
  message: TABLE_NOT_FOUND_MESSAGE,
  reason: "org.apache.spark.sql.catalyst.ExtendedAnalysisException",
  metadata: {
    classes: hierarchy("org.apache.spark.sql.catalyst.ExtendedAnalysisException", ...ANALYSIS),
    sqlState: "42P01",
    errorClass: "TABLE_OR_VIEW_NOT_FOUND",
    messageParameters: '{"relationName":"`nope`","searchPath":"[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]"}',
    errorId: "f7343b3b-6eb3-42da-9886-cac8f7ee4dc2",
  },
};

const PARSE_ERROR: Captured = {
  message: "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==\nSELEC 1\n^^^\n",
  reason: "org.apache.spark.sql.catalyst.parser.ParseException",
  metadata: {
    classes: hierarchy("org.apache.spark.sql.catalyst.parser.ParseException", ...ANALYSIS),
    sqlState: "42601",
    errorClass: "PARSE_SYNTAX_ERROR",
    messageParameters: '{"error":"\'SELEC\'","hint":""}',
    errorId: "13aad970-d4a7-49cd-b68d-cd1673946ee2",
  },
};

const DIVIDE_BY_ZERO_MESSAGE =
  '[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22012\n' +
  "== SQL (line 1, position 8) ==\nselect 1/0\n       ^^^\n";

const DIVIDE_BY_ZERO: Captured = {
  message: DIVIDE_BY_ZERO_MESSAGE,
  reason: "org.apache.spark.SparkArithmeticException",
  metadata: {
    classes: hierarchy("org.apache.spark.SparkArithmeticException", "java.lang.ArithmeticException", ...RUNTIME),
    sqlState: "22012",
    errorClass: "DIVIDE_BY_ZERO",
    messageParameters: '{"config":"\\"spark.sql.ansi.enabled\\""}',
    errorId: "a67fff49-36a2-49b4-b6df-29c018e6302d",
  },
};

const DIVIDE_BY_ZERO_DETAILS: FetchErrorDetailsResponse = {
  serverSideSessionId: "",
  sessionId: "",
  rootErrorIdx: 0,
  errors: [
    {
      errorTypeHierarchy: JSON.parse(DIVIDE_BY_ZERO.metadata.classes) as string[],
      message: DIVIDE_BY_ZERO_MESSAGE,
      stackTrace: [
        {
          declaringClass: "org.apache.spark.sql.errors.QueryExecutionErrors$",
          methodName: "divideByZeroError",
          fileName: "QueryExecutionErrors.scala",
          lineNumber: 190,
        },
        {
          declaringClass: "org.apache.spark.sql.catalyst.expressions.DivModLike",
          methodName: "eval",
          fileName: "arithmetic.scala",
          lineNumber: 734,
        },
      ],
      sparkThrowable: {
        errorClass: "DIVIDE_BY_ZERO",
        messageParameters: { config: '"spark.sql.ansi.enabled"' },
        queryContexts: [
          {
            contextType: ContextType.SQL,
            objectType: "",
            objectName: "",
            startIndex: 7,
            stopIndex: 9,
            fragment: "1/0",
            callSite: "",
            summary: "== SQL (line 1, position 8) ==\nselect 1/0\n       ^^^\n",
          },
        ],
        sqlState: "22012",
      },
    },
  ],
};

const CAST_INVALID_INPUT: Captured = {
  message:
    '[CAST_INVALID_INPUT] The value \'abc\' of the type "STRING" cannot be cast to "INT" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018\n' +
    "== SQL (line 1, position 8) ==\nselect cast('abc' as int)\n       ^^^^^^^^^^^^^^^^^^\n",
  reason: "org.apache.spark.SparkNumberFormatException",
  metadata: {
    classes: hierarchy(
      "org.apache.spark.SparkNumberFormatException",
      "java.lang.NumberFormatException",
      "java.lang.IllegalArgumentException",
      ...RUNTIME,
    ),
    sqlState: "22018",
    errorClass: "CAST_INVALID_INPUT",
    messageParameters:
      '{"expression":"\'abc\'","sourceType":"\\"STRING\\"","targetType":"\\"INT\\"","ansiConfig":"\\"spark.sql.ansi.enabled\\""}',
    errorId: "48b2f20f-1ae4-4cf6-a69c-29a02e64bdca",
  },
};

const SESSION_CHANGED: Captured = {
  message:
    "[INVALID_HANDLE.SESSION_CHANGED] The handle 86159fe9-838c-4542-a11c-9cfd61aac35d is invalid. The existing Spark server driver instance has restarted. Please reconnect. SQLSTATE: 08003",
  reason: "org.apache.spark.SparkSQLException",
  metadata: {
    classes: hierarchy(...SQL_EXCEPTION),
    sqlState: "08003",
    errorClass: "INVALID_HANDLE.SESSION_CHANGED",
    messageParameters: '{"handle":"86159fe9-838c-4542-a11c-9cfd61aac35d"}',
    errorId: "8803da30-ef71-415f-b105-d49cf24f9096",
  },
};

const OPERATION_CANCELED: Captured = {
  message: "[OPERATION_CANCELED] Operation has been canceled. SQLSTATE: HY008",
  reason: "org.apache.spark.SparkSQLException",
  metadata: {
    classes: hierarchy(...SQL_EXCEPTION),
    sqlState: "HY008",
    errorClass: "OPERATION_CANCELED",
    messageParameters: "{}",
    errorId: "8a60288b-e174-4698-b85e-750f86801a12",
  },
};

// For a session id that is not a UUID the server has no session to keep details in: no errorId.
const INVALID_HANDLE_FORMAT: Captured = {
  message:
    "[INVALID_HANDLE.FORMAT] The handle not-a-uuid is invalid. Handle must be an UUID string of the format '00112233-4455-6677-8899-aabbccddeeff' SQLSTATE: HY000",
  reason: "org.apache.spark.SparkSQLException",
  metadata: {
    classes: hierarchy(...SQL_EXCEPTION),
    sqlState: "HY000",
    errorClass: "INVALID_HANDLE.FORMAT",
    messageParameters: '{"handle":"not-a-uuid"}',
  },
};

// `from_json('{bad', 'a int', map('mode','FAILFAST'))`: a SparkException caused by Jackson's.
const MALFORMED_RECORD_MESSAGE =
  "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: [null].\n" +
  "Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.  SQLSTATE: 22023";
const JACKSON_MESSAGE =
  "Unexpected character ('b' (code 98)): was expecting double-quote to start field name\n" +
  " at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]";
const JACKSON_CLASSES = [
  "com.fasterxml.jackson.core.JsonParseException",
  "com.fasterxml.jackson.core.exc.StreamReadException",
  "com.fasterxml.jackson.core.JsonProcessingException",
  "com.fasterxml.jackson.core.JacksonException",
  "java.io.IOException",
  "java.lang.Exception",
  "java.lang.Throwable",
  "java.lang.Object",
];

const MALFORMED_RECORD: Captured = {
  message: MALFORMED_RECORD_MESSAGE,
  reason: "org.apache.spark.SparkException",
  metadata: {
    classes: hierarchy("org.apache.spark.SparkException", "java.lang.Exception", "java.lang.Throwable"),
    sqlState: "22023",
    errorClass: "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
    messageParameters: '{"badRecord":"[null]","failFastMode":"FAILFAST"}',
    errorId: "32397cff-d149-4f7f-9631-290d5735cf6f",
  },
};

const MALFORMED_RECORD_DETAILS: FetchErrorDetailsResponse = {
  serverSideSessionId: "",
  sessionId: "",
  rootErrorIdx: 0,
  errors: [
    {
      errorTypeHierarchy: JSON.parse(MALFORMED_RECORD.metadata.classes) as string[],
      message: MALFORMED_RECORD_MESSAGE,
      stackTrace: [
        {
          declaringClass: "org.apache.spark.sql.errors.QueryExecutionErrors$",
          methodName: "malformedRecordsDetectedInRecordParsingError",
          fileName: "QueryExecutionErrors.scala",
          lineNumber: 1617,
        },
      ],
      causeIdx: 1,
      sparkThrowable: {
        errorClass: "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
        messageParameters: { badRecord: "[null]", failFastMode: "FAILFAST" },
        queryContexts: [],
        sqlState: "22023",
      },
    },
    {
      errorTypeHierarchy: JACKSON_CLASSES,
      message: JACKSON_MESSAGE,
      stackTrace: [
        {
          declaringClass: "com.fasterxml.jackson.core.JsonParser",
          methodName: "_constructReadException",
          fileName: "JsonParser.java",
          lineNumber: 2675,
        },
      ],
    },
  ],
};

// ------------------------------------------------------------------------------------------------

function serviceError(code: GrpcStatus, details: string, status?: Status): ServiceError {
  const metadata = new Metadata();
  if (status !== undefined) metadata.set("grpc-status-details-bin", Buffer.from(Status.encode(status).finish()));
  return Object.assign(new Error(`${code} ${GrpcStatus[code]}: ${details}`), { code, details, metadata });
}

/** The ServiceError grpc-js rejects a call with when the server reports `captured`. */
function failedCall(captured: Captured): ServiceError {
  const status: Status = {
    code: GrpcStatus.INTERNAL,
    message: captured.message,
    details: [
      {
        typeUrl: "type.googleapis.com/google.rpc.ErrorInfo",
        value: Buffer.from(
          ErrorInfo.encode({ reason: captured.reason, domain: "org.apache.spark", metadata: { ...captured.metadata } }).finish(),
        ),
      },
    ],
  };
  return serviceError(GrpcStatus.INTERNAL, captured.message, status);
}

/** A captured error with other metadata. */
function variant(captured: Captured, metadata: Record<string, string | undefined>): Captured {
  const merged: Record<string, string> = { ...captured.metadata };
  for (const [key, value] of Object.entries(metadata)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return { ...captured, metadata: merged };
}

function details(errors: FetchErrorDetailsResponse_Error[], rootErrorIdx: number | undefined = 0): FetchErrorDetailsResponse {
  return { serverSideSessionId: "", sessionId: "", rootErrorIdx, errors };
}

// ------------------------------------------------------------------------------------------------

describe("a server error, from the status details alone", () => {
  const error = toSparkError(failedCall(TABLE_NOT_FOUND));

  it("becomes the class of the Java exception, with Spark's message", () => {
    expect(error).to.be.instanceOf(AnalysisException);
    expect(error.name).to.equal("AnalysisException");
    expect(error.message).to.equal(TABLE_NOT_FOUND_MESSAGE.trimEnd());
    expect(error.message).to.match(
      /^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `nope` cannot be found\. .* SQLSTATE: 42P01; line 1 pos 14;/s,
    );
    expect(String(error)).to.match(/^AnalysisException: \[TABLE_OR_VIEW_NOT_FOUND\]/);
  });

  it("carries the error class, SQLSTATE and message parameters of the ErrorInfo", () => {
    expect(error.errorClass).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    expect(error.sqlState).to.equal("42P01");
    expect(error.messageParameters).to.deep.equal({
      relationName: "`nope`",
      searchPath: "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]",
    });
  });

  it("carries the gRPC code, the server's error id and the Java class hierarchy", () => {
    expect(error.grpcCode).to.equal(GrpcStatus.INTERNAL);
    expect(error.errorId).to.equal("f7343b3b-6eb3-42da-9886-cac8f7ee4dc2");
    expect(error.classHierarchy).to.deep.equal([
      "org.apache.spark.sql.catalyst.ExtendedAnalysisException",
      "org.apache.spark.sql.AnalysisException",
      "java.lang.Exception",
      "java.lang.Throwable",
      "java.lang.Object",
    ]);
  });

  it("has no query contexts, stack trace or cause, which only the details carry", () => {
    expect(error.queryContexts).to.deep.equal([]);
    expect(error.serverStackTrace).to.equal(undefined);
    expect(error.cause).to.equal(undefined);
  });

  it("drops the newline Spark puts before a parse error's message", () => {
    const parse = toSparkError(failedCall(PARSE_ERROR));
    expect(parse).to.be.instanceOf(ParseException);
    expect(parse.message).to.equal(
      "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==\nSELEC 1\n^^^",
    );
    expect(parse.messageParameters).to.deep.equal({ error: "'SELEC'", hint: "" });
  });

  it("takes the server's stack trace from the metadata when spark.sql.pyspark.jvmStacktrace.enabled sent one", () => {
    const trace =
      "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] …\n" +
      "\tat org.apache.spark.sql.errors.QueryCompilationErrors$.tableOrViewNotFoundWithSearchPath(QueryCompilationErrors.scala:1100)";
    const withTrace = toSparkError(failedCall(variant(TABLE_NOT_FOUND, { stackTrace: trace })));
    expect(withTrace.serverStackTrace).to.equal(trace);
  });

  it("still has its class and message when the server left out parameters too large for metadata", () => {
    const bare = toSparkError(failedCall(variant(TABLE_NOT_FOUND, { errorClass: undefined, messageParameters: undefined })));
    expect(bare).to.be.instanceOf(AnalysisException);
    // The class is read from the message then, where Spark writes it too.
    expect(bare.errorClass).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    expect(bare.sqlState).to.equal("42P01");
    expect(bare.messageParameters).to.deep.equal({});
  });

  it("falls back to the ErrorInfo reason when the classes metadata is missing or unreadable", () => {
    expect(toSparkError(failedCall(variant(PARSE_ERROR, { classes: undefined })))).to.be.instanceOf(ParseException);
    const garbled = toSparkError(failedCall(variant(PARSE_ERROR, { classes: "[not json", messageParameters: "{oops" })));
    expect(garbled).to.be.instanceOf(ParseException);
    expect(garbled.classHierarchy).to.deep.equal(["org.apache.spark.sql.catalyst.parser.ParseException"]);
    expect(garbled.messageParameters).to.deep.equal({});
  });

  it("keeps the operation id the client knows", () => {
    expect(toSparkError(failedCall(DIVIDE_BY_ZERO), { operationId: "op-1" }).operationId).to.equal("op-1");
  });
});

describe("a server error from a Spark 3.5 server, whose ErrorInfo names no error class", () => {
  const older = variant(TABLE_NOT_FOUND, { errorClass: undefined, sqlState: undefined, messageParameters: undefined });

  it("takes the error class and SQLSTATE from the message, where Spark writes them", () => {
    const error = toSparkError(failedCall(older));
    expect(error).to.be.instanceOf(AnalysisException);
    expect(error.errorClass).to.equal("TABLE_OR_VIEW_NOT_FOUND");
    expect(error.sqlState).to.equal("42P01");
  });

  it("takes a dotted sub-class too, and nothing from a message without one", () => {
    const sub = toSparkError(failedCall({ ...older, message: "[INVALID_HANDLE.SESSION_CLOSED] Session closed. SQLSTATE: 08003" }));
    expect(sub.errorClass).to.equal("INVALID_HANDLE.SESSION_CLOSED");
    expect(sub.sqlState).to.equal("08003");
    const plain = toSparkError(failedCall({ ...older, message: "[not a class] something failed" }));
    expect(plain.errorClass).to.equal(undefined);
  });
});

describe("choosing the error class from the Java class hierarchy", () => {
  // [reason, superclasses up to Throwable, errorClass, expected class]; the first eleven as
  // captured from the server, the rest from Spark's class hierarchy.
  const table: Array<[string, string[], string | undefined, SparkConnectErrorClass]> = [
    ["org.apache.spark.sql.catalyst.ExtendedAnalysisException", ANALYSIS, "TABLE_OR_VIEW_NOT_FOUND", AnalysisException],
    ["org.apache.spark.sql.catalyst.parser.ParseException", ANALYSIS, "PARSE_SYNTAX_ERROR", ParseException],
    [
      "org.apache.spark.sql.catalyst.analysis.TempTableAlreadyExistsException",
      ANALYSIS,
      "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS",
      TempTableAlreadyExistsException,
    ],
    ["org.apache.spark.SparkArithmeticException", ["java.lang.ArithmeticException", ...RUNTIME], "DIVIDE_BY_ZERO", ArithmeticException],
    [
      "org.apache.spark.SparkNumberFormatException",
      ["java.lang.NumberFormatException", "java.lang.IllegalArgumentException", ...RUNTIME],
      "CAST_INVALID_INPUT",
      NumberFormatException,
    ],
    [
      "org.apache.spark.SparkIllegalArgumentException",
      ["java.lang.IllegalArgumentException", ...RUNTIME],
      "INVALID_CONF_VALUE.TYPE_MISMATCH",
      IllegalArgumentException,
    ],
    [
      "org.apache.spark.SparkArrayIndexOutOfBoundsException",
      ["java.lang.ArrayIndexOutOfBoundsException", "java.lang.IndexOutOfBoundsException", ...RUNTIME],
      "INVALID_ARRAY_INDEX",
      ArrayIndexOutOfBoundsException,
    ],
    ["org.apache.spark.SparkDateTimeException", ["java.time.DateTimeException", ...RUNTIME], "CANNOT_PARSE_TIMESTAMP", DateTimeException],
    ["org.apache.spark.SparkRuntimeException", RUNTIME, "USER_RAISED_EXCEPTION", SparkRuntimeException],
    [
      "org.apache.spark.SparkNoSuchElementException",
      ["java.util.NoSuchElementException", ...RUNTIME],
      "SQL_CONF_NOT_FOUND",
      SparkNoSuchElementException,
    ],
    ["org.apache.spark.SparkException", ["java.lang.Exception", "java.lang.Throwable"], undefined, SparkException],
    [
      "org.apache.spark.SparkUpgradeException",
      RUNTIME,
      "INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER",
      SparkUpgradeException,
    ],
    [
      "org.apache.spark.SparkUnsupportedOperationException",
      ["java.lang.UnsupportedOperationException", ...RUNTIME],
      "UNSUPPORTED_FEATURE.SET_OPERATION_ON_MAP_TYPE",
      UnsupportedOperationException,
    ],
    [
      "org.apache.spark.sql.streaming.StreamingQueryException",
      ["java.lang.Exception", "java.lang.Throwable"],
      undefined,
      StreamingQueryException,
    ],
    [
      "org.apache.spark.sql.execution.QueryExecutionException",
      ["java.lang.Exception", "java.lang.Throwable"],
      undefined,
      QueryExecutionException,
    ],
    ["org.apache.spark.api.python.PythonException", RUNTIME, undefined, PythonException],
    ["org.apache.spark.sql.connect.common.InvalidPlanInput", RUNTIME, "INTERNAL_ERROR", InvalidPlanInput],
    ["org.apache.spark.SparkSQLException", SQL_EXCEPTION.slice(1), "INVALID_HANDLE.SESSION_CHANGED", SessionChangedError],
    ["org.apache.spark.SparkSQLException", SQL_EXCEPTION.slice(1), "OPERATION_CANCELED", OperationCanceledError],
    ["org.apache.spark.SparkSQLException", SQL_EXCEPTION.slice(1), "INVALID_HANDLE.FORMAT", UnknownException],
    ["java.io.FileNotFoundException", ["java.io.IOException", "java.lang.Exception", "java.lang.Throwable"], undefined, UnknownException],
  ];

  for (const [reason, superclasses, errorClass, expected] of table) {
    it(`makes ${reason}${errorClass === undefined ? "" : ` (${errorClass})`} a ${expected.name}`, () => {
      const captured: Captured = {
        message: errorClass === undefined ? "boom" : `[${errorClass}] boom`,
        reason,
        metadata: {
          classes: hierarchy(reason, ...superclasses),
          ...(errorClass === undefined ? {} : { errorClass, messageParameters: "{}" }),
        },
      };
      const error = toSparkError(failedCall(captured));
      expect(error.constructor).to.equal(expected);
    });
  }

  it("names the Java class in front of the message when no class here stands for it, as PySpark does", () => {
    const error = toSparkError(failedCall(INVALID_HANDLE_FORMAT));
    expect(error).to.be.instanceOf(UnknownException);
    expect(error.message).to.equal(`(org.apache.spark.SparkSQLException) ${INVALID_HANDLE_FORMAT.message}`);
    expect(error.errorClass).to.equal("INVALID_HANDLE.FORMAT");
    expect(error.errorId).to.equal(undefined);
  });

  it("reports a changed server-side session with the server's message", () => {
    const error = toSparkError(failedCall(SESSION_CHANGED));
    expect(error).to.be.instanceOf(SessionChangedError);
    expect(error.message).to.equal(SESSION_CHANGED.message);
    expect(error.messageParameters).to.deep.equal({ handle: "86159fe9-838c-4542-a11c-9cfd61aac35d" });
  });

  it("reports an interrupted operation with the server's message", () => {
    const error = toSparkError(failedCall(OPERATION_CANCELED), { operationId: "1d3cef96-e794-46ce-afe6-43595b97d53a" });
    expect(error).to.be.instanceOf(OperationCanceledError);
    expect(error.message).to.equal("[OPERATION_CANCELED] Operation has been canceled. SQLSTATE: HY008");
    expect(error.sqlState).to.equal("HY008");
    expect(error.operationId).to.equal("1d3cef96-e794-46ce-afe6-43595b97d53a");
  });
});

describe("a server error with its fetched details", () => {
  it("carries the query contexts and the server's stack trace in Java's layout", () => {
    const error = toSparkError(failedCall(DIVIDE_BY_ZERO), { details: DIVIDE_BY_ZERO_DETAILS });
    expect(error).to.be.instanceOf(ArithmeticException);
    expect(error.message).to.equal(DIVIDE_BY_ZERO_MESSAGE.trimEnd());
    expect(error.errorClass).to.equal("DIVIDE_BY_ZERO");
    expect(error.sqlState).to.equal("22012");
    expect(error.messageParameters).to.deep.equal({ config: '"spark.sql.ansi.enabled"' });
    expect(error.queryContexts).to.deep.equal([
      {
        contextType: "SQL",
        objectType: "",
        objectName: "",
        startIndex: 7,
        stopIndex: 9,
        fragment: "1/0",
        callSite: "",
        summary: "== SQL (line 1, position 8) ==\nselect 1/0\n       ^^^\n",
      },
    ]);
    expect(error.serverStackTrace).to.equal(
      "org.apache.spark.SparkArithmeticException\n" +
        "\tat org.apache.spark.sql.errors.QueryExecutionErrors$.divideByZeroError(QueryExecutionErrors.scala:190)\n" +
        "\tat org.apache.spark.sql.catalyst.expressions.DivModLike.eval(arithmetic.scala:734)",
    );
    expect(error.errorId).to.equal("a67fff49-36a2-49b4-b6df-29c018e6302d");
  });

  it("carries the cause chain, each cause a typed error of its own", () => {
    const error = toSparkError(failedCall(MALFORMED_RECORD), { details: MALFORMED_RECORD_DETAILS });
    expect(error).to.be.instanceOf(SparkException);
    expect(error.message).to.equal(MALFORMED_RECORD_MESSAGE);
    expect(error.errorClass).to.equal("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
    const cause = error.cause as SparkConnectError;
    expect(cause).to.be.instanceOf(UnknownException);
    expect(cause.message).to.equal(`(com.fasterxml.jackson.core.JsonParseException) ${JACKSON_MESSAGE}`);
    expect(cause.classHierarchy).to.deep.equal(JACKSON_CLASSES);
    expect(cause.errorClass).to.equal(undefined);
    expect(cause.cause).to.equal(undefined);
    expect(error.serverStackTrace).to.equal(
      "org.apache.spark.SparkException\n" +
        "\tat org.apache.spark.sql.errors.QueryExecutionErrors$.malformedRecordsDetectedInRecordParsingError(QueryExecutionErrors.scala:1617)\n" +
        `Caused by: com.fasterxml.jackson.core.JsonParseException: ${JACKSON_MESSAGE}\n` +
        "\tat com.fasterxml.jackson.core.JsonParser._constructReadException(JsonParser.java:2675)",
    );
    expect(cause.serverStackTrace).to.equal(
      "com.fasterxml.jackson.core.JsonParseException\n\tat com.fasterxml.jackson.core.JsonParser._constructReadException(JsonParser.java:2675)",
    );
  });

  it("shows the full message where the status cut it at 2 KiB", () => {
    const full = `[TABLE_OR_VIEW_NOT_FOUND] The table or view \`nope\` cannot be found. SQLSTATE: 42P01; line 1 pos 3013;\n'Project ['${"x".repeat(3000)}]`;
    const cut = `${full.slice(0, 2045)}...`;
    const error = toSparkError(failedCall({ ...TABLE_NOT_FOUND, message: cut }), {
      details: details([{ errorTypeHierarchy: ["org.apache.spark.sql.AnalysisException"], message: full, stackTrace: [] }]),
    });
    expect(error.message).to.equal(full);
  });

  it("takes the message parameters from the details when the metadata had to leave them out", () => {
    const error = toSparkError(failedCall(variant(CAST_INVALID_INPUT, { errorClass: undefined, messageParameters: undefined })), {
      details: details([
        {
          errorTypeHierarchy: JSON.parse(CAST_INVALID_INPUT.metadata.classes) as string[],
          message: CAST_INVALID_INPUT.message,
          stackTrace: [],
          sparkThrowable: {
            errorClass: "CAST_INVALID_INPUT",
            messageParameters: { expression: "'abc'", sourceType: '"STRING"', targetType: '"INT"' },
            queryContexts: [],
            sqlState: "22018",
          },
        },
      ]),
    });
    expect(error).to.be.instanceOf(NumberFormatException);
    expect(error.errorClass).to.equal("CAST_INVALID_INPUT");
    expect(error.messageParameters).to.include({ expression: "'abc'", targetType: '"INT"' });
  });

  it("carries a DataFrame query context and breaking-change information", () => {
    const error = toSparkError(failedCall(DIVIDE_BY_ZERO), {
      details: details([
        {
          errorTypeHierarchy: ["org.apache.spark.SparkArithmeticException", "java.lang.ArithmeticException"],
          message: "[DIVIDE_BY_ZERO] Division by zero.",
          stackTrace: [],
          sparkThrowable: {
            errorClass: "DIVIDE_BY_ZERO",
            messageParameters: {},
            queryContexts: [
              {
                contextType: ContextType.DATAFRAME,
                objectType: "",
                objectName: "",
                startIndex: 0,
                stopIndex: 0,
                fragment: "divide",
                callSite: "notebook cell 3",
                summary: '== DataFrame ==\n"divide" was called from\nnotebook cell 3\n',
              },
            ],
            sqlState: "22012",
            breakingChangeInfo: {
              migrationMessage: ["Set the config to get the old result."],
              mitigationConfig: { key: "spark.sql.legacy.x", value: "true" },
              needsAudit: false,
            },
          },
        },
      ]),
    });
    expect(error.queryContexts[0]).to.include({ contextType: "DATAFRAME", fragment: "divide", callSite: "notebook cell 3" });
    expect(error.breakingChangeInfo).to.deep.equal({
      migrationMessages: ["Set the config to get the old result."],
      mitigationConfig: { key: "spark.sql.legacy.x", value: "true" },
      needsAudit: false,
    });
  });

  it("relies on the status alone when the details do not know the error (no rootErrorIdx)", () => {
    const error = toSparkError(failedCall(PARSE_ERROR), { details: details([], undefined) });
    expect(error).to.be.instanceOf(ParseException);
    expect(error.errorClass).to.equal("PARSE_SYNTAX_ERROR");
  });

  it("survives a cause index that loops or points nowhere", () => {
    const looping = details([
      { errorTypeHierarchy: ["org.apache.spark.SparkException"], message: "a", stackTrace: [], causeIdx: 1 },
      { errorTypeHierarchy: ["java.io.IOException"], message: "b", stackTrace: [], causeIdx: 0 },
    ]);
    const error = toSparkError(failedCall(MALFORMED_RECORD), { details: looping });
    expect((error.cause as Error).message).to.equal("(java.io.IOException) b");
    expect((error.cause as Error).cause).to.equal(undefined);
    const dangling = details([{ errorTypeHierarchy: ["org.apache.spark.SparkException"], message: "a", stackTrace: [], causeIdx: 7 }]);
    expect(toSparkError(failedCall(MALFORMED_RECORD), { details: dangling }).cause).to.equal(undefined);
  });
});

describe("fetching the details of a server error", () => {
  it("asks the fetcher for the error id and uses its answer", async () => {
    const asked: string[] = [];
    const error = await toSparkErrorWithDetails(failedCall(MALFORMED_RECORD), (id) => {
      asked.push(id);
      return Promise.resolve(MALFORMED_RECORD_DETAILS);
    });
    expect(asked).to.deep.equal(["32397cff-d149-4f7f-9631-290d5735cf6f"]);
    expect(error.cause).to.be.instanceOf(UnknownException);
  });

  it("does not ask when the server kept no details, or for a failure that is not the server's", async () => {
    let asked = 0;
    const fetcher = () => {
      asked++;
      return Promise.resolve(undefined);
    };
    await toSparkErrorWithDetails(failedCall(INVALID_HANDLE_FORMAT), fetcher);
    await toSparkErrorWithDetails(serviceError(GrpcStatus.UNAVAILABLE, "No connection established."), fetcher);
    expect(asked).to.equal(0);
  });

  it("does not ask when the details are given already", async () => {
    const error = await toSparkErrorWithDetails(failedCall(DIVIDE_BY_ZERO), () => Promise.reject(new Error("must not be called")), {
      details: DIVIDE_BY_ZERO_DETAILS,
    });
    expect(error.queryContexts).to.have.length(1);
  });

  it("falls back to the status details when fetching fails, as it did for a reflect() failure", async () => {
    // The server answered FetchErrorDetails for this error with INTERNAL and no message.
    const reflectFailure: Captured = {
      message:
        "Job aborted due to stage failure: Task 0 in stage 5.0 failed 1 times, most recent failure: Lost task 0.0 in stage 5.0 (TID 8) (localhost executor driver): java.lang.reflect.InvocationTargetException",
      reason: "org.apache.spark.SparkException",
      metadata: {
        classes: hierarchy("org.apache.spark.SparkException", "java.lang.Exception", "java.lang.Throwable"),
        errorId: "78244846-b47d-4639-8694-511a9ca46f95",
      },
    };
    const error = await toSparkErrorWithDetails(failedCall(reflectFailure), () => Promise.reject(serviceError(GrpcStatus.INTERNAL, "")));
    expect(error).to.be.instanceOf(SparkException);
    expect(error.message).to.equal(reflectFailure.message);
    expect(error.errorClass).to.equal(undefined);
    expect(error.errorId).to.equal("78244846-b47d-4639-8694-511a9ca46f95");
  });
});

describe("errors of a chain that came without a failed call", () => {
  it("are built from the errors and the root index, as observed metrics carry them", () => {
    const error = errorFromErrorChain(MALFORMED_RECORD_DETAILS.errors, 0);
    expect(error).to.be.instanceOf(SparkException);
    expect(error?.errorClass).to.equal("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
    expect(error?.grpcCode).to.equal(undefined);
    expect(error?.cause).to.be.instanceOf(UnknownException);
  });

  it("are absent when the root index points at no error", () => {
    expect(errorFromErrorChain(MALFORMED_RECORD_DETAILS.errors, 5)).to.equal(undefined);
    expect(errorFromErrorChain([], 0)).to.equal(undefined);
  });
});

describe("errors of the connection", () => {
  const TOKEN = "tok-5e6f7a8b9c0d";
  const refused = "No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:1. Resolution note: ";

  it("name the address of an unreachable server and what went wrong", () => {
    const connection = parseConnectionString("sc://127.0.0.1:1");
    const error = toSparkError(serviceError(GrpcStatus.UNAVAILABLE, refused), { connection });
    expect(error).to.be.instanceOf(SparkConnectionError);
    expect(error.message).to.equal(
      "Cannot reach the Spark Connect server at 127.0.0.1:1 (plain text): No connection established. " +
        "Last error: Error: connect ECONNREFUSED 127.0.0.1:1. Is the server running, and are host and port right?",
    );
    expect((error as SparkConnectionError).address).to.equal("127.0.0.1:1");
    expect(error.grpcCode).to.equal(GrpcStatus.UNAVAILABLE);
  });

  it("ask whether the server speaks TLS when the connection uses it", () => {
    const connection = parseConnectionString(`sc://spark.example.com:443/;token=${TOKEN}`);
    const error = toSparkError(serviceError(GrpcStatus.UNAVAILABLE, "write EPROTO"), { connection });
    expect(error.message).to.include("at spark.example.com:443 (TLS)").and.to.include("does it speak TLS?");
  });

  it("never show the token, however they are printed", () => {
    const connection = parseConnectionString(`sc://127.0.0.1:1/;token=${TOKEN}`);
    const errors = [
      toSparkError(serviceError(GrpcStatus.UNAVAILABLE, refused), { connection }),
      toSparkError(serviceError(GrpcStatus.UNAUTHENTICATED, "Invalid authentication token"), { connection }),
      toSparkError(serviceError(GrpcStatus.DEADLINE_EXCEEDED, "Deadline exceeded"), { connection }),
    ];
    for (const error of errors) {
      for (const rendering of [error.message, String(error.stack), inspect(error, { depth: 10 }), JSON.stringify(error)]) {
        expect(rendering).not.to.include(TOKEN);
      }
    }
  });

  it("say that the server wants a token when the connection has none", () => {
    const connection = parseConnectionString("sc://localhost:15002");
    const error = toSparkError(serviceError(GrpcStatus.UNAUTHENTICATED, "No authentication token provided"), { connection });
    expect(error).to.be.instanceOf(SparkAuthenticationError);
    expect(error.message).to.equal(
      "The Spark Connect server at localhost:15002 refused the call (UNAUTHENTICATED): No authentication token provided. " +
        "The connection string has no token: add ;token=… to it.",
    );
  });

  it("ask to check the token when the server refused it", () => {
    const connection = parseConnectionString(`sc://localhost:15002/;token=${TOKEN}`);
    const error = toSparkError(serviceError(GrpcStatus.UNAUTHENTICATED, "Invalid authentication token"), { connection });
    expect(error).to.be.instanceOf(SparkAuthenticationError);
    expect(error.message).to.include("Invalid authentication token.").and.to.include("Check the token");
  });

  it("report a call cancelled by this client as a cancelled operation", () => {
    const error = toSparkError(serviceError(GrpcStatus.CANCELLED, "Cancelled on client"), { operationId: "op-7" });
    expect(error).to.be.instanceOf(OperationCanceledError);
    expect(error.errorClass).to.equal("OPERATION_CANCELED");
    expect(error.grpcCode).to.equal(GrpcStatus.CANCELLED);
    expect(error.operationId).to.equal("op-7");
  });

  it("say which limit an oversized message broke and how to raise it", () => {
    const connection = parseConnectionString("sc://localhost");
    const error = toSparkError(serviceError(GrpcStatus.RESOURCE_EXHAUSTED, "Received message larger than max (200000000 vs 134217728)"), {
      connection,
    });
    expect(error.message).to.include("(now 134217728 bytes)").and.to.include(";grpc_max_message_size=");
  });

  it("name the gRPC status of any other failure without Spark's details", () => {
    const error = toSparkError(serviceError(GrpcStatus.INTERNAL, "Request message serialization failure: bad"));
    expect(error.constructor).to.equal(SparkConnectError);
    expect(error.message).to.equal("INTERNAL: Request message serialization failure: bad");
    expect(error.grpcCode).to.equal(GrpcStatus.INTERNAL);
  });
});

describe("what toSparkError does with other values", () => {
  it("returns a SparkConnectError as it is", () => {
    const error = new AnalysisException("x");
    expect(toSparkError(error)).to.equal(error);
  });

  it("wraps any other error, keeping it as the cause", () => {
    const original = new TypeError("bad");
    const error = toSparkError(original);
    expect(error.constructor).to.equal(SparkConnectError);
    expect(error.message).to.equal("bad");
    expect(error.cause).to.equal(original);
  });
});

describe("the error hierarchy", () => {
  const hierarchyTable: Array<[SparkConnectErrorClass, Array<abstract new (...args: never[]) => unknown>]> = [
    [ParseException, [AnalysisException, SparkConnectError, Error]],
    [TempTableAlreadyExistsException, [AnalysisException, SparkConnectError, Error]],
    [NumberFormatException, [IllegalArgumentException, SparkConnectError, Error]],
    [AnalysisException, [SparkConnectError, Error]],
    [ArithmeticException, [SparkConnectError]],
    [ArrayIndexOutOfBoundsException, [SparkConnectError]],
    [DateTimeException, [SparkConnectError]],
    [SparkRuntimeException, [SparkConnectError]],
    [SparkUpgradeException, [SparkConnectError]],
    [SparkNoSuchElementException, [SparkConnectError]],
    [StreamingQueryException, [SparkConnectError]],
    [QueryExecutionException, [SparkConnectError]],
    [UnknownException, [SparkConnectError]],
    [SessionChangedError, [SparkConnectError]],
    [OperationCanceledError, [SparkConnectError]],
    [SparkConnectionError, [SparkConnectError]],
    [SparkAuthenticationError, [SparkConnectError]],
  ];

  for (const [Class, ancestors] of hierarchyTable) {
    it(`makes every ${Class.name} a ${ancestors.map((a) => a.name).join(", ")}`, () => {
      const error = new Class("x");
      for (const ancestor of ancestors) expect(error).to.be.instanceOf(ancestor);
      expect(error.name).to.equal(Class.name);
    });
  }

  it("keeps apart what is not related", () => {
    expect(new ArithmeticException("x")).not.to.be.instanceOf(AnalysisException);
    expect(new AnalysisException("x")).not.to.be.instanceOf(ParseException);
    expect(new IllegalArgumentException("x")).not.to.be.instanceOf(NumberFormatException);
  });

  it("makes InvalidConnectionStringError a SparkConnectError too", () => {
    expect(new InvalidConnectionStringError("x")).to.be.instanceOf(SparkConnectError);
  });

  it("freezes the structured facts", () => {
    const error = toSparkError(failedCall(DIVIDE_BY_ZERO), { details: DIVIDE_BY_ZERO_DETAILS });
    expect(Object.isFrozen(error.messageParameters)).to.equal(true);
    expect(Object.isFrozen(error.queryContexts)).to.equal(true);
    expect(Object.isFrozen(error.queryContexts[0])).to.equal(true);
    expect(Object.isFrozen(error.classHierarchy)).to.equal(true);
  });

  it("shows only the facts it has when inspected", () => {
    const shown = inspect(new AnalysisException("x", { errorClass: "E" }));
    expect(shown).to.include("errorClass: 'E'");
    expect(shown).not.to.include("undefined");
  });
});

describe("a session that changed under the client", () => {
  it("is reported like the server reports it, naming both server-side sessions", () => {
    const error = SessionChangedError.mismatch({
      sessionId: "e2ff9186-a608-4e0c-967d-b8a6664a86bd",
      observed: "ccc16e9c-7e6a-4cac-87bf-e5102e778355",
      received: "0b9d7c1e-0000-4000-8000-000000000001",
    });
    expect(error).to.be.instanceOf(SessionChangedError);
    expect(error.errorClass).to.equal("INVALID_HANDLE.SESSION_CHANGED");
    expect(error.sqlState).to.equal("08003");
    expect(error.messageParameters).to.deep.equal({ handle: "e2ff9186-a608-4e0c-967d-b8a6664a86bd" });
    expect(error.message).to.equal(
      "[INVALID_HANDLE.SESSION_CHANGED] The handle e2ff9186-a608-4e0c-967d-b8a6664a86bd is invalid. " +
        "The existing Spark server driver instance has restarted (server-side session " +
        "ccc16e9c-7e6a-4cac-87bf-e5102e778355 is now 0b9d7c1e-0000-4000-8000-000000000001). Please reconnect. SQLSTATE: 08003",
    );
  });
});
