/** 59.3: where a local configuration's flat monthly cost meets an API's rising bill. */
import type { BreakEvenCell } from "../model";
import { currencySymbol, displayCurrencyCode, formatBreakEvenCalls } from "../format";
import { BREAK_EVEN_WORDS } from "../i18n/break-even";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { colorOf, FORMAT, labelPlacer, phoneLabelBox, pointLabel, THEME_COLORS, themedFigure } from "./theme";

export interface NamedCost {
  id: string;
  name: string;
}

export interface LocalOption extends NamedCost {
  /** Total monthly cost, USD. */
  monthlyUsd: number;
}

export interface ApiOption extends NamedCost {
  /** Cost of one call at the workload, USD. */
  usdPerCall: number;
}

export interface BreakEvenCurvesOptions {
  /** Largest calls/day shown. */
  maxCallsPerDay: number;
  daysPerMonth: number;
  modelColors: ReadonlyMap<string, string>;
  hardwareColors: ReadonlyMap<string, string>;
  provenance: Provenance;
  /** Number for the title. Default "59.3a". */
  number?: string;
  /** Log-log axes, which spread crossovers that span orders of magnitude. Default true. */
  logScale?: boolean;
  /** Smallest calls/day shown on a log axis. Default 100. */
  minCallsPerDay?: number;
  /** The language of the title, axes, legend, hover and labels; default English. */
  lang?: Lang;
}

/** 1-2-5 steps between two values, for readable log-axis ticks. */
export function oneTwoFive(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power++) {
    for (const step of [1, 2, 5]) {
      const value = step * 10 ** power;
      if (value >= min && value <= max) ticks.push(value);
    }
  }
  return ticks;
}

const formatCalls = (calls: number, lang: Lang = DEFAULT_LANG) =>
  calls === Infinity ? formatBreakEvenCalls(calls, lang) : BREAK_EVEN_WORDS[lang].callsPerDay(formatBreakEvenCalls(calls, lang));

/**
 * A figure's money axis and hover amount: English states dollars (d3's `$`, which the page turns into the display
 * currency); another language writes the display currency's own symbol as it prints it (¥, not CN¥).
 */
export function moneyFormat(lang: Lang, digits = 0): { tickformat: string; tickprefix?: string; hover: (name: string) => string } {
  if (lang === "en") return { tickformat: `$,.${digits}f`, hover: (name) => `%{${name}:$,.${digits}f}` };
  const symbol = currencySymbol(displayCurrencyCode(), lang);
  return { tickformat: `,.${digits}f`, tickprefix: symbol, hover: (name) => `${symbol}%{${name}:,.${digits}f}` };
}

/**
 * Figure 59.3a: each API's monthly bill as a line over calls/day, each local configuration as a flat dashed
 * line; every crossover within range is marked and labelled with its break-even volume.
 */
export function breakEvenCurves(
  local: readonly LocalOption[],
  apis: readonly ApiOption[],
  cells: readonly BreakEvenCell[],
  options: BreakEvenCurvesOptions,
): Figure {
  const logScale = options.logScale ?? true;
  const lang = options.lang ?? DEFAULT_LANG;
  const words = BREAK_EVEN_WORDS[lang];
  const money = moneyFormat(lang);
  const minCalls = logScale ? (options.minCallsPerDay ?? 100) : 0;
  // Lines are straight on either scale; on log axes they need more than their two ends to draw once clipped.
  const x = logScale
    ? Array.from({ length: 25 }, (_, index) => minCalls * (options.maxCallsPerDay / minCalls) ** (index / 24))
    : [0, options.maxCallsPerDay];
  const apiTraces: Trace[] = apis.map((api) => ({
    type: "scatter",
    mode: "lines",
    name: api.name,
    x,
    y: x.map((calls) => calls * api.usdPerCall * options.daysPerMonth),
    line: { color: colorOf(options.modelColors, api.id), width: 2.5 },
    hovertemplate: words.apiHover(api.name, money.hover("y")),
  }));
  const localTraces: Trace[] = local.map((machine) => ({
    type: "scatter",
    mode: "lines",
    name: words.localName(machine.name),
    x,
    y: x.map(() => machine.monthlyUsd),
    line: { color: colorOf(options.hardwareColors, machine.id), width: 2, dash: "dash" },
    hovertemplate: words.localHover(machine.name, money.hover("y")),
  }));
  const visible = cells.filter(
    (cell) =>
      Number.isFinite(cell.breakEvenDailyCalls) &&
      cell.breakEvenDailyCalls >= minCalls &&
      cell.breakEvenDailyCalls <= options.maxCallsPerDay,
  );
  const crossings: Trace = {
    type: "scatter",
    mode: "markers",
    name: words.breakEvenName,
    x: visible.map((cell) => cell.breakEvenDailyCalls),
    y: visible.map((cell) => cell.monthlyLocalUsd),
    marker: { color: THEME_COLORS.ink, size: 9, symbol: "circle-open", line: { width: 2 } },
    // Whole calls by the one rounding rule the labels use, not the raw value (1,134.06709098).
    customdata: visible.map((cell) => formatBreakEvenCalls(cell.breakEvenDailyCalls, lang)),
    hovertemplate: words.crossingHover,
    showlegend: false,
  };
  // One label a point: two APIs at one price cross a server at one volume, and the labels would lie on each other.
  const labelled = [
    ...new Map(visible.map((cell) => [`${formatCalls(cell.breakEvenDailyCalls, lang)} ${cell.monthlyLocalUsd}`, cell])).values(),
  ].sort((a, b) => a.breakEvenDailyCalls - b.breakEvenDailyCalls);
  const position = (calls: number) => (logScale ? Math.log10(calls) : calls);
  const [left, right] = [position(minCalls), position(options.maxCallsPerDay)];
  const costs = local.map((machine) => machine.monthlyUsd);
  const code = lang === "en" ? "USD" : displayCurrencyCode();
  const moneyAxis = { tickformat: money.tickformat, ...(money.tickprefix === undefined ? {} : { tickprefix: money.tickprefix }) };
  const xaxis = logScale
    ? {
        title: words.xLog,
        tickformat: FORMAT.integer,
        type: "log" as const,
        range: [Math.log10(minCalls), Math.log10(options.maxCallsPerDay)] as [number, number],
      }
    : { title: words.xLinear, tickformat: FORMAT.integer, range: [0, options.maxCallsPerDay] as [number, number] };
  const yaxis = logScale
    ? {
        title: words.yLog(code),
        ...moneyAxis,
        type: "log" as const,
        range: [Math.log10(Math.min(...costs) / 3), Math.log10(Math.max(...costs) * 3)] as [number, number],
      }
    : { title: words.yLinear(code), ...moneyAxis, range: [0, Math.max(...costs) * 1.6] as [number, number] };
  // Plotly places annotations on log axes by the logarithm of the value. Left to right, each label goes where it lies
  // on no label placed before it, and one near the right edge ends at its point rather than running past the plot.
  const place = labelPlacer([left, right], yaxis.range);
  const annotations: Annotation[] = labelled.map((cell) => {
    const text = formatCalls(cell.breakEvenDailyCalls, lang);
    const [x, y] = [position(cell.breakEvenDailyCalls), logScale ? Math.log10(cell.monthlyLocalUsd) : cell.monthlyLocalUsd];
    const offset = place(phoneLabelBox(text), x, y);
    return {
      ...pointLabel(text, x, y, offset > 0, Math.abs(offset)),
      ...((x - left) / (right - left) > 0.92 ? { xanchor: "right" } : {}),
      value: cell.breakEvenDailyCalls,
    };
  });
  // A local line's label names the machine: its dash, not "(local)", says it is one.
  const localNames = new Map(local.map((machine) => [words.localName(machine.name), machine.name]));
  const figure = themedFigure([...apiTraces, ...localTraces, crossings], {
    endLabel: (trace) => localNames.get(String(trace.name)),
    number: options.number ?? "59.3a",
    title: words.curvesTitle,
    provenance: options.provenance,
    lang,
    xaxis,
    yaxis,
    annotations,
  });
  // The theme's axis takes no prefix: the currency's own symbol is set on the money axis here.
  if (money.tickprefix !== undefined) Object.assign(figure.layout.yaxis as object, { tickprefix: money.tickprefix });
  if (logScale) {
    Object.assign(figure.layout.xaxis as object, { tickvals: oneTwoFive(minCalls, options.maxCallsPerDay) });
    Object.assign(figure.layout.yaxis as object, { tickvals: oneTwoFive(10 ** yaxis.range[0], 10 ** yaxis.range[1]) });
  }
  return figure;
}

/** Figure 59.3b: break-even calls/day for every hardware × API pair; colour on a log scale, "never" where a call saves nothing. */
export function breakEvenHeatmap(
  cells: readonly BreakEvenCell[],
  hardware: readonly NamedCost[],
  apis: readonly NamedCost[],
  provenance: Provenance,
  label: { number: string; title?: string } = { number: "59.3b" },
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = BREAK_EVEN_WORDS[lang];
  const find = (hardwareId: string, apiId: string) => cells.find((cell) => cell.hardwareId === hardwareId && cell.apiId === apiId);
  const calls = hardware.map((machine) => apis.map((api) => find(machine.id, api.id)?.breakEvenDailyCalls ?? NaN));
  const trace: Trace = {
    type: "heatmap",
    name: words.breakEvenName,
    x: apis.map((api) => words.versus(api.name)),
    y: hardware.map((machine) => machine.name),
    z: calls.map((row) => row.map((value) => (Number.isFinite(value) ? Math.log10(Math.max(value, 1)) : null))),
    text: calls.map((row) => row.map((value) => formatCalls(value, lang))),
    texttemplate: "%{text}",
    hovertemplate: words.heatmapHover,
    colorscale: "YlGnBu",
    reversescale: false,
    showscale: false,
  };
  return themedFigure([trace], {
    number: label.number,
    title: label.title ?? words.heatmapTitle,
    provenance,
    lang,
    xaxis: { title: words.cloudApi, type: "category" },
    yaxis: { title: words.localConfiguration, type: "category" },
    layout: {
      margin: { l: 220, r: 30, t: 60, b: 70 },
      yaxis: { autorange: "reversed", automargin: true, title: { text: words.localConfiguration } },
    },
  });
}
