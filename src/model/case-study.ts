/** The 59.5 case study: a data-residency filter, then all-cloud, all-local and hybrid monthly cost. */

export interface ResidencyCandidate {
  id: string;
  /** Where the provider processes data, e.g. `US`. */
  dataRegion: string;
}

export interface ResidencyResult<T extends ResidencyCandidate> {
  allowed: T[];
  excluded: T[];
}

/** Splits models into those that may process sensitive data under the allowed regions and those that may not. */
export function residencyFilter<T extends ResidencyCandidate>(
  candidates: readonly T[],
  allowedRegions: readonly string[],
): ResidencyResult<T> {
  const allowed = new Set(allowedRegions.map((region) => region.toLowerCase()));
  const isAllowed = (candidate: T) => allowed.has(candidate.dataRegion.toLowerCase());
  return { allowed: candidates.filter(isAllowed), excluded: candidates.filter((candidate) => !isAllowed(candidate)) };
}

export interface CaseTaskShare {
  taskType: string;
  /** Share of calls, 0–1. */
  share: number;
  /** Must stay where sensitive data is allowed. */
  sensitive: boolean;
}

export interface CaseStudyInputs {
  weekdayCallsPerDay: number;
  weekdayDaysPerMonth: number;
  weekendCallsPerDay: number;
  weekendDaysPerMonth: number;
  /** Monthly IT budget, USD. */
  budgetUsdPerMonth: number;
  /** Regions where sensitive data may be processed; include `on_premises` for the local hardware. */
  allowedRegions: readonly string[];
  taskMix: readonly CaseTaskShare[];
  /** Monthly cost of the local server, USD. */
  localMonthlyUsd: number;
  /** The cloud option: its cost per call, USD, and where it processes data. */
  cloud: { id: string; usdPerCall: number; dataRegion: string };
  /**
   * When given, the local side is sized for its busiest day: as many servers as its calls need, each
   * adding `perMachineUsdPerMonth` on top of `sharedUsdPerMonth`. Without it, one server at
   * `localMonthlyUsd` takes any volume, as the chapter assumes.
   */
  fleet?: FleetCostOptions & { callsPerDayPerMachine: number };
}

import { fleetMonthlyCost, machinesNeeded, type FleetCostOptions } from "./capacity";

export type CaseOptionName = "all_cloud" | "all_local" | "hybrid";

export interface CaseOption {
  option: CaseOptionName;
  localUsd: number;
  cloudUsd: number;
  totalUsd: number;
  /** Share of calls sent to the cloud, 0–1. */
  cloudShare: number;
  /** Local servers the option pays for (0 for all-cloud). */
  machines: number;
  /** No sensitive call leaves the allowed regions. */
  compliant: boolean;
  withinBudget: boolean;
}

export interface CaseStudyResult {
  monthlyCalls: { weekday: number; weekend: number; total: number };
  /** The all-cloud bill split as the chapter does, USD per month. */
  cloudWeekdayUsd: number;
  cloudWeekendUsd: number;
  sensitiveShare: number;
  options: CaseOption[];
  /** Hybrid total minus all-cloud total, USD per month: what compliance costs. */
  hybridExtraOverCloudUsd: number;
  /** Cheapest option that is compliant and within budget; undefined when none is. */
  cheapestCompliant: CaseOptionName | undefined;
}

const LOCAL_REGION = "on_premises";

/**
 * Hybrid follows the chapter's design: sensitive task types stay on the local server, the rest go to the cloud.
 * The local server is a fixed cost in both all-local and hybrid.
 */
export function evaluateCaseStudy(inputs: CaseStudyInputs): CaseStudyResult {
  const weekday = inputs.weekdayCallsPerDay * inputs.weekdayDaysPerMonth;
  const weekend = inputs.weekendCallsPerDay * inputs.weekendDaysPerMonth;
  const cloudWeekdayUsd = weekday * inputs.cloud.usdPerCall;
  const cloudWeekendUsd = weekend * inputs.cloud.usdPerCall;
  const allCloudUsd = cloudWeekdayUsd + cloudWeekendUsd;
  const sensitiveShare = inputs.taskMix.filter((task) => task.sensitive).reduce((sum, task) => sum + task.share, 0);
  const cloudShareInHybrid = inputs.taskMix.filter((task) => !task.sensitive).reduce((sum, task) => sum + task.share, 0);

  const regions = new Set(inputs.allowedRegions.map((region) => region.toLowerCase()));
  const cloudAllowed = regions.has(inputs.cloud.dataRegion.toLowerCase());
  const localAllowed = regions.has(LOCAL_REGION);

  const busiestDayCalls = Math.max(inputs.weekdayCallsPerDay, inputs.weekendCallsPerDay);
  const local = (cloudShare: number): { machines: number; localUsd: number } => {
    if (!inputs.fleet) return { machines: 1, localUsd: inputs.localMonthlyUsd };
    const machines = machinesNeeded(busiestDayCalls * (1 - cloudShare), inputs.fleet.callsPerDayPerMachine);
    return { machines, localUsd: fleetMonthlyCost(machines, inputs.fleet) };
  };
  const option = (name: CaseOptionName, cloudUsd: number, cloudShare: number, compliant: boolean): CaseOption => {
    const { machines, localUsd } = cloudShare === 1 ? { machines: 0, localUsd: 0 } : local(cloudShare);
    const totalUsd = localUsd + cloudUsd;
    return {
      option: name,
      localUsd,
      cloudUsd,
      totalUsd,
      cloudShare,
      machines,
      compliant,
      withinBudget: totalUsd <= inputs.budgetUsdPerMonth,
    };
  };
  const options = [
    option("all_cloud", allCloudUsd, 1, sensitiveShare === 0 || cloudAllowed),
    option("all_local", 0, 0, sensitiveShare === 0 || localAllowed),
    option("hybrid", allCloudUsd * cloudShareInHybrid, cloudShareInHybrid, sensitiveShare === 0 || localAllowed),
  ];
  const eligible = options.filter((candidate) => candidate.compliant && candidate.withinBudget).sort((a, b) => a.totalUsd - b.totalUsd);
  const hybrid = options[2] as CaseOption;
  return {
    monthlyCalls: { weekday, weekend, total: weekday + weekend },
    cloudWeekdayUsd,
    cloudWeekendUsd,
    sensitiveShare,
    options,
    hybridExtraOverCloudUsd: hybrid.totalUsd - allCloudUsd,
    cheapestCompliant: eligible[0]?.option,
  };
}
