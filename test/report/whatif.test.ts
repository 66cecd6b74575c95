/**
 * The what-if panels of the published pages, in Chromium: they agree with the figures beside them, refuse
 * what their model cannot take (beside the field, and in the result) and read at a phone's width and in print.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import type { CliResult } from "../helpers/cli";
import { chapterReport } from "../helpers/chapter-report";
import { launchChromium, openReport } from "../helpers/browser";

/** The pages with a what-if panel: every page of the report. */
const PAGES = [
  "00-decision",
  "59.1-cost-model",
  "59.2-price-matrix",
  "59.3-break-even",
  "59.4-hybrid-routing",
  "59.5-case-study",
  "59.6-audit",
  "59.7-capacity",
  "59.8-sensitivity",
  "59.9-closing-questions",
  "59.10-rent-buy-call",
  "59.11-then-and-now",
];
/** The chapter's report, shared with other test files: read only. */
let reports: string;
let browser: Browser;
let build: CliResult;

beforeAll(async () => {
  ({ reports, build } = await chapterReport());
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

const open = (name: string, width = 1280) => openReport(browser, path.join(reports, `${name}.html`), { width });

interface HeatmapFigure {
  data: Array<{ x: string[]; y: string[]; text: string[][] }>;
  layout: { title: { text: string } };
}

/** A figure of the page as the page carries it, by the start of its title. */
async function figureOf(page: Page, number: string): Promise<HeatmapFigure> {
  const figures = (await page.locator("script.roilab-figure").allTextContents()).map((text) => JSON.parse(text) as HeatmapFigure);
  const figure = figures.find((candidate) => candidate.layout.title.text.startsWith(`Figure ${number} `));
  if (!figure) throw new Error(`no Figure ${number} on the page`);
  return figure;
}

/** The options of a panel's choice, as value and shown name. */
const optionsOf = (panel: Locator, name: string) =>
  panel
    .locator(`select[name="${name}"] option`)
    .evaluateAll((options) => options.map((option) => ({ id: (option as HTMLOptionElement).value, name: option.textContent ?? "" })));

/** The break-even a panel's result states, as printed. */
async function statedBreakEven(panel: Locator): Promise<string> {
  const text = (await panel.locator(".result").textContent()) ?? "";
  const found = /[Bb]reak-even:? ([\d,]+|never) calls a day/.exec(text);
  if (!found) throw new Error(`no break-even in "${text}"`);
  return found[1] as string;
}

describe("the what-if panels agree with their pages' figures", () => {
  it("59.3: every configuration and API of Figure 59.3b is offered, and choosing one gives the figure's break-even", async () => {
    expect(build.code).toBe(0);
    const { page, consoleErrors } = await open("59.3-break-even");
    const panel = page.locator(".whatif");
    const heatmap = (await figureOf(page, "59.3b")).data[0] as HeatmapFigure["data"][number];
    // Every configuration of the heatmap, then the reader's own server, which the what-if starts from.
    const offered = await optionsOf(panel, "hardwareId");
    expect(offered.at(-1)?.name).toBe("Your own server");
    expect(await panel.locator('select[name="hardwareId"]').inputValue()).toBe(offered.at(-1)?.id);
    const hardware = offered.slice(0, -1);
    const apis = await optionsOf(panel, "apiId");
    expect(hardware.map((option) => option.name)).toEqual(heatmap.y);
    expect(apis.map((option) => `vs ${option.name}`)).toEqual(heatmap.x);
    expect(hardware.length).toBe(8);
    for (const [row, machine] of hardware.entries()) {
      // Another API's operations typed in earlier must not survive choosing a configuration.
      await panel.locator('input[name="opsUsdPerMonth"]').fill("12345");
      await panel.locator('select[name="hardwareId"]').selectOption(machine.id);
      for (const [column, api] of apis.entries()) {
        await panel.locator('select[name="apiId"]').selectOption(api.id);
        const where = `${machine.name} vs ${api.name}`;
        const figure = heatmap.text[row]?.[column] ?? "";
        await expect.poll(() => statedBreakEven(panel), { message: where }).toBe(figure.replace(/\/day$/, ""));
        expect(await panel.getAttribute("data-error"), where).toBeNull();
      }
    }
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("59.8: the sensitivity panel's break-even for each server and API is Figure 59.3b's, to the call", async () => {
    const chapter = await open("59.3-break-even");
    const heatmap = (await figureOf(chapter.page, "59.3b")).data[0] as HeatmapFigure["data"][number];
    await chapter.page.close();
    const { page, consoleErrors } = await open("59.8-sensitivity");
    const panel = page.locator(".whatif");
    const hardware = await optionsOf(panel, "hardwareId");
    const apis = await optionsOf(panel, "apiId");
    let compared = 0;
    for (const machine of hardware) {
      // 59.8 names a server without its fit note; Figure 59.3b's row starts with the same name.
      const row = heatmap.y.findIndex((label) => label === machine.name || label.startsWith(`${machine.name} (`));
      expect(row, machine.name).toBeGreaterThanOrEqual(0);
      await panel.locator('select[name="hardwareId"]').selectOption(machine.id);
      for (const api of apis) {
        const column = heatmap.x.indexOf(`vs ${api.name}`);
        if (column < 0) continue;
        await panel.locator('select[name="apiId"]').selectOption(api.id);
        const where = `${machine.name} vs ${api.name}`;
        await expect.poll(() => statedBreakEven(panel), { message: where }).toBe((heatmap.text[row]?.[column] ?? "").replace(/\/day$/, ""));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(3 * heatmap.x.length);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe("the rental panel's figure", () => {
  it("59.10: marks renting's break-even where the panel's summary states it, for every offer, and the reader's volume", async () => {
    const { page, consoleErrors } = await open("59.10-rent-buy-call");
    const panel = page.locator(".whatif");
    let marked = 0;
    for (const configuration of await optionsOf(panel, "rentalId")) {
      await panel.locator('select[name="rentalId"]').selectOption(configuration.id);
      await expect.poll(() => panel.locator(".result").textContent(), { message: configuration.name }).toContain(configuration.name);
      const stated = /breaks even with the API at ([\d,]+) calls a day/.exec((await panel.locator(".result").textContent()) ?? "")?.[1];
      // The what-if starts on a traffic profile: the servers rented around the clock.
      const mark = (await panel.locator(".plot .annotation-text").allTextContents()).find((text) =>
        text.startsWith("renting around the clock breaks even: "),
      );
      if (mark === undefined) continue;
      expect(mark, configuration.name).toBe(`renting around the clock breaks even: ${stated}/day`);
      marked += 1;
    }
    expect(marked).toBeGreaterThan(3);
    expect((await panel.locator(".plot .annotation-text").allTextContents()).some((text) => text.startsWith("your volume: "))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

/** A number field of a panel, and values it must refuse: out of its range, empty, not a finite number. */
interface Refusal {
  page: string;
  input: string;
  value: string;
}

/** Values below and above each field's range, its emptiness, and a number too large for a double. */
const refusals = (page: string, input: string, below: string, above: string): Refusal[] =>
  [below, above, "", "1e400"].map((value) => ({ page, input, value }));

const CASES: Refusal[] = [
  ...refusals("59.3-break-even", "callsPerDay", "-500", "1e9"),
  ...refusals("59.3-break-even", "inputTokensPerCall", "-1", "1e8"),
  ...refusals("59.3-break-even", "outputTokensPerCall", "-1", "1e8"),
  // The what-if starts from the reader's own server: its price, write-off and power bill are the fields in use.
  ...refusals("59.3-break-even", "capexUsd", "-1", "2e9"),
  ...refusals("59.3-break-even", "depreciationMonths", "0", "601"),
  ...refusals("59.3-break-even", "powerUsdPerMonth", "-1", "1e8"),
  ...refusals("59.3-break-even", "opsUsdPerMonth", "-2000", "1e8"),
  ...refusals("59.7-capacity", "weekdayCallsPerDay", "-1", "1e9"),
  ...refusals("59.7-capacity", "outputTokensPerSecond", "0", "2e6"),
  ...refusals("59.7-capacity", "promptTokensPerSecond", "0", "2e7"),
  ...refusals("59.7-capacity", "targetUtilisationPercent", "0", "150"),
  ...refusals("59.8-sensitivity", "swingPercent", "0", "100"),
  ...refusals("59.10-rent-buy-call", "usdPerGpuHour", "-1", "2000"),
  ...refusals("59.10-rent-buy-call", "utilisationPercent", "0", "150"),
  ...refusals("59.10-rent-buy-call", "callsPerDay", "-1", "1e9"),
  ...refusals("00-decision", "callsPerDay", "-1", "1e9"),
  ...refusals("59.1-cost-model", "callsPerDay", "-1", "1e9"),
  ...refusals("59.2-price-matrix", "budgetUsdPerMonth", "-1", "2e9"),
  ...refusals("59.4-hybrid-routing", "complexityThreshold", "-0.5", "1.5"),
  ...refusals("59.5-case-study", "cloudUsdPerCall", "-1", "101"),
  ...refusals("59.6-audit", "roundingSteps", "0", "2e6"),
  ...refusals("59.9-closing-questions", "testSharePercent", "0", "101"),
  ...refusals("59.11-then-and-now", "apiPriceFactor", "0", "101"),
];

/** Types a value into a field as a reader would (a number field keeps "1e400" only as text it cannot read). */
async function typeInto(field: Locator, value: string): Promise<void> {
  await field.fill("");
  if (value !== "") await field.pressSequentially(value);
}

describe.each([1280, 390])("the what-if panels at %i px", (width) => {
  it("start valid: every default fits its field's range and step by the browser's own validity, with no message", async () => {
    for (const name of PAGES) {
      const { page } = await open(name, width);
      const fields = page.locator(".whatif input[type=number]");
      const states = await fields.evaluateAll((inputs) =>
        inputs.map((input) => ({
          name: (input as HTMLInputElement).name,
          valid: (input as HTMLInputElement).validity.valid,
          min: (input as HTMLInputElement).min,
          max: (input as HTMLInputElement).max,
          invalid: input.getAttribute("aria-invalid"),
        })),
      );
      for (const state of states) {
        expect(state, `${name} ${state.name}`).toMatchObject({ valid: true, invalid: null });
        expect(state.min, `${name} ${state.name}`).not.toBe("");
        expect(state.max, `${name} ${state.name}`).not.toBe("");
      }
      expect(await page.locator(".whatif").getAttribute("data-error"), name).toBeNull();
      await page.close();
    }
  });

  it.each(PAGES)(
    "refuse out-of-range, empty and unreadable values beside the field, and say what they cannot compute instead of a number (%s)",
    async (name) => {
      {
        const { page, consoleErrors } = await open(name, width);
        const panel = page.locator(".whatif");
        const good = await panel.locator(".result").textContent();
        for (const refusal of CASES.filter((candidate) => candidate.page === name)) {
          const where = `${name} ${refusal.input}=${JSON.stringify(refusal.value)}`;
          const field = panel.locator(`input[name="${refusal.input}"]`);
          const before = await field.inputValue();
          await typeInto(field, refusal.value);
          await expect.poll(() => field.getAttribute("aria-invalid"), { message: where }).toBe("true");
          const message = await page.locator(`#${(await field.getAttribute("aria-describedby")) ?? "none"}`).textContent();
          expect(message, where).toMatch(/must be from|needs a number from/);
          expect(await field.evaluate((input) => (input as HTMLInputElement).validity.valid), where).toBe(false);
          const result = (await panel.locator(".result").textContent()) ?? "";
          expect(result, where).toMatch(/^Cannot compute the [a-z' -]+: /);
          expect(result, where).not.toMatch(/\$-?\d/);
          // The field keeps what the reader typed: nothing was clamped behind their back.
          if (refusal.value !== "1e400") expect(await field.inputValue(), where).toBe(refusal.value);
          await typeInto(field, before);
          await expect.poll(() => panel.locator(".result").textContent(), { message: `${where}, put back` }).toBe(good);
          expect(await field.getAttribute("aria-invalid"), where).toBeNull();
          expect(await field.getAttribute("aria-describedby"), where).toBeNull();
        }
        expect(consoleErrors, name).toEqual([]);
        await page.close();
      }
    },
  );

  it("keep thousands separators in large results, and fit their fields in the width", async () => {
    const { page } = await open("59.7-capacity", width);
    const panel = page.locator(".whatif");
    await typeInto(panel.locator('input[name="outputTokensPerSecond"]'), "0.01");
    await expect
      .poll(() => panel.locator(".result").textContent())
      .toMatch(/all local needs \d{1,3}(,\d{3})+ servers, \$\d{1,3}(,\d{3})+\.\d\d a month; hybrid \d{1,3}(,\d{3})+,/);
    for (const name of PAGES) {
      const visit = name === "59.7-capacity" ? { page } : await open(name, width);
      const box = await visit.page.locator(".whatif").boundingBox();
      const fields = await visit.page
        .locator(".whatif input, .whatif select")
        .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right));
      for (const right of fields) expect(right, name).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0));
      expect(await visit.page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
      if (visit.page !== page) await visit.page.close();
    }
    await page.close();
  });
});

describe("the what-if panels in print", () => {
  it("print each input's current value as a list beside the result, in place of the fields", async () => {
    for (const name of PAGES) {
      const { page } = await open(name);
      const panel = page.locator(".whatif");
      // A page that prints only its answer (the decision's) leaves its what-if to the screen.
      if (await panel.evaluate((element) => Boolean(element.closest(".screen-only")))) {
        await page.close();
        continue;
      }
      const first = panel.locator("input[type=number]").first();
      await typeInto(first, "7");
      await expect.poll(() => panel.locator(".printed-inputs dd").allTextContents(), { message: name }).toContain("7");
      await page.emulateMedia({ media: "print" });
      expect(await panel.locator(".inputs").isVisible(), name).toBe(false);
      expect(await panel.locator(".printed-inputs").isVisible(), name).toBe(true);
      const labels = await panel
        .locator(".inputs label")
        .evaluateAll((labels) =>
          labels.filter((label) => !label.querySelector(":disabled")).map((label) => label.firstChild?.textContent ?? ""),
        );
      expect(await panel.locator(".printed-inputs dt").allTextContents(), name).toEqual(labels);
      expect(await panel.locator(".result").isVisible(), name).toBe(true);
      await page.close();
    }
  });
});
