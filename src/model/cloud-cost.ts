/** Cloud API cost: tokens in and out, priced per million tokens (59.1). */

export interface TokenPrices {
  /** Price of input tokens, USD per million tokens. */
  inputUsdPerMTok: number;
  /** Price of output tokens, USD per million tokens. */
  outputUsdPerMTok: number;
}

export interface CallShape {
  /** Average input (prompt) tokens per call. */
  inputTokensPerCall: number;
  /** Average output (completion) tokens per call. */
  outputTokensPerCall: number;
}

export interface CloudWorkload extends CallShape {
  /** Calls per day. */
  callsPerDay: number;
  /** Billing days per month. Default 30, as in the chapter. */
  daysPerMonth?: number;
}

export interface CloudCost {
  usdPerCall: number;
  usdPerDay: number;
  usdPerMonth: number;
}

const TOKENS_PER_MTOK = 1_000_000;
export const DEFAULT_DAYS_PER_MONTH = 30;

/** Hours in a day: a month of `days` days runs `HOURS_PER_DAY × days` hours. */
export const HOURS_PER_DAY = 24;

/** USD for one call of the given shape. */
export function cloudCostPerCall(prices: TokenPrices, call: CallShape): number {
  return (call.inputTokensPerCall * prices.inputUsdPerMTok + call.outputTokensPerCall * prices.outputUsdPerMTok) / TOKENS_PER_MTOK;
}

/** Cost per call, per day and per month: calls/day × days × per-call cost. */
export function cloudCost(prices: TokenPrices, workload: CloudWorkload): CloudCost {
  return cloudCostAt(cloudCostPerCall(prices, workload), workload);
}

/** Per day and per month from a per-call cost in USD, however the call was priced. */
export function cloudCostAt(usdPerCall: number, workload: Pick<CloudWorkload, "callsPerDay" | "daysPerMonth">): CloudCost {
  const usdPerDay = workload.callsPerDay * usdPerCall;
  return { usdPerCall, usdPerDay, usdPerMonth: usdPerDay * (workload.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH) };
}
