#!/usr/bin/env node
/**
 * npm run bench:report: what a reader's browser gets. Builds the reports, exports the same executed notebooks
 * with `jupyter nbconvert --to html`, then opens every page offline in headless Chromium and prints its weight,
 * the time from navigation to the first screen's figures drawn and to all figures drawn (median of several loads,
 * `ROILAB_BENCH_LOADS`, default 5), and the what-if panel's redraw time. `-- --reports DIR` measures an earlier
 * report folder as it is, without building one or exporting with nbconvert.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { PROJECT_ROOT } from "../util/project-root";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(`${command} ${args.join(" ")} failed (exit code ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
}

interface Measure {
  /** Navigation to the figures on the first screen drawn (`data-first-screen-drawn`); undefined on pages that do not say. */
  firstScreenMs?: number;
  /** Navigation to every figure drawn (`data-figures-drawn`), or to the load event on other pages. */
  drawnMs: number;
  figures: number;
}

/** Loads of each page measured; the median is printed, since one load on a shared machine varies a lot. */
const LOADS = Number(process.env.ROILAB_BENCH_LOADS ?? 5);
const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Records, in the page, when report.js sets each of its attributes on <html>. */
function recordDrawTimes(): void {
  const times: Record<string, number> = {};
  (window as unknown as { roilabDrawTimes: Record<string, number> }).roilabDrawTimes = times;
  new MutationObserver((changes) => {
    for (const change of changes)
      if (change.attributeName && !(change.attributeName in times)) times[change.attributeName] = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-first-screen-drawn", "data-figures-drawn"] });
}

/** Opens a page with the network blocked; waits for roilab's drawn flag, or for the load event on other pages. */
async function measureOnce(browser: Browser, file: string, roilabPage: boolean): Promise<Measure> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(recordDrawTimes);
  await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  await page.goto(`file://${file}`, { waitUntil: "load" });
  if (roilabPage) await page.waitForSelector("html[data-figures-drawn]", { state: "attached", timeout: 30_000 });
  const { times, now } = await page.evaluate(() => ({
    times: (window as unknown as { roilabDrawTimes: Record<string, number> }).roilabDrawTimes,
    now: performance.now(),
  }));
  const figures = await page.locator(".main-svg").count();
  await page.close();
  return { firstScreenMs: times["data-first-screen-drawn"], drawnMs: roilabPage ? (times["data-figures-drawn"] ?? now) : now, figures };
}

/** The median of several loads of a page. */
async function measure(browser: Browser, file: string, roilabPage: boolean): Promise<Measure> {
  const loads: Measure[] = [];
  for (let load = 0; load < LOADS; load++) loads.push(await measureOnce(browser, file, roilabPage));
  const firstScreens = loads.flatMap((load) => (load.firstScreenMs === undefined ? [] : [load.firstScreenMs]));
  return {
    firstScreenMs: firstScreens.length ? median(firstScreens) : undefined,
    drawnMs: median(loads.map((load) => load.drawnMs)),
    figures: (loads[0] as Measure).figures,
  };
}

/** Median time, over a few changes, from an input change to the what-if figure redrawn. */
async function whatIfRedrawMs(browser: Browser, file: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${file}`);
  await page.waitForSelector("html[data-figures-drawn]", { state: "attached" });
  const times: number[] = [];
  for (const calls of [1500, 2500, 4000, 6000, 9000]) {
    times.push(
      await page.evaluate((value) => {
        const panel = document.querySelector(".whatif") as HTMLElement;
        const plot = panel.querySelector(".plot") as HTMLElement & {
          on(event: string, handler: () => void): void;
          removeAllListeners?: (event: string) => void;
        };
        const input = panel.querySelector('input[name="callsPerDay"]') as HTMLInputElement;
        return new Promise<number>((resolve) => {
          const started = performance.now();
          plot.removeAllListeners?.("plotly_afterplot");
          plot.on("plotly_afterplot", () => resolve(performance.now() - started));
          input.value = String(value);
          input.dispatchEvent(new Event("input"));
        });
      }, calls),
    );
  }
  await page.close();
  return median(times);
}

/** The folder of an earlier `roilab report` to measure as it is (`-- --reports DIR`), instead of building one. */
function reportsArgument(): string | undefined {
  const at = process.argv.indexOf("--reports");
  return at >= 0 ? path.resolve(process.argv[at + 1] ?? ".") : undefined;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), "roilab-bench-report-"));
  const given = reportsArgument();
  const reports = given ?? path.join(work, "reports");
  const exported = path.join(work, "nbconvert");
  try {
    if (!given) run(process.execPath, [path.join(PROJECT_ROOT, "dist", "bin.js"), "report", "--out", reports]);
    const executed = readdirSync(reports)
      .filter((name) => name.endsWith(".ipynb"))
      .map((name) => path.join(reports, name));
    const haveNbconvert = !given && spawnSync("jupyter-nbconvert", ["--version"]).status === 0;
    if (haveNbconvert) run("jupyter-nbconvert", ["--to", "html", "--output-dir", exported, ...executed]);
    else if (!given)
      process.stdout.write(
        "(jupyter nbconvert not installed: apt-get install jupyter-nbconvert, or pip install nbconvert; skipping its column)\n",
      );

    const assets = readdirSync(path.join(reports, "assets")).reduce(
      (sum, name) => sum + statSync(path.join(reports, "assets", name)).size,
      0,
    );
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
    let worstPage = 0;
    let worstFirstScreen = 0;
    let worstDraw = 0;
    const ms = (value: number | undefined) => (value === undefined ? "-" : `${value.toFixed(0)} ms`);
    process.stdout.write(`shared assets (reports/assets): ${kb(assets)}   (goal <= 1536 KB)\n`);
    process.stdout.write(`times are the median of ${LOADS} loads, from navigation\n`);
    process.stdout.write(
      `${"page".padEnd(28)} ${"roilab".padStart(10)} ${"+assets".padStart(10)} ${"1st screen".padStart(10)} ${"all drawn".padStart(9)} ${"figures".padStart(8)}   ${"nbconvert".padStart(10)} ${"loaded".padStart(9)} ${"figures".padStart(8)}\n`,
    );
    for (const name of readdirSync(reports)
      .filter((file) => file.endsWith(".html"))
      .sort()) {
      const file = path.join(reports, name);
      const bytes = statSync(file).size;
      const ours = await measure(browser, file, true);
      worstPage = Math.max(worstPage, bytes);
      worstFirstScreen = Math.max(worstFirstScreen, ours.firstScreenMs ?? ours.drawnMs);
      worstDraw = Math.max(worstDraw, ours.drawnMs);
      const theirsFile = path.join(exported, name);
      const theirs = haveNbconvert && name !== "index.html" ? await measure(browser, theirsFile, false) : undefined;
      process.stdout.write(
        `${name.padEnd(28)} ${kb(bytes).padStart(10)} ${kb(bytes + assets).padStart(10)} ${ms(ours.firstScreenMs).padStart(10)} ${ms(ours.drawnMs).padStart(9)} ${String(ours.figures).padStart(8)}   ` +
          (theirs
            ? `${kb(statSync(theirsFile).size).padStart(10)} ${ms(theirs.drawnMs).padStart(9)} ${String(theirs.figures).padStart(8)}`
            : "") +
          "\n",
      );
    }
    const redraw = await whatIfRedrawMs(browser, path.join(reports, "59.3-break-even.html"));
    await browser.close();
    process.stdout.write(`largest page without assets: ${kb(worstPage)}   (goal <= 300 KB)\n`);
    process.stdout.write(`slowest page, navigation to first screen drawn: ${worstFirstScreen.toFixed(0)} ms   (goal <= 800 ms)\n`);
    process.stdout.write(`slowest page, navigation to all figures drawn: ${worstDraw.toFixed(0)} ms   (goal <= 1500 ms)\n`);
    process.stdout.write(`what-if panel redraw after an input change (median of 5): ${redraw.toFixed(1)} ms   (goal <= 100 ms)\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
