/**
 * The script of every report page (its one entry): draws the figures and what-if panels in the reader's colour
 * scheme, adds the CSV downloads, marks the section being read in the contents and fits the figures to paper (light)
 * when printing, each started here in this order. No network.
 */
import { followColorScheme } from "./color-scheme";
import { markCurrentSection } from "./contents";
import { addDownloadButtons, saveDownloadOnClick } from "./downloads";
import { drawInOrder } from "./draw-order";
import { pageItems } from "./figures";
import { pagePlotly } from "./plotly";
import { printFit } from "./print";

function start(): void {
  const root = document.documentElement;
  // First screen first, the rest as they scroll near or the browser idles, all before printing.
  const scheme = followColorScheme(window, pagePlotly);
  const { items, figureCount } = pageItems(document, window, () => scheme.plotly);
  const order = drawInOrder(items, window);
  void order.firstScreen.then(() => root.setAttribute("data-first-screen-drawn", String(order.firstScreenCount)));
  void order.all.then(() => root.setAttribute("data-figures-drawn", String(figureCount)));
  addDownloadButtons(document);
  saveDownloadOnClick(document);
  markCurrentSection(document, window);
  // Printing draws what is left, then fits every figure to the paper: one listener, so the order is this one.
  const paper = printFit(document);
  // Paper is light whatever the screen's scheme: the figures are drawn light before they are fitted.
  window.addEventListener("beforeprint", () => {
    scheme.printing(true);
    order.drawRest();
    paper.fit();
  });
  window.addEventListener("afterprint", () => {
    paper.unfit();
    scheme.printing(false);
  });
  // Print preview and print media without a print event lay out every page at once too.
  window.matchMedia?.("print").addEventListener?.("change", (query) => query.matches && order.drawRest());
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
