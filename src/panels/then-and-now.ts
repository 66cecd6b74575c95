/**
 * Then and now's what-if panel (59.11): every API price of the later edition scaled by one factor, and how far each
 * of the chapter's headlines then moves from its own edition, and which of its conclusions still hold. The spec
 * carries what each headline is made of, so the page recomputes them as the notebook does: each tier's cheapest
 * month, each scenario's break-even, the case study sized for its busiest hour, the cheapest compliant option over
 * every model, server and rental, and the router's savings.
 */
import type { Figure, Provenance } from "../charts/figure";
import { thenAndNowMoves, type HeadlineMove } from "../charts/then-and-now";
import { renumberFigure, wrapLongCaption } from "../charts/theme";
import { wayIn } from "../charts/decision";
import { displayCurrencyCode, formatBreakEvenCalls, formatMoney, formatPercent } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { THEN_AND_NOW_WORDS } from "../i18n/then-and-now";
import {
  breakEvenVolumes,
  evaluateCaseStudy,
  HybridModelRouter,
  type CaseOptionName,
  type CaseStudyInputs,
  type ModelTier,
  type RouterOptions,
  type RoutingConfig,
  type TierSpec,
} from "../model";
import { numberControls, type PanelDefinition } from "./definition";
import { checkRanges, type PanelRanges } from "./ranges";

/** The tiers a score gives (see `qualityRule`): each edition's models against the best on its own reference benchmark. */
export const QUALITY_TIERS = ["top", "middle", "low"] as const;
export type QualityTier = (typeof QUALITY_TIERS)[number];

/** The chapter's headlines from one edition: what the figure sets side by side and the conclusions test. */
export interface EditionHeadlines {
  label: string;
  /** The benchmark its quality tiers are computed on; tiers of two editions compare only on the same one. */
  qualityBenchmark: string | undefined;
  /** The cheapest API of each tier at the edition's typical workload, USD per month; undefined where no model is in it. */
  cheapest: { tier: QualityTier; model: { modelName: string } | undefined; usdPerMonth: number | undefined }[];
  scenarios: { hardwareName: string; apiName: string; breakEvenDailyCalls: number }[];
  caseStudy: {
    /** Each of the case study's own options with the servers its busiest hour needs, USD per month. */
    sized: Record<CaseOptionName, number>;
    sizedDecision: CaseOptionName | undefined;
    /** The cheapest option over every model, server and rental that passes the residency rule; undefined: none passes. */
    winner: { name: string; kind: string; usdPerMonth: number; quality: string } | undefined;
  };
  /** 59.4's router: percent saved against all-premium, local calls counted free as the chapter does. */
  routerSavingsPercent: number;
}

/** Whether two editions' tiers are computed on the same benchmark, so that "the cheapest top-tier API" means the same. */
export const tiersComparable = (then: EditionHeadlines, now: EditionHeadlines): boolean =>
  then.qualityBenchmark !== undefined && then.qualityBenchmark === now.qualityBenchmark;

/** Every headline of two editions as a move from then to now, for the figure and the tables. */
export function headlineMoves(then: EditionHeadlines, now: EditionHeadlines, lang: Lang = DEFAULT_LANG): HeadlineMove[] {
  const words = THEN_AND_NOW_WORDS[lang];
  const moves: HeadlineMove[] = [];
  // A tier is a score against the best on the edition's own reference benchmark: across two benchmarks it is not the same tier.
  for (const tier of tiersComparable(then, now) ? QUALITY_TIERS : []) {
    const [a, b] = [then.cheapest.find((row) => row.tier === tier), now.cheapest.find((row) => row.tier === tier)];
    if (a?.usdPerMonth !== undefined && b?.usdPerMonth !== undefined) {
      moves.push({
        group: words.cheapestGroup,
        short: words.cheapestShort(tierIn(tier, lang)),
        name: `${tierIn(tier, lang)}${lang === "en" ? ": " : "："}${a.model?.modelName} → ${b.model?.modelName}`,
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
        group: words.breakEvenGroup,
        short: words.breakEvenShort(index + 1),
        name: words.breakEvenName(index + 1, a.hardwareName, a.apiName, b.hardwareName, b.apiName),
        then: a.breakEvenDailyCalls,
        now: b.breakEvenDailyCalls,
        unit: "calls",
      });
  });
  for (const option of ["all_cloud", "all_local", "hybrid"] as const) {
    moves.push({
      group: words.caseGroup,
      short: words.caseShort(caseOptionIn(option, lang)),
      name: caseOptionIn(option, lang),
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

/** A quality tier as the language names it: "top", "高档". */
export function tierIn(tier: QualityTier, lang: Lang = DEFAULT_LANG): string {
  const words = THEN_AND_NOW_WORDS[lang];
  return { top: words.tierTop, middle: words.tierMiddle, low: words.tierLow }[tier];
}

/** One of the case study's own options as the language names it: "all cloud", "全云端". */
export function caseOptionIn(option: CaseOptionName, lang: Lang = DEFAULT_LANG): string {
  const words = THEN_AND_NOW_WORDS[lang];
  return { all_cloud: words.allCloud, all_local: words.allLocal, hybrid: words.hybrid }[option];
}

/** Money to the cent: `$1,234.50` in English (the page shows it in its currency), else as formatMoney writes it. */
const centsIn = (lang: Lang) => (value: number) =>
  lang === "en"
    ? `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : formatMoney(value, displayCurrencyCode(), 2, lang);
/** Whole money, as `centsIn`. */
const wholeIn = (lang: Lang) => (value: number) =>
  lang === "en" ? `$${Math.round(value).toLocaleString("en-US")}` : formatMoney(value, displayCurrencyCode(), 0, lang);

/** The least break-even that is still "about a thousand calls a day": a fifth below it. */
const ABOUT_A_THOUSAND = 800;

/** The chapter's main conclusions, each tested against both editions by a rule from the data. */
export function conclusions(then: EditionHeadlines, now: EditionHeadlines, lang: Lang = DEFAULT_LANG): Conclusion[] {
  const words = THEN_AND_NOW_WORDS[lang];
  const usd = centsIn(lang);
  const calls = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : words.never);
  const optionName = (option: CaseOptionName | undefined) => (option === undefined ? words.noOption : caseOptionIn(option, lang));
  const way = (kind: string) =>
    kind === "api" ? words.allCloud : lang === "en" ? kind : ((wayIn(lang) as Record<string, string>)[kind] ?? kind);
  // 1. APIs win at low volume: every scenario's server pays for itself only from about a thousand calls a day on,
  // "about" read as within a fifth (800 or more).
  const lowVolume = (answers: EditionHeadlines) =>
    answers.scenarios.length > 0 && answers.scenarios.every((scenario) => scenario.breakEvenDailyCalls >= ABOUT_A_THOUSAND);
  // 2. Routing simple tasks to local models saves most of a premium-only bill (the chapter says 60-75%).
  const routing = (answers: EditionHeadlines) => answers.routerSavingsPercent >= 50;
  // 3. Under the case study's residency rules hybrid is the cheapest compliant option: asked of every model, server
  // and rental under the rule, not only of the three options the case study builds from its one cloud tier model.
  const hybridWins = (answers: EditionHeadlines) => answers.caseStudy.winner?.kind === "hybrid";
  const winnerText = (answers: EditionHeadlines) => {
    const winner = answers.caseStudy.winner;
    return winner ? words.winnerText(winner.name, way(winner.kind), usd(winner.usdPerMonth), winner.quality) : words.noOption;
  };
  return [
    {
      claim: words.claimLowVolume,
      then: lowVolume(then),
      now: lowVolume(now),
      evidence: words.lowVolumeEvidence(
        [then, now].map((answers) =>
          words.editionScenarios(
            answers.label,
            answers.scenarios.map((scenario, index) =>
              words.scenarioBreaksEven(index + 1, calls(scenario.breakEvenDailyCalls), scenario.hardwareName, scenario.apiName),
            ),
          ),
        ),
        calls(ABOUT_A_THOUSAND),
      ),
    },
    {
      claim: words.claimRouting,
      then: routing(then),
      now: routing(now),
      evidence: words.routingEvidence(then.routerSavingsPercent.toFixed(1), then.label, now.routerSavingsPercent.toFixed(1), now.label),
    },
    {
      claim: words.claimHybrid,
      then: hybridWins(then),
      now: hybridWins(now),
      evidence: words.hybridEvidence(
        then.label,
        winnerText(then),
        now.label,
        winnerText(now),
        optionName(then.caseStudy.sizedDecision),
        optionName(now.caseStudy.sizedDecision),
      ),
    },
  ];
}

/** The figure: how far each headline moved from the chapter's edition to the later one, from both editions' folders. */
export function thenAndNowMovesFigure(
  then: EditionHeadlines,
  now: EditionHeadlines,
  provenance: Provenance,
  lang: Lang = DEFAULT_LANG,
): Figure {
  return wrapLongCaption(thenAndNowMoves(headlineMoves(then, now, lang), { then: then.label, now: now.label }, provenance, lang));
}

/** An option that passes the case study's rules, its month split into what API prices move and what they do not. */
export interface PricedOption {
  name: string;
  kind: string;
  quality: string;
  /** USD per month no API price moves: servers, rentals, operations. */
  fixedUsdPerMonth: number;
  /** USD per month at the edition's own API prices that moves with them. */
  apiUsdPerMonth: number;
}

/** An edition as the panel prices it at any multiple of its API prices. */
export interface PricedEdition {
  label: string;
  qualityBenchmark: string | undefined;
  /** Each tier's cheapest API at the edition's own prices: a common factor keeps it the cheapest. */
  cheapest: EditionHeadlines["cheapest"];
  scenarios: { hardwareName: string; apiName: string; localUsdPerMonth: number; apiUsdPerCall: number; daysPerMonth: number }[];
  /** The case study with the fleet its busiest day needs (`cloud.usdPerCall` at the edition's prices). */
  caseStudy: CaseStudyInputs;
  /** Every option over every model, server and rental that passes the case study's rules, cheapest first. */
  passingOptions: PricedOption[];
  router: {
    options: RouterOptions & { tiers: Record<ModelTier, TierSpec> };
    config: RoutingConfig;
    distribution: Record<string, number>;
    dailyVolume: number;
    /** The tiers priced by an API (the others cost nothing per call: their server is paid apart). */
    cloudTiers: ModelTier[];
  };
}

/** An edition's headlines with every API price times `factor`. */
export function headlinesAt(edition: PricedEdition, factor: number, label = edition.label): EditionHeadlines {
  const cheapest = edition.cheapest.map((row) => ({
    ...row,
    usdPerMonth: row.usdPerMonth === undefined ? undefined : row.usdPerMonth * factor,
  }));
  const scenarios = edition.scenarios.map((scenario) => ({
    hardwareName: scenario.hardwareName,
    apiName: scenario.apiName,
    breakEvenDailyCalls: breakEvenVolumes(scenario.localUsdPerMonth, scenario.apiUsdPerCall * factor, scenario.daysPerMonth)
      .breakEvenDailyCalls,
  }));
  const study = edition.caseStudy;
  const sized = evaluateCaseStudy({ ...study, cloud: { ...study.cloud, usdPerCall: study.cloud.usdPerCall * factor } });
  const priced = edition.passingOptions.map((option) => ({
    ...option,
    usdPerMonth: option.fixedUsdPerMonth + option.apiUsdPerMonth * factor,
  }));
  const winner = [...priced].sort((a, b) => a.usdPerMonth - b.usdPerMonth)[0];
  const { options, config, distribution, dailyVolume, cloudTiers } = edition.router;
  const tiers = Object.fromEntries(
    Object.entries(options.tiers).map(([tier, spec]) => [
      tier,
      cloudTiers.includes(tier as ModelTier) ? { ...spec, usdPerCall: spec.usdPerCall * factor } : spec,
    ]),
  ) as Record<ModelTier, TierSpec>;
  const router = new HybridModelRouter({ ...options, tiers });
  return {
    label,
    qualityBenchmark: edition.qualityBenchmark,
    cheapest,
    scenarios,
    caseStudy: {
      sized: Object.fromEntries(sized.options.map((option) => [option.option, option.totalUsd])) as Record<CaseOptionName, number>,
      sizedDecision: sized.cheapestCompliant,
      winner: winner && { name: winner.name, kind: winner.kind, usdPerMonth: winner.usdPerMonth, quality: winner.quality },
    },
    routerSavingsPercent: router.estimateMonthlySavings(distribution, dailyVolume, config).savingsPercentage,
  };
}

export interface ThenAndNowPanelInputs {
  /** Every API price of the later edition times this (0.5: half). */
  apiPriceFactor: number;
}

export const THEN_AND_NOW_PANEL_RANGES: PanelRanges<ThenAndNowPanelInputs> = {
  apiPriceFactor: { label: "API prices (× the later edition's)", min: 0.01, max: 100, step: 0.01 },
};

export interface ThenAndNowPanelSpec {
  kind: "then-and-now";
  title: string;
  then: PricedEdition;
  now: PricedEdition;
  defaults: ThenAndNowPanelInputs;
  provenance: Provenance;
  /** The language of the summary, the control and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
}

export interface ThenAndNowPanelResult {
  then: EditionHeadlines;
  /** The later edition at the reader's factor. */
  whatIf: EditionHeadlines;
  verdicts: Conclusion[];
  summary: string;
  figure: Figure;
}

type Winner = EditionHeadlines["caseStudy"]["winner"];

/** The case study's winner at full price beside the reader's: the same, its month, or another option. */
function asAtFullPrice(winner: NonNullable<Winner>, atFullPrice: Winner, lang: Lang): string {
  const words = THEN_AND_NOW_WORDS[lang];
  const dollars = wholeIn(lang);
  if (!atFullPrice) return words.noneAtFullPrice;
  const same = atFullPrice.name === winner.name;
  if (same && dollars(atFullPrice.usdPerMonth) === dollars(winner.usdPerMonth)) return words.asAtFullPrice;
  return words.otherAtFullPrice(same ? undefined : atFullPrice.name, dollars(atFullPrice.usdPerMonth));
}

/** The later edition's headlines at the reader's multiple of its API prices, against the chapter's edition. */
export function evaluateThenAndNowPanel(spec: ThenAndNowPanelSpec, inputs: ThenAndNowPanelInputs): ThenAndNowPanelResult {
  checkRanges(THEN_AND_NOW_PANEL_RANGES, inputs);
  const factor = inputs.apiPriceFactor;
  const lang = spec.lang ?? DEFAULT_LANG;
  const words = THEN_AND_NOW_WORDS[lang];
  const dollars = wholeIn(lang);
  const share = formatPercent(factor * 100, 0);
  const then = headlinesAt(spec.then, 1);
  const whatIf = headlinesAt(spec.now, factor, words.atShare(spec.now.label, share));
  const asIs = headlinesAt(spec.now, 1);
  const verdicts = conclusions(then, whatIf, lang);
  const verdictsAsIs = conclusions(then, asIs, lang);
  const held = verdicts.filter((verdict) => verdict.now).length;
  const heldAsIs = verdictsAsIs.filter((verdict) => verdict.now).length;
  const scenarios = whatIf.scenarios.map((scenario, index) =>
    words.panelScenario(
      index + 1,
      formatBreakEvenCalls(scenario.breakEvenDailyCalls, lang),
      formatBreakEvenCalls(asIs.scenarios[index]?.breakEvenDailyCalls ?? Number.NaN, lang),
    ),
  );
  const winner = whatIf.caseStudy.winner;
  const winnerAsIs = asIs.caseStudy.winner;
  const caseText = winner
    ? words.panelCase(winner.name, dollars(winner.usdPerMonth), asAtFullPrice(winner, winnerAsIs, lang))
    : words.noneCase;
  const turned = verdicts.flatMap((verdict, index) =>
    verdict.now === verdictsAsIs[index]?.now ? [] : [words.turned(verdict.claim, verdict.now)],
  );
  const summary = words.panelSummary(share, spec.now.label, [...scenarios, caseText], held, verdicts.length, heldAsIs, turned);
  const figure = renumberFigure(thenAndNowMovesFigure(then, whatIf, spec.provenance, lang), "59.11b");
  return { then, whatIf, verdicts, summary, figure };
}

/** The panel as the page offers it: one factor on every API price of the later edition. */
export const THEN_AND_NOW_PANEL: PanelDefinition<ThenAndNowPanelSpec, ThenAndNowPanelInputs> = {
  kind: "then-and-now",
  computes: { en: "the headlines", "zh-CN": "关键结果" },
  controls: (spec) => {
    const lang = spec.lang ?? DEFAULT_LANG;
    const r = THEN_AND_NOW_PANEL_RANGES;
    // English keeps the range's own label; another language names the factor in its words.
    const named = lang === "en" ? r : { apiPriceFactor: { ...r.apiPriceFactor, label: THEN_AND_NOW_WORDS[lang].priceControl } };
    return numberControls(named, spec.defaults, ["apiPriceFactor"]);
  },
  show: (spec, values) => {
    const evaluated = evaluateThenAndNowPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: { "data-conclusions-held": String(evaluated.verdicts.filter((verdict) => verdict.now).length) },
    };
  },
};
