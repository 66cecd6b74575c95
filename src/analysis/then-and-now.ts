/**
 * Then and now: the chapter's questions asked of two data editions side by side (the chapter's 2025 data and a
 * later one): the cheapest model in each score tier, the two break-even scenarios, the case study's decision,
 * and which of the chapter's conclusions still hold.
 */
import type { Figure, Provenance } from "../charts";
import type { Dataset, ModelRow } from "../data";
import type { TableColumn } from "../display/html-table";
import { countIn, displayCurrencyCode, formatPercent, formatUsd, type CountNoun } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { THEN_AND_NOW_WORDS } from "../i18n/then-and-now";
import type { CaseOptionName } from "../model";
import { percentChange } from "../charts";
import {
  caseOptionIn,
  type Conclusion,
  QUALITY_TIERS,
  tierIn,
  tiersComparable,
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
import { displayCurrency, type DatedCurrency } from "./currency";
import { bottomLine, caseStudyDecision, optionName as decisionOptionName } from "./decision-page";
import { dataFileName } from "./figure-context";
import { hybridSavings, routerInputs } from "./hybrid-routing";
import { findHardware, findModel, findWorkload } from "./lookup";
import { qualityMatchText, qualityOf, qualityRule, referenceBenchmark } from "./quality";

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
function winnerOf(decision: Decision, lang: Lang): EditionAnswers["caseStudy"]["winner"] {
  // The chapter's claim is about residency: the cheapest option that passes it, whatever its quality, which is stated beside.
  const pick = decision.options.find((option) => option.passesRules);
  if (pick === undefined) return undefined;
  return {
    name: decisionOptionName(pick, lang),
    kind: pick.kind,
    usdPerMonth: pick.usdPerMonth,
    quality: qualityMatchText(pick.qualityVsToday, lang),
  };
}

/** The chapter's questions answered from one edition; `lang` names the case study's answer (its option and quality) in words. */
export function editionAnswers(data: Dataset, label: string, scenarios: readonly ScenarioIds[], lang: Lang = DEFAULT_LANG): EditionAnswers {
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
      winner: winnerOf(everyOption, lang),
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
export function thenAndNowFigure(
  then: EditionAnswers,
  now: EditionAnswers,
  folders: { then: string; now: string },
  lang: Lang = DEFAULT_LANG,
): Figure {
  return thenAndNowMovesFigure(then, now, thenAndNowProvenance(folders), lang);
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
export function pricedEdition(data: Dataset, answers: EditionAnswers, lang: Lang = DEFAULT_LANG): PricedEdition {
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
          name: decisionOptionName(option, lang),
          kind: option.kind,
          quality: qualityMatchText(option.qualityVsToday, lang),
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
  options: { folders: { then: string; now: string }; defaults: ThenAndNowPanelInputs; title?: string; lang?: Lang },
): ThenAndNowPanelSpec {
  const lang = options.lang ?? DEFAULT_LANG;
  return {
    kind: "then-and-now",
    title: options.title ?? THEN_AND_NOW_WORDS[lang].panelTitle,
    then: pricedEdition(editions.then.data, editions.then.answers, lang),
    now: pricedEdition(editions.now.data, editions.now.answers, lang),
    defaults: options.defaults,
    provenance: thenAndNowProvenance(options.folders),
    // Only a page in another language says so: an English spec stays as it was.
    ...(lang === "en" ? {} : { lang }),
  };
}

/** An edition's label: the month its model prices are dated, e.g. `2025-09`. */
export function editionLabel(data: Dataset): string {
  const dates = data.models.map((model) => model.asOf).sort();
  return (dates[dates.length - 1] ?? "undated").slice(0, 7);
}

// The page's words: its findings, its tables' rows, columns and captions and its notes, in the page's language.

/** A server counted: "1 server", "11 servers", "11 台服务器". */
const SERVER: CountNoun = { one: "server", other: "servers", zh: "台服务器" };

/** The key findings: how many of the chapter's conclusions hold at each edition, and each with its evidence. */
export function thenAndNowFindings(
  then: EditionAnswers,
  now: EditionAnswers,
  verdicts: readonly Conclusion[],
  lang: Lang = DEFAULT_LANG,
): string {
  const words = THEN_AND_NOW_WORDS[lang];
  const mark = (held: boolean) => (held ? words.holds : words.doesNotHold);
  const held = (side: "then" | "now") => verdicts.filter((verdict) => verdict[side]).length;
  return [
    words.findings(then.label, now.label, held("now"), verdicts.length, held("then")),
    "",
    ...verdicts.map((verdict) =>
      words.verdict(verdict.claim, mark(verdict.then), then.label, mark(verdict.now), now.label, verdict.evidence),
    ),
  ].join("\n");
}

/** One row per quality tier: each edition's cheapest API and its month, and the change where the tiers compare. */
export function tierRows(then: EditionAnswers, now: EditionAnswers, lang: Lang = DEFAULT_LANG): Record<string, string | number | null>[] {
  const words = THEN_AND_NOW_WORDS[lang];
  return then.cheapest.map((row, index) => {
    const later = now.cheapest[index];
    // Tiers computed on two different benchmarks are not the same tier: their prices are not set against each other.
    const change =
      tiersComparable(then, now) && row.usdPerMonth !== undefined && later?.usdPerMonth !== undefined
        ? percentChange({ then: row.usdPerMonth, now: later.usdPerMonth })
        : undefined;
    return {
      tier: tierIn(row.tier, lang),
      thenModel: row.model?.modelName ?? words.none,
      thenUsd: row.usdPerMonth ?? null,
      nowModel: later?.model?.modelName ?? words.none,
      nowUsd: later?.usdPerMonth ?? null,
      change: change === undefined ? "" : `${change >= 0 ? "+" : ""}${formatPercent(change)}`,
    };
  });
}

export function tierColumns(then: EditionAnswers, now: EditionAnswers, lang: Lang = DEFAULT_LANG): TableColumn[] {
  const words = THEN_AND_NOW_WORDS[lang];
  return [
    { key: "tier", label: words.hTier },
    { key: "thenModel", label: words.hCheapest(then.label) },
    { key: "thenUsd", label: words.hPerMonth, format: "usd" },
    { key: "nowModel", label: words.hCheapest(now.label) },
    { key: "nowUsd", label: words.hPerMonth, format: "usd" },
    { key: "change", label: words.hChange },
  ];
}

export const tierCaption = (nowData: Dataset, lang: Lang = DEFAULT_LANG): string =>
  THEN_AND_NOW_WORDS[lang].tierCaption(
    dataFileName(nowData, "models.csv"),
    dataFileName(nowData, "benchmarks.csv"),
    dataFileName(nowData, "workloads.csv"),
  );

/** Each edition's tier rule, and where they rank on different benchmarks, why the table sets no change between them. */
export function tierNotes(
  editions: { then: { data: Dataset; answers: EditionAnswers }; now: { data: Dataset; answers: EditionAnswers } },
  lang: Lang = DEFAULT_LANG,
): string {
  const words = THEN_AND_NOW_WORDS[lang];
  const [then, now] = [editions.then.answers, editions.now.answers];
  return [
    words.tierRule(then.label, qualityRule(editions.then.data, lang)),
    words.tierRule(now.label, qualityRule(editions.now.data, lang)),
    ...(tiersComparable(then, now)
      ? []
      : [words.differentBenchmarks(then.qualityBenchmark ?? words.none, now.qualityBenchmark ?? words.none)]),
  ].join("\n\n");
}

/** Each break-even scenario at each edition: its server, its API, their prices and where the server starts to pay. */
export function scenarioRows(
  then: EditionAnswers,
  now: EditionAnswers,
  lang: Lang = DEFAULT_LANG,
): Record<string, string | number | null>[] {
  const words = THEN_AND_NOW_WORDS[lang];
  return then.scenarios.flatMap((row, index) => {
    const later = now.scenarios[index];
    return [row, later].flatMap((scenario, side) =>
      scenario === undefined
        ? []
        : [
            {
              scenario: words.scenarioRow(index + 1, side === 0 ? then.label : now.label),
              server: scenario.hardwareName,
              api: scenario.apiName,
              local: scenario.localUsdPerMonth,
              perCall: scenario.apiUsdPerCall,
              calls: Number.isFinite(scenario.breakEvenDailyCalls) ? Math.ceil(scenario.breakEvenDailyCalls) : null,
            },
          ],
    );
  });
}

export function scenarioColumns(lang: Lang = DEFAULT_LANG): TableColumn[] {
  const words = THEN_AND_NOW_WORDS[lang];
  return [
    { key: "scenario", label: words.hScenario },
    { key: "server", label: words.hServer },
    { key: "api", label: words.hApi },
    { key: "local", label: words.hServerMonth, format: "usd" },
    { key: "perCall", label: words.hApiCall, format: "usdPerCall" },
    { key: "calls", label: words.hBreakEven, format: "integer" },
  ];
}

export const scenarioCaption = (lang: Lang = DEFAULT_LANG): string => THEN_AND_NOW_WORDS[lang].scenarioCaption;

const CASE_OPTIONS = ["all_cloud", "all_local", "hybrid"] as const;

/** The case study's own three options at each edition: with one server, and with the servers its busiest hour needs. */
export function caseRows(then: EditionAnswers, now: EditionAnswers, lang: Lang = DEFAULT_LANG): Record<string, string | number>[] {
  return CASE_OPTIONS.map((option) => ({
    option: caseOptionIn(option, lang),
    thenOne: then.caseStudy.asPublished[option],
    nowOne: now.caseStudy.asPublished[option],
    thenSized: then.caseStudy.sized[option],
    nowSized: now.caseStudy.sized[option],
  }));
}

export function caseColumns(then: EditionAnswers, now: EditionAnswers, lang: Lang = DEFAULT_LANG): TableColumn[] {
  const words = THEN_AND_NOW_WORDS[lang];
  return [
    { key: "option", label: words.hOption },
    { key: "thenOne", label: words.hOneServer(then.label), format: "usd" },
    { key: "nowOne", label: words.hOneServer(now.label), format: "usd" },
    { key: "thenSized", label: words.hServersNeeded(then.label), format: "usd" },
    { key: "nowSized", label: words.hServersNeeded(now.label), format: "usd" },
  ];
}

export const caseCaption = (nowData: Dataset, lang: Lang = DEFAULT_LANG): string =>
  THEN_AND_NOW_WORDS[lang].caseCaption(dataFileName(nowData, "case_study.csv"));

/**
 * The money a bottom line is written in: English in dollars, which the page shows in its currency; another language
 * in the display currency itself, whose amounts the data already holds.
 */
function bottomLineCurrency(data: Dataset, lang: Lang): DatedCurrency {
  const usd = displayCurrency(data, "USD");
  return lang === "en" ? usd : { ...usd, code: displayCurrencyCode() };
}

/** The case study's answer among its own three options at each edition, then over every model, server and rental. */
export function caseStudyText(
  editions: { then: { data: Dataset; answers: EditionAnswers }; now: { data: Dataset; answers: EditionAnswers } },
  lang: Lang = DEFAULT_LANG,
): string {
  const words = THEN_AND_NOW_WORDS[lang];
  const [then, now] = [editions.then.answers, editions.now.answers];
  const pick = (option: CaseOptionName | undefined) => (option === undefined ? words.none : caseOptionIn(option, lang));
  // The three options above come from the case study's one cloud tier model; decide() prices every model, server and rental under the same residency rule.
  const money = bottomLineCurrency(editions.now.data, lang);
  return [
    words.caseParagraph(
      formatUsd(now.caseStudy.budgetUsdPerMonth, 0, lang),
      pick(then.caseStudy.sizedDecision),
      then.label,
      countIn(then.caseStudy.servers, SERVER, lang),
      pick(now.caseStudy.sizedDecision),
      now.label,
      countIn(now.caseStudy.servers, SERVER, lang),
    ),
    words.editionLine(then.label, bottomLine(then.caseStudy.everyOption, money, lang)),
    words.editionLine(now.label, bottomLine(now.caseStudy.everyOption, money, lang)),
  ].join("\n\n");
}
