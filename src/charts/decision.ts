/** Figure D1: every option of the decision's month as a bar, cheapest at the top; options that fail a rule are drawn pale. */
import { currencySymbol } from "../format";
import { DECISION_WORDS, optionLabelIn, withModelIn } from "../i18n/decision";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { fromUsd, type DisplayCurrency } from "../model";
import type { Figure, Provenance, Trace } from "./figure";
import { FORMAT, THEME_COLORS, themedFigure, WAY_COLORS } from "./theme";

export type OptionWay = "api" | "buy" | "rent-always-on" | "rent-by-hour" | "hybrid";

/** Each way an option serves the calls, as a reader says it. */
export const WAY: Record<OptionWay, string> = wayIn(DEFAULT_LANG);

/** Each way in the language: call, buy, rent (always on, by the hour), hybrid. */
export function wayIn(lang: Lang): Record<OptionWay, string> {
  const words = DECISION_WORDS[lang];
  return {
    api: words.wayCall,
    buy: words.wayBuy,
    "rent-always-on": words.wayRentAlwaysOn,
    "rent-by-hour": words.wayRentByHour,
    hybrid: words.wayHybrid,
  };
}

/** An option as the figure draws it: its month (USD) and range, what it serves, and how it stands against the rules. */
export interface DecisionBar {
  id: string;
  kind: OptionWay;
  label: string;
  modelName: string;
  usdPerMonth: number;
  usdPerMonthP5?: number | undefined;
  usdPerMonthP95?: number | undefined;
  compliance: string;
  /** Its quality against today's, in words. */
  qualityText: string;
  /** Counts for the winner: drawn full, else pale. */
  eligible: boolean;
}

const KIND_COLORS: Record<OptionWay, string> = {
  api: WAY_COLORS.api,
  buy: WAY_COLORS.buy,
  "rent-always-on": WAY_COLORS.rentAlwaysOn,
  "rent-by-hour": WAY_COLORS.rentByHour,
  hybrid: WAY_COLORS.hybrid,
};

/** Pixels for a figure of this many bars: 12 a bar (a 10 px label each), room for the title, axis and legend, never under 420. */
const figureHeight = (bars: number): number => Math.max(420, 12 * bars + 170);

/** A hybrid's bar label: its server and today's API, without the split the page states once. */
const baseLabel = (option: DecisionBar): string =>
  option.kind === "hybrid" ? option.label.replace(/ for [\d.]+% of calls \([^)]*\), (.*) for the rest$/, " + $1") : option.label;

/** Bar labels, one per option: two options with one name (a server measured two ways) add the model each serves. */
function figureLabels(options: readonly DecisionBar[], lang: Lang): Map<string, string> {
  const counts = new Map<string, number>();
  for (const option of options) counts.set(baseLabel(option), (counts.get(baseLabel(option)) ?? 0) + 1);
  const labels = new Map(
    options.map((option) => [
      option.id,
      (counts.get(baseLabel(option)) ?? 0) > 1
        ? withModelIn(optionLabelIn(baseLabel(option), lang), option.modelName, lang)
        : optionLabelIn(baseLabel(option), lang),
    ]),
  );
  // Still alike (the same model measured two ways): the id tells them apart.
  const seen = new Map<string, number>();
  for (const label of labels.values()) seen.set(label, (seen.get(label) ?? 0) + 1);
  return new Map(
    [...labels].map(([id, label]) => [id, (seen.get(label) ?? 0) > 1 ? `${label} [${id.split(":").slice(2).join(":")}]` : label]),
  );
}

/** Every option's month as a bar with its P5–P95 (options cheapest first), cheapest at the top; options that fail a rule are drawn pale. */
export function decisionChart(
  options: readonly DecisionBar[],
  context: { currency: DisplayCurrency; provenance: Provenance; lang?: Lang | undefined },
): Figure {
  const { currency } = context;
  const lang = context.lang ?? DEFAULT_LANG;
  const words = DECISION_WORDS[lang];
  const way = wayIn(lang);
  const complianceWord = (compliance: string) =>
    ({ compliant: words.compliant, "not compliant": words.notCompliant, "no rule": words.noRule })[compliance] ?? compliance;
  const rows = [...options].reverse();
  const labels = figureLabels(rows, lang);
  const figureLabel = (option: DecisionBar) => labels.get(option.id) as string;
  const value = (usd: number) => fromUsd(usd, currency);
  const ranged = options.some((option) => option.usdPerMonthP5 !== undefined);
  const traces: Trace[] = (["api", "buy", "rent-by-hour", "rent-always-on", "hybrid"] as const).map((kind) => {
    const mine = rows.filter((option) => option.kind === kind);
    return {
      type: "bar",
      orientation: "h",
      name: way[kind],
      y: mine.map(figureLabel),
      x: mine.map((option) => value(option.usdPerMonth)),
      marker: { color: KIND_COLORS[kind], opacity: mine.map((option) => (option.eligible ? 1 : 0.3)) },
      error_x: {
        // Without ranges (a what-if prices no draws) there is nothing to draw: no zero-width ticks.
        visible: ranged,
        type: "data",
        symmetric: false,
        array: mine.map((option) => (option.usdPerMonthP95 === undefined ? 0 : value(option.usdPerMonthP95 - option.usdPerMonth))),
        arrayminus: mine.map((option) => (option.usdPerMonthP5 === undefined ? 0 : value(option.usdPerMonth - option.usdPerMonthP5))),
        color: THEME_COLORS.muted,
        thickness: 1,
      },
      customdata: mine.map((option) => [option.modelName, complianceWord(option.compliance), option.qualityText]),
      hovertemplate: words.figureHover(currency.code),
    };
  });
  const figure = themedFigure(traces, {
    number: "D1",
    title: words.figureTitle(currency.code, ranged),
    provenance: context.provenance,
    lang,
    xaxis: { title: words.figureAxis(currency.code), type: "log", tickformat: FORMAT.integer },
    yaxis: { title: "", type: "category" },
    // The legend sits just under the axis title, however many bars there are.
    layout: {
      barmode: "overlay",
      height: figureHeight(rows.length),
      legend: { orientation: "h", x: 0, y: -60 / figureHeight(rows.length), yanchor: "top" },
    },
  });
  // One tick a decade: a log axis's in-between labels (2, 5) come out too small to read on a phone.
  // Plotly orders categories as the traces first name them (by kind): set the order by cost, cheapest at the top,
  // and label every bar (left alone, it drops labels it finds crowded).
  const yaxis = {
    ...(figure.layout.yaxis as Record<string, unknown>),
    categoryorder: "array",
    categoryarray: rows.map((option) => labels.get(option.id) as string),
    tickmode: "linear",
    dtick: 1,
    tickfont: { size: 10 },
  };
  // Its amounts are in the decision's currency already: the ticks carry its symbol, whatever the page's currency.
  const xaxis = { ...(figure.layout.xaxis as Record<string, unknown>), dtick: 1, tickprefix: currencySymbol(currency.code, lang) };
  return { ...figure, layout: { ...figure.layout, xaxis, yaxis } };
}
