/** The sensitivity what-if panel of the HTML report (59.8): pick a server, an API and a swing; the page redraws the tornado. */
import { InputError } from "../errors";
import {
  callBilling,
  monteCarloDraws,
  quantile,
  rangeTornado,
  tornado,
  type InputRange,
  type BillingShares,
  type BreakEvenInputs,
  type PriceSheet,
  type SensitivityInput,
  type Tornado,
} from "../model";
import type { Figure, Provenance } from "../charts/figure";
import { tornadoChart } from "../charts/uncertainty";
import { formatBreakEvenCalls } from "../format";
import { checkRanges, type PanelRanges } from "./ranges";
import { numberControls, type PanelDefinition } from "./definition";
import { inputNameIn, SENSITIVITY_WORDS } from "../i18n/sensitivity";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

/** A server's side of the break-even inputs (everything but prices and tokens). */
export type TornadoPanelHardware = { id: string; name: string } & Omit<
  BreakEvenInputs,
  "inputUsdPerMTok" | "outputUsdPerMTok" | "inputTokensPerCall" | "outputTokensPerCall" | "daysPerMonth" | "billing"
>;

export interface TornadoPanelInputs {
  hardwareId: string;
  apiId: string;
  /** Each input moved this many percent either way, 1–95. */
  swingPercent: number;
}

/** The swing each way, percent: the model moves an input by less than all of it, so at most 95%. */
export const TORNADO_PANEL_RANGES: PanelRanges<TornadoPanelInputs> = {
  swingPercent: { label: "Each input ± (%)", min: 1, max: 95, step: 1 },
};

export interface TornadoPanelSpec {
  kind: "tornado";
  title: string;
  inputTokensPerCall: number;
  outputTokensPerCall: number;
  daysPerMonth: number;
  /** Each API with its whole price sheet. */
  /** Each API with its whole price sheet and the reasoning tokens a call of the workload costs on it. */
  apis: Array<{ id: string; name: string; reasoningTokensPerCall?: number } & PriceSheet>;
  hardware: TornadoPanelHardware[];
  /** The workload's cache and batch shares; absent: none. */
  billingShares?: BillingShares;
  /** The inputs the page's Monte Carlo varies (those with a range in data), so the panel moves the same ones. */
  variedInputs: SensitivityInput[];
  /** uncertainty_ranges.csv's range of each input: the summary also says what moves the break-even most over them, and the band all at once. */
  ranges: Partial<Record<SensitivityInput, InputRange>>;
  /** The Monte Carlo's draws and seed, as the notebook's. */
  samples: number;
  seed: number;
  defaults: TornadoPanelInputs;
  provenance: Provenance;
  /** The language the panel writes in; absent: English. */
  lang?: Lang;
}

export interface TornadoPanelResult {
  tornado: Tornado;
  /** Each input over its range from the data, one at a time. */
  rangeTornado: Tornado;
  /** The break-even's 5th and 95th percentile with every input uncertain at once. */
  p5: number;
  p95: number;
  summary: string;
  figure: Figure;
}

export function evaluateTornadoPanel(spec: TornadoPanelSpec, inputs: TornadoPanelInputs): TornadoPanelResult {
  const api = spec.apis.find((candidate) => candidate.id === inputs.apiId) ?? spec.apis[0];
  const server = spec.hardware.find((candidate) => candidate.id === inputs.hardwareId) ?? spec.hardware[0];
  if (!api || !server) throw new InputError("the sensitivity panel needs at least one API and one itemised server");
  checkRanges(TORNADO_PANEL_RANGES, inputs);
  const swing = inputs.swingPercent / 100;
  const { id: _serverId, name: serverName, ...serverInputs } = server;
  const base = {
    ...serverInputs,
    inputUsdPerMTok: api.inputUsdPerMTok,
    outputUsdPerMTok: api.outputUsdPerMTok,
    billing: callBilling(api, { ...spec.billingShares, reasoningTokensPerCall: api.reasoningTokensPerCall }),
    inputTokensPerCall: spec.inputTokensPerCall,
    outputTokensPerCall: spec.outputTokensPerCall,
    daysPerMonth: spec.daysPerMonth,
  };
  const result = tornado(base, { swing, inputs: spec.variedInputs });
  const ranged = rangeTornado(base, spec.ranges);
  const volumes = monteCarloDraws(base, spec.ranges, { samples: spec.samples, seed: spec.seed }).map((draw) => draw.breakEvenDailyCalls);
  const p5 = quantile(volumes, 0.05);
  const p95 = quantile(volumes, 0.95);
  const top = result.bars[0];
  const rangeTop = ranged.bars[0];
  const lang = spec.lang ?? DEFAULT_LANG;
  const words = SENSITIVITY_WORDS[lang];
  // Break-evens in whole calls by the chapter's one rule, as Figure 59.3b prints them.
  const count = (calls: number) => formatBreakEvenCalls(calls, lang);
  const comparison = words.comparison(serverName, api.name);
  const between = (bar: { breakEvenAtLow: number; breakEvenAtHigh: number }) =>
    words.between(count(Math.min(bar.breakEvenAtLow, bar.breakEvenAtHigh)), count(Math.max(bar.breakEvenAtLow, bar.breakEvenAtHigh)));
  const moves = (bar: (typeof result.bars)[number]) => ({ input: inputNameIn(bar, lang, true), between: between(bar) });
  const summary = words.panelSummary({
    comparison,
    base: count(result.baseBreakEven),
    percent: Math.round(swing * 100),
    ...(top ? { top: moves(top) } : {}),
    ...(rangeTop ? { rangeTop: moves(rangeTop) } : {}),
    p5: count(p5),
    p95: count(p95),
  });
  const figure = tornadoChart(result.bars, {
    baseBreakEven: result.baseBreakEven,
    swing,
    number: "59.8w",
    comparison,
    provenance: spec.provenance,
    lang,
  });
  // The summary above the figure names the pair; a title naming it too would run past the panel's width.
  figure.layout.title.text = `${lang === DEFAULT_LANG ? "Figure" : "图"} 59.8w — ${words.panelFigureTitle(Math.round(swing * 100))}`;
  return { tornado: result, rangeTornado: ranged, p5, p95, summary, figure };
}

/**
 * The panel's tornado for a phone: its labels (each with its range) took the whole width and ran into the
 * bars, so there the bars keep only the input's name, the axis sizes itself to them and its title is short.
 */
export function narrowTornadoFigure(figure: Figure, baseBreakEven: number, lang: Lang = DEFAULT_LANG): Figure {
  const data = figure.data.map((trace) => ({
    ...trace,
    // English brackets its range with a space before it; Chinese with full-width brackets.
    y: (trace.y as string[] | undefined)?.map((label) => label.replace(/ \(.*\)$/, "").replace(/（.*）$/, "")),
  }));
  const yaxis = { ...(figure.layout.yaxis as object), automargin: true };
  const xaxis = {
    ...(figure.layout.xaxis as object),
    title: { text: SENSITIVITY_WORDS[lang].narrowAxis(formatBreakEvenCalls(baseBreakEven, lang)) },
  };
  return { ...figure, data, layout: { ...figure.layout, yaxis, xaxis } };
}

/** The panel as the page offers it: a server, an API and the swing each input is moved by. */
export const TORNADO_PANEL: PanelDefinition<TornadoPanelSpec, TornadoPanelInputs> = {
  kind: "tornado",
  computes: { en: "the sensitivity", "zh-CN": "敏感性" },
  controls: (spec) => {
    const words = SENSITIVITY_WORDS[spec.lang ?? DEFAULT_LANG];
    return [
      { key: "hardwareId", label: words.hardwareControl, options: spec.hardware, value: spec.defaults.hardwareId },
      { key: "apiId", label: words.apiControl, options: spec.apis, value: spec.defaults.apiId },
      ...(spec.lang === undefined || spec.lang === DEFAULT_LANG
        ? numberControls(TORNADO_PANEL_RANGES, spec.defaults, ["swingPercent"])
        : [
            {
              key: "swingPercent",
              range: { ...TORNADO_PANEL_RANGES.swingPercent, label: words.swingControl },
              value: spec.defaults.swingPercent,
            },
          ]),
    ];
  },
  show: (spec, values, view) => {
    const evaluated = evaluateTornadoPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: view.narrow ? narrowTornadoFigure(evaluated.figure, evaluated.tornado.baseBreakEven, spec.lang) : evaluated.figure,
      attributes: {
        "data-top-input": evaluated.tornado.bars[0]?.input ?? "",
        "data-break-even": String(Math.trunc(evaluated.tornado.baseBreakEven)),
      },
    };
  },
};
