/**
 * roilab report --pdf: two chapter sections named on the command line (printed alone), a whole report of two small
 * notebooks (index first), and a page in print media in Debian's Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, openReport } from "../../helpers/browser";
import { roilab, type CliResult } from "../../helpers/cli";
import { tempFolder, writeNotebook } from "../../helpers/notebooks";

const folder = tempFolder("roilab-pdf-");
const reports = path.join(folder.dir, "reports");
const pdfFile = path.join(reports, "report.pdf");
const TITLES: Record<string, string> = {
  "59.1-cost-model.html": "59.1 — What a month of agent calls costs",
  "59.3-break-even.html": "59.3 — When owning the hardware pays off",
};
/** The whole report of a folder of two small notebooks: its index, then each page. */
const whole = path.join(folder.dir, "whole");
const wholePdf = path.join(whole, "report.pdf");
const WHOLE_TITLES = ["1 — Calls", "2 — Servers"];
let build: CliResult;
let wholeBuild: CliResult;
let browser: Browser;

beforeAll(async () => {
  build = await roilab([
    "report",
    "notebooks/59.3-break-even.ipynb",
    "notebooks/59.1-cost-model.ipynb",
    "--out",
    reports,
    "--jobs",
    "1",
    "--pdf",
    "--chromium",
    CHROMIUM,
  ]);
  const notebooks = path.join(folder.dir, "notebooks");
  mkdirSync(notebooks);
  WHOLE_TITLES.forEach((title, index) => {
    writeNotebook(notebooks, `${index + 1}-section.ipynb`, [
      { markdown: `# ${title}\n\nA section of its own.` },
      `console.log(${index + 1} * 1000)`,
    ]);
  });
  wholeBuild = await roilab(["report", notebooks, "--out", whole, "--jobs", "1", "--pdf", "--chromium", CHROMIUM]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  folder.dispose();
});

/** One page's text as poppler's pdftotext extracts it, with runs of white space made one space. */
function pageText(page: number, file = wholePdf): string {
  const result = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext failed (${result.error?.message ?? result.stderr}); install poppler-utils`);
  return result.stdout.replace(/\s+/g, " ");
}

/** Each link annotation of each page: the page number (1-based) it jumps to, or the URI it opens. */
function links(document: PDFDocument): { from: number; to?: number; uri?: string }[] {
  const pageNumber = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  return document.getPages().flatMap((page, index) =>
    (page.node.Annots()?.asArray() ?? []).flatMap((reference) => {
      const annotation = document.context.lookup(reference, PDFDict);
      if (annotation.get(PDFName.of("Subtype")) !== PDFName.of("Link")) return [];
      const dest = annotation.lookupMaybe(PDFName.of("Dest"), PDFArray);
      const uri = annotation.lookupMaybe(PDFName.of("A"), PDFDict)?.get(PDFName.of("URI"))?.toString();
      return [{ from: index + 1, to: dest ? pageNumber.get(dest.get(0).toString()) : undefined, uri }];
    }),
  );
}

/** The PDF a build wrote, once the build is checked to have ended cleanly and named it with its page count. */
async function printedBy(result: CliResult, file: string): Promise<{ document: PDFDocument; pages: number }> {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const document = await PDFDocument.load(readFileSync(file));
  const pages = document.getPageCount();
  expect(result.stdout).toContain(`wrote ${file}  ${pages} pages\n`);
  return { document, pages };
}

describe("roilab report --pdf", () => {
  it("prints the index, then each section in order, into one PDF and names it with its page count", async () => {
    const { document, pages } = await printedBy(wholeBuild, wholePdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(document.getTitle()).toBe("roilab — cloud vs local LLM cost analysis");
    expect(pageText(1)).toContain("Model selection cost matrix: cloud vs local ROI");
    // The index comes first; each section's title opens a later page, in section order.
    const opening = WHOLE_TITLES.map((title) =>
      Array.from({ length: pages - 1 }, (_, index) => index + 2).find((page) => pageText(page).includes(title)),
    );
    expect(
      opening.every((page) => page !== undefined),
      JSON.stringify(opening),
    ).toBe(true);
    expect(opening[0]!).toBeLessThan(opening[1]!);
    // pdftotext keeps the number's spaces, "n / total", or not, "n/total", as the line's width happens to set it.
    expect(pageText(pages)).toMatch(new RegExp(`\\b${pages} ?/ ?${pages}\\b`));
  });

  it("turns the index's links to its pages into jumps to their first page, and keeps no link to a file", async () => {
    const document = await PDFDocument.load(readFileSync(wholePdf));
    const all = links(document);
    expect(all.filter((link) => link.uri?.includes("file:"))).toEqual([]);
    const fromIndex = all.filter((link) => link.from === 1 && link.to !== undefined);
    expect(fromIndex.length).toBeGreaterThanOrEqual(2);
    const targets = [...new Set(fromIndex.map((link) => link.to!))].sort((a, b) => a - b);
    expect(targets.map((page) => WHOLE_TITLES.find((title) => pageText(page).includes(title)))).toEqual(WHOLE_TITLES);
  });

  it("prints only the notebooks named on the command line, in section order, without the index", async () => {
    const { pages } = await printedBy(build, pdfFile);
    const texts = Array.from({ length: pages }, (_, index) => pageText(index + 1, pdfFile));
    expect(texts[0]).toContain(TITLES["59.1-cost-model.html"]);
    expect(texts.some((text) => text.includes("Model selection cost matrix"))).toBe(false);
    const opening = Object.values(TITLES).map((title) => texts.findIndex((text) => text.includes(title)));
    expect(opening[0]!).toBeLessThan(opening[1]!);
  });

  it("keeps the last good PDF when printing fails, and exits 2 naming the browser", async () => {
    const before = readFileSync(pdfFile);
    const broken = path.join(folder.dir, "broken-chromium");
    writeFileSync(broken, "#!/bin/sh\nexit 1\n");
    chmodSync(broken, 0o755);
    const result = await roilab(["report", "notebooks/59.1-cost-model.ipynb", "--out", reports, "--pdf", "--chromium", broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`could not start ${broken} as headless Chromium`);
    expect(readFileSync(pdfFile).equals(before)).toBe(true);
  });
});

describe("a report page in print media", () => {
  /** A4's printable width at 96 px an inch, less the print stylesheet's 12 mm side margins. */
  const PRINT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);

  it("keeps each figure and panel whole, scales its drawing inside its box keeping its aspect, and prints code only when asked, wrapped", async () => {
    const { page, consoleErrors } = await openReport(browser, path.join(reports, "59.3-break-even.html"));
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: PRINT_WIDTH_PX, height: 900 });
    // Before the page's script has fitted them (a browser without scripts), figures print as drawn rather than collapse.
    const unfitted = await page
      .locator(".plot .svg-container")
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height));
    expect(
      unfitted.every((height) => height >= 200),
      unfitted.join(","),
    ).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const boxes = await page.locator("figure.plotly-figure, .whatif").evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        const layers = [...element.querySelectorAll(".plot svg.main-svg")].map((svg) => ({
          rect: svg.getBoundingClientRect(),
          width: Number(svg.getAttribute("width")),
          height: Number(svg.getAttribute("height")),
        }));
        const plot = element.querySelector(".plot")?.getBoundingClientRect();
        const drawing = element.querySelector(".plot .svg-container")?.getBoundingClientRect();
        return {
          name: element.querySelector(".plot")?.getAttribute("aria-label") ?? element.className,
          blankBelowPx: (plot?.height ?? 0) - (drawing?.height ?? 0),
          breakInside: getComputedStyle(element).breakInside,
          box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
          layers: layers.map(({ rect, width, height }) => ({
            left: rect.left,
            right: rect.right,
            top: rect.top,
            bottom: rect.bottom,
            drawnAspect: width / height,
            printedAspect: rect.width / rect.height,
          })),
        };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const figure of boxes) {
      expect(figure.breakInside, figure.name).toBe("avoid");
      expect(figure.box.right, figure.name).toBeLessThanOrEqual(PRINT_WIDTH_PX + 0.5);
      expect(figure.layers.length, figure.name).toBeGreaterThan(0);
      // The figure's box shrinks with its drawing: no blank screen height left under it on paper.
      expect(figure.blankBelowPx, figure.name).toBeLessThan(1);
      for (const layer of figure.layers) {
        expect(layer.left, figure.name).toBeGreaterThanOrEqual(figure.box.left - 0.5);
        expect(layer.right, figure.name).toBeLessThanOrEqual(figure.box.right + 0.5);
        expect(layer.top, figure.name).toBeGreaterThanOrEqual(figure.box.top - 0.5);
        expect(layer.bottom, figure.name).toBeLessThanOrEqual(figure.box.bottom + 0.5);
        expect(layer.printedAspect / layer.drawnAspect, figure.name).toBeCloseTo(1, 2);
      }
    }
    // Figures drawn for a 1280 px screen are wider than the paper: they were scaled, not cut.
    expect(boxes.some((figure) => figure.layers.some((layer) => layer.right - layer.left < 0.9 * 940))).toBe(true);
    const headings = await page
      .locator("main h2, table.roilab-table caption, table.roilab-table thead")
      .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).breakAfter));
    expect(headings.length).toBeGreaterThan(4);
    expect(new Set(headings)).toEqual(new Set(["avoid"]));
    // Paper carries no code, nor the prose that speaks of it, unless the page is marked to print it (--pdf-code).
    const printedCode = () =>
      page.locator("section.cell .input pre.code, section.cell.only-with-code").evaluateAll((elements) =>
        elements
          .filter((element) => element.getClientRects().length > 0)
          .map((element) => ({
            prose: element.matches(".only-with-code"),
            whiteSpace: getComputedStyle(element).whiteSpace,
            overflows: element.scrollWidth > element.clientWidth,
          })),
      );
    expect(await page.locator("section.cell .input pre.code").count()).toBeGreaterThan(0);
    expect(await page.locator("section.cell.only-with-code").count()).toBeGreaterThan(0);
    expect(await printedCode()).toEqual([]);
    await page.evaluate(() => {
      document.documentElement.dataset.printCode = "";
    });
    const code = await printedCode();
    expect(code.filter((block) => block.prose).length).toBeGreaterThan(0);
    const listings = code.filter((block) => !block.prose);
    expect(listings.length).toBeGreaterThan(0);
    expect(
      listings.every((block) => (block.whiteSpace === "pre-wrap" || block.whiteSpace === "break-spaces") && !block.overflows),
      JSON.stringify(listings),
    ).toBe(true);
    // After printing, the figures are the screen's again.
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await page.locator(".plot svg.main-svg[viewBox]").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
