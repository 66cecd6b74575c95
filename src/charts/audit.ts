/** Figure 59.6a: how far each flagged printed figure is from what the chapter's formulas give; 59.6b: what each difference is worth. */
import type { Figure, Provenance, Trace } from "./figure";
import { THEME_COLORS, themedFigure, wrapLongCaption } from "./theme";
import { AUDIT_WORDS } from "../i18n/audit";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { formatUsd } from "../format";

export interface FlaggedFigure {
  /** What the figure is, in words: the axis shows it. */
  label: string;
  /** Recomputed minus printed, as a percentage of the printed value. */
  relativePercent: number;
}

/**
 * Figure 59.6a: one bar per flagged figure with a finite difference. With none to draw and `emptyMessage` given, the
 * figure says that message instead of showing empty axes.
 */
export function auditDifferences(
  rows: readonly FlaggedFigure[],
  provenance: Provenance,
  emptyMessage?: string,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = AUDIT_WORDS[lang];
  const sorted = rows
    .filter((row) => Number.isFinite(row.relativePercent))
    .sort((a, b) => Math.abs(a.relativePercent) - Math.abs(b.relativePercent));
  if (sorted.length === 0 && emptyMessage !== undefined) return figureSaying(emptyMessage, provenance, lang);
  const trace: Trace = {
    type: "bar",
    orientation: "h",
    name: words.differenceName,
    y: sorted.map((row) => row.label),
    x: sorted.map((row) => row.relativePercent),
    marker: { color: sorted.map((row) => (row.relativePercent >= 0 ? THEME_COLORS.higher : THEME_COLORS.lower)) },
    text: sorted.map((row) => `${row.relativePercent >= 0 ? "+" : ""}${row.relativePercent.toFixed(1)}%`),
    // Labels of negative bars would land on the category names: those are written right of zero instead.
    textposition: sorted.map((row) => (row.relativePercent >= 0 ? "outside" : "none")),
    cliponaxis: false,
    hovertemplate: "%{y}: %{x:.2f}%<extra></extra>",
    showlegend: false,
  };
  return themedFigure([trace], {
    number: "59.6a",
    title: words.differencesTitle,
    provenance,
    lang,
    xaxis: { title: words.differencesAxis, tickformat: ".0f", ticksuffix: "%" },
    yaxis: { title: "", type: "category" },
    annotations: sorted
      .filter((row) => row.relativePercent < 0)
      .map((row) => ({
        text: `${row.relativePercent.toFixed(1)}%`,
        x: 0,
        xref: "x",
        xanchor: "left",
        xshift: 4,
        y: row.label,
        yref: "y",
        showarrow: false,
        font: { size: 11, color: THEME_COLORS.lower },
      })),
    layout: { height: Math.max(420, 28 * sorted.length + 160), margin: { l: 330, r: 60, t: 60, b: 70 } },
  });
}

/** A figure with nothing to draw that says why, in words where its plot would be. */
function figureSaying(message: string, provenance: Provenance, lang: Lang): Figure {
  const hidden = { visible: false, range: [0, 1], fixedrange: true };
  return themedFigure([], {
    number: "59.6a",
    title: AUDIT_WORDS[lang].differencesTitle,
    provenance,
    lang,
    annotations: [{ text: message, x: 0.5, y: 0.5, xref: "paper", yref: "paper", showarrow: false, font: { size: 15 }, align: "center" }],
    layout: { height: 240, xaxis: hidden, yaxis: hidden, margin: { l: 30, r: 30, t: 60, b: 30 } },
  });
}

export interface MaterialDifference {
  /** What differs, in words. */
  label: string;
  /** USD per month the difference moves. */
  usdPerMonth: number;
  /** Found from the data rather than a printed figure checked. */
  isFinding: boolean;
}

/** Figure 59.6b: flagged figures and findings by the money per month each moves, largest on top. */
export function auditMateriality(rows: readonly MaterialDifference[], provenance: Provenance, lang: Lang = DEFAULT_LANG): Figure {
  const words = AUDIT_WORDS[lang];
  const sorted = [...rows].sort((a, b) => a.usdPerMonth - b.usdPerMonth);
  const trace = (isFinding: boolean): Trace => {
    const mine = sorted.filter((row) => row.isFinding === isFinding);
    return {
      type: "bar",
      orientation: "h",
      name: isFinding ? words.materialityFinding : words.materialityPrinted,
      y: mine.map((row) => row.label),
      x: mine.map((row) => row.usdPerMonth),
      marker: { color: isFinding ? THEME_COLORS.finding : THEME_COLORS.printed },
      text: mine.map((row) => (lang === DEFAULT_LANG ? `$${row.usdPerMonth.toFixed(0)}` : formatUsd(row.usdPerMonth, 0, lang))),
      textposition: "outside",
      cliponaxis: false,
      hovertemplate: words.materialityHover,
    };
  };
  const figure = themedFigure([trace(false), trace(true)], {
    number: "59.6b",
    title: words.materialityTitle,
    provenance,
    lang,
    xaxis: { title: words.materialityAxis, tickformat: "$,.0f" },
    yaxis: { title: "", type: "category" },
    layout: { height: Math.max(420, 26 * sorted.length + 180), margin: { l: 360, r: 70, t: 60, b: 90 }, barmode: "overlay" },
  });
  // One category order for both traces: by money, largest at the top.
  const yaxis = {
    ...(figure.layout.yaxis as Record<string, unknown>),
    categoryorder: "array",
    categoryarray: sorted.map((row) => row.label),
  };
  return wrapLongCaption({ ...figure, layout: { ...figure.layout, yaxis } });
}
