/**
 * The markup a page draws a Plotly figure or a live panel from: the box and the figure's (or panel's) JSON in a
 * script the page's script finds by its class. Every page that shows one writes it here, so the page's script and
 * the pages agree on it.
 */
import { escapeHtml, scriptJson } from "./html";

const FIGURE_CLASS = "roilab-figure";

/** What the page's script looks for: a figure's JSON, naming the plot it draws into in `data-target`. */
export const FIGURE_SCRIPT_SELECTOR = `script.${FIGURE_CLASS}`;

export interface FigureMarkupOptions {
  /** What the plot shows, for screen readers (the figure's title); a plot without one is left unnamed. */
  label?: string;
  /** Height of the plot's box in px, for a figure that sets its own, so it never paints over what follows. */
  heightPx?: number;
}

/** The plot's box, with id `id`, and `figure` as JSON for the page to draw into it. */
export function figureMarkup(id: string, figure: unknown, options: FigureMarkupOptions = {}): string {
  const height = options.heightPx !== undefined ? ` style="height:${Math.round(options.heightPx)}px"` : "";
  const label = options.label !== undefined ? ` role="img" aria-label="${escapeHtml(options.label)}"` : "";
  return `<div class="plot" id="${escapeHtml(id)}"${height}${label}></div><script type="application/json" class="${FIGURE_CLASS}" data-target="${escapeHtml(id)}">${scriptJson(figure)}</script>`;
}

const PANEL_CLASS = "roilab-whatif";

/** What the page's script looks for: a live panel's spec, naming the box it is drawn in in `data-target`. */
export const PANEL_SCRIPT_SELECTOR = `script.${PANEL_CLASS}`;

/** A live panel's box, with id `id`, holding `inner`, and its spec as JSON for the page to draw it from. */
export function panelMarkup(id: string, spec: unknown, inner = ""): string {
  return `<div class="whatif" id="${escapeHtml(id)}">${inner}</div><script type="application/json" class="${PANEL_CLASS}" data-target="${escapeHtml(id)}">${scriptJson(spec)}</script>`;
}
