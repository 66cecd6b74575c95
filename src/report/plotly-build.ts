/** Which Plotly build a set of reports needs: the slim one unless a figure uses a trace type it leaves out. */

/** Trace types in the slim build (src/report/browser/plotly-bundle.js). */
const SLIM_TRACE_TYPES: readonly string[] = ["scatter", "bar", "heatmap"];

export interface PlotlyChoice {
  /** File in dist/assets to publish as assets/plotly.min.js. */
  file: "plotly.min.js" | "plotly-full.min.js";
  /** Trace types that made the full build necessary. */
  missing: string[];
}

/** Trace types of the Plotly figures in a notebook's outputs. */
export function traceTypes(figures: readonly unknown[]): string[] {
  return figures.flatMap((figure) => ((figure as { data?: { type?: string }[] }).data ?? []).map((trace) => trace.type ?? "scatter"));
}

export function choosePlotlyBuild(types: readonly string[]): PlotlyChoice {
  const missing = [...new Set(types.filter((type) => !SLIM_TRACE_TYPES.includes(type)))].sort();
  return { file: missing.length ? "plotly-full.min.js" : "plotly.min.js", missing };
}
