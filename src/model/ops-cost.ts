/**
 * Hidden ops cost (the chapter's third closing question): how the break-even moves as the engineering time
 * a local deployment takes, and that engineer's salary, grow.
 */
import { InputError } from "../errors";
import { breakEvenVolumes } from "./break-even";
import { DEFAULT_DAYS_PER_MONTH } from "./cloud-cost";

export interface OpsSweepOptions {
  /** Depreciation + electricity, USD per month: everything but operations. */
  hardwareUsdPerMonth: number;
  apiUsdPerCall: number;
  /** Shares of an engineer to try, FTE. */
  opsFte: readonly number[];
  /** Monthly salaries to try, USD. */
  salariesUsdPerMonth: readonly number[];
  daysPerMonth?: number;
}

export interface OpsSweepPoint {
  opsFte: number;
  salaryUsdPerMonth: number;
  localUsdPerMonth: number;
  /** Whole calls a day, as the chapter's calculator truncates them; Infinity: never. */
  breakEvenDailyCalls: number;
}

export function opsSweep(options: OpsSweepOptions): OpsSweepPoint[] {
  const days = options.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH;
  return options.salariesUsdPerMonth.flatMap((salaryUsdPerMonth) =>
    options.opsFte.map((opsFte) => {
      const localUsdPerMonth = options.hardwareUsdPerMonth + opsFte * salaryUsdPerMonth;
      return {
        opsFte,
        salaryUsdPerMonth,
        localUsdPerMonth,
        breakEvenDailyCalls: breakEvenVolumes(localUsdPerMonth, options.apiUsdPerCall, days).breakEvenDailyCalls,
      };
    }),
  );
}

/**
 * The ops share (FTE) at which local stops paying at a given volume: the API bill at that volume minus the
 * hardware's cost, in engineer-months. Zero or less means local does not pay even without ops.
 */
export function opsFteLimit(options: {
  hardwareUsdPerMonth: number;
  apiUsdPerCall: number;
  callsPerDay: number;
  salaryUsdPerMonth: number;
  daysPerMonth?: number;
}): number {
  if (!(options.salaryUsdPerMonth > 0)) throw new InputError("opsFteLimit: salaryUsdPerMonth must be positive");
  const apiUsdPerMonth = options.callsPerDay * options.apiUsdPerCall * (options.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH);
  return (apiUsdPerMonth - options.hardwareUsdPerMonth) / options.salaryUsdPerMonth;
}
