/** Capacity analyses from a data folder: traffic profiles, measured throughput, fleets and their break-evens. */
import { InputError } from "../errors";
import type { Dataset, HardwareRow, ThroughputRow, WorkloadRow } from "../data";
import {
  callsPerHourPerMachine,
  capacityBreakEven,
  DEFAULT_TARGET_UTILISATION,
  evaluateCaseStudy,
  fleetCostOfSplit,
  fleetOpsUsdPerMonth,
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
import { capacityCostChart, colorOf, LINE_COLORS, machinesNeededChart, type Figure } from "../charts";
import { caseStudyFromData } from "./case-study";
import { apiUsdPerCall } from "./cost";
import { modelColors, provenance } from "./figure-context";
import { findHardware, findWorkload } from "./lookup";
import { promptRateBasis, throughputBasisLabel } from "./throughput-basis";
import { FLAT_PROFILE_ID, fleetCostOf, profileLoads, serverCostSplit } from "./model-inputs";
import { CAPACITY_WORDS } from "../i18n/capacity";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

export interface TrafficProfile {
  profileId: string;
  /** Relative load of hours 0–23. */
  relativeLoadByHour: number[];
  peakHourShare: number;
  source: string;
}

/** A traffic profile by id, with its busiest hour's share; the flat 24-hour profile when the id is undefined and the data has none. */
export function trafficProfile(data: Dataset, profileId: string = FLAT_PROFILE_ID): TrafficProfile {
  const { relativeLoadByHour, source } = profileLoads(data, profileId);
  return { profileId, relativeLoadByHour, peakHourShare: peakHourShare(relativeLoadByHour), source };
}

export function throughputRow(data: Dataset, hardwareId: string, serving?: ThroughputRow["serving"]): ThroughputRow {
  const row = data.throughput.find(
    (candidate) => candidate.hardwareId === hardwareId && (serving === undefined || candidate.serving === serving),
  );
  if (!row)
    throw new InputError(`no throughput.csv row for hardware_id ${JSON.stringify(hardwareId)}${serving ? ` served ${serving}` : ""}`);
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
  const measured = {
    serving: throughput.serving,
    outputTokensPerSecond: throughput.outputTokensPerSecond,
    promptTokensPerSecond: throughput.promptTokensPerSecond,
  };
  const perHour = callsPerHourPerMachine(workload, measured, {
    targetUtilisation: options.targetUtilisation ?? DEFAULT_TARGET_UTILISATION,
  });
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
      breakEven: capacityBreakEven({
        ...capacity.fleetCost,
        callsPerDayPerMachine: capacity.callsPerDayPerMachine,
        apiUsdPerCall: usdPerCall,
        daysPerMonth: workload.daysPerMonth,
      }),
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
export function caseStudyCapacity(
  data: Dataset,
  options: CapacityOptions & { scenarioId?: string; serving?: ThroughputRow["serving"] } = {},
): CaseStudyCapacity {
  const study = caseStudyFromData(data, options.scenarioId);
  const scenario = data.caseStudy.find((row) => options.scenarioId === undefined || row.scenarioId === options.scenarioId);
  const profile = trafficProfile(data, options.profileId ?? scenario?.trafficProfileId);
  const workload = options.workload ?? findWorkload(data);
  const capacity = machineCapacity(data, throughputRow(data, scenario?.localHardwareId ?? "", options.serving), {
    ...options,
    workload,
    profileId: profile.profileId,
  });
  const demand = (callsPerDay: number) => peakDemand({ ...workload, callsPerDay, peakHourShare: profile.peakHourShare });
  return {
    inputs: study.inputs,
    profile,
    capacity,
    weekday: demand(study.inputs.weekdayCallsPerDay),
    weekend: demand(study.inputs.weekendCallsPerDay),
    asPublished: study.result,
    withCapacity: sizedCaseStudy({ capacity, inputs: study.inputs }),
  };
}

/** Case-study inputs with the fleet their busiest day needs on the study's server: what `evaluateCaseStudy` sizes. */
export function sizedCaseStudyInputs(
  study: Pick<CaseStudyCapacity, "capacity" | "inputs">,
  inputs: CaseStudyInputs = study.inputs,
): CaseStudyInputs {
  return { ...inputs, fleet: { ...study.capacity.fleetCost, callsPerDayPerMachine: study.capacity.callsPerDayPerMachine } };
}

/** Case-study inputs (as a what-if may change them) priced with the servers their busiest day needs on the study's server. */
export function sizedCaseStudy(
  study: Pick<CaseStudyCapacity, "capacity" | "inputs">,
  inputs: CaseStudyInputs = study.inputs,
): CaseStudyResult {
  return evaluateCaseStudy(sizedCaseStudyInputs(study, inputs));
}

export interface OpsGrowthPoint {
  opsSharePerAddedServer: number;
  /** Operations of all-local's fleet at this share, USD per month. */
  allLocalOpsUsdPerMonth: number;
  result: CaseStudyResult;
}

export interface OpsGrowth {
  /** The share hardware.csv gives the case study's server. */
  dataShare: number;
  points: OpsGrowthPoint[];
  /** Servers all-local needs, whatever the share. */
  allLocalMachines: number;
  /**
   * Share of the first server's operations each added server may add before all-local passes the budget:
   * 0 when it is over budget even with operations shared, undefined when it stays within budget at 1.
   */
  allLocalOverBudgetFromShare: number | undefined;
}

/**
 * The sized case study as operations grow with the fleet: from one team running every server (share 0) to
 * every server costing its own operations (share 1). All-local's cost is linear in the share, so the share at
 * which it passes the budget has a closed form.
 */
export function opsGrowthSweep(data: Dataset, study: CaseStudyCapacity, shares: readonly number[] = [0, 0.25, 0.5, 1]): OpsGrowth {
  const workload = findWorkload(data);
  const split = serverCostSplit(study.capacity.hardware, workload.daysPerMonth);
  const fleetAt = (share: number) => ({
    ...fleetCostOfSplit({ ...split, opsSharePerAddedServer: share }),
    callsPerDayPerMachine: study.capacity.callsPerDayPerMachine,
  });
  const results = [...new Set([...shares, split.opsSharePerAddedServer])]
    .sort((a, b) => a - b)
    .map((share) => ({ share, result: evaluateCaseStudy({ ...study.inputs, fleet: fleetAt(share) }) }));
  const machines = results[0]?.result.options.find((option) => option.option === "all_local")?.machines ?? 1;
  const points = results.map(({ share, result }) => ({
    opsSharePerAddedServer: share,
    allLocalOpsUsdPerMonth: fleetOpsUsdPerMonth(machines, { ...split, opsSharePerAddedServer: share }),
    result,
  }));
  const budget = study.inputs.budgetUsdPerMonth;
  const sharedCost = machines * split.hardwareUsdPerMonth + split.opsOneServerUsdPerMonth;
  const perShare = split.opsOneServerUsdPerMonth * (machines - 1); // what all-local adds per unit of share
  let overFrom: number | undefined;
  if (sharedCost > budget) overFrom = 0;
  else if (perShare > 0 && sharedCost + perShare > budget) overFrom = (budget - sharedCost) / perShare;
  return { dataShare: split.opsSharePerAddedServer, points, allLocalMachines: machines, allLocalOverBudgetFromShare: overFrom };
}

/** A profile's legend label: its id and the share of the day its busiest hour carries. */
function profileLabel(data: Dataset, profileId: string, lang: Lang): string {
  return CAPACITY_WORDS[lang].profileLabel(profileId, `${(trafficProfile(data, profileId).peakHourShare * 100).toFixed(1)}%`);
}

export interface CapacityFigureOptions {
  scenarioId?: string;
  profileIds?: readonly string[];
  targetUtilisation?: number;
  maxCallsPerDay?: number;
  /** The language of the figures' words; default English. */
  lang?: Lang;
}

/** Figures 59.7a and 59.7b for the case study's server: servers needed and monthly cost by profile. */
export function capacityFigures(data: Dataset, options: CapacityFigureOptions = {}): { machines: Figure; cost: Figure } {
  const study = caseStudyCapacity(data, { scenarioId: options.scenarioId, targetUtilisation: options.targetUtilisation });
  const profileIds = options.profileIds ?? [...new Set(data.trafficProfiles.map((row) => row.profileId))];
  const workload = findWorkload(data);
  const perProfile = profileIds.map((profileId, index) => {
    const capacity = machineCapacity(data, study.capacity.throughput, {
      profileId,
      targetUtilisation: options.targetUtilisation,
      workload,
    });
    return { profileId, capacity, color: LINE_COLORS[index % LINE_COLORS.length] as string };
  });
  const source = provenance(data, ["throughput.csv", "traffic_profiles.csv", "case_study.csv", "hardware.csv"]);
  const inputs = study.inputs;
  const lang = options.lang ?? DEFAULT_LANG;
  const words = CAPACITY_WORDS[lang];
  const marks = [
    { label: words.weekendMark, callsPerDay: inputs.weekendCallsPerDay },
    { label: words.weekdayMark, callsPerDay: inputs.weekdayCallsPerDay },
  ];
  const serverName = study.capacity.hardware.name;
  const maxCallsPerDay = options.maxCallsPerDay ?? 10_000;
  const machines = machinesNeededChart(
    perProfile.map((entry) => ({
      id: entry.profileId,
      label: profileLabel(data, entry.profileId, lang),
      callsPerDayPerMachine: entry.capacity.callsPerDayPerMachine,
      color: entry.color,
    })),
    { serverName, maxCallsPerDay, marks, provenance: source, lang },
  );
  const fleet = fleetCostOf(study.capacity.hardware, workload.daysPerMonth);
  const cloudModel = data.models.find((model) => model.modelId === inputs.cloud.id);
  const cost = capacityCostChart(
    perProfile.map((entry) => ({
      label: entry.profileId,
      callsPerDayPerMachine: entry.capacity.callsPerDayPerMachine,
      ...fleet,
      color: entry.color,
    })),
    {
      serverName,
      maxCallsPerDay,
      marks,
      provenance: source,
      lang,
      daysPerMonth: workload.daysPerMonth,
      api: {
        name: cloudModel?.modelName ?? inputs.cloud.id,
        usdPerCall: inputs.cloud.usdPerCall,
        color: colorOf(modelColors(data), inputs.cloud.id),
      },
    },
  );
  return { machines, cost };
}

/** How a figure labels a server's measured line: "single-stream, measured (19.06 tokens/s)". */
export const measuredLabel = (measured: ThroughputRow, lang: Lang = DEFAULT_LANG): string =>
  lang === DEFAULT_LANG
    ? `${measured.serving.replace("_", "-")}, ${throughputBasisLabel(measured)} (${measured.outputTokensPerSecond} tokens/s)`
    : CAPACITY_WORDS[lang].measuredLine(
        CAPACITY_WORDS[lang].serving(measured.serving),
        CAPACITY_WORDS[lang].basis(promptRateBasis(measured)),
        measured.outputTokensPerSecond,
      );

export interface BatchedWhatIfOptions {
  /** Aggregate rates of the server served batched, tokens/s. */
  outputTokensPerSecond: number;
  promptTokensPerSecond: number;
  weekdayCallsPerDay: number;
  /** Default 0.7. */
  targetUtilisation?: number;
  /** Largest calls/day the figure shows. Default 10,000. */
  maxCallsPerDay?: number;
}

export interface BatchedWhatIf {
  /** One batched server's cost split and the calls a day it takes on the study's profile. */
  fleet: FleetCostOptions & { callsPerDayPerMachine: number };
  /** The case study's options with that fleet at the what-if volume. */
  result: CaseStudyResult;
  /** Servers needed by volume, measured against batched. */
  figure: Figure;
}

/** The 59.7 what-if: the case study's server served batched at the given rates, against its measured capacity. */
export function batchedWhatIf(data: Dataset, study: CaseStudyCapacity, options: BatchedWhatIfOptions): BatchedWhatIf {
  const workload = findWorkload(data);
  const perHour = callsPerHourPerMachine(
    workload,
    { serving: "batched", outputTokensPerSecond: options.outputTokensPerSecond, promptTokensPerSecond: options.promptTokensPerSecond },
    { targetUtilisation: options.targetUtilisation },
  );
  const fleet = {
    ...fleetCostOf(study.capacity.hardware, workload.daysPerMonth),
    callsPerDayPerMachine: perHour / study.profile.peakHourShare,
  };
  const result = evaluateCaseStudy({ ...study.inputs, weekdayCallsPerDay: options.weekdayCallsPerDay, fleet });
  const measured = study.capacity.throughput;
  const figure = machinesNeededChart(
    [
      {
        id: "measured",
        label: measuredLabel(measured),
        callsPerDayPerMachine: study.capacity.callsPerDayPerMachine,
        // The colours 59.7a draws the first two profiles in.
        color: LINE_COLORS[1] as string,
      },
      {
        id: "what-if",
        label: `batched, what-if (${options.outputTokensPerSecond} tokens/s)`,
        callsPerDayPerMachine: fleet.callsPerDayPerMachine,
        color: LINE_COLORS[0] as string,
      },
    ],
    {
      serverName: `${study.capacity.hardware.name}, ${study.profile.profileId}`,
      maxCallsPerDay: options.maxCallsPerDay ?? 10_000,
      marks: [{ label: "what-if weekday", callsPerDay: options.weekdayCallsPerDay }],
      provenance: provenance(data, ["throughput.csv", "traffic_profiles.csv", "hardware.csv"]),
    },
  );
  return { fleet, result, figure };
}
