/** The Jupyter messaging protocol 5.3, as far as a headless client needs it. */
import { createHmac, randomUUID } from "node:crypto";
import { KernelProtocolError } from "../errors";

export const PROTOCOL_VERSION = "5.3";
const DELIMITER = "<IDS|MSG>";

export interface MessageHeader {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

export interface Message<Content = Record<string, unknown>> {
  header: MessageHeader;
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: Content;
}

/** MIME bundle of a display or result: MIME type → data. */
export type MimeBundle = Record<string, unknown>;

export interface ExecuteRequestContent {
  code: string;
  silent: boolean;
  store_history: boolean;
  user_expressions: Record<string, string>;
  allow_stdin: boolean;
  stop_on_error: boolean;
}

export interface ExecuteReplyContent {
  status: "ok" | "error" | "abort";
  execution_count?: number;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface StreamContent {
  name: "stdout" | "stderr";
  text: string;
}

export interface DisplayDataContent {
  data: MimeBundle;
  metadata?: Record<string, unknown>;
  transient?: { display_id?: string };
}

export interface ExecuteResultContent extends DisplayDataContent {
  execution_count: number;
}

export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

export interface StatusContent {
  execution_state: "busy" | "idle" | "starting";
}

export interface KernelInfoReplyContent {
  status: "ok" | "error";
  protocol_version: string;
  implementation: string;
  implementation_version: string;
  language_info: { name: string; version?: string; file_extension?: string };
}

/** The iopub messages a runner records, by msg_type. */
export type IopubMessage =
  | (Message<StreamContent> & { header: MessageHeader & { msg_type: "stream" } })
  | (Message<DisplayDataContent> & { header: MessageHeader & { msg_type: "display_data" | "update_display_data" } })
  | (Message<ExecuteResultContent> & { header: MessageHeader & { msg_type: "execute_result" } })
  | (Message<ErrorContent> & { header: MessageHeader & { msg_type: "error" } })
  | (Message<StatusContent> & { header: MessageHeader & { msg_type: "status" } });

/** What a kernel reads from its connection file. */
export interface ConnectionInfo {
  transport: "tcp";
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: "hmac-sha256";
  kernel_name?: string;
}

export function createMessage<Content>(msgType: string, content: Content, session: string): Message<Content> {
  return {
    header: {
      msg_id: randomUUID(),
      session,
      username: "roilab",
      date: new Date().toISOString(),
      msg_type: msgType,
      version: PROTOCOL_VERSION,
    },
    parent_header: {},
    metadata: {},
    content,
  };
}

function sign(key: string, parts: readonly (Buffer | string)[]): string {
  if (!key) return "";
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}

/** Frames for sending: delimiter, HMAC-SHA256 signature, then the four JSON parts. */
export function encodeMessage(message: Message<unknown>, key: string): string[] {
  const parts = [message.header, message.parent_header, message.metadata, message.content].map((part) => JSON.stringify(part));
  return [DELIMITER, sign(key, parts), ...parts];
}

/** Parses received frames (any routing prefix before the delimiter is ignored) and checks the signature. */
export function decodeMessage(frames: readonly Buffer[], key: string): Message {
  const delimiter = frames.findIndex((frame) => frame.toString() === DELIMITER);
  if (delimiter < 0 || frames.length < delimiter + 6)
    throw new KernelProtocolError("malformed Jupyter message: no delimiter or too few frames");
  const signature = frames[delimiter + 1]?.toString() ?? "";
  const parts = frames.slice(delimiter + 2, delimiter + 6);
  if (key && signature !== sign(key, parts)) throw new KernelProtocolError("Jupyter message with an invalid signature");
  const [header, parent, metadata, content] = parts.map((part) => JSON.parse(part.toString()) as unknown);
  return {
    header: header as MessageHeader,
    parent_header: parent as Partial<MessageHeader>,
    metadata: metadata as Record<string, unknown>,
    content: content as Record<string, unknown>,
  };
}
