/** Opens published report pages offline in Debian's Chromium, every request off disk blocked and recorded. */
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
}

export interface Visit {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  blocked: string[];
  dialogs: string[];
}

/** Opens a report offline and waits until report.js says every figure is drawn. */
export async function openReport(browser: Browser, file: string, width = 1280, options: { acceptDownloads?: boolean } = {}): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
  const visit: Visit = { page, consoleErrors: [], failedRequests: [], blocked: [], dialogs: [] };
  page.on("console", (message) => message.type() === "error" && visit.consoleErrors.push(message.text()));
  page.on("pageerror", (error) => visit.consoleErrors.push(String(error)));
  page.on("requestfailed", (request) => visit.failedRequests.push(request.url()));
  page.on("dialog", (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("blob:")) return route.continue();
    visit.blocked.push(url);
    return route.abort();
  });
  await page.goto(`file://${file}`);
  await page.waitForSelector("html[data-figures-drawn]", { state: "attached", timeout: 30_000 });
  return visit;
}
