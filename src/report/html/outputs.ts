/** Renders a cell's outputs by MIME type, richest first, as Jupyter front ends do. */
import { escapeHtml } from "../../util/html";
import { figureMarkup, panelMarkup } from "../../util/figure-markup";
import { PANEL_DEFAULT_METADATA, PLOTLY_MIME } from "../../util/mime";
import { isBase64, outputHtml } from "./sanitize";
import type { CellOutput } from "../../notebook/nbformat";
import { renderMarkdown, type Heading } from "./markdown";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { PAGE_WORDS } from "../../i18n/page";

export interface RenderContext {
  /** Figures found so far, for stable element ids. */
  figureCount: number;
  headings: Heading[];
  usedIds: Set<string>;
  /** Cell number (1-based, as in the notebook) of the cell being rendered. */
  cellNumber: number;
  /** Insert `text/html` outputs as they are instead of sanitising them (see sanitize.ts). */
  trustHtml?: boolean;
  /** MIME types the page draws as live what-if panels (see NotebookRenderOptions). */
  panelMimeTypes?: readonly string[];
  /** The language of the publisher's words around the outputs. Default English. */
  lang?: Lang;
}

/** A figure's number in its title, `59.3b` in `Figure 59.3b — …` (or in a Chinese title's `图 59.3b — …`). */
const FIGURE_NUMBER = /^(?:Figure |图 ?)([^ ]+) —/;

/** `Figure 59.3b — …` gives `figure-59-3b`, the id a link to the figure uses. */
function figureAnchor(title: string): string | undefined {
  const number = FIGURE_NUMBER.exec(title)?.[1];
  return number === undefined
    ? undefined
    : `figure-${number
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")}`;
}

function uniqueId(id: string, usedIds: Set<string>): string {
  let unique = id;
  for (let suffix = 2; usedIds.has(unique); suffix++) unique = `${id}-${suffix}`;
  usedIds.add(unique);
  return unique;
}

/**
 * The figure's number and title as page text above the plot: it wraps on a phone, and the number links to the
 * figure. The publisher writes the number's word in the page's language (`Figure 59.3b`, `图 59.3b`).
 */
function figureCaption(title: string, anchor: string, lang: Lang): string {
  const [label, ...rest] = title.split(" — ");
  const number = label?.startsWith("Figure ") ? label.slice("Figure ".length) : label?.startsWith("图") ? label.slice(1).trim() : undefined;
  if (rest.length === 0 || number === undefined) return `<figcaption>${escapeHtml(title)}</figcaption>`;
  return `<figcaption><a class="figure-number" href="#${anchor}">${escapeHtml(PAGE_WORDS[lang].figureNumber(number))}</a> — ${escapeHtml(rest.join(" — "))}</figcaption>`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal colour codes a kernel's error text carries
const ANSI = /\u001b\[[0-9;]*m/g;
const text = (value: unknown) => (Array.isArray(value) ? value.join("") : String(value ?? ""));

function renderData(data: Record<string, unknown>, context: RenderContext): string {
  const words = PAGE_WORDS[context.lang ?? DEFAULT_LANG];
  const panel = context.panelMimeTypes?.find((type) => data[type]);
  if (panel) return renderPanel(data[panel], "", context);
  if (data[PLOTLY_MIME]) {
    // The plot's own id, apart from the figure's anchor (`figure-59-3b`, or `figure-1` for "Figure 1").
    const id = `plot-${++context.figureCount}`;
    const figure = data[PLOTLY_MIME] as { layout?: { title?: { text?: string }; height?: unknown } };
    const title = figure.layout?.title?.text ?? words.figure;
    // A figure that sets its own height (one bar per row) gets a box that tall, so it never paints over what follows.
    const heightPx = typeof figure.layout?.height === "number" && figure.layout.height > 0 ? figure.layout.height : undefined;
    const plot = figureMarkup(id, figure, { label: title, heightPx });
    const anchor = uniqueId(figureAnchor(title) ?? id, context.usedIds);
    return `<figure class="plotly-figure" id="${anchor}">${figureCaption(title, anchor, context.lang ?? DEFAULT_LANG)}${plot}<p class="figure-tools"><button type="button" class="download-csv" data-figure="${id}">${words.downloadFigureData}</button></p></figure>`;
  }
  if (data["text/html"] !== undefined)
    return `<div class="output-html">${outputHtml(text(data["text/html"]), context.trustHtml ?? false)}</div>`;
  if (data["image/svg+xml"] !== undefined)
    return `<img class="output-image" alt="" src="data:image/svg+xml;base64,${Buffer.from(text(data["image/svg+xml"])).toString("base64")}">`;
  for (const type of ["image/png", "image/jpeg"]) {
    if (data[type] === undefined) continue;
    const image = text(data[type]).replace(/\s+/g, "");
    return isBase64(image)
      ? `<img class="output-image" alt="" src="data:${type};base64,${image}">`
      : `<p class="output-error">${words.notBase64(escapeHtml(type))}</p>`;
  }
  if (data["text/markdown"] !== undefined)
    return `<div class="output-markdown">${renderMarkdown(text(data["text/markdown"]), context.headings, context.usedIds, context.lang)}</div>`;
  if (data["text/plain"] !== undefined) return `<pre class="output-text">${escapeHtml(text(data["text/plain"]))}</pre>`;
  return "";
}

/**
 * A live panel's box and its spec, holding `inner`: the outputs the notebook showed as the panel's defaults. Its id
 * names its kind (`whatif-break-even`), so a link that keeps a reader's inputs stays good as figures come and go.
 */
function renderPanel(spec: unknown, inner: string, context: RenderContext): string {
  context.figureCount++;
  const kind = (spec as { kind?: unknown }).kind;
  const id = uniqueId(`whatif-${typeof kind === "string" ? kind.replace(/[^a-z0-9-]+/gi, "-").toLowerCase() : "panel"}`, context.usedIds);
  return panelMarkup(id, spec, inner);
}

const isPanelDefault = (output: CellOutput) =>
  (output.output_type === "display_data" || output.output_type === "execute_result") && output.metadata?.[PANEL_DEFAULT_METADATA] === true;

/**
 * A cell's outputs in order, except that outputs marked as a panel's defaults go inside the panel that follows them,
 * so the page shows the notebook's summary and figure once, as the panel's own, redrawn as the reader changes it.
 * Marked outputs with no panel after them (a page published without panels) show where they are.
 */
export function renderOutputs(outputs: readonly CellOutput[], context: RenderContext): string[] {
  const panelOf = (output: CellOutput) => {
    const data = output.output_type === "display_data" || output.output_type === "execute_result" ? output.data : undefined;
    const type = data && context.panelMimeTypes?.find((candidate) => data[candidate]);
    return type && data ? { spec: data[type] } : undefined;
  };
  const rendered: string[] = [];
  let held: string[] = [];
  outputs.forEach((output, index) => {
    const panel = panelOf(output);
    if (panel) {
      rendered.push(renderPanel(panel.spec, held.join("\n"), context));
      held = [];
    } else if (isPanelDefault(output) && outputs.slice(index + 1).some((later) => panelOf(later))) held.push(renderOutput(output, context));
    else rendered.push(renderOutput(output, context));
  });
  return rendered.filter(Boolean);
}

export function renderOutput(output: CellOutput, context: RenderContext): string {
  switch (output.output_type) {
    case "stream":
      return `<pre class="output-stream ${output.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(text(output.text).replace(ANSI, ""))}</pre>`;
    case "display_data":
    case "execute_result":
      return renderData(output.data, context);
    case "error":
      return `<div class="output-error" role="alert"><p><strong>${PAGE_WORDS[context.lang ?? DEFAULT_LANG].cellFailed(context.cellNumber, escapeHtml(output.ename))}</strong>: ${escapeHtml(output.evalue)}</p><pre>${escapeHtml(output.traceback.join("\n").replace(ANSI, ""))}</pre></div>`;
  }
}
