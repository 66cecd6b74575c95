/** 59.5, the case study: a team with data-residency rules weighs all-cloud, all-local and hybrid against a budget. */
import { caseStudyOptions, wrapLongCaption, type Figure } from "../charts";
import type { Dataset, ModelRow } from "../data";
import {
  evaluateCaseStudy,
  residencyFilter,
  type CaseStudyInputs,
  type CaseStudyResult,
  type LocalMonthlyCost,
  type ResidencyResult,
} from "../model";
import { provenance } from "./figure-context";
import { tierSpecsFromData } from "./hybrid-routing";
import { byId, byIdOrFirst, findHardware, findModel } from "./lookup";
import { hardwareMonthlyCost } from "./model-inputs";

export interface CaseStudy {
  inputs: CaseStudyInputs;
  local: LocalMonthlyCost;
  residency: ResidencyResult<ModelRow & { id: string }>;
  result: CaseStudyResult;
}

/** The scenario row with this id, or the first (the default). */
export const caseStudyRow = (data: Dataset, scenarioId?: string) =>
  byIdOrFirst(data.caseStudy, scenarioId, (row) => row.scenarioId, "scenario_id", "case_study.csv");

/** The 59.5 case study from data (first case_study row by default). */
export function caseStudyFromData(data: Dataset, scenarioId?: string): CaseStudy {
  const row = caseStudyRow(data, scenarioId);
  const local = hardwareMonthlyCost(findHardware(data, row.localHardwareId));
  const tier = byId(data.routingTiers, row.cloudTier, (r) => r.tier, "tier");
  const cloudModel = tier.modelId === undefined ? undefined : findModel(data, tier.modelId);
  const inputs: CaseStudyInputs = {
    weekdayCallsPerDay: row.weekdayCallsPerDay,
    weekdayDaysPerMonth: row.weekdayDaysPerMonth,
    weekendCallsPerDay: row.weekendCallsPerDay,
    weekendDaysPerMonth: row.weekendDaysPerMonth,
    budgetUsdPerMonth: row.budgetUsdPerMonth,
    allowedRegions: row.allowedRegions,
    taskMix: data.taskMix.filter((mix) => mix.mixId === row.mixId),
    localMonthlyUsd: local.totalUsd,
    cloud: {
      id: cloudModel?.modelId ?? tier.modelName,
      usdPerCall: tierSpecsFromData(data)[row.cloudTier].usdPerCall,
      dataRegion: tier.location === "local" ? "on_premises" : (cloudModel?.dataRegion ?? "unknown"),
    },
  };
  return {
    inputs,
    local,
    residency: residencyFilter(
      data.models.map((model) => ({ ...model, id: model.modelId })),
      row.allowedRegions,
    ),
    result: evaluateCaseStudy(inputs),
  };
}

/**
 * Figure 59.5: each option's local and cloud cost against the scenario's budget, compliance marked; with
 * `sized`, beside the same options with the servers their volume needs.
 */
export function caseStudyFigure(data: Dataset, result: CaseStudyResult, scenarioId?: string, sized?: CaseStudyResult): Figure {
  const files = [
    "case_study.csv",
    "task_mix.csv",
    "hardware.csv",
    "routing_tiers.csv",
    "models.csv",
    ...(sized ? ["throughput.csv", "traffic_profiles.csv"] : []),
  ];
  return wrapLongCaption(caseStudyOptions(result, caseStudyRow(data, scenarioId).budgetUsdPerMonth, provenance(data, files), sized));
}
