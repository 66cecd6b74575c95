import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { loadDataset } from "../../src/data";
import { perMillion, readPriceMap } from "../../src/data/price-map";
import { ROOT } from "../helpers/cli";
import { DATA_DIR } from "../helpers/data-folder";

const FIXTURE = path.join(ROOT, "test/fixtures/litellm-prices.json");
const map = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
const models = loadDataset(DATA_DIR).models;

describe("reading a LiteLLM price map", () => {
  it("converts per-token prices to per million tokens exactly", () => {
    expect(perMillion(3e-6)).toBe(3);
    expect(perMillion(5.9e-7)).toBe(0.59);
    expect(perMillion(7.5e-8)).toBe(0.075);
  });

  it("maps every model with a price_map_key and leaves the others alone", () => {
    const result = readPriceMap(map, models);
    expect(result.problems).toEqual([]);
    expect(result.unmapped).toEqual(["hermes-4-70b", "hermes-3-8b"]);
    expect(result.prices.find((row) => row.modelId === "gpt-4o")).toEqual({
      modelId: "gpt-4o",
      key: "gpt-4o",
      inputUsdPerMTok: 2.5,
      outputUsdPerMTok: 10,
      cachedInputUsdPerMTok: 1.25,
      batchInputUsdPerMTok: 1.25,
      batchOutputUsdPerMTok: 5,
      contextTokens: 128000,
    });
    expect(result.prices.find((row) => row.modelId === "gemini-1.5-pro")).toMatchObject({
      outputUsdPerMTok: 10,
      cachedInputUsdPerMTok: undefined,
      contextTokens: 2097152,
    });
  });

  it("reports unknown keys, missing fields and non-numeric prices, never as zero", () => {
    const broken = {
      ...map,
      "gpt-4o": { input_cost_per_token: "0.0000025", output_cost_per_token: 1e-5 },
      "gpt-4o-mini": { input_cost_per_token: 1.5e-7 },
      "claude-3-5-sonnet-20241022": undefined,
      "groq/llama-3.1-70b-versatile": { input_cost_per_token: 5.9e-7, output_cost_per_token: 7.9e-7, max_input_tokens: "8k" },
    };
    const result = readPriceMap(broken, models);
    expect(result.problems).toEqual([
      'gpt-4o: input_cost_per_token must be a non-negative number, got "0.0000025"',
      "gpt-4o-mini: output_cost_per_token is missing",
      "claude-3-5-sonnet-20241022: not in the price map (model_id claude-3-5-sonnet)",
      'groq/llama-3.1-70b-versatile: max_input_tokens must be a positive whole number, got "8k"',
    ]);
    expect(result.prices.map((row) => row.modelId)).not.toContain("gpt-4o");
  });
});
