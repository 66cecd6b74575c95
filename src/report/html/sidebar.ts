/**
 * The report's contents beside the page on a wide screen: every page in reading order, the current one marked and
 * opened to its sections ("On this page"). The stylesheet shows it only on a wide screen, never on paper; the page's
 * script marks the section being read (browser/contents.ts).
 */
import { escapeHtml } from "../../util/html";
import type { Heading } from "./markdown";
import type { PageLink } from "./pager";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { PAGE_WORDS } from "../../i18n/page";

export interface SidebarOptions {
  /** The report's pages in reading order. */
  pages: readonly PageLink[];
  /** This page's href; absent (or not in `pages`) on the index. */
  current?: string;
  /** This page's headings: its sections (level 2) are listed under it. */
  headings?: readonly Heading[];
  /** The index's href and what the list is called. */
  index: PageLink;
  /** The language of the publisher's words. Default English. */
  lang?: Lang;
}

function sections(headings: readonly Heading[], lang: Lang): string {
  const items = headings.filter((heading) => heading.level === 2);
  if (items.length === 0) return "";
  return `<ol class="on-this-page" aria-label="${PAGE_WORDS[lang].onThisPage}">${items
    .map((heading) => `<li><a href="#${escapeHtml(heading.id)}">${escapeHtml(heading.text)}</a></li>`)
    .join("")}</ol>`;
}

export function renderSidebar(options: SidebarOptions): string {
  const onIndex = !options.pages.some((page) => page.href === options.current);
  const pages = options.pages
    .map((page) =>
      page.href === options.current
        ? `<li class="current"><a href="${escapeHtml(page.href)}" aria-current="page">${escapeHtml(page.title)}</a>${sections(options.headings ?? [], options.lang ?? DEFAULT_LANG)}</li>`
        : `<li><a href="${escapeHtml(page.href)}">${escapeHtml(page.title)}</a></li>`,
    )
    .join("");
  const index = `<a class="sidebar-index" href="${escapeHtml(options.index.href)}"${onIndex ? ' aria-current="page"' : ""}>${escapeHtml(options.index.title)}</a>`;
  return `<nav class="sidebar" aria-label="${PAGE_WORDS[options.lang ?? DEFAULT_LANG].contentsLabel}">${index}<ol class="sidebar-pages">${pages}</ol></nav>`;
}
