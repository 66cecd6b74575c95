/**
 * Renting GPUs by the hour, the third way between calling an API and buying servers: what a rented fleet
 * costs a month, always on or scaled hour by hour to the servers each hour needs, and what a call or a
 * million tokens costs on a self-hosted server, bought or rented, at a given utilisation.
 */
import { InputError } from "../errors";
import type { CallShape } from "./cloud-cost";
import { DEFAULT_DAYS_PER_MONTH, HOURS_PER_DAY } from "./cloud-cost";

/** One rental offer for a server configuration. */
export interface RentalOffer {
  /** USD per GPU-hour. */
  usdPerGpuHour: number;
  /** GPUs in the rented server. */
  gpuCount: number;
  /** The smallest unit billed, hours: 1/3600 for per-second billing, 1 for hourly. */
  billingIncrementHours: number;
  /** The least billed for one rental run, hours (0: none). */
  minimumHours: number;
}

function checkOffer(offer: RentalOffer): void {
  if (!(offer.usdPerGpuHour >= 0)) throw new InputError("rental: usdPerGpuHour must be a non-negative number");
  if (!(Number.isInteger(offer.gpuCount) && offer.gpuCount > 0)) throw new InputError("rental: gpuCount must be a positive whole number");
  if (!(offer.billingIncrementHours > 0)) throw new InputError("rental: billingIncrementHours must be positive");
  if (!(offer.minimumHours >= 0)) throw new InputError("rental: minimumHours must not be negative");
}

/** USD an hour for one rented server. */
export function serverUsdPerHour(offer: RentalOffer): number {
  checkOffer(offer);
  return offer.usdPerGpuHour * offer.gpuCount;
}

/** Hours billed for one run of `hours`: rounded up to the billing increment, and at least the minimum. */
export function billedHours(hours: number, offer: RentalOffer): number {
  checkOffer(offer);
  if (!(hours >= 0)) throw new InputError("rental: hours must not be negative");
  if (hours === 0) return 0;
  const increments = Math.ceil(hours / offer.billingIncrementHours - 1e-9);
  return Math.max(offer.minimumHours, increments * offer.billingIncrementHours);
}

/** Monthly rent of `servers` rented around the clock, USD. */
export function alwaysOnMonthlyUsd(offer: RentalOffer, servers: number, daysPerMonth = DEFAULT_DAYS_PER_MONTH): number {
  return servers * serverUsdPerHour(offer) * HOURS_PER_DAY * daysPerMonth;
}

/**
 * Servers each hour of a day needs: its calls (the day's volume spread by the profile's relative loads) over
 * what one server takes in an hour, rounded up; none in an hour without calls.
 */
export function serversByHour(callsPerDay: number, relativeLoadByHour: readonly number[], callsPerHourPerServer: number): number[] {
  if (relativeLoadByHour.length !== HOURS_PER_DAY)
    throw new InputError(`rental: expected 24 hourly loads, got ${relativeLoadByHour.length}`);
  if (!(callsPerHourPerServer > 0)) throw new InputError("rental: calls per hour per server must be positive");
  if (!(callsPerDay >= 0)) throw new InputError("rental: calls per day must not be negative");
  const total = relativeLoadByHour.reduce((sum, load) => sum + load, 0);
  if (!(total > 0)) throw new InputError("rental: at least one hour must carry load");
  return relativeLoadByHour.map((load) => Math.ceil((callsPerDay * load) / total / callsPerHourPerServer - 1e-9));
}

/**
 * One day's rent when each hour has the servers it needs. Server k runs in every hour that needs k or more;
 * each unbroken run of hours is one rental, billed by `billedHours` (so a short run pays the minimum).
 */
export function scaledDailyUsd(servers: readonly number[], offer: RentalOffer): number {
  const perHour = serverUsdPerHour(offer);
  let usd = 0;
  // Servers k and k + 1 run the same hours unless some hour needs exactly k: the runs change only at the counts
  // the day has, so each band of servers between two counts is billed at once (a fleet of thousands in 24 steps).
  // Server k runs where an hour needs k or more: the whole servers of each hour's count.
  const whole = servers.map((count) => Math.floor(count));
  let below = 0;
  for (const level of [...new Set(whole)].filter((count) => count > 0).sort((a, b) => a - b)) {
    let run = 0;
    let dayUsd = 0;
    for (const [hour, count] of whole.entries()) {
      if (count >= level) run += 1;
      if (count < level || hour === servers.length - 1) {
        dayUsd += billedHours(run, offer) * perHour;
        run = 0;
      }
    }
    usd += (level - below) * dayUsd;
    below = level;
  }
  return usd;
}

/** What a self-hosted server costs per call: its hourly cost over the calls it serves an hour at `utilisation` of its full rate. */
export function selfHostedUsdPerCall(usdPerHour: number, callsPerHourAtFullRate: number, utilisation: number): number {
  if (!(utilisation > 0 && utilisation <= 1)) throw new InputError("utilisation must be in (0, 1]");
  if (!(callsPerHourAtFullRate > 0)) throw new InputError("calls per hour at the full rate must be positive");
  return usdPerHour / (callsPerHourAtFullRate * utilisation);
}

/** A call's cost as USD per million tokens, input and output together: one unit for APIs and self-hosting alike. */
export function usdPerMillionTokens(usdPerCall: number, call: CallShape): number {
  const tokens = call.inputTokensPerCall + call.outputTokensPerCall;
  if (!(tokens > 0)) throw new InputError("a call must have tokens");
  return (usdPerCall / tokens) * 1e6;
}

/** Monthly cost of a way to serve a volume, USD, as a function of calls per day. */
export type MonthlyCostAt = (callsPerDay: number) => number;

export interface Crossover {
  /** First volume on the grid at which `challenger` costs no more than `incumbent`. Infinity: never on the grid. */
  firstDailyCalls: number;
  /** Volume on the grid from which the challenger stays at or below the incumbent to the grid's end. Infinity: it does not. */
  sustainedFromDailyCalls: number;
  /** The last volume of the first run where the challenger is cheaper (a server that fills up loses again). Infinity: the run reaches the grid's end. */
  firstRunEndsDailyCalls: number;
}

/**
 * Where one way of serving becomes cheaper than another, found on a grid of volumes (costs with capacity steps
 * and minimum billing have no closed form). The grid's resolution bounds the answer's.
 */
export function crossover(challenger: MonthlyCostAt, incumbent: MonthlyCostAt, volumes: readonly number[]): Crossover {
  const cheaper = volumes.map((volume) => challenger(volume) <= incumbent(volume) + 1e-9);
  const first = cheaper.indexOf(true);
  let sustained = volumes.length;
  while (sustained > 0 && cheaper[sustained - 1]) sustained -= 1;
  const runEnd = first < 0 ? -1 : cheaper.indexOf(false, first);
  return {
    firstDailyCalls: first < 0 ? Infinity : (volumes[first] as number),
    sustainedFromDailyCalls: sustained >= volumes.length ? Infinity : (volumes[sustained] as number),
    firstRunEndsDailyCalls: first < 0 ? Infinity : runEnd < 0 ? Infinity : (volumes[runEnd - 1] as number),
  };
}
