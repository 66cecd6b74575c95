/**
 * The usage logs the import tests read, with every count chosen so the results can be worked out by hand:
 * spans.jsonl (two OTLP export requests made by the OpenTelemetry SDK) and responses.jsonl (an OpenAI chat
 * completion, an Anthropic message without a time, a Gemini response of a model models.csv lacks).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DATA_DIR } from "./data-folder";
import { chatSpan, otlpLine } from "./otel-spans";

export const SPANS = [
  otlpLine([
    // Friday 23:30 UTC: Saturday 07:30 in Asia/Shanghai.
    chatSpan("2026-11-06T23:30:00Z", "gpt-6-sol", {
      input_tokens: 1000,
      "cache_read.input_tokens": 400,
      "cache_creation.input_tokens": 100,
      output_tokens: 300,
      "reasoning.output_tokens": 100,
    }),
    { name: "GET /v1/tasks", start: "2026-11-06T23:29:58Z", attributes: { "http.request.method": "GET" } },
  ]),
  otlpLine([
    // Monday 09:15 in Asia/Shanghai.
    chatSpan("2026-11-09T01:15:00Z", "gpt-6-sol", { input_tokens: 2000, output_tokens: 500 }),
    {
      name: "invoke_agent planner",
      start: "2026-11-09T01:14:59Z",
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.usage.input_tokens": 5000, "gen_ai.usage.output_tokens": 1300 },
    },
  ]),
];

export const RESPONSES = [
  // Monday 10:00 in Asia/Shanghai.
  {
    timestamp: "2026-11-09T02:00:00Z",
    provider: "openai",
    response: {
      object: "chat.completion",
      created: 1,
      model: "gpt-6-sol-2026-10-01",
      usage: {
        prompt_tokens: 3000,
        completion_tokens: 800,
        prompt_tokens_details: { cached_tokens: 1000 },
        completion_tokens_details: { reasoning_tokens: 200 },
      },
    },
  },
  {
    id: "msg_1",
    type: "message",
    model: "claude-sonnet-5-20261001",
    usage: { input_tokens: 100, cache_read_input_tokens: 2000, cache_creation_input_tokens: 900, output_tokens: 400 },
  },
  // Tuesday 12:30 in Asia/Shanghai.
  {
    modelVersion: "my-finetune",
    createTime: "2026-11-10T12:30:00+08:00",
    usageMetadata: { promptTokenCount: 600, candidatesTokenCount: 90, thoughtsTokenCount: 10, totalTokenCount: 700 },
  },
].map((line) => JSON.stringify(line));

/** A throw-away folder with the two logs and a copy of data/2026-11 in `data/`; removed by `dispose`. */
export function importFixture(extraFiles: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "roilab-import-"));
  const dataDir = path.join(dir, "data");
  cpSync(path.join(DATA_DIR, "2026-11"), dataDir, { recursive: true });
  const files = { "spans.jsonl": `${SPANS.join("\n")}\n`, "responses.jsonl": `${RESPONSES.join("\n")}\n`, ...extraFiles };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { dir, dataDir, file: (name: string) => path.join(dir, name), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
