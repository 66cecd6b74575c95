import { afterEach, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { DataError, UsageError } from "../../../src/errors";
import { readUsageLogs } from "../../../src/data/usage-log/read-usage";
import type { UsageCall } from "../../../src/data/usage-log/usage-call";
import { importFixture, RESPONSES, SPANS } from "../../helpers/usage-logs";

let fixture: ReturnType<typeof importFixture> | undefined;
afterEach(() => fixture?.dispose());

async function read(files: string[]) {
  const calls: UsageCall[] = [];
  const stats = await readUsageLogs(files, (call) => calls.push(call));
  return { calls, stats };
}

async function problemOf(files: string[]): Promise<DataError> {
  try {
    await read(files);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected a DataError");
}

describe("reading usage logs line by line", () => {
  it("tells OTLP export requests from provider responses per line, in file order, and counts the skipped spans", async () => {
    // A byte-order mark, Windows line ends and blank lines are no problem.
    fixture = importFixture({ "mixed.jsonl": `\uFEFF${[RESPONSES[0], "", "   ", SPANS[0]].join("\r\n")}\r\n` });
    const { calls, stats } = await read([fixture.file("spans.jsonl"), fixture.file("responses.jsonl"), fixture.file("mixed.jsonl")]);
    expect(calls.map((call) => call.model)).toEqual([
      "gpt-6-sol",
      "gpt-6-sol",
      "gpt-6-sol-2026-10-01",
      "claude-sonnet-5-20261001",
      "my-finetune",
      "gpt-6-sol-2026-10-01",
      "gpt-6-sol",
    ]);
    expect(stats).toEqual({ lines: 7, calls: 7, spansWithoutUsage: 2, spansOfOtherOperations: 1 });
  });

  it("names each malformed line as file:line with what is wrong", async () => {
    fixture = importFixture({
      "bad.jsonl": [
        '{"model":"gpt-6-sol","usage":{"prompt_tokens":10,"completion_tokens":5}}',
        '{"model": "gpt-6-sol", usage}',
        "[1, 2]",
        '{"model":"x","usage":{"prompt_tokens":10,"completion_tokens":5,"completion_tokens_details":{"reasoning_tokens":6}}}',
        '{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"chat","attributes":[{"key":"gen_ai.usage.input_tokens","value":{"stringValue":"many"}}]}]}]}]}',
        '{"hello":"world"}',
      ].join("\n"),
    });
    const error = await problemOf([fixture.file("spans.jsonl"), fixture.file("bad.jsonl")]);
    const located = error.issues.map((issue) => `${issue.line}:${issue.column} ${issue.message}`);
    expect(error.exitCode).toBe(2);
    expect(error.issues.every((issue) => issue.file.endsWith("bad.jsonl"))).toBe(true);
    expect(located).toEqual([
      // The column is the character V8 stopped at: `usage` without quotes.
      expect.stringMatching(/^2:24 not JSON: /),
      "3:1 expected a JSON object (an OTLP export request or a provider response), got a list",
      "4:1 reasoning tokens (6) exceed the output tokens (5) that include them",
      '5:1 span 1 ("chat"): gen_ai.usage.input_tokens must be a whole number of tokens, got {"stringValue":"many"}',
      '6:1 no usage: expected "usage" (OpenAI, Anthropic) or "usageMetadata" (Gemini) in the response; nothing was written',
    ]);
    expect(error.message).toMatch(/bad\.jsonl:2:24 - not JSON/);
  });

  it("stops after ten problems, saying so", async () => {
    fixture = importFixture({ "junk.txt": Array.from({ length: 50 }, (_, index) => `line ${index}`).join("\n") });
    const error = await problemOf([fixture.file("junk.txt")]);
    expect(error.issues).toHaveLength(10);
    expect(error.issues.at(-1)?.message).toMatch(/\(reading stopped after 10 problems\); nothing was written$/);
  });

  it("refuses a missing file or a compressed one before reading any", async () => {
    fixture = importFixture();
    writeFileSync(fixture.file("spans.jsonl.gz"), gzipSync("{}\n"));
    await expect(read([fixture.file("spans.jsonl"), fixture.file("nothing.jsonl")])).rejects.toThrow(UsageError);
    await expect(read([fixture.file("spans.jsonl.gz")])).rejects.toThrow(/gzip-compressed; decompress it first/);
  });
});
