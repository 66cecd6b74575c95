import { describe, expect, it } from "vitest";
import { callFromProviderLine } from "../../../src/data/usage-log/provider-json";
import { LineProblem } from "../../../src/data/usage-log/usage-call";

const FRIDAY_2330_UTC = Date.UTC(2026, 10, 6, 23, 30);

describe("provider responses logged as JSON lines", () => {
  it("reads an OpenAI chat completion: prompt tokens include the cached ones, completion tokens the reasoning; its time is `created`", () => {
    const call = callFromProviderLine({
      id: "chatcmpl-1",
      object: "chat.completion",
      created: FRIDAY_2330_UTC / 1000,
      model: "gpt-6-sol-2026-10-01",
      usage: {
        prompt_tokens: 3000,
        completion_tokens: 800,
        total_tokens: 3800,
        prompt_tokens_details: { cached_tokens: 1000 },
        completion_tokens_details: { reasoning_tokens: 200 },
      },
    });
    expect(call).toEqual({
      model: "gpt-6-sol-2026-10-01",
      provider: "openai",
      startMs: FRIDAY_2330_UTC,
      inputTokens: 3000,
      cacheReadTokens: 1000,
      cacheWriteTokens: 0,
      visibleOutputTokens: 600,
      reasoningTokens: 200,
    });
  });

  it("reads an OpenAI Responses API response, timed by created_at", () => {
    const call = callFromProviderLine({
      object: "response",
      created_at: FRIDAY_2330_UTC / 1000,
      model: "gpt-6-luna",
      usage: {
        input_tokens: 1200,
        input_tokens_details: { cached_tokens: 200 },
        output_tokens: 150,
        output_tokens_details: { reasoning_tokens: 50 },
        total_tokens: 1350,
      },
    });
    expect(call).toMatchObject({
      provider: "openai",
      startMs: FRIDAY_2330_UTC,
      inputTokens: 1200,
      cacheReadTokens: 200,
      visibleOutputTokens: 100,
      reasoningTokens: 50,
    });
  });

  it("reads an Anthropic message, whose input_tokens leave out the cache: the total adds cache reads and creation; no time of its own", () => {
    const call = callFromProviderLine({
      id: "msg_1",
      type: "message",
      model: "claude-sonnet-5-20261001",
      usage: { input_tokens: 100, cache_read_input_tokens: 2000, cache_creation_input_tokens: 900, output_tokens: 400 },
    });
    expect(call).toEqual({
      model: "claude-sonnet-5-20261001",
      provider: "anthropic",
      startMs: undefined,
      inputTokens: 3000,
      cacheReadTokens: 2000,
      cacheWriteTokens: 900,
      visibleOutputTokens: 400,
      reasoningTokens: 0,
    });
  });

  it("reads Gemini's usageMetadata: thoughts are reasoning, cached content part of the prompt; timed by createTime", () => {
    const call = callFromProviderLine({
      modelVersion: "gemini-3.8-flash",
      createTime: "2026-11-10T12:30:00+08:00",
      usageMetadata: {
        promptTokenCount: 600,
        cachedContentTokenCount: 100,
        candidatesTokenCount: 90,
        thoughtsTokenCount: 10,
        totalTokenCount: 700,
      },
    });
    expect(call).toEqual({
      model: "gemini-3.8-flash",
      provider: "google",
      startMs: Date.UTC(2026, 10, 10, 4, 30),
      inputTokens: 600,
      cacheReadTokens: 100,
      cacheWriteTokens: 0,
      visibleOutputTokens: 90,
      reasoningTokens: 10,
    });
  });

  it("takes a wrapper's timestamp (ISO with its zone, epoch seconds or milliseconds) over the response's, and its provider as given", () => {
    const response = { model: "llama-3.3-70b-versatile", created: 1, usage: { prompt_tokens: 10, completion_tokens: 5 } };
    for (const timestamp of [
      "2026-11-06T23:30:00Z",
      "2026-11-07T07:30:00+08:00",
      FRIDAY_2330_UTC / 1000,
      FRIDAY_2330_UTC,
      String(FRIDAY_2330_UTC / 1000),
    ]) {
      expect(callFromProviderLine({ timestamp, provider: "groq", response })).toMatchObject({
        provider: "groq",
        startMs: FRIDAY_2330_UTC,
        inputTokens: 10,
        visibleOutputTokens: 5,
      });
    }
    // A wrapper without a timestamp falls back to the response's own time.
    expect(callFromProviderLine({ provider: "openai", response }).startMs).toBe(1000);
  });

  it("names what is wrong with a response it cannot read", () => {
    expect(() => callFromProviderLine({ model: "x", choices: [] })).toThrow(
      new LineProblem('no usage: expected "usage" (OpenAI, Anthropic) or "usageMetadata" (Gemini) in the response'),
    );
    expect(() => callFromProviderLine({ model: "x", usage: { prompt_tokens: 10 } })).toThrow(
      "openai chat response: Missing value at `usage.completion_tokens`",
    );
    expect(() => callFromProviderLine({ model: "x", usage: { prompt_tokens: -10, completion_tokens: 1 } })).toThrow(
      "openai chat response: Invalid usage value for input_tokens: expected a finite non-negative number",
    );
    expect(() => callFromProviderLine({ model: "x", usage: { prompt_tokens: 10, completion_tokens: 1.5 } })).toThrow(
      "output tokens must be a whole number, got 1.5",
    );
    expect(() =>
      callFromProviderLine({
        timestamp: "2026-11-06 23:30",
        provider: "openai",
        response: { usage: { prompt_tokens: 1, completion_tokens: 1 } },
      }),
    ).toThrow(/must be an ISO date-time with its zone/);
    expect(() =>
      callFromProviderLine({ timestamp: 1e20, provider: "openai", response: { usage: { prompt_tokens: 1, completion_tokens: 1 } } }),
    ).toThrow("timestamp 100000000000000000000 is not a time from 1970 to 9999");
  });
});
