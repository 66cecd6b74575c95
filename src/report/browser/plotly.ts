import plotlyZhCn from "plotly.js/lib/locales/zh-cn";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";

/**
 * Plotly as the page's script uses it. Plotly is its own asset (the slim or the complete build, chosen per report),
 * loaded before the page's script as the global `Plotly`: the one global the page's script reads.
 */
export interface PlotlyApi {
  newPlot(element: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
  react(element: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
  /** Adds a module: here a locale, Plotly's own words in another language. */
  register?(module: unknown): void;
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

/** Plotly's translations of its own words (the mode bar's buttons), bundled so an offline page has them. */
const PLOTLY_LOCALES: Readonly<Partial<Record<Lang, unknown>>> = { "zh-CN": plotlyZhCn };

/**
 * PLOT_CONFIG in the page's language: Plotly's mode bar speaks it too, its locale registered on the page's Plotly
 * (not on a wrapper that draws through it, which has no registry).
 */
export function plotConfig(lang: Lang): typeof PLOT_CONFIG & { locale?: string } {
  const locale = PLOTLY_LOCALES[lang];
  if (lang === DEFAULT_LANG || locale === undefined) return PLOT_CONFIG;
  // Registering a locale twice replaces it with itself.
  pagePlotly().register?.(locale);
  return { ...PLOT_CONFIG, locale: lang };
}
