/** Figure for two data editions side by side: how far each headline moved from then to now. */
import { displayCurrencyCode, formatMoney } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { THEN_AND_NOW_WORDS } from "../i18n/then-and-now";
import { figureMoneyIn } from "./currency";
import type { Figure, Provenance, Trace } from "./figure";
import { THEME_COLORS, themedFigure } from "./theme";

export interface HeadlineMove {
  /** The kind of figure, e.g. "Break-even, calls a day". */
  group: string;
  /** A few words for the axis, e.g. "Break-even, scenario 1". */
  short: string;
  /** The whole story for the hover, e.g. which models. */
  name: string;
  then: number;
  now: number;
  unit: "usd" | "calls";
}

/** Percent change from then to now; undefined where then is 0 or either is not finite (a break-even of "never"). */
export function percentChange(move: Pick<HeadlineMove, "then" | "now">): number | undefined {
  return move.then > 0 && Number.isFinite(move.then) && Number.isFinite(move.now) ? ((move.now - move.then) / move.then) * 100 : undefined;
}

const amountIn = (lang: Lang) => (value: number, unit: HeadlineMove["unit"]) =>
  !Number.isFinite(value)
    ? THEN_AND_NOW_WORDS[lang].never
    : unit === "usd"
      ? lang === "en"
        ? `$${value.toLocaleString("en-US", { maximumFractionDigits: value < 100 ? 2 : 0 })}`
        : formatMoney(value, displayCurrencyCode(), value < 100 ? 2 : 0, lang)
      : Math.round(value).toLocaleString("en-US");

/**
 * One bar per headline: its change in percent; falls left of zero, rises right. Each bar's two values sit on
 * the other side of zero, where its row is empty, so no label runs into a bar or the category names.
 */
export function thenAndNowMoves(
  moves: readonly HeadlineMove[],
  labels: { then: string; now: string },
  provenance: Provenance,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = THEN_AND_NOW_WORDS[lang];
  const amount = amountIn(lang);
  const rows = [...moves].reverse(); // Plotly draws the first category at the bottom: reverse to read top-down.
  const changes = rows.map((move) => percentChange(move) ?? 0);
  const categories = rows.map((move) => move.short);
  const trace: Trace = {
    type: "bar",
    orientation: "h",
    name: words.movesTrace(labels.now, labels.then),
    y: categories,
    x: changes,
    marker: { color: changes.map((change) => (change < 0 ? THEME_COLORS.lower : THEME_COLORS.higher)) },
    customdata: rows.map((move) => [move.name, amount(move.then, move.unit), amount(move.now, move.unit)]),
    hovertemplate: words.movesHover(labels.then, labels.now),
  };
  const largest = Math.max(50, ...changes.map((change) => Math.abs(change)));
  const annotations = rows.map((move, index) => ({
    text: `${amount(move.then, move.unit)} → ${amount(move.now, move.unit)}`,
    x: 0,
    y: categories[index],
    xref: "x",
    yref: "y",
    xanchor: (changes[index] ?? 0) < 0 ? "left" : "right",
    xshift: (changes[index] ?? 0) < 0 ? 6 : -6,
    showarrow: false,
    font: { size: 12 },
  }));
  const figure = themedFigure([trace], {
    number: "59.11a",
    title: words.movesTitle(labels.then, labels.now),
    provenance,
    lang,
    xaxis: {
      title: words.movesAxis(labels.then, labels.now),
      tickformat: "+.0f",
      ticksuffix: "%",
      range: [-largest * 1.25, largest * 1.25],
    },
    yaxis: { title: "", type: "category" },
    annotations,
    layout: { showlegend: false, height: 160 + rows.length * 42 },
  });
  return figureMoneyIn(figure, lang);
}
