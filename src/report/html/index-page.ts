/** The index of a report build: what it is, when it was built, how old its prices are, and a card per section. */
import { escapeHtml } from "../../util/html";
import type { DataFileRecord } from "../../notebook/data-folder";
import { renderMarkdown } from "./markdown";
import { figureMarkup } from "../../util/figure-markup";
import { readableTime } from "./time";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { PAGE_WORDS } from "../../i18n/page";
import { editionLink } from "./edition-link";

export interface IndexCard {
  href: string;
  title: string;
  headline: string | undefined;
  figure: unknown;
  failed: boolean;
}

/** Another edition of the same report: a build of other data, in a folder below, above or beside this one. */
export interface EditionLink {
  /** Its index, relative to this build's folder. */
  href: string;
  /** The data folder it was built from, e.g. `data/2026-11`: how a reader tells the editions apart. */
  dataFolder: string;
}

export interface IndexOptions {
  cards: IndexCard[];
  builtAt: string;
  asOf: DataFileRecord[];
  /** The data folder this build read, recorded on the page so another edition's build can name it. */
  dataFolder: string;
  editions?: EditionLink[];
  heading: string;
  /** What was re-run, opening the first sentence. */
  about: string;
  /** The language of the publisher's words. Default English. */
  lang?: Lang;
}

/** The attribute an index page carries its data folder in; another edition's build reads it back. */
export const EDITION_ATTRIBUTE = "data-roilab-data";

/**
 * Shrinks a figure for a card: no legend, no title, tight margins. The card sets the height, and
 * horizontal bar charts lose their long category labels, which would leave no room for the bars.
 */
function thumbnail(figure: unknown): unknown {
  const spec = figure as { data: Array<{ orientation?: string }>; layout: Record<string, unknown> };
  const horizontal = spec.data.some((trace) => trace.orientation === "h");
  return {
    // A card is too small for a heatmap's values: its colours give the picture, the page gives the numbers.
    data: spec.data.map((trace) => ((trace as { type?: string }).type === "heatmap" ? { ...trace, texttemplate: "" } : trace)),
    layout: {
      ...spec.layout,
      height: undefined,
      showlegend: false,
      annotations: [],
      margin: { l: horizontal ? 10 : 50, r: 10, t: 12, b: 40 },
      // The card's heading names the section; a figure title squeezed into a card would only be cut.
      title: { text: "" },
      xaxis: { ...(spec.layout.xaxis as object), title: { text: "" }, showticklabels: false },
      yaxis: { ...(spec.layout.yaxis as object), title: { text: "" }, ...(horizontal ? { showticklabels: false } : {}) },
    },
  };
}

export function renderIndex(options: IndexOptions): string {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = PAGE_WORDS[lang];
  const dates = [...new Map(options.asOf.map((record) => [record.name, record.asOf])).entries()]
    .map(([name, asOf]) => words.fileAsOf(escapeHtml(name), escapeHtml(asOf ?? "")))
    .join(words.listSeparator);
  const cards = options.cards
    .map((card, index) => {
      const plot = card.figure ? figureMarkup(`card-figure-${index}`, thumbnail(card.figure)) : "";
      return `<article class="card"><h2><a href="${escapeHtml(card.href)}">${escapeHtml(card.title)}</a></h2>${card.failed ? `<p class="output-error">${words.notebookFailed}</p>` : ""}${card.headline ? `<div class="headline">${renderMarkdown(card.headline, [], new Set(), lang)}</div>` : ""}${plot}</article>`;
    })
    .join("\n");
  const editions = options.editions?.length
    ? `<nav class="editions" aria-label="${words.otherEditionsLabel}"><p>${words.otherEditions(options.editions.map((edition) => editionLink(edition, lang)))}</p></nav>`
    : "";
  return `<h1>${escapeHtml(options.heading)}</h1>
<p ${EDITION_ATTRIBUTE}="${escapeHtml(options.dataFolder)}">${words.reRunOn(escapeHtml(options.about), escapeHtml(options.dataFolder), escapeHtml(readableTime(options.builtAt, lang)), dates)}</p>
${editions}
<div class="cards">
${cards}
</div>`;
}
