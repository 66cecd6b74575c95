import { describe, expect, it } from "vitest";
import type { Notebook } from "../../../src/notebook/nbformat";
import { renderNotebook } from "../../../src/report/html/notebook";

const code = (source: string, tags: string[] = [], outputs: Notebook["cells"][number]["outputs"] = []) => ({ id: source, cell_type: "code" as const, source, metadata: { tags }, outputs, execution_count: 1 });

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
    expect(html).toMatch(/<details class="input"><summary>Code<\/summary><pre class="code"><code class="hljs language-typescript"><span class="hljs-keyword">const<\/span> folded/);
    expect(html).toMatch(/<div class="input"><pre class="code">.*shown/);
    expect(renderNotebook(notebook(cells), { noInput: true }).body).not.toContain('class="input"');
  });
});
