/** The published reports, opened from file:// in Debian's Chromium with every network request blocked. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, openReport, type Visit } from "../helpers/browser";
import { roilab, type CliResult } from "../helpers/cli";
import { chapterReport } from "../helpers/chapter-report";
import { loadDataset } from "../../src/data";
import {
  evaluateCapacityPanel,
  evaluateRentalPanel,
  evaluateTornadoPanel,
  type CapacityPanelSpec,
  type RentalPanelSpec,
  type TornadoPanelSpec,
} from "../../src/panels";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";
import { tempFolder, writeNotebook } from "../helpers/notebooks";

const folder = tempFolder("roilab-report-");
/** The chapter's report, shared with other test files: read only. */
let reports: string;
let browser: Browser;
let build: CliResult;
let edition: CliResult;
/** The 2026-11 edition, published beside the default report as the README shows. */
let editionReports: string;

beforeAll(async () => {
  const shared = await chapterReport();
  ({ reports, build, editionBuild: edition, edition: editionReports } = shared);
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  folder.dispose();
});

/** Opens a report offline and waits until report.js says every figure is drawn. */
const open = (file: string, width = 1280): Promise<Visit> => openReport(browser, file, { width });

const pages = () =>
  readdirSync(reports)
    .filter((name) => name.endsWith(".html"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

describe("roilab report", () => {
  it("writes an index and one page per notebook, and the shared assets once", () => {
    expect(build.code).toBe(0);
    expect(pages()).toEqual([
      "00-decision.html",
      "59.1-cost-model.html",
      "59.2-price-matrix.html",
      "59.3-break-even.html",
      "59.4-hybrid-routing.html",
      "59.5-case-study.html",
      "59.6-audit.html",
      "59.7-capacity.html",
      "59.8-sensitivity.html",
      "59.9-closing-questions.html",
      "59.10-rent-buy-call.html",
      "59.11-then-and-now.html",
      "index.html",
    ]);
    expect(readdirSync(path.join(reports, "assets")).sort()).toEqual(["plotly.min.js", "report.css", "report.js"]);
    expect(build.stdout).toMatch(/wrote .*59\.3-break-even\.html +\d+\.\d KB \(\d+\.\d KB with shared assets\)/);
  });

  it("dates the index by its own data folder, though 59.11 also reads the later edition's files of the same names", () => {
    const index = readFileSync(path.join(reports, "index.html"), "utf8");
    expect(index).toContain("models.csv as of 2025-09-01");
    expect(index).not.toContain("models.csv as of 2026-11-29");
  });

  it("every page opens offline with no console error or failed request, and draws every figure, in both editions", async () => {
    expect(edition.stderr).toBe("");
    expect(edition.code).toBe(0);
    const editionPages = readdirSync(editionReports).filter((name) => name.endsWith(".html"));
    expect(editionPages.sort()).toEqual(pages().sort());
    for (const file of [
      ...pages().map((name) => path.join(reports, name)),
      ...editionPages.map((name) => path.join(editionReports, name)),
    ]) {
      const name = path.relative(reports, file);
      const visit = await open(file);
      const { page } = visit;
      const plots = await page.locator(".plot").count();
      expect(plots, name).toBeGreaterThan(0);
      expect(Number(await page.getAttribute("html", "data-figures-drawn")), name).toBe(await page.locator("script.roilab-figure").count());
      // Each plot has Plotly's SVG with drawn traces in it, or says in words that it has nothing to draw (59.6's
      // what-if when no printed figure is left flagged): no empty axes.
      const drawn = await page.locator(".plot").evaluateAll((elements) =>
        elements.map((element) => {
          const plot = element as HTMLElement & { data?: unknown[]; layout?: { annotations?: Array<{ text?: string }> } };
          const said = plot.data?.length === 0 && (plot.layout?.annotations ?? []).some((note) => /no |none/i.test(note.text ?? ""));
          return said ? 1 : element.querySelectorAll(".main-svg .trace, .main-svg .hm, .main-svg image").length;
        }),
      );
      expect(
        drawn.every((count) => count > 0),
        `${name}: ${drawn.join(",")}`,
      ).toBe(true);
      expect(visit.consoleErrors, name).toEqual([]);
      expect(visit.failedRequests, name).toEqual([]);
      expect(visit.blocked, name).toEqual([]);
      await page.close();
    }
  });

  it("the index links to the edition published in its sub-folder, whose index names its data folder", async () => {
    const { page } = await open(path.join(reports, "index.html"));
    const link = page.locator('nav.editions a[href="2026-11/index.html"]');
    expect(await link.count()).toBe(1);
    // Named as a reader names it, with its folder as the tooltip.
    expect(await link.textContent()).toBe("November 2026");
    expect(await link.getAttribute("title")).toMatch(/2026-11$/);
    await link.click();
    await page.waitForSelector("html[data-figures-drawn]", { state: "attached", timeout: 30_000 });
    expect(await page.locator("p[data-roilab-data] code").textContent()).toMatch(/2026-11$/);
    expect(await page.locator("nav.editions").count()).toBe(0);
    await page.close();
  });

  it("reads like a chapter: numbered figures, a contents list, folded code, provenance in the footer", async () => {
    const { page } = await open(path.join(reports, "59.3-break-even.html"));
    expect(
      await page
        .locator("h1")
        .first()
        .evaluate((heading) => heading.firstChild?.textContent),
    ).toBe("59.3 — When owning the hardware pays off");
    expect(await page.locator("nav.toc a").allTextContents()).toContain("The chapter's two scenarios");
    expect(await page.locator("figure .plot").first().getAttribute("aria-label")).toBe(
      "Figure 59.3a — Break-even: local hardware against cloud APIs",
    );
    expect(await page.locator("details.input").count()).toBeGreaterThan(2);
    const footer = (await page.locator("footer.provenance").textContent()) ?? "";
    expect(footer).toMatch(
      /roilab 0\.1\.0 with tslab 1\.0\.22 on Node\.js v[\d.]+; price database @pydantic\/genai-prices \d+\.\d+\.\d+\./,
    );
    expect(footer).toMatch(/models\.csv2025-09-01[0-9a-f]{64}/);
    // The chapter's prices are dated 2025-09-01: every page warns that they are old.
    expect(await page.locator("p.stale").textContent()).toMatch(
      /^Old prices: data\/models\.csv is as of 2025-09-01, \d+ days before this build\./,
    );
    await page.close();
  });

  it("the what-if panel recomputes the break-even number and figure in the page", async () => {
    const { page } = await open(path.join(reports, "59.3-break-even.html"));
    const panel = page.locator(".whatif");
    // The What-if's own server: USD 30,000 over 36 months against Claude 3.5 Sonnet, as the notebook's cell states.
    expect(await panel.getAttribute("data-break-even")).toBe("1421");
    // Figure 59.3b's 4x A100 against the same API.
    await panel.locator('select[name="hardwareId"]').selectOption("a100x4-70b");
    await expect.poll(() => panel.getAttribute("data-break-even")).toBe("3109");
    const before = await panel.locator(".plot").evaluate((plot) => JSON.stringify((plot as unknown as { data: unknown }).data));
    await panel.locator('select[name="apiId"]').selectOption("gpt-4o");
    await expect.poll(() => panel.getAttribute("data-break-even")).toBe("4130");
    await panel.locator('input[name="opsUsdPerMonth"]').fill("500");
    await expect.poll(() => panel.getAttribute("data-break-even")).toBe("2702");
    expect(await panel.locator(".result").textContent()).toContain("Break-even: 2,702 calls a day");
    const after = await panel.locator(".plot").evaluate((plot) => JSON.stringify((plot as unknown as { data: unknown }).data));
    expect(after).not.toBe(before);
    expect(await panel.locator(".plot .annotation-text").first().textContent()).toBe("2,702/day");
    await page.close();
  });

  it("the capacity panel on 59.7 sizes the case study's fleet for the reader's throughput, in the page", async () => {
    const { page, consoleErrors } = await open(path.join(reports, "59.7-capacity.html"));
    const panel = page.locator(".whatif");
    const spec = JSON.parse((await page.locator("script.roilab-whatif").textContent()) ?? "{}") as CapacityPanelSpec;
    // The What-if's batched server at 150 and 1,500 tokens/s: the fleet the model gives for it.
    expect(spec.defaults).toMatchObject({ serving: "batched", outputTokensPerSecond: 150, promptTokensPerSecond: 1500 });
    expect(await panel.getAttribute("data-machines")).toBe(String(evaluateCapacityPanel(spec, spec.defaults).allLocal.machines));
    expect(await panel.getAttribute("data-machines")).toBe("2");
    expect(await panel.locator(".result").textContent()).toContain("all local needs 2 servers, $1,161.67 a month");
    await panel.locator('select[name="profileId"]').selectOption("flat-24h");
    await expect.poll(() => panel.getAttribute("data-machines")).toBe("1");
    expect(await panel.locator(".plot .main-svg .trace").count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("the sensitivity panel on 59.8 redraws the tornado for another server, API and swing, in the page", async () => {
    const { page, consoleErrors } = await open(path.join(reports, "59.8-sensitivity.html"));
    const panel = page.locator(".whatif");
    const spec = JSON.parse((await page.locator("script.roilab-whatif").textContent()) ?? "{}") as TornadoPanelSpec;
    // The What-if's pair at its swing: the input the model finds moves its break-even most.
    expect(await panel.getAttribute("data-top-input")).toBe(evaluateTornadoPanel(spec, spec.defaults).tornado.bars[0]?.input);
    await panel.locator('select[name="hardwareId"]').selectOption("rtx4090-server");
    await panel.locator('select[name="apiId"]').selectOption("gpt-4o");
    await panel.locator('input[name="swingPercent"]').fill("30");
    await expect.poll(() => panel.getAttribute("data-top-input")).toBe("inputUsdPerMTok");
    expect(await panel.getAttribute("data-break-even")).toBe("822");
    expect(await panel.locator(".result").textContent()).toContain(
      "RTX 4090 server vs GPT-4o: break-even 822 calls a day. At ±30% the input price moves it most",
    );
    expect(await panel.locator(".plot .main-svg .trace").count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("the rental panel on 59.10 gives, for every offer and API it has, the costs the model gives, and follows the offer's price", async () => {
    const { page, consoleErrors } = await open(path.join(reports, "59.10-rent-buy-call.html"));
    const panel = page.locator(".whatif");
    const spec = JSON.parse((await page.locator("script.roilab-whatif").textContent()) ?? "{}") as RentalPanelSpec;
    // Figure 59.10c on the same page: each rented configuration's break-even against each API.
    const heatmaps = await page.locator("script.roilab-figure").allTextContents();
    const heatmap = heatmaps
      .map(
        (text) =>
          JSON.parse(text) as { data: Array<{ y?: string[]; x?: string[]; text?: string[][] }>; layout: { title: { text: string } } },
      )
      .find((figure) => figure.layout.title.text.startsWith("Figure 59.10c"));
    // The panel names an offer "1x RTX 4090 (RunPod)", the heatmap "1x RTX 4090, rented (RunPod)"; both keep any fit mark after it.
    const cell = (configuration: RentalPanelSpec["configurations"][number], api: string) => {
      const trace = heatmap?.data[0];
      const row = configuration.name.replace(` (${configuration.provider})`, `, rented (${configuration.provider})`);
      return trace?.text?.[trace.y?.indexOf(row) ?? -1]?.[trace.x?.indexOf(`vs ${api}`) ?? -1];
    };
    expect(spec.configurations.length).toBe(loadDataset(DATA_DIR).gpuRentals.length);
    for (const configuration of spec.configurations) {
      for (const api of spec.apis) {
        await panel.locator('select[name="rentalId"]').selectOption(configuration.id);
        await panel.locator('select[name="apiId"]').selectOption(api.id);
        const expected = evaluateRentalPanel(spec, {
          ...spec.defaults,
          rentalId: configuration.id,
          apiId: api.id,
          usdPerGpuHour: configuration.usdPerGpuHour,
        });
        const where = `${configuration.id} vs ${api.id}`;
        await expect.poll(() => panel.getAttribute("data-rent-usd"), { message: where }).toBe(expected.rentUsd.toFixed(2));
        expect(await panel.getAttribute("data-buy-usd"), where).toBe(expected.buyUsd.toFixed(2));
        expect(await panel.getAttribute("data-api-usd"), where).toBe(expected.apiUsd.toFixed(2));
        expect(await panel.getAttribute("data-cheapest"), where).toBe(expected.cheapest);
        const breakEven = Number(await panel.getAttribute("data-break-even"));
        expect(cell(configuration, api.name), where).toBe(
          Number.isFinite(breakEven) ? `${breakEven.toLocaleString("en-US")}/day` : "never",
        );
        expect(await panel.locator('input[name="usdPerGpuHour"]').inputValue(), where).toBe(String(configuration.usdPerGpuHour));
      }
    }
    // Renting only 8 hours a day at a lower price makes renting the cheapest way for the A100s at 3,000 calls a day.
    await panel.locator('select[name="profileId"]').selectOption("even");
    await panel.locator('select[name="rentalId"]').selectOption("runpod-a100x4");
    await panel.locator('select[name="apiId"]').selectOption("claude-3-5-sonnet");
    await panel.locator('input[name="callsPerDay"]').fill("3000");
    await panel.locator('input[name="hoursPerDay"]').fill("8");
    await expect.poll(() => panel.getAttribute("data-cheapest")).toBe("rent");
    // 3,000 calls in 8 h at 70% of 942.3 calls an hour: 1 server, 4 GPUs × $1.79 × 8 h × 30 days + $2,000.
    expect(await panel.getAttribute("data-rent-usd")).toBe((4 * 1.79 * 8 * 30 + 2000).toFixed(2));
    await panel.locator('input[name="hoursPerDay"]').fill("0");
    await expect.poll(() => panel.getAttribute("data-error")).toBe("Hours rented a day must be from 1 to 24, not 0");
    expect(await panel.locator(".result").textContent()).toBe(
      "Cannot compute the three ways' costs: Hours rented a day must be from 1 to 24, not 0.",
    );
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("shows a hostile model name as text, with --self-contained and --no-input pages that still draw", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const copy = copyOfData({ "models.csv": (text) => text.replace("GPT-4o-mini,OpenAI", `"${hostile}",OpenAI`) });
    const out = path.join(folder.dir, "hostile");
    try {
      const result = await roilab([
        "report",
        "notebooks/59.1-cost-model.ipynb",
        "--data",
        copy.dir,
        "--out",
        out,
        "--self-contained",
        "--no-input",
      ]);
      expect(result.code).toBe(0);
      expect(existsSync(path.join(out, "assets"))).toBe(false);
      const html = readFileSync(path.join(out, "59.1-cost-model.html"), "utf8");
      expect(html).not.toMatch(/src="assets\//);
      const visit = await open(path.join(out, "59.1-cost-model.html"));
      expect(await visit.page.locator("pre.code").count()).toBe(0);
      expect(await visit.page.locator("table.roilab-table td", { hasText: hostile }).count()).toBeGreaterThan(0);
      expect(await visit.page.locator("img[src=x]").count()).toBe(0);
      expect(visit.dialogs).toEqual([]);
      expect(visit.consoleErrors).toEqual([]);
      await visit.page.close();
    } finally {
      copy.dispose();
    }
  });

  it("bad data stops the build before any kernel starts: file:line:column, exit code 2, earlier page untouched", async () => {
    // The earlier build's page in a folder of this test's own: the shared report is not written to.
    const out = path.join(folder.dir, "bad-data");
    mkdirSync(out);
    const page = path.join(out, "59.1-cost-model.html");
    writeFileSync(page, readFileSync(path.join(reports, "59.1-cost-model.html"), "utf8"));
    const before = statSync(page).mtimeMs;
    const copy = copyOfData({ "models.csv": (text) => text.replace("GPT-4o,OpenAI,2.50", "GPT-4o,OpenAI,abc") });
    try {
      const result = await roilab(["report", "notebooks/59.1-cost-model.ipynb", "--data", copy.dir, "--out", out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `${path.join(copy.dir, "models.csv")}:4:4 - input_usd_per_mtok must be a non-negative number, got "abc"`,
      );
      expect(result.stdout).toBe("");
      expect(statSync(page).mtimeMs).toBe(before);
    } finally {
      copy.dispose();
    }
  });
});

describe("roilab report with a failing notebook", () => {
  it("publishes nothing for it, keeps its earlier page, and exits 1", async () => {
    const out = path.join(folder.dir, "failing");
    const notebooks = path.join(folder.dir, "failing-notebooks");
    mkdirSync(notebooks, { recursive: true });
    mkdirSync(out, { recursive: true });
    const file = writeNotebook(notebooks, "broken.ipynb", [{ markdown: "# Broken" }, "throw new Error('no prices today');"]);
    writeFileSync(path.join(out, "broken.html"), "earlier good page");
    const result = await roilab(["report", file, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("broken.ipynb, cell 2, 1:1 - Error: no prices today");
    expect(readFileSync(path.join(out, "broken.html"), "utf8")).toBe("earlier good page");
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });
});

describe("roilab report with a trace type outside the slim Plotly build", () => {
  it("publishes the complete Plotly build and the figure draws", async () => {
    const out = path.join(folder.dir, "pie");
    const notebooks = path.join(folder.dir, "pie-notebooks");
    mkdirSync(notebooks, { recursive: true });
    const pie = { data: [{ type: "pie", labels: ["cloud", "local"], values: [60, 40] }], layout: { title: { text: "Figure 1 — Share" } } };
    const file = writeNotebook(notebooks, "pie.ipynb", [
      `import * as tslab from "tslab";\ntslab.display.raw("application/vnd.plotly.v1+json", ${JSON.stringify(pie)} as any);`,
    ]);
    const result = await roilab(["report", file, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("using the complete Plotly build: the figures use pie");
    expect(statSync(path.join(out, "assets", "plotly.min.js")).size).toBeGreaterThan(3_000_000);
    const visit = await open(path.join(out, "pie.html"));
    expect(await visit.page.locator(".plot .main-svg .slice").count()).toBe(2);
    expect(visit.consoleErrors).toEqual([]);
    await visit.page.close();
  });

  it("keeps a page from an earlier build on the index and drawable when a later build publishes another notebook only", async () => {
    const out = path.join(folder.dir, "pie");
    const notebooks = path.join(folder.dir, "pie-notebooks");
    const bars = { data: [{ type: "bar", x: ["a", "b"], y: [1, 2] }], layout: { title: { text: "Figure 2 — Bars" } } };
    const file = writeNotebook(notebooks, "bars.ipynb", [
      { markdown: "# Bars" },
      `import * as tslab from "tslab";\ntslab.display.raw("application/vnd.plotly.v1+json", ${JSON.stringify(bars)} as any);`,
    ]);
    const result = await roilab(["report", file, "--out", out]);
    expect(result.code).toBe(0);
    // The bar chart alone would take the slim build; the earlier pie page still needs the complete one.
    expect(statSync(path.join(out, "assets", "plotly.min.js")).size).toBeGreaterThan(3_000_000);
    const index = await open(path.join(out, "index.html"));
    expect(await index.page.locator(".card a").evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toEqual([
      "bars.html",
      "pie.html",
    ]);
    await index.page.close();
    const pie = await open(path.join(out, "pie.html"));
    expect(await pie.page.locator(".plot .main-svg .slice").count()).toBe(2);
    await pie.page.close();
  });
});
