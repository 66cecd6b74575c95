/** Figure 59.9c: the break-even by operations share for a few salaries. */
import type { Figure, Provenance, Trace } from "./figure";
import { FORMAT, THEME_COLORS, themedFigure } from "./theme";

export interface OpsLine {
  salaryUsdPerMonth: number;
  color: string;
  points: ReadonlyArray<{ opsFte: number; breakEvenDailyCalls: number }>;
}

/** Figure 59.9c: break-even calls/day against the ops share of an engineer, one line per salary. */
export function opsSweepChart(
  lines: readonly OpsLine[],
  options: {
    comparison: string;
    chapterPoint: { opsFte: number; breakEvenDailyCalls: number };
    volumeCallsPerDay?: number;
    provenance: Provenance;
  },
): Figure {
  const traces: Trace[] = lines.map((line) => ({
    type: "scatter",
    mode: "lines",
    name: `engineer at $${line.salaryUsdPerMonth.toLocaleString("en-US")}/month`,
    x: line.points.map((point) => point.opsFte),
    y: line.points.map((point) => point.breakEvenDailyCalls),
    line: { color: line.color, width: 2.5 },
    hovertemplate: `%{x:.2f} FTE at $${line.salaryUsdPerMonth.toLocaleString("en-US")}: break-even %{y:,.0f} calls/day<extra></extra>`,
  }));
  traces.push({
    type: "scatter",
    mode: "markers",
    name: "the chapter's assumption",
    x: [options.chapterPoint.opsFte],
    y: [options.chapterPoint.breakEvenDailyCalls],
    marker: { color: THEME_COLORS.ink, size: 11, symbol: "circle-open", line: { width: 2.5 } },
    hovertemplate: "the chapter: %{x:.2f} FTE, %{y:,.0f} calls/day<extra></extra>",
  });
  const volume = options.volumeCallsPerDay;
  return themedFigure(traces, {
    number: "59.9c",
    title: `Hidden ops cost: break-even by ops share, ${options.comparison}`,
    provenance: options.provenance,
    xaxis: { title: "Ops share of an engineer (FTE)", tickformat: ".1f" },
    yaxis: {
      title: "Break-even (calls per day)",
      tickformat: FORMAT.integer,
      range: [0, Math.max(...traces.flatMap((trace) => trace.y as number[]).filter(Number.isFinite)) * 1.08],
    },
    annotations:
      volume === undefined
        ? []
        : [
            {
              text: `your volume: ${volume.toLocaleString("en-US")}/day`,
              xref: "paper",
              x: 0.01,
              xanchor: "left",
              y: volume,
              yref: "y",
              yanchor: "bottom",
              showarrow: false,
              font: { size: 11, color: THEME_COLORS.muted },
            },
          ],
    layout:
      volume === undefined
        ? {}
        : {
            shapes: [
              {
                type: "line",
                xref: "paper",
                yref: "y",
                x0: 0,
                x1: 1,
                y0: volume,
                y1: volume,
                line: { color: THEME_COLORS.muted, width: 1.5, dash: "dot" },
              },
            ],
          },
  });
}
