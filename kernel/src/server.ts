// The kernel's ZeroMQ side, on tslab's server (its sockets, bound to the connection file's
// address only, and its heartbeat): every message is decoded and checked here before anything
// acts on it, and each request gets the reply and IOPub messages the messaging spec asks for.
import { ZmqServer } from "tslab/dist/jupyter";
import type * as zmq from "zeromq";
import type { CodeRequest, ExecuteIo, ExecuteRequest, SparkKernelHandler } from "./handler";
import { decodeMessage, encodeMessage, MessageSigner, RejectedMessageError, type JupyterMessage } from "./protocol/wire";

/** Writes the kernel's own log lines (Jupyter's server log), never a cell's output. */
export type KernelLog = (line: string) => void;

/** A Jupyter kernel server for {@link SparkKernelHandler}. */
export class SparkKernelServer extends ZmqServer {
  #signer: MessageSigner | undefined;
  readonly #sending = new Map<zmq.Writable, Promise<void>>();

  constructor(
    private readonly kernel: SparkKernelHandler,
    connectionFile: string,
    private readonly log: KernelLog,
    private readonly onShutdown: (restart: boolean) => Promise<void>,
  ) {
    super(kernel, connectionFile);
  }

  /** Binds the sockets (tslab reads the connection file). */
  override async init(): Promise<void> {
    await super.init();
    this.#signer = new MessageSigner(this.connInfo.key);
  }

  private get signer(): MessageSigner {
    if (!this.#signer) throw new Error("the kernel server is not started");
    return this.#signer;
  }

  override async handleShellMessage(sock: zmq.Router, ...frames: Buffer[]): Promise<void> {
    let msg: JupyterMessage;
    try {
      msg = decodeMessage(frames, this.signer);
    } catch (err) {
      // Dropped unread and unanswered: whoever sent it does not hold the connection key.
      const reason = err instanceof RejectedMessageError ? err.message : "undecodable message";
      this.log(`spark-ts-kernel: dropped a message: ${reason}`);
      return;
    }
    this.publish(msg, "status", { execution_state: "busy" });
    let shutdown: boolean | undefined;
    try {
      shutdown = await this.dispatch(sock, msg);
    } catch (err) {
      this.log(`spark-ts-kernel: failed to handle ${msg.header.msg_type}: ${(err as Error).stack ?? String(err)}`);
    } finally {
      this.publish(msg, "status", { execution_state: "idle" });
    }
    if (shutdown !== undefined) {
      await this.onShutdown(shutdown);
      this.close();
    }
  }

  /** Answers one request; resolves to the restart flag of a shutdown request. */
  private async dispatch(sock: zmq.Router, msg: JupyterMessage): Promise<boolean | undefined> {
    // The request types are the spec's; the handler's parameter types say which fields it reads.
    const content = msg.content as never;
    const reply = (type: string, body: unknown) => this.send(sock, msg, type, body);
    switch (msg.header.msg_type) {
      case "kernel_info_request":
        reply("kernel_info_reply", this.kernel.handleKernel());
        return undefined;
      case "execute_request":
        reply("execute_reply", await this.kernel.execute(msg.content as unknown as ExecuteRequest, this.executeIo(msg)));
        return undefined;
      case "is_complete_request":
        reply("is_complete_reply", this.kernel.handleIsComplete(content));
        return undefined;
      case "complete_request":
        reply("complete_reply", await this.kernel.complete(msg.content as unknown as CodeRequest));
        return undefined;
      case "inspect_request":
        reply("inspect_reply", await this.kernel.inspect(msg.content as unknown as CodeRequest));
        return undefined;
      case "history_request":
        reply("history_reply", { status: "ok", history: this.kernel.history(msg.content) });
        return undefined;
      case "comm_info_request":
        reply("comm_info_reply", { status: "ok", comms: {} });
        return undefined;
      case "interrupt_request":
        this.kernel.interrupt();
        reply("interrupt_reply", { status: "ok" });
        return undefined;
      case "shutdown_request": {
        const restart = (msg.content as { restart?: boolean }).restart === true;
        reply("shutdown_reply", { status: "ok", restart });
        return restart;
      }
      case "comm_open":
      case "comm_msg":
      case "comm_close":
        // No comm targets are registered; the spec says to ignore them.
        return undefined;
      default:
        this.log(`spark-ts-kernel: ignored unknown message type ${msg.header.msg_type}`);
        return undefined;
    }
  }

  private executeIo(msg: JupyterMessage): ExecuteIo {
    return {
      executeInput: (code, count) => this.publish(msg, "execute_input", { code, execution_count: count }),
      executeResult: (count, data) => this.publish(msg, "execute_result", { execution_count: count, data, metadata: {} }),
      error: (content) => this.publish(msg, "error", content),
      stream: (name, text) => this.publish(msg, "stream", { name, text }),
      result: (data) => this.publish(msg, "display_data", { data, metadata: {}, transient: {} }),
      clear: (wait) => this.publish(msg, "clear_output", { wait }),
      display: (data, options = {}) =>
        this.publish(msg, options.update ? "update_display_data" : "display_data", {
          data,
          metadata: {},
          transient: options.displayId ? { display_id: options.displayId } : {},
        }),
    };
  }

  private send(sock: zmq.Router, parent: JupyterMessage, type: string, content: unknown): void {
    this.enqueue(sock, encodeMessage(this.signer, parent, type, content, { identities: parent.identities }));
  }

  /** Publishes on IOPub, in answer to `parent`. */
  publish(parent: JupyterMessage | undefined, type: string, content: unknown): void {
    this.enqueue(this.iopub, encodeMessage(this.signer, parent, type, content));
  }

  /** Sends in order: a zeromq socket takes one send at a time. */
  private enqueue(sock: zmq.Writable, frames: Buffer[]): void {
    const previous = this.#sending.get(sock) ?? Promise.resolve();
    const next = previous
      .then(() => sock.send(frames))
      .catch((err: unknown) => this.log(`spark-ts-kernel: could not send a message: ${String(err)}`));
    this.#sending.set(sock, next);
  }
}
