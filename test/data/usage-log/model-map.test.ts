import { describe, expect, it } from "vitest";
import type { ModelRow } from "../../../src/data";
import { modelMatcher } from "../../../src/data/usage-log/model-map";

const row = (modelId: string, priceRef?: string) => ({ modelId, priceRef }) as ModelRow;

describe("a log's model name mapped to models.csv", () => {
  const match = modelMatcher([
    row("claude-sonnet-5", "anthropic:claude-sonnet-5"),
    row("gpt-oss-120b", "groq:openai/gpt-oss-120b"),
    row("mistral-large-3", "mistral:mistral-large-2512"),
    row("hermes-4-70b"),
  ]);
  const id = (name: string) => match(name)?.modelId;

  it("by model_id or by price_ref's model part, whatever the case", () => {
    expect(id("claude-sonnet-5")).toBe("claude-sonnet-5");
    expect(id("Hermes-4-70B")).toBe("hermes-4-70b");
    expect(id("openai/gpt-oss-120b")).toBe("gpt-oss-120b");
    expect(id("mistral-large-2512")).toBe("mistral-large-3");
  });

  it("with a release date at the end set aside: -YYYYMMDD, -YYYY-MM-DD or @YYYYMMDD", () => {
    expect(id("claude-sonnet-5-20261001")).toBe("claude-sonnet-5");
    expect(id("claude-sonnet-5-2026-10-01")).toBe("claude-sonnet-5");
    expect(id("claude-sonnet-5@20261001")).toBe("claude-sonnet-5");
  });

  it("and to nothing otherwise: another model, a longer name, no name", () => {
    expect(id("claude-sonnet-5-mini")).toBeUndefined();
    expect(id("mistral-large")).toBeUndefined();
    expect(id("")).toBeUndefined();
  });
});
