/**
 * The hybrid-routing what-if panel (59.4): the reader puts in a task mix, a daily volume and the complexity from
 * which tasks go to the premium tier; the router prices the month against pure cloud, with the local server that
 * serves the local tiers paid for, as the notebook's headline counts it.
 */
import { InputError } from "../errors";
import {
  HybridModelRouter,
  savingsAfterHardware,
  type RouterOptions,
  type RoutingConfig,
  type SavingsAfterHardware,
  type SavingsEstimate,
} from "../model";
import { tierCostStacked } from "../charts/hybrid-routing";
import type { Figure, Provenance } from "../charts/figure";
import { renumberFigure } from "../charts/theme";
import { formatInteger, formatUsd } from "../format";
import { HYBRID_ROUTING_WORDS } from "../i18n/hybrid-routing";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { checkRanges, rangeProblem, type NumberRange, type PanelRanges } from "./ranges";
import { numberControls, type PanelControl, type PanelDefinition } from "./definition";

/** The key of a task type's share among the panel's inputs: `share.simple_qa`. */
export type TaskShareKey = `share.${string}`;

export const shareKey = (taskType: string): TaskShareKey => `share.${taskType}`;

/**
 * The panel's inputs as the page reads them: the volume, the threshold and one share per task type, in percent of
 * the day's calls. Shares that do not add up to 100% are taken as parts of their total (the summary says so).
 */
export type HybridRoutingPanelInputs = { dailyVolume: number; complexityThreshold: number } & { [key: TaskShareKey]: number };

export const HYBRID_ROUTING_PANEL_RANGES: PanelRanges<{ dailyVolume: number; complexityThreshold: number }> = {
  dailyVolume: { label: "Calls per day", min: 0, max: 100_000_000, step: 1 },
  complexityThreshold: { label: "Premium from complexity (0–1)", min: 0, max: 1, step: 0.01 },
};

/** A task type's share field, in percent of the day's calls, named as the reader names the type. */
export function taskShareRange(name: string, lang: Lang = DEFAULT_LANG): NumberRange {
  return { label: HYBRID_ROUTING_WORDS[lang].shareControl(name), min: 0, max: 100, step: 0.1 };
}

/** The volume's and the threshold's fields, labelled in the language. */
function rangesIn(lang: Lang): typeof HYBRID_ROUTING_PANEL_RANGES {
  if (lang === DEFAULT_LANG) return HYBRID_ROUTING_PANEL_RANGES;
  const words = HYBRID_ROUTING_WORDS[lang];
  const r = HYBRID_ROUTING_PANEL_RANGES;
  return {
    dailyVolume: { ...r.dailyVolume, label: words.volumeControl },
    complexityThreshold: { ...r.complexityThreshold, label: words.thresholdControl },
  };
}

export interface HybridRoutingPanelSpec {
  kind: "hybrid-routing";
  title: string;
  /** The router as the data builds it: tiers and their prices, complexity per task type, the typical task, the month. */
  router: Required<RouterOptions>;
  /** The routing config's other rules (long context, sensitive data, per-call budget); the threshold is an input. */
  config: Omit<RoutingConfig, "complexityThreshold">;
  /** The task types the reader can give a share, in the data's order, each with its name ("Summarisation"). */
  taskTypes: Array<{ id: string; name: string }>;
  /** The server behind the local tiers and its monthly cost, paid whenever a call is routed locally. */
  local: { name: string; monthlyUsd: number };
  defaults: HybridRoutingPanelInputs;
  provenance: Provenance;
  /** The language of the summary, the fields and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
}

export interface HybridRoutingPanelResult {
  /** Each task type's share of the calls, 0–1, after scaling the reader's shares to their total. */
  distribution: Record<string, number>;
  /** The reader's shares added up, percent. */
  sharesTotalPercent: number;
  estimate: SavingsEstimate;
  /** The hybrid's bill with the local server paid, and what it saves against pure cloud (negative: it costs more). */
  paid: SavingsAfterHardware;
  summary: string;
  figure: Figure;
}

const usd = (value: number) => `$${Math.round(Math.abs(value)).toLocaleString("en-US")}`;
const percent = (value: number) => `${Math.abs(value).toFixed(1)}%`;
const plain = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** The reader's shares as the router's distribution: each share divided by their total (zero shares left out). */
function taskDistribution(
  spec: HybridRoutingPanelSpec,
  inputs: HybridRoutingPanelInputs,
): { distribution: Record<string, number>; total: number } {
  const lang = spec.lang ?? DEFAULT_LANG;
  const shares = spec.taskTypes.map((type) => {
    const value = inputs[shareKey(type.id)] ?? 0;
    const problem = rangeProblem(taskShareRange(type.name, lang), value, lang);
    if (problem) throw new InputError(problem);
    return [type.id, value] as const;
  });
  const total = shares.reduce((sum, [, value]) => sum + value, 0);
  if (!(total > 0)) throw new InputError(HYBRID_ROUTING_WORDS[lang].noShare);
  return { distribution: Object.fromEntries(shares.filter(([, value]) => value > 0).map(([id, value]) => [id, value / total])), total };
}

/** The month of routing the reader's mix at their volume and threshold, against pure cloud, with the local server paid. */
export function evaluateHybridRoutingPanel(spec: HybridRoutingPanelSpec, inputs: HybridRoutingPanelInputs): HybridRoutingPanelResult {
  checkRanges(rangesIn(spec.lang ?? DEFAULT_LANG), inputs, spec.lang);
  const { distribution, total } = taskDistribution(spec, inputs);
  const router = new HybridModelRouter(spec.router);
  const estimate = router.estimateMonthlySavings(distribution, inputs.dailyVolume, {
    ...spec.config,
    complexityThreshold: inputs.complexityThreshold,
  });
  const paid = savingsAfterHardware(estimate, spec.local.monthlyUsd);
  const usesLocal = paid.hybridMonthly !== estimate.hybridMonthly;
  const server = spec.local.name.replace(/ \(.*\)$/, "");
  const lang = spec.lang ?? DEFAULT_LANG;
  const words = HYBRID_ROUTING_WORDS[lang];
  // English writes whole dollars, shown in the display currency where the page shows it; Chinese, ¥ and 万 already.
  const money = (value: number) => (lang === DEFAULT_LANG ? usd(value) : formatUsd(Math.abs(value), 0, lang));
  const volume = lang === DEFAULT_LANG ? Math.round(inputs.dailyVolume).toLocaleString("en-US") : formatInteger(inputs.dailyVolume, lang);
  const scenario = words.panelScenario(volume, plain(inputs.complexityThreshold));
  const verdict = (saved: number, ofPureCloud: number) =>
    saved >= 0 ? words.saves(money(saved), percent(ofPureCloud)) : words.costsMore(money(saved), percent(ofPureCloud));
  const summary = usesLocal
    ? words.panelLocal(
        scenario,
        money(paid.hybridMonthly),
        money(estimate.hybridMonthly),
        money(spec.local.monthlyUsd),
        server,
        money(estimate.pureCloudMonthly),
        verdict(paid.monthlySavings, paid.savingsPercentage),
        verdict(estimate.monthlySavings, estimate.savingsPercentage),
      )
    : words.panelNoLocal(
        scenario,
        money(estimate.hybridMonthly),
        money(estimate.pureCloudMonthly),
        verdict(estimate.monthlySavings, estimate.savingsPercentage),
      );
  const scaled = Math.abs(total - 100) > 1e-9 ? words.scaled(plain(total)) : "";
  const figure = tierCostStacked(estimate, spec.local, spec.provenance, lang);
  // The title stays the chapter's: the page's caption keeps the notebook's, and the summary above names the inputs.
  return {
    distribution,
    sharesTotalPercent: total,
    estimate,
    paid,
    summary: summary + scaled,
    figure: renumberFigure(figure, "59.4w"),
  };
}

/** The panel as the page offers it: the volume, the threshold, then each task type's share. */
export const HYBRID_ROUTING_PANEL: PanelDefinition<HybridRoutingPanelSpec, HybridRoutingPanelInputs> = {
  kind: "hybrid-routing",
  computes: { en: "the routed month", "zh-CN": "路由后的月成本" },
  controls: (spec) => {
    const r = rangesIn(spec.lang ?? DEFAULT_LANG);
    const shares: PanelControl[] = spec.taskTypes.map((type) => ({
      key: shareKey(type.id),
      range: taskShareRange(type.name, spec.lang),
      value: spec.defaults[shareKey(type.id)] ?? 0,
    }));
    return [...numberControls(r, spec.defaults, ["dailyVolume", "complexityThreshold"]), ...shares];
  },
  show: (spec, values) => {
    const evaluated = evaluateHybridRoutingPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: {
        "data-saved-after-hardware": String(Math.round(evaluated.paid.monthlySavings)),
        "data-shares-total": String(evaluated.sharesTotalPercent),
      },
    };
  },
};
