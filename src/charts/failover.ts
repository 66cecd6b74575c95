/** Figure 59.9b: what failing over to a cloud API costs across local downtime. */
import { displayCurrencyCode } from "../format";
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { Figure, Provenance, Trace } from "./figure";
import { FORMAT, LINE_COLORS, THEME_COLORS, themedFigure } from "./theme";

export interface FailoverPoint {
  downtimeHoursPerMonth: number;
  availabilityLocalOnly: number;
  availabilityWithFailover: number;
  totalUsdPerMonth: number;
}

/**
 * Figure 59.9b: calls lost a month (left, log scale) and monthly cost (right) of local-first serving with a
 * cloud fallback, by local downtime; availability is in the hover and at the scenario's own downtime.
 */
export function failoverChart(
  points: readonly FailoverPoint[],
  options: { callsPerMonth: number; currentDowntimeHours: number; cloudName: string; provenance: Provenance; lang?: Lang },
): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const shown = points.filter((point) => point.downtimeHoursPerMonth > 0);
  const x = shown.map((point) => point.downtimeHoursPerMonth);
  const lost = (availability: number) => Math.max(options.callsPerMonth * (1 - availability), 0.01);
  const line = (name: string, color: string, dash: string, availability: (point: FailoverPoint) => number): Trace => ({
    type: "scatter",
    mode: "lines",
    name,
    x,
    y: shown.map((point) => lost(availability(point))),
    customdata: shown.map((point) => (availability(point) * 100).toFixed(3)),
    line: { color, width: 2.5, dash },
    hovertemplate: words.lostHover(name),
  });
  const costs = shown.map((point) => point.totalUsdPerMonth);
  const traces: Trace[] = [
    line(words.localOnly, LINE_COLORS[3] as string, "dash", (point) => point.availabilityLocalOnly),
    line(words.localFirst(options.cloudName), LINE_COLORS[4] as string, "solid", (point) => point.availabilityWithFailover),
    {
      type: "scatter",
      mode: "lines",
      name: words.failoverCost,
      x,
      y: costs,
      yaxis: "y2",
      line: { color: LINE_COLORS[1], width: 2, dash: "dot" },
      hovertemplate: words.failoverCostHover(displayCurrencyCode()),
    },
  ];
  return themedFigure(traces, {
    endLabel: (trace) => (trace.yaxis === "y2" ? words.failoverCostEnd : undefined),
    number: "59.9b",
    title: words.failoverTitle,
    provenance: options.provenance,
    lang,
    xaxis: { title: words.downtimeAxis, tickformat: FORMAT.integer },
    yaxis: { title: words.lostAxis, tickformat: FORMAT.integer, type: "log" },
    annotations: [
      {
        text: words.thisScenario,
        x: options.currentDowntimeHours,
        xref: "x",
        xanchor: "left",
        xshift: 3,
        y: 0,
        yref: "paper",
        yanchor: "bottom",
        showarrow: false,
        font: { size: 10, color: THEME_COLORS.muted },
      },
    ],
    layout: {
      yaxis2: {
        title: { text: words.failoverCostAxis(displayCurrencyCode()) },
        overlaying: "y",
        side: "right",
        tickformat: words.moneyFormat,
        showgrid: false,
        automargin: true,
        tickmode: "auto",
        range: [0, Math.max(...costs) * 1.15],
      },
      margin: { l: 70, r: 80, t: 70, b: 90 },
      shapes: [
        {
          type: "line",
          xref: "x",
          yref: "paper",
          x0: options.currentDowntimeHours,
          x1: options.currentDowntimeHours,
          y0: 0,
          y1: 1,
          line: { color: THEME_COLORS.muted, width: 1, dash: "dot" },
        },
      ],
    },
  });
}
