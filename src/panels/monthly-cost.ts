/**
 * The monthly-cost what-if panel of the HTML report (59.1): the reader puts in a volume and a call's size; the page
 * bills a month of the workload on every model, as the notebook's what-if does with this same evaluation.
 */
import { InputError } from "../errors";
import { displayCurrencyCode, formatMoney } from "../format";
import { COST_WORDS } from "../i18n/cost";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { monthlyApiBill, scaleCalendar, type BillingShares, type TimedPriceSheet, type WorkloadCalendar } from "../model";
import { monthlyCostByModel, type ModelMonthlyCost } from "../charts/cost";
import type { Figure, Provenance } from "../charts/figure";
import { renumberFigure } from "../charts/theme";
import { BREAK_EVEN_PANEL_RANGES } from "./break-even";
import { checkRanges, type PanelRanges } from "./ranges";
import { numberControls, type PanelDefinition } from "./definition";

/** A model the panel prices: its whole price sheet (cache, batch, long-context tiers, hours of the day). */
export interface MonthlyCostPanelModel {
  id: string;
  name: string;
  color: string;
  sheet: TimedPriceSheet;
  /** Hidden reasoning tokens a call costs on this model (0 on one that does not reason). */
  reasoningTokensPerCall: number;
}

export interface MonthlyCostPanelInputs {
  /** Calls in the workload's own unit: a day, or a weekday for a weekday/weekend workload. */
  callsPerDay: number;
  inputTokensPerCall: number;
  outputTokensPerCall: number;
}

/** A volume and a call's size, as the break-even panel takes them. */
export const MONTHLY_COST_PANEL_RANGES: PanelRanges<MonthlyCostPanelInputs> = {
  callsPerDay: BREAK_EVEN_PANEL_RANGES.callsPerDay,
  inputTokensPerCall: BREAK_EVEN_PANEL_RANGES.inputTokensPerCall,
  outputTokensPerCall: BREAK_EVEN_PANEL_RANGES.outputTokensPerCall,
};

export interface MonthlyCostPanelSpec {
  kind: "monthly-cost";
  title: string;
  models: MonthlyCostPanelModel[];
  /** The workload's month at its own volume, `calendarCallsPerDay`: kinds of day, hours and time zone. */
  calendar: WorkloadCalendar;
  /** The volume `calendar` holds, in the unit of `callsPerDay` (the default input is it rounded to whole calls). */
  calendarCallsPerDay: number;
  /** The unit of `callsPerDay`, as the notebook words it: "calls a day" or "calls a weekday". */
  volumeUnit: string;
  billingShares: BillingShares;
  /** The local server the notebook prices beside the APIs, whose cost does not move with volume. */
  local: { name: string; usdPerMonth: number };
  defaults: MonthlyCostPanelInputs;
  provenance: Provenance;
  /** The language of the summary, the controls and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
}

export interface MonthlyCostPanelResult {
  rows: (ModelMonthlyCost & { usdPerCall: number })[];
  cheapest: ModelMonthlyCost | undefined;
  summary: string;
  figure: Figure;
}

/** Money as the language writes it: English in dollars (the page shows them in its currency), Chinese through formatMoney. */
const moneyIn = (lang: Lang) => (value: number) =>
  lang === "en"
    ? `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : formatMoney(value, displayCurrencyCode(), 2, lang);

/** Every model's bill for a month of the workload at the reader's volume and call size. */
export function evaluateMonthlyCostPanel(spec: MonthlyCostPanelSpec, inputs: MonthlyCostPanelInputs): MonthlyCostPanelResult {
  checkRanges(MONTHLY_COST_PANEL_RANGES, inputs);
  // The workload's month keeps its shape (kinds of day, busy hours) and moves with the volume.
  const base = spec.calendarCallsPerDay;
  if (base <= 0 && inputs.callsPerDay > 0) throw new InputError("the workload has no calls whose month could be scaled to another volume");
  const calendar = scaleCalendar(spec.calendar, base > 0 ? inputs.callsPerDay / base : 0);
  const rows = spec.models.map((model) => {
    const bill = monthlyApiBill(
      model.sheet,
      {
        ...spec.billingShares,
        inputTokensPerCall: inputs.inputTokensPerCall,
        outputTokensPerCall: inputs.outputTokensPerCall,
        reasoningTokensPerCall: model.reasoningTokensPerCall,
      },
      calendar,
    );
    return { modelId: model.id, modelName: model.name, usdPerMonth: bill.usdPerMonth, usdPerCall: bill.usdPerCall };
  });
  const cheapest = [...rows].sort((a, b) => a.usdPerMonth - b.usdPerMonth)[0];
  const lang = spec.lang ?? DEFAULT_LANG;
  const words = COST_WORDS[lang];
  const usd = moneyIn(lang);
  const volume = words.volume(Math.round(inputs.callsPerDay).toLocaleString("en-US"), spec.volumeUnit);
  // The verdict says by how much: the local server against the cheapest API, a month.
  const gap = cheapest ? spec.local.usdPerMonth - cheapest.usdPerMonth : 0;
  const name = String(cheapest?.modelName);
  const against = gap > 0 ? words.gapMore(usd(gap), name) : gap < 0 ? words.gapLess(usd(-gap), name) : words.gapSame(name);
  const summary = cheapest
    ? words.panelSummary(volume, cheapest.modelName, usd(cheapest.usdPerMonth), spec.local.name, usd(spec.local.usdPerMonth), against)
    : words.noModel;
  const colors = new Map(spec.models.map((model) => [model.id, model.color]));
  const figure = renumberFigure(monthlyCostByModel(rows, colors, spec.provenance, words.whatIfLabel(volume), lang), "59.1w");
  return { rows, cheapest, summary, figure };
}

/** The panel as the page offers it: the volume in the workload's own unit, and a call's size. */
export const MONTHLY_COST_PANEL: PanelDefinition<MonthlyCostPanelSpec, MonthlyCostPanelInputs> = {
  kind: "monthly-cost",
  computes: { en: "the month's bills", "zh-CN": "当月账单" },
  controls: (spec) => {
    const r = MONTHLY_COST_PANEL_RANGES;
    const lang = spec.lang ?? DEFAULT_LANG;
    const words = COST_WORDS[lang];
    // English keeps the ranges' own labels; another language names the call's size in its words.
    const label = (key: "inputTokensPerCall" | "outputTokensPerCall", words: string) =>
      lang === "en" ? r[key] : { ...r[key], label: words };
    const sized = numberControls(
      {
        ...r,
        inputTokensPerCall: label("inputTokensPerCall", words.inputControl),
        outputTokensPerCall: label("outputTokensPerCall", words.outputControl),
      },
      spec.defaults,
      ["inputTokensPerCall", "outputTokensPerCall"],
    );
    return [
      // A weekday's calls for a weekday/weekend workload.
      { key: "callsPerDay", range: { ...r.callsPerDay, label: words.volumeControl(spec.volumeUnit) }, value: spec.defaults.callsPerDay },
      ...sized,
    ];
  },
  show: (spec, values) => {
    const evaluated = evaluateMonthlyCostPanel(spec, values);
    return { summary: evaluated.summary, figure: evaluated.figure, attributes: { "data-cheapest": evaluated.cheapest?.modelId ?? "" } };
  },
};
