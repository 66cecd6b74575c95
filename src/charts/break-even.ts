import type { BreakEvenCell } from "../model";
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { colorOf, FORMAT, themedFigure } from "./theme";

/** 59.3: where a local configuration's flat monthly cost meets an API's rising bill. */

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
}

const formatCalls = (calls: number) => (calls === Infinity ? "never" : `${Math.round(calls).toLocaleString("en-US")}/day`);

/**
 * Figure 59.3a: each API's monthly bill as a line over calls/day, each local configuration as a flat dashed
 * line; every crossover within range is marked and labelled with its break-even volume.
 */
export function breakEvenCurves(local: readonly LocalOption[], apis: readonly ApiOption[], cells: readonly BreakEvenCell[], options: BreakEvenCurvesOptions): Figure {
  const x = [0, options.maxCallsPerDay];
  const apiTraces: Trace[] = apis.map((api) => ({
    type: "scatter",
    mode: "lines",
    name: api.name,
    x,
    y: x.map((calls) => calls * api.usdPerCall * options.daysPerMonth),
    line: { color: colorOf(options.modelColors, api.id), width: 2.5 },
    hovertemplate: `${api.name}: %{y:$,.0f} a month at %{x:,} calls/day<extra></extra>`,
  }));
  const localTraces: Trace[] = local.map((machine) => ({
    type: "scatter",
    mode: "lines",
    name: `${machine.name} (local)`,
    x,
    y: [machine.monthlyUsd, machine.monthlyUsd],
    line: { color: colorOf(options.hardwareColors, machine.id), width: 2, dash: "dash" },
    hovertemplate: `${machine.name}: %{y:$,.0f} a month at any volume<extra></extra>`,
  }));
  const visible = cells.filter((cell) => Number.isFinite(cell.breakEvenDailyCalls) && cell.breakEvenDailyCalls <= options.maxCallsPerDay);
  const crossings: Trace = {
    type: "scatter",
    mode: "markers",
    name: "Break-even",
    x: visible.map((cell) => cell.breakEvenDailyCalls),
    y: visible.map((cell) => cell.monthlyLocalUsd),
    marker: { color: "#222222", size: 9, symbol: "circle-open", line: { width: 2 } },
    hovertemplate: "break-even at %{x:,} calls/day<extra></extra>",
    showlegend: false,
  };
  const annotations: Annotation[] = visible.map((cell) => ({
    text: formatCalls(cell.breakEvenDailyCalls),
    x: cell.breakEvenDailyCalls,
    y: cell.monthlyLocalUsd,
    xref: "x",
    yref: "y",
    showarrow: true,
    arrowhead: 0,
    ax: 0,
    ay: -22,
    font: { size: 11 },
    bgcolor: "rgba(255,255,255,0.85)",
  }));
  const yMax = Math.max(...local.map((machine) => machine.monthlyUsd)) * 1.6;
  return themedFigure([...apiTraces, ...localTraces, crossings], {
    number: options.number ?? "59.3a",
    title: "Break-even: local hardware against cloud APIs",
    provenance: options.provenance,
    xaxis: { title: "Calls per day", tickformat: FORMAT.integer, range: [0, options.maxCallsPerDay] },
    yaxis: { title: "Cost per month (USD)", tickformat: FORMAT.usd, range: [0, yMax] },
    annotations,
  });
}

/** Figure 59.3b: break-even calls/day for every hardware × API pair; colour on a log scale, "never" where a call saves nothing. */
export function breakEvenHeatmap(cells: readonly BreakEvenCell[], hardware: readonly NamedCost[], apis: readonly NamedCost[], provenance: Provenance): Figure {
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
    number: "59.3b",
    title: "Break-even by hardware and API (calls per day)",
    provenance,
    xaxis: { title: "Cloud API", type: "category" },
    yaxis: { title: "Local configuration", type: "category", range: undefined },
    layout: { margin: { l: 220, r: 30, t: 60, b: 70 }, yaxis: { autorange: "reversed", automargin: true, title: { text: "Local configuration" } } },
  });
}
