/**
 * Call, rent or buy: an option's month on a workload's calendar, from plain data, and the least volume from which one
 * option costs less than another. The decision (`analysis/decide`) and the decision page's what-if panel price with
 * these same functions, so the page re-prices every option at the reader's volume as the notebook does.
 */
import type { BilledCall } from "./billing";
import { busiestHourCalls, calendarDaysPerMonth, callsByHour, type WorkloadCalendar } from "./calendar";
import { fleetMonthlyCost, fleetOpsUsdPerMonth, machinesNeeded, type FleetCostOptions, type ServerCostSplit } from "./capacity";
import { monthlyApiBill, type TimedPriceSheet } from "./monthly-bill";
import { alwaysOnMonthlyUsd, scaledDailyUsd, type RentalOffer } from "./rental";

/** A rented server's operations: the first server's, and the share of it each added server adds. */
export type RentalOps = Pick<ServerCostSplit, "opsOneServerUsdPerMonth" | "opsSharePerAddedServer">;

/** How an option's month follows the calendar: an API's bill, or a fleet sized for the busiest hour. */
export type OptionCost =
  | { way: "api"; sheet: TimedPriceSheet; call: BilledCall }
  | { way: "buy"; callsPerHour: number; fleet: FleetCostOptions }
  | { way: "rent-always-on" | "rent-by-hour"; callsPerHour: number; offer: RentalOffer; ops: RentalOps };

export interface OptionMonth {
  usd: number;
  /** Servers a self-hosted option runs at its busiest; undefined for an API. */
  servers: number | undefined;
}

/**
 * An option's month on a calendar, USD: an API bills every call; a bought fleet is as many servers as the busiest hour
 * needs, each written off and powered every calendar day; rented around the clock, those servers every hour with their
 * operations; rented hour by hour, each hour of each kind of day the servers its calls need, billed by the offer's
 * increments, with operations for the busiest hour's fleet.
 */
export function optionMonth(cost: OptionCost, calendar: WorkloadCalendar): OptionMonth {
  switch (cost.way) {
    case "api":
      return { usd: monthlyApiBill(cost.sheet, cost.call, calendar).usdPerMonth, servers: undefined };
    case "buy": {
      const servers = machinesNeeded(busiestHourCalls(calendar), cost.callsPerHour);
      return { usd: fleetMonthlyCost(servers, cost.fleet), servers };
    }
    case "rent-always-on": {
      const servers = machinesNeeded(busiestHourCalls(calendar), cost.callsPerHour);
      return {
        usd: alwaysOnMonthlyUsd(cost.offer, servers, calendarDaysPerMonth(calendar)) + fleetOpsUsdPerMonth(servers, cost.ops),
        servers,
      };
    }
    case "rent-by-hour": {
      let usd = 0;
      let peak = 0;
      for (const day of calendar.dayTypes) {
        const hourly = callsByHour(day).map((calls) => Math.ceil(calls / cost.callsPerHour - 1e-9));
        peak = Math.max(peak, ...hourly);
        usd += scaledDailyUsd(hourly, cost.offer) * day.daysPerMonth;
      }
      return { usd: usd + fleetOpsUsdPerMonth(Math.max(1, peak), cost.ops), servers: peak };
    }
  }
}

/** The most a break-even search looks above (and below) today's volume. */
export const VOLUME_SEARCH_SCALE = 1000;

/** The most server-count steps the search probes: beyond it the grid alone finds crossings. */
const MAX_BAND_PROBES = 5000;

/**
 * The least volume at which an option costs less than another (`gap`, the option's month less the other's, below 0),
 * from a thousandth to a thousand times today's volume: Infinity when it never does there, 0 when it does at any volume.
 * A self-hosted option's cost steps up a server at a time, so it can win only inside narrow bands just below each step:
 * besides a fine geometric grid, every volume where one more server is needed (`bandEdges`, ascending) is probed, so no
 * such band is missed, and the first crossing is narrowed by bisection inside the band where the cost is flat.
 */
export function firstVolumeCheaper(gap: (volume: number) => number, todayVolume: number, bandEdges: readonly number[] = []): number {
  // Strictly cheaper: an option that costs the same does not beat the other.
  const cheaper = (volume: number) => gap(volume) < -1e-9;
  if (!(todayVolume > 0)) return cheaper(1) ? 0 : Infinity;
  const low = todayVolume / VOLUME_SEARCH_SCALE;
  const high = todayVolume * VOLUME_SEARCH_SCALE;
  if (cheaper(low) && cheaper(todayVolume) && cheaper(high) && bandEdges.length === 0) return 0;
  const steps = 600;
  const grid = Array.from({ length: steps + 1 }, (_, step) => low * VOLUME_SEARCH_SCALE ** ((2 * step) / steps));
  const probes = [...new Set([...grid, ...bandEdges.filter((edge) => edge > low && edge < high)])].sort((a, b) => a - b);
  let previous: number | undefined;
  for (const volume of probes) {
    if (cheaper(volume)) {
      if (previous === undefined) return volume;
      let [above, below] = [previous, volume];
      for (let round = 0; round < 60; round++) {
        const middle = (above + below) / 2;
        if (cheaper(middle)) below = middle;
        else above = middle;
      }
      return below;
    }
    previous = volume;
  }
  return Infinity;
}

/**
 * The volumes at which a self-hosted option needs one more server, up to a thousand times today's: one server takes
 * `serverCallsPerHour` in the busiest hour, which carries `busiestHourCalls` at `todayVolume` and grows in step with it.
 */
export function serverBandEdges(serverCallsPerHour: number | undefined, todayVolume: number, busiestHourCallsToday: number): number[] {
  if (serverCallsPerHour === undefined || !(busiestHourCallsToday > 0) || !(todayVolume > 0)) return [];
  const perServer = (serverCallsPerHour * todayVolume) / busiestHourCallsToday;
  if (!(perServer > 0)) return [];
  const count = Math.min(MAX_BAND_PROBES, Math.floor((todayVolume * VOLUME_SEARCH_SCALE) / perServer));
  return Array.from({ length: count }, (_, index) => (index + 1) * perServer);
}

/**
 * Cheapest first, options whose months differ only by floating-point noise kept in the order given: the page and
 * the notebook price a month by two routes, and two APIs at one list price must rank alike on both.
 */
export function byMonthlyCost(a: { usdPerMonth: number }, b: { usdPerMonth: number }): number {
  const difference = a.usdPerMonth - b.usdPerMonth;
  return Math.abs(difference) <= 1e-9 * Math.max(Math.abs(a.usdPerMonth), Math.abs(b.usdPerMonth)) ? 0 : difference;
}
