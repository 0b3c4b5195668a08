import { createHmac } from "node:crypto";
import { expect } from "chai";
import { describe, it } from "mocha";
import { decodeMessage, encodeMessage, MessageSigner, RejectedMessageError } from "../../../kernel/src/protocol/wire";

const KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

function frames(content: unknown, key = KEY): Buffer[] {
  const header = { msg_id: "m1", session: "s1", username: "u", date: "2026-01-01T00:00:00Z", msg_type: "execute_request", version: "5.3" };
  const body = [header, {}, {}, content].map((part) => Buffer.from(JSON.stringify(part)));
  const hmac = createHmac("sha256", key);
  body.forEach((b) => hmac.update(b));
  return [Buffer.from("client-id"), Buffer.from("<IDS|MSG>"), Buffer.from(hmac.digest("hex")), ...body];
}

describe("Jupyter wire messages", () => {
  it("decodes a correctly signed message with its routing identity", () => {
    const msg = decodeMessage(frames({ code: "1 + 1" }), new MessageSigner(KEY));
    expect(msg.header.msg_type).to.equal("execute_request");
    expect(msg.content).to.deep.equal({ code: "1 + 1" });
    expect(msg.identities.map(String)).to.deep.equal(["client-id"]);
  });

  it("refuses a message signed with another key", () => {
    expect(() => decodeMessage(frames({ code: "1" }, "wrong-key"), new MessageSigner(KEY))).to.throw(RejectedMessageError, /signature/);
  });

  it("refuses a signed message whose content was altered", () => {
    const forged = frames({ code: "1 + 1" });
    forged[6] = Buffer.from(JSON.stringify({ code: "process.exit(1)" }));
    expect(() => decodeMessage(forged, new MessageSigner(KEY))).to.throw(RejectedMessageError, /signature/);
  });

  it("refuses the same signed message played a second time", () => {
    const signer = new MessageSigner(KEY);
    const message = frames({ code: "1" });
    decodeMessage(message, signer);
    expect(() => decodeMessage(message, signer)).to.throw(RejectedMessageError, /replayed/);
  });

  it("refuses a message with a signature of the wrong length or no delimiter", () => {
    const short = frames({});
    short[2] = Buffer.from("abc");
    expect(() => decodeMessage(short, new MessageSigner(KEY))).to.throw(RejectedMessageError);
    expect(() =>
      decodeMessage(
        frames({}).filter((f) => String(f) !== "<IDS|MSG>"),
        new MessageSigner(KEY),
      ),
    ).to.throw(RejectedMessageError, /malformed/);
  });

  it("signs what it sends so that Jupyter's check passes, and answers to the parent", () => {
    const signer = new MessageSigner(KEY);
    const parent = decodeMessage(frames({}), signer);
    const out = encodeMessage(signer, parent, "execute_reply", { status: "ok" }, { identities: parent.identities });
    expect(String(out[0])).to.equal("client-id");
    expect(String(out[1])).to.equal("<IDS|MSG>");
    const body = out.slice(3);
    const hmac = createHmac("sha256", KEY);
    body.forEach((b) => hmac.update(b));
    expect(String(out[2])).to.equal(hmac.digest("hex"));
    expect((JSON.parse(String(body[1])) as { msg_id: string }).msg_id).to.equal("m1");
    expect(JSON.parse(String(body[0]))).to.include({ msg_type: "execute_reply", session: "s1", version: "5.3" });
  });

  it("accepts unsigned messages only when the connection key is empty (Jupyter's no-auth mode)", () => {
    const unsigned = frames({});
    unsigned[2] = Buffer.from("");
    expect(() => decodeMessage(unsigned, new MessageSigner(KEY))).to.throw(RejectedMessageError);
    expect(decodeMessage(unsigned, new MessageSigner("")).header.msg_type).to.equal("execute_request");
  });
});
