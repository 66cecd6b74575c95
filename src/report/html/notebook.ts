/** An executed notebook as report HTML: markdown, highlighted code, outputs; Jupyter's cell tags respected. */
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import { cellSource, hasTag, type Notebook } from "../../notebook/nbformat";
import { renderMarkdown, tableOfContents, type Heading } from "./markdown";
import { renderOutput, type RenderContext } from "./outputs";

hljs.registerLanguage("typescript", typescript);

export interface NotebookRenderOptions {
  /** Hide every code cell's source (outputs stay). */
  noInput?: boolean;
  /** Insert `text/html` outputs raw instead of sanitising them. */
  trustHtml?: boolean;
}

export interface RenderedNotebook {
  /** The first level-1 heading, else undefined. */
  title: string | undefined;
  headings: Heading[];
  /** Table of contents and the cells. */
  body: string;
  figureCount: number;
}

function codeBlock(source: string): string {
  return `<pre class="code"><code class="hljs language-typescript">${hljs.highlight(source, { language: "typescript" }).value}</code></pre>`;
}

export function renderNotebook(notebook: Notebook, options: NotebookRenderOptions = {}): RenderedNotebook {
  const context: RenderContext = { figureCount: 0, headings: [], usedIds: new Set(), cellNumber: 0, trustHtml: options.trustHtml };
  const cells: string[] = [];
  let position = 0;
  for (const cell of notebook.cells) {
    const injected = hasTag(cell, "injected-parameters");
    context.cellNumber = injected ? position : ++position;
    if (hasTag(cell, "remove-cell")) continue;
    const source = cellSource(cell);
    if (cell.cell_type === "markdown") {
      cells.push(`<section class="cell markdown">${renderMarkdown(source, context.headings, context.usedIds)}</section>`);
      continue;
    }
    if (cell.cell_type !== "code") continue;
    const parts: string[] = [];
    const showInput = !options.noInput && !hasTag(cell, "remove-input") && source.trim() !== "";
    if (showInput) {
      const label = injected ? "Parameters of this run" : hasTag(cell, "parameters") ? "Parameters" : "Code";
      const folded = hasTag(cell, "hide-input") || injected;
      parts.push(folded ? `<details class="input"><summary>${label}</summary>${codeBlock(source)}</details>` : `<div class="input">${codeBlock(source)}</div>`);
    }
    if (!hasTag(cell, "remove-output")) {
      const outputs = (cell.outputs ?? []).map((output) => renderOutput(output, context)).filter(Boolean);
      if (outputs.length) parts.push(`<div class="outputs">${outputs.join("\n")}</div>`);
    }
    if (parts.length) cells.push(`<section class="cell code" data-cell="${context.cellNumber}">${parts.join("\n")}</section>`);
  }
  const title = context.headings.find((heading) => heading.level === 1)?.text;
  return { title, headings: context.headings, body: `${tableOfContents(context.headings)}\n${cells.join("\n")}`, figureCount: context.figureCount };
}

