/**
 * Prints published report pages to PDF in headless Chromium, each as a reader's browser would print it: opened
 * offline from disk, every figure drawn, then printed with the print stylesheet.
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
import { chromium, type Browser } from "playwright-core";
import { RoilabError, UsageError } from "../../errors";
import { endMarkedProcesses, PROCESS_TOKEN_VARIABLE } from "../../util/process-tree";

/** Wide enough for the screen layout, so figures are drawn as on a desktop and the print stylesheet scales them. */
const SCREEN_VIEWPORT = { width: 1280, height: 900 };

/** How long a page may take to draw its figures before printing gives up on it. */
const DRAW_TIMEOUT_MS = 120_000;

/** Chromium starts in a second or two; one that has not answered by then never will. */
const LAUNCH_TIMEOUT_MS = 30_000;

/** A page opened from disk loads at once; one that has not loaded by then (a script that never yields) never will. */
const LOAD_TIMEOUT_MS = 60_000;

export interface PrintOptions {
  /** The Chromium or Chrome executable. */
  chromium: string;
  /** Paper size as Chromium names it. Default A4. */
  paper?: "A4" | "Letter";
  /**
   * Print the code listings a page shows, and the prose tagged `only-with-code` that speaks of them. Default false:
   * paper carries the analysis, as the print stylesheet sets it.
   */
  code?: boolean;
  /** How long the browser may take to start, ms. Default 30 s. */
  launchTimeoutMs?: number;
  /** How long a page may take to load, ms. Default 60 s. */
  loadTimeoutMs?: number;
}

/**
 * Starts the browser marked (see process-tree.ts), so that a browser that never answers is ended with every
 * process it started: one left holding this process's pipes would keep roilab from exiting.
 */
async function launch(executablePath: string, timeoutMs: number): Promise<Browser> {
  const token = randomUUID();
  try {
    return await chromium.launch({
      executablePath,
      args: ["--headless", "--no-sandbox"],
      timeout: timeoutMs,
      env: { ...process.env, [PROCESS_TOKEN_VARIABLE]: token },
    });
  } catch (error) {
    endMarkedProcesses(token);
    const timedOut = (error as Error).name === "TimeoutError";
    const reason = timedOut ? `it did not answer within ${timeoutMs / 1000} s` : String((error as Error).message).split("\n")[0];
    throw new UsageError(`could not start ${executablePath} as headless Chromium: ${reason}`);
  }
}

/** One PDF per page, in the order given. */
export async function printPages(files: readonly string[], options: PrintOptions): Promise<Uint8Array[]> {
  const browser = await launch(options.chromium, options.launchTimeoutMs ?? LAUNCH_TIMEOUT_MS);
  try {
    const printed: Uint8Array[] = [];
    for (const file of files) {
      // Paper is light: figures are drawn in the light theme whatever the machine's colour scheme.
      const page = await browser.newPage({ viewport: SCREEN_VIEWPORT, colorScheme: "light" });
      try {
        // A report needs nothing from the network; a request there would make the PDF depend on it.
        await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
        const loadTimeoutMs = options.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
        await page.goto(pathToFileURL(path.resolve(file)).href, { timeout: loadTimeoutMs }).catch((error: Error) => {
          // Playwright's own message is a call log with terminal colours; the reader needs the page and the limit.
          if (error.name !== "TimeoutError") throw error;
          throw new RoilabError(`${file}: the page did not load within ${loadTimeoutMs / 1000} s, so it was not printed`);
        });
        await page.waitForSelector("html[data-figures-drawn]", { state: "attached", timeout: DRAW_TIMEOUT_MS }).catch(() => {
          throw new RoilabError(`${file}: its figures were not drawn within ${DRAW_TIMEOUT_MS / 1000} s, so it was not printed`);
        });
        // The print stylesheet leaves code out of a page unless the page is marked to print it; folded code prints open.
        if (options.code)
          await page.evaluate(() => {
            document.documentElement.dataset.printCode = "";
            for (const folded of document.querySelectorAll<HTMLDetailsElement>("details.input")) folded.open = true;
          });
        // Printing uses print media and fires beforeprint, as a reader's "Print" does: the page's script fits the figures then.
        printed.push(await page.pdf({ format: options.paper ?? "A4", printBackground: true, preferCSSPageSize: true }));
      } finally {
        await page.close();
      }
    }
    return printed;
  } finally {
    await browser.close();
  }
}
