/** Opening a published report in Debian's Chromium, offline, recording what would show a reader something went wrong. */
import type { Browser, Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Visit {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  blocked: string[];
  dialogs: string[];
}

export interface OpenOptions {
  width?: number;
  /** What to wait for after navigation; by default report.js saying every figure is drawn. */
  waitFor?: string;
  /** Runs before the page's own scripts, in every frame (Playwright's init script). */
  initScript?: () => void;
}

/** Opens a report with every network request blocked and waits until report.js says every figure is drawn. */
export async function openReport(browser: Browser, file: string, options: OpenOptions = {}): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 } });
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
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(`file://${file}`);
  await page.waitForSelector(options.waitFor ?? "html[data-figures-drawn]", { state: "attached", timeout: 30_000 });
  return visit;
}
