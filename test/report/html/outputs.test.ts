import { describe, expect, it } from "vitest";
import type { Notebook } from "../../../src/notebook/nbformat";
import { renderNotebook } from "../../../src/report/html/notebook";
import { renderOutput, renderOutputs } from "../../../src/report/html/outputs";
import { PANEL_DEFAULT_METADATA } from "../../../src/util/mime";
import { scriptJson } from "../../../src/util/html";

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

describe("output rendering", () => {
  it("renders outputs by MIME type: Plotly as data for the page script, errors with their cell number", () => {
    const figure = { data: [{ type: "bar", name: "</script><b>x</b>" }], layout: { title: { text: "Figure 59.1a — Cost" } } };
    const cells = [
      { id: "m", cell_type: "markdown" as const, source: "# Title", metadata: {} },
      code(
        "plot()",
        [],
        [
          {
            output_type: "display_data",
            data: { "application/vnd.plotly.v1+json": figure, "text/plain": "Figure 59.1a — Cost" },
            metadata: {},
          },
          { output_type: "display_data", data: { "image/png": "iVBORw0KGgo=" }, metadata: {} },
          { output_type: "execute_result", execution_count: 2, data: { "text/plain": "<42>" }, metadata: {} },
        ],
      ),
      code("fail()", [], [{ output_type: "error", ename: "RangeError", evalue: "calls <0>", traceback: ["at \u001b[31mcell\u001b[0m"] }]),
    ];
    const rendered = renderNotebook(notebook(cells));
    expect(rendered.title).toBe("Title");
    expect(rendered.figureCount).toBe(1);
    expect(rendered.body).toContain(
      '<figure class="plotly-figure" id="figure-59-1a"><figcaption><a class="figure-number" href="#figure-59-1a">Figure 59.1a</a> — Cost</figcaption><div class="plot" id="plot-1" role="img" aria-label="Figure 59.1a — Cost"></div>',
    );
    expect(rendered.body).toContain('<button type="button" class="download-csv" data-figure="plot-1">Download data (CSV)</button>');
    expect(rendered.body).toContain(scriptJson(figure));
    expect(rendered.body).not.toContain("</script><b>");
    expect(rendered.body).toContain('<img class="output-image" alt="" src="data:image/png;base64,iVBORw0KGgo=">');
    expect(rendered.body).toContain('<pre class="output-text">&lt;42&gt;</pre>');
    expect(rendered.body).toContain("<strong>Cell 3 failed: RangeError</strong>: calls &lt;0&gt;");
    expect(rendered.body).toContain("<pre>at cell</pre>");
  });
});

describe("what-if panels", () => {
  const spec = { title: "</script>What if" };
  const output = {
    output_type: "display_data" as const,
    data: { "application/x-panel+json": spec, "text/plain": "What-if panel" },
    metadata: {},
  };
  const context = (panelMimeTypes?: string[]) => ({
    figureCount: 0,
    headings: [],
    usedIds: new Set<string>(),
    cellNumber: 1,
    panelMimeTypes,
  });

  it("are drawn live from the MIME types the caller names, their spec as data for the page script", () => {
    expect(renderOutput(output, context(["application/x-panel+json"]))).toBe(
      `<div class="whatif" id="whatif-panel"></div><script type="application/json" class="roilab-whatif" data-target="whatif-panel">${scriptJson(spec)}</script>`,
    );
  });

  it("hold the outputs the notebook marked as their defaults, and leave the others where they are", () => {
    const marked = (text: string) => ({
      output_type: "display_data" as const,
      data: { "text/markdown": text },
      metadata: { [PANEL_DEFAULT_METADATA]: true },
    });
    const plain = { output_type: "display_data" as const, data: { "text/markdown": "before" }, metadata: {} };
    const html = renderOutputs(
      [
        plain,
        marked("summary"),
        { ...output, data: { ...output.data, "application/x-panel+json": { kind: "break-even" } } },
        marked("after"),
      ],
      context(["application/x-panel+json"]),
    );
    expect(html).toHaveLength(3);
    expect(html[0]).toContain("before");
    // The summary the notebook showed at the panel's defaults is inside the panel, which the page redraws.
    expect(html[1]).toMatch(/^<div class="whatif" id="whatif-break-even"><div class="output-markdown"><p>summary<\/p>/);
    // A marked output with no panel after it stays where the notebook put it.
    expect(html[2]).toContain("after");
    // Published without panels, marked outputs show in order.
    expect(renderOutputs([marked("one"), plain], context()).map((part) => /<p>(\w+)/.exec(part)?.[1])).toEqual(["one", "before"]);
  });

  it("show their other types when the caller names none", () => {
    expect(renderOutput(output, context())).toBe('<pre class="output-text">What-if panel</pre>');
  });
});

describe("outputs from a notebook nobody vetted", () => {
  const context = () => ({ figureCount: 0, headings: [], usedIds: new Set<string>(), cellNumber: 4 });

  it("publish HTML without anything that runs, unless the publisher trusts it", () => {
    const output = {
      output_type: "display_data" as const,
      data: { "text/html": '<p onmouseover="steal()">hi</p><script>steal()</script>' },
      metadata: {},
    };
    expect(renderOutput(output, context())).toBe('<div class="output-html"><p>hi</p></div>');
    expect(renderOutput(output, { ...context(), trustHtml: true })).toContain("<script>steal()</script>");
  });

  it("put only base64 into an image's source", () => {
    const hostile = { output_type: "display_data" as const, data: { "image/png": 'x" onerror="steal()' }, metadata: {} };
    expect(renderOutput(hostile, context())).toBe('<p class="output-error">An image/png output is not base64 data and is not shown.</p>');
    const image = { output_type: "display_data" as const, data: { "image/png": "iVBORw0K\nGgo=\n" }, metadata: {} };
    expect(renderOutput(image, context())).toBe('<img class="output-image" alt="" src="data:image/png;base64,iVBORw0KGgo=">');
  });
});

describe("attributes from a notebook's JSON", () => {
  it("never carry its text into the page's markup", () => {
    const stream = { output_type: "stream" as const, name: 'stdout" onmouseover="steal()' as "stdout", text: "hi" };
    expect(renderOutput(stream, { figureCount: 0, headings: [], usedIds: new Set<string>(), cellNumber: 1 })).toBe(
      '<pre class="output-stream stdout">hi</pre>',
    );
  });
});
