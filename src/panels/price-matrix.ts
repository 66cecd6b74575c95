/**
 * The price matrix's what-if panel (59.2): every model's month at three daily volumes the reader picks, against a
 * monthly budget; the matrix marks the cells over it, and the summary says how many models fit at each volume.
 */
import { costMatrixHeatmap, type MatrixCell } from "../charts/cost";
import type { Figure, Provenance } from "../charts/figure";
import { renumberFigure } from "../charts/theme";
import { displayCurrencyCode, formatMoney } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { PRICE_MATRIX_WORDS } from "../i18n/price-matrix";
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
  /** The language of the summary, the controls and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
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

/** Whole money: `$1,234` in English (the page shows it in its currency), else as formatMoney writes it in the language. */
const wholeMoney = (lang: Lang) => (value: number) =>
  lang === "en" ? `$${Math.round(value).toLocaleString("en-US")}` : formatMoney(value, displayCurrencyCode(), 0, lang);

function fitText(fit: VolumeFit, total: number, budget: number, lang: Lang): string {
  const words = PRICE_MATRIX_WORDS[lang];
  const dollars = wholeMoney(lang);
  const at = words.at(fit.callsPerDay.toLocaleString("en-US"));
  const cheapest = fit.cheapest;
  if (!cheapest) return words.noModel(at);
  if (fit.fitting.length === 0)
    return words.noneFits(at, cheapest.modelName, dollars(cheapest.usdPerMonth), dollars(cheapest.usdPerMonth - budget));
  const all = fit.fitting.length === total ? words.allFit(total) : words.someFit(fit.fitting.length, total);
  return words.fits(at, all, cheapest.modelName, dollars(cheapest.usdPerMonth), dollars(budget - cheapest.usdPerMonth));
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
  const lang = spec.lang ?? DEFAULT_LANG;
  const texts = fits.map((fit) => fitText(fit, spec.models.length, budget, lang));
  const summary = PRICE_MATRIX_WORDS[lang].summary(wholeMoney(lang)(budget), texts);
  const figure = renumberFigure(costMatrixHeatmap(cells, spec.provenance, budget, lang), "59.2d");
  return { cells, fits, summary, figure };
}

/** The panel as the page offers it: three volumes and a budget. */
export const PRICE_MATRIX_PANEL: PanelDefinition<PriceMatrixPanelSpec, PriceMatrixPanelInputs> = {
  kind: "price-matrix",
  computes: { en: "the cost matrix", "zh-CN": "成本矩阵" },
  controls: (spec) => {
    const r = PRICE_MATRIX_PANEL_RANGES;
    const d = spec.defaults;
    const lang = spec.lang ?? DEFAULT_LANG;
    const words = PRICE_MATRIX_WORDS[lang];
    // English keeps the ranges' own labels; another language names each input in its words.
    const named: PanelRanges<PriceMatrixPanelInputs> =
      lang === "en"
        ? r
        : {
            firstCallsPerDay: { ...r.firstCallsPerDay, label: words.firstVolume },
            secondCallsPerDay: { ...r.secondCallsPerDay, label: words.secondVolume },
            thirdCallsPerDay: { ...r.thirdCallsPerDay, label: words.thirdVolume },
            budgetUsdPerMonth: { ...r.budgetUsdPerMonth, label: words.budget },
          };
    return [...numberControls(named, d, ["firstCallsPerDay", "secondCallsPerDay", "thirdCallsPerDay", "budgetUsdPerMonth"])];
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
