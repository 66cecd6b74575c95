/** roilab report: run the notebooks, then publish each executed notebook as an HTML page, plus an index. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../util/project-root";
import type { NotebookResult } from "../notebook/execute";
import type { Notebook } from "../notebook/nbformat";
import { prepareRun, runNotebooks, type PreparedRun, type RunOptions } from "../notebook/run";
import { writeFileAtomic } from "../util/atomic-write";
import { lockFolder } from "../util/folder-lock";
import { bySectionNumber } from "../util/section-order";
import { yieldToEventLoop } from "../util/yield";
import { markdownText, renderNotebook } from "./html/notebook";
import { EDITION_ATTRIBUTE, renderIndex, type EditionLink, type IndexCard } from "./html/index-page";
import { renderFooter, renderPage, type PageAssets } from "./html/page";
import { neighbours, renderPager } from "./html/pager";
import { PLOTLY_MIME } from "../util/mime";
import { choosePlotlyBuild, traceTypes, type PlotlyChoice } from "./plotly-build";
import { staleBanner, stalePrices } from "./staleness";
import { softwareVersions } from "./provenance";
import { publishedFolderName } from "../util/display-path";
import type { DataFolder } from "../notebook/data-folder";
import { writeReportPdf, type PrintOptions, type ReportPdf } from "./pdf";

const INDEX_TITLE = "roilab — cloud vs local LLM cost analysis";
const ASSET_FILES = { css: "report.css", scripts: ["plotly.min.js", "whatif.js", "report.js", "downloads.js", "print.js"] };
const BUILT_ASSETS = path.join(PROJECT_ROOT, "dist", "assets");

export interface ReportOptions extends RunOptions {
  /** One file per report with the assets inlined, instead of the shared reports/assets/. */
  selfContained: boolean;
  /** Hide all code cells' source. */
  noInput: boolean;
  /** Insert notebooks' `text/html` outputs raw; by default they are sanitised. */
  trustHtml?: boolean;
  /** Prices older than this many days get a warning at the top of each page. Default 90. */
  staleDays?: number;
  /** Also print the whole report (index, then each page in section order) to one PDF with this Chromium. */
  pdf?: PrintOptions;
  /** The report's title, on its index and its PDF. Default: roilab's own. */
  title?: string;
}

export interface PageWeight {
  file: string;
  /** The HTML file alone. */
  bytes: number;
  /** With the shared assets it loads (equal to bytes for a self-contained page). */
  bytesWithAssets: number;
}

export interface ReportResult {
  notebooks: NotebookResult[];
  pages: PageWeight[];
  plotly: PlotlyChoice;
  /** The PDF written with `pdf`. */
  pdf?: ReportPdf;
}

/** The data folder as a page names it; roilab's own default when the notebooks read none. */
const folderName = (folder: DataFolder | undefined) => (folder ? publishedFolderName(folder.dir) : "data");

export function assetsFor(selfContained: boolean, plotly: PlotlyChoice): PageAssets {
  if (!selfContained) return { mode: "shared", css: `assets/${ASSET_FILES.css}`, scripts: ASSET_FILES.scripts.map((file) => `assets/${file}`) };
  const read = (file: string) => readFileSync(sourceOf(file, plotly), "utf8");
  return { mode: "inline", css: read(ASSET_FILES.css), scripts: ASSET_FILES.scripts.map(read) };
}

/** The built file behind a published asset name: Plotly's may be the slim or the full build. */
function sourceOf(file: string, plotly: PlotlyChoice): string {
  return path.join(BUILT_ASSETS, file === "plotly.min.js" ? plotly.file : file);
}

function copySharedAssets(outDir: string, plotly: PlotlyChoice): number {
  const target = path.join(outDir, "assets");
  mkdirSync(target, { recursive: true });
  let bytes = 0;
  for (const file of [ASSET_FILES.css, ...ASSET_FILES.scripts]) {
    writeFileAtomic(path.join(target, file), readFileSync(sourceOf(file, plotly)));
    bytes += statSync(path.join(target, file)).size;
  }
  return bytes;
}

/** The card text: the first markdown output of a cell tagged `headline`, else of any cell. */
function headlineOf(notebook: Notebook): string | undefined {
  const markdownOf = (cells: Notebook["cells"]) => cells.flatMap((cell) => cell.outputs ?? []).map(markdownText).find((text) => text !== undefined);
  return markdownOf(notebook.cells.filter((cell) => cell.metadata.tags?.includes("headline"))) ?? markdownOf(notebook.cells);
}

function figuresOf(notebook: Notebook): unknown[] {
  return notebook.cells.flatMap((cell) => cell.outputs ?? []).flatMap((output) => (output.output_type === "display_data" || output.output_type === "execute_result") && output.data[PLOTLY_MIME] ? [output.data[PLOTLY_MIME]] : []);
}

function firstFigure(notebook: Notebook): unknown {
  return figuresOf(notebook)[0];
}

/**
 * Pages published by earlier builds into the same folder and not rebuilt now, by name, with the executed
 * notebook each was made from: they stay on the index, and the shared Plotly build must still draw them.
 */
function earlierPages(outDir: string, rebuilt: ReadonlySet<string>): Map<string, Notebook> {
  const earlier = new Map<string, Notebook>();
  if (!existsSync(outDir)) return earlier;
  for (const file of readdirSync(outDir)) {
    const name = file.endsWith(".html") ? file.slice(0, -".html".length) : undefined;
    if (!name || name === "index" || rebuilt.has(name) || !existsSync(path.join(outDir, `${name}.ipynb`))) continue;
    try {
      earlier.set(name, JSON.parse(readFileSync(path.join(outDir, `${name}.ipynb`), "utf8")) as Notebook);
    } catch {
      // An unreadable leftover is not this build's page; it simply gets no card.
    }
  }
  return earlier;
}

/** Report builds of other data editions in sub-folders of `outDir` (`reports/2026-11/`), found by their index pages. */
export function editionsBeside(outDir: string): EditionLink[] {
  if (!existsSync(outDir)) return [];
  const pattern = new RegExp(`${EDITION_ATTRIBUTE}="([^"]*)"`);
  return readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const index = path.join(outDir, entry.name, "index.html");
      const folder = existsSync(index) ? pattern.exec(readFileSync(index, "utf8"))?.[1] : undefined;
      return folder === undefined ? [] : [{ href: `${entry.name}/index.html`, dataFolder: folder.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#39;/g, "'") }];
    })
    .sort((a, b) => a.href.localeCompare(b.href));
}

/** Runs the notebooks and publishes them, holding the output folder throughout so no other run writes between. */
export async function buildReports(options: ReportOptions): Promise<ReportResult> {
  const prepared = prepareRun(options);
  const unlock = lockFolder(options.outDir);
  try {
    return await runAndPublish(options, prepared);
  } finally {
    unlock();
  }
}

async function runAndPublish(options: ReportOptions, prepared: PreparedRun): Promise<ReportResult> {
  const notebooks = await runNotebooks(options, prepared);
  const published = notebooks.filter((result) => result.status !== "failed" || options.allowErrors);
  const executedNotebooks = new Map(published.map((result) => [result, result.notebook]));
  const earlier = earlierPages(options.outDir, new Set(published.map((result) => path.basename(result.file, ".ipynb"))));
  const plotly = choosePlotlyBuild([...executedNotebooks.values(), ...earlier.values()].flatMap((notebook) => traceTypes(figuresOf(notebook))));
  const assets = assetsFor(options.selfContained, plotly);
  const sharedBytes = options.selfContained ? 0 : copySharedAssets(options.outDir, plotly);
  const versions = softwareVersions(PROJECT_ROOT);
  const builtAt = new Date().toISOString();
  const pages: PageWeight[] = [];
  const cards: IndexCard[] = [];

  // Rendered first, so each page can link to the sections before and after it in the chapter's order.
  const drafts = [...executedNotebooks].map(([result, executed]) => {
    const rendered = renderNotebook(executed, { noInput: options.noInput, trustHtml: options.trustHtml });
    const name = path.basename(result.file, ".ipynb");
    return { result, executed, rendered, name, href: `${name}.html`, title: rendered.title ?? name };
  });
  const earlierTitles = [...earlier].map(([name, executed]) => ({ name, executed, href: `${name}.html`, title: renderNotebook(executed, {}).title ?? name }));
  const readingOrder = [...drafts, ...earlierTitles].map(({ href, title }) => ({ href, title })).sort((a, b) => bySectionNumber(a.href, b.href));

  // A failed notebook publishes nothing, so the last good page stays (unless errors are allowed).
  for (const { result, executed, rendered, name, href, title } of drafts) {
    await yieldToEventLoop();
    const parameters = ((executed.metadata.papermill as { parameters?: Record<string, unknown> } | undefined)?.parameters ?? {}) as Record<string, unknown>;
    const data = result.dataFolder?.files ?? [];
    const { previous, next } = neighbours(readingOrder, href);
    const html = renderPage({
      title,
      body: staleBanner(stalePrices(data, new Date(builtAt), options.staleDays), folderName(result.dataFolder)) + rendered.body + renderPager(previous, next),
      assets,
      footer: renderFooter({ data, parameters, versions, builtAt }),
    });
    const file = path.join(options.outDir, `${name}.html`);
    writeFileAtomic(file, html);
    const bytes = Buffer.byteLength(html);
    pages.push({ file, bytes, bytesWithAssets: bytes + sharedBytes });
    cards.push({ href, title, headline: headlineOf(executed), figure: firstFigure(executed), failed: result.status === "failed" });
  }

  for (const { executed, href, title } of earlierTitles) {
    cards.push({ href, title, headline: headlineOf(executed), figure: firstFigure(executed), failed: false });
  }
  cards.sort((a, b) => bySectionNumber(a.href, b.href));
  const folders = [...new Map(published.flatMap((result) => (result.dataFolder ? [[result.dataFolder.dir, result.dataFolder]] : []))).values()];
  const asOf = folders.flatMap((folder) => folder.files).filter((record) => record.asOf);
  const title = options.title ?? INDEX_TITLE;
  const index = renderPage({
    title,
    body: staleBanner(stalePrices(asOf, new Date(builtAt), options.staleDays), folderName(folders[0])) + renderIndex({ cards, builtAt, asOf, dataFolder: folderName(folders[0]), editions: editionsBeside(options.outDir), heading: options.title }),
    assets,
    footer: renderFooter({ data: [], parameters: {}, versions, builtAt }),
  });
  const indexFile = path.join(options.outDir, "index.html");
  writeFileAtomic(indexFile, index);
  pages.push({ file: indexFile, bytes: Buffer.byteLength(index), bytesWithAssets: Buffer.byteLength(index) + sharedBytes });
  const pdf = options.pdf ? await writeReportPdf({ ...options.pdf, outDir: options.outDir, pages: [{ href: "index.html", title: "Index" }, ...cards.map((card) => ({ href: card.href, title: card.title }))], title }) : undefined;
  return { notebooks, pages, plotly, pdf };
}
