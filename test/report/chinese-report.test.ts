/**
 * The China edition's whole report as a Chinese team publishes it (`report --lang zh-CN --data data/2026-11-cn
 * --currency CNY --pdf`), opened in Chromium at 1280 and 390 px: on every page and the index, no English word a
 * reader sees beyond the data's own names (models, providers, hardware, offers, benchmarks, ids) and the
 * abbreviations Chinese prose keeps (API, GPU, token); every figure drawn; no figure text cut or drawn over other
 * text; nothing past the page's right edge. The PDF's text extracts as Chinese, page by page, titles whole.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { type Dataset, loadDataset } from "../../src/data";
import { launchChromium, openReport } from "../helpers/browser";
import { CHINA_EDITION, type ChinaReport, chinaReport } from "../helpers/china-report";
import { DATA_DIR } from "../helpers/data-folder";
import { drawnFigures, pagesIn, sidewaysOverflow, textProblems } from "../helpers/drawn-figures";
import { dataNames, englishWords } from "../helpers/english-words";

const WIDTHS = [1280, 390];
/** Names a page quotes that no data row holds: the book and the tools a page names as its makers write them. */
const OTHER_NAMES = [
  "Hermes Agent",
  "Noto Sans CJK SC",
  "Node.js",
  "@pydantic/genai-prices",
  "llama.cpp",
  "vLLM",
  "LMSYS",
  "SGLang",
  "GAIA",
  "AgentBench",
  "Together AI",
  "A/B",
  "tokens/s",
];

let browser: Browser;
let report: ChinaReport;
let data: Dataset;
/** Names a Chinese page of this edition may quote: its own data's, and the chapter's, which 59.3 and 59.11 set beside it. */
let names: string[];

beforeAll(async () => {
  report = await chinaReport();
  data = loadDataset(CHINA_EDITION);
  names = [...OTHER_NAMES, ...dataNames(loadDataset(DATA_DIR))];
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

/** What a reader can read on the page: its text without the notebooks' code, and each figure's words, hovers included. */
function readerTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const found: { where: string; text: string }[] = [];
    const main = document.querySelector("body") as HTMLElement;
    const copy = main.cloneNode(true) as HTMLElement;
    // Code is the notebook's, in its own language; plots are read below from what Plotly drew and would show on hover.
    // Inline code is a file, column or parameter name as the data spells it (`data_region`), or a checksum.
    for (const hidden of copy.querySelectorAll(".input, .plot, code, pre, script, style, noscript")) hidden.remove();
    document.body.append(copy);
    copy.style.position = "absolute";
    copy.style.left = "-99999px";
    // innerText, not textContent: only what is drawn (a closed section's or a hidden cell's text is not).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader reads
    found.push({ where: "page text", text: copy.innerText });
    copy.remove();
    for (const labelled of document.querySelectorAll("[aria-label], [title]"))
      found.push({
        where: `${labelled.tagName.toLowerCase()} label`,
        text: `${labelled.getAttribute("aria-label") ?? ""} ${labelled.getAttribute("title") ?? ""}`,
      });
    for (const plot of document.querySelectorAll<HTMLElement>(".plot")) {
      const gd = plot as HTMLElement & { data?: Record<string, unknown>[] };
      const where = plot.getAttribute("aria-label")?.slice(0, 40) ?? "figure";
      // Each label whole, as the figure gives it to Plotly (a wrapped name's <br> a space); a label cut short (…) is a
      // name's start, which withoutCutNames matches as such.
      const labels = [...plot.querySelectorAll("svg text")].map((text) =>
        (text.getAttribute("data-unformatted") ?? text.textContent ?? "").replace(/<br>/g, " ").replace(/<[^>]+>/g, ""),
      );
      found.push({ where: `${where} (drawn text)`, text: labels.join(" \n ") });
      for (const trace of gd.data ?? []) {
        const strings = (value: unknown): string[] =>
          typeof value === "string" ? [value] : Array.isArray(value) ? value.flatMap(strings) : [];
        const hover = String(trace.hovertemplate ?? "").replace(/%\{[^}]*\}|<br>|<\/?extra>|<\/?b>/g, " ");
        found.push({
          where: `${where} (trace ${String(trace.name ?? "")})`,
          text: [String(trace.name ?? ""), hover, ...strings(trace.text), ...strings(trace.hovertext), ...strings(trace.customdata)].join(
            " \n ",
          ),
        });
      }
    }
    return found;
  });
}

/** A text with each label cut short to fit ("DeepSeek V4…") taken out where it is the start of a name in the data. */
function withoutCutNames(text: string): string {
  const all = [...names, ...dataNames(data)].map((name) => name.replace(/\s+/g, ""));
  return text.replace(/[^\n]*…/g, (cut) => {
    // A Chinese word may come before the name ("租用 UCloud Comp…"): only the name's part after it is cut.
    const head = /^.*[\u2E80-\uFFEF]/.exec(cut.replace(/…$/, ""))?.[0] ?? "";
    const start = cut.slice(head.length).replace(/…$/, "").replace(/\s+/g, "");
    return start === "" || all.some((name) => name.startsWith(start)) ? `${head} ` : cut;
  });
}

/** Every figure on the page drawn by Plotly: a plot with its traces and a drawing of some size. */
function undrawnFigures(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".plotly-figure .plot, .whatif .plot")].flatMap((plot) => {
      const gd = plot as HTMLElement & { _fullData?: unknown[]; _fullLayout?: { annotations?: unknown[] } };
      const svg = plot.querySelector("svg.main-svg")?.getBoundingClientRect();
      // A figure with nothing to plot says so in a note instead (59.6c when no printed figure is flagged).
      const content = (gd._fullData?.length ?? 0) + (gd._fullLayout?.annotations?.length ?? 0);
      const drawn = content > 0 && svg !== undefined && svg.width > 100 && svg.height > 100;
      return drawn ? [] : [plot.getAttribute("aria-label")?.slice(0, 40) ?? "a figure"];
    }),
  );
}

describe("the China edition published in Chinese", () => {
  it("publishes a page for every notebook, the index and the PDF, and says so in Chinese", () => {
    expect(report.build.stderr).toBe("");
    expect(report.build.code).toBe(0);
    const notebooks = readdirSync(path.resolve(__dirname, "../../notebooks")).filter((name) => name.endsWith(".ipynb"));
    expect(pagesIn(report.reports).sort()).toEqual([...notebooks.map((name) => name.replace(/\.ipynb$/, ".html")), "index.html"].sort());
    expect(report.build.stdout).toMatch(/^已写入 .*report\.pdf {2}共 \d+ 页$/m);
  });

  for (const width of WIDTHS) {
    it(`at ${width} px shows no English word beyond the data's names on any page, draws every figure, and cuts no text`, async () => {
      const problems: string[] = [];
      for (const name of pagesIn(report.reports)) {
        const { page, consoleErrors } = await openReport(browser, path.join(report.reports, name), { width });
        for (const { where, text } of await readerTexts(page)) {
          const english = [...new Set(englishWords(data, withoutCutNames(text), names))];
          if (english.length > 0) problems.push(`${name} ${where}: ${english.join(", ")}`);
        }
        for (const figure of await undrawnFigures(page)) problems.push(`${name}: ${figure} is not drawn`);
        for (const figure of await drawnFigures(page))
          problems.push(...textProblems(figure).map((problem) => `${name} ${figure.name}: ${problem}`));
        problems.push(...(await sidewaysOverflow(page)).map((problem) => `${name}: ${problem}`));
        problems.push(...consoleErrors.map((error) => `${name}: console: ${error}`));
        await page.close();
      }
      expect(problems).toEqual([]);
    }, 900_000);
  }

  it("prints a PDF whose text extracts as Chinese: every page's title, Chinese on every page, and mostly Chinese in all", () => {
    const pdf = path.join(report.reports, "report.pdf");
    const result = spawnSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    // pdftotext ends each page with a form feed. Figure text set at an angle comes out a letter or two a line, and
    // the footer's provenance is files, checksums and parameters: both are left out, and the data's names, before
    // Chinese and Latin letters are counted.
    const pages = result.stdout.split("\f").filter((text) => text.trim() !== "");
    const counts = pages.map((text) => {
      let rest = text
        .split("\n")
        .filter((line) => line.trim().length > 4)
        .join(" ")
        .replace(/\S+\.(csv|json)\b/g, " ")
        .replace(/\b[0-9a-f]{8,}…?/g, " ")
        .replace(/\{[^}]*\}/g, " ")
        .replace(/\s+/g, " ");
      for (const name of [...names, ...dataNames(data)]) rest = rest.split(name).join(" ");
      return { han: (rest.match(/\p{Script=Han}/gu) ?? []).length, latin: (rest.match(/[A-Za-z]/g) ?? []).length };
    });
    expect(pages.length).toBeGreaterThan(12);
    expect(counts.flatMap((count, index) => (count.han < 5 ? [`page ${index + 1}: ${count.han} Chinese characters`] : []))).toEqual([]);
    const han = counts.reduce((sum, count) => sum + count.han, 0);
    const latin = counts.reduce((sum, count) => sum + count.latin, 0);
    // A Chinese character says about what two or three Latin letters do: a Chinese report has more of them.
    expect(han, `${han} Chinese characters, ${latin} Latin letters`).toBeGreaterThan(2 * latin);
    // Each page's title as the reader's PDF viewer finds it by searching: Chinese, extracted whole.
    const flat = result.stdout.replace(/\s+/g, "");
    for (const name of pagesIn(report.reports)) {
      const title = /<h1[^>]*>(.*?)<\/h1>/s
        .exec(readFileSync(path.join(report.reports, name), "utf8"))?.[1]
        // The heading's own link (#) is not printed.
        ?.replace(/<a class="anchor"[^>]*>.*?<\/a>/g, "")
        .replace(/<[^>]+>/g, "");
      expect(title, name).toMatch(/\p{Script=Han}/u);
      expect(flat, `${name}: ${title}`).toContain(title!.replace(/\s+/g, "").replace(/&amp;/g, "&"));
    }
  });
});
