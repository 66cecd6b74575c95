/** Figure for a price update: each model's monthly cost before and after, side by side. */
import type { Figure, Provenance, Trace } from "./figure";
import { FORMAT, THEME_COLORS, themedFigure } from "./theme";

export interface CostMove {
  name: string;
  before: number;
  after: number;
}

export function costMoves(moves: readonly CostMove[], labels: { before: string; after: string }, provenance: Provenance): Figure {
  const names = moves.map((move) => move.name);
  const trace = (label: string, values: number[], color: string): Trace => ({
    type: "bar",
    name: label,
    x: names,
    y: values,
    marker: { color },
    hovertemplate: `${label}: %{y:$,.2f} a month<extra>%{x}</extra>`,
  });
  return themedFigure(
    [
      trace(
        labels.before,
        moves.map((move) => move.before),
        THEME_COLORS.before,
      ),
      trace(
        labels.after,
        moves.map((move) => move.after),
        THEME_COLORS.after,
      ),
    ],
    {
      number: "Δ",
      title: "Monthly cost per model, before and after the price update",
      provenance,
      xaxis: { title: "Model", type: "category" },
      yaxis: { title: "Cost per month (USD)", tickformat: FORMAT.usd },
      // Legend above the plot: long model names under the axis leave no room below.
      layout: { barmode: "group", legend: { orientation: "h", x: 1, xanchor: "right", y: 1.02, yanchor: "bottom" } },
    },
  );
}
