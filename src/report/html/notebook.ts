/** An executed notebook as report HTML: markdown, highlighted code, outputs; Jupyter's cell tags respected. */
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import { cellSource, hasTag, type Notebook } from "../../notebook/nbformat";
import { pageCells } from "../../notebook/translations";
import { renderMarkdown, tableOfContents, type Heading } from "./markdown";
import { markdownText } from "./markdown-output";
import { renderOutput, renderOutputs, type RenderContext } from "./outputs";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";
import { PAGE_WORDS } from "../../i18n/page";

hljs.registerLanguage("typescript", typescript);

export interface NotebookRenderOptions {
  /** Hide every code cell's source (outputs stay). */
  noInput?: boolean;
  /** Insert `text/html` outputs raw instead of sanitising them. */
  trustHtml?: boolean;
  /**
   * MIME types whose outputs are what-if panel specs, drawn live by the page's panel script (browser/whatif.ts)
   * ahead of any other type in the bundle. Default none: such outputs show their other types.
   */
  panelMimeTypes?: readonly string[];
  /**
   * The page's language: the publisher's own words around the cells are written in it (`--lang`), and its markdown
   * cells are their translation into it where the notebook has a fresh one (notebook/translations.ts). Default English.
   */
  lang?: Lang;
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

/**
 * Print tags: a cell tagged `screen-only` (the working behind a page's answer, its what-if) is left out when the
 * page is printed; one tagged `print-small` (a method's fine print) is set small on paper; prose tagged
 * `only-with-code` is printed only with the code it speaks of.
 */
const printClasses = (cell: Notebook["cells"][number]): string =>
  ["screen-only", "print-small", "only-with-code"]
    .filter((tag) => hasTag(cell, tag))
    .map((tag) => ` ${tag}`)
    .join("");

/** Index of the output a page shows first, under its title: the first markdown output of the cell tagged `headline`. */
function headlineOutput(cell: Notebook["cells"][number]): number {
  if (!hasTag(cell, "headline")) return -1;
  return (cell.outputs ?? []).findIndex((output) => markdownText(output) !== undefined);
}

/** The key findings box, the contents list after the introduction: a reader sees the answer before the working. */
function assemble(cells: string[], keyFindings: string, contents: string): string {
  const titleEnd = cells.findIndex((cell) => cell.includes("</h1>"));
  if (titleEnd < 0) return [keyFindings, contents, ...cells].filter(Boolean).join("\n");
  const withFindings = cells.map((cell, index) => (index === titleEnd ? cell.replace("</h1>", `</h1>${keyFindings}`) : cell));
  return [...withFindings.slice(0, titleEnd + 1), contents, ...withFindings.slice(titleEnd + 1)].filter(Boolean).join("\n");
}

export function renderNotebook(notebook: Notebook, options: NotebookRenderOptions = {}): RenderedNotebook {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = PAGE_WORDS[lang];
  const context: RenderContext = {
    lang,
    figureCount: 0,
    headings: [],
    usedIds: new Set(),
    cellNumber: 0,
    trustHtml: options.trustHtml,
    panelMimeTypes: options.panelMimeTypes,
  };
  const cells: string[] = [];
  let keyFindings = "";
  // Cells are numbered as in the notebook (translations counted), as the runner numbers them in its messages.
  let position = 0;
  const numbers = new Map(notebook.cells.map((cell) => [cell, hasTag(cell, "injected-parameters") ? position : ++position]));
  for (const { cell, source, translation } of pageCells(notebook.cells, options.lang).cells) {
    const injected = hasTag(cell, "injected-parameters");
    context.cellNumber = numbers.get(cell)!;
    if (hasTag(cell, "remove-cell")) continue;
    // Prose that tells the reader to edit or re-run code means nothing on a page that shows no code.
    if (options.noInput && hasTag(cell, "only-with-code")) continue;
    if (cell.cell_type === "markdown") {
      // A translation's headings keep the English headings' anchors: a link to a section finds it in every language.
      const anchors = translation ? cellSource(cell) : undefined;
      cells.push(
        `<section class="cell markdown${printClasses(cell)}">${renderMarkdown(source, context.headings, context.usedIds, lang, anchors)}</section>`,
      );
      continue;
    }
    if (cell.cell_type !== "code") continue;
    const parts: string[] = [];
    const showInput = !options.noInput && !hasTag(cell, "remove-input") && source.trim() !== "";
    if (showInput) {
      const label = injected ? words.parametersOfThisRun : hasTag(cell, "parameters") ? words.parametersCell : words.code;
      const folded = hasTag(cell, "hide-input") || hasTag(cell, "parameters") || injected;
      parts.push(
        folded
          ? `<details class="input"><summary>${label}</summary>${codeBlock(source)}</details>`
          : `<div class="input">${codeBlock(source)}</div>`,
      );
    }
    if (!hasTag(cell, "remove-output")) {
      const headline = keyFindings ? -1 : headlineOutput(cell);
      const cellOutputs = cell.outputs ?? [];
      if (headline >= 0)
        keyFindings = `<aside class="key-findings" aria-label="${words.keyFindings}"><p class="key-findings-title">${words.keyFindings}</p>${renderOutput(cellOutputs[headline]!, context)}</aside>`;
      const outputs = renderOutputs(
        cellOutputs.filter((_, index) => index !== headline),
        context,
      );
      if (outputs.length) parts.push(`<div class="outputs">${outputs.join("\n")}</div>`);
    }
    if (parts.length)
      cells.push(`<section class="cell code${printClasses(cell)}" data-cell="${context.cellNumber}">${parts.join("\n")}</section>`);
  }
  const title = context.headings.find((heading) => heading.level === 1)?.text;
  return {
    title,
    headings: context.headings,
    body: assemble(cells, keyFindings, tableOfContents(context.headings, lang)),
    figureCount: context.figureCount,
  };
}
