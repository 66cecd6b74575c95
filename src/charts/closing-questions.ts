/** 59.9: the chapter's four closing questions: quantisation, failover, ops cost, A/B testing. */
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { oneTwoFive } from "./break-even";
import { FORMAT, themedFigure } from "./theme";

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
export function vramChart(bars: readonly VramBar[], configurations: readonly VramLine[], options: { contextTokens: number; concurrentSequences: number; overheadGibPerGpu: number; headroom: number; provenance: Provenance }): Figure {
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
    ...shown.map((config) => ({ text: room(config), xref: "paper", x: 0, xanchor: "left", y: config.usableGib, yref: "y", yanchor: "bottom", showarrow: false, font: { size: 10, color: config.color } })),
  ];
  const small = (text: string) => `<br><span style="font-size:11px">${text}</span>`;
  const aboveScale = hidden.length > 0 ? small(`above the scale: ${hidden.map((config) => `${config.label} (${config.usableGib.toFixed(0)} of ${config.totalVramGib} GiB)`).join(", ")}`) : "";
  const lineNote = small(`lines: each configuration's VRAM less ${Math.round(options.headroom * 100)}% headroom and ${options.overheadGibPerGpu} GiB runtime overhead per GPU`) + aboveScale;
  return themedFigure([part("weights", "#332288", (bar) => bar.weightsGib), part("KV cache", "#88CCEE", (bar) => bar.kvCacheGib)], {
    number: "59.9a",
    title: `GPU memory by bit width: ${options.contextTokens.toLocaleString("en-US")}-token context × ${options.concurrentSequences} sequence(s)`,
    provenance: options.provenance,
    xaxis: { title: `Model and quantisation${lineNote}`, type: "category" },
    yaxis: { title: "Weights + KV cache (GiB)", tickformat: FORMAT.integer, range: [0, yMax] },
    annotations,
    layout: {
      barmode: "stack",
      legend: { orientation: "h", y: -0.3, x: 0, yanchor: "top", traceorder: "normal" },
      shapes: shown.map((config) => ({ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: config.usableGib, y1: config.usableGib, line: { color: config.color, width: 1.5, dash: "dash" } })),
    },
  });
}

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
export function failoverChart(points: readonly FailoverPoint[], options: { callsPerMonth: number; currentDowntimeHours: number; cloudName: string; provenance: Provenance }): Figure {
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
    hovertemplate: `${name}: %{y:,.0f} calls lost (%{customdata}% served) at %{x:.0f} h down<extra></extra>`,
  });
  const costs = shown.map((point) => point.totalUsdPerMonth);
  const traces: Trace[] = [
    line("local only", "#E69F00", "dash", (point) => point.availabilityLocalOnly),
    line(`local first, ${options.cloudName} fallback`, "#332288", "solid", (point) => point.availabilityWithFailover),
    { type: "scatter", mode: "lines", name: "cost with failover (right axis)", x, y: costs, yaxis: "y2", line: { color: "#CC6677", width: 2, dash: "dot" }, hovertemplate: "%{y:$,.0f} a month at %{x:.0f} h down<extra></extra>" },
  ];
  return themedFigure(traces, {
    number: "59.9b",
    title: "Failover: calls lost and cost by local downtime",
    provenance: options.provenance,
    xaxis: { title: "Local downtime (hours per month)", tickformat: FORMAT.integer },
    yaxis: { title: "Calls not served per month (log scale)", tickformat: FORMAT.integer, type: "log" },
    annotations: [{ text: "this scenario", x: options.currentDowntimeHours, xref: "x", xanchor: "left", xshift: 3, y: 0, yref: "paper", yanchor: "bottom", showarrow: false, font: { size: 10, color: "#555555" } }],
    layout: {
      yaxis2: { title: { text: "Cost per month (USD)" }, overlaying: "y", side: "right", tickformat: FORMAT.usd, showgrid: false, automargin: true, tickmode: "auto", range: [0, Math.max(...costs) * 1.15] },
      margin: { l: 70, r: 80, t: 70, b: 90 },
      shapes: [{ type: "line", xref: "x", yref: "paper", x0: options.currentDowntimeHours, x1: options.currentDowntimeHours, y0: 0, y1: 1, line: { color: "#555555", width: 1, dash: "dot" } }],
    },
  });
}

export interface OpsLine {
  salaryUsdPerMonth: number;
  color: string;
  points: ReadonlyArray<{ opsFte: number; breakEvenDailyCalls: number }>;
}

/** Figure 59.9c: break-even calls/day against the ops share of an engineer, one line per salary. */
export function opsSweepChart(lines: readonly OpsLine[], options: { comparison: string; chapterPoint: { opsFte: number; breakEvenDailyCalls: number }; volumeCallsPerDay?: number; provenance: Provenance }): Figure {
  const traces: Trace[] = lines.map((line) => ({
    type: "scatter",
    mode: "lines",
    name: `engineer at $${line.salaryUsdPerMonth.toLocaleString("en-US")}/month`,
    x: line.points.map((point) => point.opsFte),
    y: line.points.map((point) => point.breakEvenDailyCalls),
    line: { color: line.color, width: 2.5 },
    hovertemplate: `%{x:.2f} FTE at $${line.salaryUsdPerMonth.toLocaleString("en-US")}: break-even %{y:,} calls/day<extra></extra>`,
  }));
  traces.push({
    type: "scatter",
    mode: "markers",
    name: "the chapter's assumption",
    x: [options.chapterPoint.opsFte],
    y: [options.chapterPoint.breakEvenDailyCalls],
    marker: { color: "#222222", size: 11, symbol: "circle-open", line: { width: 2.5 } },
    hovertemplate: "the chapter: %{x} FTE, %{y:,} calls/day<extra></extra>",
  });
  const volume = options.volumeCallsPerDay;
  return themedFigure(traces, {
    number: "59.9c",
    title: `Hidden ops cost: break-even by ops share, ${options.comparison}`,
    provenance: options.provenance,
    xaxis: { title: "Ops share of an engineer (FTE)", tickformat: ".1f" },
    yaxis: { title: "Break-even (calls per day)", tickformat: FORMAT.integer, range: [0, Math.max(...traces.flatMap((trace) => trace.y as number[]).filter(Number.isFinite)) * 1.08] },
    annotations: volume === undefined ? [] : [{ text: `your volume: ${volume.toLocaleString("en-US")}/day`, xref: "paper", x: 0.01, xanchor: "left", y: volume, yref: "y", yanchor: "bottom", showarrow: false, font: { size: 11, color: "#555555" } }],
    layout: volume === undefined ? {} : { shapes: [{ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: volume, y1: volume, line: { color: "#555555", width: 1.5, dash: "dot" } }] },
  });
}

export interface SampleSizeLine {
  label: string;
  color: string;
  /** Per point: the drop to detect (or the non-inferiority margin), and the tasks and calls per arm it takes. */
  points: ReadonlyArray<{ dropPoints: number; tasksPerArm: number; callsPerArm: number }>;
  dash?: string;
  /** What the test sets out to do, for the hover: "detect" (default) or "show no worse than". */
  goal?: string;
}

/** Figure 59.9d: calls per arm to detect a drop in task success rate (or rule out one beyond a margin), with the days that takes at the test's traffic. */
export function sampleSizeChart(
  lines: readonly SampleSizeLine[],
  options: { baselineRate: number; testCallsPerDay: number; callsPerTask: number; highlight?: { label: string; dropPoints: number; tasksPerArm: number; callsPerArm: number; days: number }; provenance: Provenance },
): Figure {
  const days = (callsPerArm: number) => Math.ceil((2 * callsPerArm) / options.testCallsPerDay);
  const traces: Trace[] = lines.map((line) => ({
    type: "scatter",
    mode: "lines+markers",
    name: line.label,
    x: line.points.map((point) => point.dropPoints),
    y: line.points.map((point) => point.callsPerArm),
    customdata: line.points.map((point) => [days(point.callsPerArm), point.tasksPerArm]),
    line: { color: line.color, width: 2.5, ...(line.dash ? { dash: line.dash } : {}) },
    marker: { size: 6 },
    hovertemplate: `${line.label}: %{y:,} calls (%{customdata[1]:,} tasks) per arm to ${line.goal ?? "detect"} −%{x} points (%{customdata[0]} days)<extra></extra>`,
  }));
  const highlight = options.highlight;
  const perArm = (tasks: number, calls: number) => (options.callsPerTask === 1 ? `${calls.toLocaleString("en-US")} calls per arm` : `${tasks.toLocaleString("en-US")} tasks (${calls.toLocaleString("en-US")} calls) per arm`);
  const annotations: Annotation[] = highlight
    ? [{ text: `${highlight.label}<br>${perArm(highlight.tasksPerArm, highlight.callsPerArm)}, ${highlight.days} day(s)`, x: highlight.dropPoints, xref: "x", y: Math.log10(highlight.callsPerArm), yref: "y", xanchor: "left", showarrow: true, arrowhead: 2, ax: 70, ay: -70, align: "left", font: { size: 11 }, bgcolor: "rgba(255,255,255,0.85)" }]
    : [];
  const counts = lines.flatMap((line) => line.points.map((point) => point.callsPerArm));
  const unit = options.callsPerTask === 1 ? "" : ` (tasks of ${options.callsPerTask} calls)`;
  const figure = themedFigure(traces, {
    number: "59.9d",
    title: `A/B test of a model switch: calls needed from a ${(options.baselineRate * 100).toFixed(1)}% task success rate${unit}`,
    provenance: options.provenance,
    xaxis: { title: "Drop in task success rate to detect, or non-inferiority margin (percentage points)", tickformat: ".1f" },
    yaxis: { title: "Calls per arm (log scale)", tickformat: FORMAT.integer, type: "log" },
    annotations,
  });
  Object.assign(figure.layout.yaxis as object, { tickvals: oneTwoFive(Math.min(...counts), Math.max(...counts)) });
  return figure;
}
