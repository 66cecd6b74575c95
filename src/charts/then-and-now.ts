/** Figure for two data editions side by side: how far each headline moved from then to now. */
import type { Figure, Provenance, Trace } from "./figure";
import { FORMAT, themedFigure } from "./theme";

export interface HeadlineMove {
  /** The kind of figure, e.g. "Break-even, calls a day". */
  group: string;
  name: string;
  then: number;
  now: number;
  unit: "usd" | "calls";
}

/** Percent change from then to now; undefined where then is 0 or either is not finite (a break-even of "never"). */
export function percentChange(move: Pick<HeadlineMove, "then" | "now">): number | undefined {
  return move.then > 0 && Number.isFinite(move.then) && Number.isFinite(move.now) ? ((move.now - move.then) / move.then) * 100 : undefined;
}

const amount = (value: number, unit: HeadlineMove["unit"]) =>
  !Number.isFinite(value) ? "never" : unit === "usd" ? `$${value.toLocaleString("en-US", { maximumFractionDigits: value < 100 ? 2 : 0 })}` : Math.round(value).toLocaleString("en-US");

/** One bar per headline: its change in percent, labelled with both values; falls left of zero, rises right. */
export function thenAndNowMoves(moves: readonly HeadlineMove[], labels: { then: string; now: string }, provenance: Provenance): Figure {
  const rows = [...moves].reverse(); // Plotly draws the first category at the bottom: reverse to read top-down.
  const changes = rows.map((move) => percentChange(move) ?? 0);
  const trace: Trace = {
    type: "bar",
    orientation: "h",
    name: `${labels.now} against ${labels.then}`,
    y: rows.map((move) => `${move.group}<br>${move.name}`),
    x: changes,
    marker: { color: changes.map((change) => (change < 0 ? "#332288" : "#CC6677")) },
    text: rows.map((move) => `${amount(move.then, move.unit)} → ${amount(move.now, move.unit)}`),
    textposition: "auto",
    cliponaxis: false,
    customdata: rows.map((move) => [move.then, move.now]),
    hovertemplate: `%{y}<br>${labels.then}: %{customdata[0]:,.2f}<br>${labels.now}: %{customdata[1]:,.2f}<br>change %{x:+.1f}%<extra></extra>`,
  };
  return themedFigure([trace], {
    number: "59.11",
    title: `How the chapter's headlines moved, ${labels.then} to ${labels.now}`,
    provenance,
    xaxis: { title: `Change from ${labels.then} to ${labels.now} (%)`, tickformat: FORMAT.percent },
    yaxis: { title: "", type: "category" },
    layout: { showlegend: false, height: 140 + rows.length * 46, margin: { l: 20 } },
  });
}
