// The decisions of a reattachable execution for the cases the shared test server cannot be made to
// produce on demand (a stream the server ends early on purpose, an operation it lost). Breaks by a
// real network against the real server are in test/integration/connect/reattach.test.ts.
import { expect } from "chai";
import { describe, it } from "mocha";
import { Metadata, status as GrpcStatus, type ServiceError } from "@grpc/grpc-js";
import { OperationCanceledError, OperationLostError, SparkConnectError } from "../../../src/connect/errors";
import { STATUS_DETAILS_TRAILER } from "../../../src/connect/errors/statusDetails";
import { reattachableExecute, type ExecutionCalls, type ResponseStream } from "../../../src/connect/reattachableExecution";
import { DEFAULT_RETRY_POLICY, type RetryEnvironment } from "../../../src/connect/retryPolicy";
import { ErrorInfo } from "../../../src/gen/google/rpc/error_details";
import { Status } from "../../../src/gen/google/rpc/status";
import type { ExecutePlanRequest, ExecutePlanResponse, ReleaseExecuteRequest } from "../../../src/gen/spark/connect/base";

const REQUEST: ExecutePlanRequest = {
  sessionId: "s",
  operationId: "op-1",
  requestOptions: [{ requestOption: { $case: "reattachOptions", reattachOptions: { reattachable: true } } }],
  tags: [],
};

function response(id: number | "done"): ExecutePlanResponse {
  return {
    sessionId: "s",
    serverSideSessionId: "ss",
    operationId: "op-1",
    responseId: `r${id}`,
    ...(id === "done" ? { responseType: { $case: "resultComplete", resultComplete: {} } } : {}),
    metrics: undefined,
    observedMetrics: [],
  };
}

function serviceError(code: GrpcStatus, errorClass?: string): ServiceError {
  const metadata = new Metadata();
  const message = errorClass === undefined ? "Connection dropped" : `[${errorClass}] The handle op-1 is invalid.`;
  if (errorClass !== undefined) {
    const info = ErrorInfo.encode({ reason: "org.apache.spark.SparkSQLException", domain: "org.apache.spark", metadata: { errorClass } });
    const details = [{ typeUrl: "type.googleapis.com/google.rpc.ErrorInfo", value: Buffer.from(info.finish()) }];
    metadata.set(STATUS_DETAILS_TRAILER, Buffer.from(Status.encode({ code, message, details }).finish()));
  }
  return Object.assign(new Error(message), { code, details: message, metadata });
}

/** One scripted stream: its responses, then an error or a plain end. */
type Script = { responses: ExecutePlanResponse[]; error?: ServiceError };

/** Calls that play scripted streams in order and record what the execution asked for. */
function scriptedCalls(scripts: Script[]) {
  const log: string[] = [];
  const releases: NonNullable<ReleaseExecuteRequest["release"]>[] = [];
  let cancelled = 0;
  const play = (what: string): ResponseStream => {
    log.push(what);
    const script = scripts.shift();
    if (script === undefined) throw new Error(`no script left for ${what}`);
    return {
      cancel: () => void (cancelled += 1),
      // eslint-disable-next-line @typescript-eslint/require-await -- a response stream is async by contract; the scripted responses are at hand.
      async *[Symbol.asyncIterator]() {
        for (const r of script.responses) yield r;
        if (script.error) throw script.error;
      },
    };
  };
  const calls: ExecutionCalls = {
    executePlan: () => play("execute"),
    reattachExecute: (last) => play(`reattach after ${last ?? "nothing"}`),
    releaseExecute: (release) => void releases.push(release),
  };
  return { calls, log, releases, cancelled: () => cancelled };
}

const noWait: RetryEnvironment = { sleep: () => Promise.resolve(), random: () => 0 };

async function drain(source: AsyncIterable<ExecutePlanResponse>): Promise<string[]> {
  const ids: string[] = [];
  for await (const r of source) ids.push(r.responseId);
  return ids;
}

describe("a reattachable execution", () => {
  it("reattaches after the last response when the server ends the stream before ResultComplete", async () => {
    const { calls, log } = scriptedCalls([
      { responses: [response(1), response(2)] },
      { responses: [response(3)] },
      { responses: [response("done")] },
    ]);
    const ids = await drain(reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, environment: noWait }));
    expect(ids).to.deep.equal(["r1", "r2", "r3", "rdone"]);
    expect(log).to.deep.equal(["execute", "reattach after r2", "reattach after r3"]);
  });

  it("reattaches from the start when the stream broke before any response", async () => {
    const { calls, log } = scriptedCalls([
      { responses: [], error: serviceError(GrpcStatus.UNAVAILABLE) },
      { responses: [response(1), response("done")] },
    ]);
    expect(await drain(reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, environment: noWait }))).to.deep.equal([
      "r1",
      "rdone",
    ]);
    expect(log).to.deep.equal(["execute", "reattach after nothing"]);
  });

  it("sends the plan again only when the server never saw it", async () => {
    const { calls, log } = scriptedCalls([
      { responses: [], error: serviceError(GrpcStatus.UNAVAILABLE) },
      { responses: [], error: serviceError(GrpcStatus.INTERNAL, "INVALID_HANDLE.OPERATION_NOT_FOUND") },
      { responses: [response(1), response("done")] },
    ]);
    await drain(reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, environment: noWait }));
    expect(log).to.deep.equal(["execute", "reattach after nothing", "execute"]);
  });

  for (const errorClass of ["INVALID_HANDLE.OPERATION_NOT_FOUND", "INVALID_HANDLE.OPERATION_ABANDONED"]) {
    it(`fails with OperationLostError when the server answers a reattach with ${errorClass} after responses came`, async () => {
      const { calls, log, releases } = scriptedCalls([
        { responses: [response(1)], error: serviceError(GrpcStatus.UNAVAILABLE) },
        { responses: [], error: serviceError(GrpcStatus.INTERNAL, errorClass) },
      ]);
      const error = await drain(reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, environment: noWait })).catch(
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(OperationLostError);
      expect((error as OperationLostError).errorClass).to.equal(errorClass);
      expect((error as OperationLostError).operationId).to.equal("op-1");
      expect((error as Error).message).to.match(/Run the query again/);
      expect(log).to.deep.equal(["execute", "reattach after r1"]);
      expect(releases.at(-1)).to.deep.equal({ $case: "releaseAll", releaseAll: {} });
    });
  }

  it("passes a query's own error through at once, and releases the operation", async () => {
    const failure = serviceError(GrpcStatus.INTERNAL, "DIVIDE_BY_ZERO");
    const { calls, log, releases } = scriptedCalls([{ responses: [response(1)], error: failure }]);
    const error = await drain(reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, environment: noWait })).catch(
      (e: unknown) => e,
    );
    expect(error).to.equal(failure);
    expect(log).to.deep.equal(["execute"]);
    expect(releases).to.deep.equal([{ $case: "releaseAll", releaseAll: {} }]);
  });

  it("gives up with the last error once the policy's retries are used up", async () => {
    const breaks = Array.from({ length: 4 }, () => ({ responses: [], error: serviceError(GrpcStatus.UNAVAILABLE) }));
    const { calls, log } = scriptedCalls(breaks);
    const error = await drain(
      reattachableExecute(REQUEST, calls, { policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 3 }, environment: noWait }),
    ).catch((e: unknown) => e);
    expect((error as ServiceError).code).to.equal(GrpcStatus.UNAVAILABLE);
    expect(log).to.have.length(4);
  });

  it("renews its retry budget with every response that arrives", async () => {
    const script: Script[] = [];
    for (let i = 1; i <= 5; i++) script.push({ responses: [response(i)], error: serviceError(GrpcStatus.UNAVAILABLE) });
    script.push({ responses: [response("done")] });
    const { calls } = scriptedCalls(script);
    const ids = await drain(
      reattachableExecute(REQUEST, calls, { policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 1 }, environment: noWait }),
    );
    expect(ids).to.deep.equal(["r1", "r2", "r3", "r4", "r5", "rdone"]);
  });

  it("releases received responses in batches, then everything at ResultComplete", async () => {
    const responses = Array.from({ length: 10 }, (_, i) => response(i + 1));
    const { calls, releases } = scriptedCalls([{ responses: [...responses, response("done")] }]);
    await drain(
      reattachableExecute(REQUEST, calls, {
        policy: DEFAULT_RETRY_POLICY,
        releaseBatching: { responses: 4, intervalMs: 60_000 },
        now: () => 0,
      }),
    );
    expect(releases).to.deep.equal([
      { $case: "releaseUntil", releaseUntil: { responseId: "r4" } },
      { $case: "releaseUntil", releaseUntil: { responseId: "r8" } },
      { $case: "releaseAll", releaseAll: {} },
    ]);
  });

  it("releases by time too, for results that trickle in", async () => {
    let clock = 0;
    const { calls, releases } = scriptedCalls([{ responses: [response(1), response(2), response(3), response("done")] }]);
    const responses = reattachableExecute(REQUEST, calls, {
      policy: DEFAULT_RETRY_POLICY,
      releaseBatching: { responses: 100, intervalMs: 1_000 },
      now: () => clock,
    });
    for await (const _ of responses) clock += 600;
    // r1 at 0 ms, r2 at 600 ms, r3 at 1,200 ms: the first response a second or more after the start.
    expect(releases[0]).to.deep.equal({ $case: "releaseUntil", releaseUntil: { responseId: "r3" } });
  });

  it("cancels the stream and releases the operation when the consumer stops early", async () => {
    const { calls, releases, cancelled } = scriptedCalls([{ responses: [response(1), response(2), response("done")] }]);
    for await (const r of reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY })) if (r.responseId === "r1") break;
    expect(cancelled()).to.be.at.least(1);
    expect(releases).to.deep.equal([{ $case: "releaseAll", releaseAll: {} }]);
  });

  it("ends with OperationCanceledError, not a retry, when the signal aborts during a wait", async () => {
    const controller = new AbortController();
    const environment: RetryEnvironment = {
      random: () => 0,
      sleep: (_ms, signal) => {
        controller.abort();
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a sleep rejects with the signal's reason, whatever the caller aborted with.
        return Promise.reject(signal?.reason);
      },
    };
    const { calls, log, releases } = scriptedCalls([{ responses: [response(1)], error: serviceError(GrpcStatus.UNAVAILABLE) }]);
    const error = await drain(
      reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, environment, signal: controller.signal }),
    ).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(OperationCanceledError);
    expect(log).to.deep.equal(["execute"]);
    expect(releases.at(-1)).to.deep.equal({ $case: "releaseAll", releaseAll: {} });
  });

  it("aborting releases the operation even while nobody reads the stream (an abandoned iterator)", async () => {
    const controller = new AbortController();
    const { calls, releases, cancelled } = scriptedCalls([{ responses: [response(1), response(2), response("done")] }]);
    const responses = reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, signal: controller.signal });
    expect((await responses.next()).value?.responseId).to.equal("r1");
    // Nobody calls next() or return() again: only the abort can end it.
    controller.abort();
    expect(cancelled()).to.be.at.least(1);
    expect(releases).to.deep.equal([{ $case: "releaseAll", releaseAll: {} }]);
  });
});

describe("the first request of a new session", () => {
  it("is sent again when a reattach finds no session and no response ever came", async () => {
    const { calls, log } = scriptedCalls([
      { responses: [], error: serviceError(GrpcStatus.UNAVAILABLE) },
      { responses: [], error: serviceError(GrpcStatus.INTERNAL, "INVALID_HANDLE.SESSION_NOT_FOUND") },
      { responses: [response(1), response("done")] },
    ]);
    const ids = await drain(reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, environment: noWait }));
    expect(ids).to.deep.equal(["r1", "rdone"]);
    expect(log).to.deep.equal(["execute", "reattach after nothing", "execute"]);
  });

  it("is not sent again when the session had answered this client before: the server lost it", async () => {
    const { calls, log } = scriptedCalls([
      { responses: [], error: serviceError(GrpcStatus.UNAVAILABLE) },
      { responses: [], error: serviceError(GrpcStatus.INTERNAL, "INVALID_HANDLE.SESSION_NOT_FOUND") },
    ]);
    const seen = { ...REQUEST, clientObservedServerSideSessionId: "ss" };
    const error = await drain(reattachableExecute(seen, calls, { policy: DEFAULT_RETRY_POLICY, environment: noWait })).catch(
      (e: unknown) => e,
    );
    expect((error as ServiceError).details).to.include("SESSION_NOT_FOUND");
    expect(log).to.deep.equal(["execute", "reattach after nothing"]);
  });

  it("is not sent again once a response of it came", async () => {
    const { calls, log } = scriptedCalls([
      { responses: [response(1)], error: serviceError(GrpcStatus.UNAVAILABLE) },
      { responses: [], error: serviceError(GrpcStatus.INTERNAL, "INVALID_HANDLE.SESSION_NOT_FOUND") },
    ]);
    const error = await drain(reattachableExecute(REQUEST, calls, { policy: DEFAULT_RETRY_POLICY, environment: noWait })).catch(
      (e: unknown) => e,
    );
    expect((error as ServiceError).details).to.include("SESSION_NOT_FOUND");
    expect(log).to.deep.equal(["execute", "reattach after r1"]);
  });
});

describe("streams that keep ending with nothing on them", () => {
  const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 4 };

  it("are reattached with the policy's backoff, then given up with an error naming the operation", async () => {
    const waits: number[] = [];
    const environment: RetryEnvironment = {
      random: () => 0,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    };
    const { calls, log, releases } = scriptedCalls(Array.from({ length: 10 }, () => ({ responses: [] })));
    const error = await drain(reattachableExecute(REQUEST, calls, { policy, environment })).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SparkConnectError);
    expect((error as Error).message).to.match(/op-1 5 times in a row without sending anything/);
    expect(waits).to.deep.equal([50, 200, 800, 3200]);
    expect(log).to.have.length(5);
    expect(releases.at(-1)).to.deep.equal({ $case: "releaseAll", releaseAll: {} });
  });

  it("start counting again after a response", async () => {
    const { calls, log } = scriptedCalls([
      { responses: [] },
      { responses: [] },
      { responses: [] },
      { responses: [response(1)] },
      { responses: [] },
      { responses: [] },
      { responses: [] },
      { responses: [response("done")] },
    ]);
    const ids = await drain(reattachableExecute(REQUEST, calls, { policy, environment: noWait }));
    expect(ids).to.deep.equal(["r1", "rdone"]);
    expect(log).to.have.length(8);
  });

  it("are not counted when they stayed open a while: that is the server's limit on a quiet query's stream", async () => {
    let clock = 0;
    const slowEmpty = (): Script => ({ responses: [] });
    const scripts = [...Array.from({ length: 8 }, slowEmpty), { responses: [response("done")] }];
    const { calls, log } = scriptedCalls(scripts);
    // Each stream lives a minute before it ends empty.
    const aMinuteLong = (stream: ResponseStream): ResponseStream => ({
      cancel: () => stream.cancel(),
      async *[Symbol.asyncIterator]() {
        yield* stream;
        clock += 60_000;
      },
    });
    const ticking: ExecutionCalls = {
      ...calls,
      reattachExecute: (last) => aMinuteLong(calls.reattachExecute(last)),
      executePlan: (request) => aMinuteLong(calls.executePlan(request)),
    };
    const ids = await drain(reattachableExecute(REQUEST, ticking, { policy, environment: noWait, now: () => clock }));
    expect(ids).to.deep.equal(["rdone"]);
    expect(log).to.have.length(9);
  });
});
