/**
 * The published pages as a reader meets them, at 1280 and 390 px wide: nothing drawn over anything else, the
 * answer first, figures with one number each that can be linked, sections linked in order, phones readable,
 * data downloadable, and no prose about code on pages that hide it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { roilab } from "../helpers/cli";
import { chapterReport } from "../helpers/chapter-report";
import { tempFolder } from "../helpers/notebooks";
import { launchChromium, openReport } from "../helpers/browser";

const folder = tempFolder("roilab-layout-");
/** The chapter's report, shared with other test files: read only. */
let reports: string;
const noInputReports = path.join(folder.dir, "no-input");
const WIDTHS = [1280, 390];
let browser: Browser;

beforeAll(async () => {
  const { build, reports: shared } = await chapterReport();
  expect(build.code, build.stderr).toBe(0);
  reports = shared;
  // The same executed notebooks published again without code, into a copy: the copy's cache spares re-running them.
  cpSync(reports, noInputReports, { recursive: true });
  const noInput = await roilab(["report", "--no-input", "--out", noInputReports, "--jobs", "2"]);
  expect(noInput.code, noInput.stderr).toBe(0);
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  folder.dispose();
});

const pagesIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".html"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
const sections = () => pagesIn(reports).filter((name) => name !== "index.html");

/** Every drawn plot whose SVG (legend and labels included) reaches past its own box, which would paint over what follows. */
function overflowingPlots(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".plot")].flatMap((plot) => {
      const box = plot.getBoundingClientRect();
      const svgs = [...plot.querySelectorAll("svg.main-svg")].map((svg) => svg.getBoundingClientRect());
      if (svgs.length === 0) return [];
      const bottom = Math.max(...svgs.map((rect) => rect.bottom));
      const right = Math.max(...svgs.map((rect) => rect.right));
      const name = plot.getAttribute("aria-label") ?? plot.closest(".whatif")?.id ?? plot.id;
      return bottom > box.bottom + 1 || right > box.right + 1
        ? [
            `${name}: drawn ${Math.round(bottom - box.top)}×${Math.round(right - box.left)} in ${Math.round(box.height)}×${Math.round(box.width)}`,
          ]
        : [];
    }),
  );
}

/** SVG text a figure cuts at its edges (a source line or axis title running off the side) or draws too small to read. */
function cutOrTinyText(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main .plot")].flatMap((plot) => {
      if (plot.closest(".card")) return [];
      const svg = plot.querySelector("svg.main-svg");
      if (!svg) return [];
      const edge = svg.getBoundingClientRect();
      return [...plot.querySelectorAll<SVGTextElement>("svg text")].flatMap((text) => {
        const rect = text.getBoundingClientRect();
        if (rect.width === 0 || !text.textContent?.trim()) return [];
        const size = parseFloat(getComputedStyle(text).fontSize);
        const problems = [
          ...(rect.left < edge.left - 1 || rect.right > edge.right + 1 ? [`cut at ${rect.left < edge.left - 1 ? "left" : "right"}`] : []),
          ...(size < 8.5 ? [`${size}px`] : []),
        ];
        return problems.length
          ? [`${plot.getAttribute("aria-label")?.slice(0, 14) ?? plot.id} "${text.textContent.slice(0, 40)}": ${problems.join(", ")}`]
          : [];
      });
    }),
  );
}

describe("every page at 1280 and 390 px", () => {
  it("no figure or panel draws past its box, no figure text is cut at its edges or too small to read, and nothing scrolls sideways", async () => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      for (const name of pagesIn(reports)) {
        const { page } = await openReport(browser, path.join(reports, name), { width: width });
        problems.push(...(await overflowingPlots(page)).map((problem) => `${width}px ${name} ${problem}`));
        problems.push(...(await cutOrTinyText(page)).map((problem) => `${width}px ${name} ${problem}`));
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (sideways > 0) problems.push(`${width}px ${name} scrolls ${sideways}px sideways`);
        await page.close();
      }
    }
    expect(problems).toEqual([]);
  });

  it("a phone gets no Plotly toolbar over a figure, and horizontal bars carry their labels above the bar", async () => {
    const { page } = await openReport(browser, path.join(reports, "59.8-sensitivity.html"), { width: 390 });
    const toolbars = await page
      .locator(".modebar-container")
      .evaluateAll((bars) => bars.filter((bar) => getComputedStyle(bar).display !== "none").length);
    expect(toolbars).toBe(0);
    const tornado = page.locator("figure.plotly-figure .plot").first();
    expect(await tornado.locator(".ytick text").count()).toBe(0);
    const labels = await tornado.locator(".annotation-text").allTextContents();
    expect(labels).toContain("Ops share of an engineer (0.1–0.6 FTE)");
    await page.close();
    const wide = await openReport(browser, path.join(reports, "59.8-sensitivity.html"), { width: 1280 });
    expect(await wide.page.locator("figure.plotly-figure .plot").first().locator(".ytick text").count()).toBeGreaterThan(5);
    await wide.page.close();
  });
});

describe("reading a section", () => {
  it("opens with its title, then its key findings in words with numbers, within the first screen, before the contents", async () => {
    for (const [width, name] of WIDTHS.flatMap((width) => sections().map((name) => [width, name] as const))) {
      const { page } = await openReport(browser, path.join(reports, name), { width: width });
      const order = await page.evaluate(() => {
        const main = document.querySelector("main.report")!;
        // A list not shown (the contents beside the page take its place on a wide screen) has no place to check.
        const top = (selector: string) => {
          const element = main.querySelector(selector);
          return element?.getClientRects().length ? element.getBoundingClientRect().top : Number.NaN;
        };
        return {
          title: top("h1"),
          findings: top(".key-findings"),
          contents: top("nav.toc"),
          text: main.querySelector(".key-findings")?.textContent ?? "",
        };
      });
      const where = `${width}px ${name}`;
      expect(order.findings, where).toBeGreaterThan(order.title);
      // Its first lines are on the first screen (900 px tall) without scrolling.
      expect(order.findings, where).toBeLessThan(900 - 120);
      if (!Number.isNaN(order.contents)) expect(order.contents, where).toBeGreaterThan(order.findings);
      expect(order.text, where).toMatch(/^Key findings.*\d/s);
      await page.close();
    }
  });

  it("numbers its contents from 1, one entry per section, and every heading carries a link to itself", async () => {
    const { page } = await openReport(browser, path.join(reports, "59.3-break-even.html"));
    const entries = await page.locator("nav.toc li").allTextContents();
    const sectionHeadings = await page
      .locator("main h2")
      .evaluateAll((headings) => headings.map((heading) => heading.firstChild?.textContent ?? ""));
    expect(entries).toEqual(sectionHeadings);
    expect(await page.locator("nav.toc ol").evaluate((list) => getComputedStyle(list.querySelector("li")!).listStyleType)).toBe("decimal");
    expect(await page.locator("nav.toc ol").getAttribute("start")).toBeNull();
    for (const heading of await page.locator("main h2").all()) {
      const id = await heading.getAttribute("id");
      expect(await heading.locator("a.anchor").getAttribute("href")).toBe(`#${id}`);
    }
    await page.close();
  });

  it("gives each figure one number on its page and an id a link can point at, and the link lands on it", async () => {
    for (const name of sections()) {
      const { page } = await openReport(browser, path.join(reports, name));
      const figures = await page.locator("figure.plotly-figure").evaluateAll((elements) =>
        elements.map((figure) => ({
          id: figure.id,
          number: figure.querySelector("figcaption .figure-number")?.textContent ?? "",
          href: figure.querySelector("figcaption a")?.getAttribute("href"),
        })),
      );
      const numbers = figures.map((figure) => figure.number);
      expect(new Set(numbers).size, `${name}: ${numbers.join(", ")}`).toBe(numbers.length);
      for (const figure of figures) {
        expect(figure.id, name).toBe(
          `figure-${figure.number
            .replace(/^Figure /, "")
            .toLowerCase()
            .replace(/\./g, "-")}`,
        );
        expect(figure.href, name).toBe(`#${figure.id}`);
      }
      // A what-if panel's figure has a number no static figure on the page has.
      const panelNumbers = await page
        .locator(".whatif .gtitle")
        .evaluateAll((titles) => titles.map((title) => /^Figure (\S+)/.exec(title.textContent ?? "")?.[1]).filter(Boolean));
      for (const number of panelNumbers) expect(numbers, name).not.toContain(`Figure ${number}`);
      await page.close();
    }
    const { page } = await openReport(browser, `${path.join(reports, "59.3-break-even.html")}#figure-59-3b`);
    const top = await page.locator("#figure-59-3b").evaluate((figure) => figure.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(40);
    expect(await page.locator("#figure-59-3b figcaption").textContent()).toBe(
      "Figure 59.3b — Break-even by hardware and API (calls per day)",
    );
    await page.close();
  });

  it("links each section to the one before and after it, so following Next reads the whole chapter in order", async () => {
    const visited: string[] = [];
    const { page } = await openReport(browser, path.join(reports, sections()[0]!));
    expect(await page.locator("nav.pager a[rel=prev]").count()).toBe(0);
    for (;;) {
      visited.push(path.basename(new URL(page.url()).pathname));
      const next = page.locator("nav.pager a[rel=next]");
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForSelector("html[data-figures-drawn]", { state: "attached" });
      const previous = await page.locator("nav.pager a[rel=prev]").getAttribute("href");
      expect(previous).toBe(visited.at(-1));
    }
    expect(visited).toEqual(sections());
    await page.close();
  });

  it("labels the audit's bars in words, never with a figure's id", async () => {
    const { page } = await openReport(browser, path.join(reports, "59.6-audit.html"));
    const labels = await page.locator("figure .ytick text").allTextContents();
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.filter((label) => /[a-z0-9]+\/[a-z0-9_-]+/.test(label))).toEqual([]);
    await page.close();
  });
});

describe("a --no-input report", () => {
  it("shows no code and no prose that tells the reader to change or re-run it", async () => {
    for (const name of pagesIn(noInputReports).filter((page) => page !== "index.html")) {
      const html = readFileSync(path.join(noInputReports, name), "utf8");
      expect(html, name).not.toContain('class="code"');
      const text = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ");
      expect(text, name).not.toMatch(/re-run it|parameters below|next cell|change these/i);
      expect(html, name).toMatch(/<h2 id="what-if">What-if/);
    }
    // The same page with code keeps the invitation.
    expect(readFileSync(path.join(reports, "59.1-cost-model.html"), "utf8")).toMatch(/change the numbers in the next cell and re-run it/i);
  });
});

describe("downloading a page's data", () => {
  async function download(page: Page, button: ReturnType<Page["locator"]>) {
    const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
  }
  const rows = (csv: string) =>
    csv
      .trimEnd()
      .split("\r\n")
      .map((line) =>
        line
          .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
          .slice(0, -1)
          .map((field) => field.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"')),
      );

  it("gives every table its CSV, with numbers at full value, offline", async () => {
    const visit = await openReport(browser, path.join(reports, "59.1-cost-model.html"), { width: 1280, acceptDownloads: true });
    const { page } = visit;
    const tables = await page.locator("main table.roilab-table").count();
    expect(await page.locator("button[data-table]").count()).toBe(tables);
    const { name, text } = await download(page, page.locator("button[data-table]").first());
    expect(name).toBe("59.1-cost-model-table-1.csv");
    const table = await page
      .locator("main table.roilab-table")
      .first()
      .evaluate((element) =>
        [...(element as HTMLTableElement).rows].map((row) =>
          [...row.cells].map((cell) => cell.getAttribute("data-value") ?? cell.textContent!.trim()),
        ),
      );
    expect(rows(text)).toEqual(table);
    expect(table.flat().some((cell) => /^\d+(\.\d+)?$/.test(cell))).toBe(true);
    expect(visit.blocked).toEqual([]);
    await page.close();
  });

  it("gives every figure its data as CSV, one row per point, and a panel's figure as the reader last drew it", async () => {
    const { page } = await openReport(browser, path.join(reports, "59.3-break-even.html"), { width: 1280, acceptDownloads: true });
    expect(await page.locator("figure.plotly-figure button.download-csv").count()).toBe(await page.locator("figure.plotly-figure").count());
    const heatmap = await download(page, page.locator("#figure-59-3b button.download-csv"));
    expect(heatmap.name).toBe("figure-59-3b.csv");
    const spec = JSON.parse((await page.locator("#figure-59-3b script.roilab-figure").textContent()) ?? "{}") as {
      data: Array<{ name: string; x: string[]; y: string[]; z: number[][]; text: string[][] }>;
      layout: { xaxis: { title: { text: string } }; yaxis: { title: { text: string } } };
    };
    const trace = spec.data[0]!;
    const csv = rows(heatmap.text);
    // The x and y columns carry the figure's axis titles: the download says what its numbers are.
    const plain = (title: string) =>
      title
        .replace(/<br\s*\/?>/g, " ")
        .replace(/<[^>]*>/g, "")
        .trim();
    expect(csv[0]).toEqual(["trace", plain(spec.layout.xaxis.title.text), plain(spec.layout.yaxis.title.text), "value", "label"]);
    expect(csv[0]![1]).not.toBe("x");
    expect(csv).toHaveLength(1 + trace.x.length * trace.y.length);
    // Numbers to twelve significant digits: 3.49262072204, not a float's 3.492620722043192.
    expect(csv[1]).toEqual([trace.name, trace.x[0], trace.y[0], String(Number(trace.z[0]![0]!.toPrecision(12))), trace.text[0]![0]]);
    const panel = page.locator(".whatif").first();
    const before = await panel.getAttribute("data-break-even");
    await panel.locator('input[name="opsUsdPerMonth"]').fill("500");
    await expect.poll(() => panel.getAttribute("data-break-even")).not.toBe(before);
    const drawn = await download(page, page.locator(`button[data-panel="${await panel.getAttribute("id")}"]`));
    const plotted = await panel
      .locator(".plot")
      .evaluate((plot) =>
        (plot as unknown as { data: Array<{ name: string; y: number[] }> }).data.map((series) => [series.name, series.y.length]),
      );
    // The scenario comes first: every input the reader set, by its label, then what it came to.
    const csvRows = rows(drawn.text);
    const printed = await panel
      .locator("dl.printed-inputs dt")
      .evaluateAll((terms) => terms.map((term) => [term.textContent?.trim(), term.nextElementSibling?.textContent?.trim()]));
    expect(csvRows[0]).toEqual(["what-if", "name", "value"]);
    const inputs = csvRows.filter((row) => row[0] === "input");
    expect(inputs.map((row) => [row[1], row[2]])).toEqual(printed);
    expect(inputs.find((row) => /^Operations/.test(row[1] ?? ""))?.[2]).toBe("500");
    expect(csvRows.find((row) => row[0] === "result")?.[2]).toBe((await panel.locator(".result").textContent())?.trim());
    const figureStart = csvRows.findIndex((row) => row[0] === "trace");
    expect(figureStart).toBeGreaterThan(inputs.length);
    const panelRows = csvRows.slice(figureStart + 1);
    for (const [seriesName, count] of plotted) expect(panelRows.filter((row) => row[0] === seriesName)).toHaveLength(count as number);
    await page.close();
  });
});
