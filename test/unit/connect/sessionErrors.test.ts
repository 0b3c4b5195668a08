import { expect } from "chai";
import { describe, it } from "mocha";
import { Metadata, status as GrpcStatus, type ServiceError } from "@grpc/grpc-js";
import { OperationLostError, SessionChangedError, SessionClosedError, SparkConnectError, toSparkError } from "../../../src/connect/errors";
import { STATUS_DETAILS_TRAILER } from "../../../src/connect/errors/statusDetails";
import { ErrorInfo } from "../../../src/gen/google/rpc/error_details";
import { Status } from "../../../src/gen/google/rpc/status";

// What a Spark 4.3 server reports for a handle it does not know: a SparkSQLException with the
// INVALID_HANDLE condition in its ErrorInfo.
function invalidHandle(errorClass: string, handle: string): ServiceError {
  const message = `[${errorClass}] The handle ${handle} is invalid. SQLSTATE: HY000`;
  const info = ErrorInfo.encode({
    reason: "org.apache.spark.SparkSQLException",
    domain: "org.apache.spark",
    metadata: {
      classes: '["org.apache.spark.SparkSQLException","java.sql.SQLException","java.lang.Exception"]',
      errorClass,
      sqlState: "HY000",
      messageParameters: JSON.stringify({ handle }),
    },
  });
  const details = [{ typeUrl: "type.googleapis.com/google.rpc.ErrorInfo", value: Buffer.from(info.finish()) }];
  const metadata = new Metadata();
  metadata.set(STATUS_DETAILS_TRAILER, Buffer.from(Status.encode({ code: GrpcStatus.INTERNAL, message, details }).finish()));
  return Object.assign(new Error(message), { code: GrpcStatus.INTERNAL, details: message, metadata });
}

describe("errors about a session the server no longer has", () => {
  for (const errorClass of ["INVALID_HANDLE.SESSION_CLOSED", "INVALID_HANDLE.SESSION_NOT_FOUND"]) {
    it(`turns ${errorClass} into a SessionClosedError, which is also a SessionChangedError`, () => {
      const error = toSparkError(invalidHandle(errorClass, "9d4a3b1e-0000-4000-8000-000000000001"));
      expect(error).to.be.instanceOf(SessionClosedError);
      expect(error).to.be.instanceOf(SessionChangedError);
      expect(error.errorClass).to.equal(errorClass);
      expect(error.messageParameters).to.deep.equal({ handle: "9d4a3b1e-0000-4000-8000-000000000001" });
      expect(error.message).to.include(errorClass);
    });
  }
});

describe("errors about an operation the server no longer has", () => {
  for (const errorClass of ["INVALID_HANDLE.OPERATION_NOT_FOUND", "INVALID_HANDLE.OPERATION_ABANDONED"]) {
    it(`turns ${errorClass} into an OperationLostError`, () => {
      const error = toSparkError(invalidHandle(errorClass, "op-7"));
      expect(error).to.be.instanceOf(OperationLostError);
      expect(error).to.be.instanceOf(SparkConnectError);
      expect(error.errorClass).to.equal(errorClass);
    });
  }

  it("says, when a broken result cannot be resumed, which operation was lost and what to do", () => {
    const cause = invalidHandle("INVALID_HANDLE.OPERATION_ABANDONED", "op-7");
    const error = OperationLostError.onReattach("op-7", "INVALID_HANDLE.OPERATION_ABANDONED", cause);
    expect(error.message).to.equal(
      "[INVALID_HANDLE.OPERATION_ABANDONED] The result stream of operation op-7 broke and cannot be resumed: " +
        "the server abandoned it while the client was away. Run the query again.",
    );
    expect(error.operationId).to.equal("op-7");
    expect(error.cause).to.equal(cause);
  });
});
