/**
 * `roilab report --lang zh-CN`: a small report published in Chinese, opened offline in Debian's Chromium. The page
 * says it is Chinese, the publisher's and the page script's words are Chinese, and Chinese text is drawn in a Chinese
 * face (two different characters, each a full em wide), not as empty boxes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { PDFDict, PDFDocument, PDFHexString, PDFName } from "pdf-lib";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { CHROMIUM, launchChromium, openReport } from "../helpers/browser";
import { roilab, type CliResult } from "../helpers/cli";
import { DATA_DIR } from "../helpers/data-folder";
import { tempFolder, writeNotebook } from "../helpers/notebooks";
import { loadDataset } from "../../src/data";
import { breakEvenPanelSpec } from "../../src/analysis/panels";
import { WHATIF_MIME } from "../../src/panels/mime";
import { PLOTLY_MIME } from "../../src/util/mime";

const folder = tempFolder("roilab-chinese-");
const reports = path.join(folder.dir, "reports");
let browser: Browser;
let build: CliResult;

beforeAll(async () => {
  const notebooks = path.join(folder.dir, "notebooks");
  mkdirSync(notebooks);
  const figure = {
    data: [{ type: "bar", x: ["云端 API", "自建服务器"], y: [9765, 30362] }],
    layout: { title: { text: "Figure 1 — 每月成本" } },
  };
  const table = `<table class="roilab-table"><thead><tr><th>模型</th><th>月成本</th></tr></thead><tbody><tr><td>GPT-4o</td><td data-value="1050">$1,050</td></tr></tbody></table>`;
  const parameters = { code: `const dataDir = ${JSON.stringify(DATA_DIR)};`, tags: ["parameters"] };
  writeNotebook(notebooks, "1-break-even.ipynb", [
    { markdown: "# 盈亏平衡：自建服务器何时划算\n\n本页比较云端 API 与自建服务器的月成本。" },
    parameters,
    `import * as tslab from "tslab";`,
    { code: `tslab.display.markdown("**结论**：日调用量超过 3,109 次时，自建更省钱。");`, tags: ["headline", "hide-input"] },
    { markdown: "## 两种情形" },
    `tslab.display.html(${JSON.stringify(table)});`,
    `tslab.display.raw("${PLOTLY_MIME}", ${JSON.stringify(figure)} as any);`,
    { markdown: "## 假设分析" },
    `tslab.display.raw("${WHATIF_MIME}", ${JSON.stringify(breakEvenPanelSpec(loadDataset(DATA_DIR)))} as any);`,
  ]);
  writeNotebook(notebooks, "2-next.ipynb", [{ markdown: "# 第二页" }, parameters, `console.log("你好");`]);
  build = await roilab(["report", notebooks, "--out", reports, "--lang", "zh-CN", "--pdf", "--chromium", CHROMIUM]);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  folder.dispose();
});

const html = (file: string) => readFileSync(path.join(reports, file), "utf8");

describe("roilab report --lang zh-CN", () => {
  it("publishes pages that say they are Chinese, with the publisher's words in Chinese", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    const page = html("1-break-even.html");
    expect(page).toContain('<html lang="zh-CN">');
    for (const words of [
      "大模型云端与本地部署成本分析",
      "价格可能已过时：",
      "核心结论",
      "本页内容",
      "下一节",
      "下载图表数据（CSV）",
      "本页于 ",
    ])
      expect(page, words).toContain(words);
    for (const english of ["Old prices", "Key findings", "On this page", "Download data (CSV)", "Built "])
      expect(page, english).not.toContain(english);
    const index = html("index.html");
    expect(index).toContain('<html lang="zh-CN">');
    expect(index).toContain("<h1>模型选型成本矩阵：云端 vs 本地 ROI</h1>");
    expect(index).toMatch(/models\.csv（截至 2025年9月1日）/);
    // What report itself says it wrote is in Chinese too.
    expect(build.stdout).toMatch(/^已写入 .*1-break-even\.html {2}\d+\.\d KB（含共享资源共 \d+\.\d KB）$/m);
    expect(build.stdout).toMatch(/^已写入 .*report\.pdf {2}共 \d+ 页$/m);
  });

  it("titles the PDF and bookmarks its index in Chinese", async () => {
    const document = await PDFDocument.load(readFileSync(path.join(reports, "report.pdf")));
    expect(document.getTitle()).toBe("roilab — 大模型云端与本地部署成本分析");
    const titles: string[] = [];
    let item = document.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict)?.lookupMaybe(PDFName.of("First"), PDFDict);
    for (; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict))
      titles.push(item.lookup(PDFName.of("Title"), PDFHexString).decodeText());
    expect(titles).toEqual(["报告总览", "盈亏平衡：自建服务器何时划算", "第二页"]);
  });

  it("writes the page script's words in Chinese too: download buttons and the what-if panel's frame", async () => {
    const visit = await openReport(browser, path.join(reports, "1-break-even.html"));
    const { page } = visit;
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.locator(".table-tools button.download-csv").textContent()).toBe("下载表格（CSV）");
    expect(await page.locator(".whatif h3").textContent()).toMatch(/^假设分析：/);
    expect(await page.locator(".whatif button.reset").textContent()).toBe("恢复笔记本中的取值");
    expect(await page.locator(".whatif .message").allTextContents()).toContain("当前配置不使用此项");
    // An input out of its range: the panel says in Chinese what it cannot compute.
    await page.locator('.whatif input[name="callsPerDay"]').fill("-5");
    await expect.poll(() => page.locator(".whatif .result").textContent()).toMatch(/^无法计算盈亏平衡点：/);
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.blocked).toEqual([]);
    await page.close();
  });

  it.each([1280, 390])("draws Chinese in a Chinese face at %i px: two different glyphs a full em wide, not empty boxes", async (width) => {
    const visit = await openReport(browser, path.join(reports, "1-break-even.html"), { width });
    const { page } = visit;
    const drawn = await page.evaluate(() => {
      const heading = document.querySelector("main.report h1") as HTMLElement;
      const font = getComputedStyle(heading).fontFamily;
      const canvas = document.createElement("canvas");
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      context.font = `48px ${font}`;
      /** The pixels of one character drawn alone: the same box for two characters means the face lacks both. */
      const pixels = (char: string) => {
        context.clearRect(0, 0, 64, 64);
        context.fillText(char, 4, 52);
        return Array.from(context.getImageData(0, 0, 64, 64).data).join(",");
      };
      return {
        font,
        hasFace: document.fonts.check('16px "Noto Sans CJK SC"', "中文"),
        headingWidth: heading.getBoundingClientRect().width,
        pairWidth: context.measureText("中文").width,
        distinct: pixels("中") !== pixels("文"),
        inked: pixels("中") !== pixels(" "),
      };
    });
    expect(drawn.font).toMatch(/^"Noto Sans CJK SC"/);
    expect(drawn.hasFace).toBe(true);
    expect(drawn.headingWidth).toBeGreaterThan(0);
    expect(drawn.pairWidth).toBeCloseTo(96, 0);
    expect(drawn.distinct).toBe(true);
    expect(drawn.inked).toBe(true);
    const shot = await page.locator("main.report h1").screenshot();
    expect(shot.byteLength).toBeGreaterThan(1000);
    await page.close();
  });
});
