/** Rent, buy or call: three ways to serve a volume, and self-hosting's cost per million tokens beside the APIs'. */
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { displayCurrencyCode, formatInteger } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { RENTAL_WORDS } from "../i18n/rental";
import { moneyFormat, oneTwoFive } from "./break-even";
import { axis, FORMAT, labelPlacer, phoneLabelBox, pointLabel, themedFigure, wrapLongCaption } from "./theme";

/** One way of serving (API, bought fleet, rented fleet) as its monthly cost at each volume. */
export interface CostLine {
  label: string;
  color: string;
  dash?: "solid" | "dash" | "dot";
  callsPerDay: readonly number[];
  usdPerMonth: readonly number[];
}

/** A volume where one way starts to cost no more than another. */
export interface CrossoverMark {
  label: string;
  callsPerDay: number;
  usdPerMonth: number;
}

/** Figure: monthly cost of each way against calls per day, each crossover labelled where it falls on the plot. */
export function threeWayCostChart(
  lines: readonly CostLine[],
  crossovers: readonly CrossoverMark[],
  options: { number: string; comparison: string; provenance: Provenance; lang?: Lang },
): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = RENTAL_WORDS[lang];
  const money = moneyFormat(lang);
  const traces: Trace[] = lines.map((line) => ({
    type: "scatter",
    mode: "lines",
    name: line.label,
    x: [...line.callsPerDay],
    y: [...line.usdPerMonth],
    line: { color: line.color, width: 2.5, dash: line.dash ?? "solid", shape: "hv" },
    hovertemplate: words.lineHover(line.label, money.hover("y")),
  }));
  const maxCalls = Math.max(...lines.flatMap((line) => line.callsPerDay));
  const usd = lines.flatMap((line) => line.usdPerMonth);
  // Left to right, each label where it lies on none placed before it.
  const place = labelPlacer([Math.min(0, ...lines.flatMap((line) => line.callsPerDay)), maxCalls], [Math.min(0, ...usd), Math.max(...usd)]);
  const annotations: Annotation[] = crossovers
    .filter((mark) => Number.isFinite(mark.callsPerDay) && mark.callsPerDay <= maxCalls)
    .sort((a, b) => a.callsPerDay - b.callsPerDay)
    .map((mark) => {
      const text = words.markLabel(mark.label, formatInteger(Math.round(mark.callsPerDay), lang));
      const offset = place(phoneLabelBox(text), mark.callsPerDay, mark.usdPerMonth);
      return pointLabel(text, mark.callsPerDay, mark.usdPerMonth, offset > 0, Math.abs(offset));
    });
  const figure = wrapLongCaption(
    themedFigure(traces, {
      number: options.number,
      title: words.threeWayTitle(options.comparison),
      provenance: options.provenance,
      lang,
      xaxis: { title: words.callsPerDay, tickformat: FORMAT.integer },
      yaxis: { title: words.costPerMonth(moneyCode(lang)), tickformat: money.tickformat },
      annotations,
    }),
  );
  return withMoneyPrefix(figure, money.tickprefix);
}

/** The code an axis title names: USD in English (the page writes the display currency's), the display currency's own otherwise. */
const moneyCode = (lang: Lang) => (lang === "en" ? "USD" : displayCurrencyCode());

/** The money axis with the currency's symbol before each tick, which the theme's axis does not take. */
function withMoneyPrefix(figure: Figure, tickprefix: string | undefined): Figure {
  if (tickprefix !== undefined) Object.assign(figure.layout.yaxis as object, { tickprefix });
  return figure;
}

/** Self-hosting's cost per million tokens at one utilisation. */
export interface UnitCostPoint {
  /** e.g. "2x RTX 4090 server, bought". */
  label: string;
  color: string;
  dash?: "solid" | "dash";
  /** Lines of one server (bought, rented) share its colour and this group. */
  group?: string;
  utilisationPercent: readonly number[];
  usdPerMillionTokens: readonly number[];
}

/** Figure: cost per million tokens of self-hosting against utilisation, with each API's price as a flat line. */
export function costPerMillionChart(
  selfHosted: readonly UnitCostPoint[],
  apis: readonly { name: string; usdPerMillionTokens: number; color: string }[],
  options: { number: string; workload: string; provenance: Provenance; lang?: Lang },
): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = RENTAL_WORDS[lang];
  const money = moneyFormat(lang, 2);
  const utilisation = selfHosted[0]?.utilisationPercent ?? [];
  const values = [...selfHosted.flatMap((line) => line.usdPerMillionTokens), ...apis.map((api) => api.usdPerMillionTokens)].filter(
    (value) => value > 0,
  );
  // The APIs first: where a server's colour is a model's too, the server's lines are the ones that change colour.
  const traces: Trace[] = [
    ...apis.map((api) => ({
      type: "scatter",
      mode: "lines",
      name: words.apiUnit(api.name),
      x: [Math.min(...utilisation), Math.max(...utilisation)],
      y: [api.usdPerMillionTokens, api.usdPerMillionTokens],
      line: { color: api.color, width: 2, dash: "dot" },
      hovertemplate: words.apiUnitHover(api.name, money.hover("y")),
    })),
    ...selfHosted.map((line) => ({
      type: "scatter",
      mode: "lines+markers",
      name: line.label,
      x: [...line.utilisationPercent],
      y: [...line.usdPerMillionTokens],
      line: { color: line.color, width: 2.5, dash: line.dash ?? "solid" },
      ...(line.group === undefined ? {} : { legendgroup: line.group }),
      hovertemplate: words.unitHover(line.label, money.hover("y")),
    })),
  ];
  const yTitle = words.perMillionAxis(moneyCode(lang));
  const figure = wrapLongCaption(
    themedFigure(traces, {
      number: options.number,
      title: words.unitTitle(options.workload),
      provenance: options.provenance,
      lang,
      xaxis: { title: words.utilisationAxis, tickformat: FORMAT.integer, ticksuffix: "%" },
      yaxis: { title: yTitle, tickformat: money.tickformat, type: "log" },
      layout: {
        yaxis: {
          ...axis({ title: yTitle, tickformat: money.tickformat, type: "log" }),
          tickvals: oneTwoFive(Math.min(...values) / 2, Math.max(...values) * 2),
        },
      },
    }),
  );
  return withMoneyPrefix(figure, money.tickprefix);
}
