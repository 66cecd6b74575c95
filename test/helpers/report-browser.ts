/** Opens published report pages in Debian's Chromium, offline: every request that is not file:// is blocked and recorded. */
import type { Browser, Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox"];

export interface Visit {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  blocked: string[];
  dialogs: string[];
}

/** Opens a report offline and waits until report.js says every figure is drawn. */
export async function openReport(browser: Browser, file: string, width = 1280): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const visit: Visit = { page, consoleErrors: [], failedRequests: [], blocked: [], dialogs: [] };
  page.on("console", (message) => message.type() === "error" && visit.consoleErrors.push(message.text()));
  page.on("pageerror", (error) => visit.consoleErrors.push(String(error)));
  page.on("requestfailed", (request) => visit.failedRequests.push(request.url()));
  page.on("dialog", (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route("**/*", (route) => {
    if (route.request().url().startsWith("file:")) return route.continue();
    visit.blocked.push(route.request().url());
    return route.abort();
  });
  await page.goto(`file://${file}`);
  await page.waitForSelector("html[data-figures-drawn]", { state: "attached", timeout: 30_000 });
  return visit;
}
