/** Figure 59.9a: the VRAM each model needs at each bit width against what each GPU configuration holds. */
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { FORMAT, THEME_COLORS, themedFigure } from "./theme";

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

/**
 * Figure 59.9a: weights and KV cache per model and bit width, stacked, against the room each GPU configuration
 * leaves for them once its headroom and the runtime overhead of each of its cards are set aside.
 */
export function vramChart(
  bars: readonly VramBar[],
  configurations: readonly VramLine[],
  options: { contextTokens: number; concurrentSequences: number; overheadGibPerGpu: number; headroom: number; provenance: Provenance },
): Figure {
  const x = bars.map((bar) => bar.label);
  const part = (name: string, color: string, value: (bar: VramBar) => number): Trace => ({
    type: "bar",
    name,
    x,
    y: bars.map(value),
    marker: { color },
    hovertemplate: `%{x}: ${name} %{y:.1f} GiB<extra></extra>`,
  });
  const totals = bars.map((bar) => bar.weightsGib + bar.kvCacheGib);
  const yMax = Math.max(...totals) * 1.3;
  const shown = configurations.filter((config) => config.usableGib <= yMax);
  const hidden = configurations.filter((config) => config.usableGib > yMax);
  const room = (config: VramLine) => `${config.label}: ${config.usableGib.toFixed(1)} of ${config.totalVramGib} GiB`;
  const annotations: Annotation[] = [
    ...bars.map((bar, index) => ({
      text: `${(totals[index] as number).toFixed(1)} GiB${bar.qualityNote ? `<br>${bar.qualityNote}` : ""}`,
      x: bar.label,
      xref: "x",
      y: totals[index] as number,
      yref: "y",
      yanchor: "bottom",
      showarrow: false,
      font: { size: 10 },
    })),
    // Left-aligned: the smallest models stand there, well below every configuration's line.
    ...shown.map((config) => ({
      text: room(config),
      xref: "paper",
      x: 0,
      xanchor: "left",
      y: config.usableGib,
      yref: "y",
      yanchor: "bottom",
      showarrow: false,
      font: { size: 10, color: config.color },
    })),
  ];
  const small = (text: string) => `<br><span style="font-size:11px">${text}</span>`;
  const aboveScale =
    hidden.length > 0
      ? small(
          `above the scale: ${hidden.map((config) => `${config.label} (${config.usableGib.toFixed(0)} of ${config.totalVramGib} GiB)`).join(", ")}`,
        )
      : "";
  const lineNote =
    small(
      `lines: each configuration's VRAM less ${Math.round(options.headroom * 100)}% headroom and ${options.overheadGibPerGpu} GiB runtime overhead per GPU`,
    ) + aboveScale;
  return themedFigure(
    [part("weights", THEME_COLORS.weights, (bar) => bar.weightsGib), part("KV cache", THEME_COLORS.kvCache, (bar) => bar.kvCacheGib)],
    {
      number: "59.9a",
      title: `GPU memory by bit width: ${options.contextTokens.toLocaleString("en-US")}-token context × ${options.concurrentSequences} sequence${options.concurrentSequences === 1 ? "" : "s"}`,
      provenance: options.provenance,
      xaxis: { title: `Model and quantisation${lineNote}`, type: "category" },
      yaxis: { title: "Weights + KV cache (GiB)", tickformat: FORMAT.integer, range: [0, yMax] },
      annotations,
      layout: {
        barmode: "stack",
        legend: { orientation: "h", y: -0.3, x: 0, yanchor: "top", traceorder: "normal" },
        shapes: shown.map((config) => ({
          type: "line",
          xref: "paper",
          yref: "y",
          x0: 0,
          x1: 1,
          y0: config.usableGib,
          y1: config.usableGib,
          line: { color: config.color, width: 1.5, dash: "dash" },
        })),
      },
    },
  );
}
