/** roilab report --editions on the real data folder (the decision page only, to stay quick): three editions, linked every way. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { PDFDocument } from "pdf-lib";
import { printPages } from "../../src/report/pdf/print-pages";
import { CHROMIUM } from "../helpers/browser";
import { roilab, type CliResult } from "../helpers/cli";
import { tempFolder } from "../helpers/notebooks";

const folder = tempFolder("roilab-editions-build-");
const reports = path.join(folder.dir, "reports");
const chapter = path.join(reports, "chapter");
const china = path.join(reports, "2026-11-cn");
let build: CliResult;

beforeAll(async () => {
  build = await roilab([
    "report",
    "--editions",
    "notebooks/00-decision.ipynb",
    "--out",
    reports,
    "--jobs",
    "1",
    "--pdf",
    "--chromium",
    CHROMIUM,
  ]);
}, 600_000);
afterAll(() => folder.dispose());

/** The links of an HTML page inside the element `<nav class="NAME" ...>`. */
function navLinks(file: string, name: string): string[] {
  const nav = new RegExp(`<nav class="${name}"[^>]*>([\\s\\S]*?)</nav>`).exec(readFileSync(file, "utf8"))?.[1] ?? "";
  return [...nav.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
}

const dataFolderOf = (index: string) => /data-roilab-data="([^"]*)"/.exec(readFileSync(index, "utf8"))?.[1];

describe("roilab report --editions", () => {
  it("publishes the newest dated edition at --out, the China edition in 2026-11-cn/ and the data folder's own in chapter/, each with its index and page", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(dataFolderOf(path.join(reports, "index.html"))).toBe("data/2026-11");
    expect(dataFolderOf(path.join(china, "index.html"))).toBe("data/2026-11-cn");
    expect(dataFolderOf(path.join(chapter, "index.html"))).toBe("data");
    for (const dir of [reports, china, chapter])
      expect(
        readdirSync(dir)
          .filter((file) => file.endsWith(".html"))
          .sort(),
      ).toEqual(["00-decision.html", "index.html"]);
  });

  it("links every index to the other editions' indexes, every way, by links that resolve to files on disk", () => {
    expect(navLinks(path.join(reports, "index.html"), "editions")).toEqual(["2026-11-cn/index.html", "chapter/index.html"]);
    expect(navLinks(path.join(chapter, "index.html"), "editions")).toEqual(["../index.html", "../2026-11-cn/index.html"]);
    for (const index of [reports, china, chapter].map((dir) => path.join(dir, "index.html"))) {
      for (const href of navLinks(index, "editions")) {
        const target = path.resolve(path.dirname(index), href);
        expect(existsSync(target), `${index} -> ${href}`).toBe(true);
        expect(dataFolderOf(target)).not.toBe(dataFolderOf(index));
      }
    }
  });

  it("points the chapter's old-prices banner to the same page on the newest prices", () => {
    expect(readFileSync(path.join(chapter, "00-decision.html"), "utf8")).toContain(
      'The same page on newer prices: <a href="../00-decision.html" title="data/2026-11">November 2026</a>.',
    );
    // The China edition is of the same month, for other readers: neither points to the other as newer.
    for (const dir of [reports, china])
      expect(readFileSync(path.join(dir, "00-decision.html"), "utf8")).not.toContain("The same page on newer prices");
  });

  it("shows the China edition's decision in its own currency and language, yuan and Chinese, without being asked", () => {
    const page = readFileSync(path.join(china, "00-decision.html"), "utf8");
    expect(page).toContain('<html lang="zh-CN">');
    const english = readFileSync(path.join(reports, "00-decision.html"), "utf8");
    expect(english).toContain('<html lang="en">');
    // The edition's own lang reaches the notebook too: its bottom line is Chinese, its money in 万 past 100,000 and ¥ for
    // the yuan, while the English edition built in the same run keeps its English.
    expect(page).toContain("维持现状，<strong>每月 ¥52,224.23</strong>");
    expect(page).toContain("DeepSeek V4 Pro");
    expect(english).not.toContain("维持现状");
  });

  it("heads every page with a link to the same page in the other edition, which exists", () => {
    expect(navLinks(path.join(reports, "00-decision.html"), "edition-switch")).toEqual([
      "2026-11-cn/00-decision.html",
      "chapter/00-decision.html",
    ]);
    expect(navLinks(path.join(china, "00-decision.html"), "edition-switch")).toEqual([
      "../00-decision.html",
      "../chapter/00-decision.html",
    ]);
    expect(navLinks(path.join(chapter, "00-decision.html"), "edition-switch")).toEqual([
      "../00-decision.html",
      "../2026-11-cn/00-decision.html",
    ]);
    expect(navLinks(path.join(chapter, "index.html"), "edition-switch")).toEqual(["../index.html", "../2026-11-cn/index.html"]);
    for (const page of [reports, china, chapter].flatMap((dir) => ["index.html", "00-decision.html"].map((file) => path.join(dir, file)))) {
      for (const href of navLinks(page, "edition-switch"))
        expect(existsSync(path.resolve(path.dirname(page), href)), `${page} -> ${href}`).toBe(true);
    }
  });

  it("prints, for a notebook named alone, only that page: no index, as many pages as the page prints by itself", async () => {
    const pdf = path.join(reports, "report.pdf");
    const document = await PDFDocument.load(readFileSync(pdf));
    const [alone] = await printPages([path.join(reports, "00-decision.html")], { chromium: CHROMIUM });
    expect(document.getPageCount()).toBe((await PDFDocument.load(alone!)).getPageCount());
    const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout;
    expect(text.split("\f")[0]).toContain("The decision: call, rent or buy?");
    expect(text).not.toContain("Model selection cost matrix");
    expect(build.stdout).toContain(`wrote ${pdf}  ${document.getPageCount()} pages\n`);
  });

  it("prints the decision page, in each edition, on at most two A4 pages: the answer, the short list, the figure, the rules and the sources, without the full list or the what-if", async () => {
    const english = {
      parts: ["KEY FINDINGS", "The short list", "Figure D1", "How the page decides", "Prices as of", "models.csv"],
      screenOnly: ["All the options the data can price", "What-if"],
    };
    // The China edition's, in Chinese, whose long option names must not push it onto a third page.
    const chinese = {
      parts: ["核心结论", "入围方案", "图 D1", "本页的决策方法", "价格日期为", "models.csv"],
      screenOnly: ["的全部方案，按成本从低到高排列", "假设分析"],
    };
    for (const [dir, words] of [
      [reports, english],
      [chapter, english],
      [china, chinese],
    ] as const) {
      const pdf = path.join(dir, "report.pdf");
      expect((await PDFDocument.load(readFileSync(pdf))).getPageCount(), pdf).toBeLessThanOrEqual(2);
      const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
      for (const part of words.parts) expect(text, `${pdf}: ${part}`).toContain(part);
      // The working behind the answer is on screen only.
      for (const part of words.screenOnly) {
        expect(text, `${pdf}: ${part}`).not.toContain(part);
        expect(readFileSync(path.join(dir, "00-decision.html"), "utf8")).toContain(part);
      }
    }
  });
});
