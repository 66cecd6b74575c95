import { describe, expect, it } from "vitest";
import { callsFromOtlpRequest } from "../../../src/data/usage-log/otlp";
import { LineProblem } from "../../../src/data/usage-log/usage-call";
import { chatSpan, otlpLine } from "../../helpers/otel-spans";

const request = (line: string) => JSON.parse(line) as Record<string, unknown>;

/** A hand-written request with the collector's int64-as-string encoding. */
function collectorRequest(
  attributes: Array<{ key: string; value: Record<string, unknown> }>,
  startTimeUnixNano: unknown = "1794007800000000000",
) {
  return {
    resourceSpans: [
      { resource: { attributes: [] }, scopeSpans: [{ scope: { name: "x" }, spans: [{ name: "chat", startTimeUnixNano, attributes }] }] },
    ],
  };
}

describe("OTLP/JSON GenAI spans", () => {
  it("reads the SDK's own serialisation: tokens, model, provider and start time of each model call", () => {
    const line = otlpLine([
      chatSpan("2026-11-06T23:30:00Z", "gpt-6-sol", {
        input_tokens: 1000,
        "cache_read.input_tokens": 400,
        "cache_creation.input_tokens": 100,
        output_tokens: 300,
        "reasoning.output_tokens": 100,
      }),
      chatSpan("2026-11-09T01:15:00.250Z", "gpt-6-luna", { input_tokens: 2000, output_tokens: 500 }),
    ]);
    const result = callsFromOtlpRequest(request(line));
    expect(result).toEqual({
      calls: [
        // Cache reads and writes are part of the 1000 input tokens; 100 of the 300 output tokens are reasoning.
        {
          model: "gpt-6-sol",
          provider: "openai",
          startMs: Date.UTC(2026, 10, 6, 23, 30),
          inputTokens: 1000,
          cacheReadTokens: 400,
          cacheWriteTokens: 100,
          visibleOutputTokens: 200,
          reasoningTokens: 100,
        },
        {
          model: "gpt-6-luna",
          provider: "openai",
          startMs: Date.UTC(2026, 10, 9, 1, 15, 0, 250),
          inputTokens: 2000,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
          visibleOutputTokens: 500,
          reasoningTokens: 0,
        },
      ],
      spansWithoutUsage: 0,
      spansOfOtherOperations: 0,
    });
  });

  it("skips and counts spans without gen_ai usage, and agent or tool spans whose usage repeats their model calls'", () => {
    const line = otlpLine([
      { name: "GET /v1/tasks", start: "2026-11-06T23:29:59Z", attributes: { "http.request.method": "GET" } },
      {
        name: "invoke_agent planner",
        start: "2026-11-06T23:30:00Z",
        attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.output_tokens": 300 },
      },
      { name: "execute_tool search", start: "2026-11-06T23:30:01Z", attributes: { "gen_ai.operation.name": "execute_tool" } },
      chatSpan("2026-11-06T23:30:00Z", "gpt-6-sol", { input_tokens: 1000, output_tokens: 300 }),
    ]);
    const result = callsFromOtlpRequest(request(line));
    expect(result.calls).toHaveLength(1);
    expect(result.spansWithoutUsage).toBe(2);
    expect(result.spansOfOtherOperations).toBe(1);
  });

  it("falls back to the response model and to gen_ai.system, and reads int64 written as strings", () => {
    const call = callsFromOtlpRequest(
      collectorRequest([
        { key: "gen_ai.system", value: { stringValue: "anthropic" } },
        { key: "gen_ai.response.model", value: { stringValue: "claude-sonnet-5-20261001" } },
        { key: "gen_ai.usage.input_tokens", value: { intValue: "3000" } },
        { key: "gen_ai.usage.output_tokens", value: { intValue: "400" } },
      ]),
    ).calls[0];
    expect(call).toEqual({
      model: "claude-sonnet-5-20261001",
      provider: "anthropic",
      startMs: 1794007800000,
      inputTokens: 3000,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      visibleOutputTokens: 400,
      reasoningTokens: 0,
    });
  });

  it("gives a span with no start time none, and refuses counts that are not whole tokens or break the inclusion rules", () => {
    const usage = (input: Record<string, unknown>, output: Record<string, unknown> = { intValue: 1 }) => [
      { key: "gen_ai.usage.input_tokens", value: input },
      { key: "gen_ai.usage.output_tokens", value: output },
    ];
    expect(callsFromOtlpRequest(collectorRequest(usage({ intValue: 5 }), "0")).calls[0]?.startMs).toBeUndefined();
    expect(() => callsFromOtlpRequest(collectorRequest(usage({ stringValue: "abc" })))).toThrow(
      new LineProblem('span 1 ("chat"): gen_ai.usage.input_tokens must be a whole number of tokens, got {"stringValue":"abc"}'),
    );
    expect(() => callsFromOtlpRequest(collectorRequest(usage({ intValue: "-3" })))).toThrow(LineProblem);
    expect(() => callsFromOtlpRequest(collectorRequest(usage({ intValue: 5 }), "soon"))).toThrow(/startTimeUnixNano must be nanoseconds/);
    expect(() =>
      callsFromOtlpRequest(
        collectorRequest([...usage({ intValue: 5 }), { key: "gen_ai.usage.cache_read.input_tokens", value: { intValue: 6 } }]),
      ),
    ).toThrow('span 1 ("chat"): cache reads (6) and writes (0) exceed the input tokens (5) that include them');
    expect(() =>
      callsFromOtlpRequest(
        collectorRequest([
          ...usage({ intValue: 5 }, { intValue: 2 }),
          { key: "gen_ai.usage.reasoning.output_tokens", value: { intValue: 3 } },
        ]),
      ),
    ).toThrow('span 1 ("chat"): reasoning tokens (3) exceed the output tokens (2) that include them');
    expect(() => callsFromOtlpRequest({ resourceSpans: {} })).toThrow("resourceSpans must be a list, got {}");
  });
});
