/**
 * What a panel that advises says and draws, the same in every panel: a verdict with its difference in money a
 * month, the servers a volume needs, and the reader's own volume marked on a figure whose x axis is calls a day.
 */
import { THEME_COLORS } from "../charts/theme";
import type { Figure } from "../charts/figure";
import { formatInteger } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

/** Whole money as a summary writes it: "$1,234" (labels are in dollars; the page writes the data's currency). */
export const wholeUsd = (value: number): string => `$${formatInteger(Math.round(value))}`;

/** "local is cheaper by $1,234 a month", from the two months a verdict compares. */
export function verdictBy(local: { name: string; usd: number }, other: { name: string; usd: number }): string {
  const difference = Math.round(Math.abs(local.usd - other.usd));
  if (difference === 0) return `${local.name} and ${other.name} cost the same`;
  const cheaper = local.usd < other.usd ? local.name : other.name;
  return `${cheaper} is cheaper by ${wholeUsd(difference)} a month`;
}

/**
 * The figure with the reader's volume marked: a dotted vertical line across the plot, labelled at its top, on a
 * linear calls-a-day axis.
 */
export function markVolume(figure: Figure, callsPerDay: number, label = "your volume", lang: Lang = DEFAULT_LANG): Figure {
  const layout = figure.layout as Figure["layout"] & { shapes?: Record<string, unknown>[] };
  layout.shapes = [
    ...(layout.shapes ?? []),
    {
      type: "line",
      xref: "x",
      yref: "paper",
      x0: callsPerDay,
      x1: callsPerDay,
      y0: 0,
      y1: 1,
      line: { color: THEME_COLORS.muted, width: 1.5, dash: "dot" },
    },
  ];
  layout.annotations = [
    ...(layout.annotations ?? []),
    {
      text:
        lang === "en"
          ? `${label}: ${formatInteger(Math.round(callsPerDay))}/day`
          : `${label}：每日 ${formatInteger(Math.round(callsPerDay), lang)} 次`,
      x: callsPerDay,
      xref: "x",
      // Inside the plot, beside the line's top: the caption above the plot keeps its own line.
      y: 0.98,
      yref: "paper",
      yanchor: "top",
      xanchor: "left",
      xshift: 4,
      showarrow: false,
      font: { size: 11, color: THEME_COLORS.note },
      bgcolor: "rgba(255,255,255,0.85)",
    },
  ];
  return figure;
}
