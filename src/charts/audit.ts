/** Figure 59.6: how far each flagged printed figure is from what the chapter's formulas give. */
import type { Figure, Provenance, Trace } from "./figure";
import { themedFigure } from "./theme";

export interface FlaggedFigure {
  figureId: string;
  /** Recomputed minus printed, as a percentage of the printed value. */
  relativePercent: number;
}

export function auditDifferences(rows: readonly FlaggedFigure[], provenance: Provenance): Figure {
  const sorted = [...rows].sort((a, b) => Math.abs(a.relativePercent) - Math.abs(b.relativePercent));
  const trace: Trace = {
    type: "bar",
    orientation: "h",
    name: "Difference",
    y: sorted.map((row) => row.figureId),
    x: sorted.map((row) => row.relativePercent),
    marker: { color: sorted.map((row) => (row.relativePercent >= 0 ? "#CC6677" : "#4477AA")) },
    text: sorted.map((row) => `${row.relativePercent >= 0 ? "+" : ""}${row.relativePercent.toFixed(1)}%`),
    // Labels of negative bars would land on the category names: those are written right of zero instead.
    textposition: sorted.map((row) => (row.relativePercent >= 0 ? "outside" : "none")),
    cliponaxis: false,
    hovertemplate: "%{y}: %{x:.2f}%<extra></extra>",
    showlegend: false,
  };
  return themedFigure([trace], {
    number: "59.6",
    title: "Printed figures that differ from the chapter's formulas",
    provenance,
    xaxis: { title: "Recomputed minus printed (% of printed)", tickformat: ".0f" },
    yaxis: { title: "", type: "category" },
    annotations: sorted
      .filter((row) => row.relativePercent < 0)
      .map((row) => ({ text: `${row.relativePercent.toFixed(1)}%`, x: 0, xref: "x", xanchor: "left", xshift: 4, y: row.figureId, yref: "y", showarrow: false, font: { size: 11, color: "#4477AA" } })),
    layout: { height: Math.max(420, 28 * sorted.length + 160), margin: { l: 330, r: 60, t: 60, b: 70 } },
  });
}
