import { describe, expect, it } from "vitest";
import { renderMarkdown, slugify, tableOfContents, type Heading } from "../../../src/report/html/markdown";

describe("markdown rendering", () => {
  it("turns headings into anchors with a contents list, and escapes raw HTML in markdown", () => {
    const headings: Heading[] = [];
    const html = renderMarkdown("# 59.3 — Break-even\n\n## The table\n\n## The table\n\n<script>alert(1)</script>", headings);
    expect(headings.map((heading) => heading.id)).toEqual(["59-3-break-even", "the-table", "the-table-2"]);
    expect(html).toContain(
      '<h2 id="the-table-2">The table<a class="anchor" href="#the-table-2" aria-label="Link to this section">#</a></h2>',
    );
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(tableOfContents(headings)).toContain('<a href="#the-table">The table</a>');
    // The page title is not a section of itself: the list starts with the first section, numbered 1.
    expect(tableOfContents(headings)).not.toContain("59-3-break-even");
    expect(tableOfContents(headings).match(/<li>/g)).toHaveLength(2);
    expect(slugify("成本 矩阵")).toBe("成本-矩阵");
  });
});

describe("a translation's markdown", () => {
  it("takes its headings' anchors from the text it translates, in order, kept unique", () => {
    const headings: Heading[] = [];
    const used = new Set(["costs"]);
    renderMarkdown("# 成本\n\n## 表格\n\n## 图", headings, used, "zh-CN", "# Costs\n\n## The table");
    expect(headings).toEqual([
      { level: 1, text: "成本", id: "costs-2" },
      { level: 2, text: "表格", id: "the-table" },
      // A heading the English text does not have takes its own text's.
      { level: 2, text: "图", id: "图" },
    ]);
  });
});
