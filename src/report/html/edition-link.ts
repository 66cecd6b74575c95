/**
 * An edition as a reader names it: "China, November 2026" or "中国版 · 2026年11月", not its folder, which stays
 * beside it as the link's title for whoever wants to re-run it.
 */
import { editionDate, editionRegion } from "../../util/edition-date";
import { escapeHtml } from "../../util/html";
import { PAGE_WORDS } from "../../i18n/page";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";

/** The edition's title in the page's language, from its folder's name (`data/2026-11-cn`). */
export function editionTitle(dataFolder: string, lang: Lang = DEFAULT_LANG): string {
  const date = editionDate(dataFolder);
  const [year, month] = (date ?? "").split("-").map(Number);
  return PAGE_WORDS[lang].editionTitle(year && month ? { year, month } : undefined, editionRegion(dataFolder));
}

/** A link to an edition's page, titled as a reader names the edition. */
export function editionLink(edition: { href: string; dataFolder: string }, lang: Lang = DEFAULT_LANG): string {
  return `<a href="${escapeHtml(edition.href)}" title="${escapeHtml(edition.dataFolder)}">${escapeHtml(editionTitle(edition.dataFolder, lang))}</a>`;
}
