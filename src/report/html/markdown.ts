/** Markdown for reports: raw HTML in markdown is escaped (data and outputs never inject markup); headings get anchors. */
import MarkdownIt from "markdown-it";
import { escapeHtml } from "../../util/html";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { PAGE_WORDS } from "../../i18n/page";

export interface Heading {
  level: number;
  text: string;
  id: string;
}

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{Letter}\p{Number}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The text of each heading of a markdown source, in order. */
function headingTexts(source: string): string[] {
  const tokens = markdown.parse(source, {});
  return tokens.flatMap((token, index) => (token.type === "heading_open" ? [tokens[index + 1]?.content ?? ""] : []));
}

/**
 * Renders markdown; headings get unique ids (recorded in `headings`) for anchors and a table of contents, and a link
 * to themselves named in `lang`. With `anchorSource` (the text a translation translates), the n-th heading's id comes from that text's n-th heading.
 */
export function renderMarkdown(
  source: string,
  headings: Heading[] = [],
  usedIds: Set<string> = new Set(),
  lang: Lang = DEFAULT_LANG,
  anchorSource?: string,
): string {
  const tokens = markdown.parse(source, {});
  const anchorTexts = anchorSource === undefined ? [] : headingTexts(anchorSource);
  let headingIndex = 0;
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const text = tokens[index + 1]?.content ?? "";
    const base = slugify(anchorTexts[headingIndex++] ?? text);
    let id = base;
    for (let suffix = 2; usedIds.has(id); suffix++) id = `${base}-${suffix}`;
    usedIds.add(id);
    token.attrSet("id", id);
    headings.push({ level: Number(token.tag.slice(1)), text, id });
  });
  // Each heading ends with a link to itself, shown on hover and focus, so a reader can copy where they are.
  return markdown.renderer
    .render(tokens, markdown.options, {})
    .replace(
      /<h([1-6]) id="([^"]+)">([\s\S]*?)<\/h\1>/g,
      (_, level: string, id: string, inner: string) =>
        `<h${level} id="${id}">${inner}<a class="anchor" href="#${id}" aria-label="${PAGE_WORDS[lang].linkToSection}">#</a></h${level}>`,
    );
}

/** A numbered table of contents of the sections (level-2 headings); the page title above it is not one of them. */
export function tableOfContents(headings: readonly Heading[], lang: Lang = DEFAULT_LANG): string {
  const words = PAGE_WORDS[lang];
  const items = headings.filter((heading) => heading.level === 2);
  if (items.length < 2) return "";
  return `<nav class="toc" aria-label="${words.contents}"><p class="toc-title">${words.contents}</p><ol>${items.map((heading) => `<li><a href="#${heading.id}">${escapeHtml(heading.text)}</a></li>`).join("")}</ol></nav>`;
}
