/** The page's Plotly figures and what-if panels as items to draw, each from the script that declares it. No network. */
import { FIGURE_SCRIPT_SELECTOR, PANEL_SCRIPT_SELECTOR } from "../../util/figure-markup";
import type { DrawItem } from "./draw-order";
import { fitFigure, type FigureLike } from "./fit";
import { langOf } from "../../i18n/lang";
import { pagePlotly, plotConfig, type PlotlyApi } from "./plotly";
import { startPanel } from "./whatif";

// Index thumbnails are links to their pages, not charts to explore: static plots draw faster.
const THUMBNAIL_CONFIG = { responsive: true, staticPlot: true };

function figureItem(script: HTMLScriptElement, target: HTMLElement, win: Window, plotly: () => PlotlyApi): DrawItem {
  return {
    element: target,
    draw: () => {
      let figure = JSON.parse(script.textContent ?? "") as FigureLike;
      const lang = langOf(target.ownerDocument.documentElement.lang);
      const thumbnail = Boolean(target.closest(".card"));
      // A figure whose page prints its number and title above it leaves them out of the plot.
      const captioned = Boolean(target.parentElement?.querySelector("figcaption"));
      // A figure from a notebook other than roilab's may have no layout at all.
      const height = figure.layout?.height;
      if (!thumbnail) figure = fitFigure(figure, win.innerWidth, { titleInPage: captioned, lang });
      // A figure fitted taller for a narrow screen takes a box as tall, so it does not run into what follows.
      const fitted = figure.layout?.height;
      if (fitted && fitted !== height) target.style.height = `${Math.round(Number(fitted))}px`;
      return plotly().newPlot(target, figure.data, figure.layout, thumbnail ? THUMBNAIL_CONFIG : plotConfig(lang));
    },
  };
}

function panelItem(script: HTMLScriptElement, target: HTMLElement, doc: Document, plotly: () => PlotlyApi): DrawItem {
  return { element: target, draw: () => startPanel(doc, script, plotly()) };
}

export interface PageItems {
  items: DrawItem[];
  /** How many figure scripts the page has (drawn or not), for `data-figures-drawn`. */
  figureCount: number;
}

/**
 * Each figure and what-if panel of `doc` whose element is on the page, figures first, drawn with `plotly` (the page's
 * Plotly by default; the page's script passes one that follows the reader's colour scheme).
 */
export function pageItems(doc: Document, win: Window, plotly: () => PlotlyApi = pagePlotly): PageItems {
  const figures = [...doc.querySelectorAll<HTMLScriptElement>(FIGURE_SCRIPT_SELECTOR)];
  const panels = [...doc.querySelectorAll<HTMLScriptElement>(PANEL_SCRIPT_SELECTOR)];
  const drawable = (scripts: HTMLScriptElement[], item: (script: HTMLScriptElement, target: HTMLElement) => DrawItem) =>
    scripts.flatMap((script) => {
      const target = doc.getElementById(script.getAttribute("data-target") ?? "");
      return target ? [item(script, target)] : [];
    });
  // A figure inside a what-if panel is the notebook's drawing of the panel's defaults: the panel draws it, live.
  const panelDrawn = (script: HTMLScriptElement) =>
    Boolean(doc.getElementById(script.getAttribute("data-target") ?? "")?.closest(".whatif"));
  const items = [
    ...drawable(
      figures.filter((script) => !panelDrawn(script)),
      (script, target) => figureItem(script, target, win, plotly),
    ),
    ...drawable(panels, (script, target) => panelItem(script, target, doc, plotly)),
  ];
  return { items, figureCount: figures.length };
}
