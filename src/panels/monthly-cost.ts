/**
 * The monthly-cost what-if panel of the HTML report (59.1): the reader puts in a volume and a call's size; the page
 * bills a month of the workload on every model, as the notebook's what-if does with this same evaluation.
 */
import { InputError } from "../errors";
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
}

export interface MonthlyCostPanelResult {
  rows: (ModelMonthlyCost & { usdPerCall: number })[];
  cheapest: ModelMonthlyCost | undefined;
  summary: string;
  figure: Figure;
}

const usd = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

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
  const volume = `${Math.round(inputs.callsPerDay).toLocaleString("en-US")} ${spec.volumeUnit}`;
  // The verdict says by how much: the local server against the cheapest API, a month.
  const gap = cheapest ? spec.local.usdPerMonth - cheapest.usdPerMonth : 0;
  const against =
    gap > 0
      ? `${usd(gap)} more than ${cheapest?.modelName}`
      : gap < 0
        ? `${usd(-gap)} less than ${cheapest?.modelName}`
        : `as much as ${cheapest?.modelName}`;
  const summary = cheapest
    ? `At ${volume}, the cheapest model is ${cheapest.modelName} at ${usd(cheapest.usdPerMonth)} a month; ${spec.local.name} costs ${usd(spec.local.usdPerMonth)} a month at any volume, ${against}.`
    : "No model to price.";
  const colors = new Map(spec.models.map((model) => [model.id, model.color]));
  const figure = renumberFigure(monthlyCostByModel(rows, colors, spec.provenance, `what-if: ${volume}`), "59.1w");
  return { rows, cheapest, summary, figure };
}

/** The panel as the page offers it: the volume in the workload's own unit, and a call's size. */
export const MONTHLY_COST_PANEL: PanelDefinition<MonthlyCostPanelSpec, MonthlyCostPanelInputs> = {
  kind: "monthly-cost",
  computes: { en: "the month's bills", "zh-CN": "当月账单" },
  controls: (spec) => {
    const r = MONTHLY_COST_PANEL_RANGES;
    return [
      // A weekday's calls for a weekday/weekend workload.
      {
        key: "callsPerDay",
        range: { ...r.callsPerDay, label: spec.volumeUnit.replace(/^calls a /, "Calls per ") },
        value: spec.defaults.callsPerDay,
      },
      ...numberControls(r, spec.defaults, ["inputTokensPerCall", "outputTokensPerCall"]),
    ];
  },
  show: (spec, values) => {
    const evaluated = evaluateMonthlyCostPanel(spec, values);
    return { summary: evaluated.summary, figure: evaluated.figure, attributes: { "data-cheapest": evaluated.cheapest?.modelId ?? "" } };
  },
};
