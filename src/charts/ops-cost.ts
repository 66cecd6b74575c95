/** Figure 59.9c: the break-even by operations share for a few salaries. */
import { formatUsd } from "../format";
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
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
    lang?: Lang;
  },
): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = CLOSING_QUESTIONS_WORDS[lang];
  // English writes dollars, which the figure shows in the display currency; another language writes its own money.
  const salary = (usd: number) => (lang === DEFAULT_LANG ? `$${usd.toLocaleString("en-US")}` : formatUsd(usd, 0, lang));
  const traces: Trace[] = lines.map((line) => ({
    type: "scatter",
    mode: "lines",
    name: words.engineerAt(salary(line.salaryUsdPerMonth)),
    x: line.points.map((point) => point.opsFte),
    y: line.points.map((point) => point.breakEvenDailyCalls),
    line: { color: line.color, width: 2.5 },
    hovertemplate: words.engineerHover(salary(line.salaryUsdPerMonth)),
  }));
  traces.push({
    type: "scatter",
    mode: "markers",
    name: words.chapterAssumption,
    x: [options.chapterPoint.opsFte],
    y: [options.chapterPoint.breakEvenDailyCalls],
    marker: { color: THEME_COLORS.ink, size: 11, symbol: "circle-open", line: { width: 2.5 } },
    hovertemplate: words.chapterHover,
  });
  const volume = options.volumeCallsPerDay;
  return themedFigure(traces, {
    number: "59.9c",
    title: words.opsTitle(options.comparison),
    provenance: options.provenance,
    lang,
    xaxis: { title: words.opsXAxis, tickformat: ".1f" },
    yaxis: {
      title: words.opsYAxis,
      tickformat: FORMAT.integer,
      range: [0, Math.max(...traces.flatMap((trace) => trace.y as number[]).filter(Number.isFinite)) * 1.08],
    },
    annotations:
      volume === undefined
        ? []
        : [
            {
              text: words.yourVolume(volume.toLocaleString("en-US")),
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
