/**
 * The script of every report page (its one entry): draws the figures and what-if panels, adds the CSV downloads
 * and fits the figures to paper when printing, each started here in this order. No network.
 */
import { addDownloadButtons, saveDownloadOnClick } from "./downloads";
import { drawInOrder } from "./draw-order";
import { pageItems } from "./figures";
import { printFit } from "./print";

function start(): void {
  const root = document.documentElement;
  // First screen first, the rest as they scroll near or the browser idles, all before printing.
  const { items, figureCount } = pageItems(document, window);
  const order = drawInOrder(items, window);
  void order.firstScreen.then(() => root.setAttribute("data-first-screen-drawn", String(order.firstScreenCount)));
  void order.all.then(() => root.setAttribute("data-figures-drawn", String(figureCount)));
  addDownloadButtons(document);
  saveDownloadOnClick(document);
  // Printing draws what is left, then fits every figure to the paper: one listener, so the order is this one.
  const paper = printFit(document);
  window.addEventListener("beforeprint", () => {
    order.drawRest();
    paper.fit();
  });
  window.addEventListener("afterprint", paper.unfit);
  // Print preview and print media without a print event lay out every page at once too.
  window.matchMedia?.("print").addEventListener?.("change", (query) => query.matches && order.drawRest());
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
