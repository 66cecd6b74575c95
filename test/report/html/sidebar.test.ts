import { describe, expect, it } from "vitest";
import { renderSidebar } from "../../../src/report/html/sidebar";

const pages = [
  { href: "59.1-costs.html", title: "59.1 — Costs" },
  { href: "59.3-break-even.html", title: "59.3 — Break-even <now>" },
];
const index = { href: "index.html", title: "The report" };

describe("the contents beside the page", () => {
  it("lists every page in reading order, marks this one and opens it to its sections", () => {
    const html = renderSidebar({
      pages,
      current: "59.3-break-even.html",
      index,
      headings: [
        { level: 1, text: "59.3 — Break-even", id: "title" },
        { level: 2, text: "The table", id: "the-table" },
        { level: 3, text: "A detail", id: "a-detail" },
        { level: 2, text: "What-if", id: "what-if" },
      ],
    });
    expect(html).toMatch(/^<nav class="sidebar" aria-label="Report contents">/);
    expect([...html.matchAll(/href="([^"#]+)"/g)].map((match) => match[1])).toEqual([
      "index.html",
      "59.1-costs.html",
      "59.3-break-even.html",
    ]);
    expect(html).toContain('<a href="59.3-break-even.html" aria-current="page">59.3 — Break-even &lt;now&gt;</a>');
    // Its sections only, not its title or sub-sections, under it alone.
    expect([...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1])).toEqual(["the-table", "what-if"]);
    expect(html).not.toContain('aria-current="page">The report');
  });

  it("marks the index on the index, with no page's sections", () => {
    const html = renderSidebar({ pages, index });
    expect(html).toContain('<a class="sidebar-index" href="index.html" aria-current="page">The report</a>');
    expect(html).not.toContain("on-this-page");
  });
});
