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
import { CASE_STUDY_WORDS, regionZh } from "../i18n/case-study";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
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
export function caseStudyFigure(
  data: Dataset,
  result: CaseStudyResult,
  scenarioId?: string,
  sized?: CaseStudyResult,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const files = [
    "case_study.csv",
    "task_mix.csv",
    "hardware.csv",
    "routing_tiers.csv",
    "models.csv",
    ...(sized ? ["throughput.csv", "traffic_profiles.csv"] : []),
  ];
  return wrapLongCaption(caseStudyOptions(result, caseStudyRow(data, scenarioId).budgetUsdPerMonth, provenance(data, files), sized, lang));
}

/** Regions a reader knows by their short names, and the two that are not places. */
const REGION_WORDS: Record<string, string> = {
  on_premises: "on-premises",
  unknown: "unstated regions",
  us: "US",
  eu: "EU",
  uk: "UK",
  gb: "UK",
};

/** A region code in words: `CN` is "China", `US` "US", `on_premises` "on-premises". */
export function regionName(region: string): string {
  const word = REGION_WORDS[region.toLowerCase()];
  if (word) return word;
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(region.toUpperCase()) ?? region;
  } catch {
    return region;
  }
}

/** A residency rule in words, short enough for a choice: "China and on-premises", "On-premises only"; 中国和本地服务器. */
export function residencyRuleName(regions: readonly string[], lang: Lang = DEFAULT_LANG): string {
  // Countries first, then regions the provider leaves unstated, then the local server.
  const rank = (region: string) => ({ unknown: 1, on_premises: 2 })[region.toLowerCase()] ?? 0;
  const sorted = [...regions].sort((a, b) => rank(a) - rank(b));
  if (lang !== DEFAULT_LANG) {
    const names = [...new Set(sorted.map(regionZh))];
    const rule = CASE_STUDY_WORDS[lang];
    return names.length <= 1 ? rule.ruleOnly(names[0] ?? "") : rule.ruleAnd(names.slice(0, -1), names.at(-1) as string);
  }
  const words = [...new Set(sorted.map(regionName))];
  const list = words.length <= 1 ? (words[0] ?? "nowhere") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
  return `${list.charAt(0).toUpperCase()}${list.slice(1)}${words.length <= 1 ? " only" : ""}`;
}
