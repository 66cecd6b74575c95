/**
 * The order a built report draws its figures in, in Chromium, offline: the first screen first, the rest as they
 * scroll near or when the browser is idle, and all of them before printing. The browser's idle moments are held
 * back here (as on a busy page) so that what is drawn without them shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { roilab } from "../../helpers/cli";
import { DATA_DIR } from "../../helpers/data-folder";
import { tempFolder, writeNotebook } from "../../helpers/notebooks";
import { CHROMIUM, openReport, type Visit } from "../../helpers/browser";
import { loadDataset } from "../../../src/data";
import { breakEvenPanelSpec } from "../../../src/analysis/panels";
import { WHATIF_MIME } from "../../../src/panels/mime";
import { PLOTLY_MIME } from "../../../src/util/mime";

/** Enough figures that the last ones lie far below the first screen and beyond the distance drawn ahead. */
const FIGURES = 12;
const folder = tempFolder("roilab-draw-order-");
let browser: Browser;
let report: string;

beforeAll(async () => {
  const notebooks = path.join(folder.dir, "notebooks");
  mkdirSync(notebooks);
  const bars = (n: number) => ({
    data: [{ type: "bar", x: ["cloud", "local"], y: [n, n + 1] }],
    layout: { title: { text: `Figure ${n} — Bars ${n}` } },
  });
  const panel = breakEvenPanelSpec(loadDataset(DATA_DIR));
  const figureCells = Array.from({ length: FIGURES }, (_, index) => [
    { markdown: `Before figure ${index + 1}.` },
    `tslab.display.raw("${PLOTLY_MIME}", ${JSON.stringify(bars(index + 1))} as any);`,
  ]);
  const file = writeNotebook(notebooks, "order.ipynb", [
    { markdown: "# Drawing order" },
    `import * as tslab from "tslab";`,
    ...figureCells.flat(),
    `tslab.display.raw("${WHATIF_MIME}", ${JSON.stringify(panel)} as any);`,
  ]);
  const result = await roilab(["report", file, "--out", path.join(folder.dir, "reports")]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  report = path.join(folder.dir, "reports", "order.html");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  folder.dispose();
});

/** Init script: idle callbacks wait until the test calls `releaseIdle()`, as on a page kept busy. */
function holdIdle(): void {
  const waiting: IdleRequestCallback[] = [];
  window.requestIdleCallback = (callback) => waiting.push(callback);
  (window as unknown as { releaseIdle(): void }).releaseIdle = () =>
    waiting.splice(0).forEach((callback) => {
      callback({ didTimeout: true, timeRemaining: () => 0 });
    });
}

/** Opens the report with idle held back, once its first screen is drawn. */
const openBusy = () => openReport(browser, report, { initScript: holdIdle, waitFor: "html[data-first-screen-drawn]" });

/** For each figure of the page, in order: whether Plotly has drawn it. */
const drawn = (page: Page) =>
  page.locator("figure .plot").evaluateAll((plots) => plots.map((plot) => plot.querySelector(".main-svg .trace") !== null));
const onFirstScreen = (page: Page) =>
  page
    .locator("figure .plot")
    .evaluateAll((plots) =>
      plots.map((plot) => plot.getBoundingClientRect().top < window.innerHeight && plot.getBoundingClientRect().bottom > 0),
    );
const allDrawnFlag = (page: Page) => page.getAttribute("html", "data-figures-drawn");

function expectQuiet(visit: Visit): void {
  expect(visit.consoleErrors).toEqual([]);
  expect(visit.failedRequests).toEqual([]);
  expect(visit.blocked).toEqual([]);
}

describe("the order a report draws its figures in", () => {
  it("draws the first screen's figures before the others, and every other one in idle moments without scrolling", async () => {
    const visit = await openBusy();
    const { page } = visit;
    const shown = await onFirstScreen(page);
    expect(shown.length).toBe(FIGURES);
    expect(shown[0]).toBe(true);
    expect(shown.at(-1)).toBe(false);
    expect(Number(await page.getAttribute("html", "data-first-screen-drawn"))).toBe(shown.filter(Boolean).length);
    const early = await drawn(page);
    expect(early.filter((_, index) => shown[index]).every(Boolean)).toBe(true);
    expect(early.at(-1)).toBe(false);
    expect(await allDrawnFlag(page)).toBeNull();

    await expect
      .poll(
        async () => {
          await page.evaluate(() => (window as unknown as { releaseIdle(): void }).releaseIdle());
          return allDrawnFlag(page);
        },
        { timeout: 30_000 },
      )
      .toBe(String(FIGURES));
    expect(await drawn(page)).toEqual(Array(FIGURES).fill(true));
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expectQuiet(visit);
    await page.close();
  });

  it("draws a figure far down the page as soon as the reader scrolls to it", async () => {
    const visit = await openBusy();
    const { page } = visit;
    const last = page.locator("figure .plot").last();
    expect((await drawn(page)).at(-1)).toBe(false);
    await last.scrollIntoViewIfNeeded();
    await last.locator(".main-svg .trace").first().waitFor({ state: "attached" });
    // Drawn for being near, not for an idle moment: some figure in the middle still waits.
    expect((await drawn(page)).includes(false)).toBe(true);
    expect(await allDrawnFlag(page)).toBeNull();
    expectQuiet(visit);
    await page.close();
  });

  it("draws every figure for print media, and before page.pdf() lays out the paper", async () => {
    const emulated = await openBusy();
    expect((await drawn(emulated.page)).includes(false)).toBe(true);
    await emulated.page.emulateMedia({ media: "print" });
    await emulated.page.waitForSelector(`html[data-figures-drawn="${FIGURES}"]`, { state: "attached" });
    expect(await drawn(emulated.page)).toEqual(Array(FIGURES).fill(true));
    expectQuiet(emulated);
    await emulated.page.close();

    const printed = await openBusy();
    expect((await drawn(printed.page)).includes(false)).toBe(true);
    const pdf = await printed.page.pdf();
    expect(await drawn(printed.page)).toEqual(Array(FIGURES).fill(true));
    // The same page printed once everything was drawn gives the same paper, so nothing was printed blank.
    const settled = await openReport(browser, report);
    const reference = await settled.page.pdf();
    expect(pdf.length / reference.length).toBeGreaterThan(0.98);
    expectQuiet(printed);
    await printed.page.close();
    await settled.page.close();
  });

  it("draws everything in a browser without idle callbacks, and the what-if panel still recomputes", async () => {
    const visit = await openReport(browser, report, {
      initScript: () => delete (window as { requestIdleCallback?: unknown }).requestIdleCallback,
    });
    const { page } = visit;
    expect(await drawn(page)).toEqual(Array(FIGURES).fill(true));
    const panel = page.locator(".whatif");
    await panel.locator(".plot .main-svg").first().waitFor({ state: "attached" });
    const breakEven = await panel.getAttribute("data-break-even");
    expect(breakEven).toMatch(/^\d+$/);
    await panel.locator('input[name="opsUsdPerMonth"]').fill("5000");
    await expect.poll(() => panel.getAttribute("data-break-even")).not.toBe(breakEven);
    expectQuiet(visit);
    await page.close();
  });
});
