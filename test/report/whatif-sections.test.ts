/**
 * Every What-if section of every page is a live panel, in both editions of the chapter's report: its inputs start
 * at the notebook's, and at them it shows the very summary and figure the notebook's run shows (the page's bundle
 * and the kernel evaluate the same definition). A reader's changed inputs travel in the page's address.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { chapterReport } from "../helpers/chapter-report";
import { launchChromium, openReport } from "../helpers/browser";

let reports: string;
let edition: string;
let browser: Browser;

beforeAll(async () => {
  ({ reports, edition } = await chapterReport());
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

const pagesOf = (folder: string) => readdirSync(folder).filter((name) => name.endsWith(".html") && name !== "index.html");

interface Trace {
  name?: string;
  x?: unknown[];
  y?: unknown[];
}

/** Each What-if heading of the page with the panels of its section (up to the next h2), as ids. */
function whatIfSections(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main.report");
    if (!main) return [];
    const sections: Array<{ heading: string; panels: string[] }> = [];
    let current: { heading: string; panels: string[] } | undefined;
    for (const element of main.querySelectorAll("h2, .whatif")) {
      if (element.tagName === "H2") {
        current = element.id.startsWith("what-if") ? { heading: element.id, panels: [] } : undefined;
        if (current) sections.push(current);
      } else if (current) current.panels.push(element.id);
    }
    return sections;
  });
}

/** The traces a panel's figure shows now, and those the notebook's run showed in it (its figure's JSON on the page). */
function panelFigures(page: Page, id: string) {
  return page.evaluate((panelId) => {
    const panel = document.getElementById(panelId);
    const plot = panel?.querySelector(".plot") as (HTMLElement & { data?: unknown[] }) | null;
    const notebook = panel?.querySelector("script.roilab-figure")?.textContent;
    return {
      live: (plot?.data ?? []) as Array<{ name?: string; x?: unknown[]; y?: unknown[] }>,
      notebook: notebook ? (JSON.parse(notebook) as { data: Array<{ name?: string; x?: unknown[]; y?: unknown[] }> }).data : undefined,
      summary: panel?.querySelector(".result")?.textContent?.trim() ?? "",
      error: panel?.getAttribute("data-error"),
    };
  }, id);
}

/** Numbers equal to rounding (the page and the kernel are two engines), everything else exactly. */
function sameValues(live: unknown[] | undefined, notebook: unknown[] | undefined): boolean {
  if (!live || !notebook) return live === notebook;
  if (live.length !== notebook.length) return false;
  return live.every((value, index) => {
    const other = notebook[index];
    if (typeof value === "number" && typeof other === "number") return Math.abs(value - other) <= 1e-9 * Math.max(1, Math.abs(other));
    return JSON.stringify(value) === JSON.stringify(other);
  });
}

describe.each([
  ["the chapter's edition", () => reports],
  ["the 2026 edition", () => edition],
])("What-if sections in %s", (_, folder) => {
  it("each hold a live panel that, at the notebook's inputs, shows the notebook's summary and figure", async () => {
    const statics = await browser.newContext({ javaScriptEnabled: false });
    for (const name of pagesOf(folder())) {
      const file = path.join(folder(), name);
      const { page, consoleErrors } = await openReport(browser, file);
      const sections = await whatIfSections(page);
      expect(sections.length, name).toBeGreaterThan(0);
      // The notebook's own summaries, as the page holds them before its script runs.
      const unscripted = await statics.newPage();
      await unscripted.goto(`file://${file}`);
      for (const section of sections) {
        expect(section.panels.length, `${name} #${section.heading}`).toBeGreaterThan(0);
        for (const id of section.panels) {
          const where = `${name} #${id}`;
          const shown = await panelFigures(page, id);
          expect(shown.error, where).toBeNull();
          expect(shown.notebook, `${where}: the notebook's figure inside the panel`).toBeDefined();
          const notebook = shown.notebook as Trace[];
          expect(shown.live.length, where).toBe(notebook.length);
          shown.live.forEach((trace, index) => {
            const expected = notebook[index] as Trace;
            expect(trace.name, `${where} trace ${index}`).toBe(expected.name);
            expect(sameValues(trace.x, expected.x), `${where} trace ${index} x`).toBe(true);
            expect(sameValues(trace.y, expected.y), `${where} trace ${index} y`).toBe(true);
          });
          const written = (await unscripted.locator(`#${id} > .output-markdown`).first().textContent())?.trim();
          expect(shown.summary, where).toBe(written);
        }
      }
      expect(consoleErrors, name).toEqual([]);
      await unscripted.close();
      await page.close();
    }
    await statics.close();
  });
});

describe("a what-if scenario as a link", () => {
  it("keeps the inputs a reader changed in the page's address, opens on them from it, and resets to the notebook's", async () => {
    const file = path.join(reports, "59.1-cost-model.html");
    const { page } = await openReport(browser, file);
    const panel = page.locator(".whatif").first();
    const id = await panel.getAttribute("id");
    const field = panel.locator('input[name="callsPerDay"]');
    const notebookValue = await field.inputValue();
    const notebookSummary = await panel.locator(".result").textContent();
    const reset = panel.locator("button.reset");
    expect(await reset.isDisabled()).toBe(true);
    await field.fill("12345");
    await expect.poll(() => panel.locator(".result").textContent()).toContain("12,345 calls a day");
    // The figure's caption keeps the notebook's number and follows the inputs.
    expect(await panel.locator("figcaption").textContent()).toMatch(/^Figure 59\.1c — .*12,345 calls a day/);
    const address = new URL(page.url());
    expect(address.searchParams.get(`${id}.callsPerDay`)).toBe("12345");
    expect([...address.searchParams.keys()]).toEqual([`${id}.callsPerDay`]);
    const changedSummary = await panel.locator(".result").textContent();

    // The link opens on the reader's scenario.
    const shared = await openReport(browser, `${file}${address.search}`);
    const sharedPanel = shared.page.locator(`#${id}`);
    expect(await sharedPanel.locator('input[name="callsPerDay"]').inputValue()).toBe("12345");
    expect(await sharedPanel.locator(".result").textContent()).toBe(changedSummary);
    expect(await sharedPanel.locator("button.reset").isDisabled()).toBe(false);
    await shared.page.close();

    await reset.click();
    await expect.poll(() => panel.locator(".result").textContent()).toBe(notebookSummary);
    expect(await field.inputValue()).toBe(notebookValue);
    expect(new URL(page.url()).search).toBe("");
    await page.close();
  });
});
