/**
 * The price matrix's what-if panel (59.2): every model's month at three daily volumes the reader picks, against a
 * monthly budget; the matrix marks the cells over it, and the summary says how many models fit at each volume.
 */
import { costMatrixHeatmap, type MatrixCell } from "../charts/cost";
import type { Figure, Provenance } from "../charts/figure";
import { numberControls, type PanelDefinition } from "./definition";
import { checkRanges, type PanelRanges } from "./ranges";

/** A model as the matrix prices it: what the workload's average call costs on it. */
export interface PriceMatrixPanelModel {
  id: string;
  name: string;
  usdPerCall: number;
}

export interface PriceMatrixPanelInputs {
  firstCallsPerDay: number;
  secondCallsPerDay: number;
  thirdCallsPerDay: number;
  /** In the data's currency, as every money figure of the spec. */
  budgetUsdPerMonth: number;
}

const volume = (label: string) => ({ label, min: 1, max: 100_000_000, step: 1 });

export const PRICE_MATRIX_PANEL_RANGES: PanelRanges<PriceMatrixPanelInputs> = {
  firstCallsPerDay: volume("First volume (calls a day)"),
  secondCallsPerDay: volume("Second volume (calls a day)"),
  thirdCallsPerDay: volume("Third volume (calls a day)"),
  budgetUsdPerMonth: { label: "Budget ($ a month)", min: 0, max: 1_000_000_000, step: 0.01 },
};

export interface PriceMatrixPanelSpec {
  kind: "price-matrix";
  title: string;
  models: PriceMatrixPanelModel[];
  /** The workload's days in a month: a day's calls are billed that many times. */
  daysPerMonth: number;
  defaults: PriceMatrixPanelInputs;
  provenance: Provenance;
}

/** Monthly cost of every model at every daily volume, at the workload's average call and days a month. */
export function costMatrixCells(
  models: readonly PriceMatrixPanelModel[],
  dailyVolumes: readonly number[],
  daysPerMonth: number,
): MatrixCell[] {
  return models.flatMap((model) =>
    dailyVolumes.map((calls) => ({
      modelId: model.id,
      modelName: model.name,
      callsPerDay: calls,
      usdPerMonth: calls * model.usdPerCall * daysPerMonth,
    })),
  );
}

/** At one volume: the models within the budget, and the cheapest of all. */
export interface VolumeFit {
  callsPerDay: number;
  fitting: MatrixCell[];
  cheapest: MatrixCell | undefined;
}

export interface PriceMatrixPanelResult {
  cells: MatrixCell[];
  /** One per distinct volume, smallest first. */
  fits: VolumeFit[];
  summary: string;
  figure: Figure;
}

const dollars = (value: number) => `$${Math.round(value).toLocaleString("en-US")}`;
const models = (n: number) => `${n} ${n === 1 ? "model" : "models"}`;

function fitText(fit: VolumeFit, total: number, budget: number): string {
  const at = `at ${fit.callsPerDay.toLocaleString("en-US")} calls a day`;
  const cheapest = fit.cheapest;
  if (!cheapest) return `${at} there is no model to price`;
  if (fit.fitting.length === 0)
    return `${at} none fits: the cheapest, ${cheapest.modelName}, costs ${dollars(cheapest.usdPerMonth)} a month, ${dollars(cheapest.usdPerMonth - budget)} over`;
  const all = fit.fitting.length === total ? `all ${models(total)} fit` : `${fit.fitting.length} of ${models(total)} fit`;
  return `${at} ${all}, the cheapest ${cheapest.modelName} at ${dollars(cheapest.usdPerMonth)} a month, ${dollars(budget - cheapest.usdPerMonth)} under`;
}

/** The matrix at the reader's three volumes, what fits the budget at each, and Figure 59.2a of it with the cells over it marked. */
export function evaluatePriceMatrixPanel(spec: PriceMatrixPanelSpec, inputs: PriceMatrixPanelInputs): PriceMatrixPanelResult {
  checkRanges(PRICE_MATRIX_PANEL_RANGES, inputs);
  const budget = inputs.budgetUsdPerMonth;
  // A volume given twice is one column.
  const volumes = [...new Set([inputs.firstCallsPerDay, inputs.secondCallsPerDay, inputs.thirdCallsPerDay])].sort((a, b) => a - b);
  const cells = costMatrixCells(spec.models, volumes, spec.daysPerMonth);
  const fits = volumes.map((callsPerDay) => {
    const column = cells.filter((cell) => cell.callsPerDay === callsPerDay).sort((a, b) => a.usdPerMonth - b.usdPerMonth);
    return { callsPerDay, fitting: column.filter((cell) => cell.usdPerMonth <= budget), cheapest: column[0] };
  });
  const texts = fits.map((fit) => fitText(fit, spec.models.length, budget));
  const summary = `Against a budget of ${dollars(budget)} a month: ${texts.join("; ")}.`;
  const figure = costMatrixHeatmap(cells, spec.provenance, budget);
  figure.layout.title.text = `Figure 59.2d — ${figure.layout.title.text.replace(/^Figure [^ ]+ — /, "")}`;
  return { cells, fits, summary, figure };
}

/** The panel as the page offers it: three volumes and a budget. */
export const PRICE_MATRIX_PANEL: PanelDefinition<PriceMatrixPanelSpec, PriceMatrixPanelInputs> = {
  kind: "price-matrix",
  computes: { en: "the cost matrix", "zh-CN": "成本矩阵" },
  controls: (spec) => {
    const r = PRICE_MATRIX_PANEL_RANGES;
    const d = spec.defaults;
    return [...numberControls(r, d, ["firstCallsPerDay", "secondCallsPerDay", "thirdCallsPerDay", "budgetUsdPerMonth"])];
  },
  show: (spec, values) => {
    const evaluated = evaluatePriceMatrixPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: { "data-fitting": evaluated.fits.map((fit) => fit.fitting.length).join(",") },
    };
  },
};
