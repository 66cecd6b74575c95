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
import { markdownText } from "./html/markdown-output";
import { renderCached } from "./render-cache";
import { EDITION_ATTRIBUTE, renderIndex, type IndexCard } from "./html/index-page";
import { PLAIN_SITES, renderFooter, renderPage, type PageAssets, type SiteText } from "./html/page";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { PAGE_WORDS } from "../i18n/page";
import { neighbours, renderPager } from "./html/pager";
import { renderSidebar } from "./html/sidebar";
import { PLOTLY_MIME } from "../util/mime";
import { choosePlotlyBuild, traceTypes, type PlotlyChoice } from "./plotly-build";
import { staleBanner, stalePrices } from "./staleness";
import { softwareVersions, type RecordedPackage } from "./provenance";
import { publishedFolderName } from "../util/display-path";
import { editionDate, editionRegion } from "../util/edition-date";
import type { DataFolder } from "../notebook/data-folder";
import { writeReportPdf, type PrintOptions, type ReportPdf } from "./pdf";

const ASSET_FILES = { css: "report.css", scripts: ["plotly.min.js", "report.js"] };
const BUILT_ASSETS = path.join(PROJECT_ROOT, "dist", "assets");

export interface ReportOptions extends RunOptions {
  /** One file per report with the assets inlined, instead of the shared reports/assets/. */
  selfContained: boolean;
  /** Hide all code cells' source. */
  noInput: boolean;
  /** Insert notebooks' `text/html` outputs raw; by default they are sanitised. */
  trustHtml?: boolean;
  /** The data file whose newest as_of dates a page's prices; none: no page warns of old prices. */
  pricesFile?: string;
  /** Prices older than this many days get a warning at the top of each page. Default 90. */
  staleDays?: number;
  /** Packages whose installed versions each page's footer records, after tslab's and Node.js's. */
  recordedPackages?: readonly RecordedPackage[];
  /** MIME types of outputs the pages draw as live what-if panels (see NotebookRenderOptions). */
  panelMimeTypes?: readonly string[];
  /** Also print the whole report (index, then each page in section order) to one PDF with this Chromium. */
  pdf?: PrintOptions;
  /** The report's title, on its index and its PDF. Default: the site's. */
  title?: string;
  /** What the report calls itself in every page's header and on its index. Default: the publisher's plain words. */
  site?: SiteText;
  /** The PDF holds only the pages of the notebooks this build ran, without the index (notebooks named on the command line). */
  printNamedOnly?: boolean;
  /**
   * The language the report is published in (`--lang`): the page's `<html lang>` and the publisher's own words
   * (header, banners, contents, footer, index, buttons, the PDF's bookmarks). Default English.
   */
  lang?: Lang;
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
  if (!selfContained)
    return { mode: "shared", css: `assets/${ASSET_FILES.css}`, scripts: ASSET_FILES.scripts.map((file) => `assets/${file}`) };
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
  const markdownOf = (cells: Notebook["cells"]) =>
    cells
      .flatMap((cell) => cell.outputs ?? [])
      .map(markdownText)
      .find((text) => text !== undefined);
  return markdownOf(notebook.cells.filter((cell) => cell.metadata.tags?.includes("headline"))) ?? markdownOf(notebook.cells);
}

function figuresOf(notebook: Notebook): unknown[] {
  return notebook.cells
    .flatMap((cell) => cell.outputs ?? [])
    .flatMap((output) =>
      (output.output_type === "display_data" || output.output_type === "execute_result") && output.data[PLOTLY_MIME]
        ? [output.data[PLOTLY_MIME]]
        : [],
    );
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

/** One edition of a report as a build knows it: its folder, the data it was built from and the pages it has. */
export interface Edition {
  /** Absolute path of its folder. */
  dir: string;
  dataFolder: string;
  /** Its pages by name (`00-decision`), the index aside. */
  pages: ReadonlySet<string>;
}

/** A report build found on disk by its index page, which names its data folder; undefined for any other folder. */
function editionIn(dir: string): Edition | undefined {
  const index = path.join(dir, "index.html");
  if (!existsSync(index)) return undefined;
  const html = readFileSync(index, "utf8");
  const dataFolder = new RegExp(`${EDITION_ATTRIBUTE}="([^"]*)"`)
    .exec(html)?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
  if (dataFolder === undefined) return undefined;
  const pages = readdirSync(dir)
    .filter((file) => file.endsWith(".html") && file !== "index.html")
    .map((file) => file.slice(0, -".html".length));
  return { dir: path.resolve(dir), dataFolder, pages: new Set(pages) };
}

const subFolders = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(dir, entry.name))
        .sort()
    : [];

/**
 * Other editions of the report built at `outDir`, found on disk: builds in its sub-folders (`reports/chapter/`) and,
 * when its parent folder holds a build, that parent and the parent's other sub-folders.
 */
export function editionsAround(outDir: string): Edition[] {
  const self = path.resolve(outDir);
  const parent = editionIn(path.dirname(self)) ? path.dirname(self) : undefined;
  const candidates = [...(parent ? [parent, ...subFolders(parent)] : []), ...subFolders(self)];
  return [...new Set(candidates)].filter((dir) => dir !== self).flatMap((dir) => editionIn(dir) ?? []);
}

/** A link from a page of the build in `from` to `page` of `to`, relative, so it works from disk: its index where it has no such page. */
export function editionHref(from: string, to: Edition, page: string | undefined): string {
  const folder = path.relative(from, to.dir).split(path.sep).join("/");
  const file = page !== undefined && to.pages.has(page) ? `${page}.html` : "index.html";
  return folder ? `${folder}/${file}` : file;
}

/** Runs the notebooks and publishes them, holding the output folder throughout so no other run writes between. */
export async function buildReports(options: ReportOptions): Promise<ReportResult> {
  const [result] = await buildEditions(options, [{ outDir: options.outDir, dataDir: options.dataDir }]);
  return result!;
}

/** Where one edition of a report is built from and to. */
/** One edition to build: where, from which data, and any option of its own (its language's site and words). */
export interface EditionPlan extends Partial<ReportOptions> {
  outDir: string;
  /** Its data folder; undefined: each notebook's own. */
  dataDir: string | undefined;
}

/**
 * Builds several editions of one report in one go: every edition's input is checked before any kernel starts, every
 * output folder is held throughout, and the pages are written once every edition has run, so each links to all the
 * others (and to editions built earlier beside them) whichever was built first.
 */
export async function buildEditions(options: ReportOptions, plans: readonly EditionPlan[]): Promise<ReportResult[]> {
  const editions = plans.map((plan) => ({ ...options, ...plan }));
  const prepared = editions.map((edition) => prepareRun(edition));
  const unlocks: (() => void)[] = [];
  try {
    for (const edition of editions) unlocks.push(lockFolder(edition.outDir));
    const runs: EditionRun[] = [];
    for (const [index, edition] of editions.entries()) runs.push(await runEdition(edition, prepared[index]!));
    const built = runs.map((run) => run.edition);
    // A build found on disk of data this build publishes is an older copy of one of these: the new one is linked.
    const found = editions
      .flatMap((edition) => editionsAround(edition.outDir))
      .filter((edition) => !built.some((own) => own.dir === edition.dir || own.dataFolder === edition.dataFolder));
    const all = [...built, ...new Map(found.map((edition) => [edition.dir, edition])).values()];
    const results: ReportResult[] = [];
    for (const run of runs) results.push(await publishEdition(run, all));
    return results;
  } finally {
    for (const unlock of unlocks.reverse()) unlock();
  }
}

interface EditionRun {
  options: ReportOptions;
  notebooks: NotebookResult[];
  published: NotebookResult[];
  earlier: Map<string, Notebook>;
  folders: DataFolder[];
  edition: Edition;
}

async function runEdition(options: ReportOptions, prepared: PreparedRun): Promise<EditionRun> {
  const notebooks = await runNotebooks(options, prepared);
  const published = notebooks.filter((result) => result.status !== "failed" || options.allowErrors);
  const names = published.map((result) => path.basename(result.file, ".ipynb"));
  const earlier = earlierPages(options.outDir, new Set(names));
  const folders = [
    ...new Map(published.flatMap((result) => (result.dataFolder ? [[result.dataFolder.dir, result.dataFolder]] : []))).values(),
  ];
  const edition = { dir: path.resolve(options.outDir), dataFolder: folderName(folders[0]), pages: new Set([...names, ...earlier.keys()]) };
  return { options, notebooks, published, earlier, folders, edition };
}

async function publishEdition(run: EditionRun, editions: readonly Edition[]): Promise<ReportResult> {
  const { options, notebooks, published, earlier, folders } = run;
  const lang = options.lang ?? DEFAULT_LANG;
  const site = options.site ?? PLAIN_SITES[lang];
  const others = editions.filter((edition) => edition !== run.edition);
  // The newest other edition for the same readers, where it is newer than this one (a dated folder after this folder's
  // date, or any dated one after `data`): a regional edition points to its region's newer one only.
  const dated = (folder: string) => editionDate(folder) ?? "";
  const region = editionRegion(run.edition.dataFolder);
  const newest = others
    .filter((edition) => editionRegion(edition.dataFolder) === region && dated(edition.dataFolder) > dated(run.edition.dataFolder))
    .sort((a, b) => dated(b.dataFolder).localeCompare(dated(a.dataFolder)))[0];
  const newerOf = (page: string | undefined) =>
    newest ? { dataFolder: newest.dataFolder, href: editionHref(run.edition.dir, newest, page) } : undefined;
  const switchTo = (page: string | undefined) =>
    others.length
      ? {
          current: run.edition.dataFolder,
          others: others.map((edition) => ({ dataFolder: edition.dataFolder, href: editionHref(run.edition.dir, edition, page) })),
        }
      : undefined;
  const executedNotebooks = new Map(published.map((result) => [result, result.notebook]));
  const plotly = choosePlotlyBuild(
    [...executedNotebooks.values(), ...earlier.values()].flatMap((notebook) => traceTypes(figuresOf(notebook))),
  );
  const assets = assetsFor(options.selfContained, plotly);
  const sharedBytes = options.selfContained ? 0 : copySharedAssets(options.outDir, plotly);
  const versions = softwareVersions(PROJECT_ROOT, options.recordedPackages);
  const builtAt = new Date().toISOString();
  const pages: PageWeight[] = [];
  const cards: IndexCard[] = [];

  // Rendered first, so each page can link to the sections before and after it in the chapter's order.
  const renderOptions = {
    noInput: options.noInput,
    trustHtml: options.trustHtml,
    panelMimeTypes: options.panelMimeTypes,
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
  const drafts = [];
  for (const [result, executed] of executedNotebooks) {
    const name = path.basename(result.file, ".ipynb");
    const rendered = await renderCached(options.outDir, name, executed, renderOptions);
    drafts.push({ result, executed, rendered, name, href: `${name}.html`, title: rendered.title ?? name });
  }
  const earlierTitles = [];
  for (const [name, executed] of earlier)
    earlierTitles.push({
      name,
      executed,
      href: `${name}.html`,
      title: (await renderCached(options.outDir, name, executed, renderOptions)).title ?? name,
    });
  const readingOrder = [...drafts, ...earlierTitles]
    .map(({ href, title }) => ({ href, title }))
    .sort((a, b) => bySectionNumber(a.href, b.href));
  const contentsIndex = { href: "index.html", title: options.title ?? site.title };

  // A failed notebook publishes nothing, so the last good page stays (unless errors are allowed).
  for (const { result, executed, rendered, name, href, title } of drafts) {
    await yieldToEventLoop();
    const parameters = ((executed.metadata.papermill as { parameters?: Record<string, unknown> } | undefined)?.parameters ?? {}) as Record<
      string,
      unknown
    >;
    const data = result.dataFolder?.files ?? [];
    const { previous, next } = neighbours(readingOrder, href);
    const html = renderPage({
      title,
      site,
      body:
        staleBanner(
          stalePrices(data, options.pricesFile, new Date(builtAt), options.staleDays),
          folderName(result.dataFolder),
          newerOf(name),
          lang,
        ) +
        rendered.body +
        renderPager(previous, next, lang),
      assets,
      footer: renderFooter({ data, parameters, versions, builtAt, lang }),
      editions: switchTo(name),
      sidebar: renderSidebar({ pages: readingOrder, current: href, headings: rendered.headings, index: contentsIndex, lang }),
      lang,
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
  // The index dates its own edition: a page that also reads another folder (59.11 reads the chapter's beside the
  // later one) must not lend it that folder's dates under the same file names.
  const asOf = (folders[0]?.files ?? []).filter((record) => record.asOf);
  const title = options.title ?? site.title;
  const index = renderPage({
    title,
    site,
    body:
      staleBanner(
        stalePrices(asOf, options.pricesFile, new Date(builtAt), options.staleDays),
        run.edition.dataFolder,
        newerOf(undefined),
        lang,
      ) +
      renderIndex({
        cards,
        builtAt,
        asOf,
        dataFolder: run.edition.dataFolder,
        editions: switchTo(undefined)?.others,
        heading: options.title ?? site.heading,
        about: site.about,
        lang,
      }),
    assets,
    footer: renderFooter({ data: [], parameters: {}, versions, builtAt, lang }),
    editions: switchTo(undefined),
    sidebar: renderSidebar({ pages: readingOrder, index: contentsIndex, lang }),
    lang,
  });
  const indexFile = path.join(options.outDir, "index.html");
  writeFileAtomic(indexFile, index);
  pages.push({ file: indexFile, bytes: Buffer.byteLength(index), bytesWithAssets: Buffer.byteLength(index) + sharedBytes });
  // Notebooks named on the command line print alone; otherwise the whole report, index first.
  const printed = options.printNamedOnly
    ? drafts.map(({ href, title }) => ({ href, title })).sort((a, b) => bySectionNumber(a.href, b.href))
    : [{ href: "index.html", title: PAGE_WORDS[lang].indexBookmark }, ...cards.map((card) => ({ href: card.href, title: card.title }))];
  const pdf = options.pdf ? await writeReportPdf({ ...options.pdf, outDir: options.outDir, pages: printed, title }) : undefined;
  return { notebooks, pages, plotly, pdf };
}
