/**
 * Capacity: how many machines a volume needs at its busiest hour, and the break-even once those machines
 * are paid for. The chapter's break-even assumes one machine serves any volume; this drops that assumption.
 */
import { InputError } from "../errors";
import type { CallShape } from "./cloud-cost";
import { DEFAULT_DAYS_PER_MONTH, HOURS_PER_DAY } from "./cloud-cost";

const SECONDS_PER_HOUR = 3600;

/**
 * How a server runs requests. `single_stream`: one at a time, so a call's prefill and generation add up.
 * `batched`: many at once with prefill and generation overlapped (vLLM, TensorRT-LLM), so the scarcer of the
 * two aggregate rates bounds the call rate.
 */
export type ServingMode = "single_stream" | "batched";

/** What one machine sustains, measured for one model, quantisation and serving mode. */
export interface MachineThroughput {
  serving: ServingMode;
  /** Output (generated) tokens per second, summed over all concurrent requests. */
  outputTokensPerSecond: number;
  /** Prompt (prefill) tokens per second, summed over all concurrent requests. */
  promptTokensPerSecond: number;
}

/**
 * Share of a day's calls that falls in its busiest hour, from relative loads per hour (any scale, one entry
 * per hour of the day). A flat profile gives 1/24.
 */
export function peakHourShare(relativeLoadByHour: readonly number[]): number {
  if (relativeLoadByHour.length !== HOURS_PER_DAY)
    throw new InputError(`peakHourShare: expected 24 hourly loads, got ${relativeLoadByHour.length}`);
  if (relativeLoadByHour.some((load) => !(load >= 0))) throw new InputError("peakHourShare: hourly loads must be non-negative numbers");
  const total = relativeLoadByHour.reduce((sum, load) => sum + load, 0);
  if (!(total > 0)) throw new InputError("peakHourShare: at least one hour must carry load");
  return Math.max(...relativeLoadByHour) / total;
}

export interface DemandOptions extends CallShape {
  callsPerDay: number;
  /** Share of the day's calls in the busiest hour, 0–1 (see `peakHourShare`). */
  peakHourShare: number;
}

export interface PeakDemand {
  peakCallsPerHour: number;
  /** Output tokens per second the busiest hour asks for. */
  peakOutputTokensPerSecond: number;
  peakPromptTokensPerSecond: number;
  /** Output tokens per second were the day's calls spread evenly over 24 hours: the most lenient reading. */
  averageOutputTokensPerSecond: number;
}

export function peakDemand(options: DemandOptions): PeakDemand {
  const peakCallsPerHour = options.callsPerDay * options.peakHourShare;
  return {
    peakCallsPerHour,
    peakOutputTokensPerSecond: (peakCallsPerHour * options.outputTokensPerCall) / SECONDS_PER_HOUR,
    peakPromptTokensPerSecond: (peakCallsPerHour * options.inputTokensPerCall) / SECONDS_PER_HOUR,
    averageOutputTokensPerSecond: (options.callsPerDay * options.outputTokensPerCall) / (HOURS_PER_DAY * SECONDS_PER_HOUR),
  };
}

/**
 * Seconds of a machine's full throughput one call uses: prompt at the prefill rate plus output at the
 * generation rate when served one at a time; the longer of the two when a batching server overlaps them.
 */
export function machineSecondsPerCall(call: CallShape, throughput: MachineThroughput): number {
  if (!(throughput.outputTokensPerSecond > 0) || !(throughput.promptTokensPerSecond > 0)) {
    throw new InputError("machineSecondsPerCall: throughput must be positive");
  }
  const prefillSeconds = call.inputTokensPerCall / throughput.promptTokensPerSecond;
  const generationSeconds = call.outputTokensPerCall / throughput.outputTokensPerSecond;
  return throughput.serving === "batched" ? Math.max(prefillSeconds, generationSeconds) : prefillSeconds + generationSeconds;
}

export interface MachineCapacityOptions {
  /** Highest share of its throughput a machine is planned to run at, 0–1; queues grow without bound near 1. Default 0.7. */
  targetUtilisation?: number;
}

export const DEFAULT_TARGET_UTILISATION = 0.7;

/** Calls one machine can take in an hour at the target utilisation. */
export function callsPerHourPerMachine(call: CallShape, throughput: MachineThroughput, options: MachineCapacityOptions = {}): number {
  const utilisation = options.targetUtilisation ?? DEFAULT_TARGET_UTILISATION;
  if (!(utilisation > 0 && utilisation <= 1)) throw new InputError("targetUtilisation must be in (0, 1]");
  return (SECONDS_PER_HOUR * utilisation) / machineSecondsPerCall(call, throughput);
}

/** Machines needed to carry the busiest hour: at least one, since a local deployment owns at least one server. */
export function machinesNeeded(peakCallsPerHour: number, callsPerHourPerMachineAtTarget: number): number {
  if (!(callsPerHourPerMachineAtTarget > 0)) throw new InputError("machinesNeeded: capacity per machine must be positive");
  return Math.max(1, Math.ceil(peakCallsPerHour / callsPerHourPerMachineAtTarget - 1e-9));
}

export interface FleetCostOptions {
  /** What each machine adds per month (depreciation, power and its own share of operations), USD. */
  perMachineUsdPerMonth: number;
  /** What the fleet costs per month whatever its size (the fixed part of operations), USD. */
  sharedUsdPerMonth: number;
}

/**
 * A server's monthly cost split the one way every fleet uses: its hardware (depreciation and power, or a
 * stated total less its operations part) and its operations, which grow with the fleet.
 */
export interface ServerCostSplit {
  /** Depreciation and power of one machine, USD per month. */
  hardwareUsdPerMonth: number;
  /** Operations cost of a one-machine deployment, USD per month. */
  opsOneServerUsdPerMonth: number;
  /** Share of the one-machine operations cost each added machine adds, 0–1: 0 shares it all, 1 pays it per machine. */
  opsSharePerAddedServer: number;
}

/** Operations cost of a fleet, USD per month: the one-server cost plus its given share for each further server. */
export function fleetOpsUsdPerMonth(
  machines: number,
  split: Pick<ServerCostSplit, "opsOneServerUsdPerMonth" | "opsSharePerAddedServer">,
): number {
  checkOpsShare(split.opsSharePerAddedServer);
  return split.opsOneServerUsdPerMonth * (1 + split.opsSharePerAddedServer * (machines - 1));
}

/**
 * The fleet cost line of a server: ops(n) = ops₁·(1 − g) + n·ops₁·g, so each machine adds its hardware and
 * g of the one-server operations, and the rest of operations is paid once.
 */
export function fleetCostOfSplit(split: ServerCostSplit): FleetCostOptions {
  checkOpsShare(split.opsSharePerAddedServer);
  const perServerOps = split.opsOneServerUsdPerMonth * split.opsSharePerAddedServer;
  return {
    perMachineUsdPerMonth: split.hardwareUsdPerMonth + perServerOps,
    sharedUsdPerMonth: split.opsOneServerUsdPerMonth - perServerOps,
  };
}

function checkOpsShare(share: number): void {
  if (!(share >= 0 && share <= 1)) throw new InputError(`opsSharePerAddedServer must be between 0 and 1, got ${share}`);
}

/** Monthly cost of a fleet of `machines` identical servers, USD. */
export function fleetMonthlyCost(machines: number, cost: FleetCostOptions): number {
  return machines * cost.perMachineUsdPerMonth + cost.sharedUsdPerMonth;
}

export interface CapacityBreakEvenOptions extends FleetCostOptions {
  /** Calls a day one machine carries, given the busiest-hour share: calls/hour per machine ÷ peak-hour share. */
  callsPerDayPerMachine: number;
  apiUsdPerCall: number;
  daysPerMonth?: number;
}

export interface CapacityBreakEven {
  /** Where one machine's fixed cost meets the API bill, ignoring capacity: the chapter's break-even (not truncated). */
  uncappedDailyCalls: number;
  /** First volume at which the fleet, with as many machines as the volume needs, costs no more than the API. Infinity: never. */
  firstDailyCalls: number;
  /** Volume from which the fleet stays at or below the API bill at every higher volume. Infinity: never. */
  sustainedFromDailyCalls: number;
  /** Machines at the first break-even. */
  machinesAtFirst: number;
  /** Where the first winning stretch ends: the first break-even's machines full, when the next machine costs more than its calls save. Infinity: it wins for good from the first. */
  firstRunEndsDailyCalls: number;
  /** What each added machine costs per call it carries when full (hardware and its share of operations), USD, beside the API's price: local only wins for good when it is lower. */
  localUsdPerCallAtFullLoad: number;
}

/**
 * Break-even with capacity. The fleet costs n·P + S for volumes up to n·K calls/day; the API costs v·c·d.
 * Within step n, the API bill reaches the fleet's at v = (nP + S)/(cd), which lies inside the step when
 * n(Kcd − P) ≥ S. Step n is cheaper locally from its first call when (n − 1)(Kcd − P) ≥ P + S, so from the
 * crossing in step ⌈(P + S)/(Kcd − P)⌉ local stays cheaper at every higher volume.
 */
export function capacityBreakEven(options: CapacityBreakEvenOptions): CapacityBreakEven {
  const days = options.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH;
  const { perMachineUsdPerMonth: perMachine, sharedUsdPerMonth: shared, callsPerDayPerMachine: perDay, apiUsdPerCall } = options;
  if (!(perDay > 0)) throw new InputError("capacityBreakEven: callsPerDayPerMachine must be positive");
  const apiUsdPerDailyCall = apiUsdPerCall * days; // what one call a day costs per month on the API
  const uncappedDailyCalls = apiUsdPerDailyCall > 0 ? (perMachine + shared) / apiUsdPerDailyCall : Infinity;
  const localUsdPerCallAtFullLoad = perMachine / (perDay * days);
  const marginPerMachine = perDay * apiUsdPerDailyCall - perMachine; // a full machine's API bill minus its own cost
  // When a full machine's calls cost no more on the API than the machine itself, no fleet ever pays (S ≥ 0).
  if (!(marginPerMachine > 0)) {
    return {
      uncappedDailyCalls,
      firstDailyCalls: Infinity,
      sustainedFromDailyCalls: Infinity,
      machinesAtFirst: Infinity,
      firstRunEndsDailyCalls: Infinity,
      localUsdPerCallAtFullLoad,
    };
  }
  const firstStep = Math.max(1, Math.ceil(shared / marginPerMachine - 1e-12));
  const firstDailyCalls = Math.max((firstStep * perMachine + shared) / apiUsdPerDailyCall, (firstStep - 1) * perDay);
  // The last step with a crossing inside it; every later step is cheaper locally from its first call.
  const lastCrossingStep = Math.max(firstStep, Math.ceil((perMachine + shared) / marginPerMachine - 1e-12));
  const sustainedFromDailyCalls = Math.max((lastCrossingStep * perMachine + shared) / apiUsdPerDailyCall, (lastCrossingStep - 1) * perDay);
  // Before the last crossing step, the step after the first is dearer than the API at its first call: the stretch ends when the first step's machines are full.
  const firstRunEndsDailyCalls = firstStep < lastCrossingStep ? firstStep * perDay : Infinity;
  return {
    uncappedDailyCalls,
    firstDailyCalls,
    sustainedFromDailyCalls,
    machinesAtFirst: firstStep,
    firstRunEndsDailyCalls,
    localUsdPerCallAtFullLoad,
  };
}
