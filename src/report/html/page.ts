/** The page around a report: head, header, footer with provenance, and the shared or inlined assets. */
import { escapeHtml } from "../../util/html";
import type { DataFileRecord } from "../../notebook/data-folder";
import type { SoftwareVersions } from "../provenance";
import { readableTime } from "./time";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { PAGE_WORDS } from "../../i18n/page";
import { editionLink, editionTitle } from "./edition-link";

export interface PageAssets {
  /** Relative URLs of the shared assets, or their contents for a single-file report. */
  mode: "shared" | "inline";
  css: string;
  scripts: string[];
}

/** What a report calls itself, in every page's header and on its index: the caller's words, not the publisher's. */
export interface SiteText {
  /** The site's name, linking every page to its index. */
  name: string;
  /** A line beside the name. */
  tagline: string;
  /** The index's title and the PDF's. */
  title: string;
  /** The index's heading. */
  heading: string;
  /** What was re-run, opening the index's first sentence ("… re-run on data/2026-11"). */
  about: string;
}

/** A publisher's own words, for callers that name nothing. */
export const PLAIN_SITE: SiteText = {
  name: "Report",
  tagline: "Notebooks, run and published",
  title: "Report",
  heading: "Report",
  about: "These notebooks",
};

/** The publisher's own words for callers that name nothing, in each language. */
export const PLAIN_SITES: Readonly<Record<Lang, SiteText>> = {
  en: PLAIN_SITE,
  "zh-CN": { name: "报告", tagline: "笔记本的运行结果", title: "报告", heading: "报告", about: "这些笔记本" },
};

export interface PageOptions {
  title: string;
  site: Pick<SiteText, "name" | "tagline">;
  body: string;
  assets: PageAssets;
  footer: string;
  /** Link back to the index; absent on the index itself. */
  indexHref?: string;
  /** The editions of the report this page belongs to, when there is more than one. */
  editions?: EditionSwitch;
  /** The report's contents, shown beside the page on a wide screen (html/sidebar.ts). */
  sidebar?: string;
  /** The language of the publisher's words, and the page's `<html lang>`. Default English. */
  lang?: Lang;
}

/** This page's edition and a link to each other one: to the same page there where it has one, else to its index. */
export interface EditionSwitch {
  /** This page's data folder. */
  current: string;
  others: { href: string; dataFolder: string }[];
}

function renderEditionSwitch(editions: EditionSwitch | undefined, lang: Lang): string {
  if (!editions?.others.length) return "";
  const words = PAGE_WORDS[lang];
  const others = editions.others.map((edition) => editionLink(edition, lang)).join(words.editionSeparator);
  return `<nav class="edition-switch" aria-label="${words.editionsLabel}">${words.dataEdition} <strong aria-current="page" title="${escapeHtml(editions.current)}">${escapeHtml(editionTitle(editions.current, lang))}</strong>${words.editionSeparator}${others}</nav>`;
}

function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/script/gi, "<\\/script")}</script>`;
}

export function renderPage(options: PageOptions): string {
  const { assets } = options;
  const lang = options.lang ?? DEFAULT_LANG;
  const css = assets.mode === "shared" ? `<link rel="stylesheet" href="${assets.css}">` : `<style>${assets.css}</style>`;
  const scripts = assets.scripts
    .map((script) => (assets.mode === "shared" ? `<script src="${script}"></script>` : inlineScript(script)))
    .join("\n");
  return `<!doctype html>
<html lang="${PAGE_WORDS[lang].htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="roilab">
<title>${escapeHtml(options.title)}</title>
${css}
</head>
<body>
<header class="site"><a href="${options.indexHref ?? "index.html"}">${escapeHtml(options.site.name)}</a><span>${escapeHtml(options.site.tagline)}</span>${renderEditionSwitch(options.editions, lang)}</header>
${options.sidebar ?? ""}<main class="report">
${options.body}
</main>
${options.footer}
${scripts}
</body>
</html>
`;
}

export interface FooterOptions {
  data: DataFileRecord[];
  parameters: Record<string, unknown>;
  versions: SoftwareVersions;
  builtAt: string;
  /** The language of the footer's words. Default English. */
  lang?: Lang;
}

export function renderFooter(options: FooterOptions): string {
  const words = PAGE_WORDS[options.lang ?? DEFAULT_LANG];
  const files = options.data
    .map(
      (file) =>
        `<tr><td>${escapeHtml(file.name)}</td><td>${escapeHtml(file.asOf ? words.date(file.asOf) : "")}</td><td><code>${file.sha256}</code></td></tr>`,
    )
    .join("");
  const parameters = Object.keys(options.parameters).length ? escapeHtml(JSON.stringify(options.parameters)) : words.defaultParameters;
  const { roilab, tslab, packages, node } = options.versions;
  const recorded = packages
    .map((item) => words.recordedPackage(escapeHtml(item.label), escapeHtml(`${item.name} ${item.version}`)))
    .join("");
  const built = words.builtBy({
    time: escapeHtml(readableTime(options.builtAt, options.lang)),
    roilab: escapeHtml(roilab),
    tslab: escapeHtml(tslab),
    node: escapeHtml(node),
    recorded,
  });
  return `<footer class="provenance">
<p>${built}${words.parameters(parameters)}</p>
${files ? `<table><thead><tr><th>${words.dataFileHeader}</th><th>${words.asOfHeader}</th><th>${words.sha256Header}</th></tr></thead><tbody>${files}</tbody></table>` : ""}
</footer>`;
}
