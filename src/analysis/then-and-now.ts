/**
 * Then and now: the chapter's questions asked of two data editions side by side (the chapter's 2025 data and a
 * later one): the cheapest model in each score tier, the two break-even scenarios, the case study's decision,
 * and which of the chapter's conclusions still hold.
 */
import type { Figure, Provenance } from "../charts";
import type { Dataset, ModelRow } from "../data";
import type { CaseOptionName } from "../model";
import {
  QUALITY_TIERS,
  thenAndNowMovesFigure,
  type PricedEdition,
  type QualityTier,
  type ThenAndNowPanelInputs,
  type ThenAndNowPanelSpec,
} from "../panels/then-and-now";
import { breakEvenOf } from "./break-even";
import { caseStudyCapacity, sizedCaseStudyInputs } from "./capacity";
import { caseStudyFromData } from "./case-study";
import { cloudCostTable } from "./cost";
import { apiPricesScaled, type Decision } from "./decide";
import { caseStudyDecision, optionName as decisionOptionName } from "./decision-page";
import { hybridSavings, routerInputs } from "./hybrid-routing";
import { findHardware, findModel, findWorkload } from "./lookup";
import { qualityMatchText, qualityOf, referenceBenchmark } from "./quality";

export { conclusions, headlineMoves, QUALITY_TIERS, tiersComparable, type Conclusion, type QualityTier } from "../panels/then-and-now";

export interface CheapestInTier {
  tier: QualityTier;
  /** Undefined when the edition scores no model into the tier. */
  model: ModelRow | undefined;
  usdPerMonth: number | undefined;
}

/** The cheapest API of each score tier at the edition's default workload; a model without a score is in none. */
export function cheapestByQualityTier(data: Dataset): CheapestInTier[] {
  const costs = cloudCostTable(data);
  return QUALITY_TIERS.map((tier) => {
    const cheapest = costs
      .filter((row) => qualityOf(data, row.model.modelId).tier === tier)
      .sort((a, b) => a.usdPerMonth - b.usdPerMonth)[0];
    return { tier, model: cheapest?.model, usdPerMonth: cheapest?.usdPerMonth };
  });
}

/** A break-even scenario: one server against one API. */
export interface ScenarioIds {
  hardwareId: string;
  apiModelId: string;
}

export interface ScenarioResult extends ScenarioIds {
  hardwareName: string;
  apiName: string;
  localUsdPerMonth: number;
  apiUsdPerCall: number;
  breakEvenDailyCalls: number;
}

/** The two 59.3 scenarios an edition names in its parameters (the notebook's parameter names). */
export function editionScenarios(parameters: Record<string, unknown>): ScenarioIds[] {
  const id = (name: string) => {
    const value = parameters[name];
    if (typeof value !== "string") throw new TypeError(`the edition's parameters.json gives no ${name}`);
    return value;
  };
  return [
    { hardwareId: id("scenarioOneHardwareId"), apiModelId: id("scenarioOneApiModelId") },
    { hardwareId: id("scenarioTwoHardwareId"), apiModelId: id("scenarioTwoApiModelId") },
  ];
}

function scenarioResult(data: Dataset, ids: ScenarioIds): ScenarioResult {
  const result = breakEvenOf(data, ids.hardwareId, ids.apiModelId);
  return {
    ...ids,
    hardwareName: findHardware(data, ids.hardwareId).name,
    apiName: findModel(data, ids.apiModelId).modelName,
    localUsdPerMonth: result.local.totalUsd,
    apiUsdPerCall: result.apiUsdPerCall,
    breakEvenDailyCalls: result.breakEvenDailyCalls,
  };
}

export interface EditionAnswers {
  label: string;
  /** The benchmark its quality tiers are computed on; tiers of two editions compare only on the same one. */
  qualityBenchmark: string | undefined;
  cheapest: CheapestInTier[];
  scenarios: ScenarioResult[];
  caseStudy: {
    decision: CaseOptionName | undefined;
    /** Each option's total as the chapter prices it (one server takes any volume), USD per month. */
    asPublished: Record<CaseOptionName, number>;
    /** Each option with the servers its busiest hour needs. */
    sized: Record<CaseOptionName, number>;
    sizedDecision: CaseOptionName | undefined;
    servers: number;
    budgetUsdPerMonth: number;
    /**
     * The cheapest option over every model, server and rental that passes the case study's residency rule
     * (`caseStudyDecision`), whatever its quality, with its quality against today's; undefined: none passes.
     */
    winner: { name: string; kind: string; usdPerMonth: number; quality: string } | undefined;
    /** That decision whole, for a page that states it (`bottomLine`). */
    everyOption: Decision;
  };
  /** 59.4's router: percent saved against all-premium, local calls counted free as the chapter does. */
  routerSavingsPercent: number;
}

const totals = (options: ReadonlyArray<{ option: CaseOptionName; totalUsd: number }>) =>
  Object.fromEntries(options.map((option) => [option.option, option.totalUsd])) as Record<CaseOptionName, number>;

/** The case study's answer over every model, server and rental: what it is, its way, its month. */
function winnerOf(decision: Decision): EditionAnswers["caseStudy"]["winner"] {
  // The chapter's claim is about residency: the cheapest option that passes it, whatever its quality, which is stated beside.
  const pick = decision.options.find((option) => option.passesRules);
  if (pick === undefined) return undefined;
  return { name: decisionOptionName(pick), kind: pick.kind, usdPerMonth: pick.usdPerMonth, quality: qualityMatchText(pick.qualityVsToday) };
}

/** The chapter's questions answered from one edition. */
export function editionAnswers(data: Dataset, label: string, scenarios: readonly ScenarioIds[]): EditionAnswers {
  const study = caseStudyFromData(data);
  const sized = caseStudyCapacity(data);
  const everyOption = caseStudyDecision(data);
  return {
    label,
    qualityBenchmark: referenceBenchmark(data),
    cheapest: cheapestByQualityTier(data),
    scenarios: scenarios.map((ids) => scenarioResult(data, ids)),
    caseStudy: {
      decision: study.result.cheapestCompliant,
      asPublished: totals(study.result.options),
      sized: totals(sized.withCapacity.options),
      sizedDecision: sized.withCapacity.cheapestCompliant,
      servers: sized.withCapacity.options.find((option) => option.option === "all_local")?.machines ?? 1,
      budgetUsdPerMonth: study.inputs.budgetUsdPerMonth,
      winner: winnerOf(everyOption),
      everyOption,
    },
    routerSavingsPercent: hybridSavings(data).savingsPercentage,
  };
}

/** Where the then-and-now figures' numbers come from: the same files of both editions' folders. */
const thenAndNowProvenance = (folders: { then: string; now: string }): Provenance => ({
  files: ["models.csv", "hardware.csv", "throughput.csv", "case_study.csv"],
  folders: [folders.then, folders.now],
});

/** The figure: how far each headline moved from the chapter's edition to the later one. */
export function thenAndNowFigure(then: EditionAnswers, now: EditionAnswers, folders: { then: string; now: string }): Figure {
  return thenAndNowMovesFigure(then, now, thenAndNowProvenance(folders));
}

/**
 * The dataset with every API price times `factor`: each model's whole price sheet (cache, batch, long-context tiers,
 * hours of the day) and a router tier's stated price per call where it is a cloud tier's.
 */
export function withApiPricesScaled(data: Dataset, factor: number): Dataset {
  return {
    ...data,
    ...apiPricesScaled(data, factor, factor),
    routingTiers: data.routingTiers.map((row) =>
      row.location === "cloud" && row.usdPerCall !== undefined ? { ...row, usdPerCall: row.usdPerCall * factor } : row,
    ),
  };
}

/**
 * An edition as the 59.11 panel prices it at any multiple of its API prices, from its answers at its own prices. An
 * option's month is what no API price moves (its month with every API free) plus what they do.
 */
export function pricedEdition(data: Dataset, answers: EditionAnswers): PricedEdition {
  const days = findWorkload(data).daysPerMonth;
  const apisFree = new Map(caseStudyDecision(withApiPricesScaled(data, 0)).options.map((option) => [option.id, option.usdPerMonth]));
  return {
    label: answers.label,
    qualityBenchmark: answers.qualityBenchmark,
    cheapest: answers.cheapest.map((row) => ({
      tier: row.tier,
      model: row.model && { modelName: row.model.modelName },
      usdPerMonth: row.usdPerMonth,
    })),
    scenarios: answers.scenarios.map((scenario) => ({
      hardwareName: scenario.hardwareName,
      apiName: scenario.apiName,
      localUsdPerMonth: scenario.localUsdPerMonth,
      apiUsdPerCall: scenario.apiUsdPerCall,
      daysPerMonth: days,
    })),
    caseStudy: sizedCaseStudyInputs(caseStudyCapacity(data)),
    passingOptions: answers.caseStudy.everyOption.options
      .filter((option) => option.passesRules)
      .map((option) => {
        const fixed = apisFree.get(option.id) ?? 0;
        return {
          name: decisionOptionName(option),
          kind: option.kind,
          quality: qualityMatchText(option.qualityVsToday),
          fixedUsdPerMonth: fixed,
          apiUsdPerMonth: option.usdPerMonth - fixed,
        };
      }),
    router: { ...routerInputs(data), cloudTiers: data.routingTiers.filter((row) => row.location === "cloud").map((row) => row.tier) },
  };
}

/** The 59.11 what-if panel: the later edition at any multiple of its API prices, against the chapter's edition. */
export function thenAndNowPanelSpec(
  editions: { then: { data: Dataset; answers: EditionAnswers }; now: { data: Dataset; answers: EditionAnswers } },
  options: { folders: { then: string; now: string }; defaults: ThenAndNowPanelInputs; title?: string },
): ThenAndNowPanelSpec {
  return {
    kind: "then-and-now",
    title: options.title ?? "the chapter's headlines at other API prices",
    then: pricedEdition(editions.then.data, editions.then.answers),
    now: pricedEdition(editions.now.data, editions.now.answers),
    defaults: options.defaults,
    provenance: thenAndNowProvenance(options.folders),
  };
}

/** An edition's label: the month its model prices are dated, e.g. `2025-09`. */
export function editionLabel(data: Dataset): string {
  const dates = data.models.map((model) => model.asOf).sort();
  return (dates[dates.length - 1] ?? "undated").slice(0, 7);
}
