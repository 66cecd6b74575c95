/**
 * The chapter's report as `report --pdf` prints it, read back from the PDF: no code unless `--pdf-code` asks for it,
 * no page holding a single row of a table (or its caption and header alone), and no figure split over two pages or
 * running into the text below it. Both editions of the chapter's report, and a section of tables of every length
 * set at every height of a page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName } from "pdf-lib";
import type { Browser } from "playwright-core";
import { CHROMIUM, launchChromium, openReport } from "../../helpers/browser";
import { chapterReport } from "../../helpers/chapter-report";
import { roilab, type CliResult } from "../../helpers/cli";
import { DATA_2026_DIR } from "../../helpers/data-folder";
import { tempFolder, writeNotebook } from "../../helpers/notebooks";

const folder = tempFolder("roilab-printed-");
/** A copy of the shared chapter report (its cache spares re-running the notebooks), printed here. */
const reports = path.join(folder.dir, "reports");
const edition = path.join(reports, "2026-11");
const defaultPdf = path.join(folder.dir, "default.pdf");
const codePdf = path.join(reports, "report.pdf");
const tables = path.join(folder.dir, "tables");
/** Row counts of the tables in the section of tables; each is set three times, after prose of another length. */
const TABLE_LENGTHS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 16, 20, 24, 30, 40];
/** The longest table the print stylesheet keeps whole. */
const WHOLE_TABLE_ROWS = 12;
/** A4's printable width at 96 px an inch, less the print stylesheet's 12 mm side margins. */
const PRINT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);
let builds: Record<string, CliResult>;
let browser: Browser;

/**
 * A notebook of tables of 2 to 40 rows, each after a paragraph of 1 to 6 lines, so that page breaks fall everywhere:
 * printed without rules for table rows, five of its pages hold a single row.
 */
function writeTablesNotebook(dir: string): void {
  const cells: Parameters<typeof writeNotebook>[2] = [{ markdown: "# Tables\n\nTables of every length at every height of a page." }];
  let number = 0;
  for (let round = 0; round < 3; round++) {
    for (const rows of TABLE_LENGTHS) {
      number++;
      const lines = ((number * 5) % 6) + 1;
      const prose = Array.from(
        { length: lines },
        (_, line) => `Line ${line + 1} of the prose before table ${number}, long enough to fill most of a line of the page.`,
      );
      const body = Array.from(
        { length: rows },
        (_, row) =>
          `<tr><td>Table ${number} row ${row + 1}</td><td>${number * 100 + row}</td><td>${row % 3 === 0 ? "a note long enough to wrap onto a second line when the table is printed at the width of the paper" : "short"}</td></tr>`,
      ).join("");
      const table = `<table class="roilab-table"><caption>Table ${number}: ${rows} rows</caption><thead><tr><th>Row</th><th>Value</th><th>Note</th></tr></thead><tbody>${body}</tbody></table>`;
      // The code is left out as any page's would be, so the section prints the same with or without --pdf-code.
      cells.push(
        { markdown: prose.join(" ") },
        { code: `import * as tslab from "tslab";\ntslab.display.html(${JSON.stringify(table)});`, tags: ["remove-input"] },
      );
    }
  }
  mkdirSync(dir);
  writeNotebook(dir, "1-tables.ipynb", cells);
}

beforeAll(async () => {
  const shared = await chapterReport();
  expect(shared.build.code, shared.build.stderr).toBe(0);
  expect(shared.editionBuild.code, shared.editionBuild.stderr).toBe(0);
  cpSync(shared.reports, reports, { recursive: true });
  const notebooks = path.join(folder.dir, "notebooks");
  writeTablesNotebook(notebooks);
  const pdf = ["--pdf", "--chromium", CHROMIUM, "--jobs", "2"];
  // The default print, kept aside, then the same report printed with its code.
  const printChapter = async () => {
    const chapter = await roilab(["report", "--out", reports, ...pdf]);
    copyFileSync(path.join(reports, "report.pdf"), defaultPdf);
    return { chapter, chapterWithCode: await roilab(["report", "--out", reports, ...pdf, "--pdf-code"]) };
  };
  const [chapterBuilds, edition2026, tableSection] = await Promise.all([
    printChapter(),
    roilab(["report", "--data", DATA_2026_DIR, "--out", edition, ...pdf]),
    roilab(["report", notebooks, "--out", tables, ...pdf]),
  ]);
  builds = { ...chapterBuilds, edition2026, tableSection };
  for (const [name, build] of Object.entries(builds)) expect(build.code, `${name}: ${build.stderr}`).toBe(0);
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  folder.dispose();
});

const squeeze = (text: string) => text.replace(/\s+/g, "");

/**
 * A PDF's text as drawn, page by page, without white space (poppler's `pdftotext -raw` keeps the order Chromium
 * draws in, which is the page's own): a line of text wrapped on paper reads as it did on screen.
 */
class PrintedText {
  private readonly text: string;
  private readonly pageStarts: number[] = [];
  private cursor = 0;
  private end = 0;

  constructor(file: string) {
    const result = spawnSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`pdftotext failed (${result.error?.message ?? result.stderr}); install poppler-utils`);
    let text = "";
    for (const page of result.stdout.split("\f")) {
      this.pageStarts.push(text.length);
      text += squeeze(page);
    }
    this.text = text;
    this.end = text.length;
  }

  /** The whole document's text, without white space. */
  get all(): string {
    return this.text;
  }

  /** Reads pages `first` to `last` (1-based) from here on: one report page's part of the PDF. */
  section(first: number, last: number): void {
    this.cursor = this.pageStarts[first - 1] ?? this.text.length;
    this.end = this.pageStarts[last] ?? this.text.length;
  }

  /**
   * The page holding the next occurrence of `text` in the section after the last one found; that one is then the last
   * found, unless it is only `seen`: a figure's drawing is painted after the text around it on its page, so the
   * search for what follows a figure starts from the figure's caption.
   */
  next(text: string, { seen = false } = {}): number | undefined {
    const wanted = squeeze(text);
    const at = wanted === "" ? -1 : this.text.indexOf(wanted, this.cursor);
    if (at < 0 || at + wanted.length > this.end) return undefined;
    if (!seen) this.cursor = at + wanted.length;
    return this.pageStarts.filter((start) => start <= at).length;
  }
}

/** The first page of each bookmark of a printed report, in order: one bookmark per report page. */
async function bookmarkedPages(file: string): Promise<number[]> {
  const document = await PDFDocument.load(readFileSync(file));
  const pageNumber = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const firsts: number[] = [];
  const outline = document.catalog.lookup(PDFName.of("Outlines"), PDFDict);
  for (let item = outline.lookupMaybe(PDFName.of("First"), PDFDict); item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
    firsts.push(pageNumber.get(item.lookup(PDFName.of("Dest"), PDFArray).get(0).toString()) as number);
  }
  return firsts;
}

/** What a page prints that must not be split badly, in the order it prints: tables, and figures and what-if panels. */
type Printed =
  | { kind: "table"; name: string; head: string; rows: string[] }
  | { kind: "figure"; name: string; caption: string; lowest: string; overlaps: string[] };

/** The report's pages in the order the PDF prints them: the index, then each section it links to. */
async function printOrder(folderPath: string): Promise<string[]> {
  const { page } = await openReport(browser, path.join(folderPath, "index.html"));
  const links = await page
    .locator("main a[href$='.html']")
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? "").filter((href) => !href.includes("/")));
  await page.close();
  return ["index.html", ...new Set(links)];
}

/**
 * A page's tables and drawn figures as printed on A4 (print media at the paper's width, figures fitted as before
 * printing): each table's caption (or header) and its rows' text; each figure's caption and the lowest words drawn
 * in it, and anything after it that is laid out over it.
 */
async function printedParts(file: string): Promise<Printed[]> {
  const { page } = await openReport(browser, file);
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: PRINT_WIDTH_PX, height: 900 });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const parts = await page.locator("main table, main figure.plotly-figure, main .whatif, main .card").evaluateAll((elements) =>
    elements
      .filter((element) => element.getClientRects().length > 0)
      .flatMap((element): Printed[] => {
        if (element instanceof HTMLTableElement) {
          const head = element.caption?.textContent || element.tHead?.textContent || "";
          const rows = [...element.tBodies].flatMap((body) => [...body.rows].map((row) => row.textContent ?? ""));
          return [{ kind: "table", name: head.slice(0, 60), head, rows }];
        }
        const layers = [...element.querySelectorAll(".plot svg.main-svg")];
        const caption = element.querySelector("figcaption, h2, h3")?.textContent ?? "";
        // The lowest words drawn whole inside the drawing (an axis title, a legend entry), long enough not to be met
        // earlier in the figure by chance, as a tick's "0" would be: where a split figure would go on to the next page.
        const drawing = layers.map((layer) => layer.getBoundingClientRect());
        const words = [...element.querySelectorAll(".plot svg text")]
          .map((text) => ({ text: text.textContent ?? "", box: text.getBoundingClientRect() }))
          .filter(
            ({ text, box }) =>
              text.replace(/\s+/g, "").length >= 6 &&
              box.width > 0 &&
              drawing.some((layer) => box.left >= layer.left - 1 && box.right <= layer.right + 1 && box.bottom <= layer.bottom + 1),
          )
          .sort((a, b) => a.box.bottom - b.box.bottom)
          .map(({ text }) => text);
        // A card without a figure, or a drawing without words, has nothing to find on paper.
        if (words.length === 0) return [];
        // The figure's extent, its drawing included: nothing after it in the page (the next cell) may be laid out over it.
        const extent = [element.getBoundingClientRect(), ...drawing].reduce(
          (a, b) =>
            new DOMRect(
              Math.min(a.left, b.left),
              Math.min(a.top, b.top),
              Math.max(a.right, b.right) - Math.min(a.left, b.left),
              Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top),
            ),
        );
        const overlaps: string[] = [];
        for (let level: Element | null = element; level && level.tagName !== "MAIN"; level = level.parentElement) {
          for (let next = level.nextElementSibling; next; next = next.nextElementSibling) {
            const box = next.getBoundingClientRect();
            const over =
              Math.min(box.bottom, extent.bottom) - Math.max(box.top, extent.top) > 0.5 &&
              Math.min(box.right, extent.right) - Math.max(box.left, extent.left) > 0.5;
            if (over)
              overlaps.push(
                `${next.tagName.toLowerCase()}.${next.className} at ${Math.round(box.top)} px, the figure ${Math.round(extent.top)} to ${Math.round(extent.bottom)} px`,
              );
          }
        }
        return [{ kind: "figure", name: caption.slice(0, 60), caption, lowest: words.at(-1) as string, overlaps }];
      }),
  );
  await page.close();
  return parts;
}

interface Placement {
  /** `page.html: Table 3` */
  name: string;
  /** For a table, the page of its caption or header then of each row; for a figure, of its caption and lowest words. */
  pages: (number | undefined)[];
  /** A table's rows; -1 for a figure. */
  rows: number;
  overlaps: string[];
}

/** Where each table and figure of a printed report fell in its PDF, each looked for in its own report page's pages. */
function placements(folderPath: string, pdf: string): Promise<Placement[]> {
  // Each report is read once, for its tables and its figures alike.
  const key = `${folderPath}\n${pdf}`;
  if (!placed.has(key)) placed.set(key, findPlacements(folderPath, pdf));
  return placed.get(key) as Promise<Placement[]>;
}
const placed = new Map<string, Promise<Placement[]>>();

async function findPlacements(folderPath: string, pdf: string): Promise<Placement[]> {
  const text = new PrintedText(pdf);
  const order = await printOrder(folderPath);
  const firsts = await bookmarkedPages(pdf);
  expect(firsts.length, "one bookmark per report page").toBe(order.length);
  const found: Placement[] = [];
  for (const [index, file] of order.entries()) {
    text.section(firsts[index] as number, (firsts[index + 1] ?? Number.POSITIVE_INFINITY) - 1);
    for (const part of await printedParts(path.join(folderPath, file))) {
      const name = `${file}: ${part.name}`;
      if (part.kind === "table")
        found.push({
          name,
          pages: [text.next(part.head), ...part.rows.map((row) => text.next(row))],
          rows: part.rows.length,
          overlaps: [],
        });
      else
        found.push({ name, pages: [text.next(part.caption), text.next(part.lowest, { seen: true })], rows: -1, overlaps: part.overlaps });
    }
  }
  return found;
}

/** The tables that leave a page holding one of their rows, or their caption and header alone: each with its rows per page. */
function badlySplit(found: readonly Placement[]): string[] {
  return found
    .filter((placement) => placement.rows > 0)
    .flatMap((table) => {
      const [head, ...rows] = table.pages as number[];
      const perPage = new Map<number, number>();
      for (const page of rows) perPage.set(page, (perPage.get(page) ?? 0) + 1);
      const split = perPage.size > 1;
      const widowed = split && [...perPage.values()].some((count) => count === 1);
      return widowed || head !== rows[0]
        ? [`${table.name}: header on page ${head}, rows ${JSON.stringify(Object.fromEntries(perPage))}`]
        : [];
    });
}

describe("the printed report", () => {
  it("leaves code, and the prose about it, out of the PDF, and prints them with --pdf-code", () => {
    expect(builds.chapter!.stdout).toMatch(/wrote .*report\.pdf {2}\d+ pages/);
    const without = new PrintedText(defaultPdf).all;
    const withCode = new PrintedText(codePdf).all;
    // A listing's opening, a call only code makes, and a sentence that asks the reader to edit a cell.
    for (const code of ["import {", "displayFigure(", "re-run it"]) {
      expect(without.includes(squeeze(code)), `${code} in the default PDF`).toBe(false);
      expect(withCode.includes(squeeze(code)), `${code} with --pdf-code`).toBe(true);
    }
    // What the code printed stays: the analysis is the same on both.
    expect(without.includes(squeeze("Figure 59.3a — Break-even"))).toBe(true);
  });

  it.each([
    ["the chapter's report", reports, defaultPdf],
    ["the 2026-11 edition", edition, path.join(edition, "report.pdf")],
    ["a section of tables of every length", tables, path.join(tables, "report.pdf")],
  ])("never leaves a page holding one row of a table, nor its caption and header alone: %s", async (_, folderPath, pdf) => {
    const found = (await placements(folderPath, pdf)).filter((placement) => placement.rows > 0);
    expect(found.length).toBeGreaterThan(5);
    // Every table's caption and rows are found whole in the PDF, in order (a caption broken over two pages is not):
    // the check below reads where each one fell.
    expect(found.filter((table) => table.pages.includes(undefined)).map((table) => table.name)).toEqual([]);
    expect(badlySplit(found)).toEqual([]);
    if (folderPath === tables) {
      const splitShortTables = found.filter((table) => table.rows <= WHOLE_TABLE_ROWS && new Set(table.pages).size > 1);
      expect(splitShortTables.map((table) => table.name)).toEqual([]);
      // The long tables do run over pages: the section tests page breaks inside tables, not only between them.
      expect(found.some((table) => new Set(table.pages).size > 1)).toBe(true);
    }
  });

  it.each([
    ["the chapter's report", reports, defaultPdf],
    ["the 2026-11 edition", edition, path.join(edition, "report.pdf")],
  ])("prints each figure and what-if panel whole on one page, nothing below it drawn over it: %s", async (_, folderPath, pdf) => {
    const figures = (await placements(folderPath, pdf)).filter((placement) => placement.rows < 0);
    expect(figures.length).toBeGreaterThan(20);
    const split = figures.filter(({ pages: [caption, last] }) => caption === undefined || last === undefined || caption !== last);
    expect(split.map((figure) => `${figure.name}: pages ${figure.pages.join(" to ")}`)).toEqual([]);
    expect(figures.flatMap((figure) => figure.overlaps.map((overlap) => `${figure.name}: ${overlap}`))).toEqual([]);
  });
});
