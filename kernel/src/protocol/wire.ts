// Jupyter's wire format (messaging spec 5.x): routing identities, the `<IDS|MSG>` delimiter, an
// HMAC-SHA256 signature, four JSON frames and optional raw buffers. Every message is checked
// before anything reads it: a wrong signature or a replayed one is dropped unread.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/** The protocol version this kernel speaks. */
export const PROTOCOL_VERSION = "5.3";

const DELIMITER = Buffer.from("<IDS|MSG>");

/** A message header, as the spec defines it. */
export interface MessageHeader {
  readonly msg_id: string;
  readonly session: string;
  readonly username: string;
  readonly date: string;
  readonly msg_type: string;
  readonly version: string;
}

/** One Jupyter message, decoded. */
export interface JupyterMessage<C = Record<string, unknown>> {
  /** ZeroMQ routing identities (shell/control); replies go back through them. */
  readonly identities: readonly Buffer[];
  readonly header: MessageHeader;
  /** The header of the request this message answers; `{}` for none. */
  readonly parentHeader: MessageHeader | Record<string, never>;
  readonly metadata: Record<string, unknown>;
  readonly content: C;
  readonly buffers: readonly Buffer[];
}

/** Why a received message was refused. */
export class RejectedMessageError extends Error {}

/**
 * Signs and checks messages with the connection file's key. Signatures already seen are refused
 * too, so a captured message cannot be played again (as ipykernel does).
 */
export class MessageSigner {
  readonly #key: Buffer;
  readonly #seen = new Set<string>();
  readonly #historySize: number;

  constructor(key: string, historySize = 1 << 16) {
    this.#key = Buffer.from(key, "utf8");
    this.#historySize = historySize;
  }

  /** Whether messages are signed at all: Jupyter turns authentication off with an empty key. */
  get enabled(): boolean {
    return this.#key.length > 0;
  }

  /** The hex HMAC-SHA256 of the four JSON frames. */
  sign(frames: readonly (Buffer | string)[]): string {
    if (!this.enabled) return "";
    const hmac = createHmac("sha256", this.#key);
    for (const frame of frames) hmac.update(frame);
    return hmac.digest("hex");
  }

  /** Throws {@link RejectedMessageError} unless `signature` is right for `frames` and new. */
  verify(signature: string, frames: readonly Buffer[]): void {
    if (!this.enabled) return;
    const expected = Buffer.from(this.sign(frames), "latin1");
    const given = Buffer.from(signature, "latin1");
    // Equal lengths first: timingSafeEqual needs them, and the length of a hex digest is public.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new RejectedMessageError("invalid signature");
    }
    if (this.#seen.has(signature)) throw new RejectedMessageError("duplicate signature (a replayed message)");
    this.#seen.add(signature);
    if (this.#seen.size > this.#historySize) {
      // Forget the oldest half: Sets iterate in insertion order.
      let drop = this.#seen.size >> 1;
      for (const old of this.#seen) {
        if (drop-- <= 0) break;
        this.#seen.delete(old);
      }
    }
  }
}

/** Decodes and checks the frames of a received message. */
export function decodeMessage(frames: readonly Buffer[], signer: MessageSigner): JupyterMessage {
  const delimiter = frames.findIndex((frame) => frame.equals(DELIMITER));
  if (delimiter < 0 || frames.length < delimiter + 6) throw new RejectedMessageError("malformed message");
  const signature = frames[delimiter + 1].toString("latin1");
  const body = frames.slice(delimiter + 2, delimiter + 6);
  signer.verify(signature, body);
  const [header, parentHeader, metadata, content] = body.map((frame): unknown => JSON.parse(frame.toString("utf8")));
  if (!hasMessageType(header)) throw new RejectedMessageError("message without a type");
  // Past the signature and the type, the parts are taken as the sender's peer wrote them.
  return {
    identities: frames.slice(0, delimiter),
    header,
    parentHeader: (parentHeader ?? {}) as JupyterMessage["parentHeader"],
    metadata: (metadata ?? {}) as JupyterMessage["metadata"],
    content: (content ?? {}) as JupyterMessage["content"],
    buffers: frames.slice(delimiter + 6),
  };
}

function hasMessageType(header: unknown): header is MessageHeader {
  return typeof header === "object" && header !== null && typeof (header as { msg_type?: unknown }).msg_type === "string";
}

/** The frames of a message to send: `msgType` with `content`, in answer to `parent`. */
export function encodeMessage(
  signer: MessageSigner,
  parent: JupyterMessage<unknown> | undefined,
  msgType: string,
  content: unknown,
  options: { identities?: readonly Buffer[]; metadata?: Record<string, unknown> } = {},
): Buffer[] {
  const header: MessageHeader = {
    msg_id: randomUUID(),
    session: parent?.header.session ?? kernelSessionId,
    username: parent?.header.username ?? "kernel",
    date: new Date().toISOString(),
    msg_type: msgType,
    version: PROTOCOL_VERSION,
  };
  const body = [header, parent?.header ?? {}, options.metadata ?? {}, content].map((part) => Buffer.from(JSON.stringify(part), "utf8"));
  return [...(options.identities ?? []), DELIMITER, Buffer.from(signer.sign(body), "latin1"), ...body];
}

/** This kernel process's session id, for messages that answer no request (e.g. the first status). */
export const kernelSessionId = randomUUID();
