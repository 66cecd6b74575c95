import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { createMessage, decodeMessage, encodeMessage, PROTOCOL_VERSION } from "../../src/notebook/protocol";

const KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

function hmacHex(key: string, parts: readonly string[]): string {
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}

function toFrames(parts: readonly string[]): Buffer[] {
  return parts.map((part) => Buffer.from(part));
}

function sampleMessage() {
  const message = createMessage("execute_request", { code: "1 + 1", silent: false }, "session-1");
  message.parent_header = { msg_id: "parent-1", msg_type: "kernel_info_request" };
  message.metadata = { cellId: "abc" };
  return message;
}

describe("createMessage", () => {
  it("fills the header with the message type, session, protocol version 5.3 and an ISO date", () => {
    const before = Date.now();
    const message = createMessage("kernel_info_request", { a: 1 }, "my-session");
    const after = Date.now();

    expect(message.header.msg_type).toBe("kernel_info_request");
    expect(message.header.session).toBe("my-session");
    expect(message.header.version).toBe("5.3");
    expect(PROTOCOL_VERSION).toBe("5.3");
    expect(message.header.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const date = Date.parse(message.header.date);
    expect(date).toBeGreaterThanOrEqual(before);
    expect(date).toBeLessThanOrEqual(after);
    expect(message.header.msg_id).toMatch(/\S/);
  });

  it("carries the content and starts with an empty parent header and metadata", () => {
    const content = { code: "x", silent: true };
    const message = createMessage("execute_request", content, "s");

    expect(message.content).toEqual(content);
    expect(message.parent_header).toEqual({});
    expect(message.metadata).toEqual({});
  });

  it("gives every message a unique msg_id", () => {
    const ids = new Set(Array.from({ length: 50 }, () => createMessage("status", {}, "s").header.msg_id));
    expect(ids.size).toBe(50);
  });
});

describe("encodeMessage", () => {
  it("starts with the delimiter, then the signature, then header, parent header, metadata and content as JSON", () => {
    const message = sampleMessage();
    const frames = encodeMessage(message, KEY);

    expect(frames).toHaveLength(6);
    expect(frames[0]).toBe("<IDS|MSG>");
    expect(JSON.parse(frames[2]!)).toEqual(message.header);
    expect(JSON.parse(frames[3]!)).toEqual(message.parent_header);
    expect(JSON.parse(frames[4]!)).toEqual(message.metadata);
    expect(JSON.parse(frames[5]!)).toEqual(message.content);
  });

  it("signs the four JSON parts with HMAC-SHA256 as a hex digest", () => {
    const frames = encodeMessage(sampleMessage(), KEY);

    expect(frames[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(frames[1]).toBe(hmacHex(KEY, frames.slice(2)));
  });

  it("gives a signature that depends on the key", () => {
    const message = sampleMessage();
    expect(encodeMessage(message, KEY)[1]).not.toBe(encodeMessage(message, "another-key")[1]);
  });

  it("gives an empty signature when the key is empty", () => {
    const frames = encodeMessage(sampleMessage(), "");

    expect(frames[1]).toBe("");
    expect(frames).toHaveLength(6);
  });
});

describe("decodeMessage", () => {
  it("round-trips an encoded message", () => {
    const message = sampleMessage();
    const decoded = decodeMessage(toFrames(encodeMessage(message, KEY)), KEY);

    expect(decoded).toEqual(message);
  });

  it("ignores routing identity frames before the delimiter", () => {
    const message = sampleMessage();
    const frames = [Buffer.from("identity-1"), Buffer.from([0, 1, 2, 3]), ...toFrames(encodeMessage(message, KEY))];

    expect(decodeMessage(frames, KEY)).toEqual(message);
  });

  it("rejects a message whose content frame was tampered with", () => {
    const parts = encodeMessage(sampleMessage(), KEY);
    parts[5] = JSON.stringify({ code: "process.exit(1)", silent: false });

    expect(() => decodeMessage(toFrames(parts), KEY)).toThrow(/invalid signature/);
  });

  it("rejects a message signed with a different key", () => {
    const frames = toFrames(encodeMessage(sampleMessage(), "wrong-key"));

    expect(() => decodeMessage(frames, KEY)).toThrow(/invalid signature/);
  });

  it("rejects an unsigned message when a key is set", () => {
    const frames = toFrames(encodeMessage(sampleMessage(), ""));

    expect(() => decodeMessage(frames, KEY)).toThrow(/invalid signature/);
  });

  it("rejects frames without a delimiter", () => {
    const frames = toFrames(encodeMessage(sampleMessage(), KEY).slice(1));

    expect(() => decodeMessage(frames, KEY)).toThrow(/delimiter/);
  });

  it("rejects a message with too few frames after the delimiter", () => {
    const frames = toFrames(encodeMessage(sampleMessage(), KEY).slice(0, 5));

    expect(() => decodeMessage(frames, KEY)).toThrow(/too few frames/);
  });

  it("accepts any signature when the key is empty", () => {
    const message = sampleMessage();
    const parts = encodeMessage(message, "");
    parts[1] = "not-a-real-signature";

    expect(decodeMessage(toFrames(parts), "")).toEqual(message);
  });
});
