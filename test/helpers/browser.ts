/** Opening a published report in Debian's Chromium, offline, recording what would show a reader something went wrong. */
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

export interface OpenOptions {
  /** Viewport width in px; default 1280 (900 tall). */
  width?: number;
  /** What to wait for after navigation; by default report.js saying every figure is drawn. */
  waitFor?: string;
  /** Runs before the page's own scripts, in every frame (Playwright's init script). */
  initScript?: () => void;
  /** Let the page save files (its CSV downloads). */
  acceptDownloads?: boolean;
  /** The system's colour scheme the page sees from its start; default light. */
  colorScheme?: "light" | "dark";
}

/** Opens a report with every request off disk blocked and waits until report.js says every figure is drawn. */
export async function openReport(browser: Browser, file: string, options: OpenOptions = {}): Promise<Visit> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: 900 },
    acceptDownloads: options.acceptDownloads ?? false,
    colorScheme: options.colorScheme ?? "light",
  });
  const visit: Visit = { page, consoleErrors: [], failedRequests: [], blocked: [], dialogs: [] };
  page.on("console", (message) => message.type() === "error" && visit.consoleErrors.push(message.text()));
  page.on("pageerror", (error) => visit.consoleErrors.push(String(error)));
  page.on("requestfailed", (request) => visit.failedRequests.push(request.url()));
  page.on("dialog", (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route("**/*", (route) => {
    // A CSV download is a blob the page made itself; anything else not on disk would be the network.
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("blob:")) return route.continue();
    visit.blocked.push(url);
    return route.abort();
  });
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(`file://${file}`);
  await page.waitForSelector(options.waitFor ?? "html[data-figures-drawn]", { state: "attached", timeout: 30_000 });
  return visit;
}
