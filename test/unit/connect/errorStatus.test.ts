import { expect } from "chai";
import { describe, it } from "mocha";
import { Metadata, status as GrpcStatus, type ServiceError } from "@grpc/grpc-js";
import { errorIdOf, isServiceError, readErrorStatus, STATUS_DETAILS_TRAILER } from "../../../src/connect/errors/statusDetails";
import { ErrorInfo, RetryInfo } from "../../../src/gen/google/rpc/error_details";
import { Status } from "../../../src/gen/google/rpc/status";

// The `grpc-status-details-bin` trailer exactly as a Spark 4.3.0 server sent it for `SELEC 1`
// (an ExecutePlan of a SQL relation), base64.
const PARSE_ERROR_TRAILER =
  "CA0SbgpbUEFSU0VfU1lOVEFYX0VSUk9SXSBTeW50YXggZXJyb3IgYXQgb3IgbmVhciAnU0VMRUMnLiBTUUxTVEFURTogNDI2MDEgKGxpbmUgMSwgcG9zIDApCgo9PSBTUUwgPT0KU0VMRUMgMQpeXl4KGrwDCih0eXBlLmdvb2dsZWFwaXMuY29tL2dvb2dsZS5ycGMuRXJyb3JJbmZvEo8DCjNvcmcuYXBhY2hlLnNwYXJrLnNxbC5jYXRhbHlzdC5wYXJzZXIuUGFyc2VFeGNlcHRpb24SEG9yZy5hcGFjaGUuc3BhcmsaqwEKB2NsYXNzZXMSnwFbIm9yZy5hcGFjaGUuc3Bhcmsuc3FsLmNhdGFseXN0LnBhcnNlci5QYXJzZUV4Y2VwdGlvbiIsIm9yZy5hcGFjaGUuc3Bhcmsuc3FsLkFuYWx5c2lzRXhjZXB0aW9uIiwiamF2YS5sYW5nLkV4Y2VwdGlvbiIsImphdmEubGFuZy5UaHJvd2FibGUiLCJqYXZhLmxhbmcuT2JqZWN0Il0aEQoIc3FsU3RhdGUSBTQyNjAxGiAKCmVycm9yQ2xhc3MSElBBUlNFX1NZTlRBWF9FUlJPUhoyChFtZXNzYWdlUGFyYW1ldGVycxIdeyJlcnJvciI6IidTRUxFQyciLCJoaW50IjoiIn0aLwoHZXJyb3JJZBIkNWRmNjU1M2QtYWE2Yy00Y2YzLWE0MGEtNmIxYjY1MWY0Mjgy";

function serviceError(code: GrpcStatus, details: string, trailer?: Buffer): ServiceError {
  const metadata = new Metadata();
  if (trailer !== undefined) metadata.set(STATUS_DETAILS_TRAILER, trailer);
  return Object.assign(new Error(`${code} ${GrpcStatus[code]}: ${details}`), { code, details, metadata });
}

function statusBytes(status: Status): Buffer {
  return Buffer.from(Status.encode(status).finish());
}

describe("reading the status a Spark server attaches to a failed call", () => {
  it("decodes the trailer a Spark 4.3.0 server sent for a parse error", () => {
    const read = readErrorStatus(serviceError(GrpcStatus.INTERNAL, "…", Buffer.from(PARSE_ERROR_TRAILER, "base64")));
    expect(read?.status.code).to.equal(GrpcStatus.INTERNAL);
    expect(read?.status.message).to.equal(
      "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==\nSELEC 1\n^^^\n",
    );
    expect(read?.errorInfo).to.deep.equal({
      reason: "org.apache.spark.sql.catalyst.parser.ParseException",
      domain: "org.apache.spark",
      metadata: {
        classes:
          '["org.apache.spark.sql.catalyst.parser.ParseException","org.apache.spark.sql.AnalysisException",' +
          '"java.lang.Exception","java.lang.Throwable","java.lang.Object"]',
        sqlState: "42601",
        errorClass: "PARSE_SYNTAX_ERROR",
        messageParameters: '{"error":"\'SELEC\'","hint":""}',
        errorId: "5df6553d-aa6c-4cf3-a40a-6b1b651f4282",
      },
    });
    expect(read?.retryInfo).to.equal(undefined);
  });

  it("finds the RetryInfo a server adds to errors that are safe to retry", () => {
    const status: Status = {
      code: GrpcStatus.INTERNAL,
      message: "retry me",
      details: [
        {
          typeUrl: "type.googleapis.com/google.rpc.ErrorInfo",
          value: Buffer.from(ErrorInfo.encode({ reason: "x", domain: "org.apache.spark", metadata: {} }).finish()),
        },
        { typeUrl: "type.googleapis.com/google.rpc.RetryInfo", value: Buffer.from(RetryInfo.encode({}).finish()) },
      ],
    };
    const read = readErrorStatus(serviceError(GrpcStatus.INTERNAL, "retry me", statusBytes(status)));
    expect(read?.errorInfo?.reason).to.equal("x");
    expect(read?.retryInfo).to.deep.equal({ retryDelay: undefined });
  });

  it("finds nothing on a failure without the trailer, such as an unreachable server", () => {
    expect(readErrorStatus(serviceError(GrpcStatus.UNAVAILABLE, "No connection established."))).to.equal(undefined);
  });

  it("finds nothing, rather than failing, when the trailer does not decode", () => {
    expect(readErrorStatus(serviceError(GrpcStatus.INTERNAL, "x", Buffer.from([0xff, 0xff, 0xff])))).to.equal(undefined);
  });

  it("finds nothing in what is not a gRPC error", () => {
    expect(readErrorStatus(new Error("plain"))).to.equal(undefined);
    expect(readErrorStatus({ code: 13, metadata: {} })).to.equal(undefined);
    expect(readErrorStatus(undefined)).to.equal(undefined);
  });

  it("tells a grpc-js ServiceError from other errors", () => {
    expect(isServiceError(serviceError(GrpcStatus.INTERNAL, "x"))).to.equal(true);
    expect(isServiceError(new Error("x"))).to.equal(false);
    expect(isServiceError({ code: 13, details: "x", metadata: new Metadata() })).to.equal(false);
  });
});

describe("the id of a server error", () => {
  it("is the errorId of the ErrorInfo, for FetchErrorDetails", () => {
    const error = serviceError(GrpcStatus.INTERNAL, "…", Buffer.from(PARSE_ERROR_TRAILER, "base64"));
    expect(errorIdOf(error)).to.equal("5df6553d-aa6c-4cf3-a40a-6b1b651f4282");
  });

  it("is absent when the server kept no details (e.g. it did not find the session)", () => {
    // What the server sent for a request with session id "not-a-uuid": no errorId.
    const status: Status = {
      code: GrpcStatus.INTERNAL,
      message: "[INVALID_HANDLE.FORMAT] …",
      details: [
        {
          typeUrl: "type.googleapis.com/google.rpc.ErrorInfo",
          value: Buffer.from(
            ErrorInfo.encode({
              reason: "org.apache.spark.SparkSQLException",
              domain: "org.apache.spark",
              metadata: { sqlState: "HY000", errorClass: "INVALID_HANDLE.FORMAT" },
            }).finish(),
          ),
        },
      ],
    };
    expect(errorIdOf(serviceError(GrpcStatus.INTERNAL, "…", statusBytes(status)))).to.equal(undefined);
    expect(errorIdOf(serviceError(GrpcStatus.UNAVAILABLE, "down"))).to.equal(undefined);
  });
});
