/**
 * Then and now: the chapter's questions asked of two data editions side by side (the chapter's 2025 data and a
 * later one): the cheapest model in each score tier, the two break-even scenarios, the case study's decision,
 * and which of the chapter's conclusions still hold.
 */
import { thenAndNowMoves, wrapLongCaption, type Figure, type HeadlineMove } from "../charts";
import type { Dataset, ModelRow } from "../data";
import type { CaseOptionName } from "../model";
import { breakEvenOf } from "./break-even";
import { caseStudyCapacity } from "./capacity";
import { caseStudyFromData } from "./case-study";
import { cloudCostTable } from "./cost";
import { hybridSavings } from "./hybrid-routing";
import { qualityMatchText, qualityOf, referenceBenchmark, type ScoreTier } from "./quality";
import type { Decision } from "./decide";
import { caseStudyDecision, optionName as decisionOptionName } from "./decision-page";
import { findHardware, findModel } from "./lookup";

/** The tiers a score gives (see `qualityRule`): each edition's models against the best on its own reference benchmark. */
export const QUALITY_TIERS = ["top", "middle", "low"] as const satisfies readonly ScoreTier[];
export type QualityTier = (typeof QUALITY_TIERS)[number];

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

/** Whether two editions' tiers are computed on the same benchmark, so that "the cheapest top-tier API" means the same. */
export const tiersComparable = (then: EditionAnswers, now: EditionAnswers): boolean =>
  then.qualityBenchmark !== undefined && then.qualityBenchmark === now.qualityBenchmark;

/** Every headline of two editions as a move from then to now, for the figure and the tables. */
export function headlineMoves(then: EditionAnswers, now: EditionAnswers): HeadlineMove[] {
  const moves: HeadlineMove[] = [];
  // A tier is a score against the best on the edition's own reference benchmark: across two benchmarks it is not the same tier.
  for (const tier of tiersComparable(then, now) ? QUALITY_TIERS : []) {
    const [a, b] = [then.cheapest.find((row) => row.tier === tier), now.cheapest.find((row) => row.tier === tier)];
    if (a?.usdPerMonth !== undefined && b?.usdPerMonth !== undefined) {
      moves.push({
        group: "Cheapest API per quality tier, $/month",
        short: `Cheapest ${tier} API`,
        name: `${tier}: ${a.model?.modelName} → ${b.model?.modelName}`,
        then: a.usdPerMonth,
        now: b.usdPerMonth,
        unit: "usd",
      });
    }
  }
  then.scenarios.forEach((a, index) => {
    const b = now.scenarios[index];
    if (b)
      moves.push({
        group: "Break-even, calls a day",
        short: `Break-even, scenario ${index + 1}`,
        name: `scenario ${index + 1}: ${a.hardwareName} vs ${a.apiName} → ${b.hardwareName} vs ${b.apiName}`,
        then: a.breakEvenDailyCalls,
        now: b.breakEvenDailyCalls,
        unit: "calls",
      });
  });
  for (const option of ["all_cloud", "all_local", "hybrid"] as const) {
    moves.push({
      group: "Case study with the servers it needs, $/month",
      short: `Case study, ${option.replace("_", " ")}`,
      name: option.replace("_", " "),
      then: then.caseStudy.sized[option],
      now: now.caseStudy.sized[option],
      unit: "usd",
    });
  }
  return moves;
}

export interface Conclusion {
  /** The chapter's claim in roilab's words. */
  claim: string;
  then: boolean;
  now: boolean;
  /** What the numbers say, with them. */
  evidence: string;
}

const usd = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const calls = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "never");
const optionName = (option: CaseOptionName | undefined) => option?.replace("_", " ") ?? "no option";

/** The least break-even that is still "about a thousand calls a day": a fifth below it. */
const ABOUT_A_THOUSAND = 800;

/** The chapter's main conclusions, each tested against both editions by a rule from the data. */
export function conclusions(then: EditionAnswers, now: EditionAnswers): Conclusion[] {
  // 1. APIs win at low volume: every scenario's server pays for itself only from about a thousand calls a day on,
  // "about" read as within a fifth (800 or more).
  const lowVolume = (answers: EditionAnswers) =>
    answers.scenarios.length > 0 && answers.scenarios.every((scenario) => scenario.breakEvenDailyCalls >= ABOUT_A_THOUSAND);
  // 2. Routing simple tasks to local models saves most of a premium-only bill (the chapter says 60-75%).
  const routing = (answers: EditionAnswers) => answers.routerSavingsPercent >= 50;
  // 3. Under the case study's residency rules hybrid is the cheapest compliant option: asked of every model, server
  // and rental under the rule, not only of the three options the case study builds from its one cloud tier model.
  const hybridWins = (answers: EditionAnswers) => answers.caseStudy.winner?.kind === "hybrid";
  const winnerText = (answers: EditionAnswers) => {
    const winner = answers.caseStudy.winner;
    return winner
      ? `${winner.name}, ${winner.kind === "api" ? "all cloud" : winner.kind}, at ${usd(winner.usdPerMonth)} (quality against today's: ${winner.quality})`
      : "no option";
  };
  return [
    {
      claim: "Below about a thousand calls a day an API is cheaper than owning a server",
      then: lowVolume(then),
      now: lowVolume(now),
      evidence: `${[then, now].map((answers) => `in ${answers.label} ${answers.scenarios.map((scenario, index) => `scenario ${index + 1} breaks even at ${calls(scenario.breakEvenDailyCalls)} calls a day (${scenario.hardwareName} vs ${scenario.apiName})`).join(", ")}`).join("; ")} (it holds where every scenario breaks even at ${calls(ABOUT_A_THOUSAND)} or more)`,
    },
    {
      claim: "Routing simple tasks to local models saves at least half of a premium-only bill",
      then: routing(then),
      now: routing(now),
      evidence: `the example router saves ${then.routerSavingsPercent.toFixed(1)}% in ${then.label} and ${now.routerSavingsPercent.toFixed(1)}% in ${now.label}, counting local calls free as the chapter does`,
    },
    {
      claim: "Under the case study's residency rules, hybrid is the cheapest compliant option",
      then: hybridWins(then),
      now: hybridWins(now),
      evidence: `over every model, server and rental under the rule, the cheapest compliant option in ${then.label} is ${winnerText(then)}, in ${now.label} ${winnerText(now)}; of the case study's own three options, with the servers its busiest hour needs, ${optionName(then.caseStudy.sizedDecision)} and ${optionName(now.caseStudy.sizedDecision)}`,
    },
  ];
}

/** The figure: how far each headline moved from the chapter's edition to the later one. */
export function thenAndNowFigure(then: EditionAnswers, now: EditionAnswers, folders: { then: string; now: string }): Figure {
  return wrapLongCaption(
    thenAndNowMoves(
      headlineMoves(then, now),
      { then: then.label, now: now.label },
      { files: ["models.csv", "hardware.csv", "throughput.csv", "case_study.csv"], folders: [folders.then, folders.now] },
    ),
  );
}

/** An edition's label: the month its model prices are dated, e.g. `2025-09`. */
export function editionLabel(data: Dataset): string {
  const dates = data.models.map((model) => model.asOf).sort();
  return (dates[dates.length - 1] ?? "undated").slice(0, 7);
}
