// The kernel's answers to Jupyter requests, on top of tslab's handler: kernel info with a status
// and the real TypeScript version, cells run by the CellRunner with execution counts, history and
// `stop_on_error`, an interrupt that reaches the Spark server, and completion and inspection that
// know the data (column and table names, Spark's docs) beside TypeScript's own.
import { JupyterHandlerImpl } from "tslab/dist/jupyter";
import { version as typescriptVersion } from "@tslab/typescript-for-tslab";
import { kernelVersion } from "./kernelVersion";
import type { CellOutcome, CellOutput, CellRunner } from "./cell/cellRunner";
import type { MimeBundle } from "./notebook/cellContext";
import { isSqlMagic } from "./cell/sqlMagic";
import { helpRequest } from "./cell/helpCell";
import { CellHistory, type HistoryEntry, type HistoryRequest } from "./protocol/history";
import { PROTOCOL_VERSION } from "./protocol/wire";
import { CellDefinitions } from "./completion/cellDefinitions";
import { DataCompleter } from "./completion/completer";
import { SparkInspector } from "./completion/inspector";
import { quickInfoText } from "./completion/quickInfoText";
import { Deadline, SparkLookups } from "./completion/schemaCache";
import type { SchemaTypes } from "./cell/schemaTypes";
import { typeOfCompletionKind, type CompletionItemType } from "./completion/completionKinds";

/** An `execute_request`'s content. */
export interface ExecuteRequest {
  readonly code: string;
  readonly silent?: boolean;
  readonly store_history?: boolean;
  readonly stop_on_error?: boolean;
  readonly user_expressions?: Record<string, string>;
}

/** An `execute_reply`'s content. */
export type ExecuteReply =
  | { status: "ok"; execution_count: number; user_expressions: Record<string, never>; payload: [] }
  | { status: "error"; execution_count: number; ename: string; evalue: string; traceback: string[] }
  | { status: "aborted"; execution_count: number };

/** A `complete_request`'s or `inspect_request`'s content. */
export interface CodeRequest {
  readonly code: string;
  readonly cursor_pos: number;
  readonly detail_level?: number;
}

/** A `complete_reply`'s content; `_jupyter_types_experimental` is what JupyterLab reads for each match's kind and signature. */
export interface CompleteReply {
  status: "ok";
  matches: string[];
  cursor_start: number;
  cursor_end: number;
  metadata: { _jupyter_types_experimental?: CompletionItemType[] };
}

/** An `inspect_reply`'s content. */
export interface InspectReply {
  status: "ok";
  found: boolean;
  data: { "text/plain"?: string };
  metadata: Record<string, never>;
}

/** The IOPub side of one execution, beyond the cell's own output. */
export interface ExecuteIo extends CellOutput {
  executeInput(code: string, count: number): void;
  executeResult(count: number, bundle: MimeBundle): void;
  error(content: { ename: string; evalue: string; traceback: readonly string[] }): void;
}

/** Handles what Jupyter asks of the kernel, one cell at a time. */
export class SparkKernelHandler extends JupyterHandlerImpl {
  #count = 0;
  #queue: Promise<unknown> = Promise.resolve();
  /** Requests waiting in the queue; aborted together when a cell fails with `stop_on_error`. */
  readonly #waiting = new Set<{ aborted: boolean }>();
  readonly #history = new CellHistory();
  /** Cells running now: while one does, completion asks the server nothing (see completion/schemaCache.ts). */
  #running = 0;
  readonly #lookups = new SparkLookups(() => this.#running === 0);
  readonly #definitions = new CellDefinitions();
  readonly #completer: DataCompleter;
  readonly #inspector: SparkInspector;
  /** The schemas of the DataFrames the last cell bound, being asked (see cell/schemaTypes.ts). */
  #typing: Promise<void> = Promise.resolve();
  /** Called as each cell starts, with where its output goes. */
  onCellStart: ((io: ExecuteIo) => void) | undefined;

  /**
   * `ready`: what cells wait for before the first runs (the notebook globals being declared);
   * `types`: where the DataFrames cells bind are typed from their schemas, if they are.
   */
  constructor(
    private readonly runner: CellRunner,
    ready: Promise<unknown> = Promise.resolve(),
    private readonly types?: SchemaTypes,
  ) {
    super(runner.tslab, false);
    this.#queue = ready;
    const locals = () => runner.tslab.locals as Readonly<Record<string, unknown>>;
    this.#completer = new DataCompleter(locals, this.#lookups);
    this.#inspector = new SparkInspector(locals, this.#lookups, this.#definitions, this.#completer);
  }

  /** The `kernel_info_reply`. */
  override handleKernel(): ReturnType<JupyterHandlerImpl["handleKernel"]> & { status: "ok" } {
    return {
      status: "ok",
      protocol_version: PROTOCOL_VERSION,
      implementation: "spark-ts-kernel",
      implementation_version: kernelVersion(),
      language_info: {
        name: "typescript",
        version: typescriptVersion,
        mimetype: "text/typescript",
        file_extension: ".ts",
        codemirror_mode: { name: "javascript", typescript: true },
      },
      banner: `spark-ts-kernel ${kernelVersion()}: TypeScript ${typescriptVersion} with a ready \`spark\` session (Spark Connect)`,
      help_links: [{ text: "spark-ts-kernel", url: "https://www.npmjs.com/package/spark-ts-kernel" }],
    };
  }

  /** Runs an `execute_request` after the ones before it, and answers it. */
  async execute(request: ExecuteRequest, io: ExecuteIo): Promise<ExecuteReply> {
    const ticket = { aborted: false };
    this.#waiting.add(ticket);
    const turn = this.#queue.then(async () => {
      this.#waiting.delete(ticket);
      if (ticket.aborted) return { status: "aborted", execution_count: this.#count } as const;
      return this.executeNow(request, io);
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  private async executeNow(request: ExecuteRequest, io: ExecuteIo): Promise<ExecuteReply> {
    const silent = request.silent === true;
    const store = request.store_history !== false && !silent;
    if (store) this.#count++;
    const count = this.#count;
    if (!silent) io.executeInput(request.code, count);
    if (store) this.#history.add(count, request.code);
    // As tslab does: what the cell prints goes to the cell (and later prints to the last cell);
    // a silent request broadcasts nothing.
    const printed = silent ? { stream: () => undefined } : io;
    process.stdout.write = writeTo("stdout", printed);
    process.stderr.write = writeTo("stderr", printed);
    this.onCellStart?.(io);
    // The cell is checked (or inspected) against the types of the DataFrames the last one bound (bounded wait).
    await this.#typing;
    const help = helpRequest(request.code);
    if (help) return this.answerHelp(help.name, await this.inspect(help, HELP_CELL_BUDGET_MS), count, silent ? undefined : io);
    let outcome: CellOutcome;
    this.#running++;
    try {
      outcome = await this.runner.run(request.code, count, {
        stream: (name, text) => printed.stream(name, text),
        display: (bundle, options) => {
          if (!silent) io.display(bundle, options);
        },
        result: (bundle) => {
          if (!silent) io.executeResult(count, bundle);
        },
        clear: (wait) => {
          if (!silent) io.clear(wait);
        },
      });
    } finally {
      this.#running--;
      // The cell may have created or dropped tables and views.
      this.#lookups.catalogChanged();
    }
    if (outcome.status === "ok") {
      this.#definitions.record(count, request.code);
      // Asked while the user reads the result; the next cell waits for it only what is left.
      if (this.types) this.#typing = this.types.learn((df) => this.#lookups.schema(df, new Deadline(SCHEMA_TYPING_BUDGET_MS)));
      if (store && outcome.text !== undefined) this.#history.setOutput(count, outcome.text);
      return { status: "ok", execution_count: count, user_expressions: {}, payload: [] };
    }
    const { ename, evalue, traceback } = outcome;
    if (!silent) io.error({ ename, evalue, traceback });
    if (request.stop_on_error !== false) {
      // What was queued behind a failed cell assumed it would succeed: abort it, as ipykernel does.
      for (const waiting of this.#waiting) waiting.aborted = true;
    }
    return { status: "error", execution_count: count, ename, evalue, traceback: [...traceback] };
  }

  /** Shows what inspection found for a `name?` cell as its result, or that it found nothing. */
  private answerHelp(name: string, found: InspectReply, count: number, io: ExecuteIo | undefined): ExecuteReply {
    const text = found.found ? found.data["text/plain"] : undefined;
    if (typeof text === "string") io?.executeResult(count, { "text/plain": text });
    else io?.stream("stdout", `Nothing is known about ${name}.\n`);
    return { status: "ok", execution_count: count, user_expressions: {}, payload: [] };
  }

  /** Interrupts the running cell, and its Spark work on the server. */
  interrupt(): void {
    this.runner.interrupt();
  }

  /** The entries of a `history_request`. */
  history(request: HistoryRequest): HistoryEntry[] {
    return this.#history.query(request);
  }

  override handleIsComplete(
    req: Parameters<JupyterHandlerImpl["handleIsComplete"]>[0],
  ): ReturnType<JupyterHandlerImpl["handleIsComplete"]> {
    return isSqlMagic(req.code) || helpRequest(req.code) ? { status: "complete" } : super.handleIsComplete(req);
  }

  /**
   * Answers a `complete_request`: data names (columns, tables, SQL) where the cursor is in a string
   * or a `%%sql` cell that takes them, else TypeScript's completion. Never rejects.
   */
  async complete(request: CodeRequest): Promise<CompleteReply> {
    try {
      this.#completer.warmUp();
      const data = await this.#completer.complete(request.code, request.cursor_pos);
      if (data) {
        return {
          status: "ok",
          matches: data.candidates.map((c) => c.text),
          cursor_start: data.start,
          cursor_end: data.end,
          metadata: {
            _jupyter_types_experimental: data.candidates.map((c) => ({
              start: data.start,
              end: data.end,
              text: c.text,
              type: c.type,
              ...(c.signature === undefined ? {} : { signature: c.signature }),
            })),
          },
        };
      }
    } catch {
      // Completing data names is a help: when it fails, TypeScript's completion still answers.
    }
    return this.typeScriptCompletion(request);
  }

  private typeScriptCompletion(request: CodeRequest): CompleteReply {
    if (isSqlMagic(request.code)) {
      return { status: "ok", matches: [], cursor_start: request.cursor_pos, cursor_end: request.cursor_pos, metadata: {} };
    }
    const info = this.runner.tslab.complete(request.code, request.cursor_pos);
    const kinds = new Map((info.original?.entries ?? []).map((e) => [e.name, e.kind as string]));
    return {
      status: "ok",
      matches: info.candidates,
      cursor_start: info.start,
      cursor_end: info.end,
      metadata: {
        _jupyter_types_experimental: info.candidates.map((text) => ({
          start: info.start,
          end: info.end,
          text,
          type: typeOfCompletionKind(kinds.get(text)),
        })),
      },
    };
  }

  /**
   * Answers an `inspect_request`: TypeScript's signature and docs, then what Spark knows (a
   * function's description, a DataFrame's schema and origin, a table's schema). Never rejects.
   */
  async inspect(request: CodeRequest, budgetMs?: number): Promise<InspectReply> {
    const fromTypeScript = isSqlMagic(request.code) ? "" : quickInfoText(this.runner.tslab.inspect(request.code, request.cursor_pos));
    const fromSpark = await this.#inspector.inspect(request.code, request.cursor_pos, budgetMs).catch(() => undefined);
    const text = [fromTypeScript, fromSpark].filter((part): part is string => Boolean(part)).join("\n\n");
    return text
      ? { status: "ok", found: true, data: { "text/plain": text }, metadata: {} }
      : { status: "ok", found: false, data: {}, metadata: {} };
  }
}

/**
 * How long the next cell may wait for the schemas of the DataFrames the last cell bound. A server
 * slower than this leaves them untyped in that cell; the lookup goes on, and later cells have them.
 */
const SCHEMA_TYPING_BUDGET_MS = 2000;

/** How long a `name?` cell waits for what the server knows: it was asked for, unlike a keystroke's inspection. */
const HELP_CELL_BUDGET_MS = 30_000;

const utf8 = new TextDecoder();

function writeTo(name: "stdout" | "stderr", io: Pick<ExecuteIo, "stream">): typeof process.stdout.write {
  return (chunk: string | Uint8Array, ...rest: unknown[]) => {
    io.stream(name, typeof chunk === "string" ? chunk : utf8.decode(chunk));
    const callback = rest.find((arg): arg is () => void => typeof arg === "function");
    callback?.();
    return true;
  };
}
