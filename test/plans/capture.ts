import {
  AnalyzePlanRequest,
  ConfigRequest,
  InterruptRequest,
  Plan,
  type AnalyzePlanResponse,
  type ConfigRequest_Operation,
  type ConfigResponse,
  type ExecutePlanResponse,
  InterruptRequest_InterruptType,
} from "../../src/gen/spark/connect/base";
import { Expression } from "../../src/gen/spark/connect/expressions";
import { Relation } from "../../src/gen/spark/connect/relations";
import { SparkConnectClient, type AnalyzeCase } from "../../src/connect/client";
import { parseConnectionString } from "../../src/connect/connectionString";
import { Column, DataFrame, PendingDataFrame, PendingStatement, SparkSession } from "../../src";

/**
 * What a program built or sent, in one of the forms both clients can produce without a server: a
 * DataFrame's relation, a Column's expression, several relations (randomSplit), or the first
 * request an action sent (an ExecutePlan's plan, an AnalyzePlan's analysis, a Config operation,
 * an Interrupt's target).
 */
export type Built =
  | { readonly kind: "relation"; readonly message: Relation }
  | { readonly kind: "relations"; readonly messages: readonly Relation[] }
  | { readonly kind: "expression"; readonly message: Expression }
  | { readonly kind: "execute"; readonly message: Plan }
  | { readonly kind: "analyze"; readonly message: AnalyzeCase }
  | { readonly kind: "config"; readonly message: ConfigRequest_Operation }
  | { readonly kind: "interrupt"; readonly message: Pick<InterruptRequest, "interruptType" | "interrupt"> };

export type BuiltKind = Built["kind"];

/** What PySpark's side printed for one case: the protobuf bytes (base64) of what it built or sent. */
export type PySparkBuilt = { readonly kind: BuiltKind; readonly b64: string | readonly string[] } | { readonly error: string };

/** Thrown by the recording client in place of a call: the request was recorded and went nowhere. */
export class NotSent extends Error {
  constructor(rpc: string) {
    super(`${rpc} recorded, not sent`);
  }
}

type Request = Exclude<Built, { kind: "relation" | "relations" | "expression" }>;

/**
 * The protocol client with its calls replaced by a recorder: each request is kept and the call
 * fails with {@link NotSent}, so an action shows the plan it would have sent. No connection is
 * ever opened (the channel only connects for a call).
 */
class RecordingClient extends SparkConnectClient {
  readonly sent: Request[] = [];

  // It never answers: the request is all that is wanted. Like the method it replaces, it records
  // and fails only once iterated.
  // eslint-disable-next-line require-yield, @typescript-eslint/require-await -- an async generator by contract, with nothing to await or yield.
  override async *execute(plan: Plan): AsyncGenerator<ExecutePlanResponse, void, undefined> {
    this.sent.push({ kind: "execute", message: plan });
    throw new NotSent("ExecutePlan");
  }

  override analyze(analyze: AnalyzeCase): Promise<AnalyzePlanResponse> {
    this.sent.push({ kind: "analyze", message: analyze });
    return Promise.reject(new NotSent("AnalyzePlan"));
  }

  /** The version is asked with an AnalyzePlan too, which is recorded as such. */
  override serverVersion(): Promise<string> {
    return this.analyze({ $case: "sparkVersion", sparkVersion: {} }).then(() => "");
  }

  override config(opType: NonNullable<ConfigRequest_Operation["opType"]>): Promise<ConfigResponse> {
    this.sent.push({ kind: "config", message: { opType } });
    return Promise.reject(new NotSent("Config"));
  }

  override interrupt(
    target: { readonly all: true } | { readonly tag: string } | { readonly operationId: string },
  ): Promise<readonly string[]> {
    const message: Pick<InterruptRequest, "interruptType" | "interrupt"> =
      "all" in target
        ? { interruptType: InterruptRequest_InterruptType.INTERRUPT_TYPE_ALL, interrupt: undefined }
        : "tag" in target
          ? {
              interruptType: InterruptRequest_InterruptType.INTERRUPT_TYPE_TAG,
              interrupt: { $case: "operationTag", operationTag: target.tag },
            }
          : {
              interruptType: InterruptRequest_InterruptType.INTERRUPT_TYPE_OPERATION_ID,
              interrupt: { $case: "operationId", operationId: target.operationId },
            };
    this.sent.push({ kind: "interrupt", message });
    return Promise.reject(new NotSent("Interrupt"));
  }

  override addArtifacts(): Promise<string[]> {
    return Promise.reject(new NotSent("AddArtifacts"));
  }
}

/** A session that builds plans as any session does and records, instead of sending, what its actions send. */
export class RecordingSession {
  readonly #client = new RecordingClient(parseConnectionString("sc://127.0.0.1:1"));
  readonly spark = new SparkSession(this.#client);

  /**
   * What `program` builds: a DataFrame's relation, a Column's expression, a list of DataFrames'
   * relations; or, for a program that returns a promise (an action), the first request it sent.
   */
  async build(program: () => unknown): Promise<Built> {
    this.#client.sent.length = 0;
    const value = program();
    // spark.sql() sends its statement at once: what it sent is what PySpark's sends.
    if (value instanceof PendingDataFrame) {
      await value.then(
        () => undefined,
        () => undefined,
      );
      if (this.#client.sent[0]) return this.#client.sent[0];
    }
    if (value instanceof DataFrame) return { kind: "relation", message: value.plan };
    if (value instanceof Column) return { kind: "expression", message: value.expr };
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof DataFrame)) {
      return { kind: "relations", messages: value.map((df: DataFrame) => df.plan) };
    }
    if (!(value instanceof Promise || value instanceof PendingStatement))
      throw new TypeError(`the program gave ${describe(value)}, not a DataFrame, Column or action`);
    const outcome = await value.then(
      () => undefined,
      (err: unknown) => err,
    );
    const [first] = this.#client.sent;
    if (first) return first;
    throw outcome instanceof Error ? outcome : new Error(`the action sent nothing and gave ${describe(outcome)}`);
  }

  /** Closes the channel (it never connected, so there is no session to release). */
  async close(): Promise<void> {
    await this.spark.stop();
  }
}

function describe(value: unknown): string {
  return value === null ? "null" : typeof value === "object" ? (value.constructor?.name ?? "an object") : typeof value;
}

// ---- one canonical form for both sides ----

/** A plan in canonical form: plain JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Both sides' messages go through the same encoder and decoder (this client's ts-proto types), so
 * defaults, unknown fields and map order cannot tell them apart. Then what legitimately differs
 * per process is renumbered in order of appearance: plan ids (`#0`, `#1`, ...) and the counters in
 * lambda variable names (`x_#0`); and the fields of {@link UNSET_DEFAULTS} are dropped when they
 * hold the value the server reads for them when they are unset. Keys are sorted, 64-bit numbers
 * written `5n`, bytes as base64.
 */
export function canonicalOurs(built: Built): Json {
  switch (built.kind) {
    case "relation":
      return canonical(Relation.decode(Relation.encode(built.message).finish()));
    case "relations":
      return canonical(built.messages.map((m) => Relation.decode(Relation.encode(m).finish())));
    case "expression":
      return canonical(Expression.decode(Expression.encode(built.message).finish()));
    case "execute":
      return canonical(Plan.decode(Plan.encode(built.message).finish()));
    case "analyze":
      return canonical(analysisOf(AnalyzePlanRequest.encode(AnalyzePlanRequest.fromPartial({ analyze: built.message })).finish()));
    case "config":
      return canonical(operationOf(ConfigRequest.encode(ConfigRequest.fromPartial({ operation: built.message })).finish()));
    case "interrupt":
      return canonical(interruptOf(InterruptRequest.encode(InterruptRequest.fromPartial(built.message)).finish()));
  }
}

/** PySpark's bytes in the same canonical form (see {@link canonicalOurs}). */
export function canonicalTheirs(kind: BuiltKind, b64: string | readonly string[]): Json {
  const bytes = (text: string) => Buffer.from(text, "base64");
  const one = typeof b64 === "string" ? b64 : "";
  switch (kind) {
    case "relation":
      return canonical(Relation.decode(bytes(one)));
    case "relations":
      return canonical((typeof b64 === "string" ? [b64] : b64).map((text) => Relation.decode(bytes(text))));
    case "expression":
      return canonical(Expression.decode(bytes(one)));
    case "execute":
      return canonical(Plan.decode(bytes(one)));
    case "analyze":
      return canonical(analysisOf(bytes(one)));
    case "config":
      return canonical(operationOf(bytes(one)));
    case "interrupt":
      return canonical(interruptOf(bytes(one)));
  }
}

/** A canonical plan as text: one field per line, for a readable diff. */
export function planText(plan: Json): string {
  const sorted = (json: Json): Json =>
    Array.isArray(json)
      ? json.map(sorted)
      : json !== null && typeof json === "object"
        ? Object.fromEntries(
            Object.keys(json)
              .sort()
              .map((k) => [k, sorted(json[k])]),
          )
        : json;
  return JSON.stringify(sorted(plan), null, 2);
}

/**
 * A copy of `json` in which every value of a property named `key` (at any depth) is replaced by
 * what `edit` makes of it; `undefined` removes the property.
 */
export function editAll(json: Json, key: string, edit: (value: Json) => Json | undefined): Json {
  if (Array.isArray(json)) return json.map((item) => editAll(item, key, edit));
  if (json === null || typeof json !== "object") return json;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(json)) {
    const value = k === key ? edit(editAll(v, key, edit)) : editAll(v, key, edit);
    if (value !== undefined) out[k] = value;
  }
  return out;
}

/** The analysis asked for, without the request's per-process fields (session id, client type, ...). */
function analysisOf(request: Uint8Array): unknown {
  return AnalyzePlanRequest.decode(request).analyze;
}

/** What is interrupted, without the request's per-process fields. */
function interruptOf(request: Uint8Array): unknown {
  const { interruptType, interrupt } = InterruptRequest.decode(request);
  return { interruptType, interrupt };
}

/** The configuration operation, without the request's per-process fields. */
function operationOf(request: Uint8Array): unknown {
  return ConfigRequest.decode(request).operation;
}

/**
 * Optional fields, as `message.field`, that PySpark sets to the value the server reads when they
 * are unset, where this client leaves them unset (or the other way round): the server cannot
 * tell the two apart, so they are compared as unset when they hold that value.
 */
const UNSET_DEFAULTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ["unresolvedAttribute.isMetadataColumn", false],
  ["unresolvedFunction.isInternal", false],
  ["deduplicate.allColumnsAsKeys", false],
  ["deduplicate.withinWatermark", false],
  ["setOp.byName", false],
  ["setOp.allowMissingColumns", false],
  ["sample.withReplacement", false],
  ["repartition.shuffle", false],
  ["unpersist.blocking", false],
  // Read.DataSource: the server applies a schema only when the string is not empty.
  ["dataSource.schema", ""],
]);

function canonical(message: unknown): Json {
  const planIds = new Map<string, number>();
  const lambdaVariables = new Map<string, string>();
  const walk = (value: unknown, key: string): Json => {
    if (key === "planId" && (typeof value === "bigint" || typeof value === "number")) {
      const id = String(value);
      if (!planIds.has(id)) planIds.set(id, planIds.size);
      return `#${planIds.get(id)}`;
    }
    if (key === "nameParts" && Array.isArray(value)) {
      // PySpark and this client name lambda variables from a counter of their own: x_12 is x_#0.
      return value.map((part: string) => {
        const named = /^(.*)_\d+$/.exec(part);
        if (!named) return part;
        if (!lambdaVariables.has(part)) lambdaVariables.set(part, `${named[1]}_#${lambdaVariables.size}`);
        return lambdaVariables.get(part)!;
      });
    }
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "number")
      return Number.isNaN(value) ? "NaN" : Object.is(value, -0) ? "-0" : Number.isFinite(value) ? value : String(value);
    if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
    if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString("base64")}`;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (typeof value === "object") {
      const out: { [key: string]: Json } = {};
      for (const k of Object.keys(value).sort()) {
        const v = (value as Record<string, unknown>)[k];
        if (v === undefined) continue;
        const path = `${key}.${k}`;
        if (UNSET_DEFAULTS.has(path) && UNSET_DEFAULTS.get(path) === v) continue;
        out[k] = walk(v, k);
      }
      return out;
    }
    throw new TypeError(`no canonical form for a ${typeof value}`);
  };
  return walk(message, "");
}
