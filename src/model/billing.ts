/**
 * What a provider bills for a call: the plain price list of 59.1 extended with prompt caching, batch APIs and
 * long-context tiers, each priced per million tokens.
 *
 * How they combine (providers differ; this is roilab's rule, chosen to err on the dear side):
 * - A long-context tier applies when the call's input tokens (cached ones included) are strictly above its
 *   threshold, and then prices the whole call; with several tiers the highest threshold passed wins. An empty
 *   tier price keeps the base price for that kind of token.
 * - Of a call's input tokens, `cachedInputShare` are read from the prompt cache, `cacheWriteShare` are written
 *   to it, and the rest are plain (uncached) input.
 * - A batch call bills its uncached input and its output at batch prices, and its cache reads and writes at the
 *   cache prices with the batch discount on input (batch input ÷ input price) applied to them too, as Anthropic
 *   and OpenAI bill cached tokens in a batch. Above a tier, batch prices rise with the tier, in proportion to the
 *   base price, since providers state the batch price as a discount off the interactive one.
 * - Hidden reasoning tokens (a reasoning model's thinking) are billed as output tokens, at the output price.
 * - Cache writes for the one-hour cache are billed at the one-hour write price where the sheet has one, else at
 *   the five-minute write price, and the notes say so.
 * - A price the model lacks falls back to the plain price of the same token (cache reads and writes at the input
 *   price, batch calls at interactive prices), and the bill's notes say so.
 */
import { InputError } from "../errors";
import { cloudCostAt, type CallShape, type CloudCost, type CloudWorkload, type TokenPrices } from "./cloud-cost";

const TOKENS_PER_MTOK = 1_000_000;
/** Shares that add up to 1 by arithmetic on decimals (0.7 + 0.3) may land a rounding step above it. */
const SHARE_SUM_TOLERANCE = 1e-9;

/** Prices that replace the base ones for a call whose input is above a number of tokens. */
export interface LongContextTier {
  /** The tier applies to a call whose input tokens are strictly greater than this (at exactly this: base prices). */
  aboveInputTokens: number;
  /** USD per million input tokens. */
  inputUsdPerMTok: number;
  /** USD per million output tokens. */
  outputUsdPerMTok: number;
  /** USD per million input tokens read from the cache; absent: the base sheet's cache-read price. */
  cachedInputUsdPerMTok?: number;
  /** USD per million input tokens written to the cache; absent: the base sheet's cache-write price. */
  cacheWriteUsdPerMTok?: number;
}

/** A model's whole price sheet, USD per million tokens. Absent prices fall back as the module comment says. */
export interface PriceSheet extends TokenPrices {
  cachedInputUsdPerMTok?: number;
  cacheWriteUsdPerMTok?: number;
  batchInputUsdPerMTok?: number;
  batchOutputUsdPerMTok?: number;
  /** USD per million input tokens written to the one-hour prompt cache (Anthropic's 2x input). */
  cacheWrite1hUsdPerMTok?: number;
  longContextTiers?: readonly LongContextTier[];
}

/** How a workload's calls use the cache and the batch API; each 0 to 1, absent 0. */
export interface BillingShares {
  /** Share of a call's input tokens read from the prompt cache. */
  cachedInputShare?: number;
  /** Share of a call's input tokens written to the prompt cache. */
  cacheWriteShare?: number;
  /** Share of calls sent through the batch API. */
  batchShare?: number;
  /** How long written cache entries live: `5m` (the default) or `1h`, which providers bill at a higher write price. */
  cacheWriteTtl?: "5m" | "1h";
}

export interface BilledCall extends CallShape, BillingShares {
  /** Hidden reasoning tokens per call, billed as output; 0 for a model that does not reason. Default 0. */
  reasoningTokensPerCall?: number;
}

/** What was billed at a fallback price because the model's sheet has no price of its own for it. */
export type BillingNote =
  | "cache-read-at-input-price"
  | "cache-write-at-input-price"
  | "cache-write-1h-at-5m-price"
  | "batch-input-at-input-price"
  | "batch-output-at-output-price";

/** USD per call, by kind of token. */
export interface TokenCosts {
  uncachedInputUsd: number;
  cacheReadUsd: number;
  cacheWriteUsd: number;
  outputUsd: number;
  /** Hidden reasoning tokens, billed at the output price. */
  reasoningUsd: number;
}

/** One call sent this way: its cost by kind of token and in all. */
export interface ChannelBill extends TokenCosts {
  usdPerCall: number;
}

export interface CallBill {
  /** USD per call, averaged over interactive and batch calls. */
  usdPerCall: number;
  /** The average call's cost by kind of token; the four add up to usdPerCall, within rounding. */
  byTokenKind: TokenCosts;
  /** A call sent interactively. */
  interactive: ChannelBill;
  /** A call sent through the batch API. */
  batch: ChannelBill;
  batchShare: number;
  /** Tokens per call by kind. */
  tokens: { uncachedInput: number; cacheRead: number; cacheWrite: number; output: number; reasoning: number };
  /** The long-context tier that priced the call, if its input passed one. */
  longContextTier?: LongContextTier;
  notes: BillingNote[];
}

function checkShare(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new InputError(`${name} must be from 0 to 1, got ${value}`);
  return value;
}

/** The tier with the highest threshold the call's input passes, if any. */
export function longContextTierFor(tiers: readonly LongContextTier[] | undefined, inputTokensPerCall: number): LongContextTier | undefined {
  let chosen: LongContextTier | undefined;
  for (const tier of tiers ?? []) {
    if (inputTokensPerCall > tier.aboveInputTokens && (chosen === undefined || tier.aboveInputTokens > chosen.aboveInputTokens))
      chosen = tier;
  }
  return chosen;
}

/** A batch price above a tier: the tier's price with the model's batch discount (batch ÷ base) kept; a free base price gives no proportion, so the batch price stays. */
function batchPriceAbove(batchUsdPerMTok: number, baseUsdPerMTok: number, tierUsdPerMTok: number | undefined): number {
  if (tierUsdPerMTok === undefined || baseUsdPerMTok === 0) return batchUsdPerMTok;
  // The ratio first: a tier at least the base price then never lowers the batch price, even by a rounding step.
  return batchUsdPerMTok * (tierUsdPerMTok / baseUsdPerMTok);
}

function channelBill(
  tokens: CallBill["tokens"],
  prices: { input: number; output: number; cacheRead: number; cacheWrite: number },
): ChannelBill {
  return {
    // Plain input and output first, in cloudCostPerCall's order, so a call without cache or reasoning tokens costs the same to the last bit.
    usdPerCall:
      (tokens.uncachedInput * prices.input +
        tokens.output * prices.output +
        tokens.cacheRead * prices.cacheRead +
        tokens.cacheWrite * prices.cacheWrite +
        tokens.reasoning * prices.output) /
      TOKENS_PER_MTOK,
    uncachedInputUsd: (tokens.uncachedInput * prices.input) / TOKENS_PER_MTOK,
    cacheReadUsd: (tokens.cacheRead * prices.cacheRead) / TOKENS_PER_MTOK,
    cacheWriteUsd: (tokens.cacheWrite * prices.cacheWrite) / TOKENS_PER_MTOK,
    outputUsd: (tokens.output * prices.output) / TOKENS_PER_MTOK,
    reasoningUsd: (tokens.reasoning * prices.output) / TOKENS_PER_MTOK,
  };
}

/**
 * USD for one call as the provider bills it, with its breakdown and the prices it had to assume. With no
 * cache or batch share and no tier passed, usdPerCall equals cloudCostPerCall exactly.
 */
export function billCall(sheet: PriceSheet, call: BilledCall): CallBill {
  const cachedShare = checkShare("cached_input_share", call.cachedInputShare ?? 0);
  const writeShare = checkShare("cache_write_share", call.cacheWriteShare ?? 0);
  const batchShare = checkShare("batch_share", call.batchShare ?? 0);
  if (cachedShare + writeShare > 1 + SHARE_SUM_TOLERANCE)
    throw new InputError(`cached_input_share + cache_write_share must not exceed 1, got ${cachedShare} + ${writeShare}`);

  const cacheRead = call.inputTokensPerCall * cachedShare;
  const cacheWrite = call.inputTokensPerCall * writeShare;
  const reasoning = call.reasoningTokensPerCall ?? 0;
  if (!(reasoning >= 0 && Number.isFinite(reasoning)))
    throw new InputError(`reasoning_tokens_per_call must be a non-negative number, got ${reasoning}`);
  const tokens = {
    uncachedInput: Math.max(0, call.inputTokensPerCall - cacheRead - cacheWrite),
    cacheRead,
    cacheWrite,
    output: call.outputTokensPerCall,
    reasoning,
  };

  const tier = longContextTierFor(sheet.longContextTiers, call.inputTokensPerCall);
  const input = tier?.inputUsdPerMTok ?? sheet.inputUsdPerMTok;
  const output = tier?.outputUsdPerMTok ?? sheet.outputUsdPerMTok;
  const notes: BillingNote[] = [];
  const orFallback = (price: number | undefined, fallback: number, used: boolean, note: BillingNote) => {
    if (price !== undefined) return price;
    if (used) notes.push(note);
    return fallback;
  };
  const fiveMinuteWrite = () =>
    orFallback(tier?.cacheWriteUsdPerMTok ?? sheet.cacheWriteUsdPerMTok, input, cacheWrite > 0, "cache-write-at-input-price");
  const cachePrices = {
    cacheRead: orFallback(tier?.cachedInputUsdPerMTok ?? sheet.cachedInputUsdPerMTok, input, cacheRead > 0, "cache-read-at-input-price"),
    cacheWrite:
      call.cacheWriteTtl === "1h"
        ? // A one-hour write price above a tier rises with the tier as batch prices do: the premium is stated off the base price.
          ((sheet.cacheWrite1hUsdPerMTok === undefined
            ? undefined
            : batchPriceAbove(sheet.cacheWrite1hUsdPerMTok, sheet.inputUsdPerMTok, tier?.inputUsdPerMTok)) ??
          orFallback(undefined, fiveMinuteWrite(), cacheWrite > 0, "cache-write-1h-at-5m-price"))
        : fiveMinuteWrite(),
  };
  const batchInput =
    sheet.batchInputUsdPerMTok === undefined
      ? undefined
      : batchPriceAbove(sheet.batchInputUsdPerMTok, sheet.inputUsdPerMTok, tier?.inputUsdPerMTok);
  const batchOutput =
    sheet.batchOutputUsdPerMTok === undefined
      ? undefined
      : batchPriceAbove(sheet.batchOutputUsdPerMTok, sheet.outputUsdPerMTok, tier?.outputUsdPerMTok);
  const batchUsed = batchShare > 0;
  const interactive = channelBill(tokens, { input, output, ...cachePrices });
  const batchInputPrice = orFallback(
    batchInput,
    input,
    batchUsed && tokens.uncachedInput + tokens.cacheRead + tokens.cacheWrite > 0,
    "batch-input-at-input-price",
  );
  // The batch discount on input applies to cached tokens too; a free (or vanishing) input price gives no proportion to
  // apply, and a batch price above the list price is no discount to pass on.
  const batchInputFactor = input > 0 && Number.isFinite(batchInputPrice / input) ? Math.min(1, batchInputPrice / input) : 1;
  const batch = channelBill(tokens, {
    input: batchInputPrice,
    output: orFallback(batchOutput, output, batchUsed && tokens.output + tokens.reasoning > 0, "batch-output-at-output-price"),
    cacheRead: cachePrices.cacheRead * batchInputFactor,
    cacheWrite: cachePrices.cacheWrite * batchInputFactor,
  });

  // With no batch share, the interactive cost exactly (never 0 × a batch figure that may not be finite).
  const averaged = (pick: (bill: ChannelBill) => number) =>
    batchShare === 0 ? pick(interactive) : (1 - batchShare) * pick(interactive) + batchShare * pick(batch);
  return {
    usdPerCall: averaged((bill) => bill.usdPerCall),
    byTokenKind: {
      uncachedInputUsd: averaged((bill) => bill.uncachedInputUsd),
      cacheReadUsd: averaged((bill) => bill.cacheReadUsd),
      cacheWriteUsd: averaged((bill) => bill.cacheWriteUsd),
      outputUsd: averaged((bill) => bill.outputUsd),
      reasoningUsd: averaged((bill) => bill.reasoningUsd),
    },
    interactive,
    batch,
    batchShare,
    tokens,
    ...(tier ? { longContextTier: tier } : {}),
    notes,
  };
}

/** Cost per call, per day and per month as the provider bills it, with the per-call bill. */
export function billedCloudCost(sheet: PriceSheet, workload: CloudWorkload & BillingShares): CloudCost & { bill: CallBill } {
  const bill = billCall(sheet, workload);
  return { ...cloudCostAt(bill.usdPerCall, workload), bill };
}
