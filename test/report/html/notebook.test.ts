import { describe, expect, it } from "vitest";
import type { Notebook } from "../../../src/notebook/nbformat";
import { translationMetadata } from "../../../src/notebook/translations";
import { renderNotebook } from "../../../src/report/html/notebook";

const code = (source: string, tags: string[] = [], outputs: Notebook["cells"][number]["outputs"] = []) => ({
  id: source,
  cell_type: "code" as const,
  source,
  metadata: { tags },
  outputs,
  execution_count: 1,
});

function notebook(cells: Notebook["cells"]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

describe("notebook rendering", () => {
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
    expect(html).toMatch(
      /<details class="input"><summary>Code<\/summary><pre class="code"><code class="hljs language-typescript"><span class="hljs-keyword">const<\/span> folded/,
    );
    expect(html).toMatch(/<div class="input"><pre class="code">.*shown/);
    expect(renderNotebook(notebook(cells), { noInput: true }).body).not.toContain('class="input"');
  });

  it("marks cells for print: screen-only ones are left out on paper, print-small ones set small, prose about code printed with it", () => {
    const html = renderNotebook(
      notebook([
        code("const working = 1;", ["screen-only"], [{ output_type: "stream", name: "stdout", text: "the full list" }]),
        code("const rules = 1;", ["hide-input", "print-small"]),
        { id: "md", cell_type: "markdown" as const, source: "## What-if", metadata: { tags: ["screen-only"] } },
        code("const plain = 1;"),
        { id: "md2", cell_type: "markdown" as const, source: "Re-run the next cell.", metadata: { tags: ["only-with-code"] } },
      ]),
    ).body;
    expect(html).toMatch(/<section class="cell code screen-only" data-cell="1">[\s\S]*the full list/);
    expect(html).toContain('<section class="cell code print-small" data-cell="2">');
    expect(html).toMatch(/<section class="cell markdown screen-only"><h2/);
    expect(html).toContain('<section class="cell code" data-cell="4">');
    expect(html).toMatch(/<section class="cell markdown only-with-code"><p>Re-run the next cell/);
  });
});

describe("the order a section page reads in", () => {
  const markdown = (source: string, tags: string[] = []) => ({
    id: source.slice(0, 8),
    cell_type: "markdown" as const,
    source,
    metadata: { tags },
  });
  const finding = { output_type: "display_data" as const, data: { "text/markdown": "Break-even at **3,109 calls a day**." }, metadata: {} };
  const cells = [
    markdown("# 59.3 — Break-even\n\nA server is a fixed cost."),
    markdown("Change the parameters below and re-run.", ["only-with-code"]),
    code("// Parameters\nconst calls = 1;", ["parameters"]),
    markdown("## First"),
    code("headline()", ["headline"], [{ output_type: "stream", name: "stdout", text: "log line" }, finding]),
    markdown("## Second"),
  ];

  it("puts the key findings under the title and before the introduction's contents list, and shows them once", () => {
    const html = renderNotebook(notebook(cells)).body;
    const at = (text: string) => html.indexOf(text);
    expect(at("</h1>")).toBeLessThan(at('class="key-findings"'));
    expect(at('class="key-findings"')).toBeLessThan(at("A server is a fixed cost."));
    expect(at("A server is a fixed cost.")).toBeLessThan(at('nav class="toc"'));
    expect(html.match(/3,109 calls a day/g)).toHaveLength(1);
    // The cell's other outputs stay where the cell is.
    expect(at("log line")).toBeGreaterThan(at('id="first"'));
  });

  it("folds the parameters, and leaves prose about code off a page without code", () => {
    expect(renderNotebook(notebook(cells)).body).toMatch(/<details class="input"><summary>Parameters<\/summary>/);
    expect(renderNotebook(notebook(cells)).body).toContain("Change the parameters below");
    expect(renderNotebook(notebook(cells), { noInput: true }).body).not.toContain("Change the parameters below");
  });
});

describe("a page in another language", () => {
  const english = {
    id: "what-if",
    cell_type: "markdown" as const,
    source: "## What-if\n\nAnother volume.",
    metadata: { tags: ["screen-only"] },
  };
  const cells = [
    code("const calls = 1;"),
    english,
    {
      id: "what-if-zh",
      cell_type: "markdown" as const,
      source: "## 假设分析\n\n换一个调用量。",
      metadata: translationMetadata(english, "zh-CN"),
    },
    code("const shown = 2;"),
  ];

  it("shows the English cells on an English page, numbering cells as the notebook does", () => {
    const html = renderNotebook(notebook(cells)).body;
    expect(renderNotebook(notebook(cells), { lang: "en" }).body).toBe(html);
    expect(html).toContain("Another volume.");
    expect(html).not.toContain("假设分析");
    // The translation is the notebook's third cell: the code after it is the fourth, in the page as in the runner's messages.
    expect(html).toContain('<section class="cell code" data-cell="4">');
  });

  it("shows the translation in the English cell's place, with its tags and its heading's anchor", () => {
    const rendered = renderNotebook(notebook(cells), { lang: "zh-CN" });
    expect(rendered.body).not.toContain("Another volume.");
    expect(rendered.body).toMatch(/<section class="cell markdown screen-only"><h2 id="what-if">假设分析<a class="anchor" href="#what-if"/);
    expect(rendered.headings).toEqual([{ level: 2, text: "假设分析", id: "what-if" }]);
    expect(rendered.body).toContain('<section class="cell code" data-cell="4">');
  });
});
