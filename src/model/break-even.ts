/** Break-even volume of local hardware against a cloud API (59.3). */
import { InputError } from "../errors";
import { DEFAULT_DAYS_PER_MONTH, HOURS_PER_DAY } from "./cloud-cost";
import { localMonthlyCost } from "./local-cost";

export interface BreakEvenOptions {
  /** Hardware purchase price, USD. */
  hardwareCost: number;
  /** Electricity, USD per month. */
  monthlyPowerCost: number;
  /** Operations staff, USD per month. */
  monthlyOpsCost: number;
  /** Months over which the hardware is written off. */
  depreciationMonths: number;
  /** What one call costs on the API, USD. */
  apiCostPerCall: number;
  /** What one call costs locally beyond the fixed costs, USD. Default 0, as in the chapter. */
  localVariableCostPerCall?: number;
  /** Days per month used to turn monthly volume into daily volume. Default 30. */
  daysPerMonth?: number;
}

/** Calls at which local and API cost the same. Whole calls, truncated; Infinity when a call saves nothing. */
export interface BreakEvenVolumes {
  breakEvenMonthlyCalls: number;
  breakEvenDailyCalls: number;
  breakEvenPerHour: number;
}

export interface BreakEvenResult extends BreakEvenVolumes {
  /** USD per month. */
  totalMonthlyLocalCost: number;
  monthlyDepreciation: number;
  monthlyPower: number;
  monthlyOps: number;
  /** USD per call on the API. */
  apiCostPerCall: number;
  /** USD saved per call by running it locally (may be ≤ 0). */
  savingPerCall: number;
}

/**
 * Volumes at which a fixed monthly local cost equals the API bill. The chapter's code truncates each
 * volume to whole calls and derives daily and hourly volume from the untruncated monthly one; so does this.
 */
export function breakEvenVolumes(
  monthlyLocalUsd: number,
  savingPerCallUsd: number,
  daysPerMonth: number = DEFAULT_DAYS_PER_MONTH,
): BreakEvenVolumes {
  if (!(savingPerCallUsd > 0)) {
    return { breakEvenMonthlyCalls: Infinity, breakEvenDailyCalls: Infinity, breakEvenPerHour: Infinity };
  }
  const monthly = monthlyLocalUsd / savingPerCallUsd;
  const daily = monthly / daysPerMonth;
  return {
    breakEvenMonthlyCalls: Math.trunc(monthly),
    breakEvenDailyCalls: Math.trunc(daily),
    breakEvenPerHour: Math.trunc(daily / HOURS_PER_DAY),
  };
}

export function calculateBreakEven(options: BreakEvenOptions): BreakEvenResult {
  if (!(options.depreciationMonths > 0)) throw new InputError("calculateBreakEven: depreciationMonths must be positive");
  const local = localMonthlyCost({
    capexUsd: options.hardwareCost,
    depreciationMonths: options.depreciationMonths,
    powerUsdPerMonth: options.monthlyPowerCost,
    opsUsdPerMonth: options.monthlyOpsCost,
    daysPerMonth: options.daysPerMonth,
  });
  if (local.basis !== "itemised") throw new InputError("calculateBreakEven: the server is priced by its parts");
  const { depreciationUsd: monthlyDepreciation, totalUsd: totalMonthlyLocalCost } = local;
  const savingPerCall = options.apiCostPerCall - (options.localVariableCostPerCall ?? 0);
  return {
    totalMonthlyLocalCost,
    monthlyDepreciation,
    monthlyPower: options.monthlyPowerCost,
    monthlyOps: options.monthlyOpsCost,
    apiCostPerCall: options.apiCostPerCall,
    savingPerCall,
    ...breakEvenVolumes(totalMonthlyLocalCost, savingPerCall, options.daysPerMonth),
  };
}
