/** Figure 59.9a: the VRAM each model needs at each bit width against what each GPU configuration holds. */
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { colorApartFrom, FORMAT, THEME_COLORS, themedFigure } from "./theme";

export interface VramBar {
  /** Category label, e.g. "70B Q4_K_M". */
  label: string;
  weightsGib: number;
  kvCacheGib: number;
  /** Quality cost shown above the bar, e.g. "+2.8% perplexity". */
  qualityNote?: string;
}

export interface VramLine {
  label: string;
  totalVramGib: number;
  /** What the configuration leaves for weights and KV cache: its VRAM less headroom and every card's runtime overhead. */
  usableGib: number;
  color: string;
}

/** Bars whose labels (a total and its quality cost, 10 px) stand side by side above them on a wide screen. */
const MAX_BARS_LABELLED_ACROSS = 12;

/**
 * Figure 59.9a: weights and KV cache per model and bit width, stacked, against the room each GPU configuration
 * leaves for them once its headroom and the runtime overhead of each of its cards are set aside.
 */
export function vramChart(
  bars: readonly VramBar[],
  configurations: readonly VramLine[],
  options: {
    contextTokens: number;
    concurrentSequences: number;
    overheadGibPerGpu: number;
    headroom: number;
    provenance: Provenance;
    lang?: Lang;
  },
): Figure {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const x = bars.map((bar) => bar.label);
  // More bars than a label a bar can stand beside: each bar's total stands upright, its quality cost in its hover.
  const crowded = bars.length > MAX_BARS_LABELLED_ACROSS;
  const notes = bars.map((bar) => (bar.qualityNote ? `<br>${bar.qualityNote}` : ""));
  const part = (name: string, color: string, value: (bar: VramBar) => number): Trace => ({
    type: "bar",
    name,
    x,
    y: bars.map(value),
    marker: { color },
    customdata: notes,
    hovertemplate: words.barHover(name),
  });
  const totals = bars.map((bar) => bar.weightsGib + bar.kvCacheGib);
  const yMax = Math.max(...totals) * 1.3;
  const shown = configurations.filter((config) => config.usableGib <= yMax);
  const hidden = configurations.filter((config) => config.usableGib > yMax);
  const room = (config: VramLine) => words.room(config.label, config.usableGib.toFixed(1), config.totalVramGib);
  const annotations: Annotation[] = bars.map((bar, index) => ({
    text: `${(totals[index] as number).toFixed(1)} GiB${!crowded && bar.qualityNote ? `<br>${bar.qualityNote}` : ""}`,
    x: bar.label,
    xref: "x",
    y: totals[index] as number,
    yref: "y",
    yanchor: "bottom",
    showarrow: false,
    ...(crowded ? { textangle: -90, font: { size: 9 } } : { font: { size: 10 } }),
  }));
  // Each configuration's room is a dashed line across the plot, named in the legend: a label on the plot would lie on
  // the bars' labels. No line takes the colour of the bars' parts or of another line.
  const taken: string[] = [THEME_COLORS.weights, THEME_COLORS.kvCache];
  const lineColors = shown.map((config) => {
    const color = colorApartFrom(config.color, taken);
    taken.push(color);
    return color;
  });
  const lines: Trace[] = shown.map((config, index) => ({
    type: "scatter",
    mode: "lines",
    name: room(config),
    x: [0, 1],
    y: [config.usableGib, config.usableGib],
    xaxis: "x2",
    line: { color: lineColors[index], width: 1.5, dash: "dash" },
    hovertemplate: `${room(config)}<extra></extra>`,
  }));
  const small = (text: string) => `<br><span style="font-size:11px">${text}</span>`;
  const aboveScale =
    hidden.length > 0
      ? small(
          words.aboveScale(hidden.map((config) => words.aboveScaleConfig(config.label, config.usableGib.toFixed(0), config.totalVramGib))),
        )
      : "";
  const lineNote = small(words.linesNote(Math.round(options.headroom * 100), options.overheadGibPerGpu)) + aboveScale;
  return themedFigure(
    [
      part(words.weights, THEME_COLORS.weights, (bar) => bar.weightsGib),
      part(words.kvCache, THEME_COLORS.kvCache, (bar) => bar.kvCacheGib),
      ...lines,
    ],
    {
      number: "59.9a",
      title: words.vramTitle(options.contextTokens.toLocaleString("en-US"), options.concurrentSequences),
      provenance: options.provenance,
      lang,
      // The configurations' lines are level and named in the legend beside the plot.
      endLabels: false,
      xaxis: { title: `${words.vramXAxis}${lineNote}`, type: "category" },
      yaxis: { title: words.vramYAxis, tickformat: FORMAT.integer, range: [0, yMax] },
      annotations,
      layout: {
        barmode: "stack",
        // Beside the plot, clear of the upright model names below it.
        legend: { orientation: "v", x: 1.02, xanchor: "left", y: 1, yanchor: "top", traceorder: "normal" },
        // The configurations' lines run from the plot's left edge to its right, whatever the bars' categories.
        xaxis2: { overlaying: "x", range: [0, 1], visible: false, fixedrange: true },
      },
    },
  );
}
