/** Local deployment cost per month: depreciation + electricity + operations staff (59.1). */
import { InputError } from "../errors";
import { DEFAULT_DAYS_PER_MONTH } from "./cloud-cost";

export interface LocalCostOptions {
  /** Purchase price of the hardware, USD. */
  capexUsd?: number;
  /** Months over which the purchase is written off (the chapter uses 36). */
  depreciationMonths?: number;
  /** Average power draw, kW. */
  powerKw?: number;
  /** Electricity price, USD per kWh. */
  electricityUsdPerKwh?: number;
  /** A stated monthly electricity bill, USD; used instead of powerKw × hours × price when given. */
  powerUsdPerMonth?: number;
  /** Share of an engineer's time spent on operations (0.2 = one day a week). */
  opsFte?: number;
  /** That engineer's monthly salary, USD. */
  opsSalaryUsdPerMonth?: number;
  /**
   * A stated monthly operations cost, USD; used instead of opsFte × salary when given. Beside a stated
   * `monthlyFixedUsd`, the part of that total that is operations.
   */
  opsUsdPerMonth?: number;
  /** The whole monthly cost as a source states it, USD, for configurations without itemised inputs. */
  monthlyFixedUsd?: number;
  /** Days the hardware runs per month. Default 30. */
  daysPerMonth?: number;
}

export type LocalMonthlyCost =
  | {
      basis: "itemised";
      depreciationUsd: number;
      /** Energy used per month, kWh; undefined where the electricity bill is stated. */
      energyKwhPerMonth: number | undefined;
      powerUsd: number;
      opsUsd: number;
      totalUsd: number;
    }
  | {
      basis: "stated";
      totalUsd: number;
      /** The part of the stated total that is operations, where the source's own numbers allow splitting it. */
      opsUsd: number | undefined;
    };

const HOURS_PER_DAY = 24;

function required(value: number | undefined, name: string): number {
  if (value === undefined || !Number.isFinite(value)) throw new InputError(`local cost: ${name} is required`);
  return value;
}

/**
 * Monthly cost of running local hardware. A stated `monthlyFixedUsd` is used as it is;
 * otherwise each item is derived, preferring a stated power or ops figure over its formula.
 */
export function localMonthlyCost(options: LocalCostOptions): LocalMonthlyCost {
  const itemised = options.capexUsd !== undefined || options.depreciationMonths !== undefined;
  if (!itemised && options.monthlyFixedUsd !== undefined) {
    const opsUsd = options.opsUsdPerMonth;
    if (opsUsd !== undefined && !(opsUsd >= 0 && opsUsd <= options.monthlyFixedUsd)) {
      throw new InputError(`local cost: the operations part (${opsUsd}) of a stated monthly cost must lie between 0 and the total (${options.monthlyFixedUsd})`);
    }
    return { basis: "stated", totalUsd: options.monthlyFixedUsd, opsUsd };
  }

  const depreciationMonths = required(options.depreciationMonths, "depreciationMonths");
  if (depreciationMonths <= 0) throw new InputError("local cost: depreciationMonths must be positive");
  const depreciationUsd = required(options.capexUsd, "capexUsd") / depreciationMonths;

  let energyKwhPerMonth: number | undefined;
  let powerUsd: number;
  if (options.powerUsdPerMonth !== undefined) {
    powerUsd = options.powerUsdPerMonth;
  } else {
    const hours = HOURS_PER_DAY * (options.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH);
    energyKwhPerMonth = required(options.powerKw, "powerKw or powerUsdPerMonth") * hours;
    powerUsd = energyKwhPerMonth * required(options.electricityUsdPerKwh, "electricityUsdPerKwh");
  }

  const opsUsd =
    options.opsUsdPerMonth ??
    required(options.opsFte, "opsFte or opsUsdPerMonth") * required(options.opsSalaryUsdPerMonth, "opsSalaryUsdPerMonth");

  return { basis: "itemised", depreciationUsd, energyKwhPerMonth, powerUsd, opsUsd, totalUsd: depreciationUsd + powerUsd + opsUsd };
}
