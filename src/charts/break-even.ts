/** 59.3: where a local configuration's flat monthly cost meets an API's rising bill. */
import type { BreakEvenCell } from "../model";
import { formatBreakEvenCalls } from "../format";
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { colorOf, FORMAT, labelPlacer, phoneLabelBox, pointLabel, THEME_COLORS, themedFigure } from "./theme";

export interface NamedCost {
  id: string;
  name: string;
}

export interface LocalOption extends NamedCost {
  /** Total monthly cost, USD. */
  monthlyUsd: number;
}

export interface ApiOption extends NamedCost {
  /** Cost of one call at the workload, USD. */
  usdPerCall: number;
}

export interface BreakEvenCurvesOptions {
  /** Largest calls/day shown. */
  maxCallsPerDay: number;
  daysPerMonth: number;
  modelColors: ReadonlyMap<string, string>;
  hardwareColors: ReadonlyMap<string, string>;
  provenance: Provenance;
  /** Number for the title. Default "59.3a". */
  number?: string;
  /** Log-log axes, which spread crossovers that span orders of magnitude. Default true. */
  logScale?: boolean;
  /** Smallest calls/day shown on a log axis. Default 100. */
  minCallsPerDay?: number;
}

/** 1-2-5 steps between two values, for readable log-axis ticks. */
export function oneTwoFive(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power++) {
    for (const step of [1, 2, 5]) {
      const value = step * 10 ** power;
      if (value >= min && value <= max) ticks.push(value);
    }
  }
  return ticks;
}

const formatCalls = (calls: number) => (calls === Infinity ? "never" : `${formatBreakEvenCalls(calls)}/day`);

/**
 * Figure 59.3a: each API's monthly bill as a line over calls/day, each local configuration as a flat dashed
 * line; every crossover within range is marked and labelled with its break-even volume.
 */
export function breakEvenCurves(
  local: readonly LocalOption[],
  apis: readonly ApiOption[],
  cells: readonly BreakEvenCell[],
  options: BreakEvenCurvesOptions,
): Figure {
  const logScale = options.logScale ?? true;
  const minCalls = logScale ? (options.minCallsPerDay ?? 100) : 0;
  // Lines are straight on either scale; on log axes they need more than their two ends to draw once clipped.
  const x = logScale
    ? Array.from({ length: 25 }, (_, index) => minCalls * (options.maxCallsPerDay / minCalls) ** (index / 24))
    : [0, options.maxCallsPerDay];
  const apiTraces: Trace[] = apis.map((api) => ({
    type: "scatter",
    mode: "lines",
    name: api.name,
    x,
    y: x.map((calls) => calls * api.usdPerCall * options.daysPerMonth),
    line: { color: colorOf(options.modelColors, api.id), width: 2.5 },
    hovertemplate: `${api.name}: %{y:$,.0f} a month at %{x:,.0f} calls/day<extra></extra>`,
  }));
  const localTraces: Trace[] = local.map((machine) => ({
    type: "scatter",
    mode: "lines",
    name: `${machine.name} (local)`,
    x,
    y: x.map(() => machine.monthlyUsd),
    line: { color: colorOf(options.hardwareColors, machine.id), width: 2, dash: "dash" },
    hovertemplate: `${machine.name}: %{y:$,.0f} a month at any volume<extra></extra>`,
  }));
  const visible = cells.filter(
    (cell) =>
      Number.isFinite(cell.breakEvenDailyCalls) &&
      cell.breakEvenDailyCalls >= minCalls &&
      cell.breakEvenDailyCalls <= options.maxCallsPerDay,
  );
  const crossings: Trace = {
    type: "scatter",
    mode: "markers",
    name: "Break-even",
    x: visible.map((cell) => cell.breakEvenDailyCalls),
    y: visible.map((cell) => cell.monthlyLocalUsd),
    marker: { color: THEME_COLORS.ink, size: 9, symbol: "circle-open", line: { width: 2 } },
    // Whole calls by the one rounding rule the labels use, not the raw value (1,134.06709098).
    customdata: visible.map((cell) => formatBreakEvenCalls(cell.breakEvenDailyCalls)),
    hovertemplate: "break-even at %{customdata} calls/day<extra></extra>",
    showlegend: false,
  };
  // One label a point: two APIs at one price cross a server at one volume, and the labels would lie on each other.
  const labelled = [
    ...new Map(visible.map((cell) => [`${formatCalls(cell.breakEvenDailyCalls)} ${cell.monthlyLocalUsd}`, cell])).values(),
  ].sort((a, b) => a.breakEvenDailyCalls - b.breakEvenDailyCalls);
  const position = (calls: number) => (logScale ? Math.log10(calls) : calls);
  const [left, right] = [position(minCalls), position(options.maxCallsPerDay)];
  const costs = local.map((machine) => machine.monthlyUsd);
  const xaxis = logScale
    ? {
        title: "Calls per day (log scale)",
        tickformat: FORMAT.integer,
        type: "log" as const,
        range: [Math.log10(minCalls), Math.log10(options.maxCallsPerDay)] as [number, number],
      }
    : { title: "Calls per day", tickformat: FORMAT.integer, range: [0, options.maxCallsPerDay] as [number, number] };
  const yaxis = logScale
    ? {
        title: "Cost per month (USD, log scale)",
        tickformat: FORMAT.usd,
        type: "log" as const,
        range: [Math.log10(Math.min(...costs) / 3), Math.log10(Math.max(...costs) * 3)] as [number, number],
      }
    : { title: "Cost per month (USD)", tickformat: FORMAT.usd, range: [0, Math.max(...costs) * 1.6] as [number, number] };
  // Plotly places annotations on log axes by the logarithm of the value. Left to right, each label goes where it lies
  // on no label placed before it, and one near the right edge ends at its point rather than running past the plot.
  const place = labelPlacer([left, right], yaxis.range);
  const annotations: Annotation[] = labelled.map((cell) => {
    const text = formatCalls(cell.breakEvenDailyCalls);
    const [x, y] = [position(cell.breakEvenDailyCalls), logScale ? Math.log10(cell.monthlyLocalUsd) : cell.monthlyLocalUsd];
    const offset = place(phoneLabelBox(text), x, y);
    return {
      ...pointLabel(text, x, y, offset > 0, Math.abs(offset)),
      ...((x - left) / (right - left) > 0.92 ? { xanchor: "right" } : {}),
      value: cell.breakEvenDailyCalls,
    };
  });
  // A local line's label names the machine: its dash, not "(local)", says it is one.
  const localNames = new Map(local.map((machine) => [`${machine.name} (local)`, machine.name]));
  const figure = themedFigure([...apiTraces, ...localTraces, crossings], {
    endLabel: (trace) => localNames.get(String(trace.name)),
    number: options.number ?? "59.3a",
    title: "Break-even: local hardware against cloud APIs",
    provenance: options.provenance,
    xaxis,
    yaxis,
    annotations,
  });
  if (logScale) {
    Object.assign(figure.layout.xaxis as object, { tickvals: oneTwoFive(minCalls, options.maxCallsPerDay) });
    Object.assign(figure.layout.yaxis as object, { tickvals: oneTwoFive(10 ** yaxis.range[0], 10 ** yaxis.range[1]) });
  }
  return figure;
}

/** Figure 59.3b: break-even calls/day for every hardware × API pair; colour on a log scale, "never" where a call saves nothing. */
export function breakEvenHeatmap(
  cells: readonly BreakEvenCell[],
  hardware: readonly NamedCost[],
  apis: readonly NamedCost[],
  provenance: Provenance,
  label: { number: string; title: string } = { number: "59.3b", title: "Break-even by hardware and API (calls per day)" },
): Figure {
  const find = (hardwareId: string, apiId: string) => cells.find((cell) => cell.hardwareId === hardwareId && cell.apiId === apiId);
  const calls = hardware.map((machine) => apis.map((api) => find(machine.id, api.id)?.breakEvenDailyCalls ?? NaN));
  const trace: Trace = {
    type: "heatmap",
    name: "Break-even",
    x: apis.map((api) => `vs ${api.name}`),
    y: hardware.map((machine) => machine.name),
    z: calls.map((row) => row.map((value) => (Number.isFinite(value) ? Math.log10(Math.max(value, 1)) : null))),
    text: calls.map((row) => row.map(formatCalls)),
    texttemplate: "%{text}",
    hovertemplate: "%{y} %{x}: %{text}<extra></extra>",
    colorscale: "YlGnBu",
    reversescale: false,
    showscale: false,
  };
  return themedFigure([trace], {
    ...label,
    provenance,
    xaxis: { title: "Cloud API", type: "category" },
    yaxis: { title: "Local configuration", type: "category" },
    layout: {
      margin: { l: 220, r: 30, t: 60, b: 70 },
      yaxis: { autorange: "reversed", automargin: true, title: { text: "Local configuration" } },
    },
  });
}
