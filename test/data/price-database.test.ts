import { describe, expect, it } from "vitest";
import { lookupPrices, parsePriceRef, sheetPrices } from "../../src/data/price-database";

const AS_OF = "2026-11-29";

describe("the bundled price database", () => {
  it("splits provider:model at its first colon and refuses a ref without both", () => {
    expect(parsePriceRef("openrouter:deepseek/deepseek-r1:free")).toEqual({ providerId: "openrouter", modelId: "deepseek/deepseek-r1:free" });
    expect(parsePriceRef("gpt-4o")).toBeUndefined();
    expect(parsePriceRef(":gpt-4o")).toBeUndefined();
    expect(lookupPrices("gpt-4o", new Date(AS_OF))).toMatchObject({ kind: "malformed" });
  });

  it("gives Claude Sonnet 4.5's base prices and its whole-call tier above 200,000 input tokens", () => {
    const lookup = lookupPrices("anthropic:claude-sonnet-4-5", new Date(AS_OF));
    expect(lookup.kind).toBe("found");
    if (lookup.kind !== "found") return;
    expect(lookup.prices).toMatchObject({ inputUsdPerMtok: 3, outputUsdPerMtok: 15, cachedInputUsdPerMtok: 0.3, cacheWriteUsdPerMtok: 3.75, contextTokens: 200000 });
    expect(lookup.prices.longContextTiers).toEqual([{ aboveInputTokens: 200000, inputUsdPerMtok: 6, outputUsdPerMtok: 22.5, cachedInputUsdPerMtok: 0.6, cacheWriteUsdPerMtok: 7.5 }]);
  });

  it("says unknown for a model it does not list", () => {
    expect(lookupPrices("together:NousResearch/Hermes-4-70B", new Date(AS_OF))).toEqual({ kind: "unknown" });
  });

  it("treats an answer without input and output prices, or with a non-price, as malformed", () => {
    expect(sheetPrices({}, "x:y")).toBe("x:y: the database gives no input_mtok and output_mtok price");
    expect(sheetPrices({ input_mtok: 1, output_mtok: -2 }, "x:y")).toBe("x:y: the database's output_mtok is -2, not a price");
    expect(sheetPrices({ input_mtok: 1, output_mtok: 2 }, "x:y")).toEqual({ base: { inputUsdPerMtok: 1, outputUsdPerMtok: 2, cachedInputUsdPerMtok: undefined, cacheWriteUsdPerMtok: undefined }, tiers: [] });
  });
});
