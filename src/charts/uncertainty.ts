/** 59.8: how sure a break-even is: one input at a time (tornado), and all at once (Monte Carlo band). */
import type { BandPoint, TornadoBar } from "../model";
import { formatBreakEvenCalls } from "../format";
import type { Figure, Provenance, Trace } from "./figure";
import { FORMAT, pointLabel, THEME_COLORS, themedFigure, withAlpha, wrapLongCaption } from "./theme";
import { inputNameIn, inputUnitIn, SENSITIVITY_WORDS } from "../i18n/sensitivity";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

export interface TornadoChartOptions {
  baseBreakEven: number;
  /** ±swing as a fraction when every input moved by the same share; undefined when each moved over its own range. */
  swing: number | undefined;
  /** Figure number. Default "59.8c" for an equal share, "59.8a" for the ranges. */
  number?: string;
  /** What is compared, e.g. "4x A100 vs Claude 3.5 Sonnet". */
  comparison: string;
  provenance: Provenance;
  /** The language of the figure's words; default English. */
  lang?: Lang;
}

const formatValue = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en-US") : String(+value.toPrecision(3)));

/**
 * Figures 59.8a (each input over its range from data) and 59.8c (each by the same share): each input's bar
 * runs from the break-even at its low to that at its high value; longest on top.
 */
export function tornadoChart(bars: readonly TornadoBar[], options: TornadoChartOptions): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = SENSITIVITY_WORDS[lang];
  const ordered = [...bars].reverse(); // Plotly draws the first category at the bottom.
  // Money units are written in USD: the display turns them into the page's currency.
  const labels = ordered.map((bar) =>
    words.tornadoLabel(inputNameIn(bar, lang), formatValue(bar.lowValue), formatValue(bar.highValue), inputUnitIn(bar, lang)),
  );
  const percent = options.swing === undefined ? undefined : Math.round(options.swing * 100);
  const [lowName, highName] =
    percent === undefined ? [words.lowOfRange, words.highOfRange] : [words.lowerBy(percent), words.higherBy(percent)];
  const side = (name: string, color: string, value: (bar: TornadoBar) => number): Trace => ({
    type: "bar",
    orientation: "h",
    name,
    y: labels,
    x: ordered.map((bar) => value(bar) - options.baseBreakEven),
    base: ordered.map(() => options.baseBreakEven),
    marker: { color },
    text: ordered.map((bar) => formatBreakEvenCalls(value(bar))),
    textposition: "outside",
    cliponaxis: false,
    hovertemplate: words.tornadoHover(name),
  });
  const values = bars.flatMap((bar) => [bar.breakEvenAtLow, bar.breakEvenAtHigh]).filter(Number.isFinite);
  const spread = Math.max(...values.map((value) => Math.abs(value - options.baseBreakEven)), 1);
  return wrapLongCaption(
    themedFigure(
      [side(lowName, THEME_COLORS.lower, (bar) => bar.breakEvenAtLow), side(highName, THEME_COLORS.higher, (bar) => bar.breakEvenAtHigh)],
      {
        number: options.number ?? (percent === undefined ? "59.8a" : "59.8c"),
        title: percent === undefined ? words.rangeTitle(options.comparison) : words.shareTitle(percent, options.comparison),
        provenance: options.provenance,
        lang,
        xaxis: {
          title: words.tornadoAxis(formatBreakEvenCalls(options.baseBreakEven, lang)),
          tickformat: FORMAT.integer,
          range: [options.baseBreakEven - spread * 1.35, options.baseBreakEven + spread * 1.35],
        },
        yaxis: { title: "", type: "category" },
        layout: {
          barmode: "overlay",
          height: Math.max(420, 38 * bars.length + 170),
          margin: { l: 300, r: 40, t: 70, b: 90 },
          shapes: [
            {
              type: "line",
              xref: "x",
              yref: "paper",
              x0: options.baseBreakEven,
              x1: options.baseBreakEven,
              y0: 0,
              y1: 1,
              line: { color: THEME_COLORS.ink, width: 1.5 },
            },
          ],
        },
      },
    ),
    80,
  );
}

export interface SavingBandOptions {
  comparison: string;
  /** Break-even percentiles from the draws, calls/day. */
  percentiles: { p5: number; p50: number; p95: number };
  samples: number;
  seed: number;
  provenance: Provenance;
  /** The language of the figure's words; default English. */
  lang?: Lang;
}

/** Figure 59.8b: the monthly saving from going local against calls/day, median and 5–95% band over the simulated inputs. */
export function savingBandChart(band: readonly BandPoint[], options: SavingBandOptions): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = SENSITIVITY_WORDS[lang];
  const x = band.map((point) => point.callsPerDay);
  const traces: Trace[] = [
    {
      type: "scatter",
      mode: "lines",
      name: words.p5Name,
      x,
      y: band.map((point) => point.low),
      line: { color: THEME_COLORS.band, width: 1 },
      showlegend: false,
      hovertemplate: words.p5Hover,
    },
    {
      type: "scatter",
      mode: "lines",
      name: words.bandName,
      x,
      y: band.map((point) => point.high),
      fill: "tonexty",
      fillcolor: withAlpha(THEME_COLORS.band, 0.2),
      line: { color: THEME_COLORS.band, width: 1 },
      hovertemplate: words.p95Hover,
    },
    {
      type: "scatter",
      mode: "lines",
      name: words.medianName,
      x,
      y: band.map((point) => point.median),
      line: { color: THEME_COLORS.median, width: 2.5 },
      hovertemplate: words.medianHover,
    },
  ];
  const { p5, p50, p95 } = options.percentiles;
  const marks = [
    { label: "P5", value: p5 },
    { label: words.markMedian, value: p50 },
    { label: "P95", value: p95 },
  ].filter((mark) => Number.isFinite(mark.value) && mark.value <= (x.at(-1) ?? 0));
  return themedFigure(traces, {
    number: "59.8b",
    title: words.bandTitle(options.comparison),
    provenance: options.provenance,
    lang,
    xaxis: { title: words.bandX, tickformat: FORMAT.integer },
    // Chinese states the currency in the axis title, not as a symbol on each tick.
    yaxis: { title: words.bandY, tickformat: lang === DEFAULT_LANG ? FORMAT.usd : FORMAT.integer },
    annotations: [
      ...marks.map((mark, index) =>
        pointLabel(words.mark(mark.label, formatBreakEvenCalls(mark.value, lang)), mark.value, 0, index % 2 === 0, 40),
      ),
      {
        text: words.drawsNote(options.samples.toLocaleString("en-US"), options.seed),
        xref: "paper",
        yref: "paper",
        x: 1,
        y: 0,
        xanchor: "right",
        yanchor: "bottom",
        showarrow: false,
        font: { size: 11, color: THEME_COLORS.caption },
      },
    ],
    layout: {
      shapes: [{ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: 0, y1: 0, line: { color: THEME_COLORS.ink, width: 1 } }],
    },
  });
}
