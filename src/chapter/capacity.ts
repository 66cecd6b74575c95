import type { Dataset, HardwareRow, ThroughputRow, WorkloadRow } from "../data";
import {
  callsPerHourPerMachine,
  capacityBreakEven,
  DEFAULT_TARGET_UTILISATION,
  evaluateCaseStudy,
  machineSecondsPerCall,
  machinesNeeded,
  peakDemand,
  peakHourShare,
  type CapacityBreakEven,
  type CaseStudyInputs,
  type CaseStudyResult,
  type FleetCostOptions,
  type PeakDemand,
} from "../model";
import { apiUsdPerCall, caseStudyFromData, findHardware, findWorkload, hardwareMonthlyCost } from "./analysis";

/** Capacity analyses from a data folder: traffic profiles, measured throughput, fleets and their break-evens. */

export const FLAT_PROFILE_ID = "flat-24h";

export interface TrafficProfile {
  profileId: string;
  /** Relative load of hours 0–23. */
  relativeLoadByHour: number[];
  peakHourShare: number;
  source: string;
}

/** A traffic profile by id; the flat 24-hour profile when the id is undefined and the data has none. */
export function trafficProfile(data: Dataset, profileId: string = FLAT_PROFILE_ID): TrafficProfile {
  const rows = data.trafficProfiles.filter((row) => row.profileId === profileId);
  if (rows.length === 0) {
    if (profileId === FLAT_PROFILE_ID) return { profileId, relativeLoadByHour: Array(24).fill(1), peakHourShare: 1 / 24, source: "calls spread evenly over 24 hours" };
    const known = [...new Set(data.trafficProfiles.map((row) => row.profileId))];
    throw new RangeError(`unknown profile_id ${JSON.stringify(profileId)}; known: ${known.join(", ")}`);
  }
  const relativeLoadByHour = Array.from({ length: 24 }, (_, hour) => rows.find((row) => row.hour === hour)?.relativeLoad ?? 0);
  return { profileId, relativeLoadByHour, peakHourShare: peakHourShare(relativeLoadByHour), source: rows[0]?.source ?? "" };
}

/**
 * Each machine's cost split for a fleet: depreciation and power per machine, operations shared. A
 * configuration priced only as a stated monthly total is counted whole per machine.
 */
export function fleetCostOf(row: HardwareRow, daysPerMonth?: number): FleetCostOptions {
  const cost = hardwareMonthlyCost(row, daysPerMonth);
  return cost.basis === "itemised"
    ? { perMachineUsdPerMonth: cost.depreciationUsd + cost.powerUsd, sharedUsdPerMonth: cost.opsUsd }
    : { perMachineUsdPerMonth: cost.totalUsd, sharedUsdPerMonth: 0 };
}

export function throughputRow(data: Dataset, hardwareId: string, serving?: ThroughputRow["serving"]): ThroughputRow {
  const row = data.throughput.find((candidate) => candidate.hardwareId === hardwareId && (serving === undefined || candidate.serving === serving));
  if (!row) throw new RangeError(`no throughput.csv row for hardware_id ${JSON.stringify(hardwareId)}${serving ? ` served ${serving}` : ""}`);
  return row;
}

export interface CapacityOptions {
  workload?: WorkloadRow;
  /** Default: the flat 24-hour profile. */
  profileId?: string;
  /** Default 0.7. */
  targetUtilisation?: number;
}

export interface MachineCapacity {
  hardware: HardwareRow;
  throughput: ThroughputRow;
  /** Seconds of the machine per call of the workload. */
  secondsPerCall: number;
  callsPerHourPerMachine: number;
  /** Calls a day one machine carries under the profile's busiest hour. */
  callsPerDayPerMachine: number;
  fleetCost: FleetCostOptions;
}

/** What one machine of a throughput row carries under a profile and utilisation target. */
export function machineCapacity(data: Dataset, throughput: ThroughputRow, options: CapacityOptions = {}): MachineCapacity {
  const workload = options.workload ?? findWorkload(data);
  const hardware = findHardware(data, throughput.hardwareId);
  const measured = { serving: throughput.serving, outputTokensPerSecond: throughput.outputTokensPerSecond, promptTokensPerSecond: throughput.promptTokensPerSecond };
  const perHour = callsPerHourPerMachine(workload, measured, { targetUtilisation: options.targetUtilisation ?? DEFAULT_TARGET_UTILISATION });
  return {
    hardware,
    throughput,
    secondsPerCall: machineSecondsPerCall(workload, measured),
    callsPerHourPerMachine: perHour,
    callsPerDayPerMachine: perHour / trafficProfile(data, options.profileId).peakHourShare,
    fleetCost: fleetCostOf(hardware, workload.daysPerMonth),
  };
}

export interface CapacityBreakEvenRow extends MachineCapacity {
  apiModelId: string;
  apiUsdPerCall: number;
  breakEven: CapacityBreakEven;
  /** Machines the workload's own calls/day need. */
  machinesAtWorkload: number;
}

/** Every throughput row's capacity-aware break-even against one API. */
export function capacityBreakEvenTable(data: Dataset, apiModelId: string, options: CapacityOptions = {}): CapacityBreakEvenRow[] {
  const workload = options.workload ?? findWorkload(data);
  const usdPerCall = apiUsdPerCall(data, apiModelId, workload);
  return data.throughput.map((row) => {
    const capacity = machineCapacity(data, row, { ...options, workload });
    return {
      ...capacity,
      apiModelId,
      apiUsdPerCall: usdPerCall,
      machinesAtWorkload: machinesNeeded(workload.callsPerDay, capacity.callsPerDayPerMachine),
      breakEven: capacityBreakEven({ ...capacity.fleetCost, callsPerDayPerMachine: capacity.callsPerDayPerMachine, apiUsdPerCall: usdPerCall, daysPerMonth: workload.daysPerMonth }),
    };
  });
}

export interface CaseStudyCapacity {
  /** The case study's inputs as the chapter states them (one server, no fleet). */
  inputs: CaseStudyInputs;
  profile: TrafficProfile;
  capacity: MachineCapacity;
  /** Demand on the busiest (weekday) and the quiet (weekend) day. */
  weekday: PeakDemand;
  weekend: PeakDemand;
  /** The chapter's comparison (one server takes any volume) and the same with the servers the volume needs. */
  asPublished: CaseStudyResult;
  withCapacity: CaseStudyResult;
}

/** The 59.5 case study sized for its busiest hour on its own server's measured throughput. */
export function caseStudyCapacity(data: Dataset, options: CapacityOptions & { scenarioId?: string; serving?: ThroughputRow["serving"] } = {}): CaseStudyCapacity {
  const study = caseStudyFromData(data, options.scenarioId);
  const scenario = data.caseStudy.find((row) => options.scenarioId === undefined || row.scenarioId === options.scenarioId);
  const profile = trafficProfile(data, options.profileId ?? scenario?.trafficProfileId);
  const workload = options.workload ?? findWorkload(data);
  const capacity = machineCapacity(data, throughputRow(data, scenario?.localHardwareId ?? "", options.serving), { ...options, workload, profileId: profile.profileId });
  const demand = (callsPerDay: number) => peakDemand({ ...workload, callsPerDay, peakHourShare: profile.peakHourShare });
  return {
    inputs: study.inputs,
    profile,
    capacity,
    weekday: demand(study.inputs.weekdayCallsPerDay),
    weekend: demand(study.inputs.weekendCallsPerDay),
    asPublished: study.result,
    withCapacity: evaluateCaseStudy({ ...study.inputs, fleet: { ...capacity.fleetCost, callsPerDayPerMachine: capacity.callsPerDayPerMachine } }),
  };
}
