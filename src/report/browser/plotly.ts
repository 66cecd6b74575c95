/**
 * Plotly as the page's script uses it. Plotly is its own asset (the slim or the complete build, chosen per report),
 * loaded before the page's script as the global `Plotly`: the one global the page's script reads.
 */
export interface PlotlyApi {
  newPlot(element: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
  react(element: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
}

declare const Plotly: PlotlyApi;

/** The page's Plotly, read when a figure is drawn: a page without figures draws without it. */
export function pagePlotly(): PlotlyApi {
  return Plotly;
}

// No "share" button: it sends the figure to a web service, which an offline page must not offer.
export const PLOT_CONFIG = {
  responsive: true,
  displaylogo: false,
  showSendToCloud: false,
  modeBarButtonsToRemove: ["sendDataToCloud", "sendChartToCloud"],
};
