/** Local deployment cost per month: depreciation + electricity + operations staff (59.1). */
import { InputError } from "../errors";
import { DEFAULT_DAYS_PER_MONTH, HOURS_PER_DAY } from "./cloud-cost";

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

function required(value: number | undefined, name: string): number {
  if (value === undefined || !Number.isFinite(value)) throw new InputError(`local cost: ${name} is required`);
  return value;
}

/**
 * The inputs a configuration's monthly cost is made of, by the one rule for them: a stated whole monthly cost
 * (with no purchase to write off) stands for every item; otherwise a stated electricity bill replaces
 * kW × hours × price and a stated operations cost replaces FTE × salary, so the replaced inputs are dropped.
 * Everything that prices, varies or offers a configuration's inputs reads them through here.
 */
export function localCostInputsInForce(options: LocalCostOptions): LocalCostOptions {
  const itemised = options.capexUsd !== undefined || options.depreciationMonths !== undefined;
  if (!itemised && options.monthlyFixedUsd !== undefined)
    return { monthlyFixedUsd: options.monthlyFixedUsd, opsUsdPerMonth: options.opsUsdPerMonth };
  const power =
    options.powerUsdPerMonth !== undefined
      ? { powerUsdPerMonth: options.powerUsdPerMonth }
      : { powerKw: options.powerKw, electricityUsdPerKwh: options.electricityUsdPerKwh };
  const ops =
    options.opsUsdPerMonth !== undefined
      ? { opsUsdPerMonth: options.opsUsdPerMonth }
      : { opsFte: options.opsFte, opsSalaryUsdPerMonth: options.opsSalaryUsdPerMonth };
  return {
    capexUsd: options.capexUsd,
    depreciationMonths: options.depreciationMonths,
    ...power,
    ...ops,
    daysPerMonth: options.daysPerMonth,
  };
}

/** Monthly cost of running local hardware, from the inputs in force (`localCostInputsInForce`). */
export function localMonthlyCost(options: LocalCostOptions): LocalMonthlyCost {
  const inForce = localCostInputsInForce(options);
  if (inForce.monthlyFixedUsd !== undefined) {
    const opsUsd = inForce.opsUsdPerMonth;
    if (opsUsd !== undefined && !(opsUsd >= 0 && opsUsd <= inForce.monthlyFixedUsd)) {
      throw new InputError(
        `local cost: the operations part (${opsUsd}) of a stated monthly cost must lie between 0 and the total (${inForce.monthlyFixedUsd})`,
      );
    }
    return { basis: "stated", totalUsd: inForce.monthlyFixedUsd, opsUsd };
  }

  const depreciationMonths = required(inForce.depreciationMonths, "depreciationMonths");
  if (depreciationMonths <= 0) throw new InputError("local cost: depreciationMonths must be positive");
  const depreciationUsd = required(inForce.capexUsd, "capexUsd") / depreciationMonths;

  const hours = HOURS_PER_DAY * (inForce.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH);
  const energyKwhPerMonth =
    inForce.powerUsdPerMonth === undefined ? required(inForce.powerKw, "powerKw or powerUsdPerMonth") * hours : undefined;
  const powerUsd =
    inForce.powerUsdPerMonth ?? (energyKwhPerMonth as number) * required(inForce.electricityUsdPerKwh, "electricityUsdPerKwh");
  const opsUsd =
    inForce.opsUsdPerMonth ??
    required(inForce.opsFte, "opsFte or opsUsdPerMonth") * required(inForce.opsSalaryUsdPerMonth, "opsSalaryUsdPerMonth");

  return { basis: "itemised", depreciationUsd, energyKwhPerMonth, powerUsd, opsUsd, totalUsd: depreciationUsd + powerUsd + opsUsd };
}
