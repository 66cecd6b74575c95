import { describe, expect, it } from "vitest";
import type { Notebook } from "../../src/notebook/nbformat";
import { renderNotebook } from "../../src/report/html/notebook";
import { renderMarkdown, slugify, tableOfContents, type Heading } from "../../src/report/html/markdown";
import { scriptJson } from "../../src/util/html";

const code = (source: string, tags: string[] = [], outputs: Notebook["cells"][number]["outputs"] = []) => ({ id: source, cell_type: "code" as const, source, metadata: { tags }, outputs, execution_count: 1 });

function notebook(cells: Notebook["cells"]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

describe("report rendering", () => {
  it("turns headings into anchors with a contents list, and escapes raw HTML in markdown", () => {
    const headings: Heading[] = [];
    const html = renderMarkdown("# 59.3 — Break-even\n\n## The table\n\n## The table\n\n<script>alert(1)</script>", headings);
    expect(headings.map((heading) => heading.id)).toEqual(["59-3-break-even", "the-table", "the-table-2"]);
    expect(html).toContain('<h2 id="the-table-2">The table</h2>');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(tableOfContents(headings)).toContain('<a href="#the-table">The table</a>');
    expect(slugify("成本 矩阵")).toBe("成本-矩阵");
  });

  it("follows Jupyter's cell tags and --no-input", () => {
    const cells = [
      code("const removed = 1;", ["remove-cell"], [{ output_type: "stream", name: "stdout", text: "gone" }]),
      code("const noInput = 1;", ["remove-input"], [{ output_type: "stream", name: "stdout", text: "output kept" }]),
      code("const noOutput = 1;", ["remove-output"], [{ output_type: "stream", name: "stdout", text: "output dropped" }]),
      code("const folded = 1;", ["hide-input"]),
      code("const shown = 1;"),
    ];
    const html = renderNotebook(notebook(cells)).body;
    expect(html).not.toContain("removed");
    expect(html).not.toContain("gone");
    expect(html).not.toContain("noInput");
    expect(html).toContain("output kept");
    expect(html).toContain("noOutput");
    expect(html).not.toContain("output dropped");
    expect(html).toMatch(/<details class="input"><summary>Code<\/summary><pre class="code"><code class="hljs language-typescript"><span class="hljs-keyword">const<\/span> folded/);
    expect(html).toMatch(/<div class="input"><pre class="code">.*shown/);
    expect(renderNotebook(notebook(cells), { noInput: true }).body).not.toContain('class="input"');
  });

  it("renders outputs by MIME type: Plotly as data for the page script, errors with their cell number", () => {
    const figure = { data: [{ type: "bar", name: "</script><b>x</b>" }], layout: { title: { text: "Figure 59.1a — Cost" } } };
    const cells = [
      { id: "m", cell_type: "markdown" as const, source: "# Title", metadata: {} },
      code("plot()", [], [
        { output_type: "display_data", data: { "application/vnd.plotly.v1+json": figure, "text/plain": "Figure 59.1a — Cost" }, metadata: {} },
        { output_type: "display_data", data: { "image/png": "iVBORw0KGgo=" }, metadata: {} },
        { output_type: "execute_result", execution_count: 2, data: { "text/plain": "<42>" }, metadata: {} },
      ]),
      code("fail()", [], [{ output_type: "error", ename: "RangeError", evalue: "calls <0>", traceback: ["at \u001b[31mcell\u001b[0m"] }]),
    ];
    const rendered = renderNotebook(notebook(cells));
    expect(rendered.title).toBe("Title");
    expect(rendered.figureCount).toBe(1);
    expect(rendered.body).toContain('<div class="plot" id="figure-1" role="img" aria-label="Figure 59.1a — Cost"></div>');
    expect(rendered.body).toContain(scriptJson(figure));
    expect(rendered.body).not.toContain("</script><b>");
    expect(rendered.body).toContain('<img class="output-image" alt="" src="data:image/png;base64,iVBORw0KGgo=">');
    expect(rendered.body).toContain('<pre class="output-text">&lt;42&gt;</pre>');
    expect(rendered.body).toContain("<strong>Cell 3 failed: RangeError</strong>: calls &lt;0&gt;");
    expect(rendered.body).toContain("<pre>at cell</pre>");
  });
});
