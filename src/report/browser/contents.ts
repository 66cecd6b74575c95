/**
 * Marks, in the contents beside the page, the section being read: the last section whose heading has passed the
 * upper part of the screen. Headings are watched with an IntersectionObserver, so nothing runs while the reader
 * scrolls within a section.
 */

/** How far down the screen, as a fraction of its height, a heading counts as reached. */
const READ_LINE = 0.3;

export interface SectionLink {
  heading: Element;
  link: HTMLAnchorElement;
}

/** The links of the "On this page" list and the headings they point to, in page order. */
export function sectionLinks(doc: Document): SectionLink[] {
  return [...doc.querySelectorAll<HTMLAnchorElement>("nav.sidebar .on-this-page a[href^='#']")].flatMap((link) => {
    const heading = doc.getElementById(decodeURIComponent(link.hash.slice(1)));
    return heading ? [{ heading, link }] : [];
  });
}

/** The section being read: the last whose heading's top is above `lineY` (px from the top of the screen), else none. */
export function currentSection(sections: readonly SectionLink[], lineY: number): SectionLink | undefined {
  let current: SectionLink | undefined;
  for (const section of sections) if (section.heading.getBoundingClientRect().top <= lineY) current = section;
  return current;
}

export function markCurrentSection(doc: Document, win: Window & typeof globalThis): void {
  const sections = sectionLinks(doc);
  if (sections.length === 0 || typeof win.IntersectionObserver !== "function") return;
  let marked: SectionLink | undefined;
  const update = () => {
    const current = currentSection(sections, win.innerHeight * READ_LINE);
    if (current === marked) return;
    marked?.link.removeAttribute("aria-current");
    marked?.link.parentElement?.classList.remove("reading");
    marked = current;
    if (!current) return;
    current.link.setAttribute("aria-current", "location");
    current.link.parentElement?.classList.add("reading");
    // A long list scrolls within the sidebar: keep the marked link in its view.
    const list = current.link.closest("nav.sidebar");
    if (list && list.scrollHeight > list.clientHeight) {
      const box = current.link.getBoundingClientRect();
      const frame = list.getBoundingClientRect();
      if (box.top < frame.top || box.bottom > frame.bottom) list.scrollTop += box.top - frame.top - frame.height / 2;
    }
  };
  // A heading crossing the read line, or the screen's edge on a long jump, is when the section being read can change.
  const band = new win.IntersectionObserver(update, { rootMargin: `0px 0px -${Math.round((1 - READ_LINE) * 100)}% 0px` });
  const screen = new win.IntersectionObserver(update);
  for (const { heading } of sections) {
    band.observe(heading);
    screen.observe(heading);
  }
  update();
}
