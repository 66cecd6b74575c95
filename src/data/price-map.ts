/**
 * Reading a LiteLLM-style price map (`model_prices_and_context_window.json`): per-token USD prices keyed by
 * model name. Prices become USD per million tokens; anything unusable is reported, never written as zero.
 */
import type { ModelRow } from "./schemas";

export interface PriceMapEntry {
  input_cost_per_token?: unknown;
  output_cost_per_token?: unknown;
  cache_read_input_token_cost?: unknown;
  cache_creation_input_token_cost?: unknown;
  input_cost_per_token_batches?: unknown;
  output_cost_per_token_batches?: unknown;
  max_input_tokens?: unknown;
  litellm_provider?: unknown;
}

export interface ImportedPrices {
  modelId: string;
  key: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | undefined;
  batchInputUsdPerMTok: number | undefined;
  batchOutputUsdPerMTok: number | undefined;
  contextTokens: number | undefined;
}

export interface PriceMapResult {
  prices: ImportedPrices[];
  /** Models without a price_map_key: left as they are. */
  unmapped: string[];
  problems: string[];
}

/** Per token → per million tokens, without binary noise (3e-6 × 1e6 is 3, not 2.9999999999999996). */
export function perMillion(usdPerToken: number): number {
  return Number((usdPerToken * 1_000_000).toPrecision(12));
}

function price(entry: PriceMapEntry, field: keyof PriceMapEntry, key: string, required: boolean, problems: string[]): number | undefined {
  const value = entry[field];
  if (value === undefined || value === null) {
    if (required) problems.push(`${key}: ${field} is missing`);
    return undefined;
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    problems.push(`${key}: ${field} must be a non-negative number, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return value;
}

export function readPriceMap(map: Record<string, unknown>, models: readonly ModelRow[]): PriceMapResult {
  const problems: string[] = [];
  const prices: ImportedPrices[] = [];
  const unmapped: string[] = [];
  for (const model of models) {
    const key = model.priceMapKey;
    if (!key) {
      unmapped.push(model.modelId);
      continue;
    }
    const entry = map[key];
    if (entry === undefined || entry === null || typeof entry !== "object") {
      problems.push(`${key}: not in the price map (model_id ${model.modelId})`);
      continue;
    }
    const fields = entry as PriceMapEntry;
    const input = price(fields, "input_cost_per_token", key, true, problems);
    const output = price(fields, "output_cost_per_token", key, true, problems);
    const cached = price(fields, "cache_read_input_token_cost", key, false, problems);
    const batchInput = price(fields, "input_cost_per_token_batches", key, false, problems);
    const batchOutput = price(fields, "output_cost_per_token_batches", key, false, problems);
    const context = fields.max_input_tokens;
    if (context !== undefined && (typeof context !== "number" || !Number.isInteger(context) || context <= 0)) {
      problems.push(`${key}: max_input_tokens must be a positive whole number, got ${JSON.stringify(context)}`);
    }
    if (input === undefined || output === undefined) continue;
    prices.push({
      modelId: model.modelId,
      key,
      inputUsdPerMTok: perMillion(input),
      outputUsdPerMTok: perMillion(output),
      cachedInputUsdPerMTok: cached === undefined ? undefined : perMillion(cached),
      batchInputUsdPerMTok: batchInput === undefined ? undefined : perMillion(batchInput),
      batchOutputUsdPerMTok: batchOutput === undefined ? undefined : perMillion(batchOutput),
      contextTokens: typeof context === "number" && Number.isInteger(context) && context > 0 ? context : undefined,
    });
  }
  return { prices, unmapped, problems };
}
