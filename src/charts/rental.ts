/** Rent, buy or call: three ways to serve a volume, and self-hosting's cost per million tokens beside the APIs'. */
import type { Annotation, Figure, Provenance, Trace } from "./figure";
import { oneTwoFive } from "./break-even";
import { axis, FORMAT, labelPlacer, phoneLabelBox, pointLabel, themedFigure, wrapLongCaption } from "./theme";

/** One way of serving (API, bought fleet, rented fleet) as its monthly cost at each volume. */
export interface CostLine {
  label: string;
  color: string;
  dash?: "solid" | "dash" | "dot";
  callsPerDay: readonly number[];
  usdPerMonth: readonly number[];
}

/** A volume where one way starts to cost no more than another. */
export interface CrossoverMark {
  label: string;
  callsPerDay: number;
  usdPerMonth: number;
}

/** Figure: monthly cost of each way against calls per day, each crossover labelled where it falls on the plot. */
export function threeWayCostChart(
  lines: readonly CostLine[],
  crossovers: readonly CrossoverMark[],
  options: { number: string; comparison: string; provenance: Provenance },
): Figure {
  const traces: Trace[] = lines.map((line) => ({
    type: "scatter",
    mode: "lines",
    name: line.label,
    x: [...line.callsPerDay],
    y: [...line.usdPerMonth],
    line: { color: line.color, width: 2.5, dash: line.dash ?? "solid", shape: "hv" },
    hovertemplate: `${line.label}<br>%{x:,.0f} calls/day: %{y:$,.0f} a month<extra></extra>`,
  }));
  const maxCalls = Math.max(...lines.flatMap((line) => line.callsPerDay));
  const usd = lines.flatMap((line) => line.usdPerMonth);
  // Left to right, each label where it lies on none placed before it.
  const place = labelPlacer([Math.min(0, ...lines.flatMap((line) => line.callsPerDay)), maxCalls], [Math.min(0, ...usd), Math.max(...usd)]);
  const annotations: Annotation[] = crossovers
    .filter((mark) => Number.isFinite(mark.callsPerDay) && mark.callsPerDay <= maxCalls)
    .sort((a, b) => a.callsPerDay - b.callsPerDay)
    .map((mark) => {
      const text = `${mark.label}: ${Math.round(mark.callsPerDay).toLocaleString("en-US")}/day`;
      const offset = place(phoneLabelBox(text), mark.callsPerDay, mark.usdPerMonth);
      return pointLabel(text, mark.callsPerDay, mark.usdPerMonth, offset > 0, Math.abs(offset));
    });
  return wrapLongCaption(
    themedFigure(traces, {
      number: options.number,
      title: `Rent, buy or call: ${options.comparison}`,
      provenance: options.provenance,
      xaxis: { title: "Calls per day", tickformat: FORMAT.integer },
      yaxis: { title: "Cost per month (USD)", tickformat: FORMAT.usd },
      annotations,
    }),
  );
}

/** Self-hosting's cost per million tokens at one utilisation. */
export interface UnitCostPoint {
  /** e.g. "2x RTX 4090 server, bought". */
  label: string;
  color: string;
  dash?: "solid" | "dash";
  /** Lines of one server (bought, rented) share its colour and this group. */
  group?: string;
  utilisationPercent: readonly number[];
  usdPerMillionTokens: readonly number[];
}

/** Figure: cost per million tokens of self-hosting against utilisation, with each API's price as a flat line. */
export function costPerMillionChart(
  selfHosted: readonly UnitCostPoint[],
  apis: readonly { name: string; usdPerMillionTokens: number; color: string }[],
  options: { number: string; workload: string; provenance: Provenance },
): Figure {
  const utilisation = selfHosted[0]?.utilisationPercent ?? [];
  const values = [...selfHosted.flatMap((line) => line.usdPerMillionTokens), ...apis.map((api) => api.usdPerMillionTokens)].filter(
    (value) => value > 0,
  );
  // The APIs first: where a server's colour is a model's too, the server's lines are the ones that change colour.
  const traces: Trace[] = [
    ...apis.map((api) => ({
      type: "scatter",
      mode: "lines",
      name: `${api.name} (API)`,
      x: [Math.min(...utilisation), Math.max(...utilisation)],
      y: [api.usdPerMillionTokens, api.usdPerMillionTokens],
      line: { color: api.color, width: 2, dash: "dot" },
      hovertemplate: `${api.name}: %{y:$,.2f} per million tokens at any volume<extra></extra>`,
    })),
    ...selfHosted.map((line) => ({
      type: "scatter",
      mode: "lines+markers",
      name: line.label,
      x: [...line.utilisationPercent],
      y: [...line.usdPerMillionTokens],
      line: { color: line.color, width: 2.5, dash: line.dash ?? "solid" },
      ...(line.group === undefined ? {} : { legendgroup: line.group }),
      hovertemplate: `${line.label}<br>%{x}% busy: %{y:$,.2f} per million tokens<extra></extra>`,
    })),
  ];
  return wrapLongCaption(
    themedFigure(traces, {
      number: options.number,
      title: `Cost per million tokens, self-hosted against the APIs (${options.workload})`,
      provenance: options.provenance,
      xaxis: { title: "Utilisation: share of the server's measured throughput in use (%)", tickformat: FORMAT.integer, ticksuffix: "%" },
      yaxis: { title: "USD per million tokens (log scale)", tickformat: "$,.2f", type: "log" },
      layout: {
        yaxis: {
          ...axis({ title: "USD per million tokens (log scale)", tickformat: "$,.2f", type: "log" }),
          tickvals: oneTwoFive(Math.min(...values) / 2, Math.max(...values) * 2),
        },
      },
    }),
  );
}
