/**
 * Reading the chapter's report on a wide screen, a phone and paper, in light and dark: the contents beside the page
 * stay in view and mark the section being read; a dark system setting gives a dark, readable page and dark figures;
 * paper is always light.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { chapterReport } from "../helpers/chapter-report";
import { launchChromium, openReport } from "../helpers/browser";

let reports: string;
let browser: Browser;
const PAGE = "59.3-break-even.html";
const DARK_PAPER = "rgb(13, 17, 23)";
const WHITE = "rgb(255, 255, 255)";

beforeAll(async () => {
  const { build, reports: shared } = await chapterReport();
  expect(build.code, build.stderr).toBe(0);
  reports = shared;
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

/** The page's background and its first figure's paper as luminance, and its text's contrast, as the browser shows them. */
function colours(page: Page) {
  return page.evaluate(() => {
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
        const c = Number(value) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const body = getComputedStyle(document.body);
    const paper = document.querySelector<SVGElement>("figure.plotly-figure .plot svg.main-svg")?.style.background ?? "";
    return {
      background: luminance(body.backgroundColor),
      text: contrast(body.color, body.backgroundColor),
      muted: contrast(getComputedStyle(document.querySelector("details.input summary") as Element).color, body.backgroundColor),
      paper: luminance(paper),
    };
  });
}

const firstPaper = (page: Page, colour: string) =>
  page.waitForFunction(
    (expected) => document.querySelector<SVGElement>("figure.plotly-figure svg.main-svg")?.style.background === expected,
    colour,
    { timeout: 5_000 },
  );

const sidebarBox = (page: Page) =>
  page.locator("nav.sidebar").evaluate((nav) => {
    const box = nav.getBoundingClientRect();
    return { display: getComputedStyle(nav).display, top: box.top, bottom: box.bottom, right: box.right };
  });

describe("the contents beside the page", () => {
  it("at 1280 px lists the report's pages and this page's sections, and stays in view, marking the section read", async () => {
    const { page, consoleErrors } = await openReport(browser, path.join(reports, PAGE), { width: 1280 });
    const box = await sidebarBox(page);
    expect(box.display).toBe("block");
    const main = await page.locator("main.report").boundingBox();
    // Beside the page, not over it.
    expect(box.right).toBeLessThanOrEqual((main?.x ?? 0) + 1);
    expect(await page.locator("nav.sidebar .sidebar-pages > li > a").count()).toBeGreaterThan(10);
    expect(await page.locator('nav.sidebar a[aria-current="page"]').textContent()).toContain("59.3");
    const sections = await page.locator("nav.sidebar .on-this-page a").allTextContents();
    const headings = await page.locator("main h2").evaluateAll((list) => list.map((heading) => heading.firstChild?.textContent ?? ""));
    expect(sections).toEqual(headings);
    // The contents list in the page's flow gives way to the sidebar.
    expect(await page.locator("main nav.toc").isVisible()).toBe(false);

    const heading = page.locator("main h2").nth(2);
    await heading.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.waitForFunction(
      (id) => document.querySelector('nav.sidebar a[aria-current="location"]')?.getAttribute("href") === `#${id}`,
      await heading.getAttribute("id"),
      { timeout: 5_000 },
    );
    const scrolled = await sidebarBox(page);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    expect(scrolled.top).toBeGreaterThanOrEqual(0);
    expect(scrolled.top).toBeLessThan(50);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("is no sidebar at 390 px, nor on paper: the contents list in the page serves there as before", async () => {
    const phone = await openReport(browser, path.join(reports, PAGE), { width: 390 });
    expect((await sidebarBox(phone.page)).display).toBe("none");
    expect(await phone.page.locator("main nav.toc").isVisible()).toBe(true);
    await phone.page.close();
    const wide = await openReport(browser, path.join(reports, PAGE), { width: 1280 });
    await wide.page.emulateMedia({ media: "print" });
    expect((await sidebarBox(wide.page)).display).toBe("none");
    expect(await wide.page.evaluate(() => getComputedStyle(document.body).display)).toBe("block");
    await wide.page.close();
  });

  it("lists the report's pages on the index, in its cards' order", async () => {
    const { page } = await openReport(browser, path.join(reports, "index.html"), { width: 1280 });
    expect((await sidebarBox(page)).display).toBe("block");
    const hrefs = await page.locator("nav.sidebar .sidebar-pages a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    const cards = await page.locator(".card h2 a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs).toEqual(cards);
    await page.close();
  });
});

describe("dark mode", () => {
  it("follows the system's dark setting: a dark page, readable text, figures and panels on dark paper", async () => {
    for (const width of [1280, 390]) {
      const { page, consoleErrors } = await openReport(browser, path.join(reports, PAGE), { width, colorScheme: "dark" });
      const dark = await colours(page);
      expect(dark.background, `${width}px`).toBeLessThan(0.05);
      expect(dark.text, `${width}px`).toBeGreaterThanOrEqual(4.5);
      expect(dark.muted, `${width}px`).toBeGreaterThanOrEqual(4.5);
      expect(dark.paper, `${width}px`).toBeLessThan(0.05);
      const panelPaper = await page
        .locator(".whatif .plot svg.main-svg")
        .first()
        .evaluate((svg) => (svg as SVGElement).style.background);
      expect(panelPaper, `${width}px`).toBe(DARK_PAPER);
      expect(consoleErrors).toEqual([]);
      await page.close();
    }
  });

  it("draws the figures again when the setting changes, and prints light", async () => {
    const { page } = await openReport(browser, path.join(reports, PAGE), { width: 1280, colorScheme: "dark" });
    await firstPaper(page, DARK_PAPER);
    await page.emulateMedia({ colorScheme: "light" });
    await firstPaper(page, WHITE);
    expect((await colours(page)).background).toBeGreaterThan(0.9);
    await page.emulateMedia({ colorScheme: "dark", media: "print" });
    await firstPaper(page, WHITE);
    const printed = await colours(page);
    expect(printed.background).toBeGreaterThan(0.9);
    expect(printed.paper).toBeGreaterThan(0.9);
    await page.emulateMedia({ media: "screen" });
    await firstPaper(page, DARK_PAPER);
    await page.close();
  });
});
