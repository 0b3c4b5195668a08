import { expect } from "chai";
import { describe, it } from "mocha";
import { Metadata, status as GrpcStatus, type ServiceError } from "@grpc/grpc-js";
import { STATUS_DETAILS_TRAILER } from "../../../src/connect/errors/statusDetails";
import {
  Backoff,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  NO_RETRIES,
  serverRetryDelayMs,
  withRetries,
  type RetryEnvironment,
  type RetryPolicy,
} from "../../../src/connect/retryPolicy";
import { ErrorInfo, RetryInfo } from "../../../src/gen/google/rpc/error_details";
import { Status } from "../../../src/gen/google/rpc/status";

function serviceError(code: GrpcStatus, details: string, extra: { errorClass?: string; retryDelayMs?: number } = {}): ServiceError {
  const metadata = new Metadata();
  const statusDetails = [];
  if (extra.errorClass !== undefined) {
    const info = ErrorInfo.encode({
      reason: "org.apache.spark.SparkSQLException",
      domain: "org.apache.spark",
      metadata: { errorClass: extra.errorClass },
    });
    statusDetails.push({ typeUrl: "type.googleapis.com/google.rpc.ErrorInfo", value: Buffer.from(info.finish()) });
  }
  if (extra.retryDelayMs !== undefined) {
    const delay = { seconds: BigInt(Math.floor(extra.retryDelayMs / 1000)), nanos: (extra.retryDelayMs % 1000) * 1_000_000 };
    const info = RetryInfo.encode({ retryDelay: delay });
    statusDetails.push({ typeUrl: "type.googleapis.com/google.rpc.RetryInfo", value: Buffer.from(info.finish()) });
  }
  if (statusDetails.length > 0) {
    metadata.set(STATUS_DETAILS_TRAILER, Buffer.from(Status.encode({ code, message: details, details: statusDetails }).finish()));
  }
  return Object.assign(new Error(`${code} ${GrpcStatus[code]}: ${details}`), { code, details, metadata });
}

const unavailable = () => serviceError(GrpcStatus.UNAVAILABLE, "Connection dropped");

/** Records the waits instead of waiting, and rolls the dice as told. */
function fakeTime(random = () => 0): RetryEnvironment & { waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    random,
    sleep: (ms, signal) => {
      waits.push(ms);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a sleep rejects with the signal's reason, whatever the caller aborted with.
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
  };
}

function schedule(policy: RetryPolicy, random = () => 0, error?: unknown): (number | undefined)[] {
  const backoff = new Backoff(policy, random);
  return Array.from({ length: policy.maxRetries + 1 }, () => backoff.next(error));
}

describe("the default retry policy", () => {
  it("is PySpark's: 15 retries from 50 ms, growing fourfold up to 60 s", () => {
    expect(schedule(DEFAULT_RETRY_POLICY)).to.deep.equal([
      50,
      200,
      800,
      3200,
      12800,
      51200,
      60000,
      60000,
      60000,
      60000,
      60000,
      60000,
      60000,
      60000,
      60000,
      undefined,
    ]);
  });

  it("waits at least ten minutes in all before giving up", () => {
    const total = schedule(DEFAULT_RETRY_POLICY).reduce<number>((sum, wait) => sum + (wait ?? 0), 0);
    expect(total).to.be.at.least(10 * 60 * 1000);
  });

  it("adds jitter of up to 500 ms, and only to waits of 2 s or more", () => {
    const low = schedule(DEFAULT_RETRY_POLICY, () => 0);
    const high = schedule(DEFAULT_RETRY_POLICY, () => 0.999999);
    const added = high.map((wait, i) => (wait ?? 0) - (low[i] ?? 0));
    expect(added.slice(0, 3)).to.deep.equal([0, 0, 0]);
    for (const extra of added.slice(3, 15)) expect(extra).to.be.within(499, 500);
  });

  it("is frozen, so a caller changes it only by making a policy of its own", () => {
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY)).to.equal(true);
    const patient: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: 2, maxBackoffMs: 100 };
    expect(schedule(patient)).to.deep.equal([50, 100, undefined]);
  });
});

describe("which errors are retried", () => {
  it("retries UNAVAILABLE: the connection dropped or is not there yet", () => {
    expect(isRetryable(unavailable(), DEFAULT_RETRY_POLICY)).to.equal(true);
  });

  it("retries a stream another call took over (INVALID_CURSOR.DISCONNECTED)", () => {
    const error = serviceError(GrpcStatus.INTERNAL, "[INVALID_CURSOR.DISCONNECTED] The cursor has been disconnected", {
      errorClass: "INVALID_CURSOR.DISCONNECTED",
    });
    expect(isRetryable(error, DEFAULT_RETRY_POLICY)).to.equal(true);
  });

  it("retries any error the server marks with a RetryInfo", () => {
    const error = serviceError(GrpcStatus.INTERNAL, "busy", { errorClass: "SOMETHING_TRANSIENT", retryDelayMs: 0 });
    expect(isRetryable(error, DEFAULT_RETRY_POLICY)).to.equal(true);
    expect(isRetryable(error, { ...DEFAULT_RETRY_POLICY, retryWhenServerSaysSo: false })).to.equal(false);
  });

  it("retries a call this side's HTTP/2 stack ended (INTERNAL, triggered by an internal client error), as UNAVAILABLE", () => {
    const error = serviceError(GrpcStatus.INTERNAL, "Received RST_STREAM with code 2 triggered by internal client error: Protocol error");
    expect(isRetryable(error, DEFAULT_RETRY_POLICY)).to.equal(true);
    expect(isRetryable(error, { ...DEFAULT_RETRY_POLICY, retryableCodes: [] })).to.equal(false);
  });

  it("does not retry a query's own errors, a cancellation, a deadline or a non-gRPC error", () => {
    const errors = [
      serviceError(GrpcStatus.INTERNAL, "[DIVIDE_BY_ZERO] Division by zero.", { errorClass: "DIVIDE_BY_ZERO" }),
      serviceError(GrpcStatus.INTERNAL, "Received RST_STREAM with code 2 (Internal server error)"),
      serviceError(GrpcStatus.CANCELLED, "Cancelled on client"),
      serviceError(GrpcStatus.DEADLINE_EXCEEDED, "Deadline exceeded"),
      serviceError(GrpcStatus.UNAUTHENTICATED, "no token"),
      new Error("UNAVAILABLE"),
    ];
    for (const error of errors) expect(isRetryable(error, DEFAULT_RETRY_POLICY), String(error)).to.equal(false);
  });
});

describe("the server's RetryInfo delay", () => {
  it("is read in milliseconds", () => {
    expect(serverRetryDelayMs(serviceError(GrpcStatus.INTERNAL, "x", { retryDelayMs: 1500 }))).to.equal(1500);
    expect(serverRetryDelayMs(unavailable())).to.equal(undefined);
  });

  it("lengthens a shorter backoff, even beyond the cap", () => {
    const error = serviceError(GrpcStatus.INTERNAL, "x", { retryDelayMs: 90_000 });
    const backoff = new Backoff({ ...DEFAULT_RETRY_POLICY, jitterMs: 0 }, () => 0);
    expect(backoff.next(error)).to.equal(90_000);
  });

  it("never shortens the backoff", () => {
    const backoff = new Backoff(DEFAULT_RETRY_POLICY, () => 0);
    backoff.next();
    backoff.next();
    expect(backoff.next(serviceError(GrpcStatus.INTERNAL, "x", { retryDelayMs: 10 }))).to.equal(800);
  });

  it("is capped at ten minutes, and ignored when the policy says so", () => {
    const error = serviceError(GrpcStatus.INTERNAL, "x", { retryDelayMs: 3_600_000 });
    expect(new Backoff({ ...DEFAULT_RETRY_POLICY, jitterMs: 0 }).next(error)).to.equal(600_000);
    expect(new Backoff({ ...DEFAULT_RETRY_POLICY, recognizeServerRetryDelay: false }).next(error)).to.equal(50);
  });
});

describe("withRetries", () => {
  it("tries again after each retryable failure, waiting as the policy says, and returns the first success", async () => {
    const time = fakeTime();
    let calls = 0;
    const result = await withRetries(
      (attempt) => {
        calls += 1;
        return attempt < 3 ? Promise.reject(unavailable()) : Promise.resolve("done");
      },
      DEFAULT_RETRY_POLICY,
      undefined,
      { environment: time },
    );
    expect(result).to.equal("done");
    expect(calls).to.equal(4);
    expect(time.waits).to.deep.equal([50, 200, 800]);
  });

  it("throws the last error once the retries are used up", async () => {
    const time = fakeTime();
    const errors: ServiceError[] = [];
    const failure = await withRetries(
      () => {
        const error = unavailable();
        errors.push(error);
        return Promise.reject(error);
      },
      { ...DEFAULT_RETRY_POLICY, maxRetries: 3 },
      undefined,
      { environment: time },
    ).catch((e: unknown) => e);
    expect(errors).to.have.length(4);
    expect(failure).to.equal(errors[3]);
  });

  it("throws an error that is not retryable at once", async () => {
    const time = fakeTime();
    const error = serviceError(GrpcStatus.INVALID_ARGUMENT, "bad");
    const failure = await withRetries(() => Promise.reject(error), DEFAULT_RETRY_POLICY, undefined, { environment: time }).catch(
      (e: unknown) => e,
    );
    expect(failure).to.equal(error);
    expect(time.waits).to.deep.equal([]);
  });

  it("never retries with NO_RETRIES", async () => {
    let calls = 0;
    const failure = await withRetries(() => {
      calls += 1;
      return Promise.reject(unavailable());
    }, NO_RETRIES).catch((e: unknown) => e);
    expect(calls).to.equal(1);
    expect((failure as ServiceError).code).to.equal(GrpcStatus.UNAVAILABLE);
  });

  it("stops waiting as soon as the signal aborts, with the signal's reason, on the real clock", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    let calls = 0;
    const started = Date.now();
    const pending = withRetries(
      () => {
        calls += 1;
        return Promise.reject(unavailable());
      },
      { ...DEFAULT_RETRY_POLICY, initialBackoffMs: 60_000 },
      controller.signal,
    );
    setTimeout(() => controller.abort(reason), 20);
    expect(await pending.catch((e: unknown) => e)).to.equal(reason);
    expect(calls).to.equal(1);
    expect(Date.now() - started).to.be.below(5_000);
  });

  it("does not start when the signal has already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("before"));
    let calls = 0;
    const failure = await withRetries(() => Promise.resolve((calls += 1)), DEFAULT_RETRY_POLICY, controller.signal).catch(
      (e: unknown) => e,
    );
    expect((failure as Error).message).to.equal("before");
    expect(calls).to.equal(0);
  });
});
