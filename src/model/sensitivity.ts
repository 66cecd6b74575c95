/**
 * Sensitivity and uncertainty of a break-even: which input moves it most (tornado), and how wide it is
 * when every input is uncertain at once (Monte Carlo, seeded so a report is reproducible).
 */
import { InputError } from "../errors";
import { billCall, type BilledCall, type PriceSheet } from "./billing";
import { DEFAULT_DAYS_PER_MONTH, type CallShape, type TokenPrices } from "./cloud-cost";
import { localMonthlyCost, type LocalCostOptions } from "./local-cost";

/** How an API call is billed beyond its plain input and output prices: the rest of the model's price sheet, the workload's shares and the model's reasoning tokens. */
export type CallBilling = Omit<PriceSheet, keyof TokenPrices> & Omit<BilledCall, keyof CallShape>;

/** Everything a local-versus-API break-even depends on. Power and ops are either itemised or stated. */
export interface BreakEvenInputs
  extends TokenPrices,
    CallShape,
    Omit<LocalCostOptions, "capexUsd" | "depreciationMonths" | "monthlyFixedUsd"> {
  capexUsd: number;
  depreciationMonths: number;
  /**
   * Cache, batch and long-context pricing of the call; absent: plain input and output prices only. Varying the
   * input price moves the prices that fall back to it, not the cache or batch prices the model lists.
   */
  billing?: CallBilling;
}

export type SensitivityInput = Exclude<keyof BreakEvenInputs, "daysPerMonth" | "billing">;

/**
 * The billing of a call from a whole price sheet and the call's shares and reasoning: the sheet without its plain
 * prices, which BreakEvenInputs holds apart, so a break-even bills a call as the workload's bill does.
 */
export function callBilling(sheet: PriceSheet, call: Omit<BilledCall, keyof CallShape>): CallBilling {
  return {
    cachedInputUsdPerMTok: sheet.cachedInputUsdPerMTok,
    cacheWriteUsdPerMTok: sheet.cacheWriteUsdPerMTok,
    cacheWrite1hUsdPerMTok: sheet.cacheWrite1hUsdPerMTok,
    batchInputUsdPerMTok: sheet.batchInputUsdPerMTok,
    batchOutputUsdPerMTok: sheet.batchOutputUsdPerMTok,
    longContextTiers: sheet.longContextTiers,
    cachedInputShare: call.cachedInputShare,
    cacheWriteShare: call.cacheWriteShare,
    batchShare: call.batchShare,
    cacheWriteTtl: call.cacheWriteTtl,
    reasoningTokensPerCall: call.reasoningTokensPerCall,
  };
}

/** USD per API call of the break-even inputs, as billCall bills it. */
export function apiUsdPerCallOf(inputs: BreakEvenInputs): number {
  const sheet: PriceSheet = { ...inputs.billing, inputUsdPerMTok: inputs.inputUsdPerMTok, outputUsdPerMTok: inputs.outputUsdPerMTok };
  return billCall(sheet, {
    ...inputs.billing,
    inputTokensPerCall: inputs.inputTokensPerCall,
    outputTokensPerCall: inputs.outputTokensPerCall,
  }).usdPerCall;
}

/**
 * The inputs a tornado or a Monte Carlo may vary, in display order: the one list of them, with the data column
 * each comes from (uncertainty_ranges.csv names an input by it), its label and its unit.
 */
export const SENSITIVITY_INPUTS = [
  { key: "inputUsdPerMTok", column: "input_usd_per_mtok", label: "Input price", unit: "$/M tokens" },
  { key: "outputUsdPerMTok", column: "output_usd_per_mtok", label: "Output price", unit: "$/M tokens" },
  { key: "inputTokensPerCall", column: "input_tokens_per_call", label: "Input tokens per call", unit: "tokens" },
  { key: "outputTokensPerCall", column: "output_tokens_per_call", label: "Output tokens per call", unit: "tokens" },
  { key: "capexUsd", column: "capex_usd", label: "Hardware price", unit: "$" },
  { key: "depreciationMonths", column: "depreciation_months", label: "Depreciation period", unit: "months" },
  { key: "powerKw", column: "power_kw", label: "Power draw", unit: "kW" },
  { key: "electricityUsdPerKwh", column: "electricity_usd_per_kwh", label: "Electricity price", unit: "$/kWh" },
  { key: "powerUsdPerMonth", column: "power_usd_per_month", label: "Electricity bill", unit: "$/month" },
  { key: "opsFte", column: "ops_fte", label: "Ops share of an engineer", unit: "FTE" },
  { key: "opsSalaryUsdPerMonth", column: "ops_salary_usd_per_month", label: "Engineer salary", unit: "$/month" },
  { key: "opsUsdPerMonth", column: "ops_usd_per_month", label: "Ops cost", unit: "$/month" },
] as const satisfies ReadonlyArray<{ key: SensitivityInput; column: string; label: string; unit: string }>;

/** Break-even calls/day, not truncated (so small input changes show), Infinity when a call saves nothing locally. */
export function breakEvenDailyCallsOf(inputs: BreakEvenInputs): number {
  const days = inputs.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH;
  const local = localMonthlyCost({ ...inputs, daysPerMonth: days }).totalUsd;
  const usdPerCall = apiUsdPerCallOf(inputs);
  return usdPerCall > 0 ? local / (usdPerCall * days) : Infinity;
}

export interface TornadoBar {
  input: SensitivityInput;
  label: string;
  unit: string;
  baseValue: number;
  lowValue: number;
  highValue: number;
  /** Break-even calls/day with this input at its low and at its high value, all others at base. */
  breakEvenAtLow: number;
  breakEvenAtHigh: number;
  /** |high − low| break-even, calls/day: the bar's length. */
  spread: number;
}

export interface TornadoOptions {
  /** Relative swing each way, 0.2 = ±20%. Default 0.2. */
  swing?: number;
  /** Inputs to vary; default every one the inputs define. */
  inputs?: readonly SensitivityInput[];
}

export interface Tornado {
  baseBreakEven: number;
  /** Longest bar first. */
  bars: TornadoBar[];
}

/** One-at-a-time sensitivity: each input at base × (1 ∓ swing) while the rest stay at base. */
export function tornado(base: BreakEvenInputs, options: TornadoOptions = {}): Tornado {
  const swing = options.swing ?? 0.2;
  if (!(swing > 0 && swing < 1)) throw new InputError("tornado: swing must be between 0 and 1 (0.2 = ±20%)");
  const keys = options.inputs ?? SENSITIVITY_INPUTS.map((input) => input.key);
  return tornadoOf(base, keys, () => [1 - swing, 1 + swing]);
}

/**
 * One-at-a-time sensitivity over each input's own range: the input at base × its low and high factor, the
 * rest at base. Unlike an equal share, this ranks inputs by how uncertain each really is.
 */
export function rangeTornado(base: BreakEvenInputs, ranges: Partial<Record<SensitivityInput, InputRange>>): Tornado {
  const keys = SENSITIVITY_INPUTS.map((input) => input.key).filter((key) => ranges[key] !== undefined);
  return tornadoOf(base, keys, (key) => {
    const range = ranges[key] as InputRange;
    if (!(range.lowFactor <= range.highFactor))
      throw new InputError(`input range: lowFactor ${range.lowFactor} is above highFactor ${range.highFactor}`);
    return [range.lowFactor, range.highFactor];
  });
}

function tornadoOf(
  base: BreakEvenInputs,
  keys: readonly SensitivityInput[],
  factorsOf: (key: SensitivityInput) => [number, number],
): Tornado {
  const bars = SENSITIVITY_INPUTS.filter((input) => keys.includes(input.key) && base[input.key] !== undefined).map((input): TornadoBar => {
    const baseValue = base[input.key] as number;
    const [lowFactor, highFactor] = factorsOf(input.key);
    const lowValue = baseValue * lowFactor;
    const highValue = baseValue * highFactor;
    const breakEvenAtLow = breakEvenDailyCallsOf({ ...base, [input.key]: lowValue });
    const breakEvenAtHigh = breakEvenDailyCallsOf({ ...base, [input.key]: highValue });
    return {
      input: input.key,
      label: input.label,
      unit: input.unit,
      baseValue,
      lowValue,
      highValue,
      breakEvenAtLow,
      breakEvenAtHigh,
      spread: Math.abs(breakEvenAtHigh - breakEvenAtLow),
    };
  });
  bars.sort((a, b) => b.spread - a.spread);
  return { baseBreakEven: breakEvenDailyCallsOf(base), bars };
}

/** Mulberry32: a small, fast, seedable generator of uniform numbers in [0, 1); the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How one input varies: multipliers of its base value, low ≤ mode ≤ high. */
export interface InputRange {
  lowFactor: number;
  highFactor: number;
  /** Uniform between low and high, or triangular peaking at `modeFactor` (default 1). */
  distribution: "uniform" | "triangular";
  modeFactor?: number;
}

/** Draws one multiplier from a range, given a uniform draw u in [0, 1) (inverse of the cumulative distribution). */
export function drawFactor(range: InputRange, u: number): number {
  const { lowFactor: a, highFactor: b } = range;
  if (!(a <= b)) throw new InputError(`input range: lowFactor ${a} is above highFactor ${b}`);
  if (range.distribution === "uniform" || a === b) return a + (b - a) * u;
  const c = Math.min(b, Math.max(a, range.modeFactor ?? 1));
  const split = (c - a) / (b - a);
  return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

export interface MonteCarloOptions {
  samples?: number;
  seed?: number;
}

/** One simulated set of inputs: the multipliers drawn and the inputs they give. */
export interface MonteCarloDraw {
  inputs: BreakEvenInputs;
  breakEvenDailyCalls: number;
}

/** Draws every ranged input independently, `samples` times (default 2,000) from `seed` (default 59). */
export function monteCarloDraws(
  base: BreakEvenInputs,
  ranges: Partial<Record<SensitivityInput, InputRange>>,
  options: MonteCarloOptions = {},
): MonteCarloDraw[] {
  const samples = options.samples ?? 2000;
  if (!(Number.isInteger(samples) && samples > 0)) throw new InputError("monteCarlo: samples must be a positive whole number");
  const random = seededRandom(options.seed ?? 59);
  // Fixed input order, so a seed means the same draws whatever order the ranges were listed in.
  const ranged = SENSITIVITY_INPUTS.filter((input) => ranges[input.key] !== undefined && base[input.key] !== undefined);
  return Array.from({ length: samples }, () => {
    const inputs: BreakEvenInputs = { ...base };
    for (const { key } of ranged) inputs[key] = (base[key] as number) * drawFactor(ranges[key] as InputRange, random());
    return { inputs, breakEvenDailyCalls: breakEvenDailyCallsOf(inputs) };
  });
}

/** The q-quantile (0–1) of values, by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new InputError("quantile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return below === above || low === high ? low : low + (high - low) * (position - below);
}

export interface BandPoint {
  callsPerDay: number;
  /** API bill minus local cost per month, USD (positive: local saves), at the low, middle and high quantile. */
  low: number;
  median: number;
  high: number;
}

/** The spread of the monthly saving from running locally at each volume, over the simulated inputs. */
export function savingBand(
  draws: readonly MonteCarloDraw[],
  callsPerDay: readonly number[],
  quantiles: [number, number] = [0.05, 0.95],
): BandPoint[] {
  const perDraw = draws.map(({ inputs }) => {
    const days = inputs.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH;
    return { local: localMonthlyCost({ ...inputs, daysPerMonth: days }).totalUsd, apiPerDay: apiUsdPerCallOf(inputs) * days };
  });
  return callsPerDay.map((calls) => {
    const savings = perDraw.map((draw) => calls * draw.apiPerDay - draw.local);
    return {
      callsPerDay: calls,
      low: quantile(savings, quantiles[0]),
      median: quantile(savings, 0.5),
      high: quantile(savings, quantiles[1]),
    };
  });
}
