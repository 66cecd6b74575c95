/** Previous and next links at the foot of a section page, in the chapter's order, as a book reads. */
import { escapeHtml } from "../../util/html";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { PAGE_WORDS } from "../../i18n/page";

export interface PageLink {
  href: string;
  title: string;
}

export function renderPager(previous: PageLink | undefined, next: PageLink | undefined, lang: Lang = DEFAULT_LANG): string {
  if (!previous && !next) return "";
  const words = PAGE_WORDS[lang];
  const link = (page: PageLink, rel: "prev" | "next", label: string) =>
    `<a class="${rel === "prev" ? "previous" : "next"}" rel="${rel}" href="${escapeHtml(page.href)}"><span>${label}</span>${escapeHtml(page.title)}</a>`;
  return `<nav class="pager" aria-label="${words.pagerLabel}">${previous ? link(previous, "prev", words.previous) : ""}${next ? link(next, "next", words.next) : ""}</nav>`;
}

/** The neighbours of `href` in `pages` (already in reading order). */
export function neighbours(pages: readonly PageLink[], href: string): { previous?: PageLink; next?: PageLink } {
  const index = pages.findIndex((page) => page.href === href);
  if (index < 0) return {};
  return { previous: pages[index - 1], next: pages[index + 1] };
}
