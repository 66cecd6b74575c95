/* Every table and every figure's data downloads as CSV, made in the page (works offline, from disk). */
import { FIGURE_SCRIPT_SELECTOR } from "../../util/figure-markup";
import { TABLE_SELECTOR } from "../../util/table-markup";
// No cell of a download is a live spreadsheet formula.
import { csvText } from "./csv";
import { BROWSER_WORDS } from "../../i18n/browser";
import { langOf } from "../../i18n/lang";

interface Trace {
  type?: string;
  name?: unknown;
  [key: string]: unknown;
}

interface Axis {
  title?: string | { text?: unknown };
}

interface Layout {
  xaxis?: Axis;
  yaxis?: Axis;
}

/** A plot as Plotly leaves it on its element once drawn. */
type DrawnPlot = HTMLElement & { data?: unknown; layout?: Layout };

function pageName(): string {
  const file = decodeURIComponent(location.pathname.split("/").pop() || "report");
  return file.replace(/\.html?$/, "") || "report";
}

function save(doc: Document, name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A table as its header row and body rows; numbers as their full value, not as the formatted text. */
function tableRows(table: HTMLTableElement): string[][] {
  return Array.from(table.rows, (row) =>
    Array.from(row.cells, (cell) => cell.getAttribute("data-value") ?? (cell.textContent ?? "").trim()),
  );
}

function values(trace: Trace, key: string): unknown[] | undefined {
  const value = trace[key];
  return Array.isArray(value) ? value : undefined;
}

/** An axis's title as plain text ("USD a month"), or undefined where the axis has none. */
function axisTitle(axis: Axis | undefined): string | undefined {
  const title = axis?.title;
  const text = typeof title === "string" ? title : title?.text;
  return text
    ? String(text)
        .replace(/<br\s*\/?>/g, " ")
        .replace(/<[^>]*>/g, "")
        .trim() || undefined
    : undefined;
}

/** A number as a spreadsheet should read it: twelve significant digits, without a float's noise. */
function clean(value: unknown): unknown {
  return typeof value === "number" && Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/**
 * A figure's traces in long form: one row per point (trace, x, y and, where drawn, base or text), or per cell
 * of a heatmap (trace, column, row, value).
 */
function figureRows(traces: Trace[], layout: Layout | undefined): unknown[][] {
  // The x and y columns are named by the figure's own axis titles, so a download says what its numbers are.
  const rows: unknown[][] = [["trace", axisTitle(layout?.xaxis) || "x", axisTitle(layout?.yaxis) || "y", "value", "label"]];
  traces.forEach((trace, index) => {
    const name = String(trace.name || `${trace.type} ${index + 1}`).replace(/<br>/g, " ");
    const x = values(trace, "x") ?? [];
    const y = values(trace, "y") ?? [];
    const z = values(trace, "z");
    if (z) {
      const cellText = values(trace, "text");
      z.forEach((row, r) => {
        (Array.isArray(row) ? row : [row]).forEach((value: unknown, c: number) => {
          const rowText = cellText?.[r];
          const label = Array.isArray(rowText) ? rowText[c] : "";
          rows.push([name, clean(x[c]), clean(y[r]), clean(value), label]);
        });
      });
      return;
    }
    const text = values(trace, "text") ?? [];
    const base = values(trace, "base");
    const count = Math.max(x.length, y.length);
    for (let i = 0; i < count; i++)
      rows.push([name, clean(x[i]), clean(y[i]), base ? clean(base[i]) : "", text[i] === undefined ? "" : text[i]]);
  });
  return rows;
}

/** A cell's text as a spreadsheet should read it: a plain number as a number ("1,000" and "$0.10" stay text). */
function cellValue(text: string): unknown {
  const trimmed = text.trim();
  return trimmed !== "" && /^-?\d+(\.\d+)?$/.test(trimmed) ? clean(Number(trimmed)) : trimmed;
}

/**
 * A what-if panel's scenario, ahead of its figure's rows: each input as the reader set it (the panel's printed
 * list, so a field the configuration does not use is left out) and the sentence it came to.
 */
function panelScenarioRows(panel: Element): unknown[][] {
  const inputs = Array.from(panel.querySelectorAll("dl.printed-inputs > dt"), (term) => [
    "input",
    (term.textContent ?? "").trim(),
    cellValue(term.nextElementSibling?.textContent ?? ""),
  ]);
  const result = (panel.querySelector(".result")?.textContent ?? "").trim();
  return [["what-if", "name", "value"], ...inputs, ...(result ? [["result", "", result]] : []), []];
}

/** The traces a plot shows now (Plotly keeps them on the element), or undefined before it is drawn. */
function drawnTraces(plot: DrawnPlot | null): Trace[] | undefined {
  return plot && Array.isArray(plot.data) ? (plot.data as Trace[]) : undefined;
}

/** A figure's data and layout as drawn, or from its spec when it is not drawn yet. */
function figureSpec(doc: Document, button: Element): { data: Trace[]; layout?: Layout } {
  const id = button.getAttribute("data-figure") ?? "";
  const plot = doc.getElementById(id) as DrawnPlot | null;
  const drawn = drawnTraces(plot);
  if (drawn) return { data: drawn, layout: plot?.layout };
  const script = doc.querySelector(`${FIGURE_SCRIPT_SELECTOR}[data-target="${id}"]`);
  return script ? (JSON.parse(script.textContent ?? "") as { data: Trace[]; layout?: Layout }) : { data: [], layout: {} };
}

/** A download button in its own line right after `element`. */
function addButtonAfter(element: Element, attribute: string, value: string, label: string, lineClass: string): void {
  const doc = element.ownerDocument;
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "download-csv";
  button.setAttribute(attribute, value);
  button.textContent = label;
  const line = doc.createElement("p");
  line.className = lineClass;
  line.appendChild(button);
  element.parentNode?.insertBefore(line, element.nextSibling);
}

const pageTables = (doc: Document) => doc.querySelectorAll<HTMLTableElement>(TABLE_SELECTOR);

/** Puts a download button under each table and each what-if panel (figures have theirs in the page's HTML). */
export function addDownloadButtons(doc: Document): void {
  const words = BROWSER_WORDS[langOf(doc.documentElement.lang)];
  pageTables(doc).forEach((table, index) => {
    addButtonAfter(table.closest(".output-html") ?? table, "data-table", String(index + 1), words.downloadTable, "table-tools");
  });
  doc.querySelectorAll(".whatif[id]").forEach((panel) => {
    // A panel showing the notebook's numbered figure downloads through that figure's own button.
    const figureButton = panel.querySelector("figure.plotly-figure button.download-csv");
    if (figureButton) figureButton.setAttribute("data-panel", panel.id);
    else addButtonAfter(panel, "data-panel", panel.id, words.downloadWhatIf, "figure-tools");
  });
}

/** Saves the CSV a clicked download button stands for. */
export function saveDownloadOnClick(doc: Document): void {
  doc.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button.download-csv") : null;
    if (!button) return;
    if (button.hasAttribute("data-table")) {
      const index = Number(button.getAttribute("data-table"));
      const table = pageTables(doc)[index - 1];
      if (table) save(doc, `${pageName()}-table-${index}.csv`, csvText(tableRows(table)));
    } else if (button.hasAttribute("data-panel")) {
      // A what-if panel's figure follows the reader's inputs, so it is read from the plot as last drawn.
      const panel = doc.getElementById(button.getAttribute("data-panel") ?? "");
      const plot = panel?.querySelector<DrawnPlot>(".plot") ?? null;
      const scenario = panel ? panelScenarioRows(panel) : [];
      save(
        doc,
        `${pageName()}-${button.getAttribute("data-panel")}.csv`,
        csvText([...scenario, ...figureRows(drawnTraces(plot) ?? [], plot?.layout)]),
      );
    } else {
      const figure = button.closest("figure");
      const spec = figureSpec(doc, button);
      save(doc, `${figure?.id ? figure.id : `${pageName()}-figure`}.csv`, csvText(figureRows(spec.data, spec.layout)));
    }
  });
}
